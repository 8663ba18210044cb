import type { Dec } from "../../money/decimal.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import { finding, reason } from "../../trace/build.js";
import type { Finding, Reason, Track } from "../../trace/types.js";
import { chain, figure, of, type Context, type Rule } from "../algebra.js";
import { exemptDecision } from "./blocking.js";
import { enterpriseRewardMessages as messages } from "./messages.js";
import type { MunicipalStandard } from "./municipal.js";
import { enterpriseExitParameters as p } from "./parameters.js";

/** A track that pays something. */
export type RewardTrack = Exclude<Track, "none">;

/** What the track decision sees: the facts and, unless a blocking condition holds, the municipal standard. */
export type TrackFacts = EnterpriseExit & { readonly municipal: MunicipalStandard | undefined };

/** 市级奖励条件 · municipal track conditions: above scale, meets the standard, and granted or pending in the city. */
export function isMunicipalTrack(facts: EnterpriseExit, meetsStandard: boolean): boolean {
  return (
    facts.scale === "above" &&
    meetsStandard &&
    (facts.municipalOutcome === "granted" || facts.municipalOutcome === "pending")
  );
}

/**
 * 奖励类别 · the track of an exit with no blocking condition: `municipal`, else `district-supplement`, else `district-small`.
 *
 * @remarks
 * From 京华时报 (S1): the municipal reward for above-scale firms meeting its standard that the city granted (or has
 * pending); a share of the municipal standard from the district for firms it recommended that meet the standard
 * but are not on the municipal track; otherwise the small-enterprise reward (docs/enterprise-rewards.md).
 * @example trackOf({ ...facts, scale: "below", recommendedByDistrict: true }, true) // "district-supplement"
 * @category enterprise-reward
 */
export function trackOf(facts: EnterpriseExit, meetsStandard: boolean): RewardTrack {
  if (isMunicipalTrack(facts, meetsStandard)) return "municipal";
  if (meetsStandard && facts.recommendedByDistrict) return "district-supplement";
  return "district-small";
}

function municipalReasons(
  facts: EnterpriseExit,
  municipal: MunicipalStandard,
  track: RewardTrack,
  ctx: Context,
): Reason[] {
  const standard = { raw: municipal.raw, min: municipal.min };
  const scale = ctx.cite("reward.municipal.scale");
  const meets = ctx.cite("reward.municipal.meetsStandard");
  const application = ctx.cite("reward.municipal.application");
  if (track === "municipal") {
    const decisive = { track, decisive: true } as const;
    return [
      reason(messages, "above-scale", scale, {}, decisive),
      reason(messages, "meets-municipal-standard", meets, standard, decisive),
      reason(messages, `municipal-${facts.municipalOutcome}`, application, {}, decisive),
    ];
  }
  const rulesOut = { track: "municipal" } as const;
  const reasons: Reason[] = [];
  if (facts.scale === "below") reasons.push(reason(messages, "below-scale", scale, {}, rulesOut));
  if (!municipal.meets) reasons.push(reason(messages, "below-municipal-standard", meets, standard, rulesOut));
  if (facts.municipalOutcome === "not-granted" || facts.municipalOutcome === "not-applied")
    reasons.push(reason(messages, `municipal-${facts.municipalOutcome}`, application, {}, rulesOut));
  return reasons;
}

function supplementReasons(
  facts: EnterpriseExit,
  municipal: MunicipalStandard,
  track: RewardTrack,
  ctx: Context,
): Reason[] {
  const standard = { raw: municipal.raw, min: municipal.min };
  const supplement = ctx.cite("reward.districtSupplement");
  if (track === "district-supplement") {
    const decisive = { track, decisive: true } as const;
    return [
      reason(messages, "meets-municipal-standard", ctx.cite("reward.municipal.meetsStandard"), standard, decisive),
      reason(messages, "recommended-by-district", supplement, {}, decisive),
    ];
  }
  const rulesOut = { track: "district-supplement" } as const;
  const reasons: Reason[] = [];
  if (track === "municipal")
    reasons.push(reason(messages, "municipal-track-applies", ctx.cite("reward.noStacking"), {}, rulesOut));
  if (!municipal.meets)
    reasons.push(
      reason(messages, "below-municipal-standard", ctx.cite("reward.municipal.meetsStandard"), standard, rulesOut),
    );
  if (!facts.recommendedByDistrict) reasons.push(reason(messages, "not-recommended", supplement, {}, rulesOut));
  return reasons;
}

function smallRuledOutReasons(track: RewardTrack, ctx: Context): Reason[] {
  const rulesOut = { track: "district-small" } as const;
  if (track === "municipal")
    return [reason(messages, "municipal-track-applies", ctx.cite("reward.noStacking"), {}, rulesOut)];
  if (track === "district-supplement") {
    // The rate the reason quotes is the rule set's, read here (the supplement's own step cites it).
    const supplementRate: Dec = ctx.read(p.supplementRate);
    return [
      reason(messages, "supplement-track-applies", ctx.cite("reward.districtSupplement"), { supplementRate }, rulesOut),
    ];
  }
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
  ctx: Context,
): Reason[] {
  return [
    ...municipalReasons(facts, municipal, track, ctx),
    ...supplementReasons(facts, municipal, track, ctx),
    ...smallRuledOutReasons(track, ctx),
  ];
}

/** The city reports a grant the rules do not put on the municipal track: a district payment could pay the exit twice. */
export function grantedOffTrack(facts: EnterpriseExit, track: Track, ctx: Context): Finding[] {
  if (facts.municipalOutcome !== "granted" || track === "municipal") return [];
  return [finding(messages, "municipal-granted-off-track", { track }, { clause: ctx.cite("reward.noStacking") })];
}

const trackStep = figure("reward.track", (facts: TrackFacts) => trackDecided(facts), {
  inputs: (facts) => ({
    licensed: facts.licensed,
    acceptance: facts.acceptance,
    exemptCategory: facts.exemptCategory,
    leadingGroupDecision: exemptDecision(facts),
    catalogueIndustry: facts.catalogueIndustry,
    exitMode: facts.exitMode,
    ...(facts.municipal === undefined
      ? {}
      : {
          scale: facts.scale,
          meetsMunicipalStandard: facts.municipal.meets,
          municipalOutcome: facts.municipalOutcome,
          recommendedByDistrict: facts.recommendedByDistrict,
        }),
  }),
});

function trackDecided(facts: TrackFacts): Track {
  return facts.municipal === undefined ? "none" : trackOf(facts, facts.municipal.meets);
}

/**
 * 奖励类别 · reward track — `none` for a blocked exit (no municipal standard computed), else the track its municipal
 * standard and the city's and district's decisions give; with the reasons for it and against the others.
 *
 * @remarks
 * Step `reward.track` records the facts that decided it (only the blocking facts for a blocked exit) and reads
 * no parameter. Finding `municipal-granted-off-track` when the city reports a grant off the municipal track.
 * @category enterprise-reward
 */
export const rewardTrack: Rule<TrackFacts, Track> = (facts, ctx) =>
  chain(trackStep(facts, ctx), (track) => {
    const findings = grantedOffTrack(facts, track, ctx);
    const reasons =
      facts.municipal === undefined || track === "none" ? [] : trackReasons(facts, facts.municipal, track, ctx);
    return of(track, { reasons, findings });
  });
