import { join } from "node:path";
import { defineConfig } from "vitest/config";

const src = (file: string) => join(import.meta.dirname, "src", file);

// The tests Stryker runs against each mutant of src/money, src/parameters or src/rules (stryker.config.mjs): the
// unit, example and property tests of that folder (and of the bundled rule sets for src/rules) — not the CLI, batch, package,
// render or browser tests, which are slow, spawn processes and reach the same code through these.
//
// Property tests must give the same verdict on every run of a mutant: fast-check runs from a fixed seed (FC_SEED,
// 20161201 unless set) and fewer times (FC_RUNS, 25 unless set; test/support/setup.ts reads both). A test that sets
// its own numRuns keeps it, but from the same seed.
// MUTATION_FOLDER (stryker.config.mjs) picks the tests of the folder mutated: a mutant of src/money runs test/money
// only, one of src/rules the rule and rule-set tests. MUTATION_TESTS (comma-separated folders of test/) overrides it.
const testsOf = new Map([
  ["money", "money"],
  ["parameters", "parameters"],
  ["rules", "rules,rule-sets"],
]);
const folders = (process.env.MUTATION_TESTS ?? testsOf.get(process.env.MUTATION_FOLDER ?? "money") ?? "money").split(
  ",",
);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^exitfund$/, replacement: src("index.ts") },
      { find: /^exitfund\/rules$/, replacement: src("rules/index.ts") },
      { find: /^exitfund\/node$/, replacement: src("node/index.ts") },
    ],
  },
  test: {
    include: folders.map((folder) => `test/${folder}/**/*.test.ts`),
    setupFiles: ["test/support/setup.ts"],
    // The code under test keeps no state between calls (no global mutable state in src/), so the test files of one
    // run share their modules instead of importing decimal.js, zod and the schemas afresh for each file.
    isolate: false,
    env: { FC_RUNS: process.env.FC_RUNS ?? "25", FC_SEED: process.env.FC_SEED ?? "20161201" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
