import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

const src = (file: string) => join(import.meta.dirname, "src", file);
const testSupport = (file: string) => join(import.meta.dirname, "test", "support", file);

// The tests Stryker runs against each mutant of src/money, src/parameters or src/rules (stryker.config.mjs): the
// unit, example and property tests of that folder (and of the bundled rule sets for src/rules) — not the CLI, batch, package,
// render or browser tests, which are slow, spawn processes and reach the same code through these.
//
// Property tests must give the same verdict on every run of a mutant: fast-check runs from a fixed seed (FC_SEED,
// 20161201 unless set) and fewer times (FC_RUNS, 25 unless set; test/support/setup.ts reads both). A test that sets
// its own numRuns keeps it, but from the same seed.
// MUTATION_FOLDER (stryker.config.mjs) picks the tests of the folder mutated: a mutant of src/money runs test/money
// only, one of src/rules the rule, rule-set and trace tests (src/rules/explain.ts is tested in test/trace), one of
// src/parameters the parameter tests and the rule and
// rule-set tests too: those read parameters through the rules (dated look-ups, citations, the basis of an outcome), so
// they check the parameters' behaviour where it matters. MUTATION_TESTS (comma-separated folders of test/) overrides it.
const testsOf = new Map([
  ["money", "money"],
  ["parameters", "parameters,rule-sets,rules"],
  ["rules", "rules,rule-sets,trace"],
]);
const folders = (process.env.MUTATION_TESTS ?? testsOf.get(process.env.MUTATION_FOLDER ?? "money") ?? "money").split(
  ",",
);

const include = folders.map((folder) => `test/${folder}/**/*.test.ts`);
// A test file that replaces a module (vi.mock) needs its own module graph: with shared modules the files run before
// it have already imported the real module, the code under test keeps it and the mock is never seen
// (test/rules/enterprise-reward/paramsRead.prop.test.ts then records no read and fails Stryker's initial run).
// Those files run in a project of their own, isolated; the rest share their modules.
const mocking = folders
  .flatMap((folder) =>
    readdirSync(join(import.meta.dirname, "test", folder), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".test.ts"))
      .map((file) => `test/${folder}/${file.split("\\").join("/")}`),
  )
  .filter((file) => /\bvi\.(mock|doMock)\(/.test(readFileSync(join(import.meta.dirname, file), "utf8")))
  .sort();

export default defineConfig({
  resolve: {
    alias: [
      { find: /^exitfund$/, replacement: src("index.ts") },
      { find: /^exitfund\/rules$/, replacement: src("rules/index.ts") },
      { find: /^exitfund\/node$/, replacement: src("node/index.ts") },
      // @fast-check/vitest 0.5.0 takes 1.5–2 s to import under vitest 4.1, paid again by every mutant (a fresh
      // worker each): test/support/fastCheckVitest.ts gives the same `fc` and `test.prop` at no cost.
      { find: /^@fast-check\/vitest$/, replacement: testSupport("fastCheckVitest.ts") },
    ],
  },
  test: {
    setupFiles: ["test/support/setup.ts"],
    env: { FC_RUNS: process.env.FC_RUNS ?? "25", FC_SEED: process.env.FC_SEED ?? "20161201" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      // The code under test keeps no state between calls (no global mutable state in src/), so the test files of
      // one run share their modules instead of importing decimal.js, zod and the schemas afresh for each file.
      { extends: true, test: { name: "shared", include, exclude: mocking, isolate: false } },
      ...(mocking.length === 0
        ? []
        : [{ extends: true as const, test: { name: "mocking", include: mocking, isolate: true } }]),
    ],
  },
});
