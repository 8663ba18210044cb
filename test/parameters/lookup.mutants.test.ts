import { describe, expect, it } from "vitest";
import { RuleSetError, type InputIssue } from "../../src/errors/index.js";
import {
  aliasesOf,
  allInForce,
  citationOf,
  compiledOf,
  keyNames,
  valueIn,
  valueInForce,
} from "../../src/parameters/lookup.js";
import type { RuleSet } from "../../src/parameters/types.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import { ruleSetWith } from "../support/ruleSetWith.js";

const dated = ruleSetWith({
  "reward.municipal.min": {
    values: [
      { from: "2010-01-01", value: "100" },
      { from: "2016-05-01", value: "200" },
      { from: "2020-01-01", value: null },
      { from: "2022-01-01", value: "300" },
    ],
  },
});

function refusal(run: () => unknown): { message: string; issues: InputIssue[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError);
    return { message: (error as Error).message, issues: [...(error as RuleSetError).issues] };
  }
  throw new Error("expected a RuleSetError");
}

describe("lookups: exact refusals", () => {
  it("a value that is no loaded rule set is refused by path, code and both messages", () => {
    const { issues } = refusal(() => compiledOf(defaultRuleSet.toJSON() as unknown as RuleSet));
    expect(issues).toEqual([
      {
        path: "ruleSet",
        code: "not-a-rule-set",
        message: "is not a loaded rule set: load its JSON with loadRuleSet(json, { programme })",
        zh: "不是已加载的规则集",
      },
    ]);
  });

  it("a parameter the rule set lacks names the parameter and the rule set", () => {
    const { message, issues } = refusal(() => valueInForce(dated, "reward.none", "2016-01-01"));
    expect(issues).toEqual([
      {
        path: 'parameters["reward.none"]',
        code: "missing-parameter",
        message: `is missing from rule set "${dated.id}"; a rule reads it: its domain must declare it`,
        zh: "规则集缺少参数 reward.none",
      },
    ]);
    expect(message).toContain(`rule set "${dated.id}": reward.none is missing`);
  });

  it("before the first value: the date asked and the first value's date, in both languages", () => {
    const { message, issues } = refusal(() => valueInForce(dated, "reward.municipal.min", "2009-12-31"));
    expect(issues).toEqual([
      {
        path: 'parameters["reward.municipal.min"]',
        code: "no-value-in-force",
        message: "has no value in force on 2009-12-31 (its first value is from 2010-01-01)",
        zh: "参数 reward.municipal.min 在 2009-12-31 没有有效值（最早的值自 2010-01-01 起）",
      },
    ]);
    expect(message).toContain(
      `rule set "${dated.id}": reward.municipal.min has no value in force on 2009-12-31 (its first value is from 2010-01-01)`,
    );
  });

  it("after a repeal: the repeal's date, in both languages; a later value brings it back", () => {
    const { issues } = refusal(() => valueInForce(dated, "reward.municipal.min", "2021-06-30"));
    expect(issues).toEqual([
      {
        path: 'parameters["reward.municipal.min"]',
        code: "no-value-in-force",
        message: "was repealed from 2020-01-01 and has no value in force on 2021-06-30",
        zh: "参数 reward.municipal.min 自 2020-01-01 起已废止，在 2021-06-30 没有有效值",
      },
    ]);
    expect(String(valueInForce(dated, "reward.municipal.min", "2022-01-01").value)).toBe("300");
    expect(String(valueInForce(dated, "reward.municipal.min", "2019-12-31").value)).toBe("200");
  });

  it("a parameter with no dated values at all says its first value is from never", () => {
    const parameters = Object.assign(Object.create(null) as object, {
      "a.b": { name: "a.b", values: [], aliases: new Map() },
    });
    const { issues } = refusal(() => valueIn(parameters as never, dated, "a.b", "2016-01-01"));
    expect(issues[0]?.message).toBe("has no value in force on 2016-01-01 (its first value is from never)");
  });
});

describe("allInForce", () => {
  it("true only when every parameter named has a value, not repealed, on the date", () => {
    expect(allInForce(dated, ["reward.municipal.min", "reward.municipal.max"], "2016-05-01")).toBe(true);
    expect(allInForce(dated, [], "1900-01-01")).toBe(true);
    expect(allInForce(dated, ["reward.municipal.min"], "2009-12-31")).toBe(false);
    expect(allInForce(dated, ["reward.municipal.min"], "2020-01-01")).toBe(false);
    expect(allInForce(dated, ["reward.municipal.min"], "2022-01-01")).toBe(true);
    expect(allInForce(dated, ["reward.municipal.max", "reward.none"], "2016-05-01")).toBe(false);
    expect(allInForce(dated, ["reward.municipal.max", "reward.municipal.min"], "2021-01-01")).toBe(false);
  });
});

describe("keys, aliases and citations", () => {
  it("keyNames maps each key and alias to the key; empty for a parameter the rule set lacks", () => {
    const names = keyNames(defaultRuleSet, "clearance.rates");
    expect(names.get("brick-concrete")).toBe("brick-concrete");
    expect([...names.values()]).toContain("brick-concrete");
    expect(names.size).toBeGreaterThan(8);
    expect(keyNames(defaultRuleSet, "reward.none")).toEqual(new Map());
  });

  it("aliasesOf gives the aliases as written; {} for a parameter without them or one the rule set lacks", () => {
    expect(aliasesOf(defaultRuleSet, "clearance.rates")["brick-concrete"]).toEqual([
      "砖混",
      "砖混结构",
      "砖混房",
      "砖混楼",
    ]);
    expect(aliasesOf(defaultRuleSet, "reward.municipal.min")).toEqual({});
    expect(aliasesOf(defaultRuleSet, "reward.none")).toEqual({});
    expect(aliasesOf(defaultRuleSet, "toString")).toEqual({});
  });

  it("citationOf: the rule set's citation of a rule, undefined for a rule it does not cite or a prototype name", () => {
    const json = defaultRuleSet.toJSON().rules ?? {};
    expect(citationOf(defaultRuleSet, "reward.districtSupplement")).toEqual(json["reward.districtSupplement"]);
    expect(citationOf(defaultRuleSet, "reward.districtSupplement")?.source).toBe("S1");
    expect(citationOf(defaultRuleSet, "reward.none")).toBe(undefined);
    expect(citationOf(defaultRuleSet, "constructor")).toBe(undefined);
  });
});
