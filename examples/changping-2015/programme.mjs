// 昌平区 2015 · the Changping programme: Tongzhou's four domains, with the two bonuses Changping's 2015 rules
// reported (policy research S11) added to the enterprise reward. Written as a district would write it: it
// imports only `exitfund` and `exitfund/rules`, forks nothing, and says nothing a rule set does not say — the
// rates, the date and the citations are in ./rules.json.
//
//   npx exitfund compute examples/changping-2015/cases.json --rules examples/changping-2015/rules.json \
//     --programme examples/changping-2015/programme.mjs
import { formatAmount, roundMoney, toMoneyString } from "exitfund";
import {
  all,
  asMoney,
  chain,
  domains,
  extendDomain,
  field,
  figure,
  of,
  parameter,
  programme,
  reason,
} from "exitfund/rules";

/** 提前退出奖励比例 · the early-exit bonus, a share of the reward total. */
export const earlyExitBonusRate = parameter.decimal(
  "changping.earlyExitBonusRate",
  "提前退出奖励比例 early-exit bonus rate (of the reward total)",
  "share",
);
/** 提前退出截止日 · an exit completed on or before this date is early. */
export const earlyExitBefore = parameter.date("changping.earlyExitBefore", "提前退出截止日 early exit on or before");
/** 按时腾退奖励比例 · the bonus for vacating the occupied land on time, a share of the reward total. */
export const vacatingBonusRate = parameter.decimal(
  "changping.vacatingBonusRate",
  "按时腾退土地奖励比例 vacating bonus rate (of the reward total)",
  "share",
);

/** The texts of the bonuses: their rules (for traces and citations) and their reasons, in Chinese and English. */
const messages = {
  rules: {
    "changping.earlyExitBonus": { zh: "提前退出奖励", en: "early-exit bonus" },
    "changping.vacatingBonus": { zh: "按时腾退土地奖励", en: "bonus for vacating the land on time" },
  },
  codes: {
    "early-exit-bonus": {
      en: (d) =>
        `Exit completed on ${d.exitCompletedOn}, on or before ${d.before}: an early-exit bonus of ${d.percent}% of the reward total ${formatAmount(d.rewardTotal)} yuan, ${formatAmount(d.bonus)} yuan, paid by the district.`,
      zh: (d) =>
        `于${d.exitCompletedOn}完成退出，不晚于${d.before}，按奖励总额${formatAmount(d.rewardTotal)}元的${d.percent}%给予提前退出奖励${formatAmount(d.bonus)}元，由区级支付。`,
    },
    "vacating-bonus": {
      en: (d) =>
        `The occupied land was vacated on time: a bonus of ${d.percent}% of the reward total ${formatAmount(d.rewardTotal)} yuan, ${formatAmount(d.bonus)} yuan, paid by the district.`,
      zh: (d) =>
        `按时腾退占用土地，按奖励总额${formatAmount(d.rewardTotal)}元的${d.percent}%给予奖励${formatAmount(d.bonus)}元，由区级支付。`,
    },
  },
};

/**
 * A bonus: `rate` of the reward total when `applies`, rounded by the rule set's rounding, as one traced step
 * citing the parameters it read; with a reason, in both languages, when it pays something.
 */
function bonus({ rule, code, rate, applies, inputs, data }) {
  const amount = figure(
    rule,
    (facts, read, ctx) =>
      applies(facts, read) ? roundMoney(facts.total.times(read(rate)), ctx.rounding) : facts.total.times(0),
    {
      inputs: (facts, _value, ctx) => ({ rewardTotal: toMoneyString(facts.total, ctx.rounding), ...inputs(facts) }),
      show: asMoney,
    },
  );
  return (facts, ctx) =>
    chain(amount(facts, ctx), (value) => {
      if (value.isZero()) return of(value);
      const quoted = {
        ...data(facts, ctx),
        rewardTotal: toMoneyString(facts.total, ctx.rounding),
        percent: ctx.read(rate).times(100).toString(),
        bonus: toMoneyString(value, ctx.rounding),
      };
      return of(value, { reasons: [reason(messages, code, ctx.cite(rule), quoted)] });
    });
}

/** 提前退出奖励 · `changping.earlyExitBonusRate` × the reward total, for an exit completed on or before `changping.earlyExitBefore`. */
export const earlyExitBonus = bonus({
  rule: "changping.earlyExitBonus",
  code: "early-exit-bonus",
  rate: earlyExitBonusRate,
  applies: (facts, read) => facts.exitCompletedOn <= read(earlyExitBefore),
  inputs: (facts) => ({ exitCompletedOn: facts.exitCompletedOn }),
  data: (facts, ctx) => ({ exitCompletedOn: facts.exitCompletedOn, before: ctx.read(earlyExitBefore) }),
});

/** 按时腾退土地奖励 · `changping.vacatingBonusRate` × the reward total, for an enterprise with `vacatedLandOnTime: true`. */
export const vacatingBonus = bonus({
  rule: "changping.vacatingBonus",
  code: "vacating-bonus",
  rate: vacatingBonusRate,
  applies: (facts) => facts.vacatedLandOnTime === true,
  inputs: (facts) => ({ vacatedLandOnTime: facts.vacatedLandOnTime ?? false }),
  data: () => ({}),
});

/**
 * 昌平区调整退出奖励 · Tongzhou's enterprise reward, then the two bonuses: each computed on the reward total
 * before any bonus (municipal + district), only when that total is above zero, paid by the district.
 */
export const changpingExit = extendDomain(domains.enterpriseExit, {
  fields: { vacatedLandOnTime: field.boolean("按时腾退占用土地 vacated the occupied land on time").optional() },
  parameters: [earlyExitBonusRate, earlyExitBefore, vacatingBonusRate],
  messages,
  payment: (inner) => (facts, ctx) =>
    chain(inner(facts, ctx), (paid) => {
      const total = paid.municipal.plus(paid.district);
      if (!total.gt(0)) return of(paid);
      const withTotal = { ...facts, total };
      const bonuses = all({ early: earlyExitBonus(withTotal, ctx), vacating: vacatingBonus(withTotal, ctx) });
      return chain(bonuses, ({ early, vacating }) =>
        of({
          ...paid,
          district: paid.district.plus(early).plus(vacating),
          detail: {
            ...paid.detail,
            changping: {
              rewardTotal: toMoneyString(total, ctx.rounding),
              earlyExitBonus: toMoneyString(early, ctx.rounding),
              vacatingBonus: toMoneyString(vacating, ctx.rounding),
            },
          },
        }),
      );
    }),
});

/** The programme: the Changping enterprise exit and Tongzhou's three other domains, unchanged. */
export default programme(
  { id: "changping-2015" },
  changpingExit,
  domains.structureClearance,
  domains.villageCompensation,
  domains.townshipTransfer,
);
