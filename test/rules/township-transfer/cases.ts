import { TownshipTransferSchema, type TownshipTransfer } from "../../../src/schemas/cases.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";

/**
 * Round test-only numbers: the township keeps half of the local part of each tax, a transfer is due at
 * 10 % of the prior-year capacity, and it covers half the lost capacity. `transfer.localShare` stays the
 * bundled national split (official: VAT 0.25 to 2016-04-30 and 0.5 from 2016-05-01, income tax 0.4,
 * other taxes 1).
 */
export const rules = ruleSetWith({
  "transfer.townshipShareOfLocal": { vat: "0.5", corporateIncome: "0.5", other: "0.5" },
  "transfer.impactThreshold": "0.1",
  "transfer.coverage": "0.5",
});

export interface EnterpriseInput {
  readonly id?: string;
  readonly priorYearTax?: { readonly vat?: string; readonly corporateIncome?: string; readonly other?: string };
  readonly priorYearOutput?: string;
}

/** A township-transfer case as a user writes it: 台湖镇, fiscal year 2017, prior-year capacity 100,000. */
export function transferInput(
  overrides: { readonly [field: string]: unknown } = {},
  enterprises: readonly EnterpriseInput[] = [],
): { readonly [field: string]: unknown } {
  return {
    kind: "township-transfer",
    id: "T-1",
    township: "台湖镇",
    fiscalYear: 2017,
    priorYearRevenue: "100000",
    exitedEnterprises: enterprises.map((enterprise, index) => ({
      id: `E${index + 1}`,
      priorYearTax: {},
      ...enterprise,
    })),
    ...overrides,
  };
}

/** The same, parsed as the rules receive it. */
export function transferCase(
  overrides: { readonly [field: string]: unknown } = {},
  enterprises: readonly EnterpriseInput[] = [],
): TownshipTransfer {
  return TownshipTransferSchema.parse(transferInput(overrides, enterprises));
}
