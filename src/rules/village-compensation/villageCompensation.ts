import { ZERO, dec } from "../../money/decimal.js";
import { toMoneyString } from "../../money/round.js";
import type { VillageCompensation } from "../../schemas/cases.js";
import { finding, reason } from "../../trace/build.js";
import type { Finding } from "../../trace/types.js";
import { chain, figure, of, type Context, type Rule } from "../algebra.js";
import type { Payment } from "../domain.js";
import {
  compensateLeases,
  type LeaseCompensation,
  type LeaseRow,
  leaseCompensation,
  rentCap,
} from "./leaseCompensation.js";
import { villageCompensationMessages as messages } from "./messages.js";
import type { sitePart } from "./sitePart.js";

/** `detail` of a village-compensation outcome (money as decimal strings, months as counts). */
export interface VillageCompensationDetail {
  readonly leases: readonly LeaseRow[];
  readonly sitePart: string;
  readonly total: string;
}

/** The named parts of the village-compensation domain. */
export interface VillageCompensationParts {
  readonly rentCap: typeof rentCap;
  readonly leaseCompensation: typeof leaseCompensation;
  readonly sitePart: typeof sitePart;
}

const total = figure(
  "village.total",
  ({ leases, site }: { readonly leases: readonly LeaseCompensation[]; readonly site: ReturnType<typeof dec> }) =>
    leases.reduce((sum, lease) => sum.plus(lease.lostRent), ZERO).plus(site),
  {
    inputs: ({ leases, site }, _value, ctx) => ({
      lostRent: leases.map((lease) => lease.row.lostRent),
      sitePart: toMoneyString(site, ctx.rounding),
    }),
    show: (value, ctx) => toMoneyString(value, ctx.rounding),
  },
);

/** `leased-area-exceeds-site`: the leases still in force at clearance (not ended before it) cover more land than the site. */
function areaFindings(facts: VillageCompensation, ctx: Context): Finding[] {
  const inForce = facts.leases.filter((lease) => lease.leaseEndsOn >= facts.clearedOn);
  const leasedAreaMu = inForce.reduce((sum, lease) => sum.plus(dec(lease.landAreaMu)), ZERO);
  if (!leasedAreaMu.greaterThan(dec(facts.landAreaMu))) return [];
  return [
    finding(
      messages,
      "leased-area-exceeds-site",
      { leasedAreaMu, siteAreaMu: facts.landAreaMu, leases: inForce.length },
      { clause: ctx.cite("village.sitePart") },
    ),
  ];
}

/**
 * 村集体补偿 · village-collective compensation — the payment rule of the village-compensation domain: what the
 * district pays a village collective for clearing its compound or breeding zone.
 *
 * @remarks
 * 《实施方案》三(三)3 and 四(十五) (区经管站's 补偿办法, not public: every figure is illustrative). Parameters
 * are read at `clearedOn`. Total = Σ rounded lost rent of each lease + rounded site part (step `village.total`);
 * the district pays it to the collective; `eligible` is always true. Reason: `compensation-due` (cites
 * `village.compensation`). Findings: `lease-ended`, `lease-capped`, `leased-area-exceeds-site`.
 *
 * @example
 * // 10 mu compound at 10,000/mu, one lease of 12,000/yr with 6 months left at 0.5 → 3,000.00 + 100,000.00 = 103,000.00
 * @category village-compensation
 */
export function villageCompensation(
  parts: VillageCompensationParts,
): Rule<VillageCompensation, Payment<VillageCompensationDetail>> {
  return (facts, ctx) =>
    chain(compensateLeases(parts, facts, ctx), (leases) =>
      chain(parts.sitePart(facts, ctx), (site) =>
        chain(total({ leases, site }, ctx), (amount) => {
          const totalText = toMoneyString(amount, ctx.rounding);
          const data = {
            village: facts.village,
            zoneType: facts.zoneType,
            landAreaMu: facts.landAreaMu,
            leases: facts.leases.length,
            total: totalText,
          };
          const detail = {
            leases: leases.map((lease) => lease.row),
            sitePart: toMoneyString(site, ctx.rounding),
            total: totalText,
          };
          return of(
            { municipal: ZERO, district: amount, eligible: true, estimate: false, detail },
            {
              reasons: [
                reason(messages, "compensation-due", ctx.cite("village.compensation"), data, { decisive: true }),
              ],
              findings: areaFindings(facts, ctx),
            },
          );
        }),
      ),
    );
}
