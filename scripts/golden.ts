/**
 * The golden record of the sample district (`npx tsx scripts/golden.ts` writes it to test/fixtures/golden/).
 *
 * It computes examples/tongzhou-2016/cases.json with the default rule set, traces included, and keeps: the
 * SHA-256 of every outcome's JSON text (key order included, so a reordered field is a change), a short hash per
 * case, the totals, and a few dozen outcomes in full so that a difference can be read. A refactoring of the
 * rules must reproduce it byte for byte (test/examples/golden.test.ts); a deliberate change regenerates it.
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { computeBatch } from "../src/batch/compute.js";
import type { Outcome } from "../src/rules/default.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const GOLDEN_DIR = join(root, "test", "fixtures", "golden");

/** What the golden keeps of a compute document. */
export interface Golden {
  readonly cases: number;
  readonly sha256: string;
  readonly totals: unknown;
  readonly errors: number;
  readonly outcomes: { readonly [id: string]: string };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The golden and the full sample outcomes of the sample district as the current code computes it. */
export async function sampleGolden(): Promise<{ golden: Golden; samples: unknown[] }> {
  const file = JSON.parse(await readFile(join(root, "examples", "tongzhou-2016", "cases.json"), "utf8")) as {
    readonly cases: readonly unknown[];
  };
  const cases = file.cases;
  const document = computeBatch(cases);
  const texts = document.results.map((outcome) => JSON.stringify(outcome));
  const outcomes: { [id: string]: string } = {};
  document.results.forEach((outcome, index) => (outcomes[outcome.id] = sha256(texts[index] ?? "").slice(0, 16)));
  const golden: Golden = {
    cases: cases.length,
    sha256: sha256(texts.join("\n")),
    totals: document.totals,
    errors: document.errors.length,
    outcomes,
  };
  return { golden, samples: pickSamples(document.results, texts) };
}

/** The three shortest outcomes of each kind and track (or eligibility), and the shortest with each finding code. */
function pickSamples(results: readonly Outcome[], texts: readonly string[]): Outcome[] {
  const groups = new Map<string, number[]>();
  results.forEach((outcome, index) => {
    const keys = [
      `${outcome.kind}|${outcome.track ?? String(outcome.eligible)}`,
      ...outcome.findings.map((finding) => `finding|${finding.code}`),
    ];
    for (const key of keys) groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  const picked = new Set<number>();
  for (const [key, indexes] of groups) {
    const shortest = [...indexes].sort((a, b) => (texts[a]?.length ?? 0) - (texts[b]?.length ?? 0) || a - b);
    // Large outcomes (a declaration's items, a township's enterprises) are kept once per group.
    const small = (texts[shortest[0] ?? 0]?.length ?? 0) < 20_000;
    for (const index of shortest.slice(0, key.startsWith("finding|") || !small ? 1 : 3)) picked.add(index);
  }
  return [...picked].sort((a, b) => a - b).flatMap((index) => results[index] ?? []);
}

async function main(): Promise<void> {
  const { golden, samples } = await sampleGolden();
  await writeFile(join(GOLDEN_DIR, "sample-district.json"), `${JSON.stringify(golden, null, 1)}\n`);
  await writeFile(join(GOLDEN_DIR, "sample-outcomes.json"), `${JSON.stringify(samples, null, 1)}\n`);
  process.stderr.write(`golden: ${golden.cases} cases, sha256 ${golden.sha256}, ${samples.length} sample outcomes\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`golden: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
