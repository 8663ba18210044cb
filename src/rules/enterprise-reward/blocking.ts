import type { EnterpriseExit } from "../../schemas/cases.js";
import { finding, reason } from "../../trace/build.js";
import type { Finding, Reason } from "../../trace/types.js";
import { of, type Context, type Rule } from "../algebra.js";
import { enterpriseRewardMessages as messages } from "./messages.js";

const DECIDES_NONE = { track: "none", decisive: true } as const;
const RULES_OUT_NONE = { track: "none" } as const;

/** The leading group's decision on an exempt-category firm (`pending` when none is recorded), or undefined when the firm is not in an exempt category. */
export function exemptDecision(facts: EnterpriseExit): "pending" | "exit" | "retain" | undefined {
  return facts.exemptCategory === undefined ? undefined : (facts.leadingGroupDecision ?? "pending");
}

/** A catalogue industry that is exiting by process only, which the plan does not allow. */
export function isCatalogueProcessExit(facts: EnterpriseExit): boolean {
  return facts.catalogueIndustry !== undefined && facts.exitMode === "process";
}

/**
 * 不予奖励的情形 · blocking conditions — every condition that puts the exit on track `none`, each a decisive reason.
 *
 * @remarks
 * 《实施方案》二(二)1 and 四(四)1 (unlicensed operators are cleared, 清理取缔), 二(四)2 (the exit standard:
 * equipment removed, licence changed or cancelled, staff resettled), 二(二)1 (exempt categories wait for the
 * leading group), 二(二)2 (catalogue industries exit whole). Every failing condition is listed, not just the first.
 * Reads no parameter; cites `reward.licensed`, `reward.exitAccepted`, `reward.exemptCategory`, `reward.wholeExit`.
 * Codes: `unlicensed`, `acceptance-equipment-not-removed`, `acceptance-licence-not-changed`,
 * `acceptance-staff-not-resettled`, `exempt-awaiting-decision`, `exempt-retained`, `catalogue-process-exit`.
 * @returns an empty list when the exit may be rewarded.
 * @example blockingReasons({ ...facts, licensed: false }, ctx).map((r) => r.code) // ["unlicensed"]
 * @category enterprise-reward
 */
export function blockingReasons(facts: EnterpriseExit, ctx: Context): Reason[] {
  const reasons: Reason[] = [];
  const block = (code: string, rule: string, data: { readonly [key: string]: unknown } = {}) =>
    reasons.push(reason(messages, code, ctx.cite(rule), data, DECIDES_NONE));
  if (!facts.licensed) block("unlicensed", "reward.licensed");
  if (!facts.acceptance.equipmentRemoved) block("acceptance-equipment-not-removed", "reward.exitAccepted");
  if (!facts.acceptance.licenceChangedOrCancelled)
    block("acceptance-licence-not-changed", "reward.exitAccepted", { exitMode: facts.exitMode });
  if (!facts.acceptance.staffResettled) block("acceptance-staff-not-resettled", "reward.exitAccepted");
  const decision = exemptDecision(facts);
  if (decision === "pending")
    block("exempt-awaiting-decision", "reward.exemptCategory", {
      exemptCategory: facts.exemptCategory,
      leadingGroupDecision: decision,
    });
  if (decision === "retain")
    block("exempt-retained", "reward.exemptCategory", {
      exemptCategory: facts.exemptCategory,
      leadingGroupDecision: decision,
    });
  if (isCatalogueProcessExit(facts))
    block("catalogue-process-exit", "reward.wholeExit", {
      catalogueIndustry: facts.catalogueIndustry,
      exitMode: facts.exitMode,
    });
  return reasons;
}

/**
 * 符合退出标准 · conditions met — for an exit with no blocking condition, the conditions that rule out track `none`.
 *
 * @remarks
 * The same clauses as {@link blockingReasons}, met. Codes: `licensed`, `exit-accepted`, and when they apply
 * `exempt-exit-decided` and `catalogue-whole-exit`. Each carries `track: "none"` (the track it rules out).
 * @category enterprise-reward
 */
export function clearedReasons(facts: EnterpriseExit, ctx: Context): Reason[] {
  const reasons = [
    reason(messages, "licensed", ctx.cite("reward.licensed"), {}, RULES_OUT_NONE),
    reason(messages, "exit-accepted", ctx.cite("reward.exitAccepted"), { exitMode: facts.exitMode }, RULES_OUT_NONE),
  ];
  if (exemptDecision(facts) === "exit")
    reasons.push(
      reason(
        messages,
        "exempt-exit-decided",
        ctx.cite("reward.exemptCategory"),
        { exemptCategory: facts.exemptCategory, leadingGroupDecision: "exit" },
        RULES_OUT_NONE,
      ),
    );
  if (facts.catalogueIndustry !== undefined)
    reasons.push(
      reason(
        messages,
        "catalogue-whole-exit",
        ctx.cite("reward.wholeExit"),
        { catalogueIndustry: facts.catalogueIndustry, exitMode: facts.exitMode },
        RULES_OUT_NONE,
      ),
    );
  return reasons;
}

/**
 * 须整体退出 · whole exit required — the finding `whole-exit-required` for a catalogue industry exiting by process.
 *
 * @remarks 《实施方案》二(二)2: 凡《市淘汰目录》内的工业污染行业企业…均须整体退出 (cites `reward.wholeExit`).
 * @category enterprise-reward
 */
export function wholeExitFindings(facts: EnterpriseExit, ctx: Context): Finding[] {
  if (!isCatalogueProcessExit(facts)) return [];
  return [
    finding(
      messages,
      "whole-exit-required",
      { catalogueIndustry: facts.catalogueIndustry, exitMode: facts.exitMode },
      { clause: ctx.cite("reward.wholeExit") },
    ),
  ];
}

/**
 * 退出条件 · blocking — whether a condition puts the exit on track `none` (true: blocked). Its reasons are the
 * blocking conditions when blocked, else the conditions met; its finding, a catalogue industry's process exit.
 *
 * @example blocking({ ...facts, licensed: false }, ctx).value // true, reasons [unlicensed]
 * @category enterprise-reward
 */
export const blocking: Rule<EnterpriseExit, boolean> = (facts, ctx) => {
  const blocked = blockingReasons(facts, ctx);
  const findings = wholeExitFindings(facts, ctx);
  return blocked.length > 0
    ? of(true, { reasons: blocked, findings })
    : of(false, { reasons: clearedReasons(facts, ctx), findings });
};
