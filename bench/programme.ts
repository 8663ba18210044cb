// A city's programme recomputed from streamed NDJSON: 1,000,000 enterprise exits and 10,000,000 structure items
// (200,000 declarations of 50) written as NDJSON files (not timed), then streamed: the main thread reads the files
// in blocks of lines (bytes, never a whole file), and `--threads` worker threads (default 2: both cores) read each
// line strictly with exitfund/node's NDJSON reader (UTF-8, duplicate keys refused) and compute the block with
// `computeTotals` (the fast path, traces and outcomes off; each block's receipt hashed with node:crypto). The
// totals are added in integer fen, so they are the same whatever the threads and order (`--threads 1` computes
// in the main thread). Then, not timed, the same files are computed by the naive decimal.js reference
// (bench/naive.ts) and the totals compared township by township. It prints the wall and CPU time of the timed
// part (the process's CPU: main thread and workers), the peak RSS, the totals and `exact:`.
//   npx tsx bench/programme.ts [--cases 1000000] [--items 10000000] [--threads 2] [--keep] [--no-reference]
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { unitTotals, unitsOf } from "../src/batch/totals.js";
import { ndjsonLines } from "../src/node/formats/ndjson.js";
import { defaultRuleSet } from "../src/rule-sets/index.js";
import { D } from "./naive.js";
import { runBlock, type ProgrammeBlock, type ProgrammeReply } from "./programme-worker.js";
import { declarations, enterpriseCases, ITEMS_PER_DECLARATION } from "./data.js";

const { values: args } = parseArgs({
  options: {
    cases: { type: "string", default: "1000000" },
    items: { type: "string", default: "10000000" },
    keep: { type: "boolean", default: false },
    threads: { type: "string", default: "2" },
    "no-reference": { type: "boolean", default: false },
  },
});
const CASES = Number(args.cases);
const ITEMS = Number(args.items);
const RUN = 5_000; // lines a block
const THREADS = Number(args.threads);
const GENERATE = 10_000;

async function write(path: string, count: number, chunk: (from: number, n: number) => object[]): Promise<number> {
  const file = createWriteStream(path);
  let bytes = 0;
  for (let from = 0; from < count; from += GENERATE) {
    const text = chunk(from, Math.min(GENERATE, count - from))
      .map((c) => `${JSON.stringify(c)}\n`)
      .join("");
    bytes += Buffer.byteLength(text);
    if (!file.write(text)) await once(file, "drain");
  }
  file.end();
  await once(file, "finish");
  return bytes;
}

const folder = await mkdtemp(join(tmpdir(), "exitfund-programme-"));
const casesFile = join(folder, "cases.ndjson");
const declarationsFile = join(folder, "declarations.ndjson");
const generated = performance.now();
const caseBytes = await write(casesFile, CASES, (from, n) => enterpriseCases(n, from));
const perDeclaration = ITEMS_PER_DECLARATION;
const declarationBytes = await write(declarationsFile, Math.ceil(ITEMS / perDeclaration), (from, n) =>
  declarations(n * perDeclaration, 20_160_614 + from, from),
);
console.log(
  `generated ${CASES.toLocaleString("en")} cases (${(caseBytes / 1e6).toFixed(0)} MB) and ${ITEMS.toLocaleString("en")} items (${(declarationBytes / 1e6).toFixed(0)} MB) of NDJSON in ${((performance.now() - generated) / 1000).toFixed(1)} s (not timed)`,
);

const scale = defaultRuleSet.rounding.scale;
let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage.rss());
};

/** The worker threads (none with --threads 1: the main thread computes), each fed one block at a time. */
interface Pool {
  run(block: ProgrammeBlock): Promise<ProgrammeReply>;
  close(): Promise<void>;
}

function startPool(count: number): Pool {
  if (count <= 1) return { run: async (block) => runBlock(block), close: async () => {} };
  const source = new URL("./programme-worker.ts", import.meta.url).href;
  const tsx = new URL("../node_modules/tsx/dist/esm/api/index.mjs", import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(source)});`;
  const entry = new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  const idle: Worker[] = [];
  const waiting = new Map<number, (reply: ProgrammeReply) => void>();
  const queue: ((worker: Worker) => void)[] = [];
  for (let k = 0; k < count; k += 1) {
    const worker = new Worker(entry);
    worker.on("message", (reply: ProgrammeReply) => {
      waiting.get(reply.seq)?.(reply);
      waiting.delete(reply.seq);
      const next = queue.shift();
      if (next === undefined) idle.push(worker);
      else next(worker);
    });
    worker.on("error", (error) => {
      console.error(error);
      process.exit(1);
    });
    idle.push(worker);
  }
  const workers = [...idle];
  return {
    run: (block) =>
      new Promise((resolve) => {
        waiting.set(block.seq, resolve);
        const send = (worker: Worker) => worker.postMessage(block, [block.bytes.buffer as ArrayBuffer]);
        const worker = idle.pop();
        if (worker === undefined) queue.push(send);
        else send(worker);
      }),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * One file streamed through the pool by `method`: its lines cut into blocks of RUN, at most 2 blocks a thread in
 * flight (bounded memory), each block's totals handed to `add`.
 */
async function streamFile(
  file: string,
  pool: Pool,
  method: ProgrammeBlock["method"],
  add: (reply: ProgrammeReply) => void,
): Promise<number> {
  let seq = 0;
  let count = 0;
  const inFlight = new Set<Promise<void>>();
  let parts: Buffer[] = [];
  let ends: number[] = [];
  let size = 0;
  let first = 1;
  const flush = async () => {
    if (ends.length === 0) return;
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    const block: ProgrammeBlock = { seq: seq++, method, bytes, ends, first };
    parts = [];
    ends = [];
    size = 0;
    const done = pool.run(block).then((reply) => {
      add(reply);
      count += reply.count;
      sample();
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
    while (inFlight.size >= Math.max(2, 2 * THREADS)) await Promise.race(inFlight);
  };
  for await (const line of ndjsonLines(file)) {
    if (line.bytes === undefined) throw new Error(`${file} line ${line.line}: ${line.error}`);
    if (ends.length === 0) first = line.line;
    parts.push(line.bytes);
    size += line.bytes.length;
    ends.push(size);
    if (ends.length === RUN) await flush();
  }
  await flush();
  await Promise.all(inFlight);
  return count;
}

const loads = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const seconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
console.log(`load average ${loads()}; ${THREADS} thread${THREADS === 1 ? "" : "s"}; node ${process.version}`);

// exitfund, timed: totals in integer fen.
const grand = unitTotals(defaultRuleSet.rounding);
let problems = 0;
const addExitfund = (reply: ProgrammeReply) => {
  problems += reply.problems;
  for (const [township, municipal, district] of reply.byTownship)
    grand.add(township, unitsOf(municipal, scale), unitsOf(district, scale));
};
const pool = startPool(THREADS);
const cpu = process.cpuUsage();
const started = performance.now();
const exits = await streamFile(casesFile, pool, "exitfund", addExitfund);
const afterCases = performance.now();
const cpuCases = process.cpuUsage(cpu);
const declared = await streamFile(declarationsFile, pool, "exitfund", addExitfund);
const wall = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
console.log(
  `enterprise exits: ${exits.toLocaleString("en")} in ${((afterCases - started) / 1000).toFixed(1)} s wall, ${seconds(cpuCases).toFixed(1)} s CPU`,
);
console.log(
  `structure items: ${ITEMS.toLocaleString("en")} in ${declared.toLocaleString("en")} declarations in ${((performance.now() - afterCases) / 1000).toFixed(1)} s wall, ${(seconds(used) - seconds(cpuCases)).toFixed(1)} s CPU`,
);
const totals = grand.totals();
console.log(
  `totals: municipal ${totals.municipal}, district ${totals.district}, total ${totals.total}; problems: ${problems}`,
);
console.log(`peak RSS ${(peak / 1e6).toFixed(0)} MB (main thread and workers); load average ${loads()}`);
console.log(
  `programme recomputed: ${wall.toFixed(1)} s wall, ${seconds(used).toFixed(1)} s CPU (${(seconds(used) / wall).toFixed(2)} cores busy)`,
);

// The reference, not timed: the naive decimal.js code on the same files, township by township.
if (!args["no-reference"]) {
  const naive = new Map<string, { municipal: InstanceType<typeof D>; district: InstanceType<typeof D> }>();
  let naiveCount = 0;
  const addNaive = (reply: ProgrammeReply) => {
    for (const [township, municipal, district] of reply.byTownship) {
      const row = naive.get(township) ?? { municipal: new D(0), district: new D(0) };
      naive.set(township, { municipal: row.municipal.plus(municipal), district: row.district.plus(district) });
    }
  };
  const referenceStarted = performance.now();
  naiveCount += await streamFile(casesFile, pool, "naive", addNaive);
  naiveCount += await streamFile(declarationsFile, pool, "naive", addNaive);
  const townships = Object.keys(totals.byTownship);
  const equal = townships.filter((township) => {
    const row = naive.get(township);
    const amounts = totals.byTownship[township];
    return (
      row !== undefined &&
      amounts !== undefined &&
      row.municipal.eq(amounts.municipal) &&
      row.district.eq(amounts.district)
    );
  }).length;
  const same = equal === townships.length && naive.size === townships.length && naiveCount === exits + declared;
  console.log(
    `reference (naive decimal.js, not timed, ${((performance.now() - referenceStarted) / 1000).toFixed(1)} s wall): ${equal} of ${townships.length} townships with equal totals, ${naiveCount.toLocaleString("en")} cases`,
  );
  console.log(`exact: ${same ? exits + declared : 0}/${exits + declared}`);
}
await pool.close();
if (args.keep) console.log(`files kept in ${folder}`);
else await rm(folder, { recursive: true, force: true });
