import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { UNREADABLE, type CaseSource, type SourceIssue } from "./source.js";

/** One non-blank line of an NDJSON file: its 1-based number and its parsed JSON, or why it is not JSON. */
export type NdjsonRecord =
  | { readonly line: number; readonly value: unknown; readonly error?: undefined }
  | { readonly line: number; readonly value?: undefined; readonly error: string };

/**
 * The lines of an NDJSON file, one at a time (a line is read, parsed and handed on before the next is
 * read, so memory stays bounded). Blank lines are skipped; a BOM on the first line is dropped.
 */
export async function* ndjsonRecords(path: string): AsyncGenerator<NdjsonRecord> {
  const lines = createInterface({
    input: createReadStream(path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, "") : text).trim();
    if (trimmed === "") continue;
    try {
      yield { line, value: JSON.parse(trimmed) as unknown };
    } catch (error) {
      yield { line, error: `is not valid JSON: ${(error as Error).message}` };
    }
  }
}

/** Where a field of a case read from line `line` of `file` is. */
export function ndjsonWhere(file: string, line: number, path: string): string {
  return `${file} › line ${line}${path === "" ? "" : ` › ${path}`}`;
}

/** All the cases of an NDJSON file, in memory (for the formats that need the whole batch). */
export async function ndjsonSource(path: string, file: string): Promise<CaseSource> {
  const cases: unknown[] = [];
  const lines: number[] = [];
  const issues: SourceIssue[] = [];
  for await (const record of ndjsonRecords(path)) {
    if (record.error !== undefined)
      issues.push({ index: cases.length, path: "", where: ndjsonWhere(file, record.line, ""), message: record.error });
    cases.push(record.error === undefined ? record.value : { [UNREADABLE]: true });
    lines.push(record.line);
  }
  return { format: "ndjson", cases, issues, where: (index, path) => ndjsonWhere(file, lines[index] ?? 0, path) };
}
