import { assertInvariant } from "../../errors/index.js";
import { Dec, ZERO, dec, type Rounding } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import { paramUse } from "../../parameters/lookup.js";
import type { ClearanceRate, IsoDate } from "../../parameters/types.js";
import type { ClearanceItem } from "../../schemas/cases.js";
import { finding, step } from "../../trace/build.js";
import type { Finding, TraceStep } from "../../trace/types.js";
import { CLAUSE_DECLARE, CLAUSE_FEE, CLAUSE_PAY, CLAUSE_VERIFY } from "./clauses.js";
import { landClearingFeeMessages as messages } from "./messages.js";
import type { ClearanceParameters } from "./parameters.js";
import type { DeclaredFigure, VerifiedItem } from "./types.js";

/** What verifying one item yields: the sheet row, its findings, its declared figure and its trace steps. */
export interface ItemVerification {
  readonly item: VerifiedItem;
  readonly fee: Dec;
  readonly declared: DeclaredFigure & { readonly value: Dec };
  readonly findings: readonly Finding[];
  readonly steps: readonly TraceStep[];
}

/**
 * 核定数量 · approved quantity — the quantity of an item the fee is paid on.
 *
 * @remarks
 * 《实施方案》四(十一)4 and 四(十四)3: paid on what the housing commission verified, never more than the
 * township declared. Parameters are read at the declaration's `declaredOn`. An item built after
 * `clearance.cutoffDate` (抢建) is approved at 0; so is an unsurveyed item when `clearance.requireSurvey`
 * is true. Otherwise min(declared, surveyed), or the declared quantity when the survey is not required.
 * @example approvedQuantity({ id: "1", structureType: "simple", quantity: "120", survey: { structureType: "simple", quantity: "100" } }, "2016-06-14", true) // Dec 100
 * @category land-clearing-fee
 */
export function approvedQuantity(item: ClearanceItem, cutoffDate: IsoDate, requireSurvey: boolean): Dec {
  if (item.builtOn !== undefined && item.builtOn > cutoffDate) return ZERO;
  if (item.survey === undefined) return requireSurvey ? ZERO : dec(item.quantity);
  return Dec.min(dec(item.quantity), dec(item.survey.quantity));
}

/**
 * 申报测算金额 · declared fee at the rates — round(rate of the declared type × declared quantity).
 *
 * @remarks 《实施方案》四(三十二)10: what the township's declaration is worth at the 测算标准; the
 * `declared-amount-mismatch` check and (for items without a `declaredAmount`) the declared total use it.
 * @example declaredFee({ unit: "m2", rate: dec("60") }, "33.333", { scale: 2, mode: "half-up" }) // Dec 1999.98
 * @category land-clearing-fee
 */
export function declaredFee(rate: ClearanceRate, quantity: string, rounding: Rounding): Dec {
  return roundMoney(rate.rate.times(quantity), rounding);
}

/**
 * 地上物核定 · item verification — one item of a declaration: approved type, quantity and fee, with its findings.
 *
 * @remarks
 * 《实施方案》四(十一)4, 四(十四)3. Approved type = the surveyed type when surveyed, else the declared
 * one; fee = round(rate of the approved type × {@link approvedQuantity}). Finding codes, in this order:
 * `type-mismatch`, `quantity-exceeds-survey`, `built-after-cutoff`, `unsurveyed`, `declared-amount-mismatch`.
 * Types and units were checked by `checkDeclaration`.
 * @example verifyItem({ id: "1", structureType: "brick-concrete", quantity: "120" }, parameters, { scale: 2, mode: "half-up" })
 * // item.fee "7200.00" when brick-concrete is 60 元/㎡ and the survey is not required
 * @category land-clearing-fee
 */
export function verifyItem(item: ClearanceItem, parameters: ClearanceParameters, rounding: Rounding): ItemVerification {
  const { rates, cutoffDate, requireSurvey } = parameters;
  const approvedType = item.survey?.structureType ?? item.structureType;
  const rate = rateOf(rates.value, approvedType);
  const quantity = approvedQuantity(item, cutoffDate.value, requireSurvey.value);
  const fee = roundMoney(rate.rate.times(quantity), rounding);
  const declared = declaredFigure(item, parameters, rounding);
  const findings = itemFindings(item, parameters, declared.atRates, rounding);
  const row: VerifiedItem = {
    id: item.id,
    declaredType: item.structureType,
    declaredQuantity: item.quantity,
    approvedType,
    approvedQuantity: quantity.toString(),
    unit: rate.unit,
    rate: rate.rate.toString(),
    fee: toMoneyString(fee, rounding),
    ...(item.declaredAmount === undefined ? {} : { declaredAmount: item.declaredAmount }),
    findings: findings.map((f) => f.code),
  };
  return {
    item: row,
    fee,
    declared: declared.figure,
    findings,
    steps: [declared.step, feeStep(item, row, parameters, rounding)],
  };
}

function rateOf(rates: Readonly<Record<string, ClearanceRate>>, structureType: string): ClearanceRate {
  const rate = rates[structureType];
  assertInvariant(rate !== undefined, `structure type "${structureType}" passed checkDeclaration but has no rate`);
  return rate;
}

/** The `clearance.fee` step: every parameter the approved quantity and fee consulted, and the unrounded product. */
function feeStep(
  item: ClearanceItem,
  row: VerifiedItem,
  parameters: ClearanceParameters,
  rounding: Rounding,
): TraceStep {
  const { rates, cutoffDate, requireSurvey } = parameters;
  return step(
    "clearance.fee",
    CLAUSE_FEE,
    [paramUse(rates, row.approvedType), paramUse(cutoffDate), paramUse(requireSurvey)],
    {
      itemId: item.id,
      declaredType: item.structureType,
      declaredQuantity: item.quantity,
      surveyedType: item.survey?.structureType,
      surveyedQuantity: item.survey?.quantity,
      builtOn: item.builtOn,
      approvedType: row.approvedType,
      approvedQuantity: row.approvedQuantity,
      unit: row.unit,
      rate: row.rate,
      unrounded: dec(row.rate).times(row.approvedQuantity),
      rounding,
    },
    row.fee,
  );
}

/** The item's declared figure: its `declaredAmount` when given, else the declared fee at the rates (recorded as a step either way). */
function declaredFigure(item: ClearanceItem, parameters: ClearanceParameters, rounding: Rounding) {
  const rate = rateOf(parameters.rates.value, item.structureType);
  const atRates = declaredFee(rate, item.quantity, rounding);
  const figure: ItemVerification["declared"] =
    item.declaredAmount === undefined
      ? { id: item.id, amount: toMoneyString(atRates, rounding), basis: "declared-quantity-at-rate", value: atRates }
      : { id: item.id, amount: item.declaredAmount, basis: "declared-amount", value: dec(item.declaredAmount) };
  const declaredStep = step(
    "clearance.declaredFee",
    CLAUSE_DECLARE,
    [paramUse(parameters.rates, item.structureType)],
    {
      itemId: item.id,
      structureType: item.structureType,
      quantity: item.quantity,
      unit: rate.unit,
      rate: rate.rate,
      unrounded: rate.rate.times(item.quantity),
      rounding,
      declaredAmount: item.declaredAmount,
    },
    toMoneyString(atRates, rounding),
  );
  return { atRates, figure, step: declaredStep };
}

function itemFindings(
  item: ClearanceItem,
  parameters: ClearanceParameters,
  atRates: Dec,
  rounding: Rounding,
): Finding[] {
  const { rates, cutoffDate, requireSurvey } = parameters;
  const declaredRate = rateOf(rates.value, item.structureType);
  const out: Finding[] = [];
  const add = (code: string, data: { readonly [key: string]: unknown }, clause?: string) =>
    out.push(finding(messages, code, data, { itemId: item.id, ...(clause === undefined ? {} : { clause }) }));
  if (item.survey !== undefined && item.survey.structureType !== item.structureType) {
    add("type-mismatch", { declaredType: item.structureType, surveyedType: item.survey.structureType }, CLAUSE_VERIFY);
  }
  if (item.survey !== undefined && dec(item.quantity).gt(item.survey.quantity)) {
    add(
      "quantity-exceeds-survey",
      { declared: item.quantity, surveyed: item.survey.quantity, unit: declaredRate.unit },
      CLAUSE_VERIFY,
    );
  }
  if (item.builtOn !== undefined && item.builtOn > cutoffDate.value)
    add("built-after-cutoff", { builtOn: item.builtOn, cutoffDate: cutoffDate.value });
  if (item.survey === undefined) add("unsurveyed", { required: requireSurvey.value }, CLAUSE_PAY);
  if (item.declaredAmount !== undefined && !dec(item.declaredAmount).eq(atRates)) {
    const data = {
      declaredAmount: item.declaredAmount,
      expected: toMoneyString(atRates, rounding),
      declaredType: item.structureType,
      quantity: item.quantity,
      unit: declaredRate.unit,
      rate: declaredRate.rate,
    };
    add("declared-amount-mismatch", data, CLAUSE_DECLARE);
  }
  return out;
}
