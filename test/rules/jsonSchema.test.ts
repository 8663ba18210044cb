// jsonSchema (src/rules/jsonSchema.ts): the schema of a case kind of the programme, a ledger row or a rule set;
// a name it does not know is refused naming the schemas it knows.
import { describe, expect, it } from "vitest";
import { jsonSchema, schemaNames } from "../../src/rules/jsonSchema.js";
import { programme } from "../../src/rules/programme.js";
import { domains } from "../../src/rules/default.js";
import { thrownIssues } from "../support/errors.js";

const villages = programme(domains.villageCompensation);
const properties = (schema: Record<string, unknown>) => schema.properties as Record<string, { description?: string }>;

describe("jsonSchema", () => {
  it("a case kind of the default programme, with the Chinese labels as descriptions", () => {
    expect(properties(jsonSchema("enterprise-exit")).energySavedTce?.description).toBe("节能量（吨标煤）");
    expect(jsonSchema("enterprise-exit", {})).toEqual(jsonSchema("enterprise-exit"));
  });

  it("ledger and rules, whatever the programme", () => {
    expect(jsonSchema("ledger", { programme: villages })).toMatchObject({ title: "exitfund ledger" });
    expect(jsonSchema("ledger", { programme: villages })).toEqual(jsonSchema("ledger"));
    expect(jsonSchema("rules")).toHaveProperty("properties");
  });

  it("a kind of the programme given: its schema; a kind it lacks is refused", () => {
    expect(jsonSchema("village-compensation", { programme: villages })).toEqual(jsonSchema("village-compensation"));
    expect(schemaNames(villages)).toEqual(["village-compensation", "ledger", "rules"]);
    expect(thrownIssues(() => jsonSchema("enterprise-exit", { programme: villages }))).toEqual([
      {
        path: "schema",
        code: "unknown-schema",
        message: 'no schema "enterprise-exit"; known: village-compensation, ledger, rules',
        zh: '没有结构定义 "enterprise-exit"',
      },
    ]);
  });

  it("an unknown name (or no text) is refused naming the known ones", () => {
    expect(thrownIssues(() => jsonSchema("nope"))).toEqual([
      {
        path: "schema",
        code: "unknown-schema",
        message:
          'no schema "nope"; known: enterprise-exit, structure-clearance, village-compensation, township-transfer, ledger, rules',
        zh: '没有结构定义 "nope"',
      },
    ]);
    expect(thrownIssues(() => jsonSchema(5 as never))[0]).toMatchObject({ path: "schema", zh: "没有结构定义 5" });
  });

  it("options: only programme, a programme", () => {
    expect(thrownIssues(() => jsonSchema("rules", { bogus: 1 } as never))).toEqual([
      {
        path: "options.bogus",
        code: "unknown-option",
        message: "is no option; the options are programme",
        zh: "不是可用的选项；可用选项：programme",
      },
    ]);
    expect(thrownIssues(() => jsonSchema("rules", 5 as never))).toEqual([
      {
        path: "options",
        code: "not-options",
        message: "must be an object of options { programme }; got the number 5",
        zh: "应为选项对象 { programme }；实际为 数字 5",
      },
    ]);
    expect(thrownIssues(() => jsonSchema("rules", { programme: {} } as never))[0]).toMatchObject({
      path: "options.programme",
      code: "invalid-option",
    });
  });
});
