// exitfund — the browser-safe core. Hand-written named exports only (guarded by test/publicApi.test.ts).

// money
export { allocate, allocateWithLog } from "./money/allocate.js";
export { parseChineseCapital, toChineseCapital, crossCheckCapital } from "./money/capital.js";
export { DEFAULT_ROUNDING, type Rounding, type RoundingMode } from "./money/decimal.js";
export { formatAmount, formatWan, formatYuan } from "./money/format.js";
export { parseMoney, parseQuantity } from "./money/parse.js";
export { roundMoney, toMoneyString } from "./money/round.js";

// parameters and rule sets
export { param, weakestStatus } from "./parameters/lookup.js";
export { applyScale } from "./parameters/scale.js";
export { PARAMETERS, type ParameterName } from "./parameters/catalog.js";
export type { InForce, IsoDate, RuleSet, RuleSetJson } from "./parameters/types.js";
export { loadRuleSet, ruleSets } from "./rule-sets/index.js";

// computation
export {
  compute,
  computeBatch,
  summarize,
  type CaseError,
  type ComputeDocument,
  type RuleSetInput,
  type Totals,
} from "./batch/compute.js";
export { computeStream } from "./batch/stream.js";
export { verify } from "./batch/verify.js";
export { explain, type Lang } from "./trace/explain.js";

// audit, budget and what-if
export { audit, type AuditDocument, type AuditOptions, type Discrepancy, type DiscrepancyType } from "./audit/index.js";
export { budget, budgetOfCases, type BudgetDocument, type BudgetOptions } from "./batch/budget.js";
export { compare, type CompareDocument } from "./batch/compare.js";
export { diffRuleSets, type RuleSetDiff } from "./parameters/diff.js";
export { ruleSetMarkdown } from "./parameters/doc.js";
export type {
  Amounts,
  Finding,
  Outcome,
  ParamUse,
  Payee,
  Payer,
  Reason,
  Status,
  TraceStep,
  Track,
} from "./trace/types.js";

// schemas and errors
export { schemas } from "./schemas/index.js";
export { jsonSchema, type SchemaName } from "./schemas/json-schema.js";
export type {
  Case,
  EnterpriseExit,
  LedgerRow,
  StructureClearance,
  TownshipTransfer,
  VillageCompensation,
} from "./schemas/cases.js";
export { InvalidInputError, RuleSetError, type InputIssue } from "./errors/index.js";
