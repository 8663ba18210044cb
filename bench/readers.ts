// The readers' cost, as ratios measured side by side in one run (interleaved, repeated, medians):
//   - strict JSON (JSON.parse + the duplicate-key scan) against JSON.parse alone, on the sample district;
//   - the XLSX reader (the file's own XML) against exceljs loading the same workbook.
// Run: npx tsx bench/readers.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parseJson } from "../src/node/formats/json.js";
import { readWorkbook } from "../src/node/formats/xlsx.js";

const sample = join(import.meta.dirname, "..", "examples", "tongzhou-2016");
const ROUNDS = 11;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Median times of two runs, interleaved so the machine's noise falls on both alike. */
async function sideBySide(a: () => unknown, b: () => unknown, rounds = ROUNDS): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      times[0].push(await time(a));
      times[1].push(await time(b));
    } else {
      times[1].push(await time(b));
      times[0].push(await time(a));
    }
  }
  return [median(times[0]), median(times[1])];
}

const text = readFileSync(join(sample, "cases.json"), "utf8");
const compact = JSON.stringify(JSON.parse(text));
for (const [name, json] of [
  ["cases.json as written", text],
  ["cases.json compact", compact],
] as const) {
  const [plain, strict] = await sideBySide(
    () => JSON.parse(json),
    () => parseJson(json, "cases.json"),
  );
  console.log(
    `${name} (${(json.length / 1e6).toFixed(1)} MB): strict JSON runs at ${(plain / strict).toFixed(2)}× the speed of JSON.parse (${strict.toFixed(0)} ms vs ${plain.toFixed(0)} ms)`,
  );
}

const workbook = readFileSync(join(sample, "cases.xlsx"));
const [ours, exceljs] = await sideBySide(
  () => readWorkbook(workbook, "cases.xlsx"),
  async () => new ExcelJS.Workbook().xlsx.load(workbook as unknown as ArrayBuffer),
  5,
);
console.log(
  `cases.xlsx (${(workbook.length / 1e6).toFixed(1)} MB): the XLSX reader runs at ${(exceljs / ours).toFixed(2)}× the speed of exceljs (${ours.toFixed(0)} ms vs ${exceljs.toFixed(0)} ms)`,
);
