import {
  CaseSchema,
  EnterpriseExitSchema,
  LedgerRowSchema,
  StructureClearanceSchema,
  TownshipTransferSchema,
  VillageCompensationSchema,
} from "./cases.js";
import { RuleSetSchema } from "./rule-set.js";

/** The zod schemas of the public contracts: cases and ledger rows (docs/files.md), rule sets (docs/concepts.md). */
export const schemas = {
  case: CaseSchema,
  enterpriseExit: EnterpriseExitSchema,
  structureClearance: StructureClearanceSchema,
  villageCompensation: VillageCompensationSchema,
  townshipTransfer: TownshipTransferSchema,
  ledgerRow: LedgerRowSchema,
  ruleSet: RuleSetSchema,
} as const;
