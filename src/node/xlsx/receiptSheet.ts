import type { ComputeDocument } from "../../batch/compute.js";
import { InvalidInputError } from "../../errors/index.js";
import { Dec } from "../../money/decimal.js";
import type { Receipt } from "../../receipt/receipt.js";
import { readWorkbook } from "../formats/xlsx.js";
import { LIMITS } from "../limits.js";
import type { Notice } from "../formats/source.js";
import type { Figures, WrittenResult } from "../commands/verify-receipt.js";
import type { HeaderFooter, Workbook } from "./engine.js";
import { TEXT_FONT } from "./cells.js";
import { PAGE_NUMBER, headerText } from "./layout.js";

/**
 * 回执 · the receipt in a workbook: in short on every sheet's page footer, in full on a 回执 sheet (Chinese
 * labels, values as exact text) with the figures the workbook prints, so `exitfund verify-receipt` can check a
 * workbook years later (docs/auditors.md).
 */

/** The name of the receipt sheet. */
export const RECEIPT_SHEET = "回执";

/** What the 回执 sheet lists besides the receipt: the kind of result, each case's amounts, the totals. */
export interface ReceiptFigures {
  readonly kind: WrittenResult["kind"];
  readonly cases?: readonly {
    readonly id: string;
    readonly municipal: string;
    readonly district: string;
    readonly total: string;
  }[];
  /** The totals: municipal, district, total (a budget: total only). */
  readonly totals: { readonly municipal?: string; readonly district?: string; readonly total: string };
}

const LABELS = {
  kind: "结果类型",
  scope: "输入 SHA-256 所指",
  exitfund: "软件版本（exitfund）",
  programme: "方案（programme）",
  ruleSetId: "规则集编号",
  ruleSetVersion: "规则集版本",
  ruleSetSha256: "规则集 SHA-256",
  inputSha256: "输入 SHA-256",
} as const;
const CASES_HEADER = ["编号", "市级（元）", "区级（元）", "合计（元）"] as const;
const TOTAL_LABEL = "合计";

/** The figures of a compute (or, as kind `verify`, a 核定表's) document for its 回执 sheet: every case's amounts and the totals. */
export function computeFigures(document: ComputeDocument, kind: "compute" | "verify" = "compute"): ReceiptFigures {
  return {
    kind,
    cases: document.results.map((outcome) => ({ id: outcome.id, ...outcome.amounts })),
    totals: document.totals,
  };
}

/**
 * What the input hash of each kind of result is of, as the 回执 sheet says it: always every case of the input
 * file that was computed (its canonical JSON list, in the file's order) — a 核定表 shows only the declarations
 * among them, an audit leaves the ledger out.
 */
export const INPUT_SCOPE: { readonly [kind in WrittenResult["kind"]]: string } = {
  compute: "输入文件中计算的全部案件（规范 JSON 列表，按文件顺序；--skip-invalid 跳过的案件除外）",
  verify:
    "输入文件中计算的全部案件（规范 JSON 列表，按文件顺序，含其他类型的案件）；本工作簿只列出其中的腾地经费申报（structure-clearance）",
  audit: "审计的全部案件（规范 JSON 列表，按文件顺序）；支付台账不在其内",
  budget: "汇总的全部案件（规范 JSON 列表，按文件顺序）",
  totals: "输入文件中计算的全部案件（规范 JSON 列表，按文件顺序）",
};

/** The receipt in short, as the page footer prints it (each hash's first 16 hex digits). */
export function shortReceipt(receipt: Receipt): string {
  return `exitfund ${receipt.exitfund} · ${receipt.ruleSet.id} v${receipt.ruleSet.version} · 规则 sha256:${receipt.ruleSet.sha256.slice(0, 16)}… · 输入 sha256:${receipt.input.sha256.slice(0, 16)}…`;
}

const FOOTER_FONT = `&"${TEXT_FONT.name},Regular"&8`;
/** Excel keeps at most 255 characters of a header or footer. */
const FOOTER_LIMIT = 255;

/**
 * Signs a workbook: the 回执 sheet added last, and the short receipt on a second line of every sheet's footer,
 * centred under `第 N 页 共 M 页` (at the right it ran into the page number of a portrait page).
 */
export function signWorkbook(workbook: Workbook, receipt: Receipt, figures: ReceiptFigures): void {
  writeReceiptSheet(workbook, receipt, figures);
  const line = `\n${FOOTER_FONT}${headerText(shortReceipt(receipt))}`;
  workbook.eachSheet((sheet) => {
    const footer = sheet.headerFooter as HeaderFooter | undefined;
    // A sheet with no footer yet (the 回执 sheet) gets the page number every printed sheet has. The footers
    // exitfund writes end with their centre section and hold no line break (headerText), so whatever follows the
    // first one is an earlier receipt line, replaced.
    const old = (footer?.oddFooter ?? `&C${FOOTER_FONT}${PAGE_NUMBER}`).split("\n")[0] ?? "";
    // The receipt is never dropped: when the footer would be too long, the left text gives way.
    const oddFooter =
      old.length + line.length <= FOOTER_LIMIT ? `${old}${line}` : `${old.replace(/^&L.*?(?=&C|$)/s, "")}${line}`;
    sheet.headerFooter = {
      ...(footer ?? {}),
      differentFirst: false,
      differentOddEven: false,
      oddFooter,
    } as HeaderFooter;
  });
}

function writeReceiptSheet(workbook: Workbook, receipt: Receipt, figures: ReceiptFigures): void {
  const sheet = workbook.addWorksheet(RECEIPT_SHEET);
  const font = { name: TEXT_FONT.name, charset: TEXT_FONT.charset, size: 10.5 };
  const put = (row: number, values: readonly string[], bold = false) =>
    values.forEach((value, index) => {
      const cell = sheet.getCell(row, index + 1);
      cell.value = value;
      cell.numFmt = "@";
      cell.font = { ...font, bold };
    });
  put(1, ["回执：本工作簿的计算依据（软件版本、方案、规则集及其 SHA-256、输入案件的 SHA-256）"], true);
  put(2, ["项目", "内容"], true);
  const rows: [string, string][] = [
    [LABELS.kind, figures.kind],
    [LABELS.exitfund, receipt.exitfund],
    [LABELS.programme, receipt.programme],
    [LABELS.ruleSetId, receipt.ruleSet.id],
    [LABELS.ruleSetVersion, receipt.ruleSet.version],
    [LABELS.ruleSetSha256, receipt.ruleSet.sha256],
    [LABELS.inputSha256, receipt.input.sha256],
    [LABELS.scope, INPUT_SCOPE[figures.kind]],
  ];
  rows.forEach((row, index) => put(3 + index, row));
  let at = 3 + rows.length;
  put(at, ["核对方法", "exitfund verify-receipt <本工作簿> --cases <案件文件> [--rules <规则集>]：重算并逐项核对"]);
  at += 2;
  put(at, ["本工作簿所列金额（元）"], true);
  at += 1;
  put(at, [...CASES_HEADER], true);
  for (const one of figures.cases ?? []) put((at += 1), [one.id, one.municipal, one.district, one.total]);
  put(
    (at += 1),
    [TOTAL_LABEL, figures.totals.municipal ?? "", figures.totals.district ?? "", figures.totals.total],
    true,
  );
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 70;
  sheet.getColumn(3).width = 16;
  sheet.getColumn(4).width = 16;
  Object.assign(sheet.pageSetup, {
    paperSize: 9,
    orientation: "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  });
}

const KINDS: ReadonlySet<string> = new Set(Object.keys(INPUT_SCOPE));

/** The receipt and figures of a workbook exitfund wrote, read from its 回执 sheet (and its 结果 sheet). */
export async function receiptOfWorkbook(
  bytes: Uint8Array,
  file: string,
): Promise<{ result: WrittenResult; notices: readonly Notice[] }> {
  // A results workbook is exitfund's own, read back as written (its ids are what the library was given).
  const workbook = await readWorkbook(bytes, file, LIMITS, { text: "as-written" });
  const table = workbook.tables.find((one) => one.sheet === RECEIPT_SHEET);
  const where = `${file} › ${RECEIPT_SHEET}`;
  if (table === undefined)
    throw new InvalidInputError([
      {
        path: file,
        code: "no-receipt",
        message: `has no ${RECEIPT_SHEET} (receipt) sheet: it was not written by an exitfund that signs its workbooks, or the sheet was removed`,
        zh: `没有“${RECEIPT_SHEET}”工作表：该工作簿不是由签署结果的 exitfund 写出的，或该表已被删除`,
      },
    ]);
  const text = (value: unknown) => (value === undefined || value === null ? "" : String(value).trim());
  const values = new Map<string, string>();
  for (const row of table.rows) values.set(text(row.cells[0]), text(row.cells[1]));
  const field = (label: string) => {
    const value = values.get(label);
    if (value === undefined || value === "")
      throw new InvalidInputError([
        {
          path: `${where} › ${label}`,
          code: "bad-receipt",
          message: `the receipt has no ${label}; a 回执 sheet lists ${Object.values(LABELS).join(", ")}`,
          zh: `回执缺少“${label}”`,
        },
      ]);
    return value;
  };
  const kind = field(LABELS.kind);
  const receipt = {
    exitfund: field(LABELS.exitfund),
    programme: field(LABELS.programme),
    ruleSet: {
      id: field(LABELS.ruleSetId),
      version: field(LABELS.ruleSetVersion),
      sha256: field(LABELS.ruleSetSha256),
    },
    input: { sha256: field(LABELS.inputSha256) },
  };
  const header = table.rows.findIndex(
    (row) => text(row.cells[0]) === CASES_HEADER[0] && text(row.cells[3]) === CASES_HEADER[3],
  );
  const cases = new Map<string, Figures>();
  const totals = new Map<string, string>();
  for (const row of header === -1 ? [] : table.rows.slice(header + 1)) {
    const [id, municipal, district, total] = [0, 1, 2, 3].map((index) => text(row.cells[index]));
    if (id === TOTAL_LABEL) {
      if (kind === "budget") totals.set("total", total ?? "");
      else if (kind === "audit") totals.set("totals.owed", total ?? "");
      else {
        totals.set("totals.municipal", municipal ?? "");
        totals.set("totals.district", district ?? "");
        totals.set("totals.total", total ?? "");
      }
      continue;
    }
    if (id === undefined || id === "") continue;
    cases.set(
      id,
      new Map([
        ["amounts.municipal", municipal ?? ""],
        ["amounts.district", district ?? ""],
        ["amounts.total", total ?? ""],
      ]),
    );
  }
  if (!KINDS.has(kind))
    throw new InvalidInputError([
      {
        path: `${where} › ${LABELS.kind}`,
        code: "bad-receipt",
        message: `is "${kind}", not compute, verify, audit, budget or totals`,
        zh: "结果类型不符",
      },
    ]);
  const results = workbook.tables.find((one) => one.sheet === "结果");
  const printed = results === undefined ? undefined : printedAmounts(results.rows, text);
  // The 结果 sheet is what people read: where it shows a case, its amounts are the ones checked. Its amounts are
  // number cells (#,##0.00): one equal in value to the 回执 sheet's text is that text (12.5 is 12.50).
  for (const [id, figures] of printed ?? []) {
    const written = cases.get(id);
    const same = new Map<string, string>();
    for (const [field, value] of figures) {
      const other = written?.get(field);
      same.set(field, other !== undefined && sameDecimal(value, other) ? other : value);
    }
    cases.set(id, same);
  }
  return {
    result: {
      kind: kind as WrittenResult["kind"],
      receipt: receipt as Receipt,
      ...(header === -1 || kind === "budget" || kind === "totals" ? {} : { cases }),
      totals,
    },
    notices: workbook.notices,
  };
}

/** Whether two texts are the same decimal (`12.5` and `12.50`); texts that are not decimals only when equal. */
function sameDecimal(a: string, b: string): boolean {
  const decimal = /^-?\d+(\.\d+)?$/;
  return decimal.test(a) && decimal.test(b) ? new Dec(a).eq(b) : a === b;
}

/** The amounts of a 结果 sheet (results workbook): id in column 1, municipal, district, total in columns 7–9. */
function printedAmounts(
  rows: readonly { readonly cells: readonly unknown[] }[],
  text: (value: unknown) => string,
): Map<string, Map<string, string>> {
  const amounts = new Map<string, Map<string, string>>();
  // Below its header row (编号 … 合计（元）): the title and basis lines above it are not cases.
  const header = rows.findIndex((row) => text(row.cells[0]) === "编号" && text(row.cells[8]) === "合计（元）");
  for (const row of header === -1 ? [] : rows.slice(header + 1)) {
    const id = text(row.cells[0]);
    if (id === "") continue;
    amounts.set(
      id,
      new Map([
        ["amounts.municipal", text(row.cells[6])],
        ["amounts.district", text(row.cells[7])],
        ["amounts.total", text(row.cells[8])],
      ]),
    );
  }
  return amounts;
}
