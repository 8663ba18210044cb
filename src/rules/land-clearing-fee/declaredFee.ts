import type { Dec } from "../../money/decimal.js";
import { roundMoney } from "../../money/round.js";
import type { ClearanceItem } from "../../schemas/cases.js";
import { asMoney, chain, figure, of, type Rule } from "../algebra.js";
import { structureClearanceParameters as p } from "./parameters.js";

const declaredFeeFigure = figure(
  "clearance.declaredFee",
  (item: ClearanceItem, read, ctx) => {
    const rate = read(p.rates, item.structureType);
    const unrounded = rate.rate.times(item.quantity);
    return { rate, unrounded, fee: roundMoney(unrounded, ctx.rounding) };
  },
  {
    inputs: (item, { rate, unrounded }, ctx) => ({
      itemId: item.id,
      structureType: item.structureType,
      quantity: item.quantity,
      unit: rate.unit,
      rate: rate.rate,
      unrounded,
      rounding: ctx.rounding,
      declaredAmount: item.declaredAmount,
    }),
    show: ({ fee }, ctx) => asMoney(fee, ctx),
  },
);

/**
 * 申报测算金额 · declared fee — round(rate of the declared type × declared quantity): what the township's
 * declaration is worth at the 测算标准.
 *
 * @remarks 《实施方案》四(三十二)10. The `declared-amount-mismatch` check and (for items without a
 * `declaredAmount`) the declared total use it. Step `clearance.declaredFee`.
 * @example declaredFee({ id: "1", structureType: "brick-concrete", quantity: "33.333" }, ctx).value // Dec 1999.98 at 60 元/㎡
 * @category land-clearing-fee
 */
export const declaredFee: Rule<ClearanceItem, Dec> = (item, ctx) =>
  chain(declaredFeeFigure(item, ctx), ({ fee }) => of(fee));
