import { describe, expect, it } from "vitest";
import { diffRuleSets, parametersChangingAmounts, sameValue } from "../../src/parameters/diff.js";
import { Dec } from "../../src/money/decimal.js";
import { defaultRuleSet, loadRuleSet } from "../../src/rule-sets/index.js";

/** tongzhou-2016 with the given parameters (written whole) and extra fields. */
function child(parameters: { readonly [name: string]: unknown }, extra: { readonly [field: string]: unknown } = {}) {
  return loadRuleSet({
    id: "child",
    version: "2",
    title: "child",
    validFrom: "2016-01-01",
    extends: "tongzhou-2016",
    sources: [{ id: "W", title: "what-if", issuedOn: "2016-01-01", status: "illustrative" }],
    parameters,
    ...extra,
  });
}

const original = (name: string) =>
  defaultRuleSet.toJSON().parameters[name] as {
    status: string;
    source: string;
    note?: string;
    values: { from: string; value: unknown }[];
  };

/** The bundled rate per tce (illustrative, so read rather than written here) and the same raised by 10 %. */
const rate = String(original("reward.municipal.ratePerTce").values[0]?.value);
const raisedRate = new Dec(rate).times("1.1").toString();

describe("diffRuleSets", () => {
  it("a rule set against itself is identical", () => {
    const diff = diffRuleSets(defaultRuleSet, defaultRuleSet);
    expect(diff).toMatchObject({ identical: true, sources: [], parameters: [] });
    expect(diff.rounding).toBeUndefined();
  });

  it("one rate raised: one parameter, one dated value, field value; the added source", () => {
    const raised = child({
      "reward.municipal.ratePerTce": {
        ...original("reward.municipal.ratePerTce"),
        values: [{ from: "2016-01-01", value: raisedRate }],
      },
    });
    const diff = diffRuleSets(defaultRuleSet, raised);
    expect(diff.identical).toBe(false);
    expect(diff.a).toEqual({ id: "tongzhou-2016", version: "1" });
    expect(diff.b).toEqual({ id: "child", version: "2" });
    expect(diff.parameters).toEqual([
      {
        name: "reward.municipal.ratePerTce",
        change: "changed",
        fields: [],
        values: [
          {
            from: "2016-01-01",
            change: "changed",
            fields: ["value"],
            a: expect.objectContaining({ value: rate, status: "illustrative", source: "X" }),
            b: expect.objectContaining({ value: raisedRate, status: "illustrative", source: "X" }),
          },
        ],
      },
    ]);
    expect(diff.sources.map((source) => [source.id, source.change])).toEqual([["W", "added"]]);
    expect(parametersChangingAmounts(diff)).toEqual(["reward.municipal.ratePerTce"]);
  });

  it("the same decimal written differently is no difference: the rate, and the rate with .00", () => {
    const same = child({
      "reward.municipal.ratePerTce": {
        ...original("reward.municipal.ratePerTce"),
        values: [{ from: "2016-01-01", value: `${rate}.00` }],
      },
    });
    expect(diffRuleSets(defaultRuleSet, same).parameters).toEqual([]);
  });

  it("a table compares regardless of key order", () => {
    expect(sameValue({ whole: "600000", process: "150000" }, { process: "150000.0", whole: "600000" })).toBe(true);
    expect(sameValue({ whole: "600000" }, { whole: "600001" })).toBe(false);
    expect(sameValue("2016-06-14", "2016-06-15")).toBe(false);
  });

  it("a new dated value is added; a status and source change shows on the value in force and on the parameter", () => {
    const parameter = original("reward.municipal.min");
    const changed = child({
      "reward.municipal.min": {
        ...parameter,
        status: "illustrative",
        source: "W",
        values: [...parameter.values, { from: "2017-01-01", value: "600000" }],
      },
    });
    const diff = diffRuleSets(defaultRuleSet, changed);
    const min = diff.parameters.find((p) => p.name === "reward.municipal.min");
    expect(min?.fields).toEqual([
      { field: "status", a: "reported", b: "illustrative" },
      { field: "source", a: "S1", b: "W" },
    ]);
    expect(min?.values.map((value) => [value.from, value.change, value.fields])).toEqual([
      ["2016-01-01", "changed", ["status", "source"]],
      ["2017-01-01", "added", ["value", "status", "source", "clause"]],
    ]);
    expect(parametersChangingAmounts(diff)).toEqual(["reward.municipal.min"]);
  });

  it("a citation-only change does not change amounts: not attributed", () => {
    const parameter = original("reward.municipal.min");
    const diff = diffRuleSets(
      defaultRuleSet,
      child({ "reward.municipal.min": { ...parameter, note: "another note" } }),
    );
    expect(diff.parameters.map((p) => [p.name, p.fields.map((f) => f.field), p.values.length])).toEqual([
      ["reward.municipal.min", ["note"], 0],
    ]);
    expect(parametersChangingAmounts(diff)).toEqual([]);
  });

  it("a value moved to another date is removed and added", () => {
    const parameter = original("clearance.cutoffDate");
    const moved = child({
      "clearance.cutoffDate": { ...parameter, values: [{ from: "2016-03-01", value: "2016-06-14" }] },
    });
    expect(
      diffRuleSets(defaultRuleSet, moved).parameters[0]?.values.map((value) => [value.from, value.change]),
    ).toEqual([
      ["2016-01-01", "removed"],
      ["2016-03-01", "added"],
    ]);
  });

  it("rounding and a changed source", () => {
    const source = defaultRuleSet.toJSON().sources.find((candidate) => candidate.id === "S1");
    const diff = diffRuleSets(
      defaultRuleSet,
      child({}, { rounding: { scale: 0, mode: "half-even" }, sources: [{ ...source, title: "renamed" }] }),
    );
    expect(diff.rounding).toEqual({ a: { scale: 2, mode: "half-up" }, b: { scale: 0, mode: "half-even" } });
    expect(diff.sources.map((s) => [s.id, s.change, s.fields])).toEqual([["S1", "changed", ["title"]]]);
    expect(diff.parameters).toEqual([]);
  });

  it("the diff is symmetric in what it finds: A→B added is B→A removed", () => {
    const parameter = original("reward.municipal.min");
    const changed = child({
      "reward.municipal.min": { ...parameter, values: [...parameter.values, { from: "2017-01-01", value: "600000" }] },
    });
    const forward = diffRuleSets(defaultRuleSet, changed).parameters[0]?.values[0];
    const backward = diffRuleSets(changed, defaultRuleSet).parameters[0]?.values[0];
    expect([forward?.change, backward?.change]).toEqual(["added", "removed"]);
    expect(forward?.b).toEqual(backward?.a);
  });
});
