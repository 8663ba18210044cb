import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffRuleSets, parametersChangingAmounts, type RuleSetDiff } from "../../src/parameters/diff.js";
import { defaultRuleSet, loadRuleSet } from "../../src/rule-sets/index.js";
import type { RuleSetJson } from "../../src/parameters/types.js";
// @ts-expect-error: a JavaScript example module, typed loosely here
import changping from "../../examples/changping-2015/programme.mjs";

const changpingJson = JSON.parse(
  readFileSync(new URL("../../examples/changping-2015/rules.json", import.meta.url), "utf8"),
) as RuleSetJson;
const changpingRules = () => loadRuleSet(changpingJson, { programme: changping });

function child(extra: { readonly [field: string]: unknown }) {
  return loadRuleSet({
    id: "child",
    version: "2",
    title: "child",
    validFrom: "2016-01-01",
    extends: "tongzhou-2016",
    sources: [],
    parameters: {},
    ...extra,
  });
}

describe("diffRuleSets, parameters in one rule set only", () => {
  // Computed inside each test (not when the file loads), so that mutation testing sees which tests run them.
  const added = () => diffRuleSets(defaultRuleSet, changpingRules());
  const removed = () => diffRuleSets(changpingRules(), defaultRuleSet);

  it("a parameter only in b is added, with each dated value and the fields it has", () => {
    const bonus = added().parameters.find((parameter) => parameter.name === "changping.earlyExitBefore");
    expect(bonus).toEqual({
      name: "changping.earlyExitBefore",
      change: "added",
      fields: [],
      values: [
        {
          from: "2015-01-01",
          change: "added",
          fields: ["value", "status", "source"],
          b: {
            value: "2016-09-30",
            status: "illustrative",
            source: "X",
            note: "S11 rewards finishing 3 months before the deadline; with Tongzhou's end-2016 deadline that is 2016-09-30. Illustrative: Changping's own deadline is not in the record.",
          },
        },
      ],
    });
    expect(added().parameters.map((parameter) => [parameter.name, parameter.change])).toEqual([
      ["changping.earlyExitBefore", "added"],
      ["changping.earlyExitBonusRate", "added"],
      ["changping.vacatingBonusRate", "added"],
    ]);
    expect(added().identical).toBe(false);
  });

  it("the other way round it is removed, the values under a", () => {
    const rate = removed().parameters.find((parameter) => parameter.name === "changping.vacatingBonusRate");
    expect(rate).toEqual({
      name: "changping.vacatingBonusRate",
      change: "removed",
      fields: [],
      values: [
        {
          from: "2015-01-01",
          change: "removed",
          fields: ["value", "status", "source"],
          a: { value: "0.02", status: "reported", source: "S11" },
        },
      ],
    });
  });

  it("a source only in b is added, only in a removed, and both lists are sorted by id", () => {
    expect(added().sources.map((source) => [source.id, source.change, source.fields])).toEqual([["S11", "added", []]]);
    expect(removed().sources).toEqual([{ id: "S11", change: "removed", fields: [], a: changpingJson.sources[0] }]);
  });

  it("parameters in one rule set only change amounts; so do added and removed values", () => {
    expect(parametersChangingAmounts(added())).toEqual([
      "changping.earlyExitBefore",
      "changping.earlyExitBonusRate",
      "changping.vacatingBonusRate",
    ]);
  });
});

describe("diffRuleSets, rounding and identity", () => {
  it("only the rounding scale, or only its mode, differs: not identical, both roundings shown", () => {
    const scale = diffRuleSets(defaultRuleSet, child({ rounding: { scale: 0, mode: "half-up" } }));
    expect(scale.identical).toBe(false);
    expect(scale.rounding).toEqual({ a: { scale: 2, mode: "half-up" }, b: { scale: 0, mode: "half-up" } });
    expect(scale.parameters).toEqual([]);
    expect(scale.sources).toEqual([]);
    const mode = diffRuleSets(defaultRuleSet, child({ rounding: { scale: 2, mode: "half-even" } }));
    expect(mode.identical).toBe(false);
    expect(mode.rounding).toEqual({ a: { scale: 2, mode: "half-up" }, b: { scale: 2, mode: "half-even" } });
  });

  it("a child that changes nothing is identical and has no rounding entry; a and b name the rule sets", () => {
    const same = diffRuleSets(defaultRuleSet, child({}));
    expect(same.identical).toBe(true);
    expect("rounding" in same).toBe(false);
    expect(same.a).toEqual({ id: "tongzhou-2016", version: defaultRuleSet.version });
    expect(same.b).toEqual({ id: "child", version: "2" });
  });

  it("only a source added: not identical", () => {
    const one = diffRuleSets(
      defaultRuleSet,
      child({ sources: [{ id: "W", title: "what-if", issuedOn: "2016-01-01", status: "illustrative" }] }),
    );
    expect(one.parameters).toEqual([]);
    expect(one.identical).toBe(false);
  });

  it("only a parameter changed: not identical", () => {
    const base = defaultRuleSet.toJSON().parameters["reward.municipal.min"];
    const one = diffRuleSets(
      defaultRuleSet,
      child({ parameters: { "reward.municipal.min": { ...base, note: "a new note" } } }),
    );
    expect(one.sources).toEqual([]);
    expect(one.identical).toBe(false);
    expect(one.parameters.map((parameter) => parameter.name)).toEqual(["reward.municipal.min"]);
  });
});

describe("parametersChangingAmounts", () => {
  const diff = (parameters: RuleSetDiff["parameters"]): RuleSetDiff => ({
    a: { id: "a", version: "1" },
    b: { id: "b", version: "1" },
    identical: false,
    sources: [],
    parameters,
  });
  const view = { value: "1", status: "official" as const, source: "S" };

  it("a changed parameter counts only when a value was added, removed or changed in value; sorted", () => {
    expect(
      parametersChangingAmounts(
        diff([
          { name: "z.note", change: "changed", fields: [{ field: "note", a: "x", b: "y" }], values: [] },
          {
            name: "y.status",
            change: "changed",
            fields: [],
            values: [{ from: "2016-01-01", change: "changed", fields: ["status", "clause"], a: view, b: view }],
          },
          {
            name: "x.value",
            change: "changed",
            fields: [],
            values: [{ from: "2016-01-01", change: "changed", fields: ["status", "value"], a: view, b: view }],
          },
          {
            name: "w.added",
            change: "changed",
            fields: [],
            values: [{ from: "2017-01-01", change: "added", fields: ["value"], b: view }],
          },
          {
            name: "v.removed",
            change: "changed",
            fields: [],
            values: [{ from: "2017-01-01", change: "removed", fields: ["value"], a: view }],
          },
          { name: "b.new", change: "added", fields: [], values: [] },
          { name: "a.gone", change: "removed", fields: [], values: [] },
        ]),
      ),
    ).toEqual(["a.gone", "b.new", "v.removed", "w.added", "x.value"]);
  });
});
