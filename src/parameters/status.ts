/**
 * The ground floor of citations: the standing of a value, plain JSON, and how a trace cites a parameter.
 * Parameters, traces and rules import from here; this file imports nothing.
 */

/** The standing of a parameter value: stated in an official text, reported by the press, or our placeholder. */
export type Status = "official" | "reported" | "illustrative";

/** Plain JSON: every trace and outcome is made of it, so it can be stored, diffed and sent as is. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** A parameter value a step used, as it stood on the date that selected it. */
export interface ParamUse {
  readonly name: string;
  readonly from: string;
  readonly value: Json;
  readonly status: Status;
  readonly source: string;
  readonly clause?: string;
  readonly note?: string;
}

const STRENGTH: { readonly [S in Status]: number } = { official: 2, reported: 1, illustrative: 0 };

/** 依据 · basis — the weakest status among the parameters a computation used (`official` when it used none). */
export function weakestStatus(statuses: Iterable<Status>): Status {
  let weakest: Status = "official";
  for (const status of statuses) if (STRENGTH[status] < STRENGTH[weakest]) weakest = status;
  return weakest;
}

/** The weaker of two statuses. */
export function weaker(a: Status, b: Status): Status {
  return STRENGTH[b] < STRENGTH[a] ? b : a;
}
