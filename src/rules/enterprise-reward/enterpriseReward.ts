import { ZERO, type Dec } from "../../money/decimal.js";
import { toMoneyString } from "../../money/round.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import type { Track } from "../../trace/types.js";
import { chain, of, type Context, type Rule, type Traced } from "../algebra.js";
import type { Payment } from "../domain.js";
import type { blocking } from "./blocking.js";
import type { Deadline, exitDeadline } from "./deadline.js";
import type { districtSupplement } from "./districtSupplement.js";
import type { MunicipalStandard, municipalRaw, municipalReward, municipalStandard } from "./municipal.js";
import type { SmallRewardDetail, smallEnterpriseReward } from "./smallEnterprise.js";
import type { rewardTrack } from "./track.js";

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
  readonly deadline: Deadline;
}

/** The named parts of the enterprise-exit domain; `extendDomain(enterpriseExit, { parts })` replaces any of them. */
export interface EnterpriseExitParts {
  readonly blocking: typeof blocking;
  readonly municipalRaw: typeof municipalRaw;
  readonly municipalStandard: typeof municipalStandard;
  readonly rewardTrack: typeof rewardTrack;
  readonly municipalReward: typeof municipalReward;
  readonly districtSupplement: typeof districtSupplement;
  readonly smallEnterpriseReward: typeof smallEnterpriseReward;
  readonly exitDeadline: typeof exitDeadline;
}

type Decision = Omit<Payment<Omit<EnterpriseRewardDetail, "deadline">>, "track"> & { readonly track: Track };
type Facts = EnterpriseExit & { readonly municipal: MunicipalStandard };

/** What the track pays: the municipal reward, the district supplement, the small-enterprise reward, or nothing. */
function paid(
  parts: EnterpriseExitParts,
  track: Track,
  facts: Facts,
  ctx: Context,
): Traced<{ readonly municipal: Dec; readonly district: Dec; readonly small?: SmallRewardDetail }> {
  switch (track) {
    case "municipal":
      return chain(parts.municipalReward(facts, ctx), (amount) => of({ municipal: amount, district: ZERO }));
    case "district-supplement":
      return chain(parts.districtSupplement(facts, ctx), (amount) => of({ municipal: ZERO, district: amount }));
    case "district-small":
      return chain(parts.smallEnterpriseReward(facts, ctx), (small) =>
        of({ municipal: ZERO, district: small.amount, small: small.detail }),
      );
    case "none":
      return of({ municipal: ZERO, district: ZERO });
  }
}

function blockedDecision(parts: EnterpriseExitParts, facts: EnterpriseExit, ctx: Context): Traced<Decision> {
  return chain(parts.rewardTrack({ ...facts, municipal: undefined }, ctx), (track) =>
    of({ municipal: ZERO, district: ZERO, eligible: track !== "none", track, estimate: false, detail: {} }),
  );
}

function rewardDecision(parts: EnterpriseExitParts, facts: EnterpriseExit, ctx: Context): Traced<Decision> {
  return chain(parts.municipalRaw(facts, ctx), (raw) =>
    chain(parts.municipalStandard({ ...facts, raw }, ctx), (municipal) => {
      const withMunicipal = { ...facts, municipal };
      return chain(parts.rewardTrack(withMunicipal, ctx), (track) =>
        chain(paid(parts, track, withMunicipal, ctx), (payment) =>
          of({
            municipal: payment.municipal,
            district: payment.district,
            eligible: track !== "none",
            track,
            estimate: track === "municipal" && facts.municipalOutcome === "pending",
            detail: {
              municipalRaw: municipal.raw.toString(),
              municipalStandard: municipal.standard.toString(),
              municipalRounded: toMoneyString(municipal.rounded, ctx.rounding),
              meetsMunicipalStandard: municipal.meets,
              band: { min: municipal.min.toString(), max: municipal.max.toString() },
              capApplied: municipal.capApplied,
              ...(payment.small === undefined ? {} : { small: payment.small }),
            },
          }),
        ),
      );
    }),
  );
}

/**
 * 调整退出奖励 · enterprise reward — the payment rule of the enterprise-exit domain, wired from its parts: the
 * track of one exiting enterprise (市级奖励, 区级奖励 比照市级, 区级小企业综合奖励, or none), what the city and
 * the district pay, and why.
 *
 * @remarks
 * From 《实施方案》二(二), 二(三), 二(四)2, 三(三), 四(二)7–9, 四(四)1, 四(十四)2, 四(十九)2, 四(三十二)8 and the
 * 京华时报 report (S1) of the district's reward measure (docs/enterprise-rewards.md). Every parameter is read on
 * `exitCompletedOn`. A blocked exit (see `blocking`) computes no reward and lists every blocking condition;
 * otherwise the municipal standard decides the track. `estimate` is true for a municipal reward still pending in
 * the city. Findings: `whole-exit-required`, `municipal-granted-off-track`, `after-deadline`.
 * @category enterprise-reward
 */
export function enterpriseReward(parts: EnterpriseExitParts): Rule<EnterpriseExit, Payment<EnterpriseRewardDetail>> {
  return (facts, ctx) =>
    chain(parts.blocking(facts, ctx), (blocked) =>
      chain(blocked ? blockedDecision(parts, facts, ctx) : rewardDecision(parts, facts, ctx), (decision) =>
        chain(parts.exitDeadline(facts, ctx), (deadline) =>
          of({ ...decision, detail: { ...decision.detail, deadline } }),
        ),
      ),
    );
}
