// A quick look at exitfund's bench method on ~100k units, for a CPU profile or an A/B of a change (not the bench):
//   npx tsx [--cpu-prof --cpu-prof-dir DIR] bench/profile.ts [items|cases] [node|core] [rounds]
// It times (CPU) JSON.parse and exitfund (parseJson + computeTotals, with node:crypto's SHA-256 or the core's) on the same
// texts, alternating, after a warm-up, and prints both times and their ratio.
import { computeTotals } from "../src/batch/compute.js";
import { parseJson } from "../src/node/formats/json.js";
import { nodeSha256 } from "../src/node/sha256.js";
import { defaultRuleSet } from "../src/rule-sets/index.js";
import { declarations, enterpriseCases } from "./data.js";

const kind = process.argv[2] ?? "items";
const hash = process.argv[3] === "core" ? {} : { sha256: nodeSha256 };
const rounds = Number(process.argv[4] ?? "5");
const texts: string[] = [];
for (let k = 0; k < 10; k += 1)
  texts.push(
    JSON.stringify(
      kind === "items" ? declarations(10_000, 20_160_614 + k, k * 200) : enterpriseCases(2_000, k * 2_000),
    ),
  );
let sink = 0;
const exitfund = (text: string) =>
  computeTotals(parseJson(text, "bench.json") as unknown[], { ruleSet: defaultRuleSet, ...hash }).errors.length;
const parse = (text: string) => (JSON.parse(text) as unknown[]).length;
for (const text of texts.slice(0, 3)) sink += exitfund(text) + parse(text);
const spent = { parse: 0, exitfund: 0 };
for (let round = 0; round < rounds; round += 1)
  for (const text of texts)
    for (const method of round % 2 === 0 ? (["parse", "exitfund"] as const) : (["exitfund", "parse"] as const)) {
      const start = process.cpuUsage();
      sink += method === "parse" ? parse(text) : exitfund(text);
      const used = process.cpuUsage(start);
      spent[method] += (used.user + used.system) / 1000;
    }
console.log(
  `${kind} ${process.argv[3] ?? "node"}: JSON.parse ${spent.parse.toFixed(0)} ms, exitfund ${spent.exitfund.toFixed(0)} ms, ratio ${(spent.parse / spent.exitfund).toFixed(3)}${sink < 0 ? "" : ""}`,
);
