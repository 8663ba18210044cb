import { EnterpriseExitSchema, type EnterpriseExit } from "../../../src/schemas/cases.js";
import type { RuleSet } from "../../../src/parameters/types.js";
import { ruleSetWith } from "../../support/ruleSetWith.js";

const ALL_POLLUTANTS = (rate: string) => ({
  so2: rate,
  nox: rate,
  cod: rate,
  ammoniaNitrogen: rate,
  vocs: rate,
  particulates: rate,
});

/**
 * Test-only round numbers: 100 元/tce, 1,000 元/t of each pollutant, band 500,000–3,000,000, supplement 0.7,
 * small caps 600,000 (whole) / 150,000 (process), small scales 1 元 per 元 of tax, 1,000 元 per employee and
 * 10 元 per m² (no ceilings), deadlines north 2016-12-31, south 2017-12-31, catalogue 2016-12-31.
 */
export const TEST_PARAMETERS = {
  "reward.municipal.ratePerTce": "100",
  "reward.municipal.ratePerTonne": ALL_POLLUTANTS("1000"),
  "reward.municipal.min": "500000",
  "reward.municipal.max": "3000000",
  "reward.district.supplementRate": "0.7",
  "reward.small.cap": { whole: "600000", process: "150000" },
  "reward.small.taxScale": { type: "marginal-rate", brackets: [{ threshold: "0", rate: "1" }] },
  "reward.small.employeeScale": { type: "marginal-rate", brackets: [{ threshold: "0", rate: "1000" }] },
  "reward.small.landScale": { type: "marginal-rate", brackets: [{ threshold: "0", rate: "10" }] },
  "plan.exitDeadline": { north: "2016-12-31", south: "2017-12-31", catalogue: "2016-12-31" },
} as const;

export const testRules: RuleSet = ruleSetWith(TEST_PARAMETERS);

/**
 * The property tests' rule set: the test numbers, but the energy rate and the pollutant rates change on
 * 2017-01-01 (100 → 120 元/tce, 1,000 → 1,100 元/t), so a result that leaked one case's parameters into
 * another case of a batch would show.
 */
export const propertyRules: RuleSet = ruleSetWith({
  ...TEST_PARAMETERS,
  "reward.municipal.ratePerTce": {
    values: [
      { from: "2000-01-01", value: "100" },
      { from: "2017-01-01", value: "120" },
    ],
  },
  "reward.municipal.ratePerTonne": {
    values: [
      { from: "2000-01-01", value: ALL_POLLUTANTS("1000") },
      { from: "2017-01-01", value: ALL_POLLUTANTS("1100") },
    ],
  },
});

/**
 * An accepted, licensed, whole exit of an above-scale firm south of 京哈 in 2016, granted by the city, with
 * nothing saved and nothing paid in tax: the base every example changes.
 */
export const BASE_INPUT = {
  kind: "enterprise-exit",
  id: "E-1",
  name: "通州某厂",
  township: "台湖镇",
  exitMode: "whole",
  scale: "above",
  exitCompletedOn: "2016-10-01",
  licensed: true,
  acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true },
  municipalOutcome: "granted",
  recommendedByDistrict: true,
  energySavedTce: "0",
  employees: 0,
  landAreaM2: "0",
} as const;

/** The parsed facts of BASE_INPUT with the given fields replaced (parsed by the real schema, so defaults apply). */
export function exitFacts(overrides: { readonly [field: string]: unknown } = {}): EnterpriseExit {
  return EnterpriseExitSchema.parse({ ...BASE_INPUT, ...overrides });
}

export const ACCEPTED = { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true } as const;
