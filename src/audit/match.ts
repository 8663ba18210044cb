import { ZERO, dec, sum, type Dec } from "../money/decimal.js";
import type { LedgerRow } from "../schemas/cases.js";
import type { OutcomeBase, Payer } from "../trace/types.js";
import { AMOUNT_TYPES, type DiscrepancyType } from "./types.js";

/** A ledger row with its 0-based index in the ledger and its amount as a decimal. */
export interface IndexedRow {
  readonly index: number;
  readonly row: LedgerRow;
  readonly amount: Dec;
}

/**
 * One line of the audit: what one payer owes on one case against the rows that pay it, or one
 * duplicate row, or one row of an unknown case. Every ledger row lies on exactly one line, and
 * every amount owed on exactly one line, so the lines add up to the audit's totals.
 */
export interface AuditLine {
  readonly caseId: string;
  readonly payer: Payer;
  /** undefined: paid exactly what is owed (or nothing owed and nothing paid). */
  readonly type: DiscrepancyType | undefined;
  readonly reported: boolean;
  readonly owed: Dec;
  readonly paid: Dec;
  readonly rows: readonly IndexedRow[];
}

export const PAYERS: readonly Payer[] = ["municipal", "district"];

/**
 * The rows of one case and payer split into the payment and its duplicates.
 *
 * @remarks
 * Rows are put in a canonical order (paid on, then amount, then voucher), so the split does not
 * depend on the order of the ledger. A negative row (a reversal) cancels the latest positive row of
 * the same magnitude, preferring a duplicate over the first payment. Of the positive rows left, the
 * first is the payment and every later one is a duplicate. The payment line holds the first
 * payment, every reversal and cancelled row, and zero rows (they move no money).
 */
export function splitPayments(rows: readonly IndexedRow[]): { payment: IndexedRow[]; duplicates: IndexedRow[] } {
  const sorted = [...rows].sort(canonicalOrder);
  const positives = sorted.filter((entry) => entry.amount.gt(0));
  const cancelled = new Set<IndexedRow>();
  for (const reversal of sorted.filter((entry) => entry.amount.lt(0))) {
    const match = [...positives]
      .reverse()
      .find((entry) => !cancelled.has(entry) && entry.amount.eq(reversal.amount.negated()));
    if (match !== undefined) cancelled.add(match);
  }
  const duplicates = positives.filter((entry) => !cancelled.has(entry)).slice(1);
  return { payment: sorted.filter((entry) => !duplicates.includes(entry)), duplicates };
}

/** Paid on, then amount, then voucher (none first), then ledger index: a total order independent of the ledger's order (but for identical rows). */
export function canonicalOrder(a: IndexedRow, b: IndexedRow): number {
  return (
    compareText(a.row.paidOn, b.row.paidOn) ||
    a.amount.comparedTo(b.amount) ||
    Number(a.row.voucher !== undefined) - Number(b.row.voucher !== undefined) ||
    compareText(a.row.voucher ?? "", b.row.voucher ?? "") ||
    a.index - b.index
  );
}

/**
 * 核对 · reconcile one case — its audit lines: for each payer, the payment line and one line per duplicate row.
 *
 * @remarks
 * The payment line's type compares what the payer owes with its net payment: `underpaid`,
 * `overpaid`, `unpaid`, `paid-not-owed`, or `wrong-payer` (a payer that owes nothing paid while the
 * other owes: both sides get a `wrong-payer` line, the paying side with owed 0 and the owing side
 * with paid 0). Amount kinds (under/over/unpaid) are reported only when |paid − owed| > tolerance;
 * the other kinds always are.
 * @category audit
 */
export function caseLines(outcome: OutcomeBase, rows: readonly IndexedRow[], tolerance: Dec): AuditLine[] {
  const split = {
    municipal: splitPayments(rows.filter((entry) => entry.row.payer === "municipal")),
    district: splitPayments(rows.filter((entry) => entry.row.payer === "district")),
  };
  const paidBy = (payer: Payer) => sum(split[payer].payment.map((entry) => entry.amount));
  const lines: AuditLine[] = [];
  for (const payer of PAYERS) {
    const other = payer === "municipal" ? "district" : "municipal";
    const owed = dec(outcome.amounts[payer]);
    const paid = paidBy(payer);
    const type = paymentType(owed, paid, dec(outcome.amounts[other]), paidBy(other));
    lines.push({
      caseId: outcome.id,
      payer,
      type,
      reported: isReported(type, paid.minus(owed), tolerance),
      owed,
      paid,
      rows: split[payer].payment,
    });
    for (const duplicate of split[payer].duplicates) {
      lines.push({
        caseId: outcome.id,
        payer,
        type: "duplicate-payment",
        reported: true,
        owed: ZERO,
        paid: duplicate.amount,
        rows: [duplicate],
      });
    }
  }
  return lines;
}

/** The type of a payment line (see {@link caseLines}); undefined when the payer paid exactly what it owes. */
export function paymentType(owed: Dec, paid: Dec, owedByOther: Dec, paidByOther: Dec): DiscrepancyType | undefined {
  if (owed.gt(0)) {
    if (paid.lte(0)) return owedByOther.isZero() && !paidByOther.isZero() ? "wrong-payer" : "unpaid";
    if (paid.lt(owed)) return "underpaid";
    if (paid.gt(owed)) return "overpaid";
    return undefined;
  }
  if (paid.isZero()) return undefined;
  return owedByOther.gt(0) ? "wrong-payer" : "paid-not-owed";
}

/** Whether a line is a discrepancy: amount kinds beyond the tolerance, and every other kind whatever its amount. */
export function isReported(type: DiscrepancyType | undefined, difference: Dec, tolerance: Dec): boolean {
  if (type === undefined) return false;
  return AMOUNT_TYPES.includes(type) ? difference.abs().gt(tolerance) : true;
}

/** One `unknown-case` line per row whose case id names no case, ordered by case id, payer, then canonically. */
export function unknownCaseLines(rows: readonly IndexedRow[]): AuditLine[] {
  return [...rows]
    .sort(
      (a, b) =>
        compareText(a.row.caseId, b.row.caseId) ||
        PAYERS.indexOf(a.row.payer) - PAYERS.indexOf(b.row.payer) ||
        canonicalOrder(a, b),
    )
    .map((entry) => ({
      caseId: entry.row.caseId,
      payer: entry.row.payer,
      type: "unknown-case",
      reported: true,
      owed: ZERO,
      paid: entry.amount,
      rows: [entry],
    }));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
