import { describe, expect, it } from "vitest";
import type { RuleSetJson } from "../../src/parameters/types.js";
import { RuleSetError, type InputIssue } from "../../src/errors/index.js";
import { param } from "../support/outcomes.js";
import { bundledRuleSetJson, loadRuleSet } from "../../src/rule-sets/index.js";

const base = bundledRuleSetJson.get("tongzhou-2016") as RuleSetJson;

function problems(json: unknown): InputIssue[] {
  try {
    loadRuleSet(json);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError);
    return [...(error as RuleSetError).issues];
  }
  throw new Error("expected the rule set to be rejected");
}

describe("loadRuleSet", () => {
  it("loads a copy of the bundled rule set under its own id and stamps id, version and rounding", () => {
    const ruleSet = loadRuleSet({ ...base, id: "copy" });
    expect(ruleSet.id).toBe("copy");
    expect(ruleSet.rounding).toEqual({ scale: 2, mode: "half-up" });
  });

  it("a user rule set may not take a bundled id: its results would pass for the bundled one's", () => {
    expect(problems(base).map((issue) => [issue.path, issue.code])).toEqual([["id", "bundled-id"]]);
  });

  it.each([
    "TONGZHOU-2016",
    "Tongzhou-2016",
    "ｔｏｎｇｚｈｏｕ-２０１６",
    "tongzhou\u20102016",
    "tongzhou_2016",
    "tongzhou-2016\u200B",
    // Red-green (issue 10, fourth pass): these were accepted, and printed exactly as the bundled id.
    "tong\u00ADzhou-2016", // a soft hyphen, invisible
    "tongzhou-2016\uFE0F", // a variation selector
    "t\u034Fongzhou-2016", // the combining grapheme joiner
    "t\u043Engzhou-2016", // a Cyrillic о
    "tongzh\u03BFu-2016", // a Greek ο
    "tongzhou2016", // without its hyphen, as tongzhou_2016 is with another
    "tongzhou.2016",
  ])("nor an id that reads as a bundled one: %j", (id) => {
    const found = problems({ ...base, id });
    expect(found.map((issue) => [issue.path, issue.code])).toEqual([["id", "bundled-id"]]);
    expect(found[0]?.message).toContain('reads as "tongzhou-2016", a bundled rule set\'s id');
    expect(found[0]?.zh).toContain('形同 "tongzhou-2016"，即内置规则集的编号');
  });

  it("an id that only resembles a bundled one is its own", () => {
    expect(loadRuleSet({ ...base, id: "tongzhou-2016-mine" }).id).toBe("tongzhou-2016-mine");
    expect(loadRuleSet({ ...base, id: "tongzhou-2017" }).id).toBe("tongzhou-2017");
  });

  it("a malformed rule set lists every problem, not the first", () => {
    const issues = problems({
      id: "",
      version: "1",
      title: "x",
      validFrom: "2016-02-30",
      sources: [],
      parameters: { "reward.municipal.min": { status: "official-ish", source: "S", values: [] } },
      surplus: 1,
    });
    const paths = issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "id",
        "validFrom",
        'parameters["reward.municipal.min"].status',
        'parameters["reward.municipal.min"].values',
        "surplus",
      ]),
    );
  });

  it("every parameter the rules need must be present, each missing one named", () => {
    const { "clearance.rates": _rates, "transfer.coverage": _coverage, ...rest } = base.parameters;
    const issues = problems({ ...base, id: "mine", parameters: rest });
    expect(issues.map((issue) => issue.path)).toEqual([
      'parameters["clearance.rates"]',
      'parameters["transfer.coverage"]',
    ]);
  });

  it.each([
    [
      "a source that names no entry of sources",
      { "reward.municipal.min": { status: "reported", source: "NOPE", values: [{ from: "2016-01-01", value: "1" }] } },
      'parameters["reward.municipal.min"].source',
    ],
    [
      "dates that do not increase",
      {
        "reward.municipal.min": {
          status: "reported",
          source: "S1",
          values: [
            { from: "2016-01-01", value: "1" },
            { from: "2015-01-01", value: "2" },
          ],
        },
      },
      'parameters["reward.municipal.min"].values[1].from',
    ],
    [
      "a table missing a key",
      {
        "reward.small.cap": {
          status: "reported",
          source: "S1",
          values: [{ from: "2016-01-01", value: { whole: "1" } }],
        },
      },
      'parameters["reward.small.cap"].values[0].value',
    ],
    [
      "a decimal written as a number-ish text",
      { "reward.municipal.min": { status: "reported", source: "S1", values: [{ from: "2016-01-01", value: "5e5" }] } },
      'parameters["reward.municipal.min"].values[0].value',
    ],
    [
      "an official value without a clause",
      { "reward.municipal.min": { status: "official", source: "S1", values: [{ from: "2016-01-01", value: "1" }] } },
      'parameters["reward.municipal.min"].values[0]',
    ],
    [
      "an unknown parameter",
      {
        "reward.municipal.minimum": { status: "reported", source: "S1", values: [{ from: "2016-01-01", value: "1" }] },
      },
      'parameters["reward.municipal.minimum"]',
    ],
    [
      "a scale whose thresholds do not increase",
      {
        "reward.small.taxScale": {
          status: "illustrative",
          source: "X",
          values: [
            {
              from: "2016-01-01",
              value: {
                type: "marginal-rate",
                brackets: [
                  { threshold: "10", rate: "1" },
                  { threshold: "5", rate: "0" },
                ],
              },
            },
          ],
        },
      },
      'parameters["reward.small.taxScale"].values[0].value',
    ],
    [
      "a structure rate with an unknown unit",
      {
        "clearance.rates": {
          status: "illustrative",
          source: "X",
          values: [{ from: "2016-01-01", value: { "brick-concrete": { unit: "sqm", rate: "60" } } }],
        },
      },
      'parameters["clearance.rates"].values[0].value',
    ],
  ])("rejects %s", (_name, parameters, path) => {
    const issues = problems({ ...base, parameters: { ...base.parameters, ...parameters } });
    expect(issues.map((issue) => issue.path)).toContain(path);
  });

  it("extends: a user's rule set overrides one parameter and keeps the rest of the bundled set", () => {
    const mine = loadRuleSet({
      id: "my-district",
      version: "2",
      title: "mine",
      validFrom: "2016-01-01",
      extends: "tongzhou-2016",
      sources: [{ id: "M", title: "our bureau's notice", issuedOn: "2016-08-01", status: "official" }],
      parameters: {
        "clearance.cutoffDate": {
          status: "official",
          source: "M",
          clause: "第三条",
          values: [{ from: "2016-01-01", value: "2016-03-01" }],
        },
      },
    });
    expect(param(mine, "clearance.cutoffDate", "2016-07-01")).toMatchObject({
      value: "2016-03-01",
      status: "official",
      source: "M",
    });
    expect(param(mine, "reward.municipal.min", "2016-07-01").value.toString()).toBe("500000");
    expect(mine.toJSON().parameters["reward.municipal.min"]).toEqual(base.parameters["reward.municipal.min"]);
    expect(mine.toJSON().sources.map((source) => source.id)).toContain("M");
    expect(mine.extends).toBe("tongzhou-2016");
  });

  it("extends an unknown rule set is an error", () => {
    expect(
      problems({
        id: "x",
        version: "1",
        title: "x",
        validFrom: "2016-01-01",
        extends: "beijing-2099",
        sources: [],
        parameters: {},
      }).map((i) => i.path),
    ).toContain("extends");
  });
});
