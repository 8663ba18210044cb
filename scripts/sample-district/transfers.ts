import { Dec, ZERO, dec } from "../../src/money/decimal.js";
import type { RuleSet } from "../../src/parameters/types.js";
import { createContext } from "../../src/rules/context.js";
import { enterpriseLostCapacity } from "../../src/rules/township-transfer/lostCapacity.js";
import { townshipShares } from "../../src/rules/township-transfer/shares.js";
import { reckoningDate } from "../../src/rules/township-transfer/townshipTransfer.js";
import type { CaseInput, TownshipTransfer } from "../../src/schemas/cases.js";
import type { EnterpriseInput } from "./enterprises.js";
import { type Random, scaled } from "./random.js";
import { TOWNSHIPS } from "./townships.js";

export type TransferInput = Extract<CaseInput, { kind: "township-transfer" }>;

export const FISCAL_YEAR = 2017;

type Tax = { vat: string; corporateIncome: string; other: string };
const NO_TAX: Tax = { vat: "0", corporateIncome: "0", other: "0" };

/** The exits a township lost tax from in 2016: licensed firms that exited in 2016, except exempt firms that were retained or are still waiting. */
export function exitedIn2016(enterprise: EnterpriseInput): boolean {
  const stays = enterprise.exemptCategory !== undefined && enterprise.leadingGroupDecision !== "exit";
  return enterprise.licensed && !stays && enterprise.exitCompletedOn.startsWith("2016-");
}

/** Prior-year output (工业总产值) of a firm: some multiple of its taxes, in thousands of yuan. */
function output(random: Random, tax: Tax | undefined): string {
  const taxes = tax === undefined ? ZERO : dec(tax.vat).plus(tax.corporateIncome).plus(tax.other);
  if (taxes.isZero()) return scaled(random.logInt(80, 3_000) * 1000, 0);
  return taxes.times(random.int(6, 18)).dividedBy(1000).ceil().times(1000).toFixed(0);
}

/**
 * 财政转移支付 · one township-transfer case per township for fiscal year 2017: its 2016 exits with the SAME
 * prior-year taxes as their enterprise-exit cases (so the batch cross-check finds nothing), and a prior-year
 * revenue set so that the impact ratio lands near the township's `targetImpact` — above the illustrative
 * 5 % threshold for some townships, below it for others.
 */
export function generateTransfers(
  random: Random,
  enterprises: readonly EnterpriseInput[],
  ruleSet: RuleSet,
): TransferInput[] {
  const { ctx } = createContext(ruleSet, reckoningDate(FISCAL_YEAR), false);
  const shares = townshipShares({} as TownshipTransfer, ctx).value;
  return TOWNSHIPS.map((township) => {
    const exitedEnterprises = enterprises
      .filter((enterprise) => enterprise.township === township.name && exitedIn2016(enterprise))
      .map((enterprise) => {
        const priorYearTax = (enterprise.priorYearTax ?? {}) as Tax;
        return {
          id: enterprise.id,
          priorYearTax,
          ...(random.chance(0.92)
            ? { priorYearOutput: output(random, enterprise.priorYearTax as Tax | undefined) }
            : {}),
        };
      });
    const lost = exitedEnterprises.reduce(
      (sum, enterprise) =>
        sum.plus(
          enterpriseLostCapacity(
            { id: enterprise.id, priorYearTax: { ...NO_TAX, ...enterprise.priorYearTax }, shares },
            ctx,
          ).value.amount,
        ),
      ZERO,
    );
    // Revenue in round ten thousands of yuan, never below one million.
    const revenue = Dec.max(100, lost.dividedBy(township.targetImpact).dividedBy(10_000).toDecimalPlaces(0)).times(
      10_000,
    );
    return {
      kind: "township-transfer",
      id: `T-${FISCAL_YEAR}-${township.short}`,
      township: township.name,
      fiscalYear: FISCAL_YEAR,
      priorYearRevenue: revenue.toFixed(0),
      exitedEnterprises,
    };
  });
}
