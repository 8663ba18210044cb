// How the cost grows with N, and what a held outcome weighs: exitfund end to end (strict JSON text → validated,
// computed, totals out: parseJson + computeTotals) on 10³ … 10⁶ structure items and enterprise exits, in passes of
// at most 10,000 items or 2,000 cases (the text of the whole N is generated first and not timed); CPU µs per unit
// (median of 3 rounds).
//   npx tsx bench/scaling.ts [--max 1000000]
import { parseArgs } from "node:util";
import { computeTotals } from "../src/batch/compute.js";
import { parseJson } from "../src/node/formats/json.js";
import { declarations, enterpriseCases, ITEMS_PER_DECLARATION } from "./data.js";

const { values: args } = parseArgs({ options: { max: { type: "string", default: "1000000" } } });
const MAX = Number(args.max);

function texts(kind: "items" | "cases", n: number): string[] {
  const per = kind === "items" ? 10_000 : 2_000;
  const out: string[] = [];
  for (let from = 0; from < n; from += per) {
    const count = Math.min(per, n - from);
    out.push(
      JSON.stringify(
        kind === "items"
          ? declarations(count, 20_160_614 + from, from / ITEMS_PER_DECLARATION)
          : enterpriseCases(count, from),
      ),
    );
  }
  return out;
}

function cpuMicros(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

console.log("| N | structure items: CPU µs per item | enterprise exits: CPU µs per case |");
console.log("|---:|---:|---:|");
for (let n = 1_000; n <= MAX; n *= 10) {
  const row: string[] = [];
  for (const kind of ["items", "cases"] as const) {
    const passes = texts(kind, n);
    const rounds: number[] = [];
    for (let round = 0; round < 3; round += 1)
      rounds.push(
        cpuMicros(() => {
          for (const text of passes) computeTotals(parseJson(text, "scaling.json") as unknown[]);
        }) / n,
      );
    rounds.sort((a, b) => a - b);
    row.push((rounds[1] as number).toFixed(2));
  }
  console.log(`| ${n.toLocaleString("en")} | ${row.join(" | ")} |`);
}
