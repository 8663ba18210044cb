import { describe, expect, it } from "vitest";
import { RuleSetError } from "../../src/errors/index.js";
import { weakestStatus } from "../../src/parameters/lookup.js";
import { param } from "../support/outcomes.js";
import { ruleSetWith } from "../support/ruleSetWith.js";

const dated = ruleSetWith({
  "reward.municipal.min": {
    values: [
      { from: "2010-01-01", value: "100" },
      { from: "2016-05-01", value: "200", status: "official", clause: "test clause 1" },
      { from: "2020-01-01", value: null },
    ],
  },
});

describe("valueInForce: the value in force on a date", () => {
  it.each([
    ["the day a value starts takes it", "2016-05-01", "200"],
    ["the day before takes the earlier value", "2016-04-30", "100"],
    ["the first day of the first value", "2010-01-01", "100"],
    ["a date well inside a period", "2018-06-30", "200"],
  ])("%s (%s → %s)", (_name, on, expected) => {
    expect(param(dated, "reward.municipal.min", on).value.toString()).toBe(expected);
  });

  it("a date before the first value is an error naming the parameter and the date, never a zero", () => {
    expect(() => param(dated, "reward.municipal.min", "2009-12-31")).toThrow(RuleSetError);
    expect(() => param(dated, "reward.municipal.min", "2009-12-31")).toThrow(
      /reward\.municipal\.min.*2009-12-31.*2010-01-01/,
    );
  });

  it("a null value repeals the parameter from its date", () => {
    expect(() => param(dated, "reward.municipal.min", "2020-01-01")).toThrow(/repealed from 2020-01-01/);
  });

  it("a value's own status overrides its parameter's, and the trace records it", () => {
    const inForce = param(dated, "reward.municipal.min", "2017-01-01");
    expect(inForce.status).toBe("official");
    expect(inForce.use).toEqual({
      name: "reward.municipal.min",
      from: "2016-05-01",
      value: "200",
      status: "official",
      source: "T",
      clause: "test clause 1",
    });
    expect(param(dated, "reward.municipal.min", "2011-01-01").status).toBe("illustrative");
  });

  it("the citation of a table cell names the key and records only that cell", () => {
    const rates = param(dated, "clearance.rates", "2016-07-01");
    expect(rates.cells["brick-concrete"]).toMatchObject({
      name: "clearance.rates.brick-concrete",
      value: { unit: "m2", rate: "60" },
    });
  });
});

describe("weakestStatus", () => {
  it.each([
    [["official", "reported"], "reported"],
    [["official", "official"], "official"],
    [["reported", "illustrative", "official"], "illustrative"],
    [[], "official"],
  ] as const)("%j → %s", (statuses, expected) => {
    expect(weakestStatus(statuses)).toBe(expected);
  });
});
