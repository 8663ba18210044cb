import type { Dec } from "../../money/decimal.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import { reason, step } from "../../trace/build.js";
import type { Reason, TraceStep, Track } from "../../trace/types.js";
import { exemptDecision } from "./blocking.js";
import { CLAUSES } from "./clauses.js";
import { enterpriseRewardMessages as messages } from "./messages.js";
import type { MunicipalStandard } from "./municipal.js";

/** A track that pays something. */
export type RewardTrack = Exclude<Track, "none">;

/** 市级奖励条件 · municipal track conditions: above scale, meets the standard, and granted or pending in the city. */
export function isMunicipalTrack(facts: EnterpriseExit, meetsStandard: boolean): boolean {
  return (
    facts.scale === "above" &&
    meetsStandard &&
    (facts.municipalOutcome === "granted" || facts.municipalOutcome === "pending")
  );
}

/**
 * 奖励类别 · reward track — for an exit with no blocking condition: `municipal`, else `district-supplement`, else `district-small`.
 *
 * @remarks
 * DESIGN §4.1 steps 3–5 from 京华时报 (S1): the municipal reward for above-scale firms meeting its standard that the
 * city granted (or has pending); 70 % of the municipal standard from the district for firms it recommended that
 * meet the standard but are not on the municipal track; otherwise the small-enterprise reward.
 * @example rewardTrack({ ...facts, scale: "below", recommendedByDistrict: true }, true) // "district-supplement"
 * @category enterprise-reward
 */
export function rewardTrack(facts: EnterpriseExit, meetsStandard: boolean): RewardTrack {
  if (isMunicipalTrack(facts, meetsStandard)) return "municipal";
  if (meetsStandard && facts.recommendedByDistrict) return "district-supplement";
  return "district-small";
}

function municipalReasons(facts: EnterpriseExit, municipal: MunicipalStandard, track: RewardTrack): Reason[] {
  const standard = { raw: municipal.raw, min: municipal.min };
  if (track === "municipal") {
    const decisive = { track, decisive: true } as const;
    return [
      reason(messages, "above-scale", CLAUSES.scale, {}, decisive),
      reason(messages, "meets-municipal-standard", CLAUSES.municipalStandard, standard, decisive),
      reason(messages, `municipal-${facts.municipalOutcome}`, CLAUSES.municipalApplication, {}, decisive),
    ];
  }
  const rulesOut = { track: "municipal" } as const;
  const reasons: Reason[] = [];
  if (facts.scale === "below") reasons.push(reason(messages, "below-scale", CLAUSES.scale, {}, rulesOut));
  if (!municipal.meets)
    reasons.push(reason(messages, "below-municipal-standard", CLAUSES.municipalStandard, standard, rulesOut));
  if (facts.municipalOutcome === "not-granted" || facts.municipalOutcome === "not-applied")
    reasons.push(reason(messages, `municipal-${facts.municipalOutcome}`, CLAUSES.municipalApplication, {}, rulesOut));
  return reasons;
}

function supplementReasons(facts: EnterpriseExit, municipal: MunicipalStandard, track: RewardTrack): Reason[] {
  const standard = { raw: municipal.raw, min: municipal.min };
  if (track === "district-supplement") {
    const decisive = { track, decisive: true } as const;
    return [
      reason(messages, "meets-municipal-standard", CLAUSES.municipalStandard, standard, decisive),
      reason(messages, "recommended-by-district", CLAUSES.districtSupplement, {}, decisive),
    ];
  }
  const rulesOut = { track: "district-supplement" } as const;
  const reasons: Reason[] = [];
  if (track === "municipal")
    reasons.push(reason(messages, "municipal-track-applies", CLAUSES.noStacking, {}, rulesOut));
  if (!municipal.meets)
    reasons.push(reason(messages, "below-municipal-standard", CLAUSES.municipalStandard, standard, rulesOut));
  if (!facts.recommendedByDistrict)
    reasons.push(reason(messages, "not-recommended", CLAUSES.districtSupplement, {}, rulesOut));
  return reasons;
}

function smallRuledOutReasons(track: RewardTrack, supplementRate: Dec | undefined): Reason[] {
  const rulesOut = { track: "district-small" } as const;
  if (track === "municipal") return [reason(messages, "municipal-track-applies", CLAUSES.noStacking, {}, rulesOut)];
  if (track === "district-supplement")
    return [reason(messages, "supplement-track-applies", CLAUSES.districtSupplement, { supplementRate }, rulesOut)];
  return [];
}

/**
 * 奖励类别理由 · track reasons — why the exit is on its reward track (decisive) and every condition that rules out each other reward track.
 *
 * @remarks
 * Codes for the municipal track: `above-scale`, `below-scale`, `meets-municipal-standard`, `below-municipal-standard`,
 * `municipal-granted`, `municipal-pending`, `municipal-not-granted`, `municipal-not-applied`; for the supplement:
 * `meets-municipal-standard`, `below-municipal-standard`, `recommended-by-district`, `not-recommended`,
 * `municipal-track-applies`; for the small reward (ruled out): `municipal-track-applies`, `supplement-track-applies`.
 * The small track's own decisive reasons come from `smallEnterpriseReward`.
 * @category enterprise-reward
 */
export function trackReasons(
  facts: EnterpriseExit,
  municipal: MunicipalStandard,
  track: RewardTrack,
  supplementRate?: Dec,
): Reason[] {
  return [
    ...municipalReasons(facts, municipal, track),
    ...supplementReasons(facts, municipal, track),
    ...smallRuledOutReasons(track, supplementRate),
  ];
}

/**
 * 奖励类别依据 · track step — the `reward.track` trace step: the facts that decided the track.
 *
 * @remarks For a blocked exit (`meetsStandard` undefined) only the blocking facts; otherwise also scale, the
 * municipal standard test, the city's decision and the district's recommendation. Reads no parameter (the floor
 * is recorded by `reward.municipal.meetsStandard`).
 * @category enterprise-reward
 */
export function trackStep(facts: EnterpriseExit, track: Track, meetsStandard?: boolean): TraceStep {
  const blockingInputs = {
    licensed: facts.licensed,
    acceptance: facts.acceptance,
    exemptCategory: facts.exemptCategory,
    leadingGroupDecision: exemptDecision(facts),
    catalogueIndustry: facts.catalogueIndustry,
    exitMode: facts.exitMode,
  };
  const trackInputs =
    meetsStandard === undefined
      ? {}
      : {
          scale: facts.scale,
          meetsMunicipalStandard: meetsStandard,
          municipalOutcome: facts.municipalOutcome,
          recommendedByDistrict: facts.recommendedByDistrict,
        };
  return step("reward.track", CLAUSES.track, [], { ...blockingInputs, ...trackInputs }, track);
}
