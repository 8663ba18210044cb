import { type Dec, type Rounding, ZERO, dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import { TAX_TYPES } from "../../parameters/catalog.js";
import type { ExitedEnterprise } from "../../schemas/cases.js";
import { step } from "../../trace/build.js";
import type { TraceStep } from "../../trace/types.js";
import { TRANSFER_CLAUSE } from "./clauses.js";
import type { TaxType } from "./shares.js";

/** One exited enterprise as `detail.enterprises` shows it (its prior-year taxes as given). */
export interface EnterpriseRow {
  readonly id: string;
  readonly vat: string;
  readonly corporateIncome: string;
  readonly other: string;
  readonly lostCapacity: string;
}

/**
 * 退出企业形成的乡镇财力 · an enterprise's lost capacity — the township's fiscal capacity that one exited enterprise's prior-year taxes formed.
 *
 * @remarks
 * 《实施方案》四(十四)4 (basis reported by 京华时报, S1: 以退出企业上年度税收形成的财力为标准).
 * round(Σ priorYearTax[type] × township share[type]), rounded once per enterprise.
 *
 * @example
 * // VAT 100,000 × 0.125 + income tax 40,000 × 0.1 + other 10,000 × 0.25 → 12,500 + 4,000 + 2,500 = 19,000.00
 * @category township-transfer
 */
export function enterpriseLostCapacity(
  enterprise: ExitedEnterprise,
  shares: Readonly<Record<TaxType, Dec>>,
  rounding: Rounding,
): { readonly amount: Dec; readonly row: EnterpriseRow; readonly step: TraceStep } {
  const exact = TAX_TYPES.reduce((sum, type) => sum.plus(dec(enterprise.priorYearTax[type]).times(shares[type])), ZERO);
  const amount = roundMoney(exact, rounding);
  const { vat, corporateIncome, other } = enterprise.priorYearTax;
  return {
    amount,
    row: { id: enterprise.id, vat, corporateIncome, other, lostCapacity: toMoneyString(amount, rounding) },
    step: step(
      "transfer.enterpriseLostCapacity",
      TRANSFER_CLAUSE,
      [],
      { enterpriseId: enterprise.id, vat, corporateIncome, other, shares, unrounded: exact },
      toMoneyString(amount, rounding),
    ),
  };
}
