import { describe, expect, it } from "vitest";
import { RuleSetError, type InputIssue } from "../../src/errors/index.js";
import { resolveRuleSet } from "../../src/parameters/load.js";
import type { RuleSetJson } from "../../src/parameters/types.js";
import { defaultProgramme } from "../../src/rules/default.js";
import { bundledRuleSetJson, loadRuleSet } from "../../src/rule-sets/index.js";

// The loader's whole-file refusals, each by path, code and both messages (docs/quality.md: load.ts).
const base = bundledRuleSetJson.get("tongzhou-2016") as RuleSetJson;
const child = (extra: object = {}) => ({
  id: "child",
  version: "1",
  title: "child",
  validFrom: "2016-01-01",
  extends: "tongzhou-2016",
  sources: [],
  parameters: {},
  ...extra,
});
const options = {
  parameters: defaultProgramme.parameters,
  rules: defaultProgramme.rules,
  bundled: bundledRuleSetJson,
};

function refusal(run: () => unknown): RuleSetError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError);
    return error as RuleSetError;
  }
  throw new Error("expected the rule set to be refused");
}
const issuesOf = (json: unknown, more: object = {}): InputIssue[] => [...refusal(() => loadRuleSet(json, more)).issues];

describe("resolveRuleSet: a value that is no object is one problem, whatever it is", () => {
  it.each([
    [null, "null", "null"],
    [[], "a list", "列表"],
    ["rules.json", '"rules.json"', '"rules.json"'],
    [7, "the number 7", "数字 7"],
  ])("%j", (input, en, zh) => {
    const error = refusal(() => resolveRuleSet(input, options));
    expect(error.issues).toHaveLength(1);
    const [only] = error.issues;
    expect(only?.path).toBe("");
    expect(only?.code).toBe("not-a-rule-set");
    expect(only?.message).toBe(
      `a rule set is a JSON object { id, version, title, validFrom, sources, parameters, … }; got ${en}`,
    );
    expect(only?.zh).toBe(
      `规则集应为 JSON 对象 { id, version, title, validFrom, sources, parameters, … }；实际为 ${zh}`,
    );
  });
});

describe("extends", () => {
  it("naming nothing is one problem (what the base would give is not listed as missing too)", () => {
    const issues = issuesOf(child({ extends: "nowhere-2016" }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("extends");
    expect(issues[0]?.code).toBe("unknown-extends");
    expect(issues[0]?.message).toMatch(/^names no bundled rule set "nowhere-2016"; known: tongzhou-2016/);
    expect(issues[0]?.message).toContain("(or a file, or the id of a rule set given in ruleSets)");
    expect(issues[0]?.zh).toBe('extends 所指规则集 "nowhere-2016" 不存在');
  });

  it("a base given in ruleSets is used before a bundled one, and its own problems are named under extends(…)", () => {
    const broken = { ...child({ id: "mine-base", extends: undefined }), version: 3 };
    const issues = issuesOf(child({ extends: "mine-base" }), { ruleSets: [broken] });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((one) => one.path.startsWith('extends("mine-base")'))).toBe(true);
    expect(issues.map((one) => one.path)).toContain('extends("mine-base").version');
    expect(issues.some((one) => one.code === "missing-parameter")).toBe(false);
  });

  it("rule sets that extend each other in a circle are refused by name", () => {
    const a = child({ id: "a-set", extends: "b-set" });
    const b = child({ id: "b-set", extends: "a-set" });
    const issues = issuesOf(a, { ruleSets: [a, b] });
    const cycle = issues.filter((one) => one.code === "extends-cycle");
    expect(cycle).toEqual([
      {
        path: "extends",
        code: "extends-cycle",
        message: '"a-set" leads back to rule set "a-set": the rule sets extend each other in a circle',
        zh: "extends 形成循环",
      },
    ]);
  });

  it("a chain of two given rule sets onto the bundled one loads, each layer's parameters winning over its base's", () => {
    const min = base.parameters["reward.municipal.min"];
    const middle = child({
      id: "middle",
      parameters: { "reward.municipal.min": { ...min, values: [{ from: "2016-01-01", value: "400000" }] } },
    });
    const top = child({ id: "top", extends: "middle" });
    const loaded = loadRuleSet(top, { ruleSets: [middle] });
    expect(loaded.id).toBe("top");
    expect(loaded.extends).toBe("middle");
    const json = loaded.toJSON() as RuleSetJson;
    expect(json.parameters["reward.municipal.min"]?.values).toEqual([{ from: "2016-01-01", value: "400000" }]);
  });
});

describe("names and ids", () => {
  it('"__proto__" as a parameter name is refused where it stands (the schema would drop it silently)', () => {
    const json = JSON.parse('{"parameters": {"__proto__": {"unit": "x"}}}') as object;
    const issues = issuesOf(child(json));
    expect(issues[0]).toEqual({
      path: 'parameters["__proto__"]',
      code: "reserved-name",
      message: '"__proto__" cannot be a name in a rule set',
      zh: '"__proto__" 不能用作名称',
    });
  });

  it('"__proto__" deeper (inside a value) is named with its whole path', () => {
    const json = JSON.parse('{"rules": {"x": {"__proto__": 1}}}') as object;
    expect(issuesOf(child(json)).map((one) => one.path)).toContain('rules["x"]["__proto__"]');
  });

  it.each([
    ["tongzhou-2016", '"tongzhou-2016" is a bundled rule set\'s id'],
    ["TONGZHOU-2016", '"TONGZHOU-2016" reads as "tongzhou-2016", a bundled rule set\'s id'],
  ])("a rule set may not take a bundled id: %s", (id, start) => {
    const issues = issuesOf(child({ id }));
    const bundled = issues.find((one) => one.code === "bundled-id");
    expect(bundled?.path).toBe("id");
    expect(bundled?.message.startsWith(start)).toBe(true);
    expect(bundled?.message).toContain("give yours its own, so its results cannot pass for the bundled one's");
    expect(bundled?.zh).toContain("内置规则集的编号");
  });
});

describe("the error's summary", () => {
  it("counts the problems (one / many) and lists each path with its message", () => {
    const one = refusal(() => loadRuleSet(child({ extends: "nowhere-2016" })));
    expect(one.message.split("\n")[0]).toBe('rule set "child" has 1 problem:');
    expect(one.message).toContain("  extends: names no bundled rule set");
    const many = refusal(() => loadRuleSet(child({ id: "tongzhou-2016", extends: "nowhere-2016" })));
    expect(many.message.split("\n")[0]).toBe('rule set "tongzhou-2016" has 2 problems:');
  });

  it("lists at most 20 problems in its message, and every one in issues", () => {
    const min = base.parameters["reward.municipal.min"];
    const parameters = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`mine.p${i}`, min]));
    const error = refusal(() => loadRuleSet(child({ parameters })));
    expect(error.issues).toHaveLength(25);
    const lines = error.message.split("\n");
    expect(lines[0]).toBe('rule set "child" has 25 problems:');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toContain('parameters["mine.p19"]');
  });
});

// Red-green: a rule-set figure of 80 (or 301) digits was accepted, beyond the kernel's exact 60 significant digits
// (a product with a 30-digit amount would lose digits silently), while a case's amount is refused past 30 digits.
describe("a rule-set figure has at most 30 digits, as an amount does", () => {
  const value = (json: unknown) =>
    child({
      sources: [{ id: "B1", title: "x", issuedOn: "2016-01-01", status: "reported" }],
      parameters: {
        "reward.municipal.min": { status: "illustrative", source: "B1", values: [{ from: "2016-01-01", value: json }] },
        "reward.small.cap": {
          status: "illustrative",
          source: "B1",
          values: [{ from: "2016-01-01", value: { whole: "1".repeat(31), process: "1" } }],
        },
        "reward.small.taxScale": {
          status: "illustrative",
          source: "B1",
          values: [
            {
              from: "2016-01-01",
              value: { type: "marginal-rate", brackets: [{ threshold: "0", rate: `0.${"1".repeat(40)}` }] },
            },
          ],
        },
      },
    });
  it("a decimal, a table cell and a scale's rate past 30 digits are each refused by path, in zh and en", () => {
    const issues = issuesOf(value("1".repeat(80)));
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['parameters["reward.municipal.min"].values[0].value', "too-many-digits"],
      ['parameters["reward.small.cap"].values[0].value', "too-many-digits"],
      ['parameters["reward.small.taxScale"].values[0].value', "too-many-digits"],
    ]);
    expect(issues[0]?.message).toBe(
      "has a figure of 80 digits; at most 30 are computed exactly (no real rate or amount needs more: check the value)",
    );
    expect(issues[0]?.zh).toBe(
      "该数值有 80 位数字，最多只能精确计算 30 位（实际的费率或金额用不到这么多位：请核对该值）",
    );
    expect(issues[2]?.message).toContain("a figure of 40 digits");
  });
  it("30 digits are taken", () => {
    const ok = child({
      sources: [{ id: "B1", title: "x", issuedOn: "2016-01-01", status: "reported" }],
      parameters: {
        "reward.municipal.min": {
          status: "illustrative",
          source: "B1",
          values: [{ from: "2016-01-01", value: `0.${"0".repeat(29)}1` }],
        },
      },
    });
    expect(loadRuleSet(ok).id).toBe("child");
  });
});

// Red-green: the walk for "__proto__" keys recursed once per level, so a rule set with JSON nested 100,000 deep in
// any field was a RangeError (stack overflow; exit 70 in the CLI) instead of the field's own problem.
describe("a rule set nested 100,000 deep is refused by the field, never a stack overflow", () => {
  it("an unknown field, and a parameter value, holding deep nesting", () => {
    let deep: unknown = [];
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    const unknownField = issuesOf(child({ extra: deep }));
    expect(unknownField.map((issue) => issue.path)).toEqual(["extra"]);
    const inValue = issuesOf(
      child({
        sources: [{ id: "B1", title: "x", issuedOn: "2016-01-01", status: "reported" }],
        parameters: {
          "reward.municipal.min": {
            status: "illustrative",
            source: "B1",
            values: [{ from: "2016-01-01", value: deep }],
          },
        },
      }),
    );
    expect(inValue.map((issue) => issue.path)).toEqual(['parameters["reward.municipal.min"].values[0].value']);
  });
});

describe("a parameter value of the wrong kind is said in both languages, once", () => {
  const withValue = (name: string, value: unknown) => {
    const json = structuredClone(base) as unknown as { id: string; parameters: Record<string, { values: object[] }> };
    json.id = "wrong-kind";
    const parameter = json.parameters[name];
    if (parameter === undefined) throw new Error(name);
    parameter.values = [{ from: "2016-01-01", value }];
    return json;
  };

  it.each([
    ["clearance.requireSurvey", "yes", 'must be true or false; got "yes"', '应为 true 或 false；实际为 "yes"'],
    ["clearance.cutoffDate", "June", 'must be a date "YYYY-MM-DD"; got "June"', '应为日期 "YYYY-MM-DD"；实际为 "June"'],
    [
      "reward.district.supplementRate",
      "-0.7",
      'must be a decimal string ≥ 0 such as "0.7"; got "-0.7"',
      '应为不小于 0 的十进制数字文本，如 "0.7"；实际为 "-0.7"',
    ],
  ])("%s = %j", (name, value, en, zh) => {
    const issues = issuesOf(withValue(name, value));
    expect(issues).toEqual([
      { path: `parameters["${name}"].values[0].value`, code: "invalid-parameter-value", message: en, zh },
    ]);
  });

  it("a value no parameter can take (1 for a yes/no) is one problem, not also a missing parameter", () => {
    const issues = issuesOf(withValue("clearance.paidInFull", 1));
    expect(issues.map((one) => [one.path, one.code])).toEqual([
      ['parameters["clearance.paidInFull"].values[0].value', "wrong-type"],
    ]);
    expect(issues[0]?.zh).toBe(
      "value：参数值应为十进制数字文本、日期、true 或 false、表 { 键: 值 }、分档表 { type, brackets } 或 null；实际为 1",
    );
  });
});
