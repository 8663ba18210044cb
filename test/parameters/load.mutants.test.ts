import { describe, expect, it } from "vitest";
import { RuleSetError, InvalidInputError, type InputIssue } from "../../src/errors/index.js";
import { chineseLabel, isLoaded, loadedRuleSetArgument } from "../../src/parameters/load.js";
import type { RuleSetJson } from "../../src/parameters/types.js";
import { bundledRuleSetJson, defaultRuleSet, loadRuleSet } from "../../src/rule-sets/index.js";

const base = bundledRuleSetJson.get("tongzhou-2016") as RuleSetJson;
const min = base.parameters["reward.municipal.min"];
const KNOWN_SOURCES =
  "S0, S1, S2, S18, S19, S25, S24, S15, S7, S9, S13, S17, N1, N2, N3, N9, N12, N15, N18, N20 and 2 more";

const child = (parameters: object, extra: object = {}) => ({
  id: "child",
  version: "1",
  title: "child",
  validFrom: "2016-01-01",
  extends: "tongzhou-2016",
  sources: [{ id: "W", title: "w", issuedOn: "2016", status: "reported" }],
  parameters,
  ...extra,
});

function issues(json: unknown): InputIssue[] {
  try {
    loadRuleSet(json);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError);
    return [...(error as RuleSetError).issues];
  }
  throw new Error("expected the rule set to be refused");
}

describe("loadRuleSet: each refusal by path, code and both messages", () => {
  it("dates must strictly increase; a value's own source must be listed", () => {
    expect(
      issues(
        child({
          "reward.municipal.min": {
            ...min,
            values: [
              { from: "2016-01-01", value: "1" },
              { from: "2016-01-01", value: "2" },
              { from: "2015-01-01", value: "3", source: "NOPE" },
            ],
          },
        }),
      ),
    ).toEqual([
      {
        path: 'parameters["reward.municipal.min"].values[1].from',
        code: "dates-not-increasing",
        message: "must come after the previous value's date 2016-01-01; dates must strictly increase",
        zh: "日期须晚于前一个值的日期 2016-01-01",
      },
      {
        path: 'parameters["reward.municipal.min"].values[2].from',
        code: "dates-not-increasing",
        message: "must come after the previous value's date 2016-01-01; dates must strictly increase",
        zh: "日期须晚于前一个值的日期 2016-01-01",
      },
      {
        path: 'parameters["reward.municipal.min"].values[2].source',
        code: "unknown-source",
        message: `names no entry of sources: "NOPE"; known: ${KNOWN_SOURCES}`,
        zh: '出处 "NOPE" 不在 sources 中',
      },
    ]);
  });

  it("an official value needs a clause (its own or the parameter's); a value of the wrong shape says why", () => {
    expect(
      issues(
        child({
          "reward.municipal.min": { status: "official", source: "W", values: [{ from: "2016-01-01", value: "-1" }] },
        }),
      ),
    ).toEqual([
      {
        path: 'parameters["reward.municipal.min"].values[0]',
        code: "official-without-clause",
        message: "is marked official but cites no clause; give the clause of the official text",
        zh: "标为官方（official）但未注明条款",
      },
      {
        path: 'parameters["reward.municipal.min"].values[0].value',
        code: "invalid-parameter-value",
        message: 'must be a decimal string ≥ 0 such as "0.7"; got "-1"',
        zh: '应为不小于 0 的十进制数字文本，如 "0.7"；实际为 "-1"',
      },
    ]);
    // A clause on the value, or on the parameter, is enough.
    expect(() =>
      loadRuleSet(
        child({
          "reward.municipal.min": {
            status: "official",
            source: "W",
            values: [{ from: "2016-01-01", value: "1", clause: "§1" }],
          },
        }),
      ),
    ).not.toThrow();
    expect(() =>
      loadRuleSet(
        child({
          "reward.municipal.min": {
            status: "reported",
            source: "W",
            values: [{ from: "2016-01-01", value: "1", status: "official" }],
          },
        }),
      ),
    ).toThrow(RuleSetError);
  });

  it("a parameter's and a citation's source must be listed", () => {
    expect(
      issues(
        child(
          {
            "reward.municipal.min": { status: "reported", source: "ZZ", values: [{ from: "2016-01-01", value: "1" }] },
          },
          { rules: { "reward.districtSupplement": { source: "QQ", clause: "c" } } },
        ),
      ),
    ).toEqual([
      {
        path: 'parameters["reward.municipal.min"].source',
        code: "unknown-source",
        message: `names no entry of sources: "ZZ"; known: ${KNOWN_SOURCES}`,
        zh: '出处 "ZZ" 不在 sources 中',
      },
      {
        path: 'rules["reward.districtSupplement"].source',
        code: "unknown-source",
        message: `names no entry of sources: "QQ"; known: ${KNOWN_SOURCES}`,
        zh: '出处 "QQ" 不在 sources 中',
      },
    ]);
  });

  it("a child's citation replaces the base's, and its sources join the base's", () => {
    const mine = loadRuleSet(
      child({}, { rules: { "reward.districtSupplement": { source: "W", clause: "my clause" } } }),
    );
    expect(mine.toJSON().rules?.["reward.districtSupplement"]).toEqual({ source: "W", clause: "my clause" });
    expect(mine.toJSON().sources.map((source) => source.id)).toContain("S1");
    expect(mine.toJSON().sources.at(-1)?.id).toBe("W");
    expect(mine.rounding).toEqual({ scale: 2, mode: "half-up" });
  });
});

describe("load helpers", () => {
  it("chineseLabel keeps the Chinese part of a label, or the whole label when it has none", () => {
    expect(chineseLabel("市级奖励下限 municipal reward floor")).toBe("市级奖励下限");
    expect(chineseLabel("下限(元) (yuan)")).toBe("下限(元)");
    expect(chineseLabel("下限\nMunicipal floor")).toBe("下限");
    expect(chineseLabel("floor")).toBe("floor");
    expect(chineseLabel("  下限  ")).toBe("下限");
  });

  it("isLoaded: only a loaded rule set (its compiled parameters and toJSON)", () => {
    expect(isLoaded(defaultRuleSet)).toBe(true);
    expect(isLoaded(base)).toBe(false);
    expect(isLoaded(null)).toBe(false);
    expect(isLoaded("tongzhou-2016")).toBe(false);
    expect(isLoaded({ [Symbol.for("exitfund.RuleSet.compiled")]: {} })).toBe(false);
    expect(isLoaded({ [Symbol.for("exitfund.RuleSet.compiled")]: {}, toJSON: () => base })).toBe(true);
    expect(isLoaded({ toJSON: () => base })).toBe(false);
  });

  it("loadedRuleSetArgument refuses anything else at its path, saying what it got", () => {
    expect(loadedRuleSetArgument(defaultRuleSet, "rules")).toBe(defaultRuleSet);
    try {
      loadedRuleSetArgument(base, "rules");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues).toEqual([
        {
          path: "rules",
          code: "not-a-rule-set",
          message: 'must be a loaded rule set: loadRuleSet(json) or ruleSets["tongzhou-2016"]; got an object',
          zh: '应为已加载的规则集：loadRuleSet(json) 或 ruleSets["tongzhou-2016"]；实际为 对象',
        },
      ]);
    }
  });
});
