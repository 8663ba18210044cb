import { describe, expect, it } from "vitest";
import { enterpriseReward } from "../../support/outcomes.js";
import { ruleSets } from "../../../src/rule-sets/index.js";
import { ACCEPTED, exitFacts, testRules } from "./fixtures.js";
import { codesFor, findingCodes, ruleNames } from "./helpers.js";

// Every exit below would otherwise be a municipal-track firm: 6,000 tce × 100 = 600,000, above scale, granted.
const rewardable = { energySavedTce: "6000" };

describe("blocking conditions → track none, every failing condition listed", () => {
  it.each([
    { name: "no business licence → unlicensed", facts: { licensed: false }, codes: ["unlicensed"], findings: [] },
    {
      name: "main equipment not removed → acceptance-equipment-not-removed",
      facts: { acceptance: { ...ACCEPTED, equipmentRemoved: false } },
      codes: ["acceptance-equipment-not-removed"],
      findings: [],
    },
    {
      name: "licence neither changed nor cancelled → acceptance-licence-not-changed",
      facts: { acceptance: { ...ACCEPTED, licenceChangedOrCancelled: false } },
      codes: ["acceptance-licence-not-changed"],
      findings: [],
    },
    {
      name: "staff not resettled → acceptance-staff-not-resettled",
      facts: { acceptance: { ...ACCEPTED, staffResettled: false } },
      codes: ["acceptance-staff-not-resettled"],
      findings: [],
    },
    {
      name: "two acceptance flags false → one reason each",
      facts: { acceptance: { equipmentRemoved: false, licenceChangedOrCancelled: true, staffResettled: false } },
      codes: ["acceptance-equipment-not-removed", "acceptance-staff-not-resettled"],
      findings: [],
    },
    {
      name: "high-tech firm with no decision recorded → pending → exempt-awaiting-decision",
      facts: { exemptCategory: "high-tech" },
      codes: ["exempt-awaiting-decision"],
      findings: [],
    },
    {
      name: "listed company, decision pending → exempt-awaiting-decision",
      facts: { exemptCategory: "listed", leadingGroupDecision: "pending" },
      codes: ["exempt-awaiting-decision"],
      findings: [],
    },
    {
      name: "arts-and-crafts firm the leading group retains → exempt-retained",
      facts: { exemptCategory: "arts-crafts", leadingGroupDecision: "retain" },
      codes: ["exempt-retained"],
      findings: [],
    },
    {
      name: "casting (catalogue) by process exit → catalogue-process-exit + finding whole-exit-required",
      facts: { catalogueIndustry: "casting", exitMode: "process" },
      codes: ["catalogue-process-exit"],
      findings: ["whole-exit-required", "municipal-granted-off-track"],
    },
    {
      name: "everything at once → all six listed: unlicensed, three acceptance flags, retained, catalogue by process",
      facts: {
        licensed: false,
        acceptance: { equipmentRemoved: false, licenceChangedOrCancelled: false, staffResettled: false },
        exemptCategory: "livelihood",
        leadingGroupDecision: "retain",
        catalogueIndustry: "electroplating",
        exitMode: "process",
      },
      codes: [
        "unlicensed",
        "acceptance-equipment-not-removed",
        "acceptance-licence-not-changed",
        "acceptance-staff-not-resettled",
        "exempt-retained",
        "catalogue-process-exit",
      ],
      findings: ["whole-exit-required", "municipal-granted-off-track"],
    },
  ])("$name", ({ facts, codes, findings }) => {
    const outcome = enterpriseReward(
      exitFacts({
        ...rewardable,
        ...facts,
        municipalOutcome: (findings as readonly string[]).includes("municipal-granted-off-track")
          ? "granted"
          : "not-applied",
      }),
      testRules,
    );
    expect(outcome.track).toBe("none");
    expect(outcome.eligible).toBe(false);
    expect(outcome.amounts).toEqual({ municipal: "0.00", district: "0.00", total: "0.00" });
    expect(outcome.reasons.map((r) => r.code)).toEqual(codes);
    expect(outcome.reasons.every((r) => r.track === "none" && r.decisive === true)).toBe(true);
    expect(findingCodes(outcome)).toEqual(findings);
    // Nothing is computed for a blocked exit: only the track decision and the deadline.
    expect(ruleNames(outcome)).toEqual(["reward.track", "plan.exitDeadline"]);
    expect(Object.keys(outcome.detail ?? {})).toEqual(["deadline"]);
  });

  it("a granted firm that is blocked gets the finding municipal-granted-off-track (the city paid a firm the rules do not reward)", () => {
    const outcome = enterpriseReward(
      exitFacts({ ...rewardable, licensed: false, municipalOutcome: "granted" }),
      testRules,
    );
    expect(findingCodes(outcome)).toEqual(["municipal-granted-off-track"]);
  });

  it("the reward.track step records the blocking facts, with the pending default of an exempt firm", () => {
    const outcome = enterpriseReward(exitFacts({ ...rewardable, exemptCategory: "tech-centre" }), testRules);
    expect(outcome.trace[0]?.inputs).toMatchObject({
      licensed: true,
      exemptCategory: "tech-centre",
      leadingGroupDecision: "pending",
      exitMode: "whole",
    });
  });

  it("the reward.track step of an exit that is not blocked also records the municipal facts that decided it", () => {
    const outcome = enterpriseReward(
      exitFacts({ ...rewardable, municipalOutcome: "not-granted", recommendedByDistrict: true }),
      testRules,
    );
    expect(outcome.trace.find((s) => s.rule === "reward.track")?.inputs).toEqual({
      licensed: true,
      acceptance: ACCEPTED,
      exitMode: "whole",
      scale: "above",
      meetsMunicipalStandard: true,
      municipalOutcome: "not-granted",
      recommendedByDistrict: true,
    });
    const blocked = enterpriseReward(exitFacts({ ...rewardable, licensed: false }), testRules);
    expect(blocked.trace[0]?.inputs).toEqual({ licensed: false, acceptance: ACCEPTED, exitMode: "whole" });
  });

  it("a blocked exit reads only the official deadline: basis official with the bundled rule set", () => {
    const outcome = enterpriseReward(exitFacts({ ...rewardable, licensed: false }), ruleSets["tongzhou-2016"]);
    expect(outcome.basis).toBe("official");
  });
});

describe("conditions met → not blocked; they rule out track none", () => {
  it.each([
    { name: "licensed and accepted → licensed, exit-accepted", facts: {}, codes: ["licensed", "exit-accepted"] },
    {
      name: "high-tech firm the leading group decided exits → also exempt-exit-decided",
      facts: { exemptCategory: "high-tech", leadingGroupDecision: "exit" },
      codes: ["licensed", "exit-accepted", "exempt-exit-decided"],
    },
    {
      name: "forging (catalogue) exiting whole → also catalogue-whole-exit",
      facts: { catalogueIndustry: "forging" },
      codes: ["licensed", "exit-accepted", "catalogue-whole-exit"],
    },
  ])("$name", ({ facts, codes }) => {
    const outcome = enterpriseReward(exitFacts({ ...rewardable, ...facts }), testRules);
    expect(outcome.track).toBe("municipal");
    expect(codesFor(outcome, "none")).toEqual(codes);
    expect(outcome.reasons.filter((r) => r.track === "none").every((r) => r.decisive === undefined)).toBe(true);
  });
});
