// The context of one case (src/rules/context.ts): a table parameter read with a key it has no entry for is a
// RuleSetError naming the parameter and the key — never undefined, nor a value of the table's prototype.
import { describe, expect, it } from "vitest";
import { RuleSetError } from "../../src/errors/index.js";
import { createContext } from "../../src/rules/context.js";
import { enterpriseExitParameters } from "../../src/rules/enterprise-reward/parameters.js";
import { structureClearanceParameters } from "../../src/rules/land-clearing-fee/parameters.js";
import { ruleSets } from "../../src/rule-sets/index.js";
import { NO_CLAUSE } from "../../src/trace/types.js";
import type { Parameter } from "../../src/parameters/handles.js";

const { ctx } = createContext(ruleSets["tongzhou-2016"], "2016-10-31", true);

function refusal(parameter: Parameter<unknown>, key: string): unknown {
  try {
    ctx.cited(parameter, key);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError);
    return (error as RuleSetError).issues;
  }
  throw new Error("expected RuleSetError");
}

describe("createContext: cited with a key", () => {
  it("an entry of a table: its value and its citation", () => {
    expect(ctx.cited(enterpriseExitParameters.ratePerTonne as Parameter<unknown>, "so2").value).toBe(
      ctx.read(enterpriseExitParameters.ratePerTonne, "so2"),
    );
    expect(ctx.cited(enterpriseExitParameters.ratePerTonne as Parameter<unknown>, "so2").use).toMatchObject({
      name: "reward.municipal.ratePerTonne.so2",
    });
  });

  it.each([
    ["a table without the key", enterpriseExitParameters.ratePerTonne, "co2"],
    ["a table, a key of its prototype", enterpriseExitParameters.ratePerTonne, "toString"],
    ["a decimal (no table)", enterpriseExitParameters.municipalMin, "so2"],
    ["a date (a text, no table), an index of its characters", structureClearanceParameters.cutoffDate, "0"],
    ["true or false (no table)", structureClearanceParameters.requireSurvey, "so2"],
  ])("%s: refused with the parameter, the key and the date", (_name, parameter, key) => {
    expect(refusal(parameter as Parameter<unknown>, key)).toEqual([
      {
        path: `parameters["${parameter.name}"]`,
        code: "no-table-entry",
        message: `has no entry "${key}" in the value in force on 2016-10-31`,
        zh: "参数的有效值中没有该项",
      },
    ]);
  });

  it("the key is echoed cut to 60 characters", () => {
    const key = "k".repeat(70);
    expect(refusal(enterpriseExitParameters.ratePerTonne as Parameter<unknown>, key)).toEqual([
      expect.objectContaining({ message: `has no entry "${"k".repeat(60)}" in the value in force on 2016-10-31` }),
    ]);
  });

  it("cite: a rule's clause, NO_CLAUSE for a rule the rule set does not name", () => {
    expect(ctx.cite("plan.exitDeadline")).toBe("《实施方案》二(三)1(3)(4), 二(三)2");
    expect(ctx.cite("no.such.rule")).toBe(NO_CLAUSE);
    expect(ctx.cite("toString")).toBe(NO_CLAUSE);
  });
});
