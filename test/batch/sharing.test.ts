// No caller can change a later result by changing something it was given (issue 10 §6, reliability B9 and its
// variants): what an outcome holds is its own, and what the library shares (bundled and loaded rule sets, their
// JSON, the programme and its domains, the vocabulary) is frozen all the way down.
import { describe, expect, it } from "vitest";
import { compute, computeBatch } from "../../src/batch/compute.js";
import { ruleSets, loadRuleSet } from "../../src/rule-sets/index.js";
import { defaultProgramme, domains } from "../../src/rules/default.js";
import { explain } from "../../src/rules/explain.js";
import type { OutcomeBase } from "../../src/trace/types.js";
import { schemas } from "../../src/schemas/index.js";
import { PAYERS, TRACKS, ZONE_TYPE_LABELS } from "../../src/vocabulary.js";
import { clearanceCase, enterpriseCase, villageCase } from "../fixtures/cases.js";

/** Tries to change `run`'s target; a frozen one throws in strict mode, which is as good as no change. */
function tryToChange(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
}

const json = (value: unknown) => JSON.stringify(value);

describe("a caller changing what it was given changes no later result", () => {
  it("a trace's parameter entry, a reason, a finding and the detail of one outcome are its own (B9)", () => {
    const cases = [enterpriseCase, clearanceCase, villageCase] as const;
    const before = cases.map((input) => json(compute(input)));
    for (const input of cases) {
      const outcome = compute(input) as OutcomeBase & { detail?: unknown };
      for (const step of outcome.trace)
        for (const used of step.params)
          tryToChange(() => {
            (used as { value: unknown }).value = "HACKED";
          });
      tryToChange(() => (outcome.reasons as unknown[]).push({ code: "HACKED" }));
      for (const reason of outcome.reasons) tryToChange(() => ((reason as { message: string }).message = "HACKED"));
      const detail = outcome.detail as { [key: string]: unknown } | undefined;
      for (const key of Object.keys(detail ?? {}))
        tryToChange(() => {
          if (detail !== undefined) detail[key] = "HACKED";
        });
    }
    expect(cases.map((input) => json(compute(input)))).toEqual(before);
    expect(explain(compute({ ...enterpriseCase, id: "E-other" }) as OutcomeBase, { lang: "en" })).not.toContain(
      "HACKED",
    );
  });

  it("the bundled rule sets, their compiled values and their JSON are frozen all the way down", () => {
    const bundled = ruleSets["tongzhou-2016"];
    const before = json(compute(enterpriseCase));
    tryToChange(() => ((ruleSets as { [id: string]: unknown })["tongzhou-2016"] = undefined));
    tryToChange(() => ((bundled.toJSON().parameters as { [name: string]: unknown })["reward.small.cap"] = "0"));
    const values = (bundled.toJSON().parameters["reward.small.cap"] as unknown as { values: { value: unknown }[] })
      .values;
    tryToChange(() => ((values[0] as { value: unknown }).value = "0"));
    tryToChange(() => ((bundled.rounding as { scale: number }).scale = 0));
    expect(json(compute(enterpriseCase))).toBe(before);
    expect(json(compute(enterpriseCase, "tongzhou-2016"))).toBe(before);
    for (const shared of [ruleSets, bundled, bundled.toJSON(), values, values[0], bundled.rounding])
      expect(Object.isFrozen(shared)).toBe(true);
  });

  it("a loaded rule set cannot be changed after it was checked, through its accessors", () => {
    const mine = loadRuleSet({ ...ruleSets["tongzhou-2016"].toJSON(), id: "mine", extends: undefined });
    const before = json(computeBatch([enterpriseCase], { ruleSet: mine }));
    tryToChange(() => ((mine.toJSON() as { title: string }).title = "HACKED"));
    tryToChange(() => ((mine.toJSON().parameters as { [name: string]: unknown })["reward.small.cap"] = "0"));
    expect(json(computeBatch([enterpriseCase], { ruleSet: mine }))).toBe(before);
  });

  it("the programme, its domains and the vocabulary are frozen", () => {
    const before = json(compute(clearanceCase));
    tryToChange(() => ((defaultProgramme.domains as unknown[]).length = 0));
    tryToChange(() => ((domains as unknown as { [key: string]: unknown }).structureClearance = undefined));
    for (const domain of defaultProgramme.domains) {
      tryToChange(() => ((domain as { kind: string }).kind = "HACKED"));
      expect(Object.isFrozen(domain)).toBe(true);
      expect(Object.isFrozen(domain.labels)).toBe(true);
    }
    tryToChange(() => ((PAYERS as unknown as string[])[0] = "HACKED"));
    tryToChange(() => ((TRACKS as unknown as string[]).length = 0));
    tryToChange(() => ((ZONE_TYPE_LABELS["breeding-zone"] as { zh: string }).zh = "HACKED"));
    expect([
      Object.isFrozen(PAYERS),
      Object.isFrozen(TRACKS),
      Object.isFrozen(ZONE_TYPE_LABELS["breeding-zone"]),
    ]).toEqual([true, true, true]);
    expect(json(compute(clearanceCase))).toBe(before);
  });

  it("the public schemas record is frozen: replacing a schema in it changes nothing", () => {
    const before = json(compute(clearanceCase));
    tryToChange(() => ((schemas as unknown as { [key: string]: unknown }).case = { parse: () => ({}) }));
    tryToChange(() => delete (schemas as unknown as { [key: string]: unknown }).structureClearance);
    expect(Object.isFrozen(schemas)).toBe(true);
    expect(schemas.case.safeParse(clearanceCase).success).toBe(true);
    expect(json(compute(clearanceCase))).toBe(before);
  });
});
