import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { audit } from "../../src/audit/audit.js";
import type { AuditDocument, Discrepancy } from "../../src/audit/types.js";
import { compute } from "../../src/batch/compute.js";
import { ZERO } from "../../src/money/decimal.js";
import { enterpriseCasesArb, exactLedger, perturb, perturbationArb, type LedgerRowInput } from "./support.js";

const settings = { numRuns: Number(process.env.FC_RUNS ?? 100) };

/** Cases, their outcomes, and a ledger that pays them exactly and then goes wrong in 0 to 6 ways. */
const scenarioArb = fc
  .tuple(enterpriseCasesArb(6), fc.array(perturbationArb, { maxLength: 6 }))
  .map(([cases, changes]) => {
    const outcomes = compute(cases);
    const ledger = perturb(
      exactLedger(outcomes),
      cases.map((facts) => facts.id),
      changes,
    );
    return { cases, outcomes, ledger };
  });

const sum = (amounts: readonly string[]) => amounts.reduce((acc, amount) => acc.plus(amount), ZERO);

test.prop([scenarioArb], settings)(
  "the differences add up to Σ paid − Σ owed (zero tolerance), and the totals are Σ outcomes and Σ rows",
  ({ cases, outcomes, ledger }) => {
    const document = audit(cases, ledger);
    const owed = sum(outcomes.map((outcome) => outcome.amounts.total));
    const paid = sum(ledger.map((row) => row.amount));
    expect(document.totals.owed).toBe(owed.toFixed(2));
    expect(document.totals.paid).toBe(paid.toFixed(2));
    expect(document.totals.difference).toBe(paid.minus(owed).toFixed(2));
    expect(sum(document.discrepancies.map((d) => d.difference)).toFixed(2)).toBe(document.totals.difference);
    for (const d of document.discrepancies) expect(sum([d.paid]).minus(d.owed).toFixed(2)).toBe(d.difference);
  },
);

test.prop([scenarioArb, fc.integer({ min: 0, max: 10_000_00 })], settings)(
  "with any tolerance, the reconciliation and unknown rows add up to the total difference, and no amount discrepancy is within it",
  ({ cases, ledger }, toleranceFen) => {
    const tolerance = (toleranceFen / 100).toFixed(2); // a test input, not a money path
    const document = audit(cases, ledger, { tolerance });
    const reconciled = sum(document.reconciliation.map((entry) => entry.difference.total));
    const unknown = sum(document.discrepancies.filter((d) => d.type === "unknown-case").map((d) => d.difference));
    expect(reconciled.plus(unknown).toFixed(2)).toBe(document.totals.difference);
    for (const d of document.discrepancies.filter((d) => ["underpaid", "overpaid", "unpaid"].includes(d.type)))
      expect(sum([d.difference]).abs().gt(tolerance)).toBe(true);
  },
);

/** A discrepancy with its rows replaced by the rows' contents, so two ledgers in different orders compare. */
function byContent(document: AuditDocument, ledger: readonly LedgerRowInput[]): unknown {
  const content = (d: Discrepancy) => ({ ...d, rows: (d.rows ?? []).map((index) => ledger[index]) });
  return {
    ...document,
    discrepancies: document.discrepancies.map(content),
    reconciliation: document.reconciliation.map((entry) => ({
      ...entry,
      rows: entry.rows.map((index) => ledger[index]).sort(compareRows),
    })),
  };
}

function compareRows(a: LedgerRowInput | undefined, b: LedgerRowInput | undefined): number {
  const key = (row: LedgerRowInput | undefined) => JSON.stringify(row);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

test.prop(
  [
    scenarioArb.chain((scenario) =>
      fc
        .shuffledSubarray(
          scenario.ledger.map((_, index) => index),
          { minLength: scenario.ledger.length },
        )
        .map((order) => ({ ...scenario, order })),
    ),
  ],
  settings,
)("permuting the ledger rows changes nothing but the row indexes", ({ cases, ledger, order }) => {
  const permuted = order.map((index) => ledger[index] as LedgerRowInput);
  expect(byContent(audit(cases, permuted), permuted)).toEqual(byContent(audit(cases, ledger), ledger));
});

test.prop([enterpriseCasesArb(8)], settings)("a ledger that pays exactly what compute says is clean", (cases) => {
  const document = audit(cases, exactLedger(compute(cases)));
  expect(document.discrepancies).toEqual([]);
  expect(document.reconciliation.every((entry) => entry.status === "clean")).toBe(true);
  expect(document.totals.difference).toBe("0.00");
});

test.prop([scenarioArb], settings)(
  "every ledger row is accounted to exactly one case or one unknown-case discrepancy",
  ({ cases, ledger }) => {
    const document = audit(cases, ledger);
    const rows = [
      ...document.reconciliation.flatMap((entry) => entry.rows),
      ...document.discrepancies.filter((d) => d.type === "unknown-case").flatMap((d) => d.rows ?? []),
    ].sort((a, b) => a - b);
    expect(rows).toEqual(ledger.map((_, index) => index));
  },
);
