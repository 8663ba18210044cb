import { RuleSetError, type InputIssue } from "../../errors/index.js";
import { param } from "../../parameters/lookup.js";
import type { ClearanceRate, InForce, IsoDate, RuleSet } from "../../parameters/types.js";

/** The three parameters of a clearance declaration, in force on its `declaredOn`. */
export interface ClearanceParameters {
  readonly rates: InForce<Readonly<Record<string, ClearanceRate>>>;
  readonly cutoffDate: InForce<IsoDate>;
  readonly requireSurvey: InForce<boolean>;
}

/** Reads `clearance.rates`, `clearance.cutoffDate` and `clearance.requireSurvey` on `on` (throws RuleSetError when one has no value). */
export function clearanceParameters(ruleSet: RuleSet, on: IsoDate): ClearanceParameters {
  return {
    rates: param(ruleSet, "clearance.rates", on),
    cutoffDate: param(ruleSet, "clearance.cutoffDate", on),
    requireSurvey: param(ruleSet, "clearance.requireSurvey", on),
  };
}

/** The parameters on `on`, or the problems as issues of the case's `declaredOn` (a date the rule set does not cover). */
export function clearanceParametersOrIssues(ruleSet: RuleSet, on: IsoDate): { ok: true; value: ClearanceParameters } | { ok: false; issues: InputIssue[] } {
  try {
    return { ok: true, value: clearanceParameters(ruleSet, on) };
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    return { ok: false, issues: error.issues.map((issue) => ({ path: "declaredOn", message: `declaredOn (申报日期) ${on}: rule set "${ruleSet.id}" ${issue.path} ${issue.message}` })) };
  }
}

/** The structure types the rates table knows, for messages. */
export function knownTypes(rates: Readonly<Record<string, ClearanceRate>>): string {
  return Object.keys(rates).map((key) => `"${key}"`).join(", ");
}
