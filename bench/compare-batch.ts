// In-process, interleaved comparison of two builds' computeBatch on the sample district (or on N synthetic
// enterprise exits): the same cases, the bundled rule set, passes alternating old/new (so both see the same
// machine state), the median of each.
//   node --expose-gc --import tsx bench/compare-batch.ts <old index.js> [<new index.js>] [passes] [N synthetic cases]
// e.g. with main checked out and built in a temporary worktree:
//   git worktree add /tmp/exitfund-main main && (cd /tmp/exitfund-main && npm ci && npm run build)
//   node --expose-gc --import tsx bench/compare-batch.ts /tmp/exitfund-main/dist/index.js dist/index.js 15
//   node --expose-gc --import tsx bench/compare-batch.ts /tmp/exitfund-main/dist/index.js dist/index.js 15 20000
// It prints each median and the ratio new / old (below 1: the new build is faster), and checks both builds give
// the same totals.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { syntheticCase } from "./synthetic.js";

interface Build {
  computeBatch(cases: readonly unknown[], options?: unknown): { readonly totals: unknown };
}

const [oldPath, newPath = "dist/index.js", passesText = "11", synthetic] = process.argv.slice(2);
if (oldPath === undefined) {
  console.error("usage: npx tsx bench/compare-batch.ts <old index.js> [<new index.js>] [passes]");
  process.exit(2);
}
const load = async (path: string) => (await import(pathToFileURL(resolve(path)).href)) as Build;
const [before, after] = await Promise.all([load(oldPath), load(newPath)]);
const root = resolve(import.meta.dirname, "..");
const cases =
  synthetic === undefined
    ? (
        JSON.parse(readFileSync(resolve(root, "examples/tongzhou-2016/cases.json"), "utf8")) as {
          cases: unknown[];
        }
      ).cases
    : Array.from({ length: Number(synthetic) }, (_, i) => syntheticCase(i));

if (JSON.stringify(before.computeBatch(cases).totals) !== JSON.stringify(after.computeBatch(cases).totals))
  throw new Error("the two builds give different totals on the sample district");

// With --expose-gc, each pass starts on a collected heap, so neither pays for the other's garbage.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const time = (build: Build) => {
  collect();
  const start = performance.now();
  build.computeBatch(cases);
  return performance.now() - start;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

for (let warm = 0; warm < 2; warm++) [before, after].forEach(time);
const old: number[] = [];
const current: number[] = [];
for (let pass = 0; pass < Number(passesText); pass++) {
  // Alternate which build goes first, so neither always runs on a warmer or a fuller heap.
  if (pass % 2 === 0) {
    old.push(time(before));
    current.push(time(after));
  } else {
    current.push(time(after));
    old.push(time(before));
  }
}
const [a, b] = [median(old), median(current)];
console.log(
  `${cases.length} ${synthetic === undefined ? "sample" : "synthetic"} cases, ${passesText} alternating passes`,
);
console.log(`old ${oldPath}: median ${a.toFixed(1)} ms`);
console.log(`new ${newPath}: median ${b.toFixed(1)} ms`);
console.log(`ratio new / old: ${(b / a).toFixed(3)}`);
