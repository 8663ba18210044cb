// The XLSX reader's memory: workbooks of 10⁴ and 10⁵ enterprise rows (shared strings, as Excel saves them),
// read in a child process by the built package (`readCases`) and computed by the bin (`exitfund compute
// --format ndjson`), peak RSS measured; beside each, the same cases as NDJSON through the same command, so
// the cost of the workbook itself shows as a ratio in one run.
// Run: npm run build && npx tsx bench/xlsx-memory.ts [rows…]      (default 10000 100000)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { LAYOUTS, columnLetter, templateHeader } from "../src/node/formats/columns.js";
import { flattenCase } from "../src/node/formats/template.js";
import { crc32 } from "../src/node/formats/zip.js";
import { MAIN, rawWorkbookParts, zipOf } from "../test/support/xlsx.js";
import { syntheticCase } from "./synthetic.js";

const ROOT = join(import.meta.dirname, "..");
const COUNTS = process.argv.slice(2).map(Number);
const layout = LAYOUTS["enterprise-exit"];

/** A workbook of `count` synthetic enterprise cases in the flat layout, text in shared strings; and the same as NDJSON. */
function workbook(count: number): { xlsx: Uint8Array; ndjson: string } {
  const strings = new Map<string, number>();
  const shared = (text: string) => {
    let index = strings.get(text);
    if (index === undefined) strings.set(text, (index = strings.size));
    return index;
  };
  const cell = (column: number, row: number, value: unknown) => {
    const ref = `${columnLetter(column)}${row}`;
    if (value === undefined) return "";
    if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
    if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}" t="s"><v>${shared(String(value))}</v></c>`;
  };
  const row = (number: number, values: readonly unknown[]) =>
    Buffer.from(`<row r="${number}">${values.map((value, index) => cell(index, number, value)).join("")}</row>`);
  const xml: Buffer[] = [
    Buffer.from(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>`),
    row(1, layout.columns.map(templateHeader)),
  ];
  const ndjson: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const value = syntheticCase(i) as { [key: string]: unknown };
    ndjson.push(JSON.stringify(value));
    const [flat = {}] = flattenCase(layout, value);
    xml.push(
      row(
        i + 2,
        layout.columns.map((column) => flat[column.key]),
      ),
    );
  }
  xml.push(Buffer.from("</sheetData></worksheet>"));
  const sheet = Buffer.concat(xml);
  const deflated = { bytes: deflateRawSync(sheet), size: sheet.length, crc: crc32(sheet) };
  const parts = rawWorkbookParts([{ name: "enterprise-exit", rows: "" }], { strings: [...strings.keys()] });
  const xlsx = zipOf(parts.map((part) => (part.name === "xl/worksheets/sheet1.xml" ? { ...part, deflated } : part)));
  return { xlsx, ndjson: `${ndjson.join("\n")}\n` };
}

/** Peak RSS (MB) and wall time of `node args` in `cwd`, from /usr/bin/time -v. */
function peak(args: readonly string[], cwd: string): { mb: number; seconds: number } {
  const started = performance.now();
  const ran = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { cwd, encoding: "utf8" });
  const seconds = (performance.now() - started) / 1000;
  if (ran.status !== 0)
    throw new Error(`node ${args.join(" ")} exited ${String(ran.status)}:\n${ran.stderr.slice(-3000)}`);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(ran.stderr)?.[1] ?? Number.NaN);
  return { mb: kb / 1024, seconds };
}

const reader = `const { readCases } = await import(${JSON.stringify(join(ROOT, "dist", "node", "index.js"))});
const cases = await readCases(process.argv[1], { cwd: process.cwd(), stdin: process.stdin });
if (cases.length === 0) process.exit(3);`;
const bin = join(ROOT, "dist", "node", "cli.js");

const dir = mkdtempSync(join(tmpdir(), "exitfund-xlsx-bench-"));
try {
  for (const count of COUNTS.length > 0 ? COUNTS : [10_000, 100_000]) {
    const { xlsx, ndjson } = workbook(count);
    writeFileSync(join(dir, "big.xlsx"), xlsx);
    writeFileSync(join(dir, "big.ndjson"), ndjson);
    const mb = (file: string) => (statSync(join(dir, file)).size / 1e6).toFixed(1);
    console.log(
      `${count.toLocaleString("en-US")} rows: big.xlsx ${mb("big.xlsx")} MB, big.ndjson ${mb("big.ndjson")} MB`,
    );
    const read = peak(["--input-type=module", "-e", reader, "big.xlsx"], dir);
    const readJson = peak(["--input-type=module", "-e", reader, "big.ndjson"], dir);
    console.log(
      `  readCases: xlsx peak RSS ${read.mb.toFixed(0)} MB (${read.seconds.toFixed(1)} s), ndjson ${readJson.mb.toFixed(0)} MB (${readJson.seconds.toFixed(1)} s): ratio ${(read.mb / readJson.mb).toFixed(2)}`,
    );
    const compute = (file: string) => peak([bin, "compute", file, "--format", "ndjson", "--out", "out.ndjson"], dir);
    const fromXlsx = compute("big.xlsx");
    const fromNdjson = compute("big.ndjson");
    console.log(
      `  compute --format ndjson: xlsx peak RSS ${fromXlsx.mb.toFixed(0)} MB (${fromXlsx.seconds.toFixed(1)} s), ndjson ${fromNdjson.mb.toFixed(0)} MB (${fromNdjson.seconds.toFixed(1)} s): ratio ${(fromXlsx.mb / fromNdjson.mb).toFixed(2)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
