import { newWorkbook, type Worksheet } from "../xlsx/engine.js";
import type { ComputeDocument } from "../../batch/compute.js";
import { toChineseCapital } from "../../money/capital.js";
import { defaultProgramme } from "../../rules/default.js";
import type { Programme } from "../../rules/programme.js";
import type { Amounts } from "../../trace/types.js";
import { bold, border, header, line, moneyCell, setColumns, textCell, title, yesNo } from "../xlsx/cells.js";
import { finishSheet, printSetup } from "../xlsx/layout.js";
import { STATUS_WORDS, codeWords, kindWords, payeeWords, titleWords, trackWords } from "../xlsx/words.js";
import { traceCells, writeTraceSheet } from "../xlsx/traceSheet.js";
import { refuseLargeWorkbook, workbookBytes } from "../xlsx/bytes.js";
import { computeFigures, signWorkbook } from "../xlsx/receiptSheet.js";

/** Sheet names of the results workbook. */
export const RESULT_SHEETS = { results: "结果", totals: "合计", trace: "计算过程" } as const;

/** The title of the results workbook's sheets. */
export const RESULTS_TITLE = "产业调整退出资金计算结果";

/** Columns of the results sheet (Chinese only: kinds, tracks, payees, yes/no, basis and findings in words). */
export const RESULT_COLUMNS = [
  { header: "编号", width: 15 },
  { header: "类别", width: 16 },
  { header: "乡镇", width: 10 },
  { header: "奖励路径", width: 16 },
  { header: "是否符合条件", width: 8 },
  { header: "收款方", width: 20 },
  { header: "市级（元）", width: 16 },
  { header: "区级（元）", width: 16 },
  { header: "合计（元）", width: 16 },
  { header: "是否估算", width: 6 },
  { header: "参数依据", width: 10 },
  { header: "问题", width: 44 },
] as const;

/** Headers of the results sheet. */
export const RESULT_XLSX_HEADERS = RESULT_COLUMNS.map((column) => column.header);

const TOTAL_COLUMNS = [
  { header: "乡镇", width: 14 },
  { header: "市级（元）", width: 17 },
  { header: "市级（大写）", width: 30 },
  { header: "区级（元）", width: 17 },
  { header: "区级（大写）", width: 30 },
  { header: "合计（元）", width: 17 },
  { header: "合计（大写）", width: 30 },
] as const;

const HEADER_ROW = 4;

const ILLUSTRATIVE_NOTE = "注意：部分结果所用参数为示例值，并非官方标准，不得作为拨付依据。";

/** Options of {@link resultsWorkbookBytes}. */
export interface ResultsWorkbookOptions {
  /** With the 计算过程 sheet: every step of every outcome (its trace) in words. */
  readonly explain?: boolean;
  /** The rule set's title (its Chinese part is printed). */
  readonly title?: string;
  /** The most cells written in memory (the CLI's limit). */
  readonly maxCells?: number;
  /** The programme whose labels name kinds, tracks, findings and rules (default `defaultProgramme`). */
  readonly programme?: Programme;
}

/**
 * 计算结果表 · results workbook — a compute document as XLSX, printable and Chinese only: 结果 (one row per
 * outcome, kinds, tracks, payees and findings in words, amounts as `#,##0.00` number cells), 合计 by township
 * and payer with 人民币大写, and with `explain` the 计算过程 (every step in words). Each sheet A4 landscape,
 * fit to width, header row repeated, fonts named (宋体, figures in a fixed font), `第 N 页 共 M 页`.
 */
export async function resultsWorkbookBytes(
  document: ComputeDocument,
  options: ResultsWorkbookOptions = {},
): Promise<Uint8Array> {
  const explain = options.explain === true;
  const steps = explain ? document.results.reduce((n, outcome) => n + outcome.trace.length, 0) : 0;
  refuseLargeWorkbook(
    document.results.length * RESULT_COLUMNS.length +
      (explain ? traceCells(document.results) : 0) +
      Object.keys(document.totals.byTownship).length * TOTAL_COLUMNS.length,
    document.results.length + steps + 12,
    options.maxCells,
  );
  const programme = options.programme ?? defaultProgramme;
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  const basis = basisText(document, options.title);
  writeResults(workbook.addWorksheet(RESULT_SHEETS.results), document, programme, basis);
  writeTotals(workbook.addWorksheet(RESULT_SHEETS.totals), document, basis);
  if (explain)
    writeTraceSheet(workbook.addWorksheet(RESULT_SHEETS.trace), document.results, programme, {
      title: `${RESULTS_TITLE}计算过程`,
      top: (sheet, last) => {
        line(sheet, 2, basis, last);
        return HEADER_ROW;
      },
      pageHeader: `${RESULTS_TITLE}　计算过程　规则集 ${document.ruleSet.id} 第 ${document.ruleSet.version} 版`,
    });
  signWorkbook(workbook, document.receipt, computeFigures(document));
  return await workbookBytes(workbook);
}

function basisText(document: ComputeDocument, ruleSetTitle: string | undefined): string {
  const named = ruleSetTitle === undefined ? "" : `${titleWords(ruleSetTitle)}，`;
  return `参数依据：${named}规则集 ${document.ruleSet.id} 第 ${document.ruleSet.version} 版　　共 ${document.results.length} 项　　金额单位：元`;
}

function notice(sheet: Worksheet, document: ComputeDocument, last: number): void {
  if (document.results.some((outcome) => outcome.basis === "illustrative"))
    line(sheet, 3, ILLUSTRATIVE_NOTE, last, { bold: true, color: { argb: "FFC00000" } });
}

function writeResults(sheet: Worksheet, document: ComputeDocument, programme: Programme, basis: string): void {
  const last = RESULT_COLUMNS.length;
  setColumns(sheet, RESULT_COLUMNS);
  title(sheet, `${RESULTS_TITLE}表`, last);
  line(sheet, 2, basis, last);
  notice(sheet, document, last);
  header(sheet.getRow(HEADER_ROW), RESULT_XLSX_HEADERS);
  document.results.forEach((outcome, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    textCell(row.getCell(1), outcome.id);
    textCell(row.getCell(2), kindWords(programme, outcome.kind));
    textCell(row.getCell(3), outcome.township);
    textCell(row.getCell(4), outcome.track === undefined ? "—" : trackWords(programme, outcome.kind, outcome.track));
    textCell(row.getCell(5), yesNo(outcome.eligible), { horizontal: "center" });
    textCell(row.getCell(6), payeeWords(outcome.payee));
    moneyCell(row.getCell(7), outcome.amounts.municipal);
    moneyCell(row.getCell(8), outcome.amounts.district);
    moneyCell(row.getCell(9), outcome.amounts.total);
    textCell(row.getCell(10), yesNo(outcome.estimate), { horizontal: "center" });
    textCell(row.getCell(11), STATUS_WORDS[outcome.basis]);
    const findings = outcome.findings.map(
      (finding) => `${finding.itemId === undefined ? "" : `[${finding.itemId}] `}${codeWords(programme, finding)}`,
    );
    textCell(row.getCell(12), findings.length === 0 ? "—" : findings.join("\n"));
    for (let c = 1; c <= last; c += 1) row.getCell(c).alignment = { ...row.getCell(c).alignment, vertical: "top" };
  });
  const end = HEADER_ROW + Math.max(1, document.results.length);
  if (document.results.length === 0) line(sheet, HEADER_ROW + 1, "无", last);
  border(sheet, HEADER_ROW, end, last);
  printSetup(sheet, {
    orientation: "landscape",
    titleRows: [HEADER_ROW, HEADER_ROW],
    header: `${RESULTS_TITLE}表　规则集 ${document.ruleSet.id} 第 ${document.ruleSet.version} 版`,
  });
  finishSheet(sheet);
}

function writeTotals(sheet: Worksheet, document: ComputeDocument, basis: string): void {
  const last = TOTAL_COLUMNS.length;
  setColumns(sheet, TOTAL_COLUMNS);
  title(sheet, `${RESULTS_TITLE}合计表（按乡镇和付款方）`, last);
  line(sheet, 2, basis, last);
  notice(sheet, document, last);
  header(
    sheet.getRow(HEADER_ROW),
    TOTAL_COLUMNS.map((column) => column.header),
  );
  const rows: [string, Amounts][] = [...Object.entries(document.totals.byTownship), ["合计", document.totals]];
  rows.forEach(([township, amounts], index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    textCell(row.getCell(1), township, index === rows.length - 1 ? { horizontal: "center" } : {});
    (["municipal", "district", "total"] as const).forEach((payer, offset) => {
      moneyCell(row.getCell(2 + offset * 2), amounts[payer]);
      textCell(row.getCell(3 + offset * 2), toChineseCapital(amounts[payer], { prefix: "人民币" }));
    });
    if (index === rows.length - 1) bold(row, last);
  });
  border(sheet, HEADER_ROW, HEADER_ROW + rows.length, last);
  printSetup(sheet, {
    orientation: "landscape",
    titleRows: [HEADER_ROW, HEADER_ROW],
    header: `${RESULTS_TITLE}合计表　规则集 ${document.ruleSet.id} 第 ${document.ruleSet.version} 版`,
  });
  finishSheet(sheet);
}
