import { Dec, dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import { param, paramUse } from "../../parameters/lookup.js";
import { applyScale } from "../../parameters/scale.js";
import type { RuleSet } from "../../parameters/types.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import { reason, step } from "../../trace/build.js";
import type { Reason, TraceStep } from "../../trace/types.js";
import { CLAUSES } from "./clauses.js";
import { enterpriseRewardMessages as messages } from "./messages.js";

/** The figures of a small-enterprise reward (`detail.small`): the rounded components, their sum, the cap for the exit mode, and the amount. */
export interface SmallRewardDetail {
  readonly tax: string;
  readonly employees: string;
  readonly land: string;
  readonly sum: string;
  readonly cap: string;
  readonly capApplied: boolean;
  readonly amount: string;
}

type ScaleName = "reward.small.taxScale" | "reward.small.employeeScale" | "reward.small.landScale";

/** One component: the scale in force applied to the base, rounded (the plan rewards each indicator in yuan). */
function component(
  facts: EnterpriseExit,
  ruleSet: RuleSet,
  scaleName: ScaleName,
  rule: string,
  base: Dec,
  inputs: { readonly [key: string]: unknown },
): { value: Dec; step: TraceStep } {
  const scale = param(ruleSet, scaleName, facts.exitCompletedOn);
  const value = roundMoney(applyScale(scale.value, base), ruleSet.rounding);
  return {
    value,
    step: step(rule, CLAUSES.smallReward, [paramUse(scale)], inputs, toMoneyString(value, ruleSet.rounding)),
  };
}

/**
 * 区级小企业综合奖励 · small-enterprise reward — min(`reward.small.cap`[exitMode], tax + employee + land components), paid by the district.
 *
 * @remarks
 * 京华时报 (S1): lawful small firms that get neither the municipal reward nor the district supplement are assessed on
 * 税收贡献, 用工人数 and 占地规模, “整体退出的最高奖励60万元, 环节退出的最高奖励15万元”; paid from the district's exit
 * fund (《实施方案》三(三)2, 四(十四)2). Each component is `reward.small.taxScale` (vat + corporateIncome + other of the
 * prior year), `reward.small.employeeScale` (employees) or `reward.small.landScale` (landAreaM2), rounded; the cap
 * applies to their sum. Parameters are read on `exitCompletedOn`. Codes: `small-enterprise-reward`, `small-cap-applied`.
 * @example smallEnterpriseReward(facts, ruleSet).amount // 600000 for components 500,000 + 100,000 + 150,000 on a whole exit
 * @category enterprise-reward
 */
export function smallEnterpriseReward(
  facts: EnterpriseExit,
  ruleSet: RuleSet,
): {
  readonly amount: Dec;
  readonly detail: SmallRewardDetail;
  readonly steps: readonly TraceStep[];
  readonly reasons: readonly Reason[];
} {
  const { vat, corporateIncome, other } = facts.priorYearTax;
  const totalTax = dec(vat).plus(corporateIncome).plus(other);
  const tax = component(facts, ruleSet, "reward.small.taxScale", "reward.small.taxComponent", totalTax, {
    vat,
    corporateIncome,
    other,
    totalTax,
  });
  const employees = component(
    facts,
    ruleSet,
    "reward.small.employeeScale",
    "reward.small.employeeComponent",
    dec(facts.employees),
    { employees: facts.employees },
  );
  const land = component(
    facts,
    ruleSet,
    "reward.small.landScale",
    "reward.small.landComponent",
    dec(facts.landAreaM2),
    { landAreaM2: facts.landAreaM2 },
  );
  const caps = param(ruleSet, "reward.small.cap", facts.exitCompletedOn);
  const cap = caps.value[facts.exitMode];
  const sum = tax.value.plus(employees.value).plus(land.value);
  const amount = roundMoney(Dec.min(cap, sum), ruleSet.rounding);
  const money = (value: Dec) => toMoneyString(value, ruleSet.rounding);
  const detail = {
    tax: money(tax.value),
    employees: money(employees.value),
    land: money(land.value),
    sum: money(sum),
    cap: cap.toString(),
    capApplied: sum.gt(cap),
    amount: money(amount),
  };
  const amountStep = step(
    "reward.small.amount",
    CLAUSES.smallReward,
    [paramUse(caps, facts.exitMode)],
    {
      taxComponent: detail.tax,
      employeeComponent: detail.employees,
      landComponent: detail.land,
      sum: detail.sum,
      exitMode: facts.exitMode,
    },
    detail.amount,
  );
  const decisive = { track: "district-small", decisive: true } as const;
  const reasons = [
    reason(messages, "small-enterprise-reward", CLAUSES.smallReward, { exitMode: facts.exitMode, cap }, decisive),
  ];
  if (detail.capApplied)
    reasons.push(
      reason(
        messages,
        "small-cap-applied",
        CLAUSES.smallReward,
        { exitMode: facts.exitMode, sum: detail.sum, cap },
        decisive,
      ),
    );
  return { amount, detail, steps: [tax.step, employees.step, land.step, amountStep], reasons };
}
