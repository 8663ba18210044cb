import { assertNever } from "../../errors/index.js";
import { type Dec, ZERO } from "../../money/decimal.js";
import { toMoneyString } from "../../money/round.js";
import type { RuleSet } from "../../parameters/types.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import { amountsOf, basisOf, finding } from "../../trace/build.js";
import type { Finding, Outcome, Reason, TraceStep, Track } from "../../trace/types.js";
import { blockingReasons, clearedReasons, wholeExitFindings } from "./blocking.js";
import { CLAUSES } from "./clauses.js";
import { type DeadlineBasis, exitDeadline } from "./deadline.js";
import { districtSupplement } from "./districtSupplement.js";
import { enterpriseRewardMessages as messages } from "./messages.js";
import { type MunicipalStandard, municipalReward, municipalStandardAmount } from "./municipal.js";
import { type SmallRewardDetail, smallEnterpriseReward } from "./smallEnterprise.js";
import { type RewardTrack, rewardTrack, trackReasons, trackStep } from "./track.js";

/**
 * `detail` of an enterprise-exit outcome (plain JSON; money as decimal strings). The municipal figures are
 * absent when a blocking condition put the exit on track `none` (nothing is computed for it); `small` is
 * present on the `district-small` track only.
 */
export interface EnterpriseRewardDetail {
  /** The amount by the municipal standard before the cap (full precision). */
  readonly municipalRaw?: string;
  /** M = min(raw, max) (full precision). */
  readonly municipalStandard?: string;
  /** round(M). */
  readonly municipalRounded?: string;
  readonly meetsMunicipalStandard?: boolean;
  /** The municipal band in force: `reward.municipal.min` and `.max`. */
  readonly band?: { readonly min: string; readonly max: string };
  /** raw > max: the municipal cap cut the amount. */
  readonly capApplied?: boolean;
  readonly small?: SmallRewardDetail;
  readonly deadline: { readonly due: string; readonly basis: DeadlineBasis };
}

/** What a track pays, with the steps and reasons behind it. */
interface Payment {
  readonly municipal: Dec;
  readonly district: Dec;
  readonly estimate: boolean;
  readonly supplementRate?: Dec;
  readonly small?: SmallRewardDetail;
  readonly steps: readonly TraceStep[];
  readonly reasons: readonly Reason[];
}

function payment(facts: EnterpriseExit, ruleSet: RuleSet, municipal: MunicipalStandard, track: RewardTrack): Payment {
  switch (track) {
    case "municipal": {
      const paid = municipalReward(municipal, ruleSet);
      return {
        municipal: paid.amount,
        district: ZERO,
        estimate: facts.municipalOutcome === "pending",
        steps: [paid.step],
        reasons: [],
      };
    }
    case "district-supplement": {
      const paid = districtSupplement(facts, municipal, ruleSet);
      return {
        municipal: ZERO,
        district: paid.amount,
        estimate: false,
        supplementRate: paid.rate,
        steps: [paid.step],
        reasons: [],
      };
    }
    case "district-small": {
      const paid = smallEnterpriseReward(facts, ruleSet);
      return {
        municipal: ZERO,
        district: paid.amount,
        estimate: false,
        small: paid.detail,
        steps: paid.steps,
        reasons: paid.reasons,
      };
    }
    default:
      return assertNever(track, "reward track");
  }
}

interface Decision extends Omit<Payment, "supplementRate" | "small"> {
  readonly track: Track;
  readonly detail: Omit<EnterpriseRewardDetail, "deadline">;
}

function blockedDecision(facts: EnterpriseExit, blocking: readonly Reason[]): Decision {
  return {
    track: "none",
    municipal: ZERO,
    district: ZERO,
    estimate: false,
    steps: [trackStep(facts, "none")],
    reasons: blocking,
    detail: {},
  };
}

function rewardDecision(facts: EnterpriseExit, ruleSet: RuleSet): Decision {
  const municipal = municipalStandardAmount(facts, ruleSet);
  const track = rewardTrack(facts, municipal.meets);
  const paid = payment(facts, ruleSet, municipal, track);
  const detail = {
    municipalRaw: municipal.raw.toString(),
    municipalStandard: municipal.standard.toString(),
    municipalRounded: toMoneyString(municipal.rounded, ruleSet.rounding),
    meetsMunicipalStandard: municipal.meets,
    band: { min: municipal.min.toString(), max: municipal.max.toString() },
    capApplied: municipal.capApplied,
    ...(paid.small === undefined ? {} : { small: paid.small }),
  };
  const reasons = [
    ...clearedReasons(facts),
    ...trackReasons(facts, municipal, track, paid.supplementRate),
    ...paid.reasons,
  ];
  return {
    track,
    municipal: paid.municipal,
    district: paid.district,
    estimate: paid.estimate,
    steps: [...municipal.steps, trackStep(facts, track, municipal.meets), ...paid.steps],
    reasons,
    detail,
  };
}

/** The city reports a grant the rules do not put on the municipal track: a district payment could pay the exit twice. */
function grantedOffTrack(facts: EnterpriseExit, track: Track): Finding[] {
  if (facts.municipalOutcome !== "granted" || track === "municipal") return [];
  return [finding(messages, "municipal-granted-off-track", { track }, { clause: CLAUSES.noStacking })];
}

/**
 * 调整退出奖励 · enterprise reward — the track of one exiting enterprise (市级奖励, 区级奖励 比照市级, 区级小企业综合奖励,
 * or none), what the city and the district pay, and why.
 *
 * @remarks
 * DESIGN §4.1, from 《实施方案》二(二), 二(三), 二(四)2, 三(三), 四(二)7–9, 四(四)1, 四(十四)2, 四(十九)2, 四(三十二)8
 * and the 京华时报 report (S1) of the district's reward measure. Every parameter is read on `exitCompletedOn`.
 * A blocked exit (see `blockingReasons`) computes no reward and lists every blocking condition; otherwise the
 * municipal standard decides the track. `estimate` is true for a municipal reward still pending in the city.
 * Reason codes: see `blockingReasons`, `clearedReasons`, `trackReasons`, `smallEnterpriseReward`; findings:
 * `after-deadline`, `whole-exit-required`, `municipal-granted-off-track`.
 * @example enterpriseReward({ ...facts, scale: "above", municipalOutcome: "granted", municipalAssessedAmount: "1200000" }, ruleSet).amounts // { municipal: "1200000.00", district: "0.00", total: "1200000.00" }
 * @category enterprise-reward
 */
export function enterpriseReward(facts: EnterpriseExit, ruleSet: RuleSet): Outcome<EnterpriseRewardDetail> {
  const blocking = blockingReasons(facts);
  const decision = blocking.length > 0 ? blockedDecision(facts, blocking) : rewardDecision(facts, ruleSet);
  const deadline = exitDeadline(facts, ruleSet);
  const trace = [...decision.steps, deadline.step];
  return {
    id: facts.id,
    kind: "enterprise-exit",
    township: facts.township,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    eligible: decision.track !== "none",
    track: decision.track,
    payee: { type: "enterprise", id: facts.id },
    amounts: amountsOf({ municipal: decision.municipal, district: decision.district }, ruleSet.rounding),
    estimate: decision.estimate,
    basis: basisOf(trace),
    reasons: decision.reasons,
    findings: [...wholeExitFindings(facts), ...grantedOffTrack(facts, decision.track), ...deadline.findings],
    detail: { ...decision.detail, deadline: { due: deadline.due, basis: deadline.basis } },
    trace,
  };
}
