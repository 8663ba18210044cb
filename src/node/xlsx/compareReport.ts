import { newWorkbook, type Workbook, type Worksheet } from "./engine.js";
import type { AmountsChange, CompareDocument } from "../../batch/compare.js";
import { dec, type Rounding } from "../../money/decimal.js";
import type { RuleSetDiff } from "../../parameters/diff.js";
import type { ParameterValueJson } from "../../parameters/types.js";
import { defaultProgramme } from "../../rules/default.js";
import type { Programme } from "../../rules/programme.js";
import type { Json } from "../../trace/types.js";
import { totalsRow } from "./auditReport.js";
import { border, header, line, moneyCell, setColumns, textCell, title } from "./cells.js";
import { finishSheet, printSetup } from "./layout.js";
import { refuseLargeWorkbook, workbookBytes } from "./bytes.js";
import { capitalOf } from "./verificationView.js";
import { STATUS_WORDS, kindWords, parameterWords, trackWords, valueWords } from "./words.js";

/** Sheet names of the what-if workbook (`compare --format xlsx`). */
export const COMPARE_SHEETS = { totals: "对比汇总", attribution: "参数归因", cases: "变化明细" } as const;

/** The sheet of the rule-set difference workbook (`rules diff --format xlsx`). */
export const RULES_DIFF_SHEET = "规则差异";

const COMPARE_TITLE = "产业调整退出资金测算对比";
const HEADER_ROW = 4;

/** Options of {@link compareWorkbookBytes}. */
export interface CompareWorkbookOptions {
  /** The programme whose labels name kinds, tracks and parameters (default `defaultProgramme`). */
  readonly programme?: Programme;
  /** The rounding the amounts are shown at (A's). */
  readonly rounding: Rounding;
  /** The most cells written in memory (the CLI's limit). */
  readonly maxCells?: number;
}

/**
 * 测算对比表 · the what-if as a printable workbook, Chinese only: 对比汇总 (by payer, by township, by kind: A, B and
 * B − A), 参数归因 (each differing parameter's part, Σ = the change) and 变化明细 (every case whose amount changes).
 *
 * @remarks Amounts are number cells `#,##0.00`; every total row is the sum of its rows; A4 landscape, header rows
 * repeated, `第 N 页 共 M 页`. Parameters, kinds and tracks in words (never a code).
 * @example const bytes = await compareWorkbookBytes(compare(cases, a, b), { rounding: a.rounding });
 */
export async function compareWorkbookBytes(
  document: CompareDocument,
  options: CompareWorkbookOptions,
): Promise<Uint8Array> {
  const changed = document.cases.filter(isChanged);
  const groups = Object.keys(document.totals.byTownship).length + Object.keys(document.totals.byKind).length;
  refuseLargeWorkbook(
    changed.length * 8 + groups * 4 + document.attribution.steps.length * 5 + 40,
    Math.max(changed.length, groups) + 20,
    options.maxCells,
  );
  return await workbookBytes(compareWorkbook(document, options.rounding, options.programme));
}

/** The what-if workbook (see {@link compareWorkbookBytes}). */
export function compareWorkbook(
  document: CompareDocument,
  rounding: Rounding,
  programme: Programme = defaultProgramme,
): Workbook {
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  writeTotals(workbook.addWorksheet(COMPARE_SHEETS.totals), document, rounding, programme);
  writeAttribution(workbook.addWorksheet(COMPARE_SHEETS.attribution), document, rounding, programme);
  writeCases(workbook.addWorksheet(COMPARE_SHEETS.cases), document, rounding, programme);
  return workbook;
}

function basis(document: CompareDocument): string {
  const { a, b } = document.ruleSets;
  return `A：规则集 ${a.id} 第 ${a.version} 版　　B：规则集 ${b.id} 第 ${b.version} 版\n差额 = B − A　　金额单位：元`;
}

function pageSetup(sheet: Worksheet, document: CompareDocument, what: string, landscape: boolean): void {
  const { a, b } = document.ruleSets;
  printSetup(sheet, {
    orientation: landscape ? "landscape" : "portrait",
    titleRows: [HEADER_ROW, HEADER_ROW],
    header: `${COMPARE_TITLE}　${what}　A ${a.id} 第 ${a.version} 版 / B ${b.id} 第 ${b.version} 版`,
  });
  finishSheet(sheet);
}

const CHANGE_COLUMNS = [
  { header: "A（元）", width: 18 },
  { header: "B（元）", width: 18 },
  { header: "差额（元）", width: 18 },
] as const;

function writeTotals(sheet: Worksheet, document: CompareDocument, rounding: Rounding, programme: Programme): void {
  const columns = [{ header: "项目", width: 30 }, ...CHANGE_COLUMNS];
  setColumns(sheet, columns);
  title(sheet, `${COMPARE_TITLE}汇总表`, columns.length);
  line(sheet, 2, basis(document), columns.length);
  let row = HEADER_ROW;
  const block = (
    heading: string,
    rows: readonly (readonly [string, AmountsChange, "municipal" | "district" | "total"])[],
  ) => {
    header(sheet.getRow(row), [heading, ...CHANGE_COLUMNS.map((column) => column.header)]);
    const first = row;
    rows.forEach(([label, change, payer]) => {
      row += 1;
      const cells = sheet.getRow(row);
      textCell(cells.getCell(1), label);
      moneyCell(cells.getCell(2), change.a[payer]);
      moneyCell(cells.getCell(3), change.b[payer]);
      moneyCell(cells.getCell(4), change.delta[payer]);
    });
    return first;
  };
  const totals = document.totals;
  const byPayer = block("付款方", [
    ["市级", totals, "municipal"],
    ["区级", totals, "district"],
  ]);
  row += 1;
  totalsRow(
    sheet,
    row,
    "合计",
    1,
    [
      [2, dec(totals.a.total)],
      [3, dec(totals.b.total)],
      [4, dec(totals.delta.total)],
    ],
    rounding,
  );
  border(sheet, byPayer, row, columns.length);
  row += 1;
  line(sheet, row, `差额合计（大写）：${signedCapital(totals.delta.total)}`, columns.length, { bold: true });
  for (const [heading, groups, words] of [
    ["乡镇", totals.byTownship, (key: string) => key],
    ["案件类型", totals.byKind, (key: string) => kindWords(programme, key)],
  ] as const) {
    row += 2;
    const first = block(
      heading,
      Object.entries(groups).map(([key, change]) => [words(key), change, "total"] as const),
    );
    row += 1;
    const sum = (side: "a" | "b" | "delta") =>
      Object.values(groups).reduce((acc, change) => acc.plus(change[side].total), dec(0));
    totalsRow(
      sheet,
      row,
      "合计",
      1,
      [
        [2, sum("a")],
        [3, sum("b")],
        [4, sum("delta")],
      ],
      rounding,
    );
    border(sheet, first, row, columns.length);
  }
  pageSetup(sheet, document, "汇总表", false);
}

function writeAttribution(sheet: Worksheet, document: CompareDocument, rounding: Rounding, programme: Programme): void {
  const columns = [
    { header: "序号", width: 6 },
    { header: "参数", width: 36 },
    { header: "调整前合计（元）", width: 19 },
    { header: "调整后合计（元）", width: 19 },
    { header: "归因金额（元）", width: 18 },
  ];
  setColumns(sheet, columns);
  title(sheet, `${COMPARE_TITLE}参数归因表`, columns.length);
  line(
    sheet,
    2,
    `${basis(document)}\n自 A 起，按下列顺序逐一改用 B 的参数值；每项的归因金额 = 改用后合计 − 改用前合计，各项之和等于差额合计。参数之间有封顶、起点或类别门槛时，顺序不同，分摊也会不同。`,
    columns.length,
  );
  header(
    sheet.getRow(HEADER_ROW),
    columns.map((column) => column.header),
  );
  const steps = document.attribution.steps;
  steps.forEach((step, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    textCell(row.getCell(1), String(index + 1), { horizontal: "center" });
    textCell(row.getCell(2), step.parameter === "rounding" ? "舍入规则" : parameterWords(programme, step.parameter));
    moneyCell(row.getCell(3), step.before.total);
    moneyCell(row.getCell(4), step.after.total);
    moneyCell(row.getCell(5), step.part.total);
  });
  const total = HEADER_ROW + steps.length + 1;
  totalsRow(
    sheet,
    total,
    steps.length === 0 ? "无影响金额的参数差异" : "归因合计 = 差额合计",
    4,
    [[5, steps.reduce((acc, step) => acc.plus(step.part.total), dec(0))]],
    rounding,
  );
  border(sheet, HEADER_ROW, total, columns.length);
  pageSetup(sheet, document, "参数归因表", false);
}

function writeCases(sheet: Worksheet, document: CompareDocument, rounding: Rounding, programme: Programme): void {
  const columns = [
    { header: "案件编号", width: 16 },
    { header: "乡镇", width: 13 },
    { header: "案件类型", width: 20 },
    { header: "类别 A → B", width: 30 },
    { header: "A 合计（元）", width: 17 },
    { header: "B 合计（元）", width: 17 },
    { header: "差额·市级（元）", width: 17 },
    { header: "差额·区级（元）", width: 17 },
    { header: "差额合计（元）", width: 17 },
  ];
  setColumns(sheet, columns);
  title(sheet, `${COMPARE_TITLE}变化明细表`, columns.length);
  const changed = document.cases.filter(isChanged);
  line(
    sheet,
    2,
    `${basis(document)}\n列出金额有变化的 ${changed.length} 件（共 ${document.cases.length} 件，其余 ${document.cases.length - changed.length} 件不变）。`,
    columns.length,
  );
  header(
    sheet.getRow(HEADER_ROW),
    columns.map((column) => column.header),
  );
  changed.forEach((change, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    textCell(row.getCell(1), change.caseId);
    textCell(row.getCell(2), change.township);
    textCell(row.getCell(3), kindWords(programme, change.kind));
    const track =
      change.track === undefined
        ? ""
        : change.track.a === change.track.b
          ? trackWords(programme, change.kind, change.track.a)
          : `${trackWords(programme, change.kind, change.track.a)} → ${trackWords(programme, change.kind, change.track.b)}`;
    textCell(row.getCell(4), track);
    moneyCell(row.getCell(5), change.a.total);
    moneyCell(row.getCell(6), change.b.total);
    moneyCell(row.getCell(7), change.delta.municipal);
    moneyCell(row.getCell(8), change.delta.district);
    moneyCell(row.getCell(9), change.delta.total);
  });
  const total = HEADER_ROW + changed.length + 1;
  const sum = (pick: (change: (typeof changed)[number]) => string) =>
    changed.reduce((acc, change) => acc.plus(pick(change)), dec(0));
  totalsRow(
    sheet,
    total,
    "合计",
    4,
    [
      [5, sum((change) => change.a.total)],
      [6, sum((change) => change.b.total)],
      [7, sum((change) => change.delta.municipal)],
      [8, sum((change) => change.delta.district)],
      [9, sum((change) => change.delta.total)],
    ],
    rounding,
  );
  border(sheet, HEADER_ROW, total, columns.length);
  pageSetup(sheet, document, "变化明细表", true);
}

function isChanged(change: CompareDocument["cases"][number]): boolean {
  return !dec(change.delta.municipal).isZero() || !dec(change.delta.district).isZero();
}

/** 大写 of a change: `减少` before a decrease (大写 is of an amount, never negative). */
function signedCapital(amount: string): string {
  const value = dec(amount);
  if (value.isZero()) return "无变化";
  return `${value.isNegative() ? "减少" : "增加"}${capitalOf(value.abs().toFixed())}`;
}

/**
 * 规则差异表 · `rules diff --format xlsx`: one row per difference — the parameter (or source, or rounding) in
 * words, the date the value is in force from, what changed, and A and B in words (rates as `60 元/㎡`, statuses as
 * 官方文件/公开报道/示例值, dates and notes as written). Chinese only, A4 landscape, `第 N 页 共 M 页`.
 */
export async function rulesDiffWorkbookBytes(
  diff: RuleSetDiff,
  options: {
    readonly programme?: Programme;
    readonly maxCells?: number;
    /** The two rule sets' titles: the sheet names each by its Chinese title. */
    readonly titles?: { readonly a: { readonly zh: string }; readonly b: { readonly zh: string } };
  } = {},
): Promise<Uint8Array> {
  const rows = diffRows(diff, options.programme ?? defaultProgramme);
  refuseLargeWorkbook(rows.length * 6 + 20, rows.length + 10, options.maxCells);
  const workbook = newWorkbook();
  workbook.creator = "exitfund";
  const sheet = workbook.addWorksheet(RULES_DIFF_SHEET);
  const columns = [
    { header: "参数或出处", width: 32 },
    { header: "起用日期", width: 12 },
    { header: "变化", width: 8 },
    { header: "项目", width: 14 },
    { header: "A", width: 38 },
    { header: "B", width: 38 },
  ];
  setColumns(sheet, columns);
  title(sheet, "规则集差异表", columns.length);
  line(
    sheet,
    2,
    `A：${options.titles === undefined ? "" : `${options.titles.a.zh}，`}规则集 ${diff.a.id} 第 ${diff.a.version} 版　　B：${options.titles === undefined ? "" : `${options.titles.b.zh}，`}规则集 ${diff.b.id} 第 ${diff.b.version} 版　　${diff.identical ? "两个规则集相同。" : `共 ${rows.length} 处不同（已展开继承关系比较）。`}`,
    columns.length,
  );
  header(
    sheet.getRow(HEADER_ROW),
    columns.map((column) => column.header),
  );
  rows.forEach((cells, index) => {
    const row = sheet.getRow(HEADER_ROW + 1 + index);
    cells.forEach((text, column) =>
      textCell(row.getCell(column + 1), text, column === 2 ? { horizontal: "center" } : {}),
    );
  });
  border(sheet, HEADER_ROW, HEADER_ROW + Math.max(rows.length, 1), columns.length);
  printSetup(sheet, {
    orientation: "landscape",
    titleRows: [HEADER_ROW, HEADER_ROW],
    header: `规则集差异表　A ${diff.a.id} 第 ${diff.a.version} 版 / B ${diff.b.id} 第 ${diff.b.version} 版`,
  });
  finishSheet(sheet);
  return await workbookBytes(workbook);
}

const CHANGE_WORDS = { added: "新增", removed: "删除", changed: "修改" } as const;
const FIELD_WORDS: { readonly [field: string]: string } = {
  value: "取值",
  status: "依据",
  source: "出处",
  clause: "条款",
  note: "说明",
  title: "名称",
  issuedOn: "发布日期",
  url: "网址",
};

function diffRows(diff: RuleSetDiff, programme: Programme): string[][] {
  const rows: string[][] = [];
  const words = (field: string, value: unknown): string => {
    if (value === undefined) return "—";
    if (field === "status" && typeof value === "string" && Object.hasOwn(STATUS_WORDS, value))
      return STATUS_WORDS[value as keyof typeof STATUS_WORDS];
    if (field === "value") return valueWords(programme, value as ParameterValueJson as Json);
    return String(value);
  };
  if (diff.rounding !== undefined)
    rows.push([
      "舍入规则",
      "",
      CHANGE_WORDS.changed,
      "",
      valueWords(programme, diff.rounding.a as unknown as Json),
      valueWords(programme, diff.rounding.b as unknown as Json),
    ]);
  for (const parameter of diff.parameters) {
    const name = parameterWords(programme, parameter.name);
    if (parameter.change !== "changed") rows.push([name, "", CHANGE_WORDS[parameter.change], "", "", ""]);
    for (const field of parameter.fields)
      rows.push([
        name,
        "（全部）",
        CHANGE_WORDS.changed,
        FIELD_WORDS[field.field] ?? field.field,
        words(field.field, field.a),
        words(field.field, field.b),
      ]);
    for (const value of parameter.values)
      for (const field of value.fields)
        rows.push([
          name,
          value.from,
          CHANGE_WORDS[value.change],
          FIELD_WORDS[field] ?? field,
          words(field, value.a?.[field]),
          words(field, value.b?.[field]),
        ]);
  }
  for (const source of diff.sources) {
    const name = `出处 ${source.id}`;
    if (source.change !== "changed")
      rows.push([
        name,
        "",
        CHANGE_WORDS[source.change],
        FIELD_WORDS.title ?? "",
        source.a?.title ?? "—",
        source.b?.title ?? "—",
      ]);
    for (const field of source.fields)
      rows.push([
        name,
        "",
        CHANGE_WORDS.changed,
        FIELD_WORDS[field] ?? field,
        words(field, source.a?.[field as keyof typeof source.a]),
        words(field, source.b?.[field as keyof typeof source.b]),
      ]);
  }
  return rows;
}
