// The mission sentence, tested: a second district's rules built on the public API alone. examples/changping-2015
// is written as a user would write it (it imports only `exitfund` and `exitfund/rules`); here it is loaded, its
// rule set loaded for it, and its two bonuses checked by hand, alone and together, through compute, explain,
// budget, audit and compare.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  audit,
  budget,
  compare,
  compute,
  computeBatch,
  explain,
  isRuleSetError,
  loadRuleSet,
  type OutcomeBase,
  type RuleSet,
} from "exitfund";
import { defaultProgramme, isProgramme, jsonSchema, type Programme } from "exitfund/rules";

const folder = join(import.meta.dirname, "../../examples/changping-2015");
const rulesJson = JSON.parse(readFileSync(join(folder, "rules.json"), "utf8")) as object;
const sample = (JSON.parse(readFileSync(join(folder, "cases.json"), "utf8")) as { cases: unknown[] }).cases;

let changping: Programme;
let rules: RuleSet;

beforeAll(async () => {
  const module = (await import(join(folder, "programme.mjs"))) as { default: unknown };
  if (!isProgramme(module.default)) throw new Error("programme.mjs exports no programme");
  changping = module.default;
  rules = loadRuleSet(rulesJson, { programme: changping });
});

/** An accepted, licensed whole exit in 台湖镇, its municipal amount assessed (no illustrative rate is read). */
function exit(extra: { readonly [key: string]: unknown }): { readonly [key: string]: unknown } {
  return {
    kind: "enterprise-exit",
    id: "CP-1",
    name: "test firm",
    township: "台湖镇",
    exitMode: "whole",
    scale: "above",
    exitCompletedOn: "2016-08-31",
    licensed: true,
    acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true },
    municipalOutcome: "granted",
    recommendedByDistrict: true,
    energySavedTce: "0",
    employees: 10,
    landAreaM2: "1000",
    municipalAssessedAmount: "1000000",
    region: "north",
    ...extra,
  };
}

const one = (input: unknown): OutcomeBase => compute(input, { ruleSet: rules, programme: changping });
const step = (outcome: OutcomeBase, rule: string) => outcome.trace.find((s) => s.rule === rule);

describe("examples/changping-2015: a district's programme written on the public API", () => {
  it("imports only exitfund and exitfund/rules", () => {
    const source = readFileSync(join(folder, "programme.mjs"), "utf8");
    const specifiers = [...source.matchAll(/\bfrom\s+"([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(specifiers)).toEqual(new Set(["exitfund", "exitfund/rules"]));
  });

  it("names itself: its receipts say programme changping-2015, rule set changping-2015", () => {
    expect(changping.id).toBe("changping-2015");
    const { receipt } = computeBatch(sample, { ruleSet: rules, programme: changping, trace: false });
    expect(receipt).toMatchObject({ programme: "changping-2015", ruleSet: { id: rules.id, version: rules.version } });
    expect(computeBatch(sample.slice(0, 0)).receipt.programme).toBe(defaultProgramme.id);
  });

  it("its rule set extends tongzhou-2016 and values exactly the programme's parameters, with its own citations", () => {
    expect(rules.extends).toBe("tongzhou-2016");
    expect(changping.parameters.map((p) => p.name).sort()).toEqual(Object.keys(rules.toJSON().parameters).sort());
    expect(rules.toJSON().rules?.["changping.earlyExitBonus"]?.source).toBe("S11");
    // The default programme declares no such parameters: there the rule set is refused, each extra one named.
    try {
      loadRuleSet(rulesJson);
      expect.unreachable();
    } catch (error) {
      expect(isRuleSetError(error)).toBe(true);
      expect((error as { issues: { code: string; path: string }[] }).issues.map((i) => i.path)).toEqual(
        expect.arrayContaining(['parameters["changping.earlyExitBonusRate"]', 'rules["changping.vacatingBonus"]']),
      );
    }
  });

  it.each([
    {
      name: "both: 1,000,000.00 municipal, completed 2016-08-31 ≤ 2016-09-30, land vacated → 5 % = 50,000.00 + 2 % = 20,000.00",
      facts: { vacatedLandOnTime: true },
      amounts: { municipal: "1000000.00", district: "70000.00", total: "1070000.00" },
      bonuses: { early: "50000.00", vacating: "20000.00" },
      rewardTotal: "1000000.00",
    },
    {
      name: "early only: supplement 0.7 × 1,200,000 = 840,000.00, completed on 2016-09-30 itself → 5 % = 42,000.00",
      facts: {
        scale: "below",
        municipalOutcome: "not-granted",
        municipalAssessedAmount: "1200000",
        exitCompletedOn: "2016-09-30",
      },
      amounts: { municipal: "0.00", district: "882000.00", total: "882000.00" },
      bonuses: { early: "42000.00", vacating: "0.00" },
      rewardTotal: "840000.00",
    },
    {
      name: "vacating only: 2,000,000.00 municipal, completed 2016-10-01 (late for the bonus) → 2 % = 40,000.00",
      facts: { municipalAssessedAmount: "2000000", exitCompletedOn: "2016-10-01", vacatedLandOnTime: true },
      amounts: { municipal: "2000000.00", district: "40000.00", total: "2040000.00" },
      bonuses: { early: "0.00", vacating: "40000.00" },
      rewardTotal: "2000000.00",
    },
    {
      name: "neither: 800,000.00 municipal, late, vacatedLandOnTime false → no bonus",
      facts: { municipalAssessedAmount: "800000", exitCompletedOn: "2016-12-20", vacatedLandOnTime: false },
      amounts: { municipal: "800000.00", district: "0.00", total: "800000.00" },
      bonuses: { early: "0.00", vacating: "0.00" },
      rewardTotal: "800000.00",
    },
    {
      name: "each rounded on the total before any bonus: 1,234,567.89 × 5 % = 61,728.39(45) and × 2 % = 24,691.36(578)",
      facts: { municipalAssessedAmount: "1234567.89", vacatedLandOnTime: true },
      amounts: { municipal: "1234567.89", district: "86419.75", total: "1320987.64" },
      bonuses: { early: "61728.39", vacating: "24691.36" },
      rewardTotal: "1234567.89",
    },
  ])("$name", ({ facts, amounts, bonuses, rewardTotal }) => {
    const outcome = one(exit(facts));
    expect(outcome.amounts).toEqual(amounts);
    expect(step(outcome, "changping.earlyExitBonus")?.value).toBe(bonuses.early);
    expect(step(outcome, "changping.vacatingBonus")?.value).toBe(bonuses.vacating);
    expect((outcome.detail as { changping?: unknown }).changping).toEqual({
      rewardTotal,
      earlyExitBonus: bonuses.early,
      vacatingBonus: bonuses.vacating,
    });
  });

  it("a bonus step cites its rule set's clause and every parameter it read; the reason says it in both languages", () => {
    const outcome = one(exit({ vacatedLandOnTime: true }));
    const early = step(outcome, "changping.earlyExitBonus");
    expect(early?.clause).toBe(rules.toJSON().rules?.["changping.earlyExitBonus"]?.clause);
    expect(early?.params.map((p) => `${p.name}=${String(p.value)}`)).toEqual([
      "changping.earlyExitBefore=2016-09-30",
      "changping.earlyExitBonusRate=0.05",
    ]);
    expect(early?.inputs).toEqual({ rewardTotal: "1000000.00", exitCompletedOn: "2016-08-31" });
    expect(outcome.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["early-exit-bonus", "vacating-bonus"]));
    const zh = explain(outcome, { lang: "zh", programme: changping });
    expect(zh).toContain("提前退出奖励 (changping.earlyExitBonus) = 50000.00");
    expect(zh).toContain("按奖励总额1,000,000.00元的5%给予提前退出奖励50,000.00元");
    const en = explain(outcome, { lang: "en", programme: changping });
    expect(en).toContain("an early-exit bonus of 5% of the reward total 1,000,000.00 yuan, 50,000.00 yuan");
    // The basis is the weakest status read: the early-exit date is an illustrative placeholder.
    expect(outcome.basis).toBe("illustrative");
  });

  it("only an exit with a reward above zero gets a bonus: a blocked exit computes none, and no bonus step", () => {
    const outcome = one(exit({ licensed: false, vacatedLandOnTime: true }));
    expect(outcome.track).toBe("none");
    expect(outcome.amounts.total).toBe("0.00");
    expect(outcome.trace.map((s) => s.rule).filter((rule) => rule.startsWith("changping."))).toEqual([]);
  });

  it("without a bonus the outcome is Tongzhou's own, but for the two zero steps and the detail", () => {
    const input = exit({ municipalAssessedAmount: "800000", exitCompletedOn: "2016-12-20" });
    const { vacatedLandOnTime: _none, ...plain } = input as { vacatedLandOnTime?: boolean };
    const base = compute(plain);
    const extended = one(input);
    expect(extended.amounts).toEqual(base.amounts);
    expect(extended.trace.filter((s) => !s.rule.startsWith("changping."))).toEqual(base.trace.map((s) => s));
  });

  it("the new field is a case field: typed in the schema with its label, refused when it is not true/false", () => {
    const schema = jsonSchema("enterprise-exit", { programme: changping }) as {
      properties: { vacatedLandOnTime?: { type: string; description: string } };
    };
    expect(schema.properties.vacatedLandOnTime).toMatchObject({
      type: "boolean",
      description: expect.stringContaining("按时腾退"),
    });
    expect(jsonSchema("enterprise-exit", { programme: defaultProgramme })).not.toHaveProperty(
      "properties.vacatedLandOnTime",
    );
    const document = computeBatch([exit({ vacatedLandOnTime: "yes" })], { ruleSet: rules, programme: changping });
    expect(document.errors.map((e) => [e.path, e.code])).toEqual([["[0].vacatedLandOnTime", "not-a-boolean"]]);
    // The default programme still refuses the field: a typo must not silently change a result.
    expect(computeBatch([exit({ vacatedLandOnTime: true })]).errors.map((e) => e.code)).toEqual(["unknown-field"]);
  });

  it("the sample's bonuses show in the budget (district), the audit (owed) and a what-if (attributed to the rate)", () => {
    const document = computeBatch(sample, { ruleSet: rules, programme: changping });
    expect(document.errors).toEqual([]);
    const byPayer = budget(document.results, { by: ["payer"], programme: changping });
    expect(byPayer.groups).toEqual([
      { key: { payer: "municipal" }, amount: "3800000.00" },
      { key: { payer: "district" }, amount: document.totals.district },
    ]);
    // A ledger that paid every reward without its bonus: the audit finds each bonus underpaid.
    const ledger = document.results
      .filter((outcome) => outcome.kind === "enterprise-exit" && outcome.amounts.total !== "0.00")
      .flatMap((outcome) => {
        const detail = outcome.detail as { changping?: { earlyExitBonus: string; vacatingBonus: string } };
        const bonus = Number(detail.changping?.earlyExitBonus ?? 0) + Number(detail.changping?.vacatingBonus ?? 0);
        const rows = [];
        if (outcome.amounts.municipal !== "0.00")
          rows.push({
            caseId: outcome.id,
            payer: "municipal",
            amount: outcome.amounts.municipal,
            paidOn: "2016-12-30",
          });
        const district = (Number(outcome.amounts.district) - bonus).toFixed(2);
        if (district !== "0.00")
          rows.push({ caseId: outcome.id, payer: "district", amount: district, paidOn: "2016-12-30" });
        return rows;
      });
    const audited = audit(sample, ledger, { ruleSet: rules, programme: changping });
    expect(
      audited.discrepancies.filter((d) => d.caseId.startsWith("CP-2016")).map((d) => [d.caseId, d.type, d.difference]),
    ).toEqual([
      ["CP-2016-001", "unpaid", "-70000.00"],
      ["CP-2016-002", "underpaid", "-42000.00"],
      ["CP-2016-003", "unpaid", "-40000.00"],
    ]);
    const doubled = {
      ...rulesJson,
      id: "changping-2015-doubled",
      parameters: {
        ...(rulesJson as { parameters: object }).parameters,
        "changping.earlyExitBonusRate": {
          status: "illustrative",
          source: "X",
          values: [{ from: "2015-01-01", value: "0.1" }],
        },
      },
    };
    const whatIf = compare(sample, rules, loadRuleSet(doubled, { programme: changping }), { programme: changping });
    expect(whatIf.attribution.steps.map((s) => [s.parameter, s.part.district])).toEqual([
      ["changping.earlyExitBonusRate", "92000.00"],
    ]);
  });
});
