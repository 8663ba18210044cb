import { defaultRuleSet } from "../../src/rule-sets/index.js";
import type { Context } from "../../src/rules/algebra.js";
import { createContext } from "../../src/rules/context.js";
import { defaultProgramme } from "../../src/rules/default.js";
import type { EnterpriseOutcome } from "../../src/rules/enterprise-reward/index.js";
import { computeCase } from "../../src/rules/evaluate.js";
import type { ClearanceOutcome } from "../../src/rules/land-clearing-fee/index.js";
import type { CaseFacts } from "../../src/rules/domain.js";
import { crossCheckTransfer, reckoningDate, type TransferOutcome } from "../../src/rules/township-transfer/index.js";
import type { Finding } from "../../src/trace/types.js";
import type { VillageOutcome } from "../../src/rules/village-compensation/index.js";
import { valueInForce } from "../../src/parameters/lookup.js";
import type { IsoDate, RuleSet } from "../../src/parameters/types.js";
import type {
  EnterpriseExit,
  StructureClearance,
  TownshipTransfer,
  VillageCompensation,
} from "../../src/schemas/cases.js";

/** The context of a case on `on` under `ruleSet` (traced unless said otherwise), as the evaluator makes it. */
export function contextOn(ruleSet: RuleSet, on: IsoDate, trace = true): Context {
  return createContext(ruleSet, on, trace).ctx;
}

/** The context and the basis it saw (the weakest status read through it). */
export function evaluationOn(ruleSet: RuleSet, on: IsoDate, trace = true): ReturnType<typeof createContext> {
  return createContext(ruleSet, on, trace);
}

function outcomeOf(facts: { readonly kind: string; readonly id: string; readonly township: string }, ruleSet: RuleSet) {
  const entry = defaultProgramme.entry(facts.kind);
  if (entry === undefined) throw new Error(`no domain for ${facts.kind}`);
  return computeCase(entry, facts, ruleSet);
}

/** The outcome of one parsed enterprise exit, computed by its domain's payment rule. */
export function enterpriseReward(facts: EnterpriseExit, ruleSet: RuleSet): EnterpriseOutcome {
  return outcomeOf(facts, ruleSet) as EnterpriseOutcome;
}

/** The outcome of one parsed land-clearing declaration. */
export function landClearingFee(facts: StructureClearance, ruleSet: RuleSet): ClearanceOutcome {
  return outcomeOf(facts, ruleSet) as ClearanceOutcome;
}

/** The outcome of one parsed village-compensation case. */
export function villageCompensation(facts: VillageCompensation, ruleSet: RuleSet): VillageOutcome {
  return outcomeOf(facts, ruleSet) as VillageOutcome;
}

/** The outcome of one parsed township transfer (no batch cross-check). */
export function townshipTransfer(facts: TownshipTransfer, ruleSet: RuleSet): TransferOutcome {
  return outcomeOf(facts, ruleSet) as TransferOutcome;
}

/** The value in force of parameter `name` on `on`, for a test's own oracle (typed loosely on purpose). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function param(ruleSet: RuleSet, name: string, on: IsoDate): ReturnType<typeof valueInForce<any>> {
  return valueInForce(ruleSet, name, on);
}

/**
 * The outcomes of a batch with the transfers cross-checked against the batch's cases (as computeBatch does),
 * for tests that check the cross-check on its own.
 */
export function crossCheckTransfers<
  O extends { readonly id: string; readonly kind: string; readonly findings: readonly Finding[] },
>(cases: readonly CaseFacts[], outcomes: readonly O[], ruleSet: RuleSet = defaultRuleSet): O[] {
  const byId = new Map(cases.map((facts) => [facts.id, facts]));
  return outcomes.map((outcome) => {
    const facts = outcome.kind === "township-transfer" ? byId.get(outcome.id) : undefined;
    if (facts === undefined) return outcome;
    const transfer = facts as TownshipTransfer;
    const ctx = contextOn(ruleSet, reckoningDate(transfer.fiscalYear), false);
    const extra = crossCheckTransfer.check(transfer, outcome as never, (id) => byId.get(id), ctx);
    return extra.length === 0 ? outcome : { ...outcome, findings: [...outcome.findings, ...extra] };
  });
}
