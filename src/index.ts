// exitfund — the browser-safe core. Hand-written named exports only (guarded by test/contract/publicApi.test.ts).
// It holds every name DESIGN §7 lists, `jsonSchema(kind)` included (zod's JSON Schema converter: 6.8 KB gzip that
// only an app which imports `jsonSchema` pays; `compute` alone does not). The rules themselves, composable and
// extensible, are in `exitfund/rules`, with `jsonSchema` again and a rule set's catalogue in Markdown
// (`ruleSetMarkdown`).

// These two come first for the size of a bundle, not for their rank: a bundler writes each module where it is first
// imported, so decimal.js (through money/decimal.js) and zod (through the schemas) open the bundle, together, and
// exitfund's own modules follow each other. Between exitfund's modules they cost 0.8 KB more gzip in the whole
// core, 0.6 KB in compute and computeBatch alone (gzip's 32 KB window and its Huffman blocks; bench/sizes.ts).
export { DEFAULT_ROUNDING, type Dec, type DecimalLike, type Rounding, type RoundingMode } from "./money/decimal.js";
export { schemas } from "./schemas/index.js";

// money
export { allocate, allocateWithLog, type Allocation } from "./money/allocate.js";
export { parseChineseCapital, toChineseCapital, crossCheckCapital } from "./money/capital.js";
export { formatAmount, formatWan, formatYuan } from "./money/format.js";
export { checkDecimal, parseMoney, parseQuantity, type CheckDecimalOptions, type ParseResult } from "./money/parse.js";
export { roundMoney, toMoneyString } from "./money/round.js";

// rule sets
export type {
  BracketJson,
  CompiledValue,
  DatedValueJson,
  InForce,
  IsoDate,
  ParameterJson,
  ParameterValueJson,
  RuleCitationJson,
  RuleSet,
  RuleSetJson,
  ScaleJson,
  SourceJson,
} from "./parameters/types.js";
export { loadRuleSet, ruleSets, type LoadOptions, type RuleSetInput } from "./rule-sets/index.js";
export {
  diffRuleSets,
  type Change,
  type DatedValueView,
  type FieldDiff,
  type ParameterDiff,
  type RuleSetDiff,
  type SourceDiff,
  type ValueDiff,
  type ValueField,
} from "./parameters/diff.js";

// computation
export {
  compute,
  computeBatch,
  computeTotals,
  receiptOf,
  summarize,
  type BatchOptions,
  type CaseError,
  type ComputeDocument,
  type ComputeOptions,
  type Totals,
  type TotalsDocument,
} from "./batch/compute.js";
export {
  computeStream,
  MAX_LISTED_ERRORS,
  runningTotals,
  type CaseSource,
  type PassProgress,
  type RunningTotals,
  type StreamOptions,
} from "./batch/stream.js";
export { verify } from "./batch/verify.js";
export { canonicalJson } from "./receipt/canonical.js";
export type { Receipt, Sha256Factory } from "./receipt/receipt.js";
export type { Sha256 } from "./receipt/sha256.js";
export { explain, type Lang } from "./rules/explain.js";

// audit, budget and what-if
export {
  audit,
  DISCREPANCY_TYPES,
  type AuditDocument,
  type AuditOptions,
  type Discrepancy,
  type DiscrepancyType,
  type LedgerPlace,
  type PayerAmounts,
  type ReconciliationEntry,
  type ReconciliationStatus,
} from "./audit/index.js";
export {
  budget,
  budgetOfCases,
  BUDGET_DIMENSIONS,
  caseYears,
  fullPaymentKinds,
  type AllocationGroup,
  type AllocationShare,
  type BudgetAllocation,
  type BudgetWarning,
  type BudgetDimension,
  type BudgetDocument,
  type BudgetKey,
  type BudgetOptions,
  type BudgetTrack,
} from "./batch/budget.js";
export {
  compare,
  type AmountsChange,
  type CompareOptions,
  type AttributionStep,
  type CaseChange,
  type CompareDocument,
} from "./batch/compare.js";
export { scaleRuleSet, parseFactor, type ScaleChange } from "./batch/whatif.js";

// outcomes (the rules that compute them, and programmes of domains, are in exitfund/rules)
export type { Outcome } from "./rules/default.js";
export type { OutcomeOf, Programme } from "./rules/programme.js";
export type { EnterpriseOutcome, EnterpriseRewardDetail } from "./rules/enterprise-reward/index.js";
export type { ClearanceDetail, ClearanceOutcome, VerifiedItem } from "./rules/land-clearing-fee/index.js";
export type { VillageCompensationDetail, VillageOutcome } from "./rules/village-compensation/index.js";
export type { TownshipTransferDetail, TransferOutcome } from "./rules/township-transfer/index.js";
export type {
  Amounts,
  CaseKind,
  Finding,
  OutcomeBase,
  ParamUse,
  Payee,
  Payer,
  Reason,
  Status,
  TraceStep,
  Track,
} from "./trace/types.js";

// schemas and errors
export {
  CaseSchema,
  EnterpriseExitSchema,
  LedgerRowSchema,
  StructureClearanceSchema,
  TownshipTransferSchema,
  VillageCompensationSchema,
} from "./schemas/cases.js";
export { PAYERS, type Label } from "./vocabulary.js";
export { jsonSchema, type SchemaName } from "./rules/jsonSchema.js";
export type {
  Case,
  EnterpriseExit,
  LedgerRow,
  StructureClearance,
  TownshipTransfer,
  VillageCompensation,
} from "./schemas/cases.js";
export {
  InvalidInputError,
  RuleSetError,
  isInvalidInputError,
  isRuleSetError,
  type InputIssue,
} from "./errors/index.js";
