import type { Receipt } from "../receipt/receipt.js";
import type { Dec } from "../money/decimal.js";
import type { RuleSet } from "../parameters/types.js";
import type { Programme } from "../rules/programme.js";
import type { LedgerRow } from "../schemas/cases.js";
import type { CaseKind, OutcomeBase, Payer } from "../trace/types.js";

/**
 * The kinds of discrepancy an audit reports (docs/auditors.md).
 *
 * - `underpaid`: the payer paid less than it owes (but more than nothing);
 * - `overpaid`: the payer paid more than it owes (and it owes something);
 * - `unpaid`: the payer owes something and paid nothing;
 * - `paid-not-owed`: a payer paid a case on which nothing is owed by anyone (e.g. an ineligible enterprise);
 * - `duplicate-payment`: a second (third, …) payment row for the same case and payer;
 * - `wrong-payer`: a payer that owes nothing paid while the other payer owes (one line for each side);
 * - `unknown-case`: a ledger row whose `caseId` names no case.
 */
export const DISCREPANCY_TYPES = [
  "underpaid",
  "overpaid",
  "unpaid",
  "paid-not-owed",
  "duplicate-payment",
  "wrong-payer",
  "unknown-case",
] as const;

export type DiscrepancyType = (typeof DISCREPANCY_TYPES)[number];

/** Kinds judged on the amount: reported only when |difference| exceeds the tolerance. The others are always reported. */
export const AMOUNT_TYPES: readonly DiscrepancyType[] = ["underpaid", "overpaid", "unpaid"];

/**
 * One discrepancy: `difference` = `paid` − `owed`; `vouchers` are the rows' vouchers; `rows` the ledger rows
 * as the user finds them — Excel's row numbers in a CSV or XLSX ledger (header row = 1), 0-based indexes in
 * a JSON ledger or a plain array — and, for a ledger read from several sheets, `sheets` their sheets.
 */
export interface Discrepancy {
  readonly caseId: string;
  readonly type: DiscrepancyType;
  readonly payer: Payer;
  readonly owed: string;
  readonly paid: string;
  readonly difference: string;
  readonly vouchers?: readonly string[];
  readonly rows?: readonly number[];
  readonly sheets?: readonly string[];
}

/** Money by payer, as strings at the rule set's scale; `total` = municipal + district. */
export interface PayerAmounts {
  readonly municipal: string;
  readonly district: string;
  readonly total: string;
}

/** Standing of one case after the audit: no difference at all, differences all within the tolerance, or reported discrepancies. */
export type ReconciliationStatus = "clean" | "within-tolerance" | "discrepant";

/** One case of the audit: owed and paid by payer, and its status. */
export interface ReconciliationEntry {
  readonly caseId: string;
  readonly kind: CaseKind;
  readonly township: string;
  readonly owed: PayerAmounts;
  readonly paid: PayerAmounts;
  readonly difference: PayerAmounts;
  readonly status: ReconciliationStatus;
  /** The discrepancy types reported for the case, in report order, each once. */
  readonly types: readonly DiscrepancyType[];
  /** Ledger rows matched to the case (numbered as {@link Discrepancy.rows} are). */
  readonly rows: readonly number[];
  readonly sheets?: readonly string[];
}

/** The JSON document of `exitfund audit` (docs/auditors.md, with the extras `tolerance`, `counts` and `reconciliation`). */
export interface AuditDocument {
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly tolerance: string;
  readonly discrepancies: readonly Discrepancy[];
  readonly totals: { readonly owed: string; readonly paid: string; readonly difference: string };
  readonly counts: { readonly [T in DiscrepancyType]: number };
  readonly reconciliation: readonly ReconciliationEntry[];
  /** The receipt of the cases audited (docs/auditors.md); the ledger is an input of the check, not of the amounts owed. */
  readonly receipt: Receipt;
}

/** Where a ledger row is in its file: its row number as the user sees it (Excel's, header row = 1) and its sheet. */
export interface LedgerPlace {
  /** Excel's row number in a CSV or XLSX ledger (header row = 1); the 0-based index in a JSON ledger. */
  readonly row: number;
  /** The sheet of a workbook's row. */
  readonly sheet?: string;
}

/** Options of {@link audit}. */
export interface AuditOptions {
  /** Money ≥ 0 (a decimal string): an amount difference at most this large is not a discrepancy. Default "0". */
  readonly tolerance?: string;
  /**
   * Where each ledger row is in its file (same order and length as the ledger), so that discrepancies' `rows`
   * (and `sheets`) are the ones the user finds there. A ledger read by `exitfund/node`'s `readLedger` carries
   * them (its `places`) and needs no option; without either, `rows` are 0-based indexes of the array.
   */
  readonly ledgerPlaces?: readonly LedgerPlace[];
  /** A rule set, a bundled id, or rule-set JSON (default tongzhou-2016). */
  readonly ruleSet?: RuleSet | string | object;
  /** The programme the cases are computed with (default `defaultProgramme`). */
  readonly programme?: Programme;
}

/** Validated audit input: the outcomes of every case, the parsed ledger and the tolerance. */
export interface AuditInput {
  readonly ruleSet: RuleSet;
  readonly outcomes: readonly OutcomeBase[];
  readonly ledger: readonly LedgerRow[];
  readonly tolerance: Dec;
  /** The receipt of the computation of `outcomes` (`computeBatch`'s). */
  readonly receipt: Receipt;
  /**
   * Where each ledger row is in its file (same order as `ledger`): its row number as the user sees it and,
   * for a workbook of several sheets, the sheet. Without it, rows are 0-based indexes.
   */
  readonly ledgerPlaces?: readonly LedgerPlace[];
}
