import type { EnterpriseExit } from "../../schemas/cases.js";
import { finding, reason } from "../../trace/build.js";
import type { Finding, Reason } from "../../trace/types.js";
import { CLAUSES } from "./clauses.js";
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
 * Reads no parameter. Codes: `unlicensed`, `acceptance-equipment-not-removed`, `acceptance-licence-not-changed`,
 * `acceptance-staff-not-resettled`, `exempt-awaiting-decision`, `exempt-retained`, `catalogue-process-exit`.
 * @returns an empty list when the exit may be rewarded.
 * @example blockingReasons({ ...facts, licensed: false }).map((r) => r.code) // ["unlicensed"]
 * @category enterprise-reward
 */
export function blockingReasons(facts: EnterpriseExit): Reason[] {
  const reasons: Reason[] = [];
  const block = (code: string, clause: string, data: { readonly [key: string]: unknown } = {}) =>
    reasons.push(reason(messages, code, clause, data, DECIDES_NONE));
  if (!facts.licensed) block("unlicensed", CLAUSES.unlicensed);
  if (!facts.acceptance.equipmentRemoved) block("acceptance-equipment-not-removed", CLAUSES.acceptance);
  if (!facts.acceptance.licenceChangedOrCancelled)
    block("acceptance-licence-not-changed", CLAUSES.acceptance, { exitMode: facts.exitMode });
  if (!facts.acceptance.staffResettled) block("acceptance-staff-not-resettled", CLAUSES.acceptance);
  const decision = exemptDecision(facts);
  if (decision === "pending")
    block("exempt-awaiting-decision", CLAUSES.exempt, {
      exemptCategory: facts.exemptCategory,
      leadingGroupDecision: decision,
    });
  if (decision === "retain")
    block("exempt-retained", CLAUSES.exempt, { exemptCategory: facts.exemptCategory, leadingGroupDecision: decision });
  if (isCatalogueProcessExit(facts))
    block("catalogue-process-exit", CLAUSES.wholeExit, {
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
export function clearedReasons(facts: EnterpriseExit): Reason[] {
  const reasons = [
    reason(messages, "licensed", CLAUSES.unlicensed, {}, RULES_OUT_NONE),
    reason(messages, "exit-accepted", CLAUSES.acceptance, { exitMode: facts.exitMode }, RULES_OUT_NONE),
  ];
  if (exemptDecision(facts) === "exit")
    reasons.push(
      reason(
        messages,
        "exempt-exit-decided",
        CLAUSES.exempt,
        { exemptCategory: facts.exemptCategory, leadingGroupDecision: "exit" },
        RULES_OUT_NONE,
      ),
    );
  if (facts.catalogueIndustry !== undefined)
    reasons.push(
      reason(
        messages,
        "catalogue-whole-exit",
        CLAUSES.wholeExit,
        { catalogueIndustry: facts.catalogueIndustry, exitMode: facts.exitMode },
        RULES_OUT_NONE,
      ),
    );
  return reasons;
}

/**
 * 须整体退出 · whole exit required — the finding `whole-exit-required` for a catalogue industry exiting by process.
 *
 * @remarks 《实施方案》二(二)2: 凡《市淘汰目录》内的工业污染行业企业…均须整体退出.
 * @category enterprise-reward
 */
export function wholeExitFindings(facts: EnterpriseExit): Finding[] {
  if (!isCatalogueProcessExit(facts)) return [];
  return [
    finding(
      messages,
      "whole-exit-required",
      { catalogueIndustry: facts.catalogueIndustry, exitMode: facts.exitMode },
      { clause: CLAUSES.wholeExit },
    ),
  ];
}
