import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare } from "../../src/batch/compare.js";
import { parseFactor, scaleRuleSet } from "../../src/batch/whatif.js";
import { InvalidInputError } from "../../src/errors/index.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import { thrownIssues } from "../support/errors.js";
import { clearanceCase, enterpriseCase, villageCase } from "../fixtures/cases.js";

const parameters = () => defaultRuleSet.toJSON().parameters;
const valueOf = (ruleSet: ReturnType<typeof scaleRuleSet>, name: string) =>
  ruleSet.toJSON().parameters[name]?.values[0]?.value;

describe("parseFactor", () => {
  it.each([
    ["1.1", "1.1"],
    ["110%", "1.1"],
    ["+10%", "1.1"],
    ["-5%", "0.95"],
    ["0", "0"],
    [" 2 ", "2"],
    ["+0.5%", "1.005"],
  ])("%s → ×%s", (text, factor) => {
    expect(parseFactor(text)?.toFixed()).toBe(factor);
  });

  it.each(["", "1,1", "1e3", "abc", "-1", "-110%", "10%%", "++10%", "1.", ".5", "1".repeat(21)])(
    "refuses %j",
    (text) => {
      expect(parseFactor(text)).toBeUndefined();
    },
  );
});

describe("scaleRuleSet", () => {
  it("+10% on clearance.rates: every rate ×1.1 exactly, marked illustrative, under its own id", () => {
    const scaled = scaleRuleSet(defaultRuleSet, [{ parameter: "clearance.rates", factor: "+10%" }]);
    expect(scaled.id).toBe("tongzhou-2016+scale");
    expect(scaled.version).toBe("1+scale");
    const rates = valueOf(scaled, "clearance.rates") as { [type: string]: { unit: string; rate: string } };
    const before = parameters()["clearance.rates"]?.values[0]?.value as typeof rates;
    for (const [type, cell] of Object.entries(before)) {
      expect(rates[type]?.unit).toBe(cell.unit);
      expect(rates[type]?.rate).toBe((Number(cell.rate) * 11).toString().replace(/(\d)$/, ".$1").replace(/\.0$/, ""));
    }
    const value = scaled.toJSON().parameters["clearance.rates"]?.values[0];
    expect(value?.status).toBe("illustrative");
    expect(value?.note).toContain("×1.1");
  });

  it("one key of a table, a plain decimal and a scale's rates (never its thresholds)", () => {
    const scaled = scaleRuleSet("tongzhou-2016", [
      { parameter: "reward.small.cap.whole", factor: "1.2" },
      { parameter: "reward.district.supplementRate", factor: "-10%" },
      { parameter: "reward.small.employeeScale", factor: "2" },
    ]);
    expect(valueOf(scaled, "reward.small.cap")).toEqual({ whole: "720000", process: "150000" });
    expect(valueOf(scaled, "reward.district.supplementRate")).toBe("0.63");
    expect(valueOf(scaled, "reward.small.employeeScale")).toEqual({
      type: "marginal-rate",
      brackets: [
        { threshold: "0", rate: "6000" },
        { threshold: "50", rate: "0" },
      ],
    });
    // Parameters not named stay as they were, citation included.
    expect(scaled.toJSON().parameters["village.perMu"]).toEqual(parameters()["village.perMu"]);
  });

  it("every problem at once: an unknown parameter, a bad factor, a date, a boolean, a key that is no table's", () => {
    const issues = thrownIssues(() =>
      scaleRuleSet(defaultRuleSet, [
        { parameter: "clearance.ratez", factor: "1.1" },
        { parameter: "clearance.rates", factor: "ten" },
        { parameter: "clearance.cutoffDate", factor: "1.1" },
        { parameter: "clearance.requireSurvey", factor: "1.1" },
        { parameter: "plan.exitDeadline", factor: "1.1" },
        { parameter: "clearance.rates.no-such-type", factor: "1.1" },
        { parameter: "toString", factor: "1.1" },
      ]),
    );
    expect(issues.map((one) => [one.path, one.code])).toEqual([
      ["changes[0].parameter", "unknown-parameter"],
      ["changes[1].factor", "not-a-factor"],
      ["changes[2].parameter", "not-an-amount"],
      ["changes[3].parameter", "not-an-amount"],
      ["changes[4].parameter", "not-an-amount"],
      ["changes[5].parameter", "unknown-parameter"],
      ["changes[6].parameter", "unknown-parameter"],
    ]);
    for (const one of issues) expect(one.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses a wrong call shape with InvalidInputError", () => {
    for (const changes of [null, 5, [], [null], [{ parameter: 1, factor: "1" }]] as unknown[])
      expect(() => scaleRuleSet(defaultRuleSet, changes as never)).toThrow(InvalidInputError);
  });

  it("compare against the scaled rule set: C-1's fee rises by exactly 10% and is attributed to clearance.rates", () => {
    const cases = [enterpriseCase, clearanceCase, villageCase];
    const scaled = scaleRuleSet(defaultRuleSet, [{ parameter: "clearance.rates", factor: "+10%" }]);
    const document = compare(cases, defaultRuleSet, scaled);
    const change = document.cases.find((one) => one.caseId === clearanceCase.id);
    expect(change?.b.total).toBe((Number(change?.a.total) * 1.1).toFixed(2));
    expect(document.attribution.order).toEqual(["clearance.rates"]);
    expect(document.attribution.total.total).toBe(document.totals.delta.total);
  });

  it("property: ×1 changes no amount; ×f multiplies every scaled decimal by f exactly", () => {
    const cases = [enterpriseCase, clearanceCase, villageCase];
    const names = Object.entries(parameters())
      .filter(([, parameter]) => {
        const value = parameter.values[0]?.value;
        return typeof value === "string" && /^\d+(\.\d+)?$/.test(value);
      })
      .map(([name]) => name);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 3 }),
        (name, units, scale) => {
          const factor = (units / 10 ** scale).toFixed(scale);
          const scaled = scaleRuleSet(defaultRuleSet, [{ parameter: name, factor }]);
          const before = String(parameters()[name]?.values[0]?.value);
          const after = String(valueOf(scaled, name));
          // a × (units / 10^scale), checked in BigInt at a common scale
          const [whole, fraction = ""] = before.split(".");
          const exact = BigInt(`${whole}${fraction}`) * BigInt(units);
          const [afterWhole, afterFraction = ""] = after.split(".");
          const digits = fraction.length + scale;
          expect(BigInt(`${afterWhole}${afterFraction.padEnd(digits, "0")}`)).toBe(exact);
          if (units === 10 ** scale) {
            const same = compare(cases, defaultRuleSet, scaled);
            expect(same.totals.delta.total).toMatch(/^0\.0+$/);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
