import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { InvalidInputError } from "../errors/index.js";
import { UsageError, type CliIo } from "./io.js";

/** Reads all of standard input as text. */
export async function readStdin(io: CliIo): Promise<string> {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
  chunks.push(decoder.decode());
  return chunks.join("");
}

/** Parses JSON text, reporting a syntax error as an input problem of `file`. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new InvalidInputError([{ path: file, message: `is not valid JSON: ${(error as Error).message}` }]);
  }
}

/** The cases of a JSON document: an array, or `{ "cases": [...] }`. */
export function casesOfJson(document: unknown, file: string): unknown[] {
  if (Array.isArray(document)) return document;
  if (typeof document === "object" && document !== null && "cases" in document && Array.isArray((document as { cases: unknown }).cases)) {
    return (document as { cases: unknown[] }).cases;
  }
  throw new InvalidInputError([{ path: file, message: 'must hold a JSON array of cases, or an object { "cases": [ ... ] }' }]);
}

/**
 * Reads `<cases>`: a `.json` file (an array, or `{ "cases": [...] }`) or `-` for JSON on standard input.
 * Other formats are added by the file readers (`.ndjson`, `.csv`, `.xlsx`).
 */
export async function readCases(file: string, io: CliIo): Promise<unknown[]> {
  if (file === "-") return casesOfJson(parseJsonText(await readStdin(io), "(stdin)"), "(stdin)");
  const extension = extname(file).toLowerCase();
  if (extension !== ".json") throw new UsageError(`cannot read "${file}": give a .json file (an array of cases or { "cases": [...] }), or - for JSON on standard input`);
  return casesOfJson(parseJsonText(await readText(file, io), file), file);
}

/** Reads a text file relative to the CLI's working directory; a missing file is a usage error (exit 2). */
export async function readText(file: string, io: CliIo): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read "${file}": ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
}
