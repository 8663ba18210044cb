import { parentPort, workerData } from "node:worker_threads";
import { changedWhileRead, streamRecords, type StreamRecords } from "../batch/stream.js";
import type { Units } from "../batch/totals.js";
import { idOf, type CaseError } from "../batch/compute.js";
import { unitsOf } from "../batch/totals.js";
import { isInvalidInputError, type InputIssue } from "../errors/index.js";
import { canonicalJson } from "../receipt/canonical.js";
import { csvLines } from "./formats/csv.js";
import { lineRecord, ndjsonWhere, type NdjsonRecord } from "./formats/ndjson.js";
import { outcomeItem, outcomeLine, resultCsvRow } from "./formats/results.js";
import type { CliIo } from "./io.js";
import { loadProgrammeAndRules } from "./programme-option.js";

/**
 * A worker thread of `exitfund compute` over an NDJSON file (src/node/parallel.ts starts it): it is given blocks
 * of the file's lines, in order of the file, and for each parses every line as the one-thread run does, then
 * checks the cases (the checking pass) or computes them and writes their lines of output (the computing pass).
 * Repeated ids, the order of the output and the totals are the main thread's: it sees every block in order.
 */

/** What a worker is started with: the command's options as given, and what the main thread loaded from them. */
export interface WorkerSetup {
  readonly exitfundWorker: true;
  /** The .ndjson file as the user named it (for messages). */
  readonly file: string;
  readonly cwd: string;
  /** `--rules` and `--programme` as given: the worker loads them as the main thread did. */
  readonly values: { readonly rules?: string | undefined; readonly programme?: string | undefined };
  /** The main thread's rule set as JSON: the worker's must be the same. */
  readonly ruleSetJson: string;
  readonly explain: boolean;
  readonly format: "ndjson" | "csv" | "json";
}

/** A block of lines: `bytes` holds them one after the other; line i is bytes[ends[i-1] … ends[i]). */
export interface Block {
  readonly seq: number;
  readonly pass: "check" | "compute";
  readonly bytes: Uint8Array;
  readonly lines: readonly number[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Lines read already as a record (too long to be read): by their position in the block. */
  readonly made: readonly (readonly [number, NdjsonRecord])[];
  /** computing pass: the cases of the block (by their position among its cases) that are not computed. */
  readonly skip?: readonly number[];
}

/** The checking pass of a block: per case its line and id, and every problem but repeated ids. */
export interface CheckReply {
  readonly seq: number;
  readonly kind: "checked";
  readonly ats: readonly number[];
  readonly ids: readonly (string | null)[];
  /** Problems by the position of their case in the block, in order. */
  readonly errors: readonly (Omit<CaseError, "index"> & { readonly at: number })[];
  readonly needs: readonly string[];
}

/**
 * The computing pass of a block: its output, the totals of its outcomes by township in units, its count, and the
 * canonical JSON of the cases computed joined by `,` (the main thread hashes them in the file's order: the receipt).
 */
export interface ComputeReply {
  readonly seq: number;
  readonly kind: "computed";
  readonly count: number;
  readonly written: number;
  readonly text: string;
  readonly canonical: string;
  readonly units: readonly (readonly [string, Units, Units])[];
}

/** A case the computing pass refused (the file changed since the check): the main thread throws these issues. */
export interface RefusedReply {
  readonly seq: number;
  readonly kind: "refused";
  readonly issues: readonly InputIssue[];
}

/** A failure that is a bug: the main thread stops with an internal error. */
export interface FailedReply {
  readonly seq: number;
  readonly kind: "failed";
  readonly message: string;
}

export type Reply = CheckReply | ComputeReply | RefusedReply | FailedReply;

/** The records of a block, as `ndjsonRecords` would give them (blank lines dropped). */
export function blockRecords(block: Block): NdjsonRecord[] {
  const made = new Map(block.made);
  const bytes = Buffer.from(block.bytes.buffer, block.bytes.byteOffset, block.bytes.byteLength);
  const records: NdjsonRecord[] = [];
  let begin = 0;
  for (let i = 0; i < block.lines.length; i += 1) {
    const end = block.ends[i] as number;
    const record =
      made.get(i) ?? lineRecord(bytes.subarray(begin, end), block.lines[i] as number, block.starts[i] as number);
    begin = end;
    if (record !== undefined) records.push(record);
  }
  return records;
}

/** The checking pass of one block. */
export function checkBlock(block: Block, perCase: StreamRecords, file: string): CheckReply {
  const ats: number[] = [];
  const ids: (string | null)[] = [];
  const errors: (Omit<CaseError, "index"> & { at: number })[] = [];
  const needs: string[] = [];
  for (const record of blockRecords(block)) {
    const at = ats.length;
    ats.push(record.line);
    if (record.error !== undefined) {
      ids.push(null);
      errors.push({ at, path: ndjsonWhere(file, record.line, ""), code: "unreadable", message: record.error });
      continue;
    }
    const id = idOf(record.value);
    ids.push(id ?? null);
    const checked = perCase.check(record.value, (path) => ndjsonWhere(file, record.line, path));
    for (const issue of checked.issues) errors.push({ at, ...(id === undefined ? {} : { id }), ...issue });
    needs.push(...checked.needs);
  }
  return { seq: block.seq, kind: "checked", ats, ids, errors, needs };
}

/** The computing pass of one block: each case not skipped computed, and its output line written. */
export function computeBlock(
  block: Block,
  perCase: StreamRecords,
  setup: Pick<WorkerSetup, "file" | "explain" | "format">,
): ComputeReply {
  const skip = new Set(block.skip ?? []);
  const { scale } = perCase.ruleSet.rounding;
  const byTownship = new Map<string, [string, Units, Units]>();
  const none = () => undefined;
  let text = "";
  const canonical: string[] = [];
  let count = 0;
  let written = 0;
  for (const record of blockRecords(block)) {
    const at = count;
    count += 1;
    if (skip.has(at)) continue;
    const where = (path: string) => ndjsonWhere(setup.file, record.line, path);
    if (record.error !== undefined) throw changedWhileRead(where(""));
    const { outcome, units } = perCase.compute(record.value, where, none);
    const [m, d] = units ?? [unitsOf(outcome.amounts.municipal, scale), unitsOf(outcome.amounts.district, scale)];
    const row = byTownship.get(outcome.township);
    if (row === undefined) byTownship.set(outcome.township, [outcome.township, m, d]);
    else {
      row[1] = add(row[1], m);
      row[2] = add(row[2], d);
    }
    text +=
      setup.format === "csv"
        ? csvLines([resultCsvRow(outcome)])
        : setup.format === "json"
          ? outcomeItem(outcome, setup.explain)
          : outcomeLine(outcome, setup.explain);
    canonical.push(canonicalJson(record.value));
    written += 1;
  }
  return {
    seq: block.seq,
    kind: "computed",
    count,
    written,
    text,
    canonical: canonical.join(","),
    units: [...byTownship.values()],
  };
}

function add(a: Units, b: Units): Units {
  if (typeof a === "number" && typeof b === "number" && Number.isSafeInteger(a + b)) return a + b;
  return BigInt(a) + BigInt(b);
}

/** The io of a worker: it reads files as the main thread does and says nothing (the main thread already did). */
function quietIo(cwd: string): CliIo {
  const quiet = { write: () => true };
  return { stdout: quiet, stderr: quiet, stdin: (async function* () {})(), cwd };
}

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  const setup = workerData as WorkerSetup;
  const { programme, ruleSet } = await loadProgrammeAndRules(setup.values, quietIo(setup.cwd));
  if (JSON.stringify(ruleSet.toJSON()) !== setup.ruleSetJson)
    throw new Error("the rule set read by a worker thread is not the one the command read: was it changed meanwhile?");
  const perCase = streamRecords({ ruleSet, programme, trace: setup.explain });
  port.on("message", (block: Block) => {
    port.postMessage(handle(block, perCase, setup));
  });
}

/** A block's reply; a refused case or a bug is a reply too, so that the main thread stops with its message. */
function handle(block: Block, perCase: StreamRecords, setup: WorkerSetup): Reply {
  try {
    return block.pass === "check" ? checkBlock(block, perCase, setup.file) : computeBlock(block, perCase, setup);
  } catch (error) {
    if (isInvalidInputError(error)) return { seq: block.seq, kind: "refused", issues: [...error.issues] };
    return { seq: block.seq, kind: "failed", message: (error as Error)?.stack ?? String(error) };
  }
}

// Imported by the tests for its functions, it starts only as a worker thread of `compute`.
// No top-level await: the CommonJS build cannot hold one. A failure to start is thrown in the worker, whose
// `error` event stops the run in the main thread.
if (parentPort !== null && (workerData as Partial<WorkerSetup> | null)?.exitfundWorker === true)
  main().catch((error: unknown) =>
    setImmediate(() => {
      throw error;
    }),
  );
