import Table from "cli-table3";
import type { CliIo } from "./io.js";
import type { Lang } from "./lang.js";
import { visibleText } from "../errors/echo.js";
import { isWide } from "./xlsx/layout.js";

type Options = ConstructorParameters<typeof Table>[0];

/**
 * Characters the sheets' {@link isWide} counts wide because CJK fonts draw them so, but which East Asian
 * Width calls ambiguous and terminals draw one column wide (dashes, quotes, ·, ×, ①, box drawing).
 */
function isAmbiguous(code: number): boolean {
  return (
    (code >= 0x2010 && code <= 0x203b) ||
    (code >= 0x2103 && code <= 0x2109) ||
    (code >= 0x2160 && code <= 0x2199) ||
    (code >= 0x2212 && code <= 0x2215) ||
    (code >= 0x2460 && code <= 0x27bf) ||
    code === 0x00b7 ||
    code === 0x00d7 ||
    code === 0x00f7 ||
    code === 0x00a7
  );
}

/** The columns `text` takes on a terminal: East Asian Wide and Fullwidth characters 2, the others 1. */
export function terminalWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code === 0x200b || (code >= 0x0300 && code <= 0x036f)) continue; // zero width, combining marks
    width += isWide(code) && !isAmbiguous(code) ? 2 : 1;
  }
  return width;
}

/**
 * The width tables must fit: the terminal's columns; elsewhere (a pipe, a file) `COLUMNS` when it is set,
 * else no limit.
 */
export function tableWidth(io: Pick<CliIo, "stdout" | "columns" | "env">): number | undefined {
  if (io.stdout.isTTY === true && io.columns !== undefined && io.columns > 0) return io.columns;
  const columns = io.env !== undefined && Object.hasOwn(io.env, "COLUMNS") ? io.env["COLUMNS"] : undefined;
  const parsed = columns === undefined ? Number.NaN : Number(columns);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}

/** How a command's tables are drawn: in which language, and the width they must fit (none: as wide as they are). */
export interface TableView {
  readonly lang: Lang;
  readonly width?: number | undefined;
}

/** The view of `io`: its language (English when none is set) and {@link tableWidth}. */
export function viewOf(io: Pick<CliIo, "stdout" | "columns" | "env" | "lang">): TableView {
  return { lang: io.lang ?? "en", width: tableWidth(io) };
}

/**
 * `text` with every line wider than `width` wrapped (headings and notes between tables; a table drawn by
 * {@link makeTable} with the same width is left as it is). No width: `text` unchanged.
 */
export function fitText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split("\n")
    .flatMap((line) => (terminalWidth(line) <= width ? [line] : wrapText(line, width)))
    .join("\n");
}

/** `text` broken into lines of at most `width` columns: at spaces where it can, within a word where it must. */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let used = 0;
    const flush = () => {
      lines.push(line.trimEnd());
      line = "";
      used = 0;
    };
    for (const word of paragraph.split(/(?<= )/)) {
      const size = terminalWidth(word);
      const bare = terminalWidth(word.trimEnd());
      if (used > 0 && used + bare > limit) flush();
      if (bare <= limit - used) {
        line += word;
        used += size;
        continue;
      }
      for (const character of word) {
        const one = terminalWidth(character);
        if (used + one > limit && !(character === " ")) flush();
        if (character === " " && used + one > limit) continue;
        line += character;
        used += one;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** A table for people: head, aligned columns, rows; fitted to `width` when it is given (see {@link fitTable}). */
export interface FittedTable {
  push(...rows: readonly string[][]): void;
  toString(): string;
}

/** The most a cell is narrowed to before the table gives up columns for key: value blocks. */
const NARROWEST = 6;

/** A cell as a table shows it: its lines kept, every invisible character in them escaped ({@link visibleText}). */
function visibleCell(cell: string): string {
  return cell.split("\n").map(visibleText).join("\n");
}

/**
 * A cli-table3 table without colour codes (output is often piped or saved), CJK widths measured as a terminal
 * draws them. Every cell and heading shows its invisible characters as escapes (`\t`, `\u00A0`, `\u202E`): a
 * tab or a zero-width space in a case id cannot shift a column, nor a bidi override reorder a row. With `width`, it never draws a line wider: long cells wrap (nothing is cut off; figures, the
 * right-aligned columns, are never broken), and when the columns cannot fit even narrowed, each row is written
 * as a block of `header: value` lines instead.
 */
export function makeTable(options: Options = {}, width?: number): FittedTable {
  const rows: string[][] = [];
  return {
    push: (...added) => {
      for (const row of added) rows.push(row.map(visibleCell));
    },
    toString: () =>
      fitTable(
        {
          ...options,
          ...(options?.head === undefined ? {} : { head: options.head.map((cell) => visibleCell(String(cell))) }),
        },
        rows,
        width,
      ),
  };
}

function plain(options: Options): InstanceType<typeof Table> {
  return new Table({ ...options, style: { head: [], border: [], ...(options?.style ?? {}) } });
}

function widest(text: string): number {
  return Math.max(0, ...text.split("\n").map(terminalWidth));
}

function fitTable(options: Options, rows: readonly string[][], width: number | undefined): string {
  const head = (options?.head ?? []).map(String);
  const count = Math.max(head.length, ...rows.map((row) => row.length));
  const padding = (options?.style?.["padding-left"] ?? 1) + (options?.style?.["padding-right"] ?? 1);
  const natural = Array.from({ length: count }, (_, column) =>
    Math.max(widest(head[column] ?? ""), ...rows.map((row) => widest(row[column] ?? ""))),
  );
  const frame = count + 1 + count * padding;
  const total = natural.reduce((sum, size) => sum + size, 0) + frame;
  if (width === undefined || total <= width) return draw(options, head, rows, natural, padding);
  const room = width - frame;
  // Figures (right-aligned columns) are never broken: a narrower layout is chosen before an amount wraps.
  const aligns = options?.colAligns ?? [];
  const floors = natural.map((size, column) => (aligns[column] === "right" ? size : Math.min(size, NARROWEST)));
  if (room < floors.reduce((sum, size) => sum + size, 0)) return blocks(head, rows, width);
  // Narrow the widest columns first, never below their floor, until the table fits.
  const sizes = [...natural];
  let excess = sizes.reduce((sum, size) => sum + size, 0) - room;
  while (excess > 0) {
    const top = Math.max(...sizes.map((size, column) => (size > (floors[column] ?? 0) ? size : 0)));
    const column = sizes.findIndex((size, index) => size === top && size > (floors[index] ?? 0));
    if (column < 0) return blocks(head, rows, width);
    const next = Math.max(floors[column] ?? 0, ...sizes.filter((size) => size < top), top - excess);
    excess -= top - next;
    sizes[column] = next;
  }
  const wrap = (row: readonly string[]) =>
    Array.from({ length: count }, (_, column) => wrapText(row[column] ?? "", sizes[column] ?? 1).join("\n"));
  return draw(options, wrap(head), rows.map(wrap), sizes, padding);
}

function draw(
  options: Options,
  head: readonly string[],
  rows: readonly string[][],
  sizes: readonly number[],
  padding: number,
): string {
  const table = plain({
    ...options,
    ...(head.length === 0 ? {} : { head: [...head] }),
    colWidths: sizes.map((size) => size + padding),
  });
  table.push(...rows.map((row) => [...row]));
  return table.toString();
}

/** Each row as `header: value` lines, values wrapped to `width`; rows apart by a blank line. */
function blocks(head: readonly string[], rows: readonly string[][], width: number): string {
  const keys = head.map((key) => key.replace(/\n/g, " "));
  const keyWidth = Math.min(Math.max(0, ...keys.map(terminalWidth)), Math.floor(width / 3));
  const out: string[] = [];
  for (const row of rows) {
    if (out.length > 0) out.push("");
    row.forEach((value, column) => {
      const key = keys[column] ?? "";
      const keyLines = wrapText(key, keyWidth);
      const valueLines = wrapText(value, Math.max(1, width - keyWidth - 2));
      const height = Math.max(keyLines.length, valueLines.length);
      for (let line = 0; line < height; line += 1) {
        const k = keyLines[line] ?? "";
        const label = line === 0 && key !== "" ? `${k}:` : k;
        out.push(
          `${label}${" ".repeat(Math.max(0, keyWidth + 2 - terminalWidth(label)))}${valueLines[line] ?? ""}`.trimEnd(),
        );
      }
    });
  }
  return out.join("\n");
}
