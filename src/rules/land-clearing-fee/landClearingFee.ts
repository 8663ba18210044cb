import { Dec, ZERO, dec } from "../../money/decimal.js";
import { roundMoney } from "../../money/round.js";
import type { ClearanceRate, IsoDate } from "../../parameters/types.js";
import type { ClearanceItem } from "../../schemas/cases.js";
import { asMoney, figure, type Rule } from "../algebra.js";
import { structureClearanceParameters as p } from "./parameters.js";

/** The fee of one item and what it was computed from. */
export interface ItemFee {
  readonly approvedType: string;
  readonly approvedQuantity: Dec;
  readonly unit: ClearanceRate["unit"];
  readonly rate: Dec;
  readonly fee: Dec;
}

/**
 * 核定数量 · approved quantity — the quantity of an item the fee is paid on.
 *
 * @remarks
 * 《实施方案》四(十一)4 and 四(十四)3: paid on what the housing commission verified, never more than the
 * township declared. An item built after `clearance.cutoffDate` (抢建) is approved at 0; so is an unsurveyed
 * item when `clearance.requireSurvey` is true. Otherwise min(declared, surveyed), or the declared quantity
 * when the survey is not required.
 * @example approvedQuantity({ id: "1", structureType: "simple", quantity: "120", survey: { structureType: "simple", quantity: "100" } }, "2016-06-14", true) // Dec 100
 * @category land-clearing-fee
 */
export function approvedQuantity(item: ClearanceItem, cutoffDate: IsoDate, requireSurvey: boolean): Dec {
  if (item.builtOn !== undefined && item.builtOn > cutoffDate) return ZERO;
  if (item.survey === undefined) return requireSurvey ? ZERO : dec(item.quantity);
  return Dec.min(dec(item.quantity), dec(item.survey.quantity));
}

/**
 * 腾地经费 · land-clearing fee — the fee of one verified structure: round(rate of the approved type × approved quantity).
 *
 * @remarks
 * 《实施方案》四(十一)4, 四(十四)3. Approved type = the surveyed type when surveyed, else the declared one;
 * the quantity is {@link approvedQuantity}. Reads `clearance.rates`[approved type], `clearance.cutoffDate` and
 * `clearance.requireSurvey` on `declaredOn`. Types and units were checked by `checkDeclaration`.
 * Step `clearance.fee`.
 * @example landClearingFee({ id: "1", structureType: "brick-concrete", quantity: "120" }, ctx).value.fee // 7200 at 60 元/㎡, survey not required
 * @category land-clearing-fee
 */
export const landClearingFee: Rule<ClearanceItem, ItemFee> = figure(
  "clearance.fee",
  (item: ClearanceItem, read, ctx): ItemFee => {
    const approvedType = item.survey?.structureType ?? item.structureType;
    const rate = read(p.rates, approvedType);
    const quantity = approvedQuantity(item, read(p.cutoffDate), read(p.requireSurvey));
    return {
      approvedType,
      approvedQuantity: quantity,
      unit: rate.unit,
      rate: rate.rate,
      fee: roundMoney(rate.rate.times(quantity), ctx.rounding),
    };
  },
  {
    inputs: (item, fee, ctx) => ({
      itemId: item.id,
      declaredType: item.structureType,
      declaredQuantity: item.quantity,
      surveyedType: item.survey?.structureType,
      surveyedQuantity: item.survey?.quantity,
      builtOn: item.builtOn,
      approvedType: fee.approvedType,
      approvedQuantity: fee.approvedQuantity,
      unit: fee.unit,
      rate: fee.rate,
      unrounded: fee.rate.times(fee.approvedQuantity),
      rounding: ctx.rounding,
    }),
    show: ({ fee }, ctx) => asMoney(fee, ctx),
  },
);
