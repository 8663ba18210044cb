import { CASES, computeBatch, resolveOptions, RULE_SET_OPTION } from "../batch/compute.js";
import { listArgument, optionsArgument } from "../errors/arguments.js";
import { describeValue, describeValueZh, echo } from "../errors/echo.js";
import { InvalidInputError, assertInvariant, type InputIssue } from "../errors/index.js";
import { dec, sum, type Dec } from "../money/decimal.js";
import { toMoneyString } from "../money/round.js";
import { toDecimal } from "../money/parse.js";
import { PROGRAMME_OPTION } from "../rules/programme.js";
import type { OutcomeBase } from "../trace/types.js";
import { parseLedger } from "./ledger.js";
import { caseLines, unknownCaseLines, type AuditLine, type IndexedRow } from "./match.js";
import {
  DISCREPANCY_TYPES,
  type AuditDocument,
  type AuditInput,
  type AuditOptions,
  type Discrepancy,
  type DiscrepancyType,
  type LedgerPlace,
  type ReconciliationEntry,
} from "./types.js";

/**
 * 审计 · audit against the payment ledger — every case recomputed and compared with what was paid.
 *
 * @remarks
 * 《实施方案》四(十七): the district audit bureau supervises how the exit funds are used. Each case is
 * recomputed with the rule set (its own dates select the parameters); ledger rows are matched by
 * case id and payer. Discrepancies: `underpaid`, `overpaid`, `unpaid`, `paid-not-owed`,
 * `duplicate-payment`, `wrong-payer`, `unknown-case`, each with owed, paid and difference
 * (= paid − owed). Totals: Σ owed over every outcome, Σ paid over every ledger row, and their
 * difference; the sum of the differences of all lines equals it (checked on every run).
 *
 * Duplicates: of several rows for one case and payer the earliest (paid on, then amount, then
 * voucher) is the payment and is compared with what is owed; each later row is its own
 * `duplicate-payment` with owed 0 and paid = its amount, so nothing is counted twice. A negative row
 * first cancels a positive row of the same amount (a reversal), a duplicate before the payment.
 *
 * Tolerance (default 0): an `underpaid`, `overpaid` or `unpaid` line with |difference| ≤ tolerance is
 * not reported (the case's status is `within-tolerance`); `paid-not-owed`, `duplicate-payment`,
 * `wrong-payer` and `unknown-case` are reported whatever the amount, because they are wrong in kind.
 *
 * @throws InvalidInputError listing every invalid case (`cases[3].…`), ledger row (`ledger[2].…`) and a bad tolerance.
 * @example
 * audit([enterpriseCase], [{ caseId: "E-1", payer: "municipal", amount: "875000", paidOn: "2016-12-20" }]).discrepancies; // []
 * @category audit
 */
export function audit(
  cases: readonly unknown[],
  ledger: readonly unknown[],
  options: AuditOptions = {},
): AuditDocument {
  return auditOutcomes(parseAuditInput(cases, ledger, options));
}

/**
 * The validated input of an audit: every case computed, every ledger row parsed, the tolerance read.
 *
 * @throws InvalidInputError listing every problem of the cases, the ledger and the tolerance together.
 * @category audit
 */
export function parseAuditInput(
  cases: readonly unknown[],
  ledger: readonly unknown[],
  options: AuditOptions = {},
): AuditInput {
  const caseList = listArgument(cases, "cases", CASES);
  const ledgerList = listArgument(ledger, "ledger", LEDGER_ROWS);
  const given = optionsArgument(options, "options", AUDIT_OPTIONS) as AuditOptions;
  const { ruleSet, programme } = resolveOptions({
    ...(given.ruleSet === undefined ? {} : { ruleSet: given.ruleSet }),
    ...(given.programme === undefined ? {} : { programme: given.programme }),
  });
  const issues: InputIssue[] = [];
  // A decimal string or a decimal of exitfund, never a JS number (AuditOptions.tolerance).
  const tolerance = toDecimal(given.tolerance ?? "0", false);
  if (tolerance === undefined)
    issues.push({
      path: "tolerance",
      code: "not-a-decimal",
      message: `tolerance must be an amount in yuan ≥ 0 written as a string, e.g. "0.05"; got ${describeValue(given.tolerance)}`,
      zh: `容差应为以元计、大于等于 0 的金额文本，如 "0.05"；实际为 ${describeValueZh(given.tolerance)}`,
    });
  else if (tolerance.decimalPlaces() > ruleSet.rounding.scale)
    // Reported rounded to the fen, it would name another tolerance than the one applied (reliability B23).
    issues.push({
      path: "tolerance",
      code: "tolerance-too-fine",
      message: `tolerance ${echo(String(given.tolerance))} has ${tolerance.decimalPlaces()} decimals, but amounts are rounded to ${ruleSet.rounding.scale}: give at most ${ruleSet.rounding.scale} (a finer tolerance would be reported as another than the one applied)`,
      zh: `容差 ${echo(String(given.tolerance))} 有 ${tolerance.decimalPlaces()} 位小数，而金额只保留 ${ruleSet.rounding.scale} 位：请至多给出 ${ruleSet.rounding.scale} 位（更细的容差在报告中会显示为另一个值）`,
    });
  const document = computeBatch(caseList, { ruleSet, programme, trace: false });
  issues.push(
    ...document.errors.map(({ index: _index, id, ...issue }) => ({
      ...issue,
      path: `cases${issue.path.startsWith("[") ? "" : "."}${issue.path}`,
      message: id === undefined ? issue.message : `(${id}) ${issue.message}`,
      ...(issue.zh === undefined ? {} : { zh: id === undefined ? issue.zh : `(${id}) ${issue.zh}` }),
    })),
  );
  const rows = parseLedger(ledgerList, ruleSet.rounding);
  if (!rows.ok) issues.push(...rows.issues);
  const places = ledgerPlacesOf(ledger, given.ledgerPlaces, ledgerList.length, issues);
  if (issues.length > 0 || !rows.ok || tolerance === undefined) throw new InvalidInputError(issues);
  return {
    ruleSet,
    outcomes: document.results,
    ledger: rows.rows,
    tolerance,
    receipt: document.receipt,
    ...(places === undefined ? {} : { ledgerPlaces: places }),
  };
}

/**
 * A ledger that says where each of its rows is in its file (what `exitfund/node`'s `readLedger` returns): the
 * rows, frozen (a sort in place would move rows away from their places), with a `places` property that
 * {@link audit} reads, so a discrepancy's `rows` are the file's row numbers without any option.
 */
export function ledgerWithPlaces<Row>(
  rows: readonly Row[],
  places: readonly LedgerPlace[],
): readonly Row[] & { readonly places: readonly LedgerPlace[] } {
  const copy = [...rows];
  Object.defineProperty(copy, "places", {
    value: Object.freeze(places.map((place) => Object.freeze({ ...place }))),
    enumerable: false,
  });
  return Object.freeze(copy) as readonly Row[] & { readonly places: readonly LedgerPlace[] };
}

const PLACES_EN = "a list of { row, sheet? }, one per ledger row (row: a whole number ≥ 0; sheet: a text)";
const PLACES_ZH = "每个台账行一个 { row, sheet? } 的列表（row 为不小于 0 的整数，sheet 为文本）";

/** The ledger's places: the option, else the ledger's own `places` (from readLedger); checked against its length. */
function ledgerPlacesOf(
  ledger: unknown,
  option: unknown,
  length: number,
  issues: InputIssue[],
): readonly LedgerPlace[] | undefined {
  const own = option === undefined ? ownPlaces(ledger) : undefined;
  const given = option ?? own;
  if (given === undefined) return undefined;
  const path = option === undefined ? "ledger.places" : "options.ledgerPlaces";
  const valid =
    Array.isArray(given) &&
    given.length === length &&
    given.every(
      (place: unknown) =>
        typeof place === "object" &&
        place !== null &&
        Number.isSafeInteger((place as LedgerPlace).row) &&
        (place as LedgerPlace).row >= 0 &&
        ((place as LedgerPlace).sheet === undefined || typeof (place as LedgerPlace).sheet === "string"),
    );
  if (!valid) {
    issues.push({
      path,
      code: "not-ledger-places",
      message: `must be ${PLACES_EN}, as many as the ledger's ${length} rows; got ${describeValue(given)}`,
      zh: `应为${PLACES_ZH}，与台账的 ${length} 行一一对应；实际为 ${describeValueZh(given)}`,
    });
    return undefined;
  }
  return (given as readonly LedgerPlace[]).map((place) => ({
    row: place.row,
    ...(place.sheet === undefined ? {} : { sheet: place.sheet }),
  }));
}

function ownPlaces(ledger: unknown): unknown {
  try {
    return Array.isArray(ledger) ? Object.getOwnPropertyDescriptor(ledger, "places")?.value : undefined;
  } catch {
    return undefined;
  }
}

const LEDGER_ROWS = Object.freeze({ en: "ledger rows", zh: "台账行" });
const AUDIT_OPTIONS = Object.freeze({
  tolerance: Object.freeze({ accepts: "", zh: "", test: () => true }), // checked with its own message
  ledgerPlaces: Object.freeze({ accepts: "", zh: "", test: () => true }), // checked against the ledger's length
  ruleSet: RULE_SET_OPTION,
  programme: PROGRAMME_OPTION,
});

/**
 * The audit document of validated input (see {@link audit}).
 * @category audit
 */
export function auditOutcomes(input: AuditInput): AuditDocument {
  const money = (value: Dec) => toMoneyString(value, input.ruleSet.rounding);
  const indexed: IndexedRow[] = input.ledger.map((row, index) => ({ index, row, amount: dec(row.amount) }));
  const known = new Set(input.outcomes.map((outcome) => outcome.id));
  const rowsByCase = new Map<string, IndexedRow[]>();
  for (const entry of indexed.filter((candidate) => known.has(candidate.row.caseId))) {
    const rows = rowsByCase.get(entry.row.caseId);
    if (rows === undefined) rowsByCase.set(entry.row.caseId, [entry]);
    else rows.push(entry);
  }

  const lines: AuditLine[] = [];
  const place = placesOf(input);
  const reconciliation = input.outcomes.map((outcome) => {
    const own = caseLines(outcome, rowsByCase.get(outcome.id) ?? [], input.tolerance);
    lines.push(...own);
    return reconciliationEntry(outcome, own, money, place);
  });
  lines.push(...unknownCaseLines(indexed.filter((entry) => !known.has(entry.row.caseId))));

  const owed = sum(input.outcomes.map((outcome) => dec(outcome.amounts.total)));
  const paid = sum(indexed.map((entry) => entry.amount));
  checkLines(lines, indexed.length, owed, paid);
  const discrepancies = lines.filter((line) => line.reported).map((line) => discrepancyOf(line, money, place));
  const shown = sum(discrepancies.map((discrepancy) => dec(discrepancy.difference)));
  const hidden = sum(lines.filter((line) => !line.reported).map((line) => line.paid.minus(line.owed)));
  assertInvariant(
    shown.plus(hidden).eq(paid.minus(owed)),
    `audit: Σ difference ${shown.plus(hidden).toString()} ≠ Σ paid − Σ owed ${paid.minus(owed).toString()}`,
  );

  return {
    ruleSet: { id: input.ruleSet.id, version: input.ruleSet.version },
    tolerance: money(input.tolerance),
    discrepancies,
    totals: { owed: money(owed), paid: money(paid), difference: money(paid.minus(owed)) },
    counts: countsOf(discrepancies),
    reconciliation,
    receipt: input.receipt,
  };
}

/** Every ledger row on exactly one line; the lines owe what the outcomes owe and hold what the ledger paid. */
function checkLines(lines: readonly AuditLine[], rowCount: number, owed: Dec, paid: Dec): void {
  const placed = lines.flatMap((line) => line.rows.map((entry) => entry.index));
  assertInvariant(
    placed.length === rowCount && new Set(placed).size === rowCount,
    `audit: ${placed.length} row placements for ${rowCount} ledger rows`,
  );
  assertInvariant(sum(lines.map((line) => line.owed)).eq(owed), "audit: the lines owe what the outcomes owe");
  assertInvariant(sum(lines.map((line) => line.paid)).eq(paid), "audit: the lines hold what the ledger paid");
  for (const line of lines)
    assertInvariant(
      sum(line.rows.map((entry) => entry.amount)).eq(line.paid),
      `audit: line of ${line.caseId} pays the sum of its rows`,
    );
}

/** Row numbers (and sheets, when the ledger has several) of ledger indexes, as the user finds them in the file. */
type Places = (indexes: readonly number[]) => { rows: number[]; sheets?: string[] };

function placesOf(input: AuditInput): Places {
  const places = input.ledgerPlaces;
  if (places === undefined) return (indexes) => ({ rows: [...indexes] });
  const several = new Set(places.map((place) => place.sheet)).size > 1;
  return (indexes) => ({
    rows: indexes.map((index) => places[index]?.row ?? index),
    ...(several ? { sheets: indexes.map((index) => places[index]?.sheet ?? "") } : {}),
  });
}

function discrepancyOf(line: AuditLine, money: (value: Dec) => string, place: Places): Discrepancy {
  assertInvariant(line.type !== undefined, `audit: a reported line of ${line.caseId} has no type`);
  const vouchers = line.rows.flatMap((entry) => (entry.row.voucher === undefined ? [] : [entry.row.voucher]));
  return {
    caseId: line.caseId,
    type: line.type,
    payer: line.payer,
    owed: money(line.owed),
    paid: money(line.paid),
    difference: money(line.paid.minus(line.owed)),
    ...(vouchers.length === 0 ? {} : { vouchers }),
    ...(line.rows.length === 0 ? {} : place(line.rows.map((entry) => entry.index))),
  };
}

function reconciliationEntry(
  outcome: OutcomeBase,
  lines: readonly AuditLine[],
  money: (value: Dec) => string,
  place: Places,
): ReconciliationEntry {
  const paidBy = (payer: "municipal" | "district") =>
    sum(lines.filter((line) => line.payer === payer).map((line) => line.paid));
  const municipal = paidBy("municipal");
  const district = paidBy("district");
  const owedMunicipal = dec(outcome.amounts.municipal);
  const owedDistrict = dec(outcome.amounts.district);
  const reported = lines.filter((line) => line.reported);
  const types = [
    ...new Set(reported.map((line) => line.type).filter((type): type is DiscrepancyType => type !== undefined)),
  ];
  const status =
    reported.length > 0 ? "discrepant" : lines.some((line) => !line.paid.eq(line.owed)) ? "within-tolerance" : "clean";
  return {
    caseId: outcome.id,
    kind: outcome.kind,
    township: outcome.township,
    owed: { municipal: outcome.amounts.municipal, district: outcome.amounts.district, total: outcome.amounts.total },
    paid: { municipal: money(municipal), district: money(district), total: money(municipal.plus(district)) },
    difference: {
      municipal: money(municipal.minus(owedMunicipal)),
      district: money(district.minus(owedDistrict)),
      total: money(municipal.plus(district).minus(owedMunicipal).minus(owedDistrict)),
    },
    status,
    types,
    ...place(lines.flatMap((line) => line.rows.map((entry) => entry.index)).sort((a, b) => a - b)),
  };
}

function countsOf(discrepancies: readonly Discrepancy[]): { [T in DiscrepancyType]: number } {
  const counts = Object.fromEntries(DISCREPANCY_TYPES.map((type) => [type, 0])) as { [T in DiscrepancyType]: number };
  for (const discrepancy of discrepancies) counts[discrepancy.type] += 1;
  return counts;
}
