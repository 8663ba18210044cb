// `trace: false` (the reference evaluator): no trace step is made, and every outcome is otherwise identical.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { compute, computeBatch, computeTotals } from "../../src/batch/compute.js";
import { checkStream, computeStream } from "../../src/batch/stream.js";
import { exitBatchArb } from "../rules/enterprise-reward/arbitraries.js";
import { propertyRules } from "../rules/enterprise-reward/fixtures.js";

const sample = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../../examples/tongzhou-2016/cases.json"), "utf8")) as {
    cases: unknown[];
  }
).cases;

describe("compute without traces", () => {
  it("the sample district: the same outcomes, each with an empty trace, the same totals", () => {
    const traced = computeBatch(sample);
    const untraced = computeBatch(sample, { trace: false });
    expect(untraced.totals).toEqual(traced.totals);
    expect(untraced.results).toEqual(traced.results.map((outcome) => ({ ...outcome, trace: [] })));
  });

  it("the sample district streamed without traces (fast path): the batch's outcomes, in order, and its totals", async () => {
    const batch = computeBatch(sample, { trace: false });
    const rereadable: unknown[] = [];
    for await (const outcome of computeStream(sample, { trace: false })) rereadable.push(outcome);
    expect(rereadable).toEqual(batch.results);
    const clearances = sample.filter((c) => (c as { kind: string }).kind === "structure-clearance");
    const once: unknown[] = [];
    for await (const outcome of computeStream(
      (function* () {
        yield* clearances;
      })(),
      { trace: false },
    ))
      once.push(outcome);
    expect(once).toEqual(computeBatch(clearances, { trace: false }).results);
    const checked = await checkStream(
      async function* () {
        for (const [at, value] of sample.entries()) yield { at, value };
      },
      { trace: false },
    );
    for await (const _ of checked.outcomes());
    expect(checked.totals()).toEqual(batch.totals);
    expect(computeTotals(sample).totals).toEqual(batch.totals);
  });

  test.prop([exitBatchArb])("any enterprise batch: identical but for the trace (basis included)", (inputs) => {
    const traced = compute(inputs, { ruleSet: propertyRules });
    const untraced = compute(inputs, { ruleSet: propertyRules, trace: false });
    expect(untraced).toEqual(traced.map((outcome) => ({ ...outcome, trace: [] })));
  });
});
