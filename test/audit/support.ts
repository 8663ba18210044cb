import { fc } from "@fast-check/vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OutcomeBase as Outcome } from "../../src/trace/types.js";

/** fen (an integer) as a yuan decimal string "1234.56", without floats. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const quantityArb = (maxHundredths: number) => fc.integer({ min: 0, max: maxHundredths }).map(fenToYuan);
const dateArb = fc
  .record({
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    year: fc.constantFrom(2016, 2017),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);

/**
 * A valid enterprise-exit case (without id) whose track varies: mostly eligible (municipal,
 * district-supplement, district-small), sometimes not (unlicensed, acceptance incomplete).
 */
export const enterpriseFactsArb = fc.record({
  kind: fc.constant("enterprise-exit" as const),
  name: fc.constant("随机企业 (synthetic)"),
  township: fc.constantFrom("台湖镇", "宋庄镇", "张家湾镇"),
  exitMode: fc.constantFrom("whole" as const, "process" as const),
  scale: fc.constantFrom("above" as const, "below" as const),
  exitCompletedOn: dateArb,
  licensed: fc.constantFrom(true, true, true, true, false),
  acceptance: fc.record({
    equipmentRemoved: fc.constant(true),
    licenceChangedOrCancelled: fc.constant(true),
    staffResettled: fc.constantFrom(true, true, true, true, false),
  }),
  municipalOutcome: fc.constantFrom(
    "granted" as const,
    "not-granted" as const,
    "pending" as const,
    "not-applied" as const,
  ),
  recommendedByDistrict: fc.boolean(),
  energySavedTce: quantityArb(1_200_000),
  pollutantsReducedTonnes: fc.record({ so2: quantityArb(5_000), nox: quantityArb(5_000) }),
  priorYearTax: fc.record({ vat: quantityArb(50_000_000), corporateIncome: quantityArb(20_000_000) }),
  employees: fc.integer({ min: 0, max: 200 }),
  landAreaM2: quantityArb(1_000_000),
});

/** 1 to `max` valid enterprise-exit cases with unique ids E-0, E-1, … */
export function enterpriseCasesArb(max = 6) {
  return fc
    .array(enterpriseFactsArb, { minLength: 1, maxLength: max })
    .map((list) => list.map((facts, index) => ({ ...facts, id: `E-${index}` })));
}

export interface LedgerRowInput {
  caseId: string;
  payer: "municipal" | "district";
  amount: string;
  paidOn: string;
  voucher?: string;
}

/** The ledger that pays exactly what the outcomes say: one row per case and payer with a non-zero amount. */
export function exactLedger(outcomes: readonly Outcome[]): LedgerRowInput[] {
  return outcomes.flatMap((outcome) =>
    (["municipal", "district"] as const).flatMap((payer) =>
      /^0(\.0+)?$/.test(outcome.amounts[payer])
        ? []
        : [
            {
              caseId: outcome.id,
              payer,
              amount: outcome.amounts[payer],
              paidOn: "2016-12-20",
              voucher: `${outcome.id}-${payer}`,
            },
          ],
    ),
  );
}

/** One change to a ledger: the kinds of mistake an audit must find. */
export type Perturbation =
  | { readonly kind: "shift"; readonly at: number; readonly fen: number }
  | { readonly kind: "drop"; readonly at: number }
  | { readonly kind: "duplicate"; readonly at: number; readonly day: number }
  | { readonly kind: "swap-payer"; readonly at: number }
  | { readonly kind: "reverse"; readonly at: number }
  | { readonly kind: "unknown"; readonly fen: number }
  | {
      readonly kind: "pay";
      readonly caseIndex: number;
      readonly payer: "municipal" | "district";
      readonly fen: number;
    };

export const perturbationArb: fc.Arbitrary<Perturbation> = fc.oneof(
  fc.record({ kind: fc.constant("shift" as const), at: fc.nat(), fen: fc.integer({ min: -5_000_00, max: 5_000_00 }) }),
  fc.record({ kind: fc.constant("drop" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant("swap-payer" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("reverse" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("unknown" as const), fen: fc.integer({ min: 0, max: 1_000_000_00 }) }),
  fc.record({
    kind: fc.constant("pay" as const),
    caseIndex: fc.nat(),
    payer: fc.constantFrom("municipal" as const, "district" as const),
    fen: fc.integer({ min: 1, max: 1_000_000_00 }),
  }),
);

/** Applies perturbations in turn (indexes wrap around the current ledger; on an empty ledger row changes do nothing). */
export function perturb(
  ledger: readonly LedgerRowInput[],
  caseIds: readonly string[],
  changes: readonly Perturbation[],
): LedgerRowInput[] {
  let rows = ledger.map((row) => ({ ...row }));
  changes.forEach((change, step) => {
    const at = "at" in change && rows.length > 0 ? change.at % rows.length : -1;
    const row = rows[at];
    switch (change.kind) {
      case "shift":
        if (row !== undefined) row.amount = addFen(row.amount, change.fen);
        break;
      case "drop":
        if (row !== undefined) rows = rows.filter((_, index) => index !== at);
        break;
      case "duplicate":
        if (row !== undefined)
          rows.push({ ...row, paidOn: `2017-01-${String(change.day).padStart(2, "0")}`, voucher: `dup-${step}` });
        break;
      case "swap-payer":
        if (row !== undefined) row.payer = row.payer === "municipal" ? "district" : "municipal";
        break;
      case "reverse":
        if (row !== undefined)
          rows.push({
            ...row,
            amount: row.amount.startsWith("-") ? row.amount.slice(1) : `-${row.amount}`,
            paidOn: "2017-02-01",
            voucher: `rev-${step}`,
          });
        break;
      case "unknown":
        rows.push({
          caseId: `NO-SUCH-${step}`,
          payer: "district",
          amount: fenToYuan(change.fen),
          paidOn: "2016-12-31",
        });
        break;
      case "pay": {
        const caseId = caseIds[change.caseIndex % Math.max(caseIds.length, 1)];
        if (caseId !== undefined)
          rows.push({
            caseId,
            payer: change.payer,
            amount: fenToYuan(change.fen),
            paidOn: "2016-12-25",
            voucher: `pay-${step}`,
          });
        break;
      }
    }
  });
  return rows;
}

function addFen(amount: string, fen: number): string {
  const [whole = "0", fraction = "00"] = amount.replace(/^-/, "").split(".");
  const units = (amount.startsWith("-") ? -1 : 1) * (Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2)));
  return fenToYuan(units + fen);
}

export { fakeIo } from "../support/cli.js";

/** A fresh temporary folder with the given JSON files written into it. */
export function tempFiles(files: { readonly [name: string]: unknown }): string {
  const folder = mkdtempSync(join(tmpdir(), "exitfund-"));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(folder, name), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return folder;
}
