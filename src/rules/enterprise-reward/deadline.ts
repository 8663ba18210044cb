import type { EnterpriseExit } from "../../schemas/cases.js";
import { finding } from "../../trace/build.js";
import type { DeadlineKey } from "../../vocabulary.js";
import type { Finding } from "../../trace/types.js";
import { chain, figure, of, type Context, type Rule } from "../algebra.js";
import { enterpriseRewardMessages as messages } from "./messages.js";
import { enterpriseExitParameters as p } from "./parameters.js";

/** Which deadline applies: the catalogue industries', or the region's (south when no region is given). */
export type DeadlineBasis = DeadlineKey;

/** The date an exit was due and which deadline gave it. */
export interface Deadline {
  readonly due: string;
  readonly basis: DeadlineBasis;
}

const dueDate = figure(
  "plan.exitDeadline",
  (facts: EnterpriseExit, read): Deadline => {
    const basis: DeadlineBasis = facts.catalogueIndustry !== undefined ? "catalogue" : (facts.region ?? "south");
    return { due: read(p.exitDeadline, basis), basis };
  },
  {
    inputs: (facts) => ({
      exitCompletedOn: facts.exitCompletedOn,
      catalogueIndustry: facts.catalogueIndustry,
      region: facts.region,
    }),
    show: (deadline) => deadline.due,
  },
);

/**
 * 退出完成时限 · exit deadline — the date the exit was due, and the finding `after-deadline` when it was completed later.
 *
 * @remarks
 * 《实施方案》二(三)1(3)(4): catalogue industries and everything north of the 京哈 expressway by the end of 2016;
 * 二(三)2: the whole district by the end of 2017. Reads `plan.exitDeadline`[catalogue | north | south] in force on
 * `exitCompletedOn`; a catalogue industry takes the catalogue date wherever it is, and a firm with no region is
 * treated as south (the district-wide date). Completing on the due date is on time. The finding never changes an
 * amount. Step `plan.exitDeadline`.
 * @example exitDeadline({ ...facts, region: "north", exitCompletedOn: "2017-01-01" }, ctx).findings // [after-deadline]
 * @category enterprise-reward
 */
export const exitDeadline: Rule<EnterpriseExit, Deadline> = (facts, ctx) =>
  chain(dueDate(facts, ctx), (deadline) => of(deadline, { findings: deadlineFindings(facts, deadline, ctx) }));

/** The finding `after-deadline` when the exit was completed after the date it was due (none when on time). */
export function deadlineFindings(
  facts: Pick<EnterpriseExit, "exitCompletedOn">,
  deadline: Deadline,
  ctx: Context,
): Finding[] {
  // ISO dates compare as strings.
  if (!(facts.exitCompletedOn > deadline.due)) return [];
  const data = { exitCompletedOn: facts.exitCompletedOn, due: deadline.due, basis: deadline.basis };
  return [finding(messages, "after-deadline", data, { clause: ctx.cite("plan.exitDeadline") })];
}
