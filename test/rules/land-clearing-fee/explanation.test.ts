import { describe, expect, it } from "vitest";
import { computeBatch } from "../../../src/batch/compute.js";
import { extendDomain } from "../../../src/rules/domain.js";
import { explain } from "../../../src/rules/explain.js";
import { programme } from "../../../src/rules/programme.js";
import { structureClearance, verifyDeclaration, verifyItem } from "../../../src/rules/land-clearing-fee/index.js";
import { StructureClearanceSchema } from "../../../src/schemas/cases.js";
import { contextOn } from "../../support/outcomes.js";
import type { OutcomeBase } from "../../../src/trace/types.js";
import { RULES, clean, clearanceRules, declaration, verifyOne } from "./support.js";

// Every text an auditor reads of three declarations, in both languages, on the test rates (brick-concrete 60 元/㎡,
// brick-wood 45, steel-frame 35, enclosure-wall 40 元/米, other-structure 1,000 元/项; cut-off 2016-06-14). By hand:
// A (survey required): I1 120 × 60 = 7,200.00; I2 declared brick-concrete 120.5 (9,999 declared; 120.5 × 60 = 7,230.00),
// surveyed brick-wood 100.25 → 100.25 × 45 = 4,511.25; I3 built 2016-07-01 after the cut-off → 0 (declared 2 × 1,000 =
// 2,000, the same); I4 unsurveyed → 0. Approved 11,711.25; declared 7,200 + 9,999 + 2,000 + 400 = 19,599.00 (mixed basis).
// B (survey not required, every amount declared): I1 0.125 × 35 = 4.375 → 4.38; I2 unsurveyed, approved as declared
// 10 × 45 = 450.00 (declared 450.004); I3 built on the cut-off day itself: not rush-built, 3 × 1,000. Declared
// 4.38 + 450.004 + 3,000 = 3,454.384 → 3,454.38, approved 3,454.38, difference 0.00.
// C (no amount declared): I1 declared 80 under the surveyed 100 → 80 × 60 = 4,800.00; I2 12.5 m × 40 = 500.00.
// Outcomes are computed inside each test, so that mutation testing sees which tests run them.
const A = () =>
  verifyOne(
    declaration([
      clean("brick-concrete", "120"),
      {
        structureType: "brick-concrete",
        quantity: "120.5",
        declaredAmount: "9999",
        survey: { structureType: "brick-wood", quantity: "100.25" },
      },
      { structureType: "other-structure", quantity: "2", builtOn: "2016-07-01", declaredAmount: "2000" },
      { structureType: "enclosure-wall", quantity: "10" },
    ]),
  ) as OutcomeBase;
const B = () =>
  verifyOne(
    declaration([
      {
        structureType: "steel-frame",
        quantity: "0.125",
        declaredAmount: "4.38",
        survey: { structureType: "steel-frame", quantity: "0.125" },
      },
      { structureType: "brick-wood", quantity: "10", declaredAmount: "450.004" },
      {
        structureType: "other-structure",
        quantity: "3",
        builtOn: "2016-06-14",
        declaredAmount: "3000",
        survey: { structureType: "other-structure", quantity: "3" },
      },
    ]),
    clearanceRules({ requireSurvey: false }),
  ) as OutcomeBase;
const C = () =>
  verifyOne(
    declaration([
      { structureType: "brick-concrete", quantity: "80", survey: { structureType: "brick-concrete", quantity: "100" } },
      {
        structureType: "enclosure-wall",
        quantity: "12.5",
        builtOn: "2016-06-13",
        survey: { structureType: "enclosure-wall", quantity: "12.5" },
      },
    ]),
  ) as OutcomeBase;
const CASES = { A, B, C };
const lines = (outcome: OutcomeBase, lang: "en" | "zh") => explain(outcome, { lang }).split("\n");

describe("a land-clearing-fee declaration explained, every line in both languages", () => {
  it("A in English", () => {
    expect(lines(CASES.A(), "en")).toEqual([
      "D1 · land-clearing fee declaration · 台湖镇 · rule set test vt",
      "Eligible: yes",
      "Amounts: municipal ¥0.00, district ¥11,711.25, total ¥11,711.25",
      "In capitals: 人民币壹万壹仟柒佰壹拾壹元贰角伍分",
      "Payee: township 台湖镇",
      "Basis: illustrative — the result uses placeholder parameters: an estimate for planning, not an official amount",
      "Why:",
      "  · 4 item(s) verified: 2 surveyed by the housing commission, 2 approved with a fee, 2 approved at 0, 3 with findings  〔《实施方案》四(十一)4〕",
      "  · the district finance bureau pays the approved 11,711.25 yuan in full, directly to the government of 台湖镇  〔《实施方案》四(十四)3〕",
      "Findings:",
      "  ! [I2] declared as brick-concrete but the survey found brick-wood; approved at the rate of the surveyed type",
      "  ! [I2] declared 120.5 m² but the survey measured 100.25 m²; approved at the surveyed quantity",
      "  ! [I2] declared amount 9,999.00 yuan differs from 7,230.00 yuan, the declared 120.5 m² of brick-concrete at 60 yuan",
      "  ! [I3] built on 2016-07-01, after the cut-off date 2016-06-14 (a rush-built structure, 抢建): approved at 0",
      "  ! [I3] not surveyed by the housing commission: approved at 0, because only verified quantities are paid",
      "  ! [I4] not surveyed by the housing commission: approved at 0, because only verified quantities are paid",
      "How each figure was computed:",
      "  1. fee at the rates for the declared type and quantity (clearance.declaredFee): [I1] brick-concrete 120 m² × 60 yuan/m² = 7,200.00 yuan (no declared amount: this is the declared value)  〔《实施方案》四(三十二)10〕",
      '     parameter "land-clearing rate·brick-concrete" (clearance.rates.brick-concrete) 60 yuan/m², from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  2. land-clearing fee of an item (approved quantity × rate of the approved type) (clearance.fee): [I1] approved brick-concrete 120 m² × 60 yuan/m² = 7,200.00 yuan  〔《实施方案》四(十一)4, 四(十四)3〕",
      '     parameter "land-clearing rate·brick-concrete" (clearance.rates.brick-concrete) 60 yuan/m², from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "cut-off date (rush-built after it)" (clearance.cutoffDate) 2016-06-14, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "survey by the housing commission required" (clearance.requireSurvey) yes, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  3. fee at the rates for the declared type and quantity (clearance.declaredFee): [I2] brick-concrete 120.5 m² × 60 yuan/m² = 7,230.00 yuan (declared amount 9,999.00 yuan, different: see the findings)  〔《实施方案》四(三十二)10〕",
      '     parameter "land-clearing rate·brick-concrete" (clearance.rates.brick-concrete) 60 yuan/m², from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  4. land-clearing fee of an item (approved quantity × rate of the approved type) (clearance.fee): [I2] approved brick-wood 100.25 m² × 45 yuan/m² = 4,511.25 yuan (declared brick-concrete 120.5 m², surveyed brick-wood 100.25 m²: see the findings)  〔《实施方案》四(十一)4, 四(十四)3〕",
      '     parameter "land-clearing rate·brick-wood" (clearance.rates.brick-wood) 45 yuan/m², from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "cut-off date (rush-built after it)" (clearance.cutoffDate) 2016-06-14, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "survey by the housing commission required" (clearance.requireSurvey) yes, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  5. fee at the rates for the declared type and quantity (clearance.declaredFee): [I3] other structure 2 item(s) × 1,000 yuan/item(s) = 2,000.00 yuan (declared amount 2,000.00 yuan, the same)  〔《实施方案》四(三十二)10〕",
      '     parameter "land-clearing rate·other structure" (clearance.rates.other-structure) 1,000 yuan/item(s), from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  6. land-clearing fee of an item (approved quantity × rate of the approved type) (clearance.fee): [I3] approved other structure 0 item(s) × 1,000 yuan/item(s) = 0.00 yuan (declared other structure 2 item(s), not surveyed: see the findings)  〔《实施方案》四(十一)4, 四(十四)3〕",
      '     parameter "land-clearing rate·other structure" (clearance.rates.other-structure) 1,000 yuan/item(s), from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "cut-off date (rush-built after it)" (clearance.cutoffDate) 2016-06-14, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "survey by the housing commission required" (clearance.requireSurvey) yes, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  7. fee at the rates for the declared type and quantity (clearance.declaredFee): [I4] enclosure wall 10 m × 40 yuan/m = 400.00 yuan (no declared amount: this is the declared value)  〔《实施方案》四(三十二)10〕",
      '     parameter "land-clearing rate·enclosure wall" (clearance.rates.enclosure-wall) 40 yuan/m, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  8. land-clearing fee of an item (approved quantity × rate of the approved type) (clearance.fee): [I4] approved enclosure wall 0 m × 40 yuan/m = 0.00 yuan (declared enclosure wall 10 m, not surveyed: see the findings)  〔《实施方案》四(十一)4, 四(十四)3〕",
      '     parameter "land-clearing rate·enclosure wall" (clearance.rates.enclosure-wall) 40 yuan/m, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "cut-off date (rush-built after it)" (clearance.cutoffDate) 2016-06-14, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "survey by the housing commission required" (clearance.requireSurvey) yes, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  9. declared total (clearance.totals.declared): sum of the 4 items' declared amounts (the fee at the rates where none was declared) = 19,599.00 yuan  〔《实施方案》四(三十二)10〕",
      "  10. approved total (sum of the item fees) (clearance.totals.approved): sum of the 4 items' approved fees = 11,711.25 yuan  〔《实施方案》四(十四)3〕",
      "  11. difference (approved − declared) (clearance.totals.difference): approved 11,711.25 yuan − declared 19,599.00 yuan = -7,887.75 yuan  〔《实施方案》四(十一)4〕",
    ]);
  });

  it("A in Chinese", () => {
    expect(lines(CASES.A(), "zh")).toEqual([
      "D1 · 腾地经费申报核定 · 台湖镇 · 规则集 test vt",
      "是否符合条件：是",
      "金额：市级 ¥0.00，区级 ¥11,711.25，合计 ¥11,711.25",
      "大写：人民币壹万壹仟柒佰壹拾壹元贰角伍分",
      "收款方：乡镇人民政府 台湖镇",
      "依据：示例值（非官方数字）——结果含示例参数，仅供测算，不得作为正式金额",
      "理由：",
      "  · 共核定地上物 4 项：经住建委核定测量 2 项，核定有经费 2 项，核定为 0 的 2 项，有问题 3 项  〔《实施方案》四(十一)4〕",
      "  · 由区财政局按核定金额 11,711.25 元足额直接拨付至台湖镇人民政府  〔《实施方案》四(十四)3〕",
      "需关注：",
      "  ! [I2] 申报结构类型为砖混，核定为砖木，按核定类型的标准计算",
      "  ! [I2] 申报数量 120.5㎡ 超过核定测量数量 100.25㎡，按核定数量计算",
      "  ! [I2] 申报金额 9,999.00 元与按申报类型和数量测算的 7,230.00 元不符（砖混 120.5㎡ × 60 元）",
      "  ! [I3] 建成日期 2016-07-01 晚于截止日 2016-06-14，属抢建，核定为 0",
      "  ! [I3] 未经住建委核定测量，核定为 0（按住建委核定的数量拨付）",
      "  ! [I4] 未经住建委核定测量，核定为 0（按住建委核定的数量拨付）",
      "计算过程：",
      "  1. 按申报类型和数量测算的腾地经费：[I1] 砖混 120 ㎡ × 60 元/㎡ = 7,200.00 元（未填申报金额，以此为申报值）  〔《实施方案》四(三十二)10〕",
      "     参数「腾地经费标准·砖混」60 元/㎡，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  2. 核定腾地经费（核定数量 × 核定类型标准）：[I1] 核定 砖混 120 ㎡ × 60 元/㎡ = 7,200.00 元  〔《实施方案》四(十一)4, 四(十四)3〕",
      "     参数「腾地经费标准·砖混」60 元/㎡，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「抢建认定截止日」2016-06-14，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「须经住建委核定测量」是，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  3. 按申报类型和数量测算的腾地经费：[I2] 砖混 120.5 ㎡ × 60 元/㎡ = 7,230.00 元（申报金额 9,999.00 元，不一致，见需关注）  〔《实施方案》四(三十二)10〕",
      "     参数「腾地经费标准·砖混」60 元/㎡，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  4. 核定腾地经费（核定数量 × 核定类型标准）：[I2] 核定 砖木 100.25 ㎡ × 45 元/㎡ = 4,511.25 元（申报 砖混 120.5 ㎡，核定测量 砖木 100.25 ㎡，见需关注）  〔《实施方案》四(十一)4, 四(十四)3〕",
      "     参数「腾地经费标准·砖木」45 元/㎡，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「抢建认定截止日」2016-06-14，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「须经住建委核定测量」是，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  5. 按申报类型和数量测算的腾地经费：[I3] 其他构筑物 2 项 × 1,000 元/项 = 2,000.00 元（申报金额 2,000.00 元，一致）  〔《实施方案》四(三十二)10〕",
      "     参数「腾地经费标准·其他构筑物」1,000 元/项，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  6. 核定腾地经费（核定数量 × 核定类型标准）：[I3] 核定 其他构筑物 0 项 × 1,000 元/项 = 0.00 元（申报 其他构筑物 2 项，未经核定测量，见需关注）  〔《实施方案》四(十一)4, 四(十四)3〕",
      "     参数「腾地经费标准·其他构筑物」1,000 元/项，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「抢建认定截止日」2016-06-14，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「须经住建委核定测量」是，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  7. 按申报类型和数量测算的腾地经费：[I4] 围墙 10 米 × 40 元/米 = 400.00 元（未填申报金额，以此为申报值）  〔《实施方案》四(三十二)10〕",
      "     参数「腾地经费标准·围墙」40 元/米，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  8. 核定腾地经费（核定数量 × 核定类型标准）：[I4] 核定 围墙 0 米 × 40 元/米 = 0.00 元（申报 围墙 10 米，未经核定测量，见需关注）  〔《实施方案》四(十一)4, 四(十四)3〕",
      "     参数「腾地经费标准·围墙」40 元/米，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「抢建认定截止日」2016-06-14，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「须经住建委核定测量」是，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  9. 申报金额合计：4 项申报金额（未填的按申报类型和数量测算）之和 = 19,599.00 元  〔《实施方案》四(三十二)10〕",
      "  10. 核定金额合计（各项核定经费之和）：4 项核定经费之和 = 11,711.25 元  〔《实施方案》四(十四)3〕",
      "  11. 差额（核定 − 申报）：核定 11,711.25 元 − 申报 19,599.00 元 = -7,887.75 元  〔《实施方案》四(十一)4〕",
    ]);
  });

  it("B in English", () => {
    expect(lines(CASES.B(), "en")).toEqual([
      "D1 · land-clearing fee declaration · 台湖镇 · rule set test vt",
      "Eligible: yes",
      "Amounts: municipal ¥0.00, district ¥3,454.38, total ¥3,454.38",
      "In capitals: 人民币叁仟肆佰伍拾肆元叁角捌分",
      "Payee: township 台湖镇",
      "Basis: illustrative — the result uses placeholder parameters: an estimate for planning, not an official amount",
      "Why:",
      "  · 3 item(s) verified: 2 surveyed by the housing commission, 3 approved with a fee, 0 approved at 0, 1 with findings  〔《实施方案》四(十一)4〕",
      "  · the district finance bureau pays the approved 3,454.38 yuan in full, directly to the government of 台湖镇  〔《实施方案》四(十四)3〕",
      "Findings:",
      "  ! [I2] not surveyed by the housing commission: approved as declared, because this rule set does not require a survey",
      "  ! [I2] declared amount 450.004 yuan differs from 450.00 yuan, the declared 10 m² of brick-wood at 45 yuan",
      "How each figure was computed:",
      "  1. fee at the rates for the declared type and quantity (clearance.declaredFee): [I1] steel frame (colour steel) 0.125 m² × 35 yuan/m² = 4.38 yuan (rounded to the fen from 4.375) (declared amount 4.38 yuan, the same)  〔《实施方案》四(三十二)10〕",
      '     parameter "land-clearing rate·steel frame (colour steel)" (clearance.rates.steel-frame) 35 yuan/m², from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  2. land-clearing fee of an item (approved quantity × rate of the approved type) (clearance.fee): [I1] approved steel frame (colour steel) 0.125 m² × 35 yuan/m² = 4.38 yuan (rounded to the fen from 4.375)  〔《实施方案》四(十一)4, 四(十四)3〕",
      '     parameter "land-clearing rate·steel frame (colour steel)" (clearance.rates.steel-frame) 35 yuan/m², from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "cut-off date (rush-built after it)" (clearance.cutoffDate) 2016-06-14, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "survey by the housing commission required" (clearance.requireSurvey) no, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  3. fee at the rates for the declared type and quantity (clearance.declaredFee): [I2] brick-wood 10 m² × 45 yuan/m² = 450.00 yuan (declared amount 450.004 yuan, different: see the findings)  〔《实施方案》四(三十二)10〕",
      '     parameter "land-clearing rate·brick-wood" (clearance.rates.brick-wood) 45 yuan/m², from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  4. land-clearing fee of an item (approved quantity × rate of the approved type) (clearance.fee): [I2] approved brick-wood 10 m² × 45 yuan/m² = 450.00 yuan  〔《实施方案》四(十一)4, 四(十四)3〕",
      '     parameter "land-clearing rate·brick-wood" (clearance.rates.brick-wood) 45 yuan/m², from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "cut-off date (rush-built after it)" (clearance.cutoffDate) 2016-06-14, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "survey by the housing commission required" (clearance.requireSurvey) no, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  5. fee at the rates for the declared type and quantity (clearance.declaredFee): [I3] other structure 3 item(s) × 1,000 yuan/item(s) = 3,000.00 yuan (declared amount 3,000.00 yuan, the same)  〔《实施方案》四(三十二)10〕",
      '     parameter "land-clearing rate·other structure" (clearance.rates.other-structure) 1,000 yuan/item(s), from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  6. land-clearing fee of an item (approved quantity × rate of the approved type) (clearance.fee): [I3] approved other structure 3 item(s) × 1,000 yuan/item(s) = 3,000.00 yuan  〔《实施方案》四(十一)4, 四(十四)3〕",
      '     parameter "land-clearing rate·other structure" (clearance.rates.other-structure) 1,000 yuan/item(s), from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "cut-off date (rush-built after it)" (clearance.cutoffDate) 2016-06-14, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "survey by the housing commission required" (clearance.requireSurvey) no, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  7. declared total (clearance.totals.declared): sum of the 3 items' declared amounts = 3,454.38 yuan  〔《实施方案》四(三十二)10〕",
      "  8. approved total (sum of the item fees) (clearance.totals.approved): sum of the 3 items' approved fees = 3,454.38 yuan  〔《实施方案》四(十四)3〕",
      "  9. difference (approved − declared) (clearance.totals.difference): approved 3,454.38 yuan − declared 3,454.38 yuan = 0.00 yuan  〔《实施方案》四(十一)4〕",
    ]);
  });

  it("B in Chinese", () => {
    expect(lines(CASES.B(), "zh")).toEqual([
      "D1 · 腾地经费申报核定 · 台湖镇 · 规则集 test vt",
      "是否符合条件：是",
      "金额：市级 ¥0.00，区级 ¥3,454.38，合计 ¥3,454.38",
      "大写：人民币叁仟肆佰伍拾肆元叁角捌分",
      "收款方：乡镇人民政府 台湖镇",
      "依据：示例值（非官方数字）——结果含示例参数，仅供测算，不得作为正式金额",
      "理由：",
      "  · 共核定地上物 3 项：经住建委核定测量 2 项，核定有经费 3 项，核定为 0 的 0 项，有问题 1 项  〔《实施方案》四(十一)4〕",
      "  · 由区财政局按核定金额 3,454.38 元足额直接拨付至台湖镇人民政府  〔《实施方案》四(十四)3〕",
      "需关注：",
      "  ! [I2] 未经住建委核定测量，按申报数量计算（本规则集未要求核定测量）",
      "  ! [I2] 申报金额 450.004 元与按申报类型和数量测算的 450.00 元不符（砖木 10㎡ × 45 元）",
      "计算过程：",
      "  1. 按申报类型和数量测算的腾地经费：[I1] 钢结构/彩钢 0.125 ㎡ × 35 元/㎡ = 4.38 元（舍入到分，舍入前为 4.375 元）（申报金额 4.38 元，一致）  〔《实施方案》四(三十二)10〕",
      "     参数「腾地经费标准·钢结构/彩钢」35 元/㎡，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  2. 核定腾地经费（核定数量 × 核定类型标准）：[I1] 核定 钢结构/彩钢 0.125 ㎡ × 35 元/㎡ = 4.38 元（舍入到分，舍入前为 4.375 元）  〔《实施方案》四(十一)4, 四(十四)3〕",
      "     参数「腾地经费标准·钢结构/彩钢」35 元/㎡，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「抢建认定截止日」2016-06-14，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「须经住建委核定测量」否，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  3. 按申报类型和数量测算的腾地经费：[I2] 砖木 10 ㎡ × 45 元/㎡ = 450.00 元（申报金额 450.004 元，不一致，见需关注）  〔《实施方案》四(三十二)10〕",
      "     参数「腾地经费标准·砖木」45 元/㎡，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  4. 核定腾地经费（核定数量 × 核定类型标准）：[I2] 核定 砖木 10 ㎡ × 45 元/㎡ = 450.00 元  〔《实施方案》四(十一)4, 四(十四)3〕",
      "     参数「腾地经费标准·砖木」45 元/㎡，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「抢建认定截止日」2016-06-14，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「须经住建委核定测量」否，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  5. 按申报类型和数量测算的腾地经费：[I3] 其他构筑物 3 项 × 1,000 元/项 = 3,000.00 元（申报金额 3,000.00 元，一致）  〔《实施方案》四(三十二)10〕",
      "     参数「腾地经费标准·其他构筑物」1,000 元/项，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  6. 核定腾地经费（核定数量 × 核定类型标准）：[I3] 核定 其他构筑物 3 项 × 1,000 元/项 = 3,000.00 元  〔《实施方案》四(十一)4, 四(十四)3〕",
      "     参数「腾地经费标准·其他构筑物」1,000 元/项，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「抢建认定截止日」2016-06-14，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「须经住建委核定测量」否，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  7. 申报金额合计：3 项申报金额之和 = 3,454.38 元  〔《实施方案》四(三十二)10〕",
      "  8. 核定金额合计（各项核定经费之和）：3 项核定经费之和 = 3,454.38 元  〔《实施方案》四(十四)3〕",
      "  9. 差额（核定 − 申报）：核定 3,454.38 元 − 申报 3,454.38 元 = 0.00 元  〔《实施方案》四(十一)4〕",
    ]);
  });

  it("C in English", () => {
    expect(lines(CASES.C(), "en")).toEqual([
      "D1 · land-clearing fee declaration · 台湖镇 · rule set test vt",
      "Eligible: yes",
      "Amounts: municipal ¥0.00, district ¥5,300.00, total ¥5,300.00",
      "In capitals: 人民币伍仟叁佰元整",
      "Payee: township 台湖镇",
      "Basis: illustrative — the result uses placeholder parameters: an estimate for planning, not an official amount",
      "Why:",
      "  · 2 item(s) verified: 2 surveyed by the housing commission, 2 approved with a fee, 0 approved at 0, 0 with findings  〔《实施方案》四(十一)4〕",
      "  · the district finance bureau pays the approved 5,300.00 yuan in full, directly to the government of 台湖镇  〔《实施方案》四(十四)3〕",
      "How each figure was computed:",
      "  1. fee at the rates for the declared type and quantity (clearance.declaredFee): [I1] brick-concrete 80 m² × 60 yuan/m² = 4,800.00 yuan (no declared amount: this is the declared value)  〔《实施方案》四(三十二)10〕",
      '     parameter "land-clearing rate·brick-concrete" (clearance.rates.brick-concrete) 60 yuan/m², from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  2. land-clearing fee of an item (approved quantity × rate of the approved type) (clearance.fee): [I1] approved brick-concrete 80 m² × 60 yuan/m² = 4,800.00 yuan  〔《实施方案》四(十一)4, 四(十四)3〕",
      '     parameter "land-clearing rate·brick-concrete" (clearance.rates.brick-concrete) 60 yuan/m², from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "cut-off date (rush-built after it)" (clearance.cutoffDate) 2016-06-14, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "survey by the housing commission required" (clearance.requireSurvey) yes, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  3. fee at the rates for the declared type and quantity (clearance.declaredFee): [I2] enclosure wall 12.5 m × 40 yuan/m = 500.00 yuan (no declared amount: this is the declared value)  〔《实施方案》四(三十二)10〕",
      '     parameter "land-clearing rate·enclosure wall" (clearance.rates.enclosure-wall) 40 yuan/m, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  4. land-clearing fee of an item (approved quantity × rate of the approved type) (clearance.fee): [I2] approved enclosure wall 12.5 m × 40 yuan/m = 500.00 yuan  〔《实施方案》四(十一)4, 四(十四)3〕",
      '     parameter "land-clearing rate·enclosure wall" (clearance.rates.enclosure-wall) 40 yuan/m, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "cut-off date (rush-built after it)" (clearance.cutoffDate) 2016-06-14, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      '     parameter "survey by the housing commission required" (clearance.requireSurvey) yes, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  5. declared total (clearance.totals.declared): sum of the 2 items' fees at the rates for the declared quantities = 5,300.00 yuan  〔《实施方案》四(三十二)10〕",
      "  6. approved total (sum of the item fees) (clearance.totals.approved): sum of the 2 items' approved fees = 5,300.00 yuan  〔《实施方案》四(十四)3〕",
      "  7. difference (approved − declared) (clearance.totals.difference): approved 5,300.00 yuan − declared 5,300.00 yuan = 0.00 yuan  〔《实施方案》四(十一)4〕",
    ]);
  });

  it("C in Chinese", () => {
    expect(lines(CASES.C(), "zh")).toEqual([
      "D1 · 腾地经费申报核定 · 台湖镇 · 规则集 test vt",
      "是否符合条件：是",
      "金额：市级 ¥0.00，区级 ¥5,300.00，合计 ¥5,300.00",
      "大写：人民币伍仟叁佰元整",
      "收款方：乡镇人民政府 台湖镇",
      "依据：示例值（非官方数字）——结果含示例参数，仅供测算，不得作为正式金额",
      "理由：",
      "  · 共核定地上物 2 项：经住建委核定测量 2 项，核定有经费 2 项，核定为 0 的 0 项，有问题 0 项  〔《实施方案》四(十一)4〕",
      "  · 由区财政局按核定金额 5,300.00 元足额直接拨付至台湖镇人民政府  〔《实施方案》四(十四)3〕",
      "计算过程：",
      "  1. 按申报类型和数量测算的腾地经费：[I1] 砖混 80 ㎡ × 60 元/㎡ = 4,800.00 元（未填申报金额，以此为申报值）  〔《实施方案》四(三十二)10〕",
      "     参数「腾地经费标准·砖混」60 元/㎡，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  2. 核定腾地经费（核定数量 × 核定类型标准）：[I1] 核定 砖混 80 ㎡ × 60 元/㎡ = 4,800.00 元  〔《实施方案》四(十一)4, 四(十四)3〕",
      "     参数「腾地经费标准·砖混」60 元/㎡，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「抢建认定截止日」2016-06-14，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「须经住建委核定测量」是，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  3. 按申报类型和数量测算的腾地经费：[I2] 围墙 12.5 米 × 40 元/米 = 500.00 元（未填申报金额，以此为申报值）  〔《实施方案》四(三十二)10〕",
      "     参数「腾地经费标准·围墙」40 元/米，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  4. 核定腾地经费（核定数量 × 核定类型标准）：[I2] 核定 围墙 12.5 米 × 40 元/米 = 500.00 元  〔《实施方案》四(十一)4, 四(十四)3〕",
      "     参数「腾地经费标准·围墙」40 元/米，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「抢建认定截止日」2016-06-14，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "     参数「须经住建委核定测量」是，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  5. 申报金额合计：2 项按申报类型和数量测算的经费之和 = 5,300.00 元  〔《实施方案》四(三十二)10〕",
      "  6. 核定金额合计（各项核定经费之和）：2 项核定经费之和 = 5,300.00 元  〔《实施方案》四(十四)3〕",
      "  7. 差额（核定 − 申报）：核定 5,300.00 元 − 申报 5,300.00 元 = 0.00 元  〔《实施方案》四(十一)4〕",
    ]);
  });
});

describe("a land-clearing-fee declaration: findings with their item and clause, the sheet rows, reasons and payee", () => {
  it("A (survey required, mixed declared amounts)", () => {
    const outcome = CASES.A();
    expect(outcome.payee).toEqual({
      type: "township",
      id: "台湖镇",
    });
    expect(outcome.reasons).toEqual([
      {
        code: "verified-items",
        message:
          "4 item(s) verified: 2 surveyed by the housing commission, 2 approved with a fee, 2 approved at 0, 3 with findings",
        clause: "《实施方案》四(十一)4",
        decisive: true,
        data: {
          items: 4,
          surveyed: 2,
          paid: 2,
          zero: 2,
          withFindings: 3,
        },
      },
      {
        code: "paid-to-township",
        message:
          "the district finance bureau pays the approved 11,711.25 yuan in full, directly to the government of 台湖镇",
        clause: "《实施方案》四(十四)3",
        decisive: true,
        data: {
          township: "台湖镇",
          approved: "11711.25",
        },
      },
    ]);
    expect(outcome.findings).toEqual([
      {
        code: "type-mismatch",
        message:
          "declared as brick-concrete but the survey found brick-wood; approved at the rate of the surveyed type",
        itemId: "I2",
        clause: "《实施方案》四(十一)4",
        data: {
          declaredType: "brick-concrete",
          surveyedType: "brick-wood",
        },
      },
      {
        code: "quantity-exceeds-survey",
        message: "declared 120.5 m² but the survey measured 100.25 m²; approved at the surveyed quantity",
        itemId: "I2",
        clause: "《实施方案》四(十一)4",
        data: {
          declared: "120.5",
          surveyed: "100.25",
          unit: "m2",
        },
      },
      {
        code: "declared-amount-mismatch",
        message:
          "declared amount 9,999.00 yuan differs from 7,230.00 yuan, the declared 120.5 m² of brick-concrete at 60 yuan",
        itemId: "I2",
        clause: "《实施方案》四(三十二)10",
        data: {
          declaredAmount: "9999",
          expected: "7230.00",
          declaredType: "brick-concrete",
          quantity: "120.5",
          unit: "m2",
          rate: "60",
        },
      },
      {
        code: "built-after-cutoff",
        message: "built on 2016-07-01, after the cut-off date 2016-06-14 (a rush-built structure, 抢建): approved at 0",
        itemId: "I3",
        data: {
          builtOn: "2016-07-01",
          cutoffDate: "2016-06-14",
        },
      },
      {
        code: "unsurveyed",
        message: "not surveyed by the housing commission: approved at 0, because only verified quantities are paid",
        itemId: "I3",
        clause: "《实施方案》四(十四)3",
        data: {
          required: true,
        },
      },
      {
        code: "unsurveyed",
        message: "not surveyed by the housing commission: approved at 0, because only verified quantities are paid",
        itemId: "I4",
        clause: "《实施方案》四(十四)3",
        data: {
          required: true,
        },
      },
    ]);
    expect(outcome.detail).toStrictEqual({
      village: "次渠村",
      site: "test site",
      declaredOn: "2016-09-01",
      items: [
        {
          id: "I1",
          declaredType: "brick-concrete",
          declaredQuantity: "120",
          approvedType: "brick-concrete",
          approvedQuantity: "120",
          unit: "m2",
          rate: "60",
          fee: "7200.00",
          findings: [],
        },
        {
          id: "I2",
          declaredType: "brick-concrete",
          declaredQuantity: "120.5",
          approvedType: "brick-wood",
          approvedQuantity: "100.25",
          unit: "m2",
          rate: "45",
          fee: "4511.25",
          declaredAmount: "9999",
          findings: ["type-mismatch", "quantity-exceeds-survey", "declared-amount-mismatch"],
        },
        {
          id: "I3",
          declaredType: "other-structure",
          declaredQuantity: "2",
          approvedType: "other-structure",
          approvedQuantity: "0",
          unit: "item",
          rate: "1000",
          fee: "0.00",
          declaredAmount: "2000",
          findings: ["built-after-cutoff", "unsurveyed"],
        },
        {
          id: "I4",
          declaredType: "enclosure-wall",
          declaredQuantity: "10",
          approvedType: "enclosure-wall",
          approvedQuantity: "0",
          unit: "m",
          rate: "40",
          fee: "0.00",
          findings: ["unsurveyed"],
        },
      ],
      totals: {
        declared: "19599.00",
        approved: "11711.25",
        difference: "-7887.75",
      },
      declaredBasis: "mixed",
      declaredByItem: [
        {
          id: "I1",
          amount: "7200.00",
          basis: "declared-quantity-at-rate",
        },
        {
          id: "I2",
          amount: "9999",
          basis: "declared-amount",
        },
        {
          id: "I3",
          amount: "2000",
          basis: "declared-amount",
        },
        {
          id: "I4",
          amount: "400.00",
          basis: "declared-quantity-at-rate",
        },
      ],
    });
    expect(structureClearance.budgetLine(outcome as never)).toBe("structure-clearance");
  });

  it("B (survey not required, every amount declared)", () => {
    const outcome = CASES.B();
    expect(outcome.payee).toEqual({
      type: "township",
      id: "台湖镇",
    });
    expect(outcome.reasons).toEqual([
      {
        code: "verified-items",
        message:
          "3 item(s) verified: 2 surveyed by the housing commission, 3 approved with a fee, 0 approved at 0, 1 with findings",
        clause: "《实施方案》四(十一)4",
        decisive: true,
        data: {
          items: 3,
          surveyed: 2,
          paid: 3,
          zero: 0,
          withFindings: 1,
        },
      },
      {
        code: "paid-to-township",
        message:
          "the district finance bureau pays the approved 3,454.38 yuan in full, directly to the government of 台湖镇",
        clause: "《实施方案》四(十四)3",
        decisive: true,
        data: {
          township: "台湖镇",
          approved: "3454.38",
        },
      },
    ]);
    expect(outcome.findings).toEqual([
      {
        code: "unsurveyed",
        message:
          "not surveyed by the housing commission: approved as declared, because this rule set does not require a survey",
        itemId: "I2",
        clause: "《实施方案》四(十四)3",
        data: {
          required: false,
        },
      },
      {
        code: "declared-amount-mismatch",
        message: "declared amount 450.004 yuan differs from 450.00 yuan, the declared 10 m² of brick-wood at 45 yuan",
        itemId: "I2",
        clause: "《实施方案》四(三十二)10",
        data: {
          declaredAmount: "450.004",
          expected: "450.00",
          declaredType: "brick-wood",
          quantity: "10",
          unit: "m2",
          rate: "45",
        },
      },
    ]);
    expect(outcome.detail).toStrictEqual({
      village: "次渠村",
      site: "test site",
      declaredOn: "2016-09-01",
      items: [
        {
          id: "I1",
          declaredType: "steel-frame",
          declaredQuantity: "0.125",
          approvedType: "steel-frame",
          approvedQuantity: "0.125",
          unit: "m2",
          rate: "35",
          fee: "4.38",
          declaredAmount: "4.38",
          findings: [],
        },
        {
          id: "I2",
          declaredType: "brick-wood",
          declaredQuantity: "10",
          approvedType: "brick-wood",
          approvedQuantity: "10",
          unit: "m2",
          rate: "45",
          fee: "450.00",
          declaredAmount: "450.004",
          findings: ["unsurveyed", "declared-amount-mismatch"],
        },
        {
          id: "I3",
          declaredType: "other-structure",
          declaredQuantity: "3",
          approvedType: "other-structure",
          approvedQuantity: "3",
          unit: "item",
          rate: "1000",
          fee: "3000.00",
          declaredAmount: "3000",
          findings: [],
        },
      ],
      totals: {
        declared: "3454.38",
        approved: "3454.38",
        difference: "0.00",
      },
      declaredBasis: "declared-amounts",
      declaredByItem: [
        {
          id: "I1",
          amount: "4.38",
          basis: "declared-amount",
        },
        {
          id: "I2",
          amount: "450.004",
          basis: "declared-amount",
        },
        {
          id: "I3",
          amount: "3000",
          basis: "declared-amount",
        },
      ],
    });
    expect(structureClearance.budgetLine(outcome as never)).toBe("structure-clearance");
  });

  it("C (no amount declared)", () => {
    const outcome = CASES.C();
    expect(outcome.payee).toEqual({
      type: "township",
      id: "台湖镇",
    });
    expect(outcome.reasons).toEqual([
      {
        code: "verified-items",
        message:
          "2 item(s) verified: 2 surveyed by the housing commission, 2 approved with a fee, 0 approved at 0, 0 with findings",
        clause: "《实施方案》四(十一)4",
        decisive: true,
        data: {
          items: 2,
          surveyed: 2,
          paid: 2,
          zero: 0,
          withFindings: 0,
        },
      },
      {
        code: "paid-to-township",
        message:
          "the district finance bureau pays the approved 5,300.00 yuan in full, directly to the government of 台湖镇",
        clause: "《实施方案》四(十四)3",
        decisive: true,
        data: {
          township: "台湖镇",
          approved: "5300.00",
        },
      },
    ]);
    expect(outcome.findings).toEqual([]);
    expect(outcome.detail).toStrictEqual({
      village: "次渠村",
      site: "test site",
      declaredOn: "2016-09-01",
      items: [
        {
          id: "I1",
          declaredType: "brick-concrete",
          declaredQuantity: "80",
          approvedType: "brick-concrete",
          approvedQuantity: "80",
          unit: "m2",
          rate: "60",
          fee: "4800.00",
          findings: [],
        },
        {
          id: "I2",
          declaredType: "enclosure-wall",
          declaredQuantity: "12.5",
          approvedType: "enclosure-wall",
          approvedQuantity: "12.5",
          unit: "m",
          rate: "40",
          fee: "500.00",
          findings: [],
        },
      ],
      totals: {
        declared: "5300.00",
        approved: "5300.00",
        difference: "0.00",
      },
      declaredBasis: "declared-quantities-at-rates",
      declaredByItem: [
        {
          id: "I1",
          amount: "4800.00",
          basis: "declared-quantity-at-rate",
        },
        {
          id: "I2",
          amount: "500.00",
          basis: "declared-quantity-at-rate",
        },
      ],
    });
    expect(structureClearance.budgetLine(outcome as never)).toBe("structure-clearance");
  });
});

describe("the totals as the trace records them (the figures each sentence is written from)", () => {
  it("C: each item's declared value and approved fee, the basis, and the two totals the difference is taken from", () => {
    const inputs = (rule: string) => CASES.C().trace.find((step) => step.rule === rule)?.inputs;
    expect(inputs("clearance.totals.declared")).toEqual({
      basis: "declared-quantities-at-rates",
      items: ["4800.00", "500.00"],
    });
    expect(inputs("clearance.totals.approved")).toEqual({ fees: ["4800.00", "500.00"] });
    expect(inputs("clearance.totals.difference")).toEqual({ approved: "5300.00", declared: "5300.00" });
  });
});

describe("the payment rule built from the domain's parts", () => {
  it("verifies declaration A as the programme does: amounts, reasons and findings", () => {
    const facts = StructureClearanceSchema.parse(
      declaration([
        clean("brick-concrete", "120"),
        {
          structureType: "brick-concrete",
          quantity: "120.5",
          survey: { structureType: "brick-wood", quantity: "100.25" },
        },
      ]),
    );
    const result = verifyDeclaration(structureClearance.parts)(facts, contextOn(RULES, facts.declaredOn));
    // 120 × 60 = 7,200.00 and 100.25 × 45 = 4,511.25 approved; 7,200.00 + 7,230.00 declared at the rates.
    expect(result.value.district.toString()).toBe("11711.25");
    expect(result.value.detail.totals).toEqual({ declared: "14430.00", approved: "11711.25", difference: "-2718.75" });
    expect(result.reasons.map((r) => r.code)).toEqual(["verified-items", "paid-to-township"]);
    expect(result.findings.map((f) => `${f.code}:${f.itemId ?? ""}`)).toEqual([
      "type-mismatch:I2",
      "quantity-exceeds-survey:I2",
    ]);
    const item = verifyItem(structureClearance.parts)(facts.items[1]!, contextOn(RULES, facts.declaredOn));
    expect(item.value.item.fee).toBe("4511.25");
    expect(item.value.declared).toMatchObject({ id: "I2", amount: "7230.00", basis: "declared-quantity-at-rate" });
  });
});

describe("an extension that keeps the domain's fast evaluator but replaces a part", () => {
  it("is computed with its own part: the built-in kernel covers the built-in domain only", () => {
    // Every item's fee doubled: 120 × 60 × 2 = 14,400.00, with and without traces.
    const doubled: typeof structureClearance.parts.landClearingFee = (item, ctx) => {
      const fee = structureClearance.parts.landClearingFee(item, ctx);
      return { ...fee, value: { ...fee.value, fee: fee.value.fee.times(2) } };
    };
    const fast = structureClearance.fast;
    if (fast === undefined) throw new Error("the land-clearing domain has a fast evaluator");
    const extended = programme(extendDomain(structureClearance, { parts: { landClearingFee: doubled }, fast }));
    const input = declaration([clean("brick-concrete", "120")]);
    for (const trace of [true, false]) {
      const document = computeBatch([input], { ruleSet: RULES, programme: extended, trace });
      expect(document.results[0]?.amounts.total).toBe("14400.00");
    }
    expect(computeBatch([input], { ruleSet: RULES, trace: false }).results[0]?.amounts.total).toBe("7200.00");
  });
});
