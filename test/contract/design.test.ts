// DESIGN §7 names the library's API: "the names tools import". Each of them is a root export of `exitfund`, of the
// kind the design gives it, so a tool written from the design runs against the package unchanged.
import { describe, expect, it } from "vitest";
import * as core from "../../src/index.js";
import * as rules from "../../src/rules/index.js";

const FUNCTIONS = [
  "compute",
  "computeStream",
  "loadRuleSet",
  "verify",
  "audit",
  "budget",
  "parseMoney",
  "roundMoney",
  "allocate",
  "formatYuan",
  "formatWan",
  "toChineseCapital",
  "jsonSchema",
  "InvalidInputError",
] as const;

describe("DESIGN §7: the names tools import", () => {
  it.each(FUNCTIONS)("%s is a function of the root entry", (name) => {
    expect(Object.hasOwn(core, name)).toBe(true);
    expect(typeof (core as Record<string, unknown>)[name]).toBe("function");
  });

  it("ruleSets (bundled, by id) and schemas (zod) are objects of the root entry", () => {
    expect(Object.keys(core.ruleSets)).toContain("tongzhou-2016");
    expect(typeof core.schemas.case.safeParse).toBe("function");
  });

  it("jsonSchema is one function in both entries, and gives the shipped schema of each kind", () => {
    expect(core.jsonSchema).toBe(rules.jsonSchema);
    const schema = core.jsonSchema("enterprise-exit") as { properties: Record<string, { description?: string }> };
    expect(schema.properties["energySavedTce"]?.description).toBe("节能量（吨标煤）");
    expect(() => core.jsonSchema("nope")).toThrow(core.InvalidInputError);
  });
});
