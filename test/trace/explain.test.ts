import { describe, expect, it } from "vitest";
import { explain } from "../../src/rules/explain.js";
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
