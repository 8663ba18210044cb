import { computeBatch, type ComputeDocument } from "../../src/batch/compute.js";
import type { RuleSet } from "../../src/parameters/types.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import { generateClearance, type ClearanceInput } from "./clearance.js";
import { generateEnterprises, type EnterpriseInput } from "./enterprises.js";
import { generateLedger, type LedgerRowInput, type PlantedDiscrepancy } from "./ledger.js";
import { forkRandom } from "./random.js";
import { generateTransfers, type TransferInput } from "./transfers.js";
import { generateVillages, type VillageInput } from "./village.js";

export type { ClearanceInput, EnterpriseInput, LedgerRowInput, PlantedDiscrepancy, TransferInput, VillageInput };

/** The seed of the committed sample (examples/tongzhou-2016/). */
export const SAMPLE_SEED = 20160614;

/** The synthetic sample district: its cases by kind, the payment ledger, and the discrepancies planted in it. */
export interface SampleDistrict {
  readonly seed: number;
  readonly enterprises: readonly EnterpriseInput[];
  readonly clearance: readonly ClearanceInput[];
  readonly villages: readonly VillageInput[];
  readonly transfers: readonly TransferInput[];
  readonly ledger: readonly LedgerRowInput[];
  readonly planted: readonly PlantedDiscrepancy[];
}

/** Every case of the sample, in file order: enterprises, clearance, villages, transfers. */
export function sampleCases(
  sample: Pick<SampleDistrict, "enterprises" | "clearance" | "villages" | "transfers">,
): unknown[] {
  return [...sample.enterprises, ...sample.clearance, ...sample.villages, ...sample.transfers];
}

/** The cases of the sample without the ledger (each part draws from its own seeded stream). */
export function generateSampleCases(
  seed: number,
  ruleSet: RuleSet = defaultRuleSet,
): Pick<SampleDistrict, "enterprises" | "clearance" | "villages" | "transfers"> {
  const enterprises = generateEnterprises(forkRandom(seed, "enterprises"));
  return {
    enterprises,
    clearance: generateClearance(forkRandom(seed, "clearance"), ruleSet),
    villages: generateVillages(forkRandom(seed, "villages")),
    transfers: generateTransfers(forkRandom(seed, "transfers"), enterprises, ruleSet),
  };
}

/**
 * 示例区 · the synthetic sample district — a pure function of the seed (no clock, no Math.random): the
 * cases, the `compute` document of them under `ruleSet`, and a ledger paying exactly what it owes, with
 * two planted discrepancies of each type. Throws when any generated case is invalid.
 */
export function generateSampleDistrict(
  seed: number = SAMPLE_SEED,
  ruleSet: RuleSet = defaultRuleSet,
): SampleDistrict & { readonly document: ComputeDocument } {
  const cases = generateSampleCases(seed, ruleSet);
  const document = computeBatch(sampleCases(cases), ruleSet);
  if (document.errors.length > 0) {
    const first = document.errors
      .slice(0, 5)
      .map((error) => `${error.path}${error.id === undefined ? "" : ` (${error.id})`}: ${error.message}`);
    throw new Error(
      `the generated sample has ${document.errors.length} invalid case field(s):\n  ${first.join("\n  ")}`,
    );
  }
  const dates = new Map<string, string>([
    ...cases.enterprises.map((c) => [c.id, c.exitCompletedOn] as const),
    ...cases.clearance.map((c) => [c.id, c.declaredOn] as const),
    ...cases.villages.map((c) => [c.id, c.clearedOn] as const),
  ]);
  const { rows, planted } = generateLedger(forkRandom(seed, "ledger"), document.results, dates);
  return { seed, ...cases, ledger: rows, planted, document };
}
