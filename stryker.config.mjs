// Mutation testing (docs/quality.md): Stryker changes one operator, condition, constant or statement of the money,
// parameter and rule code at a time and runs the tests that cover it; a change no test notices is a surviving
// mutant. One folder per run: MUTATION_FOLDER (money, parameters or rules; `npm run mutation:<folder>`) picks the
// sources mutated, the tests run against them (vitest.mutation.config.ts reads the same variable) and the committed
// incremental file that keeps the verdicts. `npm run mutation` runs the three folders one after the other.
const folder = process.env.MUTATION_FOLDER ?? "money";
const folders = ["money", "parameters", "rules"];
if (!folders.includes(folder)) {
  throw new Error(`MUTATION_FOLDER must be one of ${folders.join(", ")}, not ${JSON.stringify(folder)}`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // perTest coverage already names the tests of each mutant; vitest's own "related" search is not needed.
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  mutate: [`src/${folder}/**/*.ts`],
  coverageAnalysis: "perTest",
  // A static mutant (a module-level constant) is covered by no single test, so Stryker would rerun every test in a
  // fresh process for each: 17 % of the money mutants, 62 % of the time. They are reported as ignored; the constants
  // they change are checked by the tests that read them (docs/quality.md).
  ignoreStatic: true,
  // The box and CI have two cores; two workers measured fastest (docs/quality.md). On a loaded box pass
  // `--concurrency 1`.
  concurrency: 2,
  timeoutMS: 20_000,
  thresholds: { high: 90, low: 85, break: 85 },
  reporters: ["clear-text", "progress", "html", "json"],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  htmlReporter: { fileName: `reports/mutation/${folder}.html` },
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  // Incremental: a run reuses the verdict of every mutant whose code and covering tests did not change since the
  // last run of its folder, and tests only the rest. The files are committed (etc/mutation/), so the verdicts carry
  // over to the next clone and to CI; commit the file again after each run. Stryker writes only the files of the
  // run into it, so each folder has its own, and a run of one file (`--mutate src/money/round.ts`) should use a
  // scratch file (MUTATION_INCREMENTAL=reports/mutation/one.json) so as not to drop the folder's other files.
  incremental: true,
  incrementalFile: process.env.MUTATION_INCREMENTAL ?? `etc/mutation/${folder}.json`,
  tempDirName: ".stryker-tmp",
  ignorePatterns: ["dist", "out", "coverage", "scratch", "reports", "docs/api", ".stryker-tmp"],
  cleanTempDir: "always",
};
