import { deepFreeze } from "../../freeze.js";
import { ENTERPRISE_EXIT_FIELDS, finishEnterpriseExit, type EnterpriseExit } from "../../schemas/cases.js";
import type { OutcomeBase } from "../../trace/types.js";
import {
  CATALOGUE_INDUSTRY_LABELS,
  EXEMPT_CATEGORY_LABELS,
  EXIT_MODE_LABELS,
  LEADING_GROUP_DECISION_LABELS,
  MUNICIPAL_OUTCOME_LABELS,
  REGION_LABELS,
  SCALE_LABELS,
  TRACK_LABELS,
  TRACKS,
  type Track,
} from "../../vocabulary.js";
import type { Domain } from "../domain.js";
import { blocking } from "./blocking.js";
import { exitDeadline } from "./deadline.js";
import { districtSupplement } from "./districtSupplement.js";
import { enterpriseReward, type EnterpriseExitParts, type EnterpriseRewardDetail } from "./enterpriseReward.js";
import { enterpriseKernel } from "./fast.js";
import { enterpriseRewardMessages } from "./messages.js";
import { municipalRaw, municipalReward, municipalStandard } from "./municipal.js";
import { enterpriseExitParameters } from "./parameters.js";
import { smallEnterpriseReward } from "./smallEnterprise.js";
import { rewardTrack } from "./track.js";

/** The outcome of an enterprise exit: its track is always given. */
export type EnterpriseOutcome = OutcomeBase<"enterprise-exit", EnterpriseRewardDetail> & { readonly track: Track };

/**
 * 调整退出奖励 · the enterprise-exit domain: the four tracks of 市级奖励 and 区级奖励 (docs/enterprise-rewards.md).
 *
 * @remarks No `checkCase`: every valid `enterprise-exit` case can be computed with any rule set that loads
 * (each parameter's shape is checked at load); a floor above the cap is reported as a rule-set error.
 * Parameters are read on `exitCompletedOn`. Budget lines: its track.
 * @category enterprise-reward
 */
export const enterpriseExit: Domain<"enterprise-exit", EnterpriseExit, EnterpriseExitParts, EnterpriseRewardDetail> = {
  kind: "enterprise-exit",
  labels: { zh: "企业调整退出奖励", en: "enterprise exit" },
  fields: ENTERPRISE_EXIT_FIELDS,
  finish: (object) => finishEnterpriseExit(object as never),
  date: (facts: EnterpriseExit) => facts.exitCompletedOn,
  dateField: "exitCompletedOn",
  payee: (facts: EnterpriseExit) => ({ type: "enterprise", id: facts.id }) as const,
  parameters: Object.freeze(Object.values(enterpriseExitParameters)),
  parts: Object.freeze({
    blocking,
    municipalRaw,
    municipalStandard,
    rewardTrack,
    municipalReward,
    districtSupplement,
    smallEnterpriseReward,
    exitDeadline,
  }),
  payment: enterpriseReward,
  messages: enterpriseRewardMessages,
  values: {
    exitMode: { labels: EXIT_MODE_LABELS, keysOf: "reward.small.cap" },
    scale: { labels: SCALE_LABELS },
    municipalOutcome: { labels: MUNICIPAL_OUTCOME_LABELS },
    region: { labels: REGION_LABELS },
    catalogueIndustry: { labels: CATALOGUE_INDUSTRY_LABELS },
    exemptCategory: { labels: EXEMPT_CATEGORY_LABELS },
    leadingGroupDecision: { labels: LEADING_GROUP_DECISION_LABELS },
  },
  tracks: TRACK_LABELS,
  budgetLines: TRACKS,
  budgetLine: (outcome) => outcome.track ?? "none",
  fast: { covers: (domain) => domain === enterpriseExit, compile: enterpriseKernel },
};
deepFreeze(enterpriseExit);

export { blocking, blockingReasons, clearedReasons, wholeExitFindings } from "./blocking.js";
export { exitDeadline, type Deadline, type DeadlineBasis } from "./deadline.js";
export { districtSupplement } from "./districtSupplement.js";
export { enterpriseReward, type EnterpriseExitParts, type EnterpriseRewardDetail } from "./enterpriseReward.js";
export { enterpriseRewardMessages } from "./messages.js";
export { municipalRaw, municipalReward, municipalStandard, type MunicipalStandard } from "./municipal.js";
export { enterpriseExitParameters } from "./parameters.js";
export {
  employeeComponent,
  landComponent,
  smallEnterpriseReward,
  taxComponent,
  type SmallReward,
  type SmallRewardDetail,
} from "./smallEnterprise.js";
export { rewardTrack, trackOf, trackReasons, type RewardTrack, type TrackFacts } from "./track.js";
