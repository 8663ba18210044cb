import { describe, expect, it } from "vitest";
import { explain } from "../../../src/rules/explain.js";
import type { OutcomeBase } from "../../../src/trace/types.js";
import { townshipTransfer } from "../../support/outcomes.js";
import { rules, transferCase } from "./cases.js";

// The explanation of a township transfer, every line in both languages, on the test rule set (township share of the
// local part 0.5, threshold 0.1, coverage 0.5; the bundled local shares: VAT 0.5, income tax 0.4, other 1). By hand:
// E1 gives 40,000 × 0.25 + 10,000 × 0.2 + 3,000 × 0.5 = 13,500.00, E2 1,000 × 0.25 = 250.00; lost 13,750.00 of
// 100,000.00 is 0.1375 ≥ 0.1, so 13,750.00 × 0.5 = 6,875.00 is due. A single exit of 100 of VAT gives 25.00, 0.00025:
// no transfer, but the targets are still reduced. Outcomes are computed inside each test (not when the file loads),
// so that mutation testing sees which tests run them.
const due = () =>
  townshipTransfer(
    transferCase({}, [
      { priorYearTax: { vat: "40000", corporateIncome: "10000", other: "3000" }, priorYearOutput: "500000" },
      { priorYearTax: { vat: "1000" } },
    ]),
    rules,
  ) as OutcomeBase;
const notDue = () => townshipTransfer(transferCase({}, [{ priorYearTax: { vat: "100" } }]), rules) as OutcomeBase;

const lines = (outcome: OutcomeBase, lang: "en" | "zh") => explain(outcome, { lang }).split("\n");
// The Chinese lines of the bundled transfer.localShare parameters are checked on their own: each keeps every part of
// its clause, the VAT part's date in force said in Chinese (it was dropped for its English "from"), then compared without.
const LOCAL_SHARE_CLAUSE =
  "依据：增值税: 国发〔2016〕26号 中央分享50%、地方分享50% (自 2016-05-01 起, S18)；所得税: 国发〔2003〕26号 60:40 (S19)；其他税种: 国发〔1993〕85号 地方固定收入 (S25)";
const withoutLocalShareCitation = (all: string[]) => {
  const cited = all.filter((line) => line.startsWith("     参数「地方分享比例"));
  expect(cited).toHaveLength(3);
  for (const line of cited) expect(line.endsWith(`，${LOCAL_SHARE_CLAUSE}`), line).toBe(true);
  return all.filter((line) => !cited.includes(line));
};

describe("township transfer explained, each step in words with its arithmetic", () => {
  it("a transfer due, in English", () => {
    expect(lines(due(), "en")).toEqual([
      "T-1 · township transfer · 台湖镇 · rule set test vt",
      "Eligible: yes",
      "Amounts: municipal ¥0.00, district ¥6,875.00, total ¥6,875.00",
      "In capitals: 人民币陆仟捌佰柒拾伍元整",
      "Payee: township 台湖镇",
      "Basis: illustrative — the result uses placeholder parameters: an estimate for planning, not an official amount",
      "Why:",
      '  Condition "impact threshold met": met (impact ratio 0.1375 ≥ 0.1) → a transfer is due  〔《实施方案》四(十四)4〕',
      "How each figure was computed:",
      "  1. township share of a tax (local share × township share of local) (transfer.townshipShare): VAT: local share 0.5 × township share of local 0.5 = 0.25 (as on 2016-12-31)  〔《实施方案》四(十四)4〕",
      '     parameter "local share·VAT" (transfer.localShare.vat) 0.5, from 2016-05-01, official, source: S18, clause: 增值税: 国发〔2016〕26号 中央分享50%、地方分享50% (from 2016-05-01, S18); 所得税: 国发〔2003〕26号 60:40 (S19); 其他税种: 国发〔1993〕85号 地方固定收入 (S25)',
      '     parameter "township share of local·VAT" (transfer.townshipShareOfLocal.vat) 0.5, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  2. township share of a tax (local share × township share of local) (transfer.townshipShare): corporate income tax: local share 0.4 × township share of local 0.5 = 0.2 (as on 2016-12-31)  〔《实施方案》四(十四)4〕",
      '     parameter "local share·corporate income tax" (transfer.localShare.corporateIncome) 0.4, from 2016-05-01, official, source: S18, clause: 增值税: 国发〔2016〕26号 中央分享50%、地方分享50% (from 2016-05-01, S18); 所得税: 国发〔2003〕26号 60:40 (S19); 其他税种: 国发〔1993〕85号 地方固定收入 (S25)',
      '     parameter "township share of local·corporate income tax" (transfer.townshipShareOfLocal.corporateIncome) 0.5, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  3. township share of a tax (local share × township share of local) (transfer.townshipShare): other taxes: local share 1 × township share of local 0.5 = 0.5 (as on 2016-12-31)  〔《实施方案》四(十四)4〕",
      '     parameter "local share·other taxes" (transfer.localShare.other) 1, from 2016-05-01, official, source: S18, clause: 增值税: 国发〔2016〕26号 中央分享50%、地方分享50% (from 2016-05-01, S18); 所得税: 国发〔2003〕26号 60:40 (S19); 其他税种: 国发〔1993〕85号 地方固定收入 (S25)',
      '     parameter "township share of local·other taxes" (transfer.townshipShareOfLocal.other) 0.5, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  4. fiscal capacity an exited enterprise's prior-year taxes gave the township (rounded) (transfer.enterpriseLostCapacity): [E1] VAT 40,000.00 yuan × 0.25 + corporate income tax 10,000.00 yuan × 0.2 + other taxes 3,000.00 yuan × 0.5 = 13,500.00 yuan  〔《实施方案》四(十四)4〕",
      "  5. fiscal capacity an exited enterprise's prior-year taxes gave the township (rounded) (transfer.enterpriseLostCapacity): [E2] VAT 1,000.00 yuan × 0.25 + corporate income tax 0.00 yuan × 0.2 + other taxes 0.00 yuan × 0.5 = 250.00 yuan  〔《实施方案》四(十四)4〕",
      "  6. lost fiscal capacity (transfer.lostCapacity): sum over the 2 exited enterprises = 13,750.00 yuan  〔《实施方案》四(十四)4〕",
      "  7. impact ratio (lost capacity ÷ prior-year capacity) (transfer.impactRatio): lost capacity 13,750.00 yuan ÷ prior-year capacity 100,000.00 yuan = 0.1375  〔《实施方案》四(十四)4〕",
      "  8. impact threshold met (transfer.eligibility): impact ratio 0.1375 ≥ threshold 0.1: met  〔《实施方案》四(十四)4〕",
      '     parameter "impact threshold" (transfer.impactThreshold) 0.1, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  9. fiscal transfer (lost capacity × coverage, rounded) (transfer.amount): lost capacity 13,750.00 yuan × coverage 0.5 = 6,875.00 yuan  〔《实施方案》四(十四)4; 京华时报 (S1)〕",
      '     parameter "coverage of the lost capacity" (transfer.coverage) 0.5, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  10. reduction of the township's tax target (transfer.taxTarget): by the lost capacity 13,750.00 yuan = 13,750.00 yuan  〔《实施方案》四(十四)4, 四(二十)2〕",
      "  11. reduction of the township's output target (transfer.outputTarget): sum of the 2 exited enterprises' prior-year output (1 gave no prior-year output: counted as 0) = 500,000.00 yuan  〔《实施方案》四(十四)4, 四(十九)3, 四(六)5〕",
    ]);
  });

  it("a transfer due, in Chinese", () => {
    expect(withoutLocalShareCitation(lines(due(), "zh"))).toEqual([
      "T-1 · 乡镇财政转移支付 · 台湖镇 · 规则集 test vt",
      "是否符合条件：是",
      "金额：市级 ¥0.00，区级 ¥6,875.00，合计 ¥6,875.00",
      "大写：人民币陆仟捌佰柒拾伍元整",
      "收款方：乡镇人民政府 台湖镇",
      "依据：示例值（非官方数字）——结果含示例参数，仅供测算，不得作为正式金额",
      "理由：",
      "  条件「达到受影响较大认定比例」：满足（影响比例 0.1375 ≥ 0.1） → 给予财政转移支付  〔《实施方案》四(十四)4〕",
      "计算过程：",
      "  1. 乡镇分享比例（地方分享比例 × 乡镇分享地方部分比例）：增值税：地方分享比例 0.5 × 乡镇分享地方部分比例 0.5 = 0.25（2016-12-31 的比例）  〔《实施方案》四(十四)4〕",
      "     参数「乡镇分享地方部分比例·增值税」0.5，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  2. 乡镇分享比例（地方分享比例 × 乡镇分享地方部分比例）：企业所得税：地方分享比例 0.4 × 乡镇分享地方部分比例 0.5 = 0.2（2016-12-31 的比例）  〔《实施方案》四(十四)4〕",
      "     参数「乡镇分享地方部分比例·企业所得税」0.5，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  3. 乡镇分享比例（地方分享比例 × 乡镇分享地方部分比例）：其他税收：地方分享比例 1 × 乡镇分享地方部分比例 0.5 = 0.5（2016-12-31 的比例）  〔《实施方案》四(十四)4〕",
      "     参数「乡镇分享地方部分比例·其他税收」0.5，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  4. 退出企业上年度税收形成的乡镇财力（四舍五入）：[E1] 增值税 40,000.00 元 × 0.25 + 企业所得税 10,000.00 元 × 0.2 + 其他税收 3,000.00 元 × 0.5 = 13,500.00 元  〔《实施方案》四(十四)4〕",
      "  5. 退出企业上年度税收形成的乡镇财力（四舍五入）：[E2] 增值税 1,000.00 元 × 0.25 + 企业所得税 0.00 元 × 0.2 + 其他税收 0.00 元 × 0.5 = 250.00 元  〔《实施方案》四(十四)4〕",
      "  6. 减少的乡镇财力合计：2 家退出企业形成的财力之和 = 13,750.00 元  〔《实施方案》四(十四)4〕",
      "  7. 影响比例（减少财力 ÷ 上年度财力）：减少财力 13,750.00 元 ÷ 上年度财力 100,000.00 元 = 0.1375  〔《实施方案》四(十四)4〕",
      "  8. 是否达到受影响较大认定比例：影响比例 0.1375 ≥ 认定比例 0.1，达到受影响较大认定比例  〔《实施方案》四(十四)4〕",
      "     参数「受影响较大认定比例」0.1，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  9. 财政转移支付（减少财力 × 覆盖比例，四舍五入）：减少财力 13,750.00 元 × 覆盖比例 0.5 = 6,875.00 元  〔《实施方案》四(十四)4；京华时报 (S1)〕",
      "     参数「转移支付覆盖比例」0.5，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  10. 核减乡镇税收指标：按减少财力 13,750.00 元 核减 = 13,750.00 元  〔《实施方案》四(十四)4, 四(二十)2〕",
      "  11. 核减乡镇产值指标：2 家退出企业上年度产值之和（其中 1 家未填上年度产值，按 0 计） = 500,000.00 元  〔《实施方案》四(十四)4, 四(十九)3, 四(六)5〕",
    ]);
  });

  it("no transfer, in English and Chinese", () => {
    expect(lines(notDue(), "en")).toEqual([
      "T-1 · township transfer · 台湖镇 · rule set test vt",
      "Eligible: no",
      "Amounts: municipal ¥0.00, district ¥0.00, total ¥0.00",
      "In capitals: 人民币零元整",
      "Payee: township 台湖镇",
      "Basis: illustrative — the result uses placeholder parameters: an estimate for planning, not an official amount",
      "Why:",
      '  Condition "impact threshold met": not met (impact ratio 0.00025 < 0.1) → no transfer (the targets are still reduced)  〔《实施方案》四(十四)4〕',
      "How each figure was computed:",
      "  1. township share of a tax (local share × township share of local) (transfer.townshipShare): VAT: local share 0.5 × township share of local 0.5 = 0.25 (as on 2016-12-31)  〔《实施方案》四(十四)4〕",
      '     parameter "local share·VAT" (transfer.localShare.vat) 0.5, from 2016-05-01, official, source: S18, clause: 增值税: 国发〔2016〕26号 中央分享50%、地方分享50% (from 2016-05-01, S18); 所得税: 国发〔2003〕26号 60:40 (S19); 其他税种: 国发〔1993〕85号 地方固定收入 (S25)',
      '     parameter "township share of local·VAT" (transfer.townshipShareOfLocal.vat) 0.5, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  2. township share of a tax (local share × township share of local) (transfer.townshipShare): corporate income tax: local share 0.4 × township share of local 0.5 = 0.2 (as on 2016-12-31)  〔《实施方案》四(十四)4〕",
      '     parameter "local share·corporate income tax" (transfer.localShare.corporateIncome) 0.4, from 2016-05-01, official, source: S18, clause: 增值税: 国发〔2016〕26号 中央分享50%、地方分享50% (from 2016-05-01, S18); 所得税: 国发〔2003〕26号 60:40 (S19); 其他税种: 国发〔1993〕85号 地方固定收入 (S25)',
      '     parameter "township share of local·corporate income tax" (transfer.townshipShareOfLocal.corporateIncome) 0.5, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  3. township share of a tax (local share × township share of local) (transfer.townshipShare): other taxes: local share 1 × township share of local 0.5 = 0.5 (as on 2016-12-31)  〔《实施方案》四(十四)4〕",
      '     parameter "local share·other taxes" (transfer.localShare.other) 1, from 2016-05-01, official, source: S18, clause: 增值税: 国发〔2016〕26号 中央分享50%、地方分享50% (from 2016-05-01, S18); 所得税: 国发〔2003〕26号 60:40 (S19); 其他税种: 国发〔1993〕85号 地方固定收入 (S25)',
      '     parameter "township share of local·other taxes" (transfer.townshipShareOfLocal.other) 0.5, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  4. fiscal capacity an exited enterprise's prior-year taxes gave the township (rounded) (transfer.enterpriseLostCapacity): [E1] VAT 100.00 yuan × 0.25 + corporate income tax 0.00 yuan × 0.2 + other taxes 0.00 yuan × 0.5 = 25.00 yuan  〔《实施方案》四(十四)4〕",
      "  5. lost fiscal capacity (transfer.lostCapacity): sum over the 1 exited enterprises = 25.00 yuan  〔《实施方案》四(十四)4〕",
      "  6. impact ratio (lost capacity ÷ prior-year capacity) (transfer.impactRatio): lost capacity 25.00 yuan ÷ prior-year capacity 100,000.00 yuan = 0.00025  〔《实施方案》四(十四)4〕",
      "  7. impact threshold met (transfer.eligibility): impact ratio 0.00025 < threshold 0.1: not met  〔《实施方案》四(十四)4〕",
      '     parameter "impact threshold" (transfer.impactThreshold) 0.1, from 2000-01-01, illustrative (a placeholder, not an official figure)',
      "  8. fiscal transfer (lost capacity × coverage, rounded) (transfer.amount): the threshold is not met: no transfer = 0.00 yuan  〔《实施方案》四(十四)4; 京华时报 (S1)〕",
      "  9. reduction of the township's tax target (transfer.taxTarget): by the lost capacity 25.00 yuan = 25.00 yuan  〔《实施方案》四(十四)4, 四(二十)2〕",
      "  10. reduction of the township's output target (transfer.outputTarget): sum of the 1 exited enterprises' prior-year output (1 gave no prior-year output: counted as 0) = 0.00 yuan  〔《实施方案》四(十四)4, 四(十九)3, 四(六)5〕",
    ]);
    expect(withoutLocalShareCitation(lines(notDue(), "zh"))).toEqual([
      "T-1 · 乡镇财政转移支付 · 台湖镇 · 规则集 test vt",
      "是否符合条件：否",
      "金额：市级 ¥0.00，区级 ¥0.00，合计 ¥0.00",
      "大写：人民币零元整",
      "收款方：乡镇人民政府 台湖镇",
      "依据：示例值（非官方数字）——结果含示例参数，仅供测算，不得作为正式金额",
      "理由：",
      "  条件「达到受影响较大认定比例」：不满足（影响比例 0.00025 < 0.1） → 不予转移支付（仍核减相关指标）  〔《实施方案》四(十四)4〕",
      "计算过程：",
      "  1. 乡镇分享比例（地方分享比例 × 乡镇分享地方部分比例）：增值税：地方分享比例 0.5 × 乡镇分享地方部分比例 0.5 = 0.25（2016-12-31 的比例）  〔《实施方案》四(十四)4〕",
      "     参数「乡镇分享地方部分比例·增值税」0.5，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  2. 乡镇分享比例（地方分享比例 × 乡镇分享地方部分比例）：企业所得税：地方分享比例 0.4 × 乡镇分享地方部分比例 0.5 = 0.2（2016-12-31 的比例）  〔《实施方案》四(十四)4〕",
      "     参数「乡镇分享地方部分比例·企业所得税」0.5，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  3. 乡镇分享比例（地方分享比例 × 乡镇分享地方部分比例）：其他税收：地方分享比例 1 × 乡镇分享地方部分比例 0.5 = 0.5（2016-12-31 的比例）  〔《实施方案》四(十四)4〕",
      "     参数「乡镇分享地方部分比例·其他税收」0.5，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  4. 退出企业上年度税收形成的乡镇财力（四舍五入）：[E1] 增值税 100.00 元 × 0.25 + 企业所得税 0.00 元 × 0.2 + 其他税收 0.00 元 × 0.5 = 25.00 元  〔《实施方案》四(十四)4〕",
      "  5. 减少的乡镇财力合计：1 家退出企业形成的财力之和 = 25.00 元  〔《实施方案》四(十四)4〕",
      "  6. 影响比例（减少财力 ÷ 上年度财力）：减少财力 25.00 元 ÷ 上年度财力 100,000.00 元 = 0.00025  〔《实施方案》四(十四)4〕",
      "  7. 是否达到受影响较大认定比例：影响比例 0.00025 < 认定比例 0.1，未达到受影响较大认定比例  〔《实施方案》四(十四)4〕",
      "     参数「受影响较大认定比例」0.1，自 2000-01-01 起，示例值（非官方数字，仅供测算）",
      "  8. 财政转移支付（减少财力 × 覆盖比例，四舍五入）：未达到受影响较大认定比例，不予转移支付 = 0.00 元  〔《实施方案》四(十四)4；京华时报 (S1)〕",
      "  9. 核减乡镇税收指标：按减少财力 25.00 元 核减 = 25.00 元  〔《实施方案》四(十四)4, 四(二十)2〕",
      "  10. 核减乡镇产值指标：1 家退出企业上年度产值之和（其中 1 家未填上年度产值，按 0 计） = 0.00 元  〔《实施方案》四(十四)4, 四(十九)3, 四(六)5〕",
    ]);
  });
});

describe("township transfer explained: a rounded transfer, every enterprise with its output", () => {
  // One exit, VAT 1 × 0.25 = 0.25 of a prior-year capacity of 1.00: 0.25 ≥ 0.1, due 0.25 × 0.5 = 0.125 → 0.13 (half up);
  // both enterprises gave their output (10 + 0), so no "counted as 0" note.
  const rounded = () =>
    townshipTransfer(
      transferCase({ priorYearRevenue: "1" }, [
        { priorYearTax: { vat: "1" }, priorYearOutput: "10" },
        { priorYearTax: {}, priorYearOutput: "0" },
      ]),
      rules,
    ) as OutcomeBase;
  const step = (all: string[], n: number) => all.find((line) => line.startsWith(`  ${n}. `));

  it("in English", () => {
    const all = lines(rounded(), "en");
    expect(step(all, 6)).toBe(
      "  6. lost fiscal capacity (transfer.lostCapacity): sum over the 2 exited enterprises = 0.25 yuan  〔《实施方案》四(十四)4〕",
    );
    expect(step(all, 9)).toBe(
      "  9. fiscal transfer (lost capacity × coverage, rounded) (transfer.amount): lost capacity 0.25 yuan × coverage 0.5 = 0.13 yuan (rounded to the fen from 0.125)  〔《实施方案》四(十四)4; 京华时报 (S1)〕",
    );
    expect(step(all, 11)).toBe(
      "  11. reduction of the township's output target (transfer.outputTarget): sum of the 2 exited enterprises' prior-year output = 10.00 yuan  〔《实施方案》四(十四)4, 四(十九)3, 四(六)5〕",
    );
  });

  it("in Chinese", () => {
    const all = lines(rounded(), "zh");
    expect(step(all, 9)).toBe(
      "  9. 财政转移支付（减少财力 × 覆盖比例，四舍五入）：减少财力 0.25 元 × 覆盖比例 0.5 = 0.13 元（舍入到分，舍入前为 0.125 元）  〔《实施方案》四(十四)4；京华时报 (S1)〕",
    );
    expect(step(all, 11)).toBe(
      "  11. 核减乡镇产值指标：2 家退出企业上年度产值之和 = 10.00 元  〔《实施方案》四(十四)4, 四(十九)3, 四(六)5〕",
    );
  });

  it("the trace records each enterprise's loss and the transfer before rounding", () => {
    const trace = rounded().trace;
    expect(trace.find((s) => s.rule === "transfer.lostCapacity")?.inputs).toEqual({ enterprises: ["0.25", "0.00"] });
    expect(trace.find((s) => s.rule === "transfer.amount")?.inputs).toEqual({
      lostCapacity: "0.25",
      eligible: true,
      unrounded: "0.125",
    });
    expect(trace.find((s) => s.rule === "transfer.amount" && s.value === "0.13")).toBeDefined();
  });
});
