import { describe, expect, it } from "vitest";
import { explain } from "../../../src/rules/explain.js";
import type { OutcomeBase } from "../../../src/trace/types.js";
import { villageCompensation } from "../../support/outcomes.js";
import { rules, villageCase } from "./cases.js";

// The explanation of a village compensation, every line in both languages, on the test rule set (cap 2 years, rate
// 0.5, 1,000 a mu for a compound, 500 for a breeding zone). By hand: L1 runs 2016-06-30 → 2017-12-31, 18 months
// (under the 24-month cap): 12,345.67 × 18 ÷ 12 × 0.5 = 9,259.2525 → 9,259.25; L2 runs 3 months: 12,000 × 3 ÷ 12 ×
// 0.5 = 1,500.00; the site part is 1,000 × 10.5 = 10,500.00; in all 21,259.25.
const twoLeases = () =>
  villageCompensation(
    villageCase({ landAreaMu: "10.5" }, [
      { leaseEndsOn: "2017-12-31", annualRent: "12345.67" },
      { leaseEndsOn: "2016-09-30" },
    ]),
    rules,
  ) as OutcomeBase;
// No lease: a breeding zone of 10 mu, 500 × 10 = 5,000.00, the site part alone.
const noLease = () => villageCompensation(villageCase({ zoneType: "breeding-zone" }, []), rules) as OutcomeBase;

// Outcomes are computed inside each test (not when the file loads), so that mutation testing sees which tests run them.
const lines = (outcome: OutcomeBase, lang: "en" | "zh") => explain(outcome, { lang }).split("\n");

describe("village compensation explained, each step in words with its arithmetic", () => {
  it("two leases, one rounded to the fen, in English", () => {
    expect(lines(twoLeases(), "en")).toEqual([
      "V-1 · village-collective compensation · 台湖镇 · rule set test vt",
      "Eligible: yes",
      "Amounts: municipal ¥0.00, district ¥21,259.25, total ¥21,259.25",
      "In capitals: 人民币贰万壹仟贰佰伍拾玖元贰角伍分",
      "Payee: village-collective 东下营村",
      "Basis: illustrative — the result uses placeholder parameters: an estimate for planning, not an official amount",
      "Why:",
      "  · The collective of 东下营村 is compensated for clearing its industrial compound of 10.5 mu: lost rent of 2 lease(s) plus the site part, 21,259.25 yuan in all.  〔《实施方案》三(三)3, 四(十五)〕",
      "How each figure was computed:",
      "  1. cap on compensated months (12 × cap years, whole months) (village.rentCapMonths): 12 × 2 cap years, in whole months = 24 months  〔《实施方案》三(三)3〕",
      '     parameter "cap on compensated years" (village.rentCapYears) 2 years, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  2. remaining lease term in whole months (village.remainingMonths): [L1] from the clearance on 2016-06-30 to the lease end 2017-12-31, whole months left = 18 months  〔《实施方案》三(三)3〕",
      "  3. compensated months (village.compensatedMonths): [L1] min(18 months left, cap 24 months) = 18 months  〔《实施方案》三(三)3〕",
      "  4. lost rent compensated (annual rent × months ÷ 12 × rate, rounded) (village.lostRent): [L1] annual rent 12,345.67 yuan × 18 months ÷ 12 × rate 0.5 = 9,259.25 yuan (rounded to the fen from 9,259.2525)  〔《实施方案》三(三)3〕",
      '     parameter "lost-rent compensation rate" (village.rentCompensationRate) 0.5, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  5. remaining lease term in whole months (village.remainingMonths): [L2] from the clearance on 2016-06-30 to the lease end 2016-09-30, whole months left = 3 months  〔《实施方案》三(三)3〕",
      "  6. compensated months (village.compensatedMonths): [L2] min(3 months left, cap 24 months) = 3 months  〔《实施方案》三(三)3〕",
      "  7. lost rent compensated (annual rent × months ÷ 12 × rate, rounded) (village.lostRent): [L2] annual rent 12,000.00 yuan × 3 months ÷ 12 × rate 0.5 = 1,500.00 yuan  〔《实施方案》三(三)3〕",
      '     parameter "lost-rent compensation rate" (village.rentCompensationRate) 0.5, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  8. site part (per mu × area, rounded) (village.sitePart): industrial compound 1,000 yuan/mu × 10.5 mu = 10,500.00 yuan  〔《实施方案》三(三)3〕",
      '     parameter "site part per mu·industrial compound" (village.perMu.industrial-compound) 1,000 yuan/mu, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  9. village-collective compensation (village.total): lost rent 9,259.25 + 1,500.00 + site part 10,500.00 = 21,259.25 yuan  〔《实施方案》三(三)3〕",
    ]);
  });

  it("two leases, in Chinese", () => {
    expect(lines(twoLeases(), "zh")).toEqual([
      "V-1 · 村集体经济组织补偿 · 台湖镇 · 规则集 test vt",
      "是否符合条件：是",
      "金额：市级 ¥0.00，区级 ¥21,259.25，合计 ¥21,259.25",
      "大写：人民币贰万壹仟贰佰伍拾玖元贰角伍分",
      "收款方：村集体经济组织 东下营村",
      "依据：示例值（非官方数字）——结果含示例参数，仅供测算，不得作为正式金额",
      "理由：",
      "  · 东下营村村集体经济组织清退工业大院10.5亩，按2份租赁合同的租金损失加场地补偿，合计21,259.25元。  〔《实施方案》三(三)3, 四(十五)〕",
      "计算过程：",
      "  1. 补偿月数上限（12 × 补偿年限，取整月）：12 × 补偿年限 2 年，取整月 = 24 个月  〔《实施方案》三(三)3〕",
      "     参数「租金损失补偿年限上限」2 年，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  2. 剩余租期（整月）：[L1] 清退日期 2016-06-30 至租期届满日 2017-12-31，剩余整月 = 18 个月  〔《实施方案》三(三)3〕",
      "  3. 补偿月数：[L1] min(剩余 18 个月, 上限 24 个月) = 18 个月  〔《实施方案》三(三)3〕",
      "  4. 租金损失补偿（年租金 × 月数 ÷ 12 × 补偿比例，四舍五入）：[L1] 年租金 12,345.67 元 × 18 个月 ÷ 12 × 补偿比例 0.5 = 9,259.25 元（舍入到分，舍入前为 9,259.2525 元）  〔《实施方案》三(三)3〕",
      "     参数「租金损失补偿比例」0.5，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  5. 剩余租期（整月）：[L2] 清退日期 2016-06-30 至租期届满日 2016-09-30，剩余整月 = 3 个月  〔《实施方案》三(三)3〕",
      "  6. 补偿月数：[L2] min(剩余 3 个月, 上限 24 个月) = 3 个月  〔《实施方案》三(三)3〕",
      "  7. 租金损失补偿（年租金 × 月数 ÷ 12 × 补偿比例，四舍五入）：[L2] 年租金 12,000.00 元 × 3 个月 ÷ 12 × 补偿比例 0.5 = 1,500.00 元  〔《实施方案》三(三)3〕",
      "     参数「租金损失补偿比例」0.5，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  8. 场地补偿（每亩标准 × 面积，四舍五入）：工业大院每亩 1,000 元 × 10.5 亩 = 10,500.00 元  〔《实施方案》三(三)3〕",
      "     参数「场地补偿每亩标准·工业大院」1,000 元/亩，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  9. 村集体补偿合计：租金损失 9,259.25 + 1,500.00 + 场地补偿 10,500.00 = 21,259.25 元  〔《实施方案》三(三)3〕",
    ]);
  });

  it("no lease: the site part alone, in English and Chinese", () => {
    expect(lines(noLease(), "en")).toEqual([
      "V-1 · village-collective compensation · 台湖镇 · rule set test vt",
      "Eligible: yes",
      "Amounts: municipal ¥0.00, district ¥5,000.00, total ¥5,000.00",
      "In capitals: 人民币伍仟元整",
      "Payee: village-collective 东下营村",
      "Basis: illustrative — the result uses placeholder parameters: an estimate for planning, not an official amount",
      "Why:",
      "  · The collective of 东下营村 is compensated for clearing its breeding zone of 10 mu: lost rent of 0 lease(s) plus the site part, 5,000.00 yuan in all.  〔《实施方案》三(三)3, 四(十五)〕",
      "How each figure was computed:",
      "  1. site part (per mu × area, rounded) (village.sitePart): breeding zone 500 yuan/mu × 10 mu = 5,000.00 yuan  〔《实施方案》三(三)3〕",
      '     parameter "site part per mu·breeding zone" (village.perMu.breeding-zone) 500 yuan/mu, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  2. village-collective compensation (village.total): site part 5,000.00 = 5,000.00 yuan  〔《实施方案》三(三)3〕",
    ]);
    expect(lines(noLease(), "zh")).toEqual([
      "V-1 · 村集体经济组织补偿 · 台湖镇 · 规则集 test vt",
      "是否符合条件：是",
      "金额：市级 ¥0.00，区级 ¥5,000.00，合计 ¥5,000.00",
      "大写：人民币伍仟元整",
      "收款方：村集体经济组织 东下营村",
      "依据：示例值（非官方数字）——结果含示例参数，仅供测算，不得作为正式金额",
      "理由：",
      "  · 东下营村村集体经济组织清退养殖小区10亩，按0份租赁合同的租金损失加场地补偿，合计5,000.00元。  〔《实施方案》三(三)3, 四(十五)〕",
      "计算过程：",
      "  1. 场地补偿（每亩标准 × 面积，四舍五入）：养殖小区每亩 500 元 × 10 亩 = 5,000.00 元  〔《实施方案》三(三)3〕",
      "     参数「场地补偿每亩标准·养殖小区」500 元/亩，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  2. 村集体补偿合计：场地补偿 5,000.00 = 5,000.00 元  〔《实施方案》三(三)3〕",
    ]);
  });
});

// A lease that ended before the clearance, one capped at 24 of its 48 months, and leases in force (2 mu) larger than
// the site (1.5 mu): each finding in both languages, with its figures.
const withFindings = () =>
  villageCompensation(
    villageCase({ landAreaMu: "1.5" }, [
      { leaseEndsOn: "2016-05-31" },
      { leaseEndsOn: "2020-06-30", landAreaMu: "2", annualRent: "10000" },
    ]),
    rules,
  ) as OutcomeBase;
const section = (all: string[], from: string, to: string) => all.slice(all.indexOf(from), all.indexOf(to));

describe("village compensation findings explained", () => {
  it("in English", () => {
    const all = lines(withFindings(), "en");
    expect(section(all, "Findings:", "How each figure was computed:")).toEqual([
      "Findings:",
      "  ! [L1] Lease L1 (租户1) ended on 2016-05-31, before the clearance on 2016-06-30: no rent was lost, so it is compensated at 0.",
      "  ! [L2] Lease L2 (租户2) had 48 whole months left; only 24 months (2 years) are compensated.",
      "  ! The leases in force at clearance cover 2 mu, more than the site's 1.5 mu: check the leases against the site.",
    ]);
    expect(all).toContain(
      "  · The collective of 东下营村 is compensated for clearing its industrial compound of 1.5 mu: lost rent of 2 lease(s) plus the site part, 11,500.00 yuan in all.  〔《实施方案》三(三)3, 四(十五)〕",
    );
  });

  it("in Chinese", () => {
    const all = lines(withFindings(), "zh");
    expect(section(all, "需关注：", "计算过程：")).toEqual([
      "需关注：",
      "  ! [L1] 租赁合同L1（承租方租户1）已于2016-05-31到期，早于清退日期2016-06-30，无租金损失，按0补偿。",
      "  ! [L2] 租赁合同L2（承租方租户2）剩余租期48个整月，超过补偿年限上限2年，按24个月补偿。",
      "  ! 清退时有效租赁合同的土地面积合计2亩，超过地块面积1.5亩，请核对租赁合同与地块。",
    ]);
    expect(all).toContain(
      "  · 东下营村村集体经济组织清退工业大院1.5亩，按2份租赁合同的租金损失加场地补偿，合计11,500.00元。  〔《实施方案》三(三)3, 四(十五)〕",
    );
  });
});
