/**
 * Writes the synthetic sample district, examples/tongzhou-2016/ (`npm run examples`).
 *
 * Everything comes from `generateSampleDistrict(SAMPLE_SEED)` (scripts/sample-district/), a pure function
 * of the seed: running this twice gives byte-identical files. Re-run it whenever the rules or the
 * bundled rule set change: the ledger pays what `computeBatch` computes. It also rewrites the tables of
 * docs/calibration.md (the sample beside the public figures) from the same sample.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SAMPLE_SEED, generateSampleDistrict } from "./sample-district/index.js";
import { sampleFiles, sampleWorkbooks } from "./sample-district/files.js";
import { calibrationTables, updateCalibrationPage } from "./sample-district/calibration.js";
import { defaultRuleSet } from "../src/rule-sets/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const folder = join(root, "examples", "tongzhou-2016");

async function main(): Promise<void> {
  const sample = generateSampleDistrict(SAMPLE_SEED);
  await mkdir(folder, { recursive: true });
  for (const [name, content] of [...sampleFiles(sample), ...(await sampleWorkbooks(sample))]) {
    await writeFile(join(folder, name), content);
    process.stderr.write(
      `wrote ${relative(root, join(folder, name))} (${Buffer.byteLength(content).toLocaleString("en")} bytes)\n`,
    );
  }
  const page = join(root, "docs", "calibration.md");
  const tables = calibrationTables({ ...sample, results: sample.document.results }, defaultRuleSet);
  await writeFile(page, updateCalibrationPage(await readFile(page, "utf8"), tables));
  process.stderr.write(`wrote ${relative(root, page)} (${tables.size} tables)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `generate-examples: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
