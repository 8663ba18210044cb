import { dec } from "../../money/decimal.js";
import type { EnterpriseExit, ExitedEnterprise, TownshipTransfer } from "../../schemas/cases.js";
import { finding } from "../../trace/build.js";
import type { Finding } from "../../trace/types.js";
import { TAX_TYPES } from "../../vocabulary.js";
import type { Context } from "../algebra.js";
import type { CaseFacts, CrossCheck } from "../domain.js";
import { townshipTransferMessages as messages } from "./messages.js";

/**
 * 转移支付交叉核对 · transfer cross-check — where a township transfer disagrees with the batch's enterprise exits.
 *
 * @remarks
 * 《实施方案》四(十四)4, 四(二十)2. A `township-transfer` case lists exited enterprises by id; when the batch
 * also holds the `enterprise-exit` case of that id, the transfer outcome gains `tax-mismatch`
 * (itemId = enterprise id, citing `transfer.taxTarget`) when any prior-year tax (vat, corporateIncome, other,
 * compared as decimals) differs, and `township-mismatch` (citing `transfer.lostCapacity`) when the enterprise's
 * case names another township. It runs in `computeBatch` and `computeStream` alike.
 * @category township-transfer
 */
export const crossCheckTransfer: CrossCheck<TownshipTransfer> = {
  needs: (facts) => facts.exitedEnterprises.map((enterprise) => enterprise.id),
  check: (facts, _outcome, other, ctx) =>
    facts.exitedEnterprises.flatMap((enterprise) => {
      const exit = other(enterprise.id);
      return exit === undefined || exit.kind !== "enterprise-exit"
        ? []
        : mismatches(facts, enterprise, exit as CaseFacts as EnterpriseExit, ctx);
    }),
};

/** The findings for one listed enterprise against its own exit case. */
function mismatches(
  transfer: TownshipTransfer,
  enterprise: ExitedEnterprise,
  exit: EnterpriseExit,
  ctx: Context,
): Finding[] {
  const found: Finding[] = [];
  const taxTypes = TAX_TYPES.filter((type) => !dec(enterprise.priorYearTax[type]).equals(dec(exit.priorYearTax[type])));
  if (taxTypes.length > 0) {
    const pick = (tax: Readonly<Record<string, string>>) =>
      Object.fromEntries(taxTypes.map((type) => [type, tax[type] ?? "0"]));
    const data = {
      enterpriseId: enterprise.id,
      taxTypes,
      inTransfer: pick(enterprise.priorYearTax),
      inEnterpriseExit: pick(exit.priorYearTax),
    };
    found.push(
      finding(messages, "tax-mismatch", data, { itemId: enterprise.id, clause: ctx.cite("transfer.taxTarget") }),
    );
  }
  if (exit.township !== transfer.township) {
    const data = { enterpriseId: enterprise.id, township: transfer.township, enterpriseTownship: exit.township };
    found.push(
      finding(messages, "township-mismatch", data, {
        itemId: enterprise.id,
        clause: ctx.cite("transfer.lostCapacity"),
      }),
    );
  }
  return found;
}
