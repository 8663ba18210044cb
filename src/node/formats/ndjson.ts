import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { ISSUE_LIMIT } from "../../errors/echo.js";
import { InvalidInputError, type InputIssue } from "../../errors/index.js";
import { LIMITS, bytesText } from "../limits.js";
import { duplicateKeyIssues, duplicateKeys, loneSurrogateIssues, loneSurrogates, syntaxProblem } from "./json.js";
import { scanUtf8, utf16Of } from "./text.js";
import { UNREADABLE, type CaseSource, type SourceIssue } from "./source.js";

/** One non-blank line of an NDJSON file: its 1-based number and its parsed JSON, or why it cannot be read. */
export type NdjsonRecord =
  | { readonly line: number; readonly value: unknown; readonly error?: undefined; readonly code?: undefined }
  | {
      readonly line: number;
      readonly value?: undefined;
      readonly error: string;
      readonly code?: string;
      /** The error in Chinese. */
      readonly zh?: string;
    };

const NEWLINE = 0x0a;

/**
 * The lines of an NDJSON file, one at a time: a line is read, decoded, parsed and handed on before the next
 * is read, so memory stays bounded by the longest line (at most `maxLineBytes`). Each line must be UTF-8 JSON
 * with no key given twice in one object; blank lines are skipped; a UTF-8 BOM on the first line is dropped.
 *
 * @throws InvalidInputError for a UTF-16 file (it is not read as lines of UTF-8 at all).
 */
export async function* ndjsonRecords(
  path: string,
  file: string = path,
  maxLineBytes: number = LIMITS.ndjsonLineBytes,
): AsyncGenerator<NdjsonRecord> {
  for await (const raw of ndjsonLines(path, file, maxLineBytes)) {
    const record = raw.bytes === undefined ? raw : lineRecord(raw.bytes, raw.line, raw.start);
    if (record !== undefined) yield record;
  }
}

/**
 * One line of an NDJSON file as bytes, not yet decoded (`start`: its byte offset in the file), or the record of
 * a line too long to be read.
 */
export type NdjsonLine =
  | { readonly line: number; readonly start: number; readonly bytes: Buffer }
  | (NdjsonRecord & { readonly bytes?: undefined });

/**
 * The lines of an NDJSON file as {@link ndjsonRecords} reads them, before each is decoded and parsed
 * ({@link lineRecord} does that): the worker threads of `compute` parse them.
 */
export async function* ndjsonLines(
  path: string,
  file: string = path,
  maxLineBytes: number = LIMITS.ndjsonLineBytes,
): AsyncGenerator<NdjsonLine> {
  let carry: Buffer[] = [];
  let carried = 0;
  let tooLong = false;
  let line = 0;
  let first = true;
  let offset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      refuseUtf16(chunk, file);
    }
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(NEWLINE, start);
      if (end < 0) {
        if (!tooLong) {
          carry.push(chunk.subarray(start));
          carried += chunk.length - start;
          if (carried > maxLineBytes) {
            tooLong = true;
            carry = [];
          }
        }
        break;
      }
      line += 1;
      const lineStart = offset + start - carried;
      if (tooLong) yield longLine(line, maxLineBytes);
      else {
        const bytes =
          carry.length === 0 ? chunk.subarray(start, end) : Buffer.concat([...carry, chunk.subarray(start, end)]);
        yield bytes.length > maxLineBytes ? longLine(line, maxLineBytes) : { line, start: lineStart, bytes };
      }
      carry = [];
      carried = 0;
      tooLong = false;
      start = end + 1;
    }
    offset += chunk.length;
  }
  if (tooLong) yield longLine(line + 1, maxLineBytes);
  else if (carried > 0) yield { line: line + 1, start: offset - carried, bytes: Buffer.concat(carry) };
}

function longLine(line: number, max: number): NdjsonRecord {
  return {
    line,
    code: "line-too-long",
    error: `is longer than ${bytesText(max)}, the most one line may hold: put one case on each line (a case this large is not a real case)`,
    zh: `超过每行上限 ${bytesText(max)}：请每行只写一个案件（这么大的案件不是真实案件）`,
  };
}

/** One line's record, or undefined for a blank line. `lineStart` is its byte offset in the file. */
export function lineRecord(bytes: Buffer, line: number, lineStart: number): NdjsonRecord | undefined {
  let body = bytes;
  if (line === 1 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  if (!isUtf8(body)) {
    const at = scanUtf8(body).firstInvalid;
    const byte = (body[at] as number).toString(16).toUpperCase().padStart(2, "0");
    return {
      line,
      code: "not-utf-8",
      error: `has a byte that is not UTF-8 at column ${at + 1} (byte 0x${byte} at offset ${lineStart + at + (body === bytes ? 0 : 3)}): the file must be UTF-8; save it again as UTF-8`,
      zh: `第 ${at + 1} 列的字节 0x${byte}（偏移 ${lineStart + at + (body === bytes ? 0 : 3)}）不是 UTF-8 编码：文件须为 UTF-8，请另存为 UTF-8`,
    };
  }
  const text = body.toString("utf8").trim();
  if (text === "") return undefined;
  const replacement = text.indexOf("\uFFFD");
  if (replacement >= 0)
    return {
      line,
      code: "replacement-character",
      error: `holds the replacement character U+FFFD (�) at column ${replacement + 1}, which a wrong decoding leaves where a character was lost: take the line again from the original data`,
      zh: `第 ${replacement + 1} 列有替换字符 U+FFFD（�）：这是错误解码留下的，原字符已丢失；请从原始数据重新导出该行`,
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { message, zh } = syntaxProblem(text, (error as Error).message);
    return {
      line,
      code: "not-json",
      error: message.replace("(line 1, column", "(column"),
      zh: zh.replace(/（第 1 行第 (\d+) 列）/, "（第 $1 列）"),
    };
  }
  const duplicates = duplicateKeys(text, ISSUE_LIMIT, value);
  if (duplicates.length > 0)
    return lineProblem(
      line,
      "duplicate-key",
      duplicateKeyIssues(duplicates, (path) => path),
    );
  const broken = loneSurrogates(text, value);
  if (broken.length > 0) {
    const issues = loneSurrogateIssues(broken, (path) => path);
    return lineProblem(line, issues[0]?.code ?? "not-unicode", issues);
  }
  return { line, value };
}

/** The record of a line whose problems are at paths inside its case (`landAreaM2: the key … twice`). */
function lineProblem(line: number, code: string, issues: readonly InputIssue[]): NdjsonRecord {
  return {
    line,
    code,
    error: issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "),
    zh: issues.map((issue) => `${issue.path}：${issue.zh ?? issue.message}`).join("；"),
  };
}

/** Where a field of a case read from line `line` of `file` is. */
export function ndjsonWhere(file: string, line: number, path: string): string {
  return `${file} › line ${line}${path === "" ? "" : ` › ${path}`}`;
}

/**
 * Where an id first seen on `line` is, in the message of its repeat: `line 7` in streamed NDJSON output, and in
 * a JSON document the place the in-memory reader names (`cases.ndjson › line 7 › id`), so that a streamed
 * document says what the in-memory one said.
 */
export function alsoAt(file: string, format: string, line: number): string {
  return format === "json" ? ndjsonWhere(file, line, "id") : `line ${line}`;
}

/** The source of NDJSON bytes already in memory (standard input): each line read as a line of a file is. */
/** NDJSON is UTF-8: a UTF-16 file (Excel's "Unicode text", an editor's "Unicode") is refused by name. */
function refuseUtf16(bytes: Uint8Array, file: string): void {
  const utf16 = utf16Of(bytes);
  if (utf16 !== undefined)
    throw new InvalidInputError([
      {
        path: file,
        code: "utf-16",
        message: `is ${utf16.toUpperCase()} ("Unicode" text); NDJSON is read as UTF-8 only: save it as UTF-8`,
        zh: `是 ${utf16.toUpperCase()}（Unicode）编码；NDJSON 只按 UTF-8 读取：请另存为 UTF-8`,
      },
    ]);
}

export function ndjsonBytesSource(
  bytes: Uint8Array,
  file: string,
  maxLineBytes: number = LIMITS.ndjsonLineBytes,
): CaseSource {
  refuseUtf16(bytes, file);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const collected = collector(file);
  let start = 0;
  for (let line = 1; start <= buffer.length; line += 1) {
    const found = buffer.indexOf(NEWLINE, start);
    const end = found < 0 ? buffer.length : found;
    const record =
      end - start > maxLineBytes ? longLine(line, maxLineBytes) : lineRecord(buffer.subarray(start, end), line, start);
    if (record !== undefined) collected.add(record);
    if (found < 0) break;
    start = found + 1;
  }
  return collected.source();
}

/** The cases of NDJSON records, added one at a time, and the source they make. */
function collector(file: string): { add(record: NdjsonRecord): void; source(): CaseSource; readonly count: number } {
  const cases: unknown[] = [];
  const lines: number[] = [];
  const issues: SourceIssue[] = [];
  return {
    add(record) {
      if (record.error !== undefined)
        issues.push({
          index: cases.length,
          path: "",
          where: ndjsonWhere(file, record.line, ""),
          message: record.error,
          ...(record.code === undefined ? {} : { code: record.code }),
          ...(record.zh === undefined ? {} : { zh: record.zh }),
        });
      cases.push(record.error === undefined ? record.value : { [UNREADABLE]: true });
      lines.push(record.line);
    },
    source: () => ({
      format: "ndjson",
      cases,
      issues,
      where: (index, path) => ndjsonWhere(file, lines[index] ?? 0, path),
      places: lines.map((line) => ({ row: line })),
    }),
    get count() {
      return cases.length;
    },
  };
}

/** All the cases of an NDJSON file, in memory (for the formats that need the whole batch). */
/**
 * The source of an `.ndjson` file of at most `maxRows` records, and how many it holds: past `maxRows` each line
 * is read and counted but none is kept (the source is then empty), so a file too large is refused, with its
 * count, in bounded memory.
 */
export async function countedNdjsonSource(
  path: string,
  file: string,
  maxLineBytes: number,
  maxRows: number,
): Promise<{ source: CaseSource; count: number }> {
  let collected = collector(file);
  let count = 0;
  for await (const record of ndjsonRecords(path, file, maxLineBytes)) {
    count += 1;
    if (count <= maxRows) collected.add(record);
    // Too many: the caller refuses the file, so what was kept is let go and the rest only counted.
    else if (count === maxRows + 1) collected = collector(file);
  }
  return { source: collected.source(), count };
}

export async function ndjsonSource(
  path: string,
  file: string,
  maxLineBytes?: number,
  maxCases = Number.POSITIVE_INFINITY,
): Promise<CaseSource> {
  const collected = collector(file);
  for await (const record of ndjsonRecords(path, file, maxLineBytes)) {
    if (collected.count > maxCases) break; // the caller refuses the file; reading on would only fill memory
    collected.add(record);
  }
  return collected.source();
}
