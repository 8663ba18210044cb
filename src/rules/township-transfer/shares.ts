import type { Dec } from "../../money/decimal.js";
import { TAX_TYPES } from "../../parameters/catalog.js";
import { param, paramUse } from "../../parameters/lookup.js";
import type { IsoDate, RuleSet } from "../../parameters/types.js";
import { step } from "../../trace/build.js";
import type { TraceStep } from "../../trace/types.js";
import { TRANSFER_CLAUSE } from "./clauses.js";

/** A tax type of `priorYearTax`: `vat`, `corporateIncome`, `other`. */
export type TaxType = (typeof TAX_TYPES)[number];

/**
 * 乡镇分享比例 · township share of each tax — `transfer.localShare`[type] × `transfer.townshipShareOfLocal`[type].
 *
 * @remarks
 * 《实施方案》四(十四)4; the local share is the national central/local split (VAT 0.25 before 2016-05-01
 * and 0.5 after, 国发〔2016〕26号; income tax 0.4 since 2004), the township's part of it is illustrative.
 * Read on `reckonedOn`, 31 December of the year before the fiscal year.
 *
 * @example
 * // on 2016-12-31: VAT 0.5 × 0.25 = 0.125
 * @category township-transfer
 */
export function townshipShares(
  ruleSet: RuleSet,
  reckonedOn: IsoDate,
): { readonly shares: Readonly<Record<TaxType, Dec>>; readonly steps: readonly TraceStep[] } {
  const localShare = param(ruleSet, "transfer.localShare", reckonedOn);
  const townshipShareOfLocal = param(ruleSet, "transfer.townshipShareOfLocal", reckonedOn);
  const shares = Object.fromEntries(
    TAX_TYPES.map((type) => [type, localShare.value[type].times(townshipShareOfLocal.value[type])]),
  ) as Record<TaxType, Dec>;
  const steps = TAX_TYPES.map((type) =>
    step(
      "transfer.townshipShare",
      TRANSFER_CLAUSE,
      [paramUse(localShare, type), paramUse(townshipShareOfLocal, type)],
      { taxType: type, reckonedOn },
      shares[type],
    ),
  );
  return { shares, steps };
}
