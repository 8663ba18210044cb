import { join } from "node:path";
import { defineConfig } from "vitest/config";

const src = (file: string) => join(import.meta.dirname, "src", file);

// The tests Stryker runs against each mutant of src/money, src/parameters and src/rules (stryker.config.mjs): the
// unit, example and property tests of those folders and of the bundled rule sets — not the CLI, batch, package,
// render or browser tests, which are slow, spawn processes and reach the same code through these.
//
// Property tests must give the same verdict on every run of a mutant: fast-check runs from a fixed seed (FC_SEED,
// 20161201 unless set) and fewer times (FC_RUNS, 25 unless set; test/support/setup.ts reads both). A test that sets
// its own numRuns keeps it, but from the same seed.
// MUTATION_TESTS narrows the folders (comma-separated): `npm run mutation:money` runs only test/money.
const folders = (process.env.MUTATION_TESTS ?? "money,parameters,rules,rule-sets").split(",");

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
