import { describe, expect, it } from "vitest";
import { explain, sourcesOf } from "../../src/rules/explain.js";
import { compute } from "../../src/index.js";
import { domains } from "../../src/rules/default.js";
import { programme } from "../../src/rules/programme.js";
import { loadRuleSet, ruleSets } from "../../src/rule-sets/index.js";
import type { RuleSet } from "../../src/parameters/types.js";
import { enterpriseCase } from "../fixtures/cases.js";
import { thrownIssues } from "../support/errors.js";
import type { MessageCatalog, OutcomeBase as Outcome } from "../../src/trace/types.js";

const catalog: MessageCatalog = {
  codes: {
    "meets-municipal-standard": {
      en: (d) => `raw ${String(d.raw)} reaches the floor`,
      zh: (d) => `原始金额${String(d.raw)}达到下限`,
    },
    "below-scale": { en: () => "below designated size", zh: () => "规模以下企业" },
    "after-deadline": { en: () => "exit completed after the deadline", zh: () => "逾期退出" },
  },
  rules: { "reward.districtSupplement": { en: "District supplement", zh: "区级奖励(比照市级)" } },
};

const outcome: Outcome = {
  id: "E-1",
  kind: "enterprise-exit",
  township: "台湖镇",
  ruleSet: { id: "tongzhou-2016", version: "1" },
  eligible: true,
  track: "district-supplement",
  payee: { type: "enterprise", id: "E-1" },
  amounts: { municipal: "0.00", district: "840000.00", total: "840000.00" },
  estimate: false,
  basis: "illustrative",
  reasons: [
    { code: "below-scale", message: "below designated size", clause: "京华时报 (S1)", track: "municipal" },
    {
      code: "meets-municipal-standard",
      message: "raw 1200000 reaches the floor",
      clause: "京华时报 (S1)",
      track: "district-supplement",
      decisive: true,
      data: { raw: "1200000" },
    },
  ],
  findings: [{ code: "after-deadline", message: "exit completed after the deadline" }],
  detail: {},
  trace: [
    {
      rule: "reward.districtSupplement",
      clause: "京华时报 (S1)",
      params: [
        { name: "reward.district.supplementRate", from: "2016-01-01", value: "0.7", status: "reported", source: "S1" },
      ],
      inputs: { municipalRounded: "1200000.00" },
      value: "840000.00",
    },
  ],
};

describe("explain", () => {
  it("English: track, amounts in ¥ and 大写, basis warning, decisive reason first, findings and each figure with its parameters", () => {
    const text = explain(outcome, { lang: "en", catalogs: [catalog] });
    expect(text).toContain("district supplement");
    expect(text).toContain("¥840,000.00");
    expect(text).toContain("人民币捌拾肆万元整");
    expect(text).toMatch(/Basis: illustrative.*not an official amount/);
    // Reasons without a condition text of their own: a bullet with what they decide, never a ✓/✗ that reads as pass/fail.
    expect(text).not.toMatch(/[✓✗]/);
    expect(text.indexOf("· raw 1200000 reaches the floor (decides: district supplement)")).toBeGreaterThan(-1);
    expect(text.indexOf("· raw 1200000")).toBeLessThan(text.indexOf("· below designated size"));
    expect(text).toContain("(rules out: municipal reward)");
    expect(text).toContain("! exit completed after the deadline");
    expect(text).toContain("District supplement (reward.districtSupplement) = 840000.00");
    expect(text).toContain("reward.district.supplementRate = 0.7 (from 2016-01-01, reported, source S1)");
  });

  it("Chinese: the same account from the codes' Chinese texts", () => {
    const text = explain(outcome, { lang: "zh", catalogs: [catalog] });
    expect(text).toContain("适用：比照市级标准的区级奖励");
    expect(text).not.toMatch(/[✓✗]/);
    expect(text).toContain("· 原始金额1200000达到下限（决定：比照市级标准的区级奖励）");
    expect(text).toContain("（排除：市级奖励）");
    expect(text).toContain("收款方：企业 E-1");
    expect(text).toContain("! 逾期退出");
    expect(text).toContain("示例值（非官方数字）");
    expect(text).toContain("区级奖励(比照市级) (reward.districtSupplement) = 840000.00");
    expect(text).toContain("参数 reward.district.supplementRate = 0.7 (自 2016-01-01, 媒体报道, 来源 S1)");
  });

  it("an estimate says the municipal decision is pending", () => {
    expect(explain({ ...outcome, estimate: true }, { catalogs: [catalog] })).toContain("still pending");
  });
});

describe("explain: its options and the sources it names", () => {
  const computed = compute(enterpriseCase) as Outcome;
  const bundled = ruleSets["tongzhou-2016"].toJSON();
  const retitled = (id: string, version: string) =>
    loadRuleSet({
      ...bundled,
      id,
      version,
      sources: bundled.sources.map((source) => (source.id === "S1" ? { ...source, title: "Test title" } : source)),
    });
  const mine = { ...computed, ruleSet: { id: "test-2016", version: "1" } };
  const sourceLine = (text: string) =>
    text
      .split("\n")
      .find((line) => line.includes("(reward.municipal.max)"))
      ?.trim();

  it("English is the default language", () => {
    expect(explain(computed)).toBe(explain(computed, { lang: "en" }));
    expect(explain(computed)).not.toBe(explain(computed, { lang: "zh" }));
  });

  it("the rule set given names a parameter's source by its title, when it is the outcome's (id and version)", () => {
    const line = (outcome: Outcome, ruleSet?: RuleSet) =>
      sourceLine(explain(outcome, ruleSet === undefined ? {} : { ruleSet }));
    expect(line(mine, retitled("test-2016", "1"))).toBe(
      'parameter "municipal reward cap" (reward.municipal.max) 3,000,000 yuan, from 2016-01-01, reported by the press, source: Test title (S1), clause: 京华时报 (S1): 市级奖励“奖励额度为50万元至300万元”; 300万 also reported for 2014 (S9)',
    );
    const byId =
      'parameter "municipal reward cap" (reward.municipal.max) 3,000,000 yuan, from 2016-01-01, reported by the press, source: S1, clause: 京华时报 (S1): 市级奖励“奖励额度为50万元至300万元”; 300万 also reported for 2014 (S9)';
    expect(line(mine, retitled("test-2016", "2"))).toBe(byId);
    expect(line(mine, retitled("other-2016", "1"))).toBe(byId);
    expect(line(mine)).toBe(byId);
    expect(line(computed, retitled("test-2016", "1"))).toBe(byId);
    expect(line(computed)).toContain("source: 京华时报 (黄海蕾): 通州区产业调整退出奖励暂行办法 reported");
  });

  it("sourcesOf: the bundled rule set's sources, or the given one's when it is the outcome's", () => {
    expect(sourcesOf(computed)).toEqual(bundled.sources);
    expect(sourcesOf(mine)).toBeUndefined();
    expect(sourcesOf(mine, retitled("test-2016", "1"))?.find((source) => source.id === "S1")?.title).toBe("Test title");
    expect(sourcesOf(mine, retitled("test-2016", "9"))).toBeUndefined();
    expect(sourcesOf({ ruleSet: { id: "tongzhou-2016", version: "9" } })).toBeUndefined();
  });

  it("a programme without the outcome's kind: the kind and track by their codes", () => {
    const text = explain(computed, { programme: programme(domains.villageCompensation) });
    expect(text.split("\n").slice(0, 2)).toEqual([
      "E-1 · enterprise-exit · 台湖镇 · rule set tongzhou-2016 v1",
      "Track: municipal",
    ]);
  });

  const ZH_GOT: { readonly [en: string]: string } = {
    "the number 5": "数字 5",
    "an object": "对象",
    "a function": "函数",
  };
  it.each([
    ["5", 5, "the number 5"],
    ["null", null, "null"],
    ["an object without toJSON", { toJSON: 1 }, "an object"],
    ["a function with toJSON", Object.assign(() => bundled, { toJSON: () => bundled }), "a function"],
  ])("option ruleSet %s is refused", (_name, ruleSet, got) => {
    expect(thrownIssues(() => explain(computed, { ruleSet: ruleSet as never }))).toEqual([
      {
        path: "options.ruleSet",
        code: "invalid-option",
        message: `must be a rule set (loadRuleSet); got ${got}`,
        zh: `应为规则集（loadRuleSet 的结果）；实际为 ${ZH_GOT[got] ?? got}`,
      },
    ]);
  });
});
