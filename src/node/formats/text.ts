import { isUtf8 } from "node:buffer";
import { InvalidInputError, type InputIssue } from "../../errors/index.js";
import { echo } from "../../errors/echo.js";

/**
 * Bytes → text, strictly: the first layer of every reader. Nothing is ever computed on text that a wrong
 * decoding has damaged — a byte that is not UTF-8 is an error naming its line, and a file that holds the
 * replacement character U+FFFD (what a wrong decoding leaves behind) is refused.
 */

/** The encodings a text file is read in. */
export type Encoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

const REPLACEMENT = "\uFFFD";

/**
 * The characters no clerk types and no name holds: the C0 controls but tab, line feed and carriage return (NUL,
 * ESC …), DEL, the C1 controls, and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 * which make a text show other than it reads. Each is invisible in Excel, so a township holding one would be
 * another township than the one the clerk sees; text holding one is refused at its cell, line or field.
 */
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** A control character as a message names it: `U+0000 (NUL)`, `U+001B (ESC)`, `U+202E (RIGHT-TO-LEFT OVERRIDE)`. */
export function controlName(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  const names: { readonly [code: number]: string } = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BS",
    0x0b: "VT",
    0x0c: "FF",
    0x1b: "ESC",
    0x7f: "DEL",
    0x202a: "LEFT-TO-RIGHT EMBEDDING",
    0x202b: "RIGHT-TO-LEFT EMBEDDING",
    0x202c: "POP DIRECTIONAL FORMATTING",
    0x202d: "LEFT-TO-RIGHT OVERRIDE",
    0x202e: "RIGHT-TO-LEFT OVERRIDE",
    0x2066: "LEFT-TO-RIGHT ISOLATE",
    0x2067: "RIGHT-TO-LEFT ISOLATE",
    0x2068: "FIRST STRONG ISOLATE",
    0x2069: "POP DIRECTIONAL ISOLATE",
  };
  const name = names[code] ?? (code < 0x20 ? "a C0 control" : code < 0xa0 ? "a C1 control" : "a formatting character");
  return `U+${hex} (${name})`;
}

/** The problem of a text holding a control character (see {@link CONTROL}), in English and Chinese. */
export function controlProblem(character: string): { readonly message: string; readonly zh: string } {
  const name = controlName(character);
  return {
    message: `holds the control character ${name}, which is invisible and which no clerk types (the text would differ from what the sheet shows): the file was damaged or exported wrongly; remove it`,
    zh: `含有控制字符 ${name}：它不可见，也不是录入的文字（文本会与表上所见不同）：文件已损坏或导出有误，请删除该字符`,
  };
}

/** The 1-based line of byte `offset` and its 1-based column in bytes. */
export function bytePlace(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1)
    if (bytes[index] === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

/** The 1-based line and column (in characters) of `index` in `text`. */
export function textPlace(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at >= 0 && at < index; at = text.indexOf("\n", at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** What a scan of bytes as UTF-8 found: the first byte that is not UTF-8 (-1: none), and counts. */
interface Utf8Scan {
  readonly firstInvalid: number;
  /** Bytes that start no valid sequence. */
  readonly invalid: number;
  /** Valid sequences of three or four bytes (Chinese text in UTF-8 is made of them). */
  readonly wide: number;
}

/** Scans bytes as UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let firstInvalid = -1;
  let invalid = 0;
  let wide = 0;
  const length = bytes.length;
  let index = 0;
  while (index < length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let need = 0;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    }
    let ok = need > 0 && index + need < length;
    if (ok) {
      const second = bytes[index + 1] as number;
      ok = second >= low && second <= high;
      for (let k = 2; ok && k <= need; k += 1) {
        const next = bytes[index + k] as number;
        ok = next >= 0x80 && next <= 0xbf;
      }
    }
    if (ok) {
      if (need >= 2) wide += 1;
      index += need + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = index;
      invalid += 1;
      index += 1;
    }
  }
  return { firstInvalid, invalid, wide };
}

/** UTF-16 by its byte-order mark, or by the zero bytes of ASCII text in UTF-16 without one. */
export function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  // Without a BOM: ASCII text in UTF-16 has a zero byte in every other place (looked at over 8 bytes).
  const span = Math.min(bytes.length, 8) & ~1;
  if (span < 4) return undefined;
  let evenZero = true;
  let oddZero = true;
  for (let at = 0; at < span; at += 2) {
    evenZero &&= bytes[at] === 0 && bytes[at + 1] !== 0;
    oddZero &&= bytes[at] !== 0 && bytes[at + 1] === 0;
  }
  if (oddZero) return "utf-16le";
  if (evenZero) return "utf-16be";
  // Text that starts with CJK (a Chinese-only header) has no zero byte in its first bytes, but its tabs, line ends
  // and digits do: UTF-8 and GB18030 text has no zero byte at all (a NUL is refused), so zero bytes in at least a
  // tenth of the pairs of the first 4 KB, nearly all in one place of the pair (退 is U+9000), are UTF-16.
  const window = Math.min(bytes.length, 4096) & ~1;
  let odd = 0;
  let even = 0;
  for (let at = 0; at < window; at += 2) {
    if (bytes[at] === 0) even += 1;
    if (bytes[at + 1] === 0) odd += 1;
  }
  const pairs = window / 2;
  if (odd * 10 >= pairs && even * 4 < odd) return "utf-16le";
  if (even * 10 >= pairs && odd * 4 < even) return "utf-16be";
  return undefined;
}

const NOT_ASCII = /[^\x00-\x7F]/;
const CHINESE = /[\u3000-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
const ASCII_OR_CHINESE = /^[\x00-\x7F\u3000-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]*$/;

/**
 * Refuses a CSV without a BOM whose bytes read as UTF-8 without one Chinese character, but as GB18030 with only
 * Chinese ones (卯印危 in GB18030 is valid UTF-8, "îӡΣ"): the encoding cannot be told, so it is not guessed.
 */
function refuseAmbiguous(text: string, body: Uint8Array, file: string): void {
  if (!NOT_ASCII.test(text) || CHINESE.test(text)) return;
  let gb: string;
  try {
    gb = new TextDecoder("gb18030", { fatal: true }).decode(body);
  } catch {
    return;
  }
  if (!ASCII_OR_CHINESE.test(gb)) return;
  const lines = text.split("\n");
  const index = lines.findIndex((line) => NOT_ASCII.test(line));
  const asUtf8 = (lines[index] ?? "").replace(/^[\x00-\x7F]+/, "");
  const asGb = (gb.split("\n")[index] ?? "").replace(/^[\x00-\x7F]+/, "");
  throw new InvalidInputError([
    issue(
      `${file} › line ${index + 1}`,
      "ambiguous-encoding",
      `reads as UTF-8 and as GB18030 alike, with other names in each (${echo(asGb, 30)} as GB18030, ${echo(asUtf8, 30)} as UTF-8): the encoding cannot be told, so it is not guessed; save it again as "CSV UTF-8" (Excel writes it with a BOM)`,
      `既可按 UTF-8 也可按 GB18030 读取，两者得出的名称不同（GB18030 为 ${echo(asGb, 30)}，UTF-8 为 ${echo(asUtf8, 30)}）：无法判断编码，不作猜测；请另存为 “CSV UTF-8”（Excel 会写入 BOM）`,
    ),
  ]);
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function issue(path: string, code: string, message: string, zh: string): InputIssue {
  return { path, code, message, zh };
}

function notUtf8(file: string, bytes: Uint8Array, offset: number, advice: string, adviceZh: string): InputIssue {
  const { line, column } = bytePlace(bytes, offset);
  const byte = (bytes[offset] as number).toString(16).toUpperCase().padStart(2, "0");
  return issue(
    `${file} › line ${line}`,
    "not-utf-8",
    `has a byte that is not UTF-8 at column ${column} (byte 0x${byte} at offset ${offset}): ${advice}`,
    `第 ${line} 行第 ${column} 列（偏移 ${offset}）的字节 0x${byte} 不是 UTF-8 编码：${adviceZh}`,
  );
}

/** Refuses text holding U+FFFD: a wrong decoding happened before (names became ������), so names cannot be trusted. */
export function refuseReplacement(text: string, file: string): void {
  const at = text.indexOf(REPLACEMENT);
  if (at < 0) return;
  const { line, column } = textPlace(text, at);
  throw new InvalidInputError([
    issue(
      `${file} › line ${line}`,
      "replacement-character",
      `holds the replacement character U+FFFD (�) at column ${column}, which a wrong decoding leaves where a character was lost: the text is damaged; take it again from the original file`,
      `第 ${line} 行第 ${column} 列有替换字符 U+FFFD（�）：这是错误解码留下的，原字符已丢失；请从原始文件重新导出`,
    ),
  ]);
}

const UTF8_ADVICE = [
  'the file must be UTF-8: save it again as UTF-8 (Excel: "CSV UTF-8"; an editor: 另存为 UTF-8)',
  "文件须为 UTF-8 编码：请另存为 UTF-8",
] as const;

/**
 * The text of a JSON or NDJSON file: UTF-8 only (a leading BOM dropped). UTF-16 is refused by name.
 *
 * @throws InvalidInputError naming the line and byte of the first byte that is not UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array, file: string, what = "JSON"): string {
  const utf16 = utf16Of(bytes);
  if (utf16 !== undefined)
    throw new InvalidInputError([
      issue(
        file,
        "utf-16",
        `is ${utf16.toUpperCase()} ("Unicode" text); ${what} is read as UTF-8 only: save it as UTF-8`,
        `是 ${utf16.toUpperCase()}（Unicode）编码；${what} 只按 UTF-8 读取：请另存为 UTF-8`,
      ),
    ]);
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) {
    const { firstInvalid } = scanUtf8(body);
    throw new InvalidInputError([
      notUtf8(file, bytes, firstInvalid + (body === bytes ? 0 : 3), UTF8_ADVICE[0], UTF8_ADVICE[1]),
    ]);
  }
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
  refuseReplacement(text, file);
  return text;
}

/**
 * The text of a CSV file and its encoding: UTF-8 (with or without a BOM); else GB18030 — what Chinese Excel
 * writes for "CSV (逗号分隔)" — but only for a file without a BOM that decodes as GB18030 whole, and is not
 * UTF-8 text with a stray byte; UTF-16 (Excel's "Unicode 文本", tab-separated) with its BOM.
 *
 * @throws InvalidInputError for mixed encodings, bytes neither UTF-8 nor GB18030, or text holding U+FFFD.
 */
export function decodeCsv(bytes: Uint8Array, file: string): { text: string; encoding: Encoding } {
  const utf16 = utf16Of(bytes);
  if (utf16 !== undefined) {
    try {
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
      refuseReplacement(text, file);
      return { text: text.replace(/^\uFEFF/, ""), encoding: utf16 };
    } catch (error) {
      if (error instanceof InvalidInputError) throw error;
      throw new InvalidInputError([
        issue(
          file,
          "not-utf-16",
          `starts as ${utf16.toUpperCase()} text but is not valid ${utf16.toUpperCase()}: save it again as CSV UTF-8`,
          `以 ${utf16.toUpperCase()} 开头但不是有效的 ${utf16.toUpperCase()} 文本：请另存为 CSV UTF-8`,
        ),
      ]);
    }
  }
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) {
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
    refuseReplacement(text, file);
    if (!bom) refuseAmbiguous(text, body, file);
    return { text, encoding: "utf-8" };
  }
  const scan = scanUtf8(body);
  const offset = scan.firstInvalid + (bom ? 3 : 0);
  if (bom || scan.wide > scan.invalid)
    throw new InvalidInputError([
      notUtf8(
        file,
        bytes,
        offset,
        `the file is UTF-8${bom ? " (it starts with a UTF-8 BOM)" : ""} but this byte is not: it mixes encodings, so its names cannot be trusted; fix that line, or save the file again as CSV UTF-8`,
        `文件是 UTF-8${bom ? "（以 UTF-8 BOM 开头）" : ""}，但此字节不是：编码混杂，名称不可信；请修正该行，或重新另存为 CSV UTF-8`,
      ),
    ]);
  let text: string;
  try {
    text = new TextDecoder("gb18030", { fatal: true }).decode(body);
  } catch {
    throw new InvalidInputError([
      notUtf8(
        file,
        bytes,
        offset,
        'and the file is not GB18030 either (the code page of Chinese Excel): save it again from Excel as "CSV UTF-8"',
        "且文件也不是 GB18030（中文 Excel 的编码）：请在 Excel 中另存为 “CSV UTF-8”",
      ),
    ]);
  }
  refuseReplacement(text, file);
  return { text, encoding: "gb18030" };
}
