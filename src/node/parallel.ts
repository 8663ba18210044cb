import { stat } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { duplicateIdIssue, idOf, type CaseError } from "../batch/compute.js";
import { confirmRepeats, exactIds, idDigests, type IdDigests, type RepeatSuspect } from "../batch/ids.js";
import { changedWhileRead, MAX_LISTED_ERRORS } from "../batch/stream.js";
import { unitTotals } from "../batch/totals.js";
import { echoText } from "../errors/echo.js";
import { inputHasher, receiptFor } from "../receipt/receipt.js";
import { nodeSha256 } from "./sha256.js";
import { defaultProgramme } from "../rules/default.js";
import { InvalidInputError, isInvalidInputError } from "../errors/index.js";
import { alsoAt, ndjsonLines, ndjsonRecords, ndjsonWhere, type NdjsonRecord } from "./formats/ndjson.js";
import { documentTail, resultsCsvHeader, summaryLine, totalsText } from "./formats/results.js";
import { listWriter } from "./formats/jsonWrite.js";
import { openSink } from "./formats/sink.js";
import { EXIT, UsageError, type CliIo } from "./io.js";
import { foundWhileWriting, sayWritten } from "./output.js";
import { limitsOf } from "./limits.js";
import { noLines } from "./read.js";
import type { StreamComputeOptions } from "./formats/streamCompute.js";
import type { Block, CheckReply, ComputeReply, Reply, WorkerSetup } from "./worker.js";

/**
 * Both cores for `exitfund compute x.ndjson`: the main thread reads the file's lines and hands them, a block at a
 * time and in the file's order, to worker threads that parse, check and compute them; it takes their answers
 * back in the same order, finds repeated ids, lists the problems, writes the output and keeps the totals. So the
 * output is byte for byte that of one thread (test/node/parallel.test.ts compares them).
 */

/** When the worker threads are used, and how the file is cut: tests make them small. */
export interface ParallelTuning {
  /** A file at least this large is split across threads; a smaller one is computed by the main thread. */
  readonly fromBytes: number;
  /** A block holds at most this many lines… */
  readonly blockLines: number;
  /** …and about this many bytes. */
  readonly blockBytes: number;
}

export const PARALLEL: ParallelTuning = Object.freeze({
  fromBytes: 4 * 1024 * 1024,
  blockLines: 500,
  blockBytes: 2 * 1024 * 1024,
});

/** The most worker threads `--threads` takes. */
export const MAX_THREADS = 64;

/** `--threads N`: a whole number from 1 to {@link MAX_THREADS}; default the cores Node may use. */
export function threadsOption(value: string | undefined): number {
  // One thread unless asked: two workers measured no faster on the shared 2-core box and held 420–560 MB for 100,000
  // cases (each worker has its own heap), over the 300 MB a million cases may take (docs/performance.md).
  if (value === undefined) return 1;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_THREADS)
    throw new UsageError(
      `--threads must be a whole number from 1 to ${MAX_THREADS} (1: one thread), got "${echoText(value)}"`,
      { code: "bad-threads", zh: `--threads 须为 1 到 ${MAX_THREADS} 的整数（1 为单线程），收到 "${echoText(value)}"` },
    );
  return Number(value);
}

/** How many worker threads compute `path`: none (the main thread does) below the size where they pay. */
export async function workersFor(path: string, threads: number, io: CliIo): Promise<number> {
  if (threads <= 1) return 0;
  const { size } = await stat(path);
  return size >= tuningOf(io).fromBytes ? threads : 0;
}

function tuningOf(io: CliIo): ParallelTuning {
  return io.parallel === undefined ? PARALLEL : { ...PARALLEL, ...io.parallel };
}

/** A worker thread that failed is a bug: nothing was written, and the message says which and why. */
function workerFailed(which: number, of: number, why: string): Error {
  return new Error(
    `worker thread ${which + 1} of ${of} failed, so the run was stopped and nothing was written (run with --threads 1 to compute in one thread): ${why}`,
  );
}

interface Pool {
  send(block: Block): Promise<Reply>;
  close(): Promise<void>;
}

/** The URL the worker starts from: the built `worker.js` beside this module, or from the sources through tsx. */
function workerEntry(): URL {
  const own = new URL("./worker.js", import.meta.url);
  if (!import.meta.url.endsWith(".ts")) return own;
  // The sources (tests, `tsx src/node/cli.ts`): the worker is TypeScript too, loaded through tsx's hooks.
  const source = new URL("./worker.ts", import.meta.url).href;
  const tsx = new URL("../../node_modules/tsx/dist/esm/api/index.mjs", import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(source)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

function startPool(count: number, setup: WorkerSetup): Pool {
  const waiting = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>();
  let failure: Error | undefined;
  let closing = false;
  const fail = (error: Error) => {
    failure ??= error;
    for (const one of waiting.values()) one.reject(failure);
    waiting.clear();
  };
  const entry = workerEntry();
  const workers = Array.from({ length: count }, (_, which) => {
    const worker = new Worker(entry, { workerData: setup });
    worker.on("message", (reply: Reply) => {
      const one = waiting.get(reply.seq);
      waiting.delete(reply.seq);
      if (reply.kind === "failed") {
        fail(workerFailed(which, count, reply.message));
        // The block that failed is waited for too: left unsettled, the run would hang.
        if (failure !== undefined) one?.reject(failure);
      } else one?.resolve(reply);
    });
    worker.on("error", (error) => fail(workerFailed(which, count, error.stack ?? error.message)));
    worker.on("exit", (code) => {
      if (!closing) fail(workerFailed(which, count, `it stopped (exit code ${code})`));
    });
    return worker;
  });
  return {
    send(block) {
      if (failure !== undefined) return Promise.reject(failure);
      const reply = new Promise<Reply>((resolve, reject) => waiting.set(block.seq, { resolve, reject }));
      // Awaited in order later; a rejection meanwhile must not count as unhandled.
      reply.catch(() => undefined);
      (workers[block.seq % count] as Worker).postMessage(block, [block.bytes.buffer as ArrayBuffer]);
      return reply;
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** The blocks of an NDJSON file, cut the same way on every reading (so block `seq` is the same lines each time). */
async function* blocksOf(
  path: string,
  file: string,
  io: CliIo,
  pass: Block["pass"],
  skipOf?: (seq: number) => number[],
): AsyncGenerator<Block> {
  const { blockLines, blockBytes } = tuningOf(io);
  let parts: Buffer[] = [];
  let size = 0;
  let lines: number[] = [];
  let starts: number[] = [];
  let ends: number[] = [];
  let made: [number, NdjsonRecord][] = [];
  let seq = 0;
  const flush = (): Block => {
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    const block: Block = { seq, pass, bytes, lines, starts, ends, made, ...(skipOf ? { skip: skipOf(seq) } : {}) };
    seq += 1;
    parts = [];
    size = 0;
    lines = [];
    starts = [];
    ends = [];
    made = [];
    return block;
  };
  for await (const raw of ndjsonLines(path, file, limitsOf(io).ndjsonLineBytes)) {
    if (raw.bytes === undefined) {
      made.push([lines.length, raw]);
      starts.push(0);
    } else {
      parts.push(raw.bytes);
      size += raw.bytes.length;
      starts.push(raw.start);
    }
    lines.push(raw.line);
    ends.push(size);
    if (lines.length >= blockLines || size >= blockBytes) yield flush();
  }
  if (lines.length > 0) yield flush();
}

/** Sends every block to the pool, at most `window` at a time, and hands each reply on in the order of the blocks. */
async function inOrder(
  pool: Pool,
  blocks: AsyncIterable<Block>,
  window: number,
  take: (reply: Reply) => Promise<void> | void,
): Promise<void> {
  const pending: Promise<Reply>[] = [];
  for await (const block of blocks) {
    pending.push(pool.send(block));
    if (pending.length >= window) await take(await (pending.shift() as Promise<Reply>));
  }
  while (pending.length > 0) await take(await (pending.shift() as Promise<Reply>));
}

function refused(reply: Reply): asserts reply is CheckReply | ComputeReply {
  if (reply.kind === "refused") throw new InvalidInputError(reply.issues);
}

/**
 * `streamCompute` in `workers` threads: the same two passes, the same problems in the same order, the same
 * output. Returns undefined, having written nothing, when a case is cross-checked against others (transfers):
 * that needs the parsed cases in one place, and the caller computes the file in one thread.
 */
export async function parallelStreamCompute(
  options: StreamComputeOptions,
  path: string,
  workers: number,
  io: CliIo,
  /** Lists the problems (`invalid`: how many cases have one) and gives those the output lists. */
  report: (errors: readonly CaseError[], omitted: number, invalid: number) => Promise<readonly CaseError[]>,
  tooMany: (max: number) => Error,
): Promise<number | undefined> {
  const { file, ruleSet } = options;
  const maxCases = limitsOf(io).streamedCases;
  const maxErrors = MAX_LISTED_ERRORS;
  const where = (line: number, field: string) => ndjsonWhere(file, line, field);
  const setup: WorkerSetup = {
    exitfundWorker: true,
    file,
    cwd: io.cwd,
    values: options.values ?? {},
    ruleSetJson: JSON.stringify(ruleSet.toJSON()),
    explain: options.explain,
    format: options.format,
  };
  const pool = startPool(workers, setup);
  const window = 2 * workers;
  try {
    // The checking pass: problems in the order of the file, as one thread lists them; repeated ids by their
    // digests (bounded memory), confirmed by reading the earlier lines again, and on a false alarm (two ids with
    // one digest) the pass again with the ids themselves.
    const checkPass = async (ids: IdDigests) => {
      const errors: CaseError[] = [];
      const invalid: number[] = [];
      const perBlock: number[] = [];
      const suspects: RepeatSuspect[] = [];
      let omitted = 0;
      let count = 0;
      let crossChecked = false;
      const fail = (error: CaseError) => {
        if (invalid[invalid.length - 1] !== error.index) invalid.push(error.index);
        if (errors.length >= maxErrors) omitted += 1;
        else errors.push(error);
      };
      const checking = options.progress("checking", 0);
      await inOrder(pool, blocksOf(path, file, io, "check"), window, (reply) => {
        refused(reply);
        const checked = reply as CheckReply;
        perBlock.push(checked.ats.length);
        let next = 0;
        for (let at = 0; at < checked.ats.length; at += 1) {
          const index = count;
          count += 1;
          if (count > maxCases) throw tooMany(maxCases);
          const id = checked.ids[at] ?? undefined;
          const line = checked.ats[at] as number;
          if (id !== undefined) {
            const first = ids.add(id, line);
            if (first !== undefined) {
              suspects.push({ id, at: line, first });
              fail({ index, id, ...duplicateIdIssue(id, where(line, "id"), alsoAt(file, options.format, first)) });
            }
          }
          for (; next < checked.errors.length && checked.errors[next]?.at === at; next += 1) {
            const { at: _at, ...issue } = checked.errors[next] as CheckReply["errors"][number];
            fail({ index, ...issue });
          }
        }
        if (checked.needs.length > 0) crossChecked = true;
        checking.tick(checked.ats.length);
      });
      checking.done();
      return { errors, invalid, perBlock, suspects, omitted, count, crossChecked };
    };
    const idsAt = async (ats: ReadonlySet<number>) => {
      const found = new Map<number, string>();
      for await (const record of ndjsonRecords(path, file, limitsOf(io).ndjsonLineBytes)) {
        if (!ats.has(record.line) || record.error !== undefined) continue;
        const id = idOf(record.value);
        if (id !== undefined) found.set(record.line, id);
      }
      return found;
    };
    let pass = await checkPass(idDigests());
    if (!(await confirmRepeats(pass.suspects, idsAt))) pass = await checkPass(exactIds());
    const { invalid, perBlock, omitted, count, crossChecked } = pass;
    if (crossChecked) return undefined;
    if (count === 0 && pass.errors.length === 0) throw noLines(file);
    const errors = await report(pass.errors, omitted, invalid.length);
    if (errors.length > 0 && !options.skipInvalid) return EXIT.badInput;

    // The computing pass: each block's lines of output written in the order of the file.
    const skipOf = cutter(invalid, perBlock);
    const running = unitTotals(ruleSet.rounding);
    const hashed = inputHasher(nodeSha256);
    const computing = options.progress("computing", count - invalid.length);
    const sink = await openSink(io, options.out);
    const csv = options.format === "csv";
    const json =
      options.format === "json"
        ? listWriter({ ruleSet: { id: ruleSet.id, version: ruleSet.version } }, "results")
        : undefined;
    let written = 0;
    let blocks = 0;
    try {
      if (csv) await sink.write(resultsCsvHeader());
      if (json !== undefined) await sink.write(json.head);
      try {
        await inOrder(pool, blocksOf(path, file, io, "compute", skipOf), window, async (reply) => {
          refused(reply);
          const computed = reply as ComputeReply;
          if (computed.count !== perBlock[computed.seq]) throw changedWhileRead(where(0, ""));
          blocks += 1;
          if (computed.text !== "") await sink.write(json === undefined ? computed.text : json.items(computed.text));
          for (const [township, municipal, district] of computed.units) running.add(township, municipal, district);
          hashed.addCanonical(computed.canonical);
          written += computed.written;
          computing.tick(computed.written);
        });
        if (blocks !== perBlock.length) throw changedWhileRead(file);
      } catch (error) {
        if (!isInvalidInputError(error)) throw error;
        throw foundWhileWriting(error);
      }
      computing.done();
      const totals = running.totals();
      if (!csv) {
        const receipt = receiptFor(ruleSet, options.programme ?? defaultProgramme, hashed.hex());
        await sink.write(
          json === undefined
            ? summaryLine({ id: ruleSet.id, version: ruleSet.version }, totals, errors, receipt, omitted)
            : json.tail(documentTail(totals, errors, receipt, omitted)),
        );
      }
      await sink.close();
      // The totals only once the results are written whole: a failed write must not print them first.
      if (csv) io.stderr.write(totalsText(totals, written, io.lang));
      if (options.out !== undefined && options.out !== "-") sayWritten(io, options.out, written);
    } catch (error) {
      await sink.abort();
      throw error;
    }
    return errors.length > 0 ? EXIT.findings : EXIT.ok;
  } finally {
    await pool.close();
  }
}

/** The invalid cases (indices in order) of each block, by their place among its cases. */
function cutter(invalid: readonly number[], perBlock: readonly number[]): (seq: number) => number[] {
  const bases: number[] = [];
  let base = 0;
  for (const n of perBlock) {
    bases.push(base);
    base += n;
  }
  let next = 0;
  return (seq) => {
    const from = bases[seq] ?? base;
    const to = from + (perBlock[seq] ?? 0);
    const skip: number[] = [];
    while (next < invalid.length && (invalid[next] as number) < to) {
      const index = invalid[next] as number;
      if (index >= from) skip.push(index - from);
      next += 1;
    }
    return skip;
  };
}
