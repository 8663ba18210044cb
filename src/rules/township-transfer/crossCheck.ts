import { dec } from "../../money/decimal.js";
import { TAX_TYPES } from "../../parameters/catalog.js";
import type { Case, EnterpriseExit, ExitedEnterprise, TownshipTransfer } from "../../schemas/cases.js";
import { finding } from "../../trace/build.js";
import type { Finding, Outcome } from "../../trace/types.js";
import { TAX_TARGET_CLAUSE, TRANSFER_CLAUSE } from "./clauses.js";
import { townshipTransferMessages as messages } from "./messages.js";

/**
 * 转移支付交叉核对 · transfer cross-check — the batch's outcomes, each township transfer with findings where it disagrees with the batch's enterprise exits.
 *
 * @remarks
 * 《实施方案》四(十四)4, 四(二十)2. A `township-transfer` case lists exited enterprises by id; when the batch
 * also holds the `enterprise-exit` case of that id, the transfer outcome gains `tax-mismatch`
 * (itemId = enterprise id) when any prior-year tax (vat, corporateIncome, other, compared as decimals)
 * differs, and `township-mismatch` when the enterprise's case names another township. Outcomes are
 * matched to cases by id (unique in a batch); new outcome objects are returned, other outcomes and the
 * order are left as they are.
 *
 * @example
 * crossCheckTransfers(cases, outcomes); // same length and order as outcomes
 * @category township-transfer
 */
export function crossCheckTransfers(cases: readonly Case[], outcomes: readonly Outcome[]): Outcome[] {
  const exits = new Map<string, EnterpriseExit>();
  const transfers = new Map<string, TownshipTransfer>();
  for (const facts of cases) {
    if (facts.kind === "enterprise-exit") exits.set(facts.id, facts);
    else if (facts.kind === "township-transfer") transfers.set(facts.id, facts);
  }
  return outcomes.map((outcome) => {
    const facts = outcome.kind === "township-transfer" ? transfers.get(outcome.id) : undefined;
    if (facts === undefined) return outcome;
    const extra = facts.exitedEnterprises.flatMap((enterprise) =>
      mismatches(facts, enterprise, exits.get(enterprise.id)),
    );
    return extra.length === 0 ? outcome : { ...outcome, findings: [...outcome.findings, ...extra] };
  });
}

/** The findings for one listed enterprise against its own exit case (none when the batch does not hold it). */
function mismatches(
  transfer: TownshipTransfer,
  enterprise: ExitedEnterprise,
  exit: EnterpriseExit | undefined,
): Finding[] {
  if (exit === undefined) return [];
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
    found.push(finding(messages, "tax-mismatch", data, { itemId: enterprise.id, clause: TAX_TARGET_CLAUSE }));
  }
  if (exit.township !== transfer.township) {
    const data = { enterpriseId: enterprise.id, township: transfer.township, enterpriseTownship: exit.township };
    found.push(finding(messages, "township-mismatch", data, { itemId: enterprise.id, clause: TRANSFER_CLAUSE }));
  }
  return found;
}
