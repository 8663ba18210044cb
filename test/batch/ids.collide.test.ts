// checkStream when every id has the same digest: each new id is a false alarm, the confirming reading sees it,
// and the check is made again with the ids themselves — the errors are exactly the batch check's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import { checkStream } from "../../src/batch/stream.js";

vi.mock(import("../../src/batch/ids.js"), async (original) => {
  const real = await original();
  return { ...real, idDigests: () => real.idDigests(() => [5, 6]) };
});

const sample = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../../examples/tongzhou-2016/cases.json"), "utf8")) as {
    cases: unknown[];
  }
).cases.filter((one) => (one as { kind?: string }).kind !== "township-transfer");

describe("checkStream with colliding digests", () => {
  it.each([
    ["no repeated id", sample.slice(0, 40)],
    ["repeated ids", [...sample.slice(0, 20), sample[2], ...sample.slice(20, 40), sample[2], sample[25]]],
  ])("%s: the batch check's errors, after a confirming reading and a check with the exact ids", async (_, cases) => {
    let reads = 0;
    const checked = await checkStream(async function* () {
      reads += 1;
      for (const [at, value] of cases.entries()) yield { at, value };
    });
    const strip = (errors: readonly { index: number; id?: string; code: string; path: string }[]) =>
      errors.map(({ index, id, code, path }) => ({ index, id, code, path }));
    expect(strip(checked.errors)).toEqual(strip(computeBatch(cases).errors));
    expect(reads).toBe(3);
    let computed = 0;
    if (checked.errors.length === 0) for await (const _outcome of checked.outcomes()) computed += 1;
    expect(computed).toBe(checked.errors.length === 0 ? cases.length : 0);
  });
});
