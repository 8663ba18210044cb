import {
  CaseSchema,
  EnterpriseExitSchema,
  LedgerRowSchema,
  StructureClearanceSchema,
  TownshipTransferSchema,
  VillageCompensationSchema,
} from "./cases.js";
import { RuleSetSchema } from "./rule-set.js";

/** The zod schemas of the public contracts (DESIGN §3–6). */
export const schemas = {
  case: CaseSchema,
  enterpriseExit: EnterpriseExitSchema,
  structureClearance: StructureClearanceSchema,
  villageCompensation: VillageCompensationSchema,
  townshipTransfer: TownshipTransferSchema,
  ledgerRow: LedgerRowSchema,
  ruleSet: RuleSetSchema,
} as const;
