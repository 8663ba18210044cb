import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GOLDEN_DIR, sampleGolden, type Golden } from "../../scripts/golden.js";

// The sample district's outcomes, traces included, byte for byte as recorded in test/fixtures/golden/
// (regenerate deliberately with `npx tsx scripts/golden.ts` when a rule or the bundled rule set changes).
describe("golden: the sample district computes exactly as recorded", () => {
  it("every outcome, its trace and the totals are byte-identical to the golden", async () => {
    const recorded = JSON.parse(await readFile(join(GOLDEN_DIR, "sample-district.json"), "utf8")) as Golden;
    const samples = JSON.parse(await readFile(join(GOLDEN_DIR, "sample-outcomes.json"), "utf8")) as unknown[];
    const now = await sampleGolden();
    const changed = Object.keys(recorded.outcomes).filter((id) => recorded.outcomes[id] !== now.golden.outcomes[id]);
    expect(changed.slice(0, 20)).toEqual([]);
    expect(now.samples).toEqual(samples);
    expect(now.golden.totals).toEqual(recorded.totals);
    expect(now.golden).toEqual(recorded);
  });
});
