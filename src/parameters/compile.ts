import { dec } from "../money/decimal.js";
import { isIsoDate } from "../schemas/scalars.js";
import type { ParameterKind } from "./catalog.js";
import type { ParameterValueJson, Scale } from "./types.js";

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Either a typed value or the reason the JSON value does not have the parameter's shape. */
export type Compiled = { ok: true; value: unknown } | { ok: false; message: string };

/** Turns one JSON value into the typed value its parameter's kind calls for (decimals become `Dec`, once). */
export function compileValue(kind: ParameterKind, json: ParameterValueJson): Compiled {
  switch (kind.type) {
    case "decimal":
      return typeof json === "string" && DECIMAL.test(json) && !json.startsWith("-")
        ? ok(dec(json))
        : fail(`must be a decimal string ≥ 0 such as "0.7"`);
    case "boolean":
      return typeof json === "boolean" ? ok(json) : fail("must be true or false");
    case "date":
      return typeof json === "string" && isIsoDate(json) ? ok(json) : fail(`must be a date "YYYY-MM-DD"`);
    case "scale":
      return compileScale(json);
    case "decimal-table":
      return compileTable(
        json,
        kind.keys,
        (cell) => (typeof cell === "string" && DECIMAL.test(cell) && !cell.startsWith("-") ? dec(cell) : undefined),
        "a decimal string ≥ 0",
      );
    case "date-table":
      return compileTable(
        json,
        kind.keys,
        (cell) => (typeof cell === "string" && isIsoDate(cell) ? cell : undefined),
        `a date "YYYY-MM-DD"`,
      );
    case "rate-table":
      return compileRates(json);
  }
}

function ok(value: unknown): Compiled {
  return { ok: true, value };
}
function fail(message: string): Compiled {
  return { ok: false, message };
}

function isTable(json: unknown): json is { readonly [key: string]: unknown } {
  return typeof json === "object" && json !== null && !("type" in json && "brackets" in json);
}

function compileTable(
  json: ParameterValueJson,
  keys: readonly string[],
  cell: (value: unknown) => unknown,
  what: string,
): Compiled {
  if (!isTable(json)) return fail(`must be a table { ${keys.join(", ")} }`);
  const missing = keys.filter((key) => !(key in json));
  const unknown = Object.keys(json).filter((key) => !keys.includes(key));
  if (missing.length > 0 || unknown.length > 0) {
    return fail(
      `must be a table with exactly the keys ${keys.join(", ")}${missing.length > 0 ? `; missing ${missing.join(", ")}` : ""}${unknown.length > 0 ? `; unknown ${unknown.join(", ")}` : ""}`,
    );
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = cell(json[key]);
    if (value === undefined) return fail(`${key} must be ${what}`);
    out[key] = value;
  }
  return ok(out);
}

function compileRates(json: ParameterValueJson): Compiled {
  if (!isTable(json) || Object.keys(json).length === 0)
    return fail("must be a table { structureType: { unit, rate } } with at least one type");
  const out: Record<string, unknown> = {};
  for (const [key, cell] of Object.entries(json)) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key))
      return fail(`structure type "${key}" must be kebab-case, e.g. "brick-concrete"`);
    if (typeof cell !== "object" || cell === null || !("unit" in cell) || !("rate" in cell))
      return fail(`${key} must be { unit, rate }`);
    const { unit, rate } = cell as { unit: unknown; rate: unknown };
    if (unit !== "m2" && unit !== "m" && unit !== "item") return fail(`${key}.unit must be "m2", "m" or "item"`);
    if (typeof rate !== "string" || !DECIMAL.test(rate) || rate.startsWith("-"))
      return fail(`${key}.rate must be a decimal string ≥ 0`);
    out[key] = { unit, rate: dec(rate) };
  }
  return ok(out);
}

function compileScale(json: ParameterValueJson): Compiled {
  if (typeof json !== "object" || json === null || !("type" in json) || !("brackets" in json))
    return fail(`must be a scale { type, brackets }`);
  const scale = json as {
    type: Scale["type"];
    brackets: readonly { threshold: string; rate?: string; amount?: string }[];
  };
  const field = scale.type === "single-amount" ? "amount" : "rate";
  const brackets: {
    threshold: ReturnType<typeof dec>;
    rate: ReturnType<typeof dec>;
    amount: ReturnType<typeof dec>;
  }[] = [];
  for (const [index, bracket] of scale.brackets.entries()) {
    const value = bracket[field];
    if (value === undefined) return fail(`brackets[${index}] of a ${scale.type} scale needs "${field}"`);
    if (bracket[field === "rate" ? "amount" : "rate"] !== undefined)
      return fail(`brackets[${index}] of a ${scale.type} scale takes "${field}" only`);
    if (bracket.threshold.startsWith("-") || value.startsWith("-"))
      return fail(`brackets[${index}] must have a threshold and ${field} ≥ 0`);
    const threshold = dec(bracket.threshold);
    const previous = brackets.at(-1);
    if (previous !== undefined && !threshold.gt(previous.threshold))
      return fail(`brackets[${index}].threshold must be greater than the one before`);
    brackets.push({
      threshold,
      rate: field === "rate" ? dec(value) : dec(0),
      amount: field === "amount" ? dec(value) : dec(0),
    });
  }
  return ok({ type: scale.type, brackets } satisfies Scale);
}
