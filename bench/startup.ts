// Start-up of the built bin, as ratios measured side by side in one run (interleaved, repeated, medians):
// each command as shipped (the XLSX engine loaded only by a command that writes a workbook) against the same
// command with an engine loaded first, as every start paid before the engine was made lazy — the engine
// exitfund uses, and exceljs, the one it used before.
// Run: npm run build && npx tsx bench/startup.ts
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { XLSX_ENGINE } from "../src/node/xlsx/engine.js";

const root = join(import.meta.dirname, "..");
const bin = join(root, "dist", "node", "cli.js");
if (!existsSync(bin)) throw new Error("run `npm run build` first");
const require = createRequire(join(root, "package.json"));
const ROUNDS = Number(process.env.ROUNDS ?? 15);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Wall time of one run of the bin, in ms (Node's own start included, as a user waits for it). */
function once(preload: string | undefined, args: readonly string[]): number {
  const flags = preload === undefined ? [] : ["--require", require.resolve(preload)];
  const start = performance.now();
  const ran = spawnSync(process.execPath, [...flags, bin, ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const took = performance.now() - start;
  if (ran.status !== 0)
    throw new Error(`exitfund ${args.join(" ")} exited ${String(ran.status)}: ${String(ran.stderr)}`);
  return took;
}

const commands: readonly (readonly string[])[] = [
  ["--version"],
  ["compute", "examples/tongzhou-2016/transfers.json"],
  ["compute", "examples/tongzhou-2016/enterprises.json"],
];
const variants = [undefined, XLSX_ENGINE, "exceljs"] as const;

console.log(`exitfund start-up, ${ROUNDS} interleaved rounds, medians (ms); ratio = as shipped / engine preloaded`);
for (const args of commands) {
  const times = variants.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
    for (const index of order) times[index]?.push(once(variants[index], args));
  }
  const [lazy, engine, exceljs] = times.map(median) as [number, number, number];
  console.log(
    `exitfund ${args.join(" ")}: ${lazy.toFixed(0)} ms; with ${XLSX_ENGINE} loaded ${engine.toFixed(0)} ms (ratio ${(lazy / engine).toFixed(2)}); with exceljs loaded ${exceljs.toFixed(0)} ms (ratio ${(lazy / exceljs).toFixed(2)})`,
  );
}
