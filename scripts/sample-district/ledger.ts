import type { DiscrepancyType } from "../../src/audit/types.js";
import { dec } from "../../src/money/decimal.js";
import { formatAmount } from "../../src/money/format.js";
import { toMoneyString } from "../../src/money/round.js";
import type { Outcome } from "../../src/rules/default.js";
import type { Payer } from "../../src/trace/types.js";
import { addDays } from "./dates.js";
import type { Random } from "./random.js";

/** A payment as the finance bureau's ledger records it (DESIGN §6). */
export interface LedgerRowInput {
  readonly caseId: string;
  readonly payer: Payer;
  readonly amount: string;
  readonly paidOn: string;
  readonly voucher: string;
}

/** A discrepancy planted on purpose in the sample ledger, for `audit` to find. */
export interface PlantedDiscrepancy {
  readonly caseId: string;
  readonly type: DiscrepancyType;
  readonly payer: Payer;
  readonly note: string;
}

type Row = Omit<LedgerRowInput, "voucher"> & { readonly voucherNote?: string };

/** The date each kind of case is paid from: the exit, the declaration, the clearance, or the 2017 budget. */
export type CaseDates = ReadonlyMap<string, string>;

/** Days from the case's date to payment: the city pays later than the district. */
function paidOn(random: Random, from: string, payer: Payer, kind: Outcome["kind"]): string {
  if (kind === "township-transfer") return addDays("2017-05-15", random.int(0, 120));
  return addDays(from, payer === "municipal" ? random.int(75, 260) : random.int(20, 140));
}

/** One row per case and payer with a non-zero amount: exactly what the rules compute. */
function exactRows(random: Random, outcomes: readonly Outcome[], dates: CaseDates): Row[] {
  const rows: Row[] = [];
  for (const outcome of outcomes) {
    for (const payer of ["municipal", "district"] as const) {
      const amount = outcome.amounts[payer];
      if (dec(amount).isZero()) continue;
      rows.push({
        caseId: outcome.id,
        payer,
        amount,
        paidOn: paidOn(random, dates.get(outcome.id) ?? "2017-01-01", payer, outcome.kind),
      });
    }
  }
  return rows;
}

/** Takes `count` distinct rows matching `test` that no earlier plant used. */
function take(
  random: Random,
  rows: readonly Row[],
  used: Set<string>,
  count: number,
  test: (row: Row) => boolean,
): Row[] {
  const found = random.shuffle(rows.filter((row) => test(row) && !used.has(row.caseId))).slice(0, count);
  if (found.length < count)
    throw new Error(`ledger: not enough rows to plant discrepancies (${found.length} of ${count})`);
  for (const row of found) used.add(row.caseId);
  return found;
}

const money = (value: ReturnType<typeof dec>) => toMoneyString(value);

/**
 * 支付台账 · the sample payment ledger — every case paid exactly what `computeBatch` owes it, then two
 * discrepancies of each type planted on distinct cases; returns the rows (sorted by date, with vouchers
 * TZCZ-<year>-<n> for the district and BJCZ-<year>-<n> for the city) and the list of what was planted.
 */
export function generateLedger(
  random: Random,
  outcomes: readonly Outcome[],
  dates: CaseDates,
): { rows: LedgerRowInput[]; planted: PlantedDiscrepancy[] } {
  const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  const track = (row: Row) => byId.get(row.caseId)?.track;
  const kind = (row: Row) => byId.get(row.caseId)?.kind;
  let rows = exactRows(random, outcomes, dates);
  const used = new Set<string>();
  const planted: PlantedDiscrepancy[] = [];
  const plant = (row: Row, type: DiscrepancyType, note: string, payer: Payer = row.payer) =>
    planted.push({ caseId: row.caseId, type, payer, note });
  const replace = (row: Row, next: Row | undefined) => {
    rows = rows.flatMap((r) => (r === row ? (next === undefined ? [] : [next]) : [r]));
  };

  for (const row of take(
    random,
    rows,
    used,
    2,
    (r) => track(r) === "district-small" && dec(r.amount).greaterThan(50_000),
  )) {
    const paid = money(dec(row.amount).times(random.int(60, 95)).dividedBy(100).toDecimalPlaces(0));
    replace(row, { ...row, amount: paid });
    plant(row, "underpaid", `owed ${formatAmount(row.amount)}, paid ${formatAmount(paid)} (a partial payment)`);
  }
  for (const row of take(
    random,
    rows,
    used,
    2,
    (r) => kind(r) === "structure-clearance" || kind(r) === "village-compensation",
  )) {
    const paid = money(dec(row.amount).plus(random.int(5, 200) * 100));
    replace(row, { ...row, amount: paid });
    plant(row, "overpaid", `owed ${formatAmount(row.amount)}, paid ${formatAmount(paid)} (paid more than approved)`);
  }
  for (const row of take(
    random,
    rows,
    used,
    2,
    (r) => track(r) === "district-supplement" || kind(r) === "structure-clearance",
  )) {
    replace(row, undefined);
    plant(row, "unpaid", `owed ${formatAmount(row.amount)} by the ${row.payer} budget, no payment recorded`);
  }
  const blocked = outcomes.filter(
    (outcome) => outcome.kind === "enterprise-exit" && outcome.track === "none" && !used.has(outcome.id),
  );
  for (const outcome of random.shuffle(blocked).slice(0, 2)) {
    used.add(outcome.id);
    const amount = money(dec(random.int(40, 240) * 1000));
    const row: Row = {
      caseId: outcome.id,
      payer: "district",
      amount,
      paidOn: addDays(dates.get(outcome.id) ?? "2017-01-01", random.int(30, 120)),
    };
    rows.push(row);
    plant(
      row,
      "paid-not-owed",
      `paid ${formatAmount(amount)} to an exit with no reward (${outcome.reasons
        .filter((r) => r.decisive === true)
        .map((r) => r.code)
        .join(", ")})`,
    );
  }
  for (const row of take(
    random,
    rows,
    used,
    2,
    (r) => track(r) === "district-small" || kind(r) === "village-compensation",
  )) {
    rows.push({ ...row, paidOn: addDays(row.paidOn, random.int(12, 60)), voucherNote: "duplicate" });
    plant(row, "duplicate-payment", `${formatAmount(row.amount)} paid twice, under two vouchers`);
  }
  for (const row of take(
    random,
    rows,
    used,
    2,
    (r) => r.payer === "municipal" && byId.get(r.caseId)?.estimate === false,
  )) {
    replace(row, { ...row, payer: "district" });
    plant(
      row,
      "wrong-payer",
      `owed ${formatAmount(row.amount)} by the municipal budget, paid by the district`,
      "district",
    );
  }
  for (const caseId of ["E-2016-2779", "C-0318"]) {
    const row: Row = {
      caseId,
      payer: "district",
      amount: money(dec(random.int(20, 160) * 1000)),
      paidOn: addDays("2017-03-01", random.int(0, 200)),
    };
    rows.push(row);
    plant(row, "unknown-case", `paid ${formatAmount(row.amount)} against an id that no case has`);
  }
  return { rows: withVouchers(rows), planted };
}

/** Sorts by payment date and numbers the vouchers per payer and year. */
function withVouchers(rows: readonly Row[]): LedgerRowInput[] {
  const sorted = [...rows].sort((a, b) =>
    a.paidOn === b.paidOn
      ? a.caseId === b.caseId
        ? a.payer.localeCompare(b.payer)
        : a.caseId < b.caseId
          ? -1
          : 1
      : a.paidOn < b.paidOn
        ? -1
        : 1,
  );
  const counters = new Map<string, number>();
  return sorted.map(({ voucherNote: _, ...row }) => {
    const prefix = `${row.payer === "municipal" ? "BJCZ" : "TZCZ"}-${row.paidOn.slice(0, 4)}`;
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return { ...row, voucher: `${prefix}-${String(n).padStart(6, "0")}` };
  });
}
