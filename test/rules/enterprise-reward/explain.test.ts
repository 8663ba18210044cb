import { describe, expect, it } from "vitest";
import { explain } from "../../../src/rules/explain.js";
import { ruleSets } from "../../../src/rule-sets/index.js";
import type { RuleSet } from "../../../src/parameters/types.js";
import { enterpriseRewardMessages as catalog } from "../../../src/rules/enterprise-reward/messages.js";
import type { Finding, Reason } from "../../../src/trace/types.js";
import { enterpriseReward } from "../../support/outcomes.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";
import { ACCEPTED, TEST_PARAMETERS, exitFacts, testRules } from "./fixtures.js";

/**
 * Small-enterprise scales of every kind, starting above zero so that a firm can be below every bracket:
 * tax 0.5 元 per 元 from 10,000 and 0.8 from 100,000 (single rate), 20,000 元 from 10 employees and 50,000 from 50
 * (single amount), 10 元 per m² from 500 m² (marginal).
 */
const scaleRules: RuleSet = ruleSetWith({
  ...TEST_PARAMETERS,
  "reward.small.taxScale": {
    type: "single-rate",
    brackets: [
      { threshold: "10000", rate: "0.5" },
      { threshold: "100000", rate: "0.8" },
    ],
  },
  "reward.small.employeeScale": {
    type: "single-amount",
    brackets: [
      { threshold: "10", amount: "20000" },
      { threshold: "50", amount: "50000" },
    ],
  },
  "reward.small.landScale": { type: "marginal-rate", brackets: [{ threshold: "500", rate: "10" }] },
});

const POLLUTANTS_REDUCED = {
  so2: "10",
  nox: "0",
  cod: "2.5",
  ammoniaNitrogen: "1",
  vocs: "3",
  particulates: "4",
};

// One case for each branch of the enterprise-reward texts. Each explanation is what `exitfund explain` prints,
// pinned whole in Chinese and English in __snapshots__/explain/ (checked by hand when written).
const CASES: readonly {
  readonly name: string;
  readonly facts: { readonly [field: string]: unknown };
  readonly rules?: RuleSet;
}[] = [
  {
    // 5,000 tce × 100 + 10 t SO₂ + 2.5 t COD + 1 t NH₃-N + 3 t VOCs + 4 t particulates × 1,000 (NOx 0: not listed)
    name: "municipal-pollutants-north",
    facts: { energySavedTce: "5000", pollutantsReducedTonnes: POLLUTANTS_REDUCED, region: "north" },
  },
  {
    // 35,000.005 tce × 100 = 3,500,000.50 → capped to 3,000,000; exempt and catalogue conditions met; pending.
    name: "municipal-capped-pending-catalogue",
    facts: {
      energySavedTce: "35000.005",
      municipalOutcome: "pending",
      exemptCategory: "high-tech",
      leadingGroupDecision: "exit",
      catalogueIndustry: "stone-processing",
      region: "south",
    },
  },
  {
    // The assessed amount is used as it is; no region given → south; 1,234,567.891 → 1,234,567.89.
    name: "municipal-assessed-no-region",
    facts: { municipalAssessedAmount: "1234567.891", exitCompletedOn: "2018-01-02" },
  },
  {
    // M = 10,000.00005 × 100 = 1,000,000.005 → 1,000,000.01 first, × 0.7 = 700,000.007 → 700,000.01.
    name: "supplement-rounded-first",
    facts: { energySavedTce: "10000.00005", municipalOutcome: "not-granted", region: "south" },
  },
  {
    // Below scale, 6,000 tce × 100 = 600,000 ≥ 500,000, reported granted → supplement 420,000 and a finding.
    name: "supplement-below-scale-granted",
    facts: { scale: "below", energySavedTce: "6000", region: "north" },
  },
  {
    // Process exit, 150,000 + 20 × 1,000 + 1,000 × 10 = 180,000 > 150,000 → the cap; not applied, not recommended.
    name: "small-process-capped",
    facts: {
      exitMode: "process",
      scale: "below",
      municipalOutcome: "not-applied",
      recommendedByDistrict: false,
      energySavedTce: "1000",
      priorYearTax: { vat: "100000", corporateIncome: "50000", other: "0" },
      employees: 20,
      landAreaM2: "1000",
      region: "south",
    },
  },
  {
    // The bundled marginal scales with a ceiling: 400,000 tax, 60 staff, 6,000 m²; not granted, below the floor.
    name: "small-bundled-brackets",
    rules: ruleSets["tongzhou-2016"],
    facts: {
      municipalOutcome: "not-granted",
      energySavedTce: "100",
      priorYearTax: { vat: "400000" },
      employees: 60,
      landAreaM2: "6000",
      region: "north",
    },
  },
  {
    // Single-rate tax (120,000 × 0.8), single-amount staff below every bracket (5 < 10), land below (300 < 500).
    name: "small-single-scales-below-brackets",
    rules: scaleRules,
    facts: {
      energySavedTce: "10",
      municipalOutcome: "not-applied",
      priorYearTax: { vat: "100000", other: "20000.5" },
      employees: 5,
      landAreaM2: "300",
    },
  },
  {
    // Single-amount staff in the upper bracket (60 ≥ 50), land from 500 m² (1,234.5 m²), tax in the lower bracket
    // (20,000.005 × 0.5 = 10,000.0025 → 10,000.00).
    name: "small-single-scales-upper",
    rules: scaleRules,
    facts: {
      energySavedTce: "10",
      municipalOutcome: "not-applied",
      priorYearTax: { corporateIncome: "20000.005" },
      employees: 60,
      landAreaM2: "1234.5",
      region: "north",
    },
  },
  {
    // Every blocking condition at once, on a process exit, reported granted, late by the catalogue date.
    name: "none-everything-late-catalogue",
    facts: {
      licensed: false,
      acceptance: { equipmentRemoved: false, licenceChangedOrCancelled: false, staffResettled: false },
      exemptCategory: "livelihood",
      leadingGroupDecision: "retain",
      catalogueIndustry: "asphalt-waterproofing",
      exitMode: "process",
      energySavedTce: "6000",
      region: "north",
      exitCompletedOn: "2017-03-01",
    },
  },
  {
    // An exempt firm with no decision yet, late south of 京哈, not applied.
    name: "none-awaiting-late-south",
    facts: {
      exemptCategory: "listed",
      municipalOutcome: "not-applied",
      energySavedTce: "6000",
      region: "south",
      exitCompletedOn: "2018-01-05",
    },
  },
  {
    // The licence of a whole exit not cancelled; late north of 京哈.
    name: "none-licence-whole-late-north",
    facts: {
      acceptance: { ...ACCEPTED, licenceChangedOrCancelled: false },
      municipalOutcome: "not-applied",
      exitCompletedOn: "2017-06-30",
      region: "north",
    },
  },
];

describe("explain of enterprise exits: every text in Chinese and English, one case per branch", () => {
  it.each(CASES.flatMap((c) => (["zh", "en"] as const).map((lang) => ({ ...c, lang }))))(
    "$name ($lang)",
    async ({ name, facts, rules, lang }) => {
      const ruleSet = rules ?? testRules;
      const outcome = enterpriseReward(exitFacts(facts), ruleSet);
      await expect(explain(outcome, { lang, ruleSet })).toMatchFileSnapshot(
        `__snapshots__/explain/${name}.${lang}.txt`,
      );
    },
  );
});

/** A reason or finding as a user reads it: its code, what it decides, its clause, its data, and both texts. */
function itemLines(item: Reason | Finding): string {
  const reason = item as Partial<Reason>;
  const decides = reason.track === undefined ? "" : ` [${reason.track}${reason.decisive === true ? ", decisive" : ""}]`;
  return [
    `${item.code}${decides} 〔${item.clause ?? ""}〕 ${JSON.stringify(item.data ?? {})}`,
    `  en: ${item.message}`,
    `  zh: ${catalog.codes[item.code]?.zh(item.data ?? {}) ?? "(no zh text)"}`,
  ].join("\n");
}

describe("the reasons and findings of enterprise exits: the stored English message and the Chinese text", () => {
  it.each(CASES)("$name", async ({ name, facts, rules }) => {
    const outcome = enterpriseReward(exitFacts(facts), rules ?? testRules);
    const text = ["reasons:", ...outcome.reasons.map(itemLines), "findings:", ...outcome.findings.map(itemLines)].join(
      "\n",
    );
    await expect(text).toMatchFileSnapshot(`__snapshots__/explain/${name}.reasons.txt`);
  });
});
