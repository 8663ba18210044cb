import {
  CaseSchema,
  EnterpriseExitSchema,
  LedgerRowSchema,
  StructureClearanceSchema,
  TownshipTransferSchema,
  VillageCompensationSchema,
} from "./cases.js";
import { RuleSetSchema } from "./rule-set.js";

/**
 * The zod schemas of the public contracts: cases and ledger rows (docs/files.md), rule sets (docs/concepts.md).
 * The record is frozen (`schemas.case = …` changes nothing); the schemas themselves are zod's objects, which zod
 * fills in lazily, so they are not frozen: what exitfund validates with does not depend on this record.
 */
export const schemas = Object.freeze({
  case: CaseSchema,
  enterpriseExit: EnterpriseExitSchema,
  structureClearance: StructureClearanceSchema,
  villageCompensation: VillageCompensationSchema,
  townshipTransfer: TownshipTransferSchema,
  ledgerRow: LedgerRowSchema,
  ruleSet: RuleSetSchema,
} as const);
