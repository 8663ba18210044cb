import { dec, type Dec, type Rounding } from "../../money/decimal.js";
import { toMoneyString } from "../../money/round.js";
import type { ClearanceItem } from "../../schemas/cases.js";
import { finding } from "../../trace/build.js";
import type { Finding } from "../../trace/types.js";
import { chain, of, type Context, type Rule } from "../algebra.js";
import type { ItemFee } from "./landClearingFee.js";
import { landClearingFeeMessages as messages } from "./messages.js";
import { structureClearanceParameters as p } from "./parameters.js";
import type { DeclaredValue, VerifiedItem } from "./types.js";
/** What verifying one item yields: the sheet row, its fee, its declared value and its findings. */
export interface ItemVerification {
  readonly item: VerifiedItem;
  readonly fee: Dec;
  readonly declared: DeclaredValue & { readonly value: Dec };
}

/**
 * 核定问题 · item findings — what needs a person's attention on one item, in this order: `type-mismatch`,
 * `quantity-exceeds-survey`, `built-after-cutoff`, `unsurveyed`, `declared-amount-mismatch`.
 *
 * @remarks 《实施方案》四(十一)4 (cites `clearance.verification`), 四(十四)3 (`clearance.payment`), 四(三十二)10
 * (`clearance.declaredFee`). A finding never changes the fee by itself.
 * @category land-clearing-fee
 */
export const itemFindings: Rule<ClearanceItem & { readonly declaredFee: Dec }, readonly Finding[]> = (item, ctx) => {
  const declaredRate = ctx.read(p.rates, item.structureType);
  const cutoffDate = ctx.read(p.cutoffDate);
  const out: Finding[] = [];
  const add = (code: string, data: { readonly [key: string]: unknown }, rule?: string) =>
    out.push(
      finding(messages, code, data, { itemId: item.id, ...(rule === undefined ? {} : { clause: ctx.cite(rule) }) }),
    );
  if (item.survey !== undefined && item.survey.structureType !== item.structureType)
    add(
      "type-mismatch",
      { declaredType: item.structureType, surveyedType: item.survey.structureType },
      "clearance.verification",
    );
  if (item.survey !== undefined && dec(item.quantity).gt(item.survey.quantity))
    add(
      "quantity-exceeds-survey",
      { declared: item.quantity, surveyed: item.survey.quantity, unit: declaredRate.unit },
      "clearance.verification",
    );
  if (item.builtOn !== undefined && item.builtOn > cutoffDate)
    add("built-after-cutoff", { builtOn: item.builtOn, cutoffDate });
  if (item.survey === undefined) add("unsurveyed", { required: ctx.read(p.requireSurvey) }, "clearance.payment");
  if (item.declaredAmount !== undefined && !dec(item.declaredAmount).eq(item.declaredFee)) {
    const data = {
      declaredAmount: item.declaredAmount,
      expected: toMoneyString(item.declaredFee, ctx.rounding),
      declaredType: item.structureType,
      quantity: item.quantity,
      unit: declaredRate.unit,
      rate: declaredRate.rate,
    };
    add("declared-amount-mismatch", data, "clearance.declaredFee");
  }
  return of(out, { findings: out });
};

/** The parts one item is verified with. */
export interface ItemParts {
  readonly declaredFee: Rule<ClearanceItem, Dec>;
  readonly landClearingFee: Rule<ClearanceItem, ItemFee>;
  readonly itemFindings: Rule<ClearanceItem & { readonly declaredFee: Dec }, readonly Finding[]>;
}

/**
 * 地上物核定 · item verification — one item of a declaration: its declared fee, its land-clearing fee and findings,
 * as the verification sheet shows it (steps `clearance.declaredFee`, `clearance.fee`).
 * @category land-clearing-fee
 */
export function verifyItem(parts: ItemParts): Rule<ClearanceItem, ItemVerification> {
  return (item, ctx) =>
    chain(parts.declaredFee(item, ctx), (atRates) =>
      chain(parts.landClearingFee(item, ctx), (fee) =>
        chain(parts.itemFindings({ ...item, declaredFee: atRates }, ctx), (findings) =>
          of(verification(item, atRates, fee, findings, ctx)),
        ),
      ),
    );
}

function verification(
  item: ClearanceItem,
  atRates: Dec,
  fee: ItemFee,
  findings: readonly Finding[],
  ctx: Context,
): ItemVerification {
  const row: VerifiedItem = {
    id: item.id,
    declaredType: item.structureType,
    declaredQuantity: item.quantity,
    approvedType: fee.approvedType,
    approvedQuantity: fee.approvedQuantity.toString(),
    unit: fee.unit,
    rate: fee.rate.toString(),
    fee: toMoneyString(fee.fee, ctx.rounding),
    ...(item.declaredAmount === undefined ? {} : { declaredAmount: item.declaredAmount }),
    findings: findings.map((f) => f.code),
  };
  return { item: row, fee: fee.fee, declared: declaredValue(item, atRates, ctx.rounding) };
}

/** The item's declared value: its `declaredAmount` when given, else its declared fee at the rates. */
function declaredValue(item: ClearanceItem, atRates: Dec, rounding: Rounding): ItemVerification["declared"] {
  return item.declaredAmount === undefined
    ? { id: item.id, amount: toMoneyString(atRates, rounding), basis: "declared-quantity-at-rate", value: atRates }
    : { id: item.id, amount: item.declaredAmount, basis: "declared-amount", value: dec(item.declaredAmount) };
}
