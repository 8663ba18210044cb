import { param, paramUse } from "../../parameters/lookup.js";
import type { RuleSet } from "../../parameters/types.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import { finding, step } from "../../trace/build.js";
import type { Finding, TraceStep } from "../../trace/types.js";
import { CLAUSES } from "./clauses.js";
import { enterpriseRewardMessages as messages } from "./messages.js";

/** Which deadline applies: the catalogue industries', or the region's (south when no region is given). */
export type DeadlineBasis = "catalogue" | "north" | "south";

/**
 * 退出完成时限 · exit deadline — the date the exit was due, and the finding `after-deadline` when it was completed later.
 *
 * @remarks
 * 《实施方案》二(三)1(3)(4): catalogue industries and everything north of the 京哈 expressway by the end of 2016;
 * 二(三)2: the whole district by the end of 2017. Reads `plan.exitDeadline`[catalogue | north | south] in force on
 * `exitCompletedOn`; a catalogue industry takes the catalogue date wherever it is, and a firm with no region is
 * treated as south (the district-wide date). Completing on the due date is on time. The finding never changes an amount.
 * @example exitDeadline({ ...facts, region: "north", exitCompletedOn: "2017-01-01" }, ruleSet).findings // [after-deadline]
 * @category enterprise-reward
 */
export function exitDeadline(
  facts: EnterpriseExit,
  ruleSet: RuleSet,
): {
  readonly due: string;
  readonly basis: DeadlineBasis;
  readonly step: TraceStep;
  readonly findings: readonly Finding[];
} {
  const deadlines = param(ruleSet, "plan.exitDeadline", facts.exitCompletedOn);
  const basis: DeadlineBasis = facts.catalogueIndustry !== undefined ? "catalogue" : (facts.region ?? "south");
  const due = deadlines.value[basis];
  const inputs = {
    exitCompletedOn: facts.exitCompletedOn,
    catalogueIndustry: facts.catalogueIndustry,
    region: facts.region,
  };
  const late = facts.exitCompletedOn > due; // ISO dates compare as strings
  const findings = late
    ? [
        finding(
          messages,
          "after-deadline",
          { exitCompletedOn: facts.exitCompletedOn, due, basis },
          { clause: CLAUSES.deadline },
        ),
      ]
    : [];
  return {
    due,
    basis,
    step: step("plan.exitDeadline", CLAUSES.deadline, [paramUse(deadlines, basis)], inputs, due),
    findings,
  };
}
