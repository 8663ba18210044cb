import { type Cell, type HeaderFooter, type Worksheet } from "./engine.js";
import { BODY_SIZE, FIGURE_FONT, TEXT_FONT, border, isFigure, merge, mergesOf, type Merge } from "./cells.js";

/**
 * How a printed sheet is laid out: page setup (A4, orientation, fit to width, repeated header rows, page
 * header and `第 N 页 共 M 页`), sign-off blocks, and the finishing pass that names every cell's font and sizes
 * each row to its text, so nothing is clipped when Excel, WPS or LibreOffice prints it.
 */

/** How a sheet prints. */
export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  /** The rows repeated at the top of every page (the table's header), e.g. `[6, 6]`; frozen on screen too. */
  readonly titleRows?: readonly [number, number];
  /** The text of the page header (centre), e.g. the declaration id. */
  readonly header: string;
  /** Text at the left of the page footer (the page number is always in its centre). */
  readonly footerLeft?: string;
}

/** `第 N 页 共 M 页` in the centre of the footer. */
export const PAGE_NUMBER = "第 &P 页 共 &N 页";

const HEADER_FONT = `&"${TEXT_FONT.name},Regular"&9`;

/** Text as a page header or footer holds it: `&` doubled (it starts a field code), line breaks as spaces. */
export function headerText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replaceAll("&", "&&");
}

/**
 * Page setup of a printed sheet: A4 in `orientation`, fit to the page width (as many pages down as needed),
 * centred, margins for binding, the header rows repeated and frozen, a page header and `第 N 页 共 M 页`.
 */
export function printSetup(sheet: Worksheet, setup: PrintSetup): void {
  Object.assign(sheet.pageSetup, {
    paperSize: 9, // A4
    orientation: setup.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.5, top: 0.75, bottom: 0.7, header: 0.3, footer: 0.3 },
    ...(setup.titleRows === undefined ? {} : { printTitlesRow: `${setup.titleRows[0]}:${setup.titleRows[1]}` }),
  });
  sheet.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    oddHeader: `&C${HEADER_FONT}${headerText(setup.header)}`,
    oddFooter: `${setup.footerLeft === undefined ? "" : `&L${HEADER_FONT}${headerText(setup.footerLeft)}`}&C${HEADER_FONT}${PAGE_NUMBER}`,
  } as HeaderFooter;
  if (setup.titleRows !== undefined) sheet.views = [{ state: "frozen", ySplit: setup.titleRows[1] }];
}

/** A box of a sign-off block: who signs (签字) or stamps (盖章), with a date line. */
export interface SignBox {
  readonly label: string;
  /** A seal (盖章) box is taller than a signature (签字). */
  readonly seal?: boolean;
  /** Text already known (e.g. the township that declared). */
  readonly value?: string;
}

/** 日期 line of a sign-off box. */
export const DATE_LINE = "日期：　　　　年　　月　　日";

/**
 * 签字盖章栏 · a sign-off block from `first`: each row of boxes shares the width of columns 1 to `last`; a box is its
 * label, room to sign or stamp, and a date line. Returns the row after the block.
 */
export function signOff(sheet: Worksheet, first: number, last: number, rows: readonly (readonly SignBox[])[]): number {
  let at = first;
  for (const boxes of rows) {
    const spans = splitColumns(sheet, last, boxes.length);
    const seal = boxes.some((box) => box.seal === true);
    boxes.forEach((box, index) => {
      const [left, right] = spans[index] ?? [1, last];
      const cell = sheet.getCell(at, left);
      cell.value = `${box.label}：${box.value ?? ""}\n\n${seal ? "\n" : ""}${DATE_LINE}`;
      cell.alignment = { horizontal: "left", vertical: "top", wrapText: true };
      merge(sheet, at, left, at, right);
    });
    border(sheet, at, at, last);
    sheet.getRow(at).height = seal ? 78 : 60;
    at += 1;
  }
  return at;
}

/**
 * 表头栏 · a line of labelled fields across columns 1 to `last` (索引号, 编制人, 日期 …): each field a bold label
 * and a value (or room to write one), bordered.
 */
export function fieldLine(
  sheet: Worksheet,
  rowNumber: number,
  last: number,
  fields: readonly { readonly label: string; readonly value?: string; readonly weight?: number }[],
): void {
  const spans = splitColumns(
    sheet,
    last,
    fields.length,
    fields.map((field) => field.weight ?? 1),
  );
  fields.forEach((field, index) => {
    const [left, right] = spans[index] ?? [1, last];
    const cell = sheet.getCell(rowNumber, left);
    cell.value = {
      richText: [{ text: `${field.label}：`, font: { bold: true } }, { text: field.value ?? "" }],
    };
    cell.alignment = { horizontal: "left", vertical: "middle", wrapText: true };
    merge(sheet, rowNumber, left, rowNumber, right);
  });
  border(sheet, rowNumber, rowNumber, last);
}

/**
 * Columns 1 to `last` cut into runs of about the widths the weights ask (by default equal), each run at least
 * one column: `splitColumns(sheet, 12, [2, 1, 1])` gives half the width to the first run.
 */
export function splitColumns(
  sheet: Worksheet,
  last: number,
  parts: number,
  weights: readonly number[] = [],
): [number, number][] {
  const widths = Array.from({ length: last }, (_, index) => columnWidth(sheet, index + 1));
  const total = widths.reduce((a, b) => a + b, 0);
  const weight = (part: number) => weights[part] ?? 1;
  const sum = Array.from({ length: parts }, (_, part) => weight(part)).reduce((a, b) => a + b, 0);
  const spans: [number, number][] = [];
  let start = 1;
  let covered = 0;
  let wanted = 0;
  for (let part = 1; part <= parts; part += 1) {
    wanted += (total * weight(part - 1)) / sum;
    let end = start;
    covered += widths[end - 1] ?? 0;
    while (end < last - (parts - part) && covered + (widths[end] ?? 0) / 2 <= wanted) {
      end += 1;
      covered += widths[end - 1] ?? 0;
    }
    if (part === parts) end = last;
    spans.push([start, end]);
    start = end + 1;
  }
  return spans;
}

function columnWidth(sheet: Worksheet, column: number): number {
  const target = sheet.getColumn(column);
  return target.hidden === true ? 0 : (target.width ?? 9);
}

/**
 * The width of text in Excel's column units (about 7 pixels: the width of "0" in the default 11-point font): at
 * 五号 (10.5 points, 14 pixels) a CJK or full-width character (and the characters CJK fonts draw wide: — · × “ ”
 * ①) counts 2, any other 1, a fixed-pitch figure 1.2; all scaled by the font size.
 */
export function textWidth(text: string, size: number = BODY_SIZE, figure = false): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    width += isWide(code) ? 2 : figure ? 1.2 : 1;
  }
  return (width * size) / BODY_SIZE;
}

/** East Asian wide and full-width characters, and those CJK fonts draw wide. */
export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2010 && code <= 0x2027) || // dashes, quotes, ·, …
    (code >= 0x2030 && code <= 0x203b) ||
    (code >= 0x2103 && code <= 0x2109) ||
    (code >= 0x2160 && code <= 0x2199) ||
    (code >= 0x2212 && code <= 0x2215) ||
    (code >= 0x2460 && code <= 0x24ff) || // ①
    (code >= 0x2500 && code <= 0x27bf) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd) ||
    code === 0x00b7 ||
    code === 0x00d7 ||
    code === 0x00f7 ||
    code === 0x00a7
  );
}

/**
 * The height of one line of text of `size` points, as Excel and LibreOffice lay it out with a CJK font: 1.35 × the
 * size, to the quarter point (14.25 at 五号; 1.3 clips the last line in LibreOffice).
 */
export function lineHeight(size: number = BODY_SIZE): number {
  return Math.ceil(size * 1.35 * 4) / 4;
}

/** Room (in column units) a cell keeps besides its text: its padding on both sides. */
const PADDING = 0.6;

/**
 * 版式收尾 · the finishing pass of a printed sheet: every written cell gets its font named (宋体 for text, the
 * fixed font for figures, at 五号 unless the cell says otherwise), and every row is made tall enough for the
 * wrapped text of each of its cells in the width the cell (or its merged range) has. Rows already taller
 * (a sign-off box) stay as they are.
 */
export function finishSheet(sheet: Worksheet): void {
  const spans = new Map<string, Merge>();
  const inside = new Set<string>();
  for (const range of mergesOf(sheet)) {
    spans.set(`${range.top}:${range.left}`, range);
    for (let r = range.top; r <= range.bottom; r += 1)
      for (let c = range.left; c <= range.right; c += 1)
        if (r !== range.top || c !== range.left) inside.add(`${r}:${c}`);
  }
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let needed = 0;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (inside.has(`${rowNumber}:${column}`)) return;
      const figure = isFigure(cell);
      const given = cell.font ?? {};
      const size = given.size ?? BODY_SIZE;
      cell.font = {
        ...(figure ? FIGURE_FONT : TEXT_FONT),
        size,
        ...(given.bold === undefined ? {} : { bold: given.bold }),
        ...(given.italic === undefined ? {} : { italic: given.italic }),
        ...(given.color === undefined ? {} : { color: given.color }),
        ...(given.underline === undefined ? {} : { underline: given.underline }),
      };
      const value = cell.value;
      if (typeof value === "object" && value !== null && "richText" in value)
        cell.value = {
          richText: value.richText.map((run) => ({ ...run, font: { ...TEXT_FONT, size, ...run.font } })),
        };
      const range = spans.get(`${rowNumber}:${column}`);
      if (range !== undefined && range.bottom !== range.top) return; // a box over several rows keeps its size
      const width = spanWidth(sheet, column, range?.right ?? column) - (cell.alignment?.indent ?? 0);
      if (width <= 0) return; // a hidden column (exact strings) prints nothing
      // A figure never wraps (Excel shows ### when it does not fit: its column is sized for it); text wraps.
      const lines = figure ? 1 : linesOf(cellText(cell), width, size, figure);
      needed = Math.max(needed, lines * lineHeight(size) + 4);
    });
    if (needed > (row.height ?? 0)) row.height = needed;
  });
}

/** The width of columns `from` to `to`, in column units. */
export function spanWidth(sheet: Worksheet, from: number, to: number): number {
  let width = 0;
  for (let c = from; c <= to; c += 1) width += columnWidth(sheet, c);
  return width;
}

/**
 * The lines a text takes in a cell `width` wide: each of its lines wrapped as Excel and LibreOffice wrap it — a
 * line breaks after any CJK character and at spaces, a Latin word or a figure too long for a line breaks anywhere —
 * with a small margin for the CJK punctuation that may not start a line.
 */
export function linesOf(text: string, width: number, size: number = BODY_SIZE, figure = false): number {
  const room = Math.max(1, (width - PADDING) * 0.96);
  return text.split("\n").reduce((n, part) => n + wrappedLines(part, room, size, figure), 0);
}

/** A CJK character (a break may follow it), a run of other characters with its trailing spaces, or spaces. */
const BREAKS =
  /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3fffd}]|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3fffd}]+\s*|\s+/gu;

/** The lines one line of text takes when wrapped greedily in `room` column units. */
function wrappedLines(part: string, room: number, size: number, figure: boolean): number {
  let lines = 1;
  let used = 0;
  for (const token of part.match(BREAKS) ?? []) {
    const fits = textWidth(token.trimEnd(), size, figure);
    const whole = textWidth(token, size, figure);
    if (used + fits <= room) used += whole;
    else if (fits <= room) {
      lines += used === 0 ? 0 : 1;
      used = whole;
    } else
      for (const character of token) {
        const one = textWidth(character, size, figure);
        if (used + one > room && used > 0) {
          lines += 1;
          used = 0;
        }
        used += one;
      }
  }
  return lines;
}

/** What a cell shows, as text (figures as Excel formats them, roughly: the digits and separators). */
export function cellText(cell: Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    const format = cell.numFmt;
    return formatted(value, typeof format === "object" ? format.formatCode : format);
  }
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object" && "richText" in value) return value.richText.map((run) => run.text).join("");
  if (typeof value === "object" && "text" in value) return String(value.text);
  return String(value);
}

/** The shape of a figure as `format` shows it (for its width only: the digits are not the value's). */
function formatted(value: number, format: string | undefined): string {
  const decimals = /\.(0+)(#*)/.exec(format ?? "");
  const places = decimals === null ? 0 : (decimals[1]?.length ?? 0) + (decimals[2]?.length ?? 0);
  const whole = (/^-?(\d+)/.exec(String(Math.trunc(value)))?.[1] ?? "0").replace(/./g, "0");
  const grouped = (format ?? "").includes(",") ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
  return `${value < 0 ? "-" : ""}${grouped}${places === 0 ? "" : `.${"0".repeat(places)}`}`;
}
