// Streaming benchmark: 200,000 enterprise cases as NDJSON → `exitfund compute --format ndjson` (and then
// `--format json`, the document written as it is computed) in a child
// process, its peak memory measured, and its totals compared with computeBatch on the same cases in memory.
//   npx tsx bench/stream-memory.ts [count]      (default 200000; peak RSS must stay under 300 MB)
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdtemp, open, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import Decimal from "decimal.js";
import { computeBatch } from "../src/batch/compute.js";
import { defaultRuleSet } from "../src/rule-sets/index.js";
import { syntheticCase } from "./synthetic.js";

const COUNT = Number(process.argv[2] ?? 200_000);
const LIMIT_MB = 300;
const CAPPED_HEAP_MB = 64;
const ROOT = resolve(import.meta.dirname, "..");

async function writeCases(path: string): Promise<void> {
  const file = createWriteStream(path);
  for (let i = 0; i < COUNT; i += 1) {
    if (!file.write(`${JSON.stringify(syntheticCase(i))}\n`)) await once(file, "drain");
  }
  file.end();
  await once(file, "finish");
}

const built = join(ROOT, "dist", "node", "cli.js");
// Decided once, at the start: sources edited while the bench runs do not switch it to tsx half way.
const freshBuild = (async () =>
  existsSync(built) && (await stat(built)).mtimeMs > (await newestSource(join(ROOT, "src"))))();

/** Runs the CLI in a child process; peak RSS from /usr/bin/time -v when present, else by polling VmHWM. */
async function runCli(
  args: string[],
  cwd: string,
  nodeFlags: readonly string[] = [],
): Promise<{ code: number; peakMb: number; seconds: number; stderr: string }> {
  const fresh = await freshBuild;
  const node = [
    ...nodeFlags,
    ...(fresh ? [built] : ["--import", import.meta.resolve("tsx"), join(ROOT, "src", "node", "cli.ts")]),
  ];
  console.log(
    `running ${fresh ? "dist/node/cli.js" : "src/node/cli.ts through tsx (dist/ is missing or older than src/)"}`,
  );
  const useTime = existsSync("/usr/bin/time");
  const [command, argv] = useTime
    ? ["/usr/bin/time", ["-v", process.execPath, ...node, ...args]]
    : [process.execPath, [...node, ...args]];
  const started = performance.now();
  const child = spawn(command, argv as string[], { cwd, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let polled = 0;
  const poll = useTime
    ? undefined
    : setInterval(
        () =>
          void readFile(`/proc/${child.pid}/status`, "utf8").then(
            (text) => (polled = Math.max(polled, Number(/VmHWM:\s+(\d+)/.exec(text)?.[1] ?? 0))),
            () => undefined,
          ),
        50,
      );
  const [code] = (await once(child, "close")) as [number];
  if (poll !== undefined) clearInterval(poll);
  const kb = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0) : polled;
  return { code, peakMb: kb / 1024, seconds: (performance.now() - started) / 1000, stderr };
}

/** The latest modification time of the files under `dir` (a stale dist/ must not be measured). */
async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

const CHUNK = 5_000;

type Amounts = { municipal: string; district: string; total: string };

/** The totals of all COUNT cases, computed CHUNK at a time by computeBatch and added in decimal. */
function referenceTotals(): Amounts & { byTownship: Record<string, Amounts> } {
  const sum = { municipal: new Decimal(0), district: new Decimal(0), total: new Decimal(0) };
  const byTownship = new Map<string, typeof sum>();
  const add = (into: typeof sum, amounts: Amounts) => {
    into.municipal = into.municipal.plus(amounts.municipal);
    into.district = into.district.plus(amounts.district);
    into.total = into.total.plus(amounts.total);
  };
  for (let from = 0; from < COUNT; from += CHUNK) {
    const cases = Array.from({ length: Math.min(CHUNK, COUNT - from) }, (_, i) => syntheticCase(from + i));
    const { totals } = computeBatch(cases, defaultRuleSet);
    add(sum, totals);
    for (const [township, amounts] of Object.entries(totals.byTownship)) {
      const row = byTownship.get(township) ?? {
        municipal: new Decimal(0),
        district: new Decimal(0),
        total: new Decimal(0),
      };
      add(row, amounts);
      byTownship.set(township, row);
    }
  }
  const text = (amounts: typeof sum): Amounts => ({
    municipal: amounts.municipal.toFixed(2),
    district: amounts.district.toFixed(2),
    total: amounts.total.toFixed(2),
  });
  return {
    ...text(sum),
    byTownship: Object.fromEntries([...byTownship.keys()].sort().map((t) => [t, text(byTownship.get(t) ?? sum)])),
  };
}

async function lastLine(path: string): Promise<string> {
  let last = "";
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY }))
    if (line.trim() !== "") last = line;
  return last;
}

/** The members of a compute document after its `results` (totals, errors, receipt), read from the file's end. */
async function documentTail(path: string): Promise<{ totals: unknown }> {
  const { size } = await stat(path);
  const length = Math.min(size, 4 * 1024 * 1024);
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(length);
    await file.read(buffer, 0, length, size - length);
    const text = buffer.toString("utf8");
    const end = text.lastIndexOf("\n  ],\n");
    return JSON.parse(`{${text.slice(end + "\n  ],\n".length)}`) as { totals: unknown };
  } finally {
    await file.close();
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "exitfund-bench-"));
  try {
    const input = join(dir, "big.ndjson");
    await writeCases(input);
    console.log(`generated ${COUNT.toLocaleString("en-US")} cases: ${((await stat(input)).size / 1e6).toFixed(1)} MB`);
    const run = await runCli(["compute", "big.ndjson", "--format", "ndjson", "--out", "out.ndjson"], dir);
    if (run.code !== 0) throw new Error(`the CLI exited ${run.code}:\n${run.stderr}`);
    const streamed = JSON.parse(await lastLine(join(dir, "out.ndjson"))) as { totals: unknown };
    console.log(
      `stream (CLI child): ${run.seconds.toFixed(1)} s, peak RSS ${run.peakMb.toFixed(0)} MB, output ${((await stat(join(dir, "out.ndjson"))).size / 1e6).toFixed(0)} MB`,
    );
    // The reference: the same cases through computeBatch (the traced reference path), in chunks so that a
    // million outcomes are never held at once, the chunks' totals added exactly.
    const started = performance.now();
    const document = referenceTotals();
    const seconds = (performance.now() - started) / 1000;
    console.log(`reference (computeBatch in chunks of ${CHUNK.toLocaleString("en-US")}): ${seconds.toFixed(1)} s`);
    const same = JSON.stringify(streamed.totals) === JSON.stringify(document);
    console.log(
      `totals stream:    ${JSON.stringify({ municipal: (streamed.totals as { municipal: string }).municipal, district: (streamed.totals as { district: string }).district, total: (streamed.totals as { total: string }).total })}`,
    );
    console.log(
      `totals reference: ${JSON.stringify({ municipal: document.municipal, district: document.district, total: document.total })}`,
    );
    console.log(
      `totals equal (with byTownship): ${same}; time ratio stream/reference ${(run.seconds / seconds).toFixed(2)}; peak ${run.peakMb.toFixed(0)} MB of ${LIMIT_MB} MB`,
    );
    // V8 grows its heap lazily; with the old space capped the same run shows the working set is small.
    const capped = await runCli(["compute", "big.ndjson", "--format", "ndjson", "--out", "capped.ndjson"], dir, [
      `--max-old-space-size=${CAPPED_HEAP_MB}`,
    ]);
    console.log(
      `stream with the V8 old space capped at ${CAPPED_HEAP_MB} MB: exit ${capped.code}, ${capped.seconds.toFixed(1)} s, peak RSS ${capped.peakMb.toFixed(0)} MB`,
    );
    // The same cases as one JSON document (--format json): streamed too, its members after the results read
    // from the file's end (the document is larger than a string may be at a million cases).
    const json = await runCli(["compute", "big.ndjson", "--format", "json", "--out", "out.json"], dir);
    if (json.code !== 0) throw new Error(`the CLI exited ${json.code} with --format json:\n${json.stderr}`);
    const jsonTotals = (await documentTail(join(dir, "out.json"))).totals;
    const jsonSame = JSON.stringify(jsonTotals) === JSON.stringify(document);
    console.log(
      `--format json (CLI child): ${json.seconds.toFixed(1)} s, peak RSS ${json.peakMb.toFixed(0)} MB, output ${((await stat(join(dir, "out.json"))).size / 1e6).toFixed(0)} MB; totals equal: ${jsonSame}`,
    );
    await rm(join(dir, "out.json"));
    if (!jsonSame) throw new Error("the --format json totals differ from computeBatch's");
    if (json.peakMb >= LIMIT_MB) throw new Error(`--format json peaked at ${json.peakMb.toFixed(0)} MB`);
    if (!same) throw new Error("the streamed totals differ from computeBatch's");
    if (capped.code !== 0) throw new Error(`the capped run failed:\n${capped.stderr}`);
    if (run.peakMb >= LIMIT_MB) throw new Error(`peak RSS ${run.peakMb.toFixed(0)} MB is not under ${LIMIT_MB} MB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
