// exitfund/rules — the rules as composable functions: one rule type, five combinators, typed parameter handles,
// the four domains with their named parts, and what a district needs to extend them without a fork
// (docs/extending.md). Hand-written named exports only (guarded by test/contract/publicApi.test.ts).

// the algebra
export { all, asMoney, chain, exception, figure, finding, of, reason } from "./parts.js";
export { type Cited, type Context, type FigureOptions, type Read, type Rule, type Traced } from "./algebra.js";
export {
  NO_CLAUSE,
  type Amounts,
  type Finding,
  type Json,
  type ConditionText,
  type MessageCatalog,
  type MessageTemplate,
  type ParamText,
  type StepTemplate,
  type OutcomeBase,
  type ParamUse,
  type Payee,
  type Reason,
  type Status,
  type TraceStep,
  type Track,
} from "../trace/types.js";
export type { Dec, DecimalLike, Rounding, RoundingMode } from "../money/decimal.js";
export type { InputIssue } from "../errors/index.js";
export {
  DEADLINE_KEYS,
  EXIT_MODES,
  POLLUTANTS,
  TAX_TYPES,
  TRACKS,
  ZONE_TYPES,
  type TaxType,
  type DeadlineKey,
  type ExitMode,
  type Label,
  type Pollutant,
  type ValueLabel,
  type ZoneType,
} from "../vocabulary.js";

// parameters and case fields
export {
  parameter,
  type AnyParameter,
  type Parameter,
  type ParameterConstructors,
  type ParameterKind,
  type TableConstructor,
  type TableShape,
  type ValueOf,
} from "../parameters/handles.js";
export type { ClearanceRate, IsoDate, Scale } from "../parameters/types.js";
export { applyScale } from "./parts.js";
export { field, type Field } from "../schemas/fields.js";
export type {
  ClearanceItem,
  EnterpriseExit,
  ExitedEnterprise,
  Lease,
  StructureClearance,
  TownshipTransfer,
  VillageCompensation,
} from "../schemas/cases.js";

// domains and programmes
export { byEffectiveDate, extendDomain, isProgramme, programme } from "./parts.js";
export {
  type AnyDomain,
  type CaseFacts,
  type CrossCheck,
  type DetailOf,
  type Domain,
  type DomainChange,
  type FactsOf,
  type FieldValues,
  type FieldsOutput,
  type Payment,
} from "./domain.js";
export { type CompiledDomain, type OutcomeOf, type Programme, type ProgrammeOptions } from "./programme.js";
export { type FastCase, type FastEvaluator, type FastKernel, type InForceValues } from "./fast.js";
export { defaultProgramme, domains, type DefaultProgramme, type Outcome } from "./default.js";

// what describes a programme: the JSON Schemas of its inputs (also in the root entry, DESIGN §7), a rule set's
// catalogue (not in the root entry: the whole core's size budget, README "Use in a browser")
export { jsonSchema, type SchemaName } from "./jsonSchema.js";
export { ruleSetMarkdown } from "../rule-sets/doc.js";

// the domains' parts, each refusing a call that is no rule call (./parts.ts)
export {
  approvedQuantity,
  blocking,
  clearanceTotals,
  declaredFee,
  districtSupplement,
  employeeComponent,
  enterpriseLostCapacity,
  exitDeadline,
  impact,
  itemFindings,
  landClearingFee,
  landComponent,
  leaseCompensation,
  municipalRaw,
  municipalReward,
  municipalStandard,
  rentCap,
  rewardTrack,
  sitePart,
  smallEnterpriseReward,
  targetReduction,
  taxComponent,
  townshipShares,
  transferAmount,
} from "./parts.js";

// the enterprise-exit domain's parts
export {
  enterpriseExitParameters,
  type Deadline,
  type DeadlineBasis,
  type EnterpriseExitParts,
  type EnterpriseOutcome,
  type EnterpriseRewardDetail,
  type MunicipalStandard,
  type RewardTrack,
  type SmallReward,
  type SmallRewardDetail,
  type TrackFacts,
} from "./enterprise-reward/index.js";

// the structure-clearance domain's parts
export {
  structureClearanceParameters,
  type ClearanceDetail,
  type ClearanceOutcome,
  type ClearanceTotals,
  type DeclaredBasis,
  type DeclaredValue,
  type ItemFee,
  type ItemParts,
  type ItemVerification,
  type StructureClearanceParts,
  type VerifiedItem,
} from "./land-clearing-fee/index.js";

// the village-compensation domain's parts
export {
  villageCompensationParameters,
  type LeaseCompensation,
  type LeaseFacts,
  type LeaseRow,
  type RentCap,
  type VillageCompensationDetail,
  type VillageCompensationParts,
  type VillageOutcome,
} from "./village-compensation/index.js";

// the township-transfer domain's parts
export {
  townshipTransferParameters,
  type EnterpriseRow,
  type Impact,
  type LostCapacity,
  type Shares,
  type TargetReductions,
  type TownshipTransferDetail,
  type TownshipTransferParts,
  type TransferOutcome,
} from "./township-transfer/index.js";
