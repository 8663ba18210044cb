import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { computeBatch } from "../../../src/batch/compute.js";
import { Dec, dec } from "../../../src/money/decimal.js";
import { roundMoney } from "../../../src/money/round.js";
import { POLLUTANTS } from "../../../src/vocabulary.js";
import { param } from "../../support/outcomes.js";
import { enterpriseReward } from "../../support/outcomes.js";
import { enterpriseRewardMessages } from "../../../src/rules/enterprise-reward/messages.js";
import { EnterpriseExitSchema } from "../../../src/schemas/cases.js";
import type { OutcomeBase as Outcome, Track } from "../../../src/trace/types.js";
import { aimedInputArb, decimalStringArb, exitBatchArb, exitInputArb } from "./arbitraries.js";
import { propertyRules as rules } from "./fixtures.js";
import { oracle } from "./oracle.js";

const TRACKS: readonly Track[] = ["municipal", "district-supplement", "district-small", "none"];

function run(input: { readonly [field: string]: unknown }) {
  const facts = EnterpriseExitSchema.parse(input);
  return { facts, outcome: enterpriseReward(facts, rules), expected: oracle(facts, rules) };
}

const amountsOf = (outcome: Outcome) => ({
  municipal: new Dec(outcome.amounts.municipal),
  district: new Dec(outcome.amounts.district),
  total: new Dec(outcome.amounts.total),
});

test.prop([exitInputArb])(
  "exactly one track: the one whose DESIGN §4.1 condition holds, decided by reasons about it",
  (input) => {
    const { outcome, expected } = run(input);
    expect(TRACKS.filter((track) => expected.conditions[track])).toEqual([outcome.track]);
    expect(outcome.eligible).toBe(outcome.track !== "none");
    const decisive = outcome.reasons.filter((r) => r.decisive === true);
    expect(decisive.length).toBeGreaterThan(0);
    expect(decisive.every((r) => r.track === outcome.track)).toBe(true);
  },
);

test.prop([exitInputArb])("total = municipal + district", (input) => {
  const { municipal, district, total } = amountsOf(run(input).outcome);
  expect(total.eq(municipal.plus(district))).toBe(true);
});

test.prop([exitInputArb])("the municipal reward and a district reward are never both paid", (input) => {
  const { municipal, district } = amountsOf(run(input).outcome);
  expect(municipal.gt(0) && district.gt(0)).toBe(false);
});

test.prop([exitInputArb])("amounts are never negative", (input) => {
  const { municipal, district, total } = amountsOf(run(input).outcome);
  expect(municipal.gte(0) && district.gte(0) && total.gte(0)).toBe(true);
});

/** Any case, or one aimed at `track`, so a property about a track sees many cases of it. */
const casesOf = (track: keyof typeof aimedInputArb) => fc.oneof(exitInputArb, aimedInputArb[track]);

test.prop([casesOf("municipal")])("on the municipal track the municipal amount lies in [min, max]", (input) => {
  const { outcome, expected } = run(input);
  fc.pre(outcome.track === "municipal");
  const { municipal } = amountsOf(outcome);
  expect(municipal.gte(expected.min) && municipal.lte(expected.max)).toBe(true);
});

test.prop([casesOf("district-supplement")])("the district supplement is round(rate × round(M))", (input) => {
  const { facts, outcome, expected } = run(input);
  fc.pre(outcome.track === "district-supplement");
  const rate = param(rules, "reward.district.supplementRate", facts.exitCompletedOn).value;
  expect(outcome.amounts.district).toBe(roundMoney(rate.times(expected.rounded), rules.rounding).toFixed(2));
});

test.prop([casesOf("district-small")])(
  "the small-enterprise reward never exceeds the cap for its exit mode",
  (input) => {
    const { facts, outcome } = run(input);
    fc.pre(outcome.track === "district-small");
    const cap = param(rules, "reward.small.cap", facts.exitCompletedOn).value[facts.exitMode];
    expect(amountsOf(outcome).district.lte(cap)).toBe(true);
  },
);

const moreSavedArb = fc.record({
  input: exitInputArb.map(({ municipalAssessedAmount: _assessed, ...input }) => input),
  what: fc.constantFrom("energySavedTce" as const, ...POLLUTANTS),
  extra: decimalStringArb(20_000, 4),
});

test.prop([moreSavedArb])(
  "more energy saved or more of a pollutant reduced never lowers the reward on the same track",
  ({ input, what, extra }) => {
    const before = run(input).outcome;
    const tonnes = (input.pollutantsReducedTonnes ?? {}) as { readonly [pollutant: string]: string | undefined };
    const more =
      what === "energySavedTce"
        ? {
            ...input,
            energySavedTce: dec(input.energySavedTce as string)
              .plus(extra)
              .toString(),
          }
        : {
            ...input,
            pollutantsReducedTonnes: {
              ...tonnes,
              [what]: dec(tonnes[what] ?? "0")
                .plus(extra)
                .toString(),
            },
          };
    const after = run(more).outcome;
    fc.pre(after.track === before.track);
    expect(amountsOf(after).total.gte(amountsOf(before).total)).toBe(true);
  },
);

const shuffledBatchArb = exitBatchArb.chain((cases) =>
  fc.tuple(fc.constant(cases), fc.shuffledSubarray(cases, { minLength: cases.length, maxLength: cases.length })),
);

test.prop([shuffledBatchArb])("results do not depend on the order of the cases in a batch", ([cases, shuffled]) => {
  const byId = (outcomes: readonly Outcome[]) => new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  const first = computeBatch(cases, rules);
  const second = computeBatch(shuffled, rules);
  expect(first.errors).toEqual([]);
  expect(byId(second.results)).toEqual(byId(first.results));
  expect(second.totals).toEqual(first.totals);
});

test.prop([exitInputArb])(
  "every reason, finding and rule name has English and Chinese text, and the stored message is the English one",
  (input) => {
    const { outcome } = run(input);
    for (const item of [...outcome.reasons, ...outcome.findings]) {
      const template = enterpriseRewardMessages.codes[item.code];
      expect(template, item.code).toBeDefined();
      expect(item.message).toBe(template?.en(item.data ?? {}));
      const zh = template?.zh(item.data ?? {}) ?? "";
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(`${item.message} ${zh}`).not.toMatch(/undefined|null|NaN|""/);
      expect(item.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    for (const traceStep of outcome.trace)
      expect(enterpriseRewardMessages.rules[traceStep.rule], traceStep.rule).toBeDefined();
  },
);
