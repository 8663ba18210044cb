// Streaming benchmark: 200,000 enterprise cases as NDJSON → `exitfund compute --format ndjson` in a child
// process, its peak memory measured, and its totals compared with computeBatch on the same cases in memory.
//   npx tsx bench/stream-memory.ts [count]      (default 200000; peak RSS must stay under 300 MB)
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { computeBatch } from "../src/batch/compute.js";
import { defaultRuleSet } from "../src/rule-sets/index.js";

const COUNT = Number(process.argv[2] ?? 200_000);
const LIMIT_MB = 300;
const CAPPED_HEAP_MB = 64;
const ROOT = resolve(import.meta.dirname, "..");
const TOWNSHIPS = [
  "台湖镇",
  "张家湾镇",
  "宋庄镇",
  "漷县镇",
  "马驹桥镇",
  "西集镇",
  "永乐店镇",
  "潞城镇",
  "于家务乡",
  "梨园镇",
];

/** The i-th synthetic enterprise case (deterministic, so both paths compute the same batch). */
export function syntheticCase(i: number): object {
  const pick = (n: number) => (i * 7919 + n * 104_729) % 997;
  return {
    kind: "enterprise-exit",
    id: `E-${String(i).padStart(7, "0")}`,
    name: `合成企业 ${i} (synthetic)`,
    township: TOWNSHIPS[i % TOWNSHIPS.length],
    exitMode: pick(1) % 5 === 0 ? "process" : "whole",
    scale: pick(2) % 3 === 0 ? "above" : "below",
    exitCompletedOn: `2016-${String(7 + (i % 6)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    licensed: pick(3) % 17 !== 0,
    acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: pick(4) % 23 !== 0, staffResettled: true },
    municipalOutcome: (["granted", "not-granted", "pending", "not-applied"] as const)[pick(5) % 4],
    recommendedByDistrict: pick(6) % 2 === 0,
    energySavedTce: `${pick(7) * 3}.${pick(8) % 10}`,
    pollutantsReducedTonnes: { so2: `${pick(9) % 40}.5`, nox: String(pick(10) % 12) },
    priorYearTax: { vat: `${pick(11) * 1000}`, corporateIncome: `${pick(12) * 250}.75` },
    employees: pick(13) % 300,
    landAreaM2: `${1000 + pick(14) * 20}`,
    region: i % 2 === 0 ? "north" : "south",
  };
}

async function writeCases(path: string): Promise<void> {
  const file = createWriteStream(path);
  for (let i = 0; i < COUNT; i += 1) {
    if (!file.write(`${JSON.stringify(syntheticCase(i))}\n`)) await once(file, "drain");
  }
  file.end();
  await once(file, "finish");
}

/** Runs the CLI in a child process; peak RSS from /usr/bin/time -v when present, else by polling VmHWM. */
async function runCli(
  args: string[],
  cwd: string,
  nodeFlags: readonly string[] = [],
): Promise<{ code: number; peakMb: number; seconds: number; stderr: string }> {
  const built = join(ROOT, "dist", "node", "cli.js");
  const fresh = existsSync(built) && (await stat(built)).mtimeMs > (await newestSource(join(ROOT, "src")));
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

async function lastLine(path: string): Promise<string> {
  let last = "";
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY }))
    if (line.trim() !== "") last = line;
  return last;
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
    const started = performance.now();
    const heapBefore = process.memoryUsage().rss;
    const document = computeBatch(
      Array.from({ length: COUNT }, (_, i) => syntheticCase(i)),
      defaultRuleSet,
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `in memory (computeBatch): ${seconds.toFixed(1)} s, RSS grew ${((process.memoryUsage().rss - heapBefore) / 1e6).toFixed(0)} MB`,
    );
    const same = JSON.stringify(streamed.totals) === JSON.stringify(document.totals);
    console.log(
      `totals stream:    ${JSON.stringify({ municipal: (streamed.totals as { municipal: string }).municipal, district: (streamed.totals as { district: string }).district, total: (streamed.totals as { total: string }).total })}`,
    );
    console.log(
      `totals in memory: ${JSON.stringify({ municipal: document.totals.municipal, district: document.totals.district, total: document.totals.total })}`,
    );
    console.log(
      `totals equal (with byTownship): ${same}; time ratio stream/in-memory ${(run.seconds / seconds).toFixed(2)}; peak ${run.peakMb.toFixed(0)} MB of ${LIMIT_MB} MB`,
    );
    // V8 grows its heap lazily; with the old space capped the same run shows the working set is small.
    const capped = await runCli(["compute", "big.ndjson", "--format", "ndjson", "--out", "capped.ndjson"], dir, [
      `--max-old-space-size=${CAPPED_HEAP_MB}`,
    ]);
    console.log(
      `stream with the V8 old space capped at ${CAPPED_HEAP_MB} MB: exit ${capped.code}, ${capped.seconds.toFixed(1)} s, peak RSS ${capped.peakMb.toFixed(0)} MB`,
    );
    if (!same) throw new Error("the streamed totals differ from computeBatch's");
    if (capped.code !== 0) throw new Error(`the capped run failed:\n${capped.stderr}`);
    if (run.peakMb >= LIMIT_MB) throw new Error(`peak RSS ${run.peakMb.toFixed(0)} MB is not under ${LIMIT_MB} MB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
