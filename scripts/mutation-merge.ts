// npx tsx scripts/mutation-merge.ts <out.json> <report.json>…: Stryker reports (incremental files or mutation.json)
// of runs over parts of one folder, merged into one incremental file, as if one run had mutated them all.
//
// Stryker writes into its incremental file only the files of its run, so on a box too slow for a whole folder, the
// folder is run a few files at a time, each into a file of its own, and merged (docs/quality.md). A later report
// wins for a source file and for a test file; test ids, numbered afresh in each report, are renumbered by test
// file and name, and an id whose test is gone is dropped (Stryker then retests a mutant it killed).
import { readFileSync, writeFileSync } from "node:fs";

interface Test {
  id: string;
  name: string;
  location?: unknown;
}
interface Mutant {
  coveredBy?: string[];
  killedBy?: string[];
  [field: string]: unknown;
}
interface Report {
  files: Record<string, { mutants: Mutant[]; [field: string]: unknown }>;
  testFiles?: Record<string, { tests: Test[]; [field: string]: unknown }>;
  [field: string]: unknown;
}

const [out, ...inputs] = process.argv.slice(2);
if (out === undefined || inputs.length === 0) {
  console.error("usage: tsx scripts/mutation-merge.ts <out.json> <report.json>…");
  process.exit(2);
}
const reports = inputs.map((file) => JSON.parse(readFileSync(file, "utf8")) as Report);
const keyOf = (file: string, name: string) => `${file}\n${name}`;

// Test files: the latest report's copy of each, in path order.
const testFiles = new Map<string, { tests: Test[]; [field: string]: unknown }>();
for (const report of reports) {
  for (const [file, testFile] of Object.entries(report.testFiles ?? {})) testFiles.set(file, testFile);
}
const testFileNames = [...testFiles.keys()].sort();
const newIds = new Map<string, string>();
const mergedTestFiles = Object.fromEntries(
  testFileNames.map((file) => [
    file,
    {
      ...testFiles.get(file),
      tests: (testFiles.get(file)?.tests ?? []).map((test) => {
        const id = String(newIds.size);
        newIds.set(keyOf(file, test.name), id);
        return { ...test, id };
      }),
    },
  ]),
);

// Source files: the latest report's mutants of each, their test ids renumbered.
const files = new Map<string, Report["files"][string]>();
for (const report of reports) {
  const oldIds = new Map<string, string>();
  for (const [file, testFile] of Object.entries(report.testFiles ?? {})) {
    for (const test of testFile.tests) oldIds.set(test.id, keyOf(file, test.name));
  }
  const renumber = (ids: string[]) =>
    ids.flatMap((id) => {
      const key = oldIds.get(id);
      const newId = key === undefined ? undefined : newIds.get(key);
      return newId === undefined ? [] : [newId];
    });
  for (const [file, result] of Object.entries(report.files)) {
    files.set(file, {
      ...result,
      mutants: result.mutants.map((mutant) => ({
        ...mutant,
        ...(mutant.coveredBy === undefined ? {} : { coveredBy: renumber(mutant.coveredBy) }),
        ...(mutant.killedBy === undefined ? {} : { killedBy: renumber(mutant.killedBy) }),
      })),
    });
  }
}

const last = reports.at(-1) as Report;
const sorted = <T>(map: Map<string, T>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(out, `${JSON.stringify({ ...last, files: sorted(files), testFiles: mergedTestFiles }, null, 2)}\n`);
console.log(`${out}: ${files.size} source files, ${newIds.size} tests`);
