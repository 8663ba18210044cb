import { describe, expect, it } from "vitest";
import type { RuleSetJson } from "../../src/parameters/types.js";
import { defaultProgramme } from "../../src/rules/default.js";
import { param } from "../support/outcomes.js";
import { bundledRuleSetJson, ruleSets } from "../../src/rule-sets/index.js";

const json = bundledRuleSetJson.get("tongzhou-2016") as RuleSetJson;
const ruleSet = ruleSets["tongzhou-2016"];

describe("the bundled tongzhou-2016 rule set", () => {
  it("holds every parameter the rules need, and nothing else", () => {
    expect(Object.keys(json.parameters).sort()).toEqual(defaultProgramme.parameters.map((p) => p.name).sort());
  });

  it("every source cited exists, dates strictly increase, and every official value cites a clause", () => {
    const ids = new Set(json.sources.map((source) => source.id));
    for (const [name, parameter] of Object.entries(json.parameters)) {
      expect(ids.has(parameter.source), name).toBe(true);
      parameter.values.forEach((value, index) => {
        if (value.source !== undefined) expect(ids.has(value.source), name).toBe(true);
        const previous = parameter.values[index - 1];
        if (previous !== undefined) expect(value.from > previous.from, name).toBe(true);
        if ((value.status ?? parameter.status) === "official")
          expect(value.clause ?? parameter.clause, name).toBeTruthy();
      });
    }
  });

  it.each([
    ["reward.municipal.min", "500000"],
    ["reward.municipal.max", "3000000"],
    ["reward.district.supplementRate", "0.7"],
    ["transfer.coverage", "1"],
  ] as const)("%s is the reported value %s, citing S1", (name, value) => {
    const inForce = param(ruleSet, name, "2016-12-31");
    expect(inForce.value.toString()).toBe(value);
    expect(inForce.status).toBe("reported");
    expect(inForce.source).toBe("S1");
  });

  it("the small-enterprise caps are reported: 600,000 whole, 150,000 process", () => {
    const caps = param(ruleSet, "reward.small.cap", "2016-12-31");
    expect([caps.value.whole.toString(), caps.value.process.toString(), caps.status]).toEqual([
      "600000",
      "150000",
      "reported",
    ]);
  });

  it("the plan's deadlines are official, citing the plan and its clause", () => {
    const deadline = param(ruleSet, "plan.exitDeadline", "2016-12-31");
    expect(deadline.value).toEqual({ north: "2016-12-31", south: "2017-12-31", catalogue: "2016-12-31" });
    expect(deadline.status).toBe("official");
    expect(deadline.source).toBe("S0");
    expect(deadline.clause).toMatch(/二\(三\)/);
  });

  it("the national VAT split is official and changes on 2016-05-01 (0.25 → 0.5); income tax stays 0.4", () => {
    const before = param(ruleSet, "transfer.localShare", "2015-12-31");
    const after = param(ruleSet, "transfer.localShare", "2016-12-31");
    expect([before.value.vat.toString(), after.value.vat.toString(), after.value.corporateIncome.toString()]).toEqual([
      "0.25",
      "0.5",
      "0.4",
    ]);
    expect([before.status, after.status, after.source]).toEqual(["official", "official", "S18"]);
  });

  it("nothing without a public source is labelled official or reported: every other value is illustrative with a note", () => {
    const notIllustrative = new Set([
      "reward.municipal.min",
      "reward.municipal.max",
      "reward.district.supplementRate",
      "reward.small.cap",
      "transfer.coverage",
      "plan.exitDeadline",
      "transfer.localShare",
      "clearance.requireSurvey",
      "clearance.paidInFull",
    ]);
    for (const [name, parameter] of Object.entries(json.parameters)) {
      if (notIllustrative.has(name)) continue;
      expect(parameter.status, name).toBe("illustrative");
      expect(parameter.source, name).toBe("X");
      expect(parameter.note, name).toBeTruthy();
    }
    const x = json.sources.find((source) => source.id === "X");
    expect(x?.status).toBe("illustrative");
  });
});
