import { type Row, type Worksheet } from "./engine.js";
import { formatAmount } from "../../money/format.js";
import type { Programme } from "../../rules/programme.js";
import { NO_CLAUSE, type OutcomeBase, type TraceStep } from "../../trace/types.js";
import { border, countCell, header, line, merge, setColumns, textCell, title } from "./cells.js";
import { finishSheet, printSetup } from "./layout.js";
import { STATUS_WORDS, inputWords, kindWords, paramWords, ruleWords, trackWords, valueWords } from "./words.js";

/** Columns of a trace sheet (计算过程). */
export const TRACE_COLUMNS = [
  { header: "案件编号", width: 14 },
  { header: "步骤", width: 5.5 },
  { header: "计算项目", width: 22 },
  { header: "依据条款", width: 30 },
  { header: "所用参数（取值、生效日期、性质）", width: 42 },
  { header: "计算输入", width: 34 },
  { header: "结果", width: 16 },
] as const;

/** The cells a trace sheet writes for these outcomes (to size a workbook before building it). */
export function traceCells(outcomes: readonly OutcomeBase[]): number {
  return outcomes.reduce((n, outcome) => n + (outcome.trace.length + 1) * TRACE_COLUMNS.length, 0);
}

/**
 * 计算过程 · the computation of some outcomes, step by step, in Chinese: for each case a heading row (kind,
 * township, track, amounts, basis) and one row per step with the rule's name, its clause, every parameter it
 * used (value in words, the date it took effect, its standing), its inputs in words and its result.
 */
export function writeTraceSheet(
  sheet: Worksheet,
  outcomes: readonly OutcomeBase[],
  programme: Programme,
  heading: {
    readonly title: string;
    /** Writes the rows under the title (from row 2, `last` columns wide); returns the table's header row. */
    readonly top: (sheet: Worksheet, last: number) => number;
    readonly pageHeader: string;
  },
): void {
  const last = TRACE_COLUMNS.length;
  setColumns(sheet, TRACE_COLUMNS);
  title(sheet, heading.title, last);
  const headerRow = heading.top(sheet, last);
  header(
    sheet.getRow(headerRow),
    TRACE_COLUMNS.map((column) => column.header),
  );
  let at = headerRow + 1;
  for (const outcome of outcomes) {
    const row = sheet.getRow(at);
    textCell(row.getCell(1), outcome.id);
    textCell(row.getCell(2), caseHeading(outcome, programme));
    merge(sheet, at, 2, at, last);
    for (let c = 1; c <= last; c += 1) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
    }
    at += 1;
    outcome.trace.forEach((step, index) => {
      traceRow(sheet.getRow(at), outcome.id, index + 1, step, programme);
      at += 1;
    });
  }
  if (outcomes.length === 0) {
    line(sheet, at, "无", last);
    at += 1;
  }
  border(sheet, headerRow, at - 1, last);
  printSetup(sheet, { orientation: "landscape", titleRows: [headerRow, headerRow], header: heading.pageHeader });
  finishSheet(sheet);
}

/** `C-0271　腾地经费申报核定　张家湾镇　区级 1,234.00 元　合计 1,234.00 元　参数依据：示例值（非官方）`. */
function caseHeading(outcome: OutcomeBase, programme: Programme): string {
  const track = outcome.track === undefined ? "" : `　${trackWords(programme, outcome.kind, outcome.track)}`;
  return [
    `${kindWords(programme, outcome.kind)}${track}　${outcome.township}`,
    `市级 ${formatAmount(outcome.amounts.municipal)} 元`,
    `区级 ${formatAmount(outcome.amounts.district)} 元`,
    `合计 ${formatAmount(outcome.amounts.total)} 元`,
    `参数依据：${STATUS_WORDS[outcome.basis]}`,
  ].join("　");
}

function traceRow(row: Row, caseId: string, number: number, step: TraceStep, programme: Programme): void {
  textCell(row.getCell(1), caseId);
  countCell(row.getCell(2), number);
  textCell(row.getCell(3), ruleWords(programme, step.rule));
  textCell(row.getCell(4), step.clause === NO_CLAUSE ? "规则集未注明条款" : step.clause);
  textCell(row.getCell(5), step.params.map((use) => paramWords(programme, use)).join("\n") || "—");
  textCell(row.getCell(6), inputWords(programme, step.inputs) || "—");
  textCell(row.getCell(7), valueWords(programme, step.value), { horizontal: "right" });
  for (let c = 1; c <= 7; c += 1) row.getCell(c).alignment = { ...row.getCell(c).alignment, vertical: "top" };
}
