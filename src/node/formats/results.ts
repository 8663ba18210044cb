import type { Receipt } from "../../receipt/receipt.js";
import type { CaseError, ComputeDocument, Totals } from "../../batch/compute.js";
import type { OutcomeBase as Outcome } from "../../trace/types.js";
import { BOM, csvLines, safeText } from "./csv.js";
import { listItem } from "./jsonWrite.js";
import type { Lang } from "../lang.js";
import { NOTICES_WITH, say, sayLine } from "../messages.js";

/** Columns of the results CSV (one row per outcome; amounts as exact decimal strings). */
export const RESULT_CSV_HEADERS = [
  "id",
  "kind",
  "township",
  "track",
  "eligible",
  "payeeType",
  "payeeId",
  "municipal",
  "district",
  "total",
  "estimate",
  "basis",
  "findings",
  "reasons",
] as const;

/** Distinct codes, in the order they first appear, joined by "; ". */
export function codes(list: readonly { readonly code: string }[]): string {
  return [...new Set(list.map((entry) => entry.code))].join("; ");
}

/** One outcome as a results-CSV row: text made safe for Excel, amounts as they are (never a leading `'`). */
export function resultCsvRow(outcome: Outcome): string[] {
  return [
    safeText(outcome.id),
    outcome.kind,
    safeText(outcome.township),
    outcome.track ?? "",
    String(outcome.eligible),
    outcome.payee.type,
    safeText(outcome.payee.id),
    outcome.amounts.municipal,
    outcome.amounts.district,
    outcome.amounts.total,
    String(outcome.estimate),
    outcome.basis,
    codes(outcome.findings),
    codes(outcome.reasons),
  ];
}

/** The header line of the results CSV, after a BOM so Excel reads UTF-8. */
export function resultsCsvHeader(): string {
  return BOM + csvLines([[...RESULT_CSV_HEADERS]]);
}

/** CSV lines of some outcomes (no header). */
export function resultsCsvRows(outcomes: readonly Outcome[]): string {
  return outcomes.length === 0 ? "" : csvLines(outcomes.map(resultCsvRow));
}

/** The results CSV of a compute document: BOM, header, one row per outcome. Totals are not rows (see docs/files.md). */
export function resultsCsv(document: ComputeDocument): string {
  return resultsCsvHeader() + resultsCsvRows(document.results);
}

/** One NDJSON line of an outcome; its trace only with `explain`. */
export function outcomeLine(outcome: Outcome, explain: boolean): string {
  if (explain) return `${JSON.stringify(outcome)}\n`;
  const { trace: _trace, ...rest } = outcome;
  return `${JSON.stringify(rest)}\n`;
}

/** One outcome as an item of the `results` list of a JSON document (see listItem); its trace only with `explain`. */
export function outcomeItem(outcome: Outcome, explain: boolean): string {
  if (explain) return listItem(outcome);
  const { trace: _trace, ...rest } = outcome;
  return listItem(rest);
}

/** The members of a JSON compute document after its results, as `listedErrors` gives them. */
export function documentTail(
  totals: Totals,
  errors: readonly CaseError[],
  receipt: Receipt,
  omitted = 0,
): { [key: string]: unknown } {
  return { totals, errors, receipt, ...(omitted > 0 ? { errorsOmitted: omitted } : {}) };
}

/**
 * The last NDJSON line: `{ "ruleSet", "totals", "errors", "receipt" }` (outcome lines have `id` and `kind`; this
 * one has `totals` and the receipt of the lines above it).
 */
export function summaryLine(
  ruleSet: ComputeDocument["ruleSet"],
  totals: Totals,
  errors: readonly CaseError[],
  receipt: Receipt,
  omitted = 0,
): string {
  return `${JSON.stringify({ ruleSet, totals, errors, ...(omitted > 0 ? { errorsOmitted: omitted } : {}), receipt })}\n`;
}

/** The NDJSON of a compute document: one line per outcome, then the summary line. */
export function resultsNdjson(document: ComputeDocument, explain: boolean): string {
  return (
    document.results.map((outcome) => outcomeLine(outcome, explain)).join("") +
    summaryLine(document.ruleSet, document.totals, document.errors, document.receipt)
  );
}

/** A short account of the totals for stderr (the CSV holds results only), in `lang`. */
export function totalsText(totals: Totals, count: number, lang: Lang = "en"): string {
  const lines = [sayLine(NOTICES_WITH.totals(count, totals.municipal, totals.district, totals.total), lang)];
  for (const [township, amounts] of Object.entries(totals.byTownship))
    lines.push(
      `  ${say(NOTICES_WITH.townshipTotals(township, amounts.municipal, amounts.district, amounts.total), lang)}\n`,
    );
  return lines.join("");
}
