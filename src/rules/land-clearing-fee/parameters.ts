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

/** The parameters on `on`, or every one that has no value then, as issues of the case's `declaredOn`. */
export function clearanceParametersOrIssues(
  ruleSet: RuleSet,
  on: IsoDate,
): { ok: true; value: ClearanceParameters } | { ok: false; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  for (const name of ["clearance.rates", "clearance.cutoffDate", "clearance.requireSurvey"] as const) {
    try {
      param(ruleSet, name, on);
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      issues.push(
        ...error.issues.map((issue) => ({
          path: "declaredOn",
          message: `declaredOn (申报日期) ${on}: rule set "${ruleSet.id}" ${name} ${issue.message}`,
        })),
      );
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: clearanceParameters(ruleSet, on) };
}

/** The structure types the rates table knows, for messages. */
export function knownTypes(rates: Readonly<Record<string, ClearanceRate>>): string {
  return Object.keys(rates)
    .map((key) => `"${key}"`)
    .join(", ");
}
