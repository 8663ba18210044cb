import { Dec, dec, ZERO } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import type { Parameter } from "../../parameters/handles.js";
import { applyScale, scaleParts } from "../../parameters/scale.js";
import type { Scale } from "../../parameters/types.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import { reason } from "../../trace/build.js";
import type { Reason } from "../../trace/types.js";
import { all, asMoney, chain, figure, of, type Context, type Rule } from "../algebra.js";
import { enterpriseRewardMessages as messages } from "./messages.js";
import { enterpriseExitParameters as p } from "./parameters.js";

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

/** A small-enterprise reward: the amount the district pays and its figures. */
export interface SmallReward {
  readonly amount: Dec;
  readonly detail: SmallRewardDetail;
}

/** One component: the scale in force applied to the base, rounded (the plan rewards each indicator in yuan). */
function component(
  rule: string,
  scale: Parameter<Scale>,
  base: (facts: EnterpriseExit) => Dec,
  inputs: (facts: EnterpriseExit, base: Dec) => { readonly [key: string]: unknown },
): Rule<EnterpriseExit, Dec> {
  // The base is computed once, for the amount and for the step's inputs.
  const rounded = figure(
    rule,
    (measured: { readonly facts: EnterpriseExit; readonly base: Dec }, read, ctx) =>
      roundMoney(applyScale(read(scale), measured.base), ctx.rounding),
    {
      // The brackets and the unrounded value, so the explanation shows the scale's arithmetic and its rounding.
      inputs: (measured, _value, ctx) => {
        const parts = scaleParts(ctx.read(scale), measured.base);
        return {
          ...inputs(measured.facts, measured.base),
          brackets: parts,
          unrounded: parts.reduce((sum, part) => sum.plus(part.amount), ZERO),
        };
      },
      show: asMoney,
    },
  );
  return (facts, ctx) => rounded({ facts, base: base(facts) }, ctx);
}

const totalTax = (facts: EnterpriseExit): Dec =>
  dec(facts.priorYearTax.vat).plus(facts.priorYearTax.corporateIncome).plus(facts.priorYearTax.other);

/** 税收贡献 · tax component — `reward.small.taxScale` of the prior year's vat + corporateIncome + other, rounded. */
export const taxComponent = component("reward.small.taxComponent", p.taxScale, totalTax, (facts, total) => ({
  ...facts.priorYearTax,
  totalTax: total,
}));

/** 用工人数 · employee component — `reward.small.employeeScale` of the employees, rounded. */
export const employeeComponent = component(
  "reward.small.employeeComponent",
  p.employeeScale,
  (facts) => dec(facts.employees),
  (facts) => ({ employees: facts.employees }),
);

/** 占地规模 · land component — `reward.small.landScale` of the land area (m²), rounded. */
export const landComponent = component(
  "reward.small.landComponent",
  p.landScale,
  (facts) => dec(facts.landAreaM2),
  (facts) => ({ landAreaM2: facts.landAreaM2 }),
);

interface Components {
  readonly tax: Dec;
  readonly employees: Dec;
  readonly land: Dec;
}

const cappedAmount = figure(
  "reward.small.amount",
  (facts: EnterpriseExit & { readonly components: Components }, read, ctx) => {
    const { tax, employees, land } = facts.components;
    const cap = read(p.smallCap, facts.exitMode);
    const sum = tax.plus(employees).plus(land);
    const amount = roundMoney(Dec.min(cap, sum), ctx.rounding);
    const money = (value: Dec) => toMoneyString(value, ctx.rounding);
    // The figures as shown, written once for the step and for `detail.small`.
    const detail: SmallRewardDetail = {
      tax: money(tax),
      employees: money(employees),
      land: money(land),
      sum: money(sum),
      cap: cap.toString(),
      capApplied: sum.gt(cap),
      amount: money(amount),
    };
    return { cap, amount, detail };
  },
  {
    inputs: (facts, { detail }) => ({
      taxComponent: detail.tax,
      employeeComponent: detail.employees,
      landComponent: detail.land,
      sum: detail.sum,
      exitMode: facts.exitMode,
    }),
    show: ({ detail }) => detail.amount,
  },
);

/**
 * 区级小企业综合奖励 · small-enterprise reward — min(`reward.small.cap`[exitMode], tax + employee + land components), paid by the district.
 *
 * @remarks
 * 京华时报 (S1): lawful small firms that get neither the municipal reward nor the district supplement are assessed on
 * 税收贡献, 用工人数 and 占地规模, with a cap for a whole exit and a lower one for a process exit (the rule set's
 * `reward.small.cap`); paid from the district's exit fund (《实施方案》三(三)2, 四(十四)2). Each component is
 * `reward.small.taxScale` (vat + corporateIncome + other of the prior year), `reward.small.employeeScale`
 * (employees) or `reward.small.landScale` (landAreaM2), rounded; the cap applies to their sum. Parameters are read
 * on `exitCompletedOn`. Steps `reward.small.taxComponent`, `.employeeComponent`, `.landComponent`, `.amount`.
 * Codes: `small-enterprise-reward`, `small-cap-applied`.
 * @example smallEnterpriseReward(facts, ctx).value.amount // 600000 for components 500,000 + 100,000 + 150,000 on a whole exit capped at 600,000
 * @category enterprise-reward
 */
export const smallEnterpriseReward: Rule<EnterpriseExit, SmallReward> = (facts, ctx) =>
  chain(
    all({ tax: taxComponent(facts, ctx), employees: employeeComponent(facts, ctx), land: landComponent(facts, ctx) }),
    (components) =>
      chain(cappedAmount({ ...facts, components }, ctx), ({ cap, amount, detail }) =>
        of({ amount, detail }, { reasons: smallRewardReasons(facts, cap, detail, ctx) }),
      ),
  );

/** The decisive reasons of a small-enterprise reward: `small-enterprise-reward`, and `small-cap-applied` when the cap cut the sum. */
export function smallRewardReasons(
  facts: Pick<EnterpriseExit, "exitMode">,
  cap: Dec,
  detail: SmallRewardDetail,
  ctx: Context,
): Reason[] {
  const clause = ctx.cite("reward.small.amount");
  const decisive = { track: "district-small", decisive: true } as const;
  const reasons = [reason(messages, "small-enterprise-reward", clause, { exitMode: facts.exitMode, cap }, decisive)];
  if (detail.capApplied)
    reasons.push(
      reason(messages, "small-cap-applied", clause, { exitMode: facts.exitMode, sum: detail.sum, cap }, decisive),
    );
  return reasons;
}
