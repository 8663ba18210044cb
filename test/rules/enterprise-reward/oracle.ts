import { Dec, dec } from "../../../src/money/decimal.js";
import { roundMoney } from "../../../src/money/round.js";
import { POLLUTANTS } from "../../../src/vocabulary.js";
import { param } from "../../support/outcomes.js";
import type { RuleSet } from "../../../src/parameters/types.js";
import type { EnterpriseExit } from "../../../src/schemas/cases.js";
import type { Track } from "../../../src/trace/types.js";

/**
 * DESIGN §4.1 written out again, plainly, for the properties to check the rule against: the municipal figures
 * and which of the four track conditions hold.
 */
export function oracle(facts: EnterpriseExit, ruleSet: RuleSet) {
  const on = facts.exitCompletedOn;
  const perTce = param(ruleSet, "reward.municipal.ratePerTce", on).value;
  const perTonne = param(ruleSet, "reward.municipal.ratePerTonne", on).value;
  const min = param(ruleSet, "reward.municipal.min", on).value;
  const max = param(ruleSet, "reward.municipal.max", on).value;
  let raw = dec(facts.energySavedTce).times(perTce);
  for (const pollutant of POLLUTANTS)
    raw = raw.plus(dec(facts.pollutantsReducedTonnes[pollutant]).times(perTonne[pollutant]));
  if (facts.municipalAssessedAmount !== undefined) raw = dec(facts.municipalAssessedAmount);
  const standard = Dec.min(raw, max);
  const meets = raw.gte(min);
  const { equipmentRemoved, licenceChangedOrCancelled, staffResettled } = facts.acceptance;
  const blocked =
    !facts.licensed ||
    !equipmentRemoved ||
    !licenceChangedOrCancelled ||
    !staffResettled ||
    (facts.exemptCategory !== undefined && (facts.leadingGroupDecision ?? "pending") !== "exit") ||
    (facts.catalogueIndustry !== undefined && facts.exitMode === "process");
  const municipal =
    !blocked &&
    facts.scale === "above" &&
    meets &&
    (facts.municipalOutcome === "granted" || facts.municipalOutcome === "pending");
  const supplement = !blocked && meets && facts.recommendedByDistrict && !municipal;
  const conditions: Record<Track, boolean> = {
    none: blocked,
    municipal,
    "district-supplement": supplement,
    "district-small": !blocked && !municipal && !supplement,
  };
  return { raw, standard, rounded: roundMoney(standard, ruleSet.rounding), meets, min, max, conditions };
}
