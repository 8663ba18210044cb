import type { OutcomeBase as Outcome, Track } from "../../../src/trace/types.js";

/** The reason codes that concern `track`, in order. */
export function codesFor(outcome: Outcome, track: Track): string[] {
  return outcome.reasons.filter((r) => r.track === track).map((r) => r.code);
}

/** The codes of the reasons that decided the chosen track. */
export function decisiveCodes(outcome: Outcome): string[] {
  return outcome.reasons.filter((r) => r.decisive === true).map((r) => r.code);
}

export function findingCodes(outcome: Outcome): string[] {
  return outcome.findings.map((f) => f.code);
}

export function ruleNames(outcome: Outcome): string[] {
  return outcome.trace.map((s) => s.rule);
}

/** The names of every parameter cell the outcome's trace records. */
export function paramNames(outcome: Outcome): string[] {
  return outcome.trace.flatMap((s) => s.params.map((p) => p.name));
}
