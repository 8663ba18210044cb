import { ZERO, sum, type Dec } from "../../money/decimal.js";
import { roundMoney, toMoneyString } from "../../money/round.js";
import type { StructureClearance } from "../../schemas/cases.js";
import { reason } from "../../trace/build.js";
import type { Reason } from "../../trace/types.js";
import { all, chain, figure, of, type Context, type Rule } from "../algebra.js";
import type { Payment } from "../domain.js";
import { landClearingFeeMessages as messages } from "./messages.js";
import type { ClearanceDetail, DeclaredBasis } from "./types.js";
import { verifyItem, type ItemParts, type ItemVerification } from "./verifyItem.js";

/** Declared, approved and difference of a declaration, as the sheet shows them. */
export interface ClearanceTotals {
  readonly approved: Dec;
  readonly declared: Dec;
  readonly difference: Dec;
  readonly basis: DeclaredBasis;
  readonly shown: ClearanceDetail["totals"];
}

function declaredBasis(verified: readonly ItemVerification[]): DeclaredBasis {
  const given = verified.filter((v) => v.declared.basis === "declared-amount").length;
  if (given === verified.length) return "declared-amounts";
  return given === 0 ? "declared-quantities-at-rates" : "mixed";
}

const declaredTotal = figure(
  "clearance.totals.declared",
  // A declared amount may carry sub-fen digits: the declared total is rounded once.
  (verified: readonly ItemVerification[], _read, ctx) =>
    roundMoney(sum(verified.map((v) => v.declared.value)), ctx.rounding),
  {
    inputs: (verified) => ({ basis: declaredBasis(verified), items: verified.map((v) => v.declared.amount) }),
    show: (value, ctx) => toMoneyString(value, ctx.rounding),
  },
);

const approvedTotal = figure(
  "clearance.totals.approved",
  (verified: readonly ItemVerification[]) => sum(verified.map((v) => v.fee)),
  {
    inputs: (verified) => ({ fees: verified.map((v) => v.item.fee) }),
    show: (value, ctx) => toMoneyString(value, ctx.rounding),
  },
);

const difference = figure(
  "clearance.totals.difference",
  ({ approved, declared }: { readonly approved: Dec; readonly declared: Dec }) => approved.minus(declared),
  {
    inputs: ({ approved, declared }, _value, ctx) => ({
      approved: toMoneyString(approved, ctx.rounding),
      declared: toMoneyString(declared, ctx.rounding),
    }),
    show: (value, ctx) => toMoneyString(value, ctx.rounding),
  },
);

/**
 * 合计 · declaration totals — declared, approved (Σ rounded item fees) and difference (approved − declared).
 *
 * @remarks
 * The declared total adds each item's declared value: its `declaredAmount` when given, else its declared
 * fee at the rates. `basis` says which: `declared-amounts` (every item gave one),
 * `declared-quantities-at-rates` (none did) or `mixed`; it is rounded once (a declared amount may carry
 * sub-fen digits). The difference is taken between the two figures shown, so the sheet foots. Steps
 * `clearance.totals.declared`, `.approved`, `.difference`.
 * @example clearanceTotals(verified, ctx).value.shown // { declared: "9200.00", approved: "7200.00", difference: "-2000.00" }
 * @category land-clearing-fee
 */
export const clearanceTotals: Rule<readonly ItemVerification[], ClearanceTotals> = (verified, ctx) =>
  chain(declaredTotal(verified, ctx), (declared) =>
    chain(approvedTotal(verified, ctx), (approved) =>
      chain(difference({ approved, declared }, ctx), (diff) => {
        const money = (value: Dec) => toMoneyString(value, ctx.rounding);
        const shown = { declared: money(declared), approved: money(approved), difference: money(diff) };
        return of({ approved, declared, difference: diff, basis: declaredBasis(verified), shown });
      }),
    ),
  );

/** How many items a declaration has, were surveyed, approved with a fee or at 0, and have findings. */
export type ItemCounts = {
  readonly items: number;
  readonly surveyed: number;
  readonly paid: number;
  readonly zero: number;
  readonly withFindings: number;
};

/** The reasons of a verified declaration: `verified-items` (its counts) and `paid-to-township` (the approved total shown). */
export function declarationReasons(township: string, counts: ItemCounts, approved: string, ctx: Context): Reason[] {
  return [
    reason(messages, "verified-items", ctx.cite("clearance.verification"), counts, { decisive: true }),
    reason(messages, "paid-to-township", ctx.cite("clearance.payment"), { township, approved }, { decisive: true }),
  ];
}

/** The named parts of the structure-clearance domain. */
export interface StructureClearanceParts extends ItemParts {
  readonly clearanceTotals: Rule<readonly ItemVerification[], ClearanceTotals>;
}

/**
 * 腾地经费核定 · declaration verification — the payment rule of the structure-clearance domain: the housing
 * commission's verification (核定) of a township's declaration for one site, item by item, and what the district pays.
 *
 * @remarks
 * 《实施方案》四(三十二)10 (the township declares), 四(十一)4 (住建委 verifies), 四(十四)3 (区财政局 pays
 * the verified amount in full, directly to the township). Parameters are read at `declaredOn`. Each item is
 * verified by `verifyItem`; the approved total is the sum of the rounded item fees and the district pays it.
 * Reasons: `verified-items` (cites `clearance.verification`), `paid-to-township` (`clearance.payment`). Always
 * `eligible`: a zero fee is explained by the findings.
 * @category land-clearing-fee
 */
export function verifyDeclaration(parts: StructureClearanceParts): Rule<StructureClearance, Payment<ClearanceDetail>> {
  const item = verifyItem(parts);
  return (facts, ctx) =>
    chain(all(facts.items.map((one) => item(one, ctx))), (verified) =>
      chain(parts.clearanceTotals(verified, ctx), (totals) => {
        const paidItems = verified.filter((v) => !v.fee.isZero()).length;
        const counts = {
          items: verified.length,
          surveyed: facts.items.filter((one) => one.survey !== undefined).length,
          paid: paidItems,
          zero: verified.length - paidItems,
          withFindings: verified.filter((v) => v.item.findings.length > 0).length,
        };
        const reasons = declarationReasons(facts.township, counts, totals.shown.approved, ctx);
        const detail: ClearanceDetail = {
          village: facts.village,
          site: facts.site,
          declaredOn: facts.declaredOn,
          items: verified.map((v) => v.item),
          totals: totals.shown,
          declaredBasis: totals.basis,
          declaredByItem: verified.map(({ declared: { id, amount, basis } }) => ({ id, amount, basis })),
        };
        return of({ municipal: ZERO, district: totals.approved, eligible: true, estimate: false, detail }, { reasons });
      }),
    );
}
