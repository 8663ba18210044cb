// A city's programme recomputed from streamed NDJSON: 1,000,000 enterprise exits and 10,000,000 structure items
// (200,000 declarations of 50) written as NDJSON files (not timed), then read line by line with exitfund/node's
// strict NDJSON reader (duplicate keys refused), validated and computed in runs of a few thousand cases with
// `computeTotals` (the fast path, traces and outcomes off), the totals added in integer fen. It prints the wall
// and CPU time of the timed part, the throughput, the peak RSS and the totals.
//   npx tsx bench/programme.ts [--cases 1000000] [--items 10000000] [--keep]
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { computeTotals } from "../src/batch/compute.js";
import { unitTotals, unitsOf } from "../src/batch/totals.js";
import { readCasesStream } from "../src/node/api.js";
import { defaultRuleSet } from "../src/rule-sets/index.js";
import { declarations, enterpriseCases, ITEMS_PER_DECLARATION } from "./data.js";

const { values: args } = parseArgs({
  options: {
    cases: { type: "string", default: "1000000" },
    items: { type: "string", default: "10000000" },
    keep: { type: "boolean", default: false },
  },
});
const CASES = Number(args.cases);
const ITEMS = Number(args.items);
const RUN = 5_000;
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
const grand = unitTotals(defaultRuleSet.rounding);
let peak = 0;
let problems = 0;

/** One file streamed: lines read strictly, runs of RUN cases computed, totals added. */
async function recompute(file: string): Promise<number> {
  let run: unknown[] = [];
  let count = 0;
  const flush = () => {
    const document = computeTotals(run, { ruleSet: defaultRuleSet });
    problems += document.errors.length;
    for (const [township, amounts] of Object.entries(document.totals.byTownship))
      grand.add(township, unitsOf(amounts.municipal, scale), unitsOf(amounts.district, scale));
    run = [];
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  for await (const record of readCasesStream(file)) {
    count += 1;
    if (record.error !== undefined) {
      problems += 1;
      continue;
    }
    run.push(record.value);
    if (run.length === RUN) flush();
  }
  if (run.length > 0) flush();
  return count;
}

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
const cpu = process.cpuUsage();
const started = performance.now();
const exits = await recompute(casesFile);
const afterCases = performance.now();
const cpuCases = process.cpuUsage(cpu);
const declared = await recompute(declarationsFile);
const wall = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const seconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
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
console.log(
  `peak RSS ${(peak / 1e6).toFixed(0)} MB; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
console.log(`programme recomputed: ${wall.toFixed(1)} s wall, ${seconds(used).toFixed(1)} s CPU`);
if (args.keep) console.log(`files kept in ${folder}`);
else await rm(folder, { recursive: true, force: true });
