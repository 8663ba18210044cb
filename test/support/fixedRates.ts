import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadRuleSet } from "../../src/rule-sets/index.js";

/**
 * test/fixtures/rule-sets/fixed-rates.json: the bundled `tongzhou-2016` with every illustrative value fixed at a
 * test-only number (360 元/tce, 10,000 元/t, the clearance, village and transfer placeholders as they first
 * were). Tests of audit, budget and compare that pin amounts compute under it, so recalibrating the bundled
 * illustrative values (docs/calibration.md) does not move them.
 */
export const FIXED_RATES_FILE = join(import.meta.dirname, "../fixtures/rule-sets/fixed-rates.json");
export const FIXED_RATES_JSON: object = JSON.parse(readFileSync(FIXED_RATES_FILE, "utf8")) as object;
export const FIXED_RATES = loadRuleSet(FIXED_RATES_JSON);
