// Names a user chooses (townships, structure types, parameter names, rule-set ids) are looked up as data, never
// as properties of a plain object: "__proto__", "constructor" and "toString" are names like any other.
// (Reliability B6, B12, B13, B14; the adversarial suite is the strictness task's.)
import { describe, expect, it } from "vitest";
import { computeBatch, summarize } from "../../src/batch/compute.js";
import { isInvalidInputError } from "../../src/errors/index.js";
import { loadRuleSet } from "../../src/rule-sets/index.js";
import { runCliCapture } from "../support/cli.js";

const header = { id: "names", version: "1", title: "names", validFrom: "2016-01-01", sources: [] };

function issuesOf(load: () => unknown): { path: string; code: string; message: string }[] {
  try {
    load();
  } catch (error) {
    if (isInvalidInputError(error)) return [...error.issues];
    throw error;
  }
  throw new Error("loaded");
}

describe("user-chosen names", () => {
  it('B6: a township called "__proto__" is a township of the totals', () => {
    const totals = summarize([{ township: "__proto__", amounts: { municipal: "1", district: "2", total: "3" } }]);
    expect(Object.keys(totals.byTownship)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(totals.byTownship)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(totals.byTownship, "__proto__")?.value).toEqual({
      municipal: "1.00",
      district: "2.00",
      total: "3.00",
    });
  });

  it.each(["constructor", "toString", "__proto__"])('B12: structure type "%s" is an unknown structure type', (type) => {
    const clearance = {
      kind: "structure-clearance",
      id: "C1",
      township: "宋庄镇",
      village: "v",
      site: "s",
      declaredOn: "2016-05-01",
      items: [{ id: "i1", structureType: type, quantity: "10" }],
    };
    const document = computeBatch([clearance], { skipInvalid: true });
    expect(document.errors.map((error) => [error.path, error.code])).toEqual([
      ["[0].items[0].structureType", "unknown-structure-type"],
    ]);
  });

  it.each(["constructor", "toString"])('B13: a parameter "%s" is no parameter of the programme', (name) => {
    const json = JSON.parse(
      JSON.stringify({
        ...header,
        extends: "tongzhou-2016",
        parameters: { [name]: { status: "illustrative", source: "X", values: [{ from: "2016-01-01", value: "1" }] } },
      }),
    ) as object;
    expect(issuesOf(() => loadRuleSet(json)).map((issue) => [issue.path, issue.code])).toEqual([
      [`parameters["${name}"]`, "unknown-parameter"],
    ]);
  });

  it('"__proto__" is refused as a name anywhere in a rule set (a schema would drop it silently)', () => {
    const json = JSON.parse(
      '{"id":"names","version":"1","title":"t","validFrom":"2016-01-01","sources":[],"extends":"tongzhou-2016",' +
        '"parameters":{"__proto__":{"status":"illustrative","source":"X","values":[]}},"rules":{"__proto__":{"clause":"c"}}}',
    ) as object;
    expect(issuesOf(() => loadRuleSet(json)).map((issue) => [issue.path, issue.code])).toEqual([
      ['parameters["__proto__"]', "reserved-name"],
      ['rules["__proto__"]', "reserved-name"],
    ]);
  });

  it.each(["__proto__", "toString", "constructor"])('B14: extends "%s" names no bundled rule set', (name) => {
    const issues = issuesOf(() => loadRuleSet({ ...header, extends: name, parameters: {} }));
    expect(issues[0]).toMatchObject({ path: "extends", code: "unknown-extends" });
    expect(issues[0]?.message).toContain(`names no bundled rule set "${name}"`);
  });

  it.each(["toString", "__proto__", "constructor"])("B14: --rules %s is a file that cannot be read", async (name) => {
    const result = await runCliCapture(["rules", "--rules", name]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot read "`);
    expect(result.stderr).toContain(`${name}": no such file`);
  });
});
