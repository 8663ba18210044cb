import { type Dec, ZERO, dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import type { ExitedEnterprise } from "../../schemas/cases.js";
import { TAX_TYPES } from "../../vocabulary.js";
import { figure, type Rule } from "../algebra.js";
import type { Shares } from "./shares.js";

/** One exited enterprise as `detail.enterprises` shows it (its prior-year taxes as given). */
export interface EnterpriseRow {
  readonly id: string;
  readonly vat: string;
  readonly corporateIncome: string;
  readonly other: string;
  readonly lostCapacity: string;
}

/** An enterprise's lost capacity: the rounded amount and its row. */
export interface LostCapacity {
  readonly amount: Dec;
  readonly row: EnterpriseRow;
}

/**
 * 退出企业形成的乡镇财力 · an enterprise's lost capacity — the township's fiscal capacity that one exited enterprise's prior-year taxes formed.
 *
 * @remarks
 * 《实施方案》四(十四)4 (basis reported by 京华时报, S1: 以退出企业上年度税收形成的财力为标准).
 * round(Σ priorYearTax[type] × township share[type]), rounded once per enterprise. Step `transfer.enterpriseLostCapacity`.
 *
 * @example
 * // VAT 100,000 × 0.125 + income tax 40,000 × 0.1 + other 10,000 × 0.25 → 12,500 + 4,000 + 2,500 = 19,000.00
 * @category township-transfer
 */
export const enterpriseLostCapacity: Rule<
  ExitedEnterprise & { readonly shares: Shares },
  LostCapacity & { readonly exact: Dec }
> = figure(
  "transfer.enterpriseLostCapacity",
  (enterprise: ExitedEnterprise & { readonly shares: Shares }, _read, ctx) => {
    const exact = TAX_TYPES.reduce(
      (sum, type) => sum.plus(dec(enterprise.priorYearTax[type]).times(enterprise.shares[type])),
      ZERO,
    );
    const amount = roundMoney(exact, ctx.rounding);
    const { vat, corporateIncome, other } = enterprise.priorYearTax;
    return {
      exact,
      amount,
      row: { id: enterprise.id, vat, corporateIncome, other, lostCapacity: toMoneyString(amount, ctx.rounding) },
    };
  },
  {
    inputs: (enterprise, { exact }) => ({
      enterpriseId: enterprise.id,
      vat: enterprise.priorYearTax.vat,
      corporateIncome: enterprise.priorYearTax.corporateIncome,
      other: enterprise.priorYearTax.other,
      shares: enterprise.shares,
      unrounded: exact,
    }),
    show: ({ row }) => row.lostCapacity,
  },
);
