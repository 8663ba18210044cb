import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { compute, computeBatch, summarize } from "../../src/batch/compute.js";
import { computeStream, runningTotals } from "../../src/batch/stream.js";
import { InvalidInputError } from "../../src/errors/index.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import type { OutcomeBase as Outcome } from "../../src/trace/types.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";

const CASES = [
  enterpriseCase,
  clearanceCase,
  villageCase,
  { ...enterpriseCase, id: "E-2", scale: "below", township: "宋庄镇" },
];

async function collect(iterable: AsyncIterable<Outcome>): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const outcome of iterable) out.push(outcome);
  return out;
}

async function* slowly(cases: readonly unknown[]): AsyncGenerator<unknown> {
  for (const value of cases) {
    await Promise.resolve();
    yield value;
  }
}

describe("computeStream", () => {
  it("yields the outcomes compute gives, in order, from an async iterable read once or again", async () => {
    expect(await collect(computeStream(slowly(CASES), defaultRuleSet))).toEqual(compute(CASES, defaultRuleSet));
    expect(await collect(computeStream(() => slowly(CASES), defaultRuleSet))).toEqual(compute(CASES, defaultRuleSet));
  });

  it("with trace: false the outcomes are the same but for their empty traces", async () => {
    const traced = compute(CASES, defaultRuleSet);
    const untraced = await collect(computeStream(CASES, { ruleSet: defaultRuleSet, trace: false }));
    expect(untraced).toEqual(traced.map((outcome) => ({ ...outcome, trace: [] })));
  });

  it("a re-readable source is checked whole first: every problem is listed before any outcome", async () => {
    const bad = [
      enterpriseCase,
      { ...enterpriseCase, id: "E-8", scale: "huge" },
      { ...enterpriseCase, id: "E-9", exitMode: "partial" },
    ];
    const seen: Outcome[] = [];
    const run = async () => {
      for await (const outcome of computeStream(() => bad)) seen.push(outcome);
    };
    await expect(run()).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: "[1].scale" }), expect.objectContaining({ path: "[2].exitMode" })],
    });
    expect(seen).toEqual([]);
  });

  it("with skipInvalid the valid cases are computed and the problems reported once, before the first outcome", async () => {
    const reported: unknown[] = [];
    const outcomes = await collect(
      computeStream(() => [enterpriseCase, { ...enterpriseCase, id: "E-9", exitMode: "partial" }], {
        skipInvalid: true,
        onErrors: (errors) => reported.push(...errors.map((error) => error.path)),
      }),
    );
    expect(outcomes.map((outcome) => outcome.id)).toEqual([enterpriseCase.id]);
    expect(reported).toEqual(["[1].exitMode"]);
  });

  it("an invalid case throws with its index in the path", async () => {
    await expect(
      collect(computeStream([enterpriseCase, { ...enterpriseCase, id: "E-9", exitMode: "partial" }])),
    ).rejects.toThrow(InvalidInputError);
    await expect(
      collect(computeStream([enterpriseCase, { ...enterpriseCase, id: "E-9", exitMode: "partial" }])),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: "[1].exitMode" })] });
  });

  it("a repeated id throws", async () => {
    await expect(collect(computeStream([enterpriseCase, enterpriseCase]))).rejects.toMatchObject({
      issues: [{ path: "[1].id", message: expect.stringContaining("twice") }],
    });
  });

  it("cross-checks transfers against the enterprise exits they list, as computeBatch does", async () => {
    const transfer = { ...transferCase, exitedEnterprises: [{ id: "E-1", priorYearTax: { vat: "1" } }] };
    const [streamed] = await collect(computeStream(() => [transfer, enterpriseCase]));
    expect(streamed?.findings.map((f) => f.code)).toContain("tax-mismatch");
    expect(streamed).toEqual(computeBatch([transfer, enterpriseCase]).results[0]);
  });

  it("a one-shot stream refuses a case it would have to cross-check against later cases", async () => {
    const transfer = { ...transferCase, exitedEnterprises: [{ id: "E-1", priorYearTax: { vat: "1" } }] };
    await expect(collect(computeStream(slowly([transfer, enterpriseCase])))).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: "[0]", code: "stream-not-rereadable" })],
    });
  });
});

describe("runningTotals", () => {
  it("equals summarize of the outcomes added", () => {
    const outcomes = compute(CASES, defaultRuleSet);
    const running = runningTotals(defaultRuleSet);
    for (const outcome of outcomes) running.add(outcome);
    expect(running.totals()).toEqual(summarize(outcomes, defaultRuleSet));
  });

  it("with nothing added: zero totals and no township", () => {
    expect(runningTotals().totals()).toEqual({ municipal: "0.00", district: "0.00", total: "0.00", byTownship: {} });
  });

  const amount = fc.tuple(fc.nat(10 ** 9), fc.nat(99)).map(([yuan, fen]) => `${yuan}.${String(fen).padStart(2, "0")}`);
  const outcome = fc
    .record({ township: fc.constantFrom("台湖镇", "宋庄镇", "张家湾镇"), municipal: amount, district: amount })
    .map(
      ({ township, municipal, district }) =>
        ({ township, amounts: { municipal, district, total: "0" } }) as unknown as Outcome,
    );
  test.prop([fc.array(outcome, { maxLength: 40 })])(
    "property: running totals equal summarize for any outcomes, in any order",
    (outcomes) => {
      const running = runningTotals(defaultRuleSet);
      for (const o of outcomes) running.add(o);
      expect(running.totals()).toEqual(summarize(outcomes, defaultRuleSet));
    },
  );
});
