import { RuleSetError } from "../errors/index.js";
import type { Json, ParamUse, Status } from "../trace/types.js";
import type { ParameterName, ParameterTypes } from "./catalog.js";
import type { CompiledParameter, InForce, IsoDate, RuleSet } from "./types.js";

/**
 * 现行有效值 · value in force — the value of `name` on `on`: the last dated value whose `from` ≤ `on`.
 *
 * @remarks
 * ISO date strings compare as dates. A date before the first value, or after a `null` that repealed
 * the parameter, is an error that names the parameter and the date — never a silent zero.
 */
export function param<N extends ParameterName>(ruleSet: RuleSet, name: N, on: IsoDate): InForce<ParameterTypes[N]> {
  const parameter = ruleSet.compiled[name] as CompiledParameter<ParameterTypes[N]> | undefined;
  if (parameter === undefined)
    throw new RuleSetError([{ path: `parameters["${name}"]`, message: `is missing from rule set "${ruleSet.id}"` }]);
  const entry = parameter.values.findLast((candidate) => candidate.from <= on);
  if (entry === undefined || entry.value === null) {
    const first = parameter.values[0]?.from ?? "never";
    const message =
      entry === undefined
        ? `has no value in force on ${on} (its first value is from ${first})`
        : `was repealed from ${entry.from} and has no value in force on ${on}`;
    throw new RuleSetError(
      [{ path: `parameters["${name}"]`, message }],
      `rule set "${ruleSet.id}": ${name} ${message}`,
    );
  }
  // Compiled values carry their name, so the value in force is returned as is (no object per lookup).
  return entry as InForce<ParameterTypes[N]>;
}

/** How a trace records a parameter it used: name (with the table key when one cell was read), value, date, status and citation. */
export function paramUse(inForce: InForce<unknown>, key?: string): ParamUse {
  // One ParamUse per value and key, kept with the compiled value and shared by every trace that cites it
  // (traces are read-only plain data). A hand-made InForce without that cache gets a fresh one.
  const uses = (inForce as { uses?: Map<string, ParamUse> }).uses;
  const cached = uses?.get(key ?? "");
  if (cached !== undefined) return cached;
  const use = makeParamUse(inForce, key);
  uses?.set(key ?? "", use);
  return use;
}

function makeParamUse(inForce: InForce<unknown>, key: string | undefined): ParamUse {
  const json = inForce.json;
  const value: Json =
    key === undefined ? (json as Json) : ((json as { readonly [k: string]: Json } | null)?.[key] ?? null);
  return {
    name: key === undefined ? inForce.name : `${inForce.name}.${key}`,
    from: inForce.from,
    value,
    status: inForce.status,
    source: inForce.source,
    ...(inForce.clause === undefined ? {} : { clause: inForce.clause }),
    ...(inForce.note === undefined ? {} : { note: inForce.note }),
  };
}

const STRENGTH: Record<Status, number> = { official: 2, reported: 1, illustrative: 0 };

/** 依据 · basis — the weakest status among the parameters a computation used (`official` when it used none). */
export function weakestStatus(statuses: Iterable<Status>): Status {
  let weakest: Status = "official";
  for (const status of statuses) if (STRENGTH[status] < STRENGTH[weakest]) weakest = status;
  return weakest;
}
