// An extension that replaces a named part changes exactly the outcomes that use that part, and nothing else.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import { dec } from "../../src/money/decimal.js";
import { roundMoney, toMoneyString } from "../../src/money/round.js";
import { parameter } from "../../src/parameters/handles.js";
import { loadRuleSet } from "../../src/rule-sets/index.js";
import { asMoney, figure } from "../../src/rules/algebra.js";
import { extendDomain } from "../../src/rules/domain.js";
import { domains } from "../../src/rules/default.js";
import type { MunicipalStandard } from "../../src/rules/enterprise-reward/municipal.js";
import { programme } from "../../src/rules/programme.js";
import type { OutcomeBase } from "../../src/trace/types.js";
import { aimedInputArb, exitInputArb } from "./enterprise-reward/arbitraries.js";
import { propertyRules } from "./enterprise-reward/fixtures.js";

// A district pays key industries 80 % of the municipal standard instead of the supplement rate.
const keyIndustryRate = parameter.decimal("test.keyIndustryRate", "重点行业比照比例 key-industry rate", "share");
const keyIndustrySupplement = figure(
  "test.keyIndustrySupplement",
  (facts: { readonly municipal: MunicipalStandard }, read, ctx) =>
    roundMoney(read(keyIndustryRate).times(facts.municipal.rounded), ctx.rounding),
  { show: asMoney },
);
const district = programme(
  extendDomain(domains.enterpriseExit, {
    parameters: [keyIndustryRate],
    parts: { districtSupplement: keyIndustrySupplement },
    messages: { rules: { "test.keyIndustrySupplement": { zh: "重点行业区级奖励", en: "key-industry supplement" } } },
  }),
);
const districtRules = loadRuleSet(
  {
    id: "test-key-industry",
    version: "t",
    title: "test: the key-industry supplement",
    validFrom: "2000-01-01",
    extends: propertyRules.id,
    sources: [],
    parameters: {
      "test.keyIndustryRate": { status: "illustrative", source: "T", values: [{ from: "2000-01-01", value: "0.8" }] },
    },
  },
  { programme: district, ruleSets: [propertyRules] },
);

const batchArb = fc
  .array(fc.oneof(exitInputArb, aimedInputArb["district-supplement"], aimedInputArb.municipal), {
    minLength: 1,
    maxLength: 12,
  })
  .map((inputs) => inputs.map((input, index) => ({ ...input, id: `E-${index}` })));

const withoutRuleSet = ({ ruleSet: _ruleSet, ...rest }: OutcomeBase) => rest;

describe("extendDomain: replacing a named part", () => {
  test.prop([batchArb])("changes only the outcomes that use the part, and those as the new part says", (inputs) => {
    const base = computeBatch(inputs, { ruleSet: propertyRules });
    const extended = computeBatch(inputs, { ruleSet: districtRules, programme: district });
    expect(extended.errors).toEqual(base.errors);
    base.results.forEach((before, index) => {
      const after = extended.results[index] as OutcomeBase;
      if (before.track !== "district-supplement") {
        expect(withoutRuleSet(after)).toEqual(withoutRuleSet(before));
        return;
      }
      const municipal = (before.detail as { municipalRounded: string }).municipalRounded;
      // 0.8 × round(M), rounded once (the supplement's own rate is not read).
      expect(after.amounts.district).toBe(toMoneyString(dec(municipal).times("0.8"), propertyRules.rounding));
      expect(after.trace.map((s) => s.rule)).toEqual(
        before.trace.map((s) => (s.rule === "reward.districtSupplement" ? "test.keyIndustrySupplement" : s.rule)),
      );
      expect(after.reasons).toEqual(before.reasons);
      expect(after.findings).toEqual(before.findings);
      expect(after.detail).toEqual(before.detail);
    });
  });
});
