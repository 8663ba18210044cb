import { describe, expect, it } from "vitest";
import type { EnterpriseRewardDetail } from "../../../src/rules/enterprise-reward/enterpriseReward.js";
import { enterpriseReward } from "../../support/outcomes.js";
import { exitFacts, testRules } from "./fixtures.js";
import { findingCodes } from "./helpers.js";

describe("after-deadline: north and catalogue by 2016-12-31, south (and no region) by 2017-12-31", () => {
  it.each([
    {
      name: "north, completed 2016-12-31 (the day) → on time",
      facts: { region: "north", exitCompletedOn: "2016-12-31" },
      due: "2016-12-31",
      basis: "north",
      late: false,
    },
    {
      name: "north, completed 2017-01-01 (the day after) → after-deadline",
      facts: { region: "north", exitCompletedOn: "2017-01-01" },
      due: "2016-12-31",
      basis: "north",
      late: true,
    },
    {
      name: "south, completed 2017-12-31 → on time",
      facts: { region: "south", exitCompletedOn: "2017-12-31" },
      due: "2017-12-31",
      basis: "south",
      late: false,
    },
    {
      name: "south, completed 2018-01-01 → after-deadline",
      facts: { region: "south", exitCompletedOn: "2018-01-01" },
      due: "2017-12-31",
      basis: "south",
      late: true,
    },
    {
      name: "no region → south: 2017-12-31 on time",
      facts: { exitCompletedOn: "2017-12-31" },
      due: "2017-12-31",
      basis: "south",
      late: false,
    },
    {
      name: "no region → south: 2018-01-01 late",
      facts: { exitCompletedOn: "2018-01-01" },
      due: "2017-12-31",
      basis: "south",
      late: true,
    },
    {
      name: "catalogue (stone processing) south of 京哈, 2016-12-31 → on time by the catalogue date",
      facts: { catalogueIndustry: "stone-processing", region: "south", exitCompletedOn: "2016-12-31" },
      due: "2016-12-31",
      basis: "catalogue",
      late: false,
    },
    {
      name: "catalogue south of 京哈, 2017-01-01 → late although the south date is 2017-12-31",
      facts: { catalogueIndustry: "stone-processing", region: "south", exitCompletedOn: "2017-01-01" },
      due: "2016-12-31",
      basis: "catalogue",
      late: true,
    },
  ])("$name", ({ facts, due, basis, late }) => {
    const outcome = enterpriseReward(exitFacts({ energySavedTce: "6000", ...facts }), testRules);
    expect((outcome.detail as EnterpriseRewardDetail).deadline).toEqual({ due, basis });
    expect(findingCodes(outcome)).toEqual(late ? ["after-deadline"] : []);
    // Lateness never changes the amount.
    expect(outcome.amounts.municipal).toBe("600000.00");
    const deadlineStep = outcome.trace.find((s) => s.rule === "plan.exitDeadline");
    expect(deadlineStep?.params.map((p) => p.name)).toEqual([`plan.exitDeadline.${basis}`]);
    expect(deadlineStep?.value).toBe(due);
  });

  it("a blocked exit that is also late gets the finding too", () => {
    const outcome = enterpriseReward(
      exitFacts({ licensed: false, region: "north", exitCompletedOn: "2017-03-01", municipalOutcome: "not-applied" }),
      testRules,
    );
    expect(findingCodes(outcome)).toEqual(["after-deadline"]);
    expect(outcome.findings[0]?.data).toEqual({ exitCompletedOn: "2017-03-01", due: "2016-12-31", basis: "north" });
  });
});
