import { describe, expect, it } from "vitest";
import { enterpriseRewardMessages as catalog } from "../../../src/rules/enterprise-reward/messages.js";

describe("the enterprise-reward message catalog", () => {
  it("has every reason and finding code of docs/enterprise-rewards.md §7, and no other", () => {
    expect(Object.keys(catalog.codes).sort()).toEqual(
      [
        "unlicensed",
        "acceptance-equipment-not-removed",
        "acceptance-licence-not-changed",
        "acceptance-staff-not-resettled",
        "exempt-awaiting-decision",
        "exempt-retained",
        "catalogue-process-exit",
        "licensed",
        "exit-accepted",
        "exempt-exit-decided",
        "catalogue-whole-exit",
        "above-scale",
        "below-scale",
        "meets-municipal-standard",
        "below-municipal-standard",
        "municipal-granted",
        "municipal-pending",
        "municipal-not-granted",
        "municipal-not-applied",
        "recommended-by-district",
        "not-recommended",
        "municipal-track-applies",
        "supplement-track-applies",
        "small-enterprise-reward",
        "small-cap-applied",
        "after-deadline",
        "whole-exit-required",
        "municipal-granted-off-track",
      ].sort(),
    );
  });

  it.each([
    {
      name: "unlicensed → 未取得营业执照，属无证照经营，予以清理取缔，不予奖励。",
      code: "unlicensed",
      data: {},
      zh: "未取得营业执照，属无证照经营，予以清理取缔，不予奖励。",
    },
    {
      name: "raw 919590 vs min 500000 → 919,590.00元 / 500,000.00元",
      code: "meets-municipal-standard",
      data: { raw: "919590", min: "500000" },
      zh: "按市级奖励标准测算为919,590.00元，达到500,000.00元的起奖额度，符合市级奖励标准。",
    },
    {
      name: "raw 499999.996 is quoted exactly, not rounded up to the floor",
      code: "below-municipal-standard",
      data: { raw: "499999.996", min: "500000" },
      zh: "按市级奖励标准测算为499,999.996元，低于500,000.00元的起奖额度，未达到市级奖励标准。",
    },
    {
      name: "rate 0.7 → 70%",
      code: "supplement-track-applies",
      data: { supplementRate: "0.7" },
      zh: "适用比照市级标准70%的区级奖励，不再适用小企业综合奖励。",
    },
    {
      name: "rate 0.125 → 12.5%",
      code: "supplement-track-applies",
      data: { supplementRate: "0.125" },
      zh: "适用比照市级标准12.5%的区级奖励，不再适用小企业综合奖励。",
    },
    {
      name: "licence on a whole exit → 注销",
      code: "acceptance-licence-not-changed",
      data: { exitMode: "whole" },
      zh: "未通过退出验收：工商营业执照未注销（整体退出），不予奖励。",
    },
    {
      name: "cap on a process exit",
      code: "small-cap-applied",
      data: { exitMode: "process", sum: "200000.00", cap: "150000" },
      zh: "三项合计200,000.00元，超过环节退出最高奖励150,000.00元，按150,000.00元奖励。",
    },
    {
      name: "late north of 京哈",
      code: "after-deadline",
      data: { exitCompletedOn: "2017-01-01", due: "2016-12-31", basis: "north" },
      zh: "退出完成日期2017-01-01晚于京哈高速以北区域的完成时限2016-12-31；奖励金额不变，请关注。",
    },
    {
      name: "electroplating by process",
      code: "catalogue-process-exit",
      data: { catalogueIndustry: "electroplating" },
      zh: "属《市淘汰目录》内电镀行业，须整体退出；环节退出不符合要求，不予奖励。",
    },
  ])("$name", ({ code, data, zh }) => {
    expect(catalog.codes[code]?.zh(data)).toBe(zh);
    expect(catalog.codes[code]?.en(data)).not.toMatch(/undefined|[\u4e00-\u9fff]{6,}/);
  });
});

describe("the district supplement rate as a percentage: only the digits move", () => {
  it.each([
    { rate: "0.7", percent: "70" },
    { rate: "1", percent: "100" },
    { rate: "1.05", percent: "105" },
    { rate: "0.05", percent: "5" },
    { rate: "0.125", percent: "12.5" },
    { rate: "0.12500", percent: "12.5" },
    { rate: "0.12505", percent: "12.505" },
    { rate: "0.700", percent: "70" },
  ])("$rate → $percent %", ({ rate, percent }) => {
    const template = catalog.codes["supplement-track-applies"];
    expect(template?.en({ supplementRate: rate })).toBe(
      `The district supplement (${percent} % of the municipal standard) applies instead.`,
    );
    expect(template?.zh({ supplementRate: rate })).toBe(
      `适用比照市级标准${percent}%的区级奖励，不再适用小企业综合奖励。`,
    );
  });
});
