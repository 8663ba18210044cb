import type { Case } from "../schemas/cases.js";
import type { CaseKind, MessageCatalog } from "../trace/types.js";
import type { Domain } from "./domain.js";
import { enterpriseExitDomain } from "./enterprise-reward/index.js";
import { structureClearanceDomain } from "./land-clearing-fee/index.js";
import { townshipTransferDomain } from "./township-transfer/index.js";
import { villageCompensationDomain } from "./village-compensation/index.js";

/** The rule domain of each case kind. */
export const domains: { readonly [K in CaseKind]: Domain<Extract<Case, { kind: K }>> } = {
  "enterprise-exit": enterpriseExitDomain,
  "structure-clearance": structureClearanceDomain,
  "village-compensation": villageCompensationDomain,
  "township-transfer": townshipTransferDomain,
};

export function domainOf<C extends Case>(facts: C): Domain<C> {
  return domains[facts.kind] as unknown as Domain<C>;
}

/** Every domain's texts, for `explain`. */
export const messageCatalogs: readonly MessageCatalog[] = Object.values(domains).map((domain) => domain.messages);
