import { setOwn } from "../freeze.js";
import { type Dec, type Rounding, ZERO } from "../money/decimal.js";
import { toMoneyString } from "../money/round.js";
import type { Amounts, Finding, Json, MessageCatalog, ParamUse, Reason, TraceStep } from "./types.js";

/** A value as plain JSON for a trace: decimals become strings, nested records and lists are walked. */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  if (typeof value === "object" && value !== null && "toFixed" in value && "isZero" in value)
    return (value as Dec).toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") return plainRecord(value as { readonly [key: string]: unknown });
  return String(value);
}

/** One trace step: the rule, its clause, the parameters used, the inputs and the value — all plain JSON. */
export function step(
  rule: string,
  clause: string,
  params: readonly ParamUse[],
  inputs: { readonly [key: string]: unknown },
  value: unknown,
): TraceStep {
  return { rule, clause, params, inputs: plainRecord(inputs), value: toJson(value) };
}

/** A record's own defined entries as JSON (a loop over its keys: a trace is built for every case). */
function plainRecord(record: { readonly [key: string]: unknown }): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(record)) {
    const inner = record[key];
    // A key of the data (a township, a structure type) is a key: `__proto__` too, never the prototype.
    if (inner !== undefined) setOwn(out, key, toJson(inner));
  }
  return out;
}

function render(catalog: MessageCatalog, code: string, plain: { readonly [key: string]: Json }): string {
  return Object.hasOwn(catalog.codes, code) ? (catalog.codes[code]?.en(plain) ?? code) : code;
}

/** A reason, its English message rendered from the domain's catalog. */
export function reason(
  catalog: MessageCatalog,
  code: string,
  clause: string,
  data: { readonly [key: string]: unknown } = {},
  extra: Pick<Reason, "track" | "decisive"> = {},
): Reason {
  const plain = toJson(data) as { readonly [key: string]: Json };
  return {
    code,
    message: render(catalog, code, plain),
    clause,
    ...extra,
    ...(Object.keys(plain).length > 0 ? { data: plain } : {}),
  };
}

/** A finding, its English message rendered from the domain's catalog. */
export function finding(
  catalog: MessageCatalog,
  code: string,
  data: { readonly [key: string]: unknown } = {},
  extra: Pick<Finding, "itemId" | "clause"> = {},
): Finding {
  const plain = toJson(data) as { readonly [key: string]: Json };
  return {
    code,
    message: render(catalog, code, plain),
    ...extra,
    ...(Object.keys(plain).length > 0 ? { data: plain } : {}),
  };
}

/** `amounts` of an outcome from already-rounded parts: total is their exact sum (the amounts a reader sees add up). */
export function amountsOf(parts: { readonly municipal?: Dec; readonly district?: Dec }, rounding: Rounding): Amounts {
  const municipal = parts.municipal ?? ZERO;
  const district = parts.district ?? ZERO;
  return {
    municipal: toMoneyString(municipal, rounding),
    district: toMoneyString(district, rounding),
    total: toMoneyString(municipal.plus(district), rounding),
  };
}
