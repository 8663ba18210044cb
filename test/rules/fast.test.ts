// byEffectiveDate: one compiled form per span of dates in which none of the parameters changes, built once, on the
// span's first day, with the values (and statuses) in force then. kernelsOf: one kernel per rule set, compiled once.
import { describe, expect, it } from "vitest";
import { ZERO } from "../../src/money/decimal.js";
import { parameter } from "../../src/parameters/handles.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import { of } from "../../src/rules/algebra.js";
import type { Domain } from "../../src/rules/domain.js";
import { byEffectiveDate, type FastEvaluator, type FastKernel, type InForceValues } from "../../src/rules/fast.js";
import { programme } from "../../src/rules/programme.js";
import { field } from "../../src/schemas/fields.js";
import { ruleSetWith } from "../support/ruleSetWith.js";

const rate = parameter.decimal("reward.district.supplementRate", "supplement rate");
const perTce = parameter.decimal("reward.municipal.ratePerTce", "rate per tce");
const undeclared = parameter.decimal("no.such.parameter", "a parameter no rule set values");

/** The supplement rate changes on 2010-01-01; the rate per tce is in force only from 2005-01-01. */
const ruleSet = ruleSetWith({
  "reward.district.supplementRate": {
    values: [
      { from: "2000-01-01", value: "0.5", status: "illustrative" },
      { from: "2010-01-01", value: "0.6", status: "official", clause: "T1" },
    ],
  },
  "reward.municipal.ratePerTce": { values: [{ from: "2005-01-01", value: "100", status: "reported" }] },
});

/** What a build saw on its span's first day: the rate, the rate per tce (or none), and bases. */
function spans(build: (values: InForceValues) => string | undefined = describeValues) {
  const built: string[] = [];
  const at = byEffectiveDate(ruleSet, [rate, perTce, undeclared], (values) => {
    const form = build(values);
    built.push(form ?? "none");
    return form;
  });
  return { at, built };
}

function describeValues(values: InForceValues): string {
  const shown = (handle: typeof rate) => {
    const value = values.get(handle);
    return value === undefined ? "none" : `${String(value.value)} from ${value.from}`;
  };
  return [
    `rate ${shown(rate)}`,
    `perTce ${shown(perTce)}`,
    `basis ${values.basis(rate, perTce)}`,
    `basis of perTce ${values.basis(perTce)}`,
    `basis of none ${values.basis()}`,
  ].join("; ");
}

describe("byEffectiveDate", () => {
  it("gives the form of the last span starting on or before the date, undefined before the first", () => {
    const { at } = spans();
    expect(at("1999-12-31")).toBeUndefined();
    expect(at("2000-01-01")).toBe(
      "rate 0.5 from 2000-01-01; perTce none; basis illustrative; basis of perTce undefined; basis of none undefined",
    );
    expect(at("2004-12-31")).toBe(at("2000-01-01"));
    expect(at("2005-01-01")).toBe(
      "rate 0.5 from 2000-01-01; perTce 100 from 2005-01-01; basis illustrative; basis of perTce reported; basis of none undefined",
    );
    expect(at("2009-12-31")).toBe(at("2005-01-01"));
    expect(at("2012-06-30")).toBe(
      "rate 0.6 from 2010-01-01; perTce 100 from 2005-01-01; basis reported; basis of perTce reported; basis of none undefined",
    );
  });

  it("builds each span once, lazily, even when it has no fast form", () => {
    const { at, built } = spans((values) => (values.get(perTce) === undefined ? undefined : describeValues(values)));
    expect(built).toEqual([]);
    expect(at("2001-01-01")).toBeUndefined();
    expect(at("2002-01-01")).toBeUndefined();
    at("2011-01-01");
    at("2012-01-01");
    at("2006-01-01");
    at("2007-01-01");
    expect(built.map((form) => form.slice(0, 25))).toEqual([
      "none",
      "rate 0.6 from 2010-01-01;",
      "rate 0.5 from 2000-01-01;",
    ]);
  });
});

describe("InForceValues.basis: the weakest status among the values in force", () => {
  // On 2016-06-30 the rate per tce (official, from 2017-01-01) is not yet in force; the supplement rate is reported
  // from 2000, the municipal floor official from 2000 and repealed (null) from 2016-01-01.
  const later = ruleSetWith({
    "reward.municipal.ratePerTce": { values: [{ from: "2017-01-01", value: "100", status: "official", clause: "T1" }] },
    "reward.district.supplementRate": { values: [{ from: "2000-01-01", value: "0.5", status: "reported" }] },
    "reward.municipal.min": {
      values: [
        { from: "2000-01-01", value: "1", status: "official", clause: "T2" },
        { from: "2016-01-01", value: null },
      ],
    },
  });
  const floor = parameter.decimal("reward.municipal.min", "municipal floor");
  const on = (date: string) => byEffectiveDate(later, [perTce, rate, floor], (values) => values)(date);

  it("an official value that starts after the date is not in force: it makes no basis official", () => {
    const values = on("2016-06-30");
    expect(values?.get(perTce)).toBeUndefined();
    expect(values?.basis(perTce)).toBeUndefined();
    expect(values?.basis(perTce, rate)).toBe("reported");
    expect(values?.basis(rate, perTce)).toBe("reported");
  });

  it("a repealed value (null from a date on) is not in force either; naming none gives none", () => {
    const values = on("2016-06-30");
    expect(values?.basis(floor)).toBeUndefined();
    expect(values?.basis(floor, perTce)).toBeUndefined();
    expect(values?.basis()).toBeUndefined();
    expect(on("2015-12-31")?.basis(floor, perTce)).toBe("official");
  });

  it("once in force, the official value counts: official and reported → reported; official alone → official", () => {
    const values = on("2017-01-01");
    expect(values?.basis(perTce)).toBe("official");
    expect(values?.basis(perTce, rate)).toBe("reported");
  });
});

describe("kernelsOf (a programme's entry)", () => {
  type Facts = { kind: string; id: string; township: string };
  const kernel: FastKernel = { run: () => undefined };
  const quick = (compiled: FastKernel | undefined, covers = true) => {
    const compiles: string[] = [];
    const fast: FastEvaluator = {
      covers: () => covers,
      compile: (given) => {
        compiles.push(given.id);
        return compiled;
      },
    };
    const domain: Domain<"quick", Facts, Record<never, never>> = {
      kind: "quick",
      labels: { zh: "快", en: "quick" },
      fields: { id: field.text("编号"), township: field.text("乡镇") },
      date: () => "2016-06-01",
      dateField: "id",
      payee: (facts) => ({ type: "enterprise", id: facts.id }),
      parameters: [],
      parts: {},
      payment: () => () => of({ municipal: ZERO, district: ZERO, eligible: true, estimate: false, detail: {} }),
      messages: { codes: {}, rules: {} },
      budgetLines: ["quick"],
      budgetLine: () => "quick",
      fast,
    };
    return { entry: programme(domain).entry("quick"), compiles };
  };

  it("compiles a rule set's kernel once, and again for another rule set", () => {
    const { entry, compiles } = quick(kernel);
    expect(entry?.kernel(defaultRuleSet)).toBe(kernel);
    expect(entry?.kernel(defaultRuleSet)).toBe(kernel);
    expect(entry?.kernel(ruleSet)).toBe(kernel);
    expect(compiles).toEqual([defaultRuleSet.id, ruleSet.id]);
  });

  it("compiles once a rule set it has no kernel of, and has none for a domain it does not cover", () => {
    const none = quick(undefined);
    expect(none.entry?.kernel(defaultRuleSet)).toBeUndefined();
    expect(none.entry?.kernel(defaultRuleSet)).toBeUndefined();
    expect(none.compiles).toEqual([defaultRuleSet.id]);
    const uncovered = quick(kernel, false);
    expect(uncovered.entry?.kernel(defaultRuleSet)).toBeUndefined();
    expect(uncovered.compiles).toEqual([]);
  });
});
