import { deepFreeze } from "../freeze.js";
import { dec, type Dec } from "../money/decimal.js";
import { DECIMAL } from "../money/parse.js";
import { isIsoDate } from "../schemas/scalars.js";
import type { ParameterKind } from "./handles.js";
import type { Json, ParamUse } from "./status.js";
import type { ParameterValueJson, Scale } from "./types.js";

/** Either a typed value or the reason the JSON value does not have the parameter's shape. */
export type Compiled = { ok: true; value: unknown } | { ok: false; message: string; zh: string };

const isDecimal = (value: unknown): value is string =>
  typeof value === "string" && DECIMAL.test(value) && !value.startsWith("-");

/** Turns one JSON value into the typed value its parameter's kind calls for (decimals become `Dec`, once; tables are frozen null-prototype records). */
export function compileValue(kind: ParameterKind, json: ParameterValueJson): Compiled {
  switch (kind.type) {
    case "decimal":
      return isDecimal(json)
        ? ok(dec(json))
        : fail(`must be a decimal string ≥ 0 such as "0.7"`, `应为不小于 0 的十进制数字文本，如 "0.7"`);
    case "boolean":
      return typeof json === "boolean" ? ok(json) : fail("must be true or false", "应为 true 或 false");
    case "date":
      return typeof json === "string" && isIsoDate(json)
        ? ok(json)
        : fail(`must be a date "YYYY-MM-DD"`, `应为日期 "YYYY-MM-DD"`);
    case "scale":
      return compileScale(json);
    case "table":
      return kind.cell === "decimal"
        ? compileTable(
            json,
            kind.keys,
            (cell) => (isDecimal(cell) ? dec(cell) : undefined),
            "a decimal string ≥ 0",
            "不小于 0 的十进制数字文本",
          )
        : compileTable(
            json,
            kind.keys,
            (cell) => (typeof cell === "string" && isIsoDate(cell) ? cell : undefined),
            `a date "YYYY-MM-DD"`,
            `日期 "YYYY-MM-DD"`,
          );
    case "rate-table":
      return compileRates(json);
  }
}

function ok(value: unknown): Compiled {
  return { ok: true, value: deepFreeze(value) };
}
function fail(message: string, zh: string): Compiled {
  return { ok: false, message, zh };
}

function isTable(json: unknown): json is { readonly [key: string]: unknown } {
  return typeof json === "object" && json !== null && !Array.isArray(json) && !("type" in json && "brackets" in json);
}

function compileTable(
  json: ParameterValueJson,
  keys: readonly string[],
  cell: (value: unknown) => unknown,
  what: string,
  whatZh: string,
): Compiled {
  if (!isTable(json)) return fail(`must be a table { ${keys.join(", ")} }`, `应为表 { ${keys.join(", ")} }`);
  const missing = keys.filter((key) => !Object.hasOwn(json, key));
  const unknown = Object.keys(json).filter((key) => !keys.includes(key));
  if (missing.length > 0 || unknown.length > 0) {
    const unknownShown = unknown.map((key) => JSON.stringify(key.slice(0, 40))).join(", ");
    return fail(
      `must be a table with exactly the keys ${keys.join(", ")}${missing.length > 0 ? `; missing ${missing.join(", ")}` : ""}${unknown.length > 0 ? `; unknown ${unknownShown}` : ""}`,
      `应为恰好含有键 ${keys.join(", ")} 的表${missing.length > 0 ? `；缺少 ${missing.join(", ")}` : ""}${unknown.length > 0 ? `；未知的键 ${unknownShown}` : ""}`,
    );
  }
  const out: { [key: string]: unknown } = Object.create(null) as { [key: string]: unknown };
  for (const key of keys) {
    const value = cell(json[key]);
    if (value === undefined) return fail(`${key} must be ${what}`, `${key} 应为${whatZh}`);
    out[key] = value;
  }
  return ok(out);
}

function compileRates(json: ParameterValueJson): Compiled {
  if (!isTable(json) || Object.keys(json).length === 0)
    return fail(
      "must be a table { structureType: { unit, rate } } with at least one type",
      "应为至少含有一种结构类型的表 { structureType: { unit, rate } }",
    );
  const out: { [key: string]: unknown } = Object.create(null) as { [key: string]: unknown };
  for (const [key, cell] of Object.entries(json)) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key))
      return fail(
        `structure type ${JSON.stringify(key.slice(0, 40))} must be kebab-case, e.g. "brick-concrete"`,
        `结构类型 ${JSON.stringify(key.slice(0, 40))} 应为小写字母、数字和连字符（kebab-case），如 "brick-concrete"`,
      );
    if (typeof cell !== "object" || cell === null || !("unit" in cell) || !("rate" in cell))
      return fail(`${key} must be { unit, rate }`, `${key} 应为 { unit, rate }`);
    const { unit, rate } = cell as { unit: unknown; rate: unknown };
    if (unit !== "m2" && unit !== "m" && unit !== "item")
      return fail(`${key}.unit must be "m2", "m" or "item"`, `${key}.unit 应为 "m2"、"m" 或 "item"`);
    if (!isDecimal(rate))
      return fail(`${key}.rate must be a decimal string ≥ 0`, `${key}.rate 应为不小于 0 的十进制数字文本`);
    out[key] = Object.freeze({ unit, rate: dec(rate) });
  }
  return ok(out);
}

function compileScale(json: ParameterValueJson): Compiled {
  if (typeof json !== "object" || json === null || !("type" in json) || !("brackets" in json))
    return fail(`must be a scale { type, brackets }`, `应为分档表 { type, brackets }`);
  const scale = json as {
    type: Scale["type"];
    brackets: readonly { threshold: string; rate?: string; amount?: string }[];
  };
  const field = scale.type === "single-amount" ? "amount" : "rate";
  const brackets: { threshold: Dec; rate: Dec; amount: Dec }[] = [];
  for (const [index, bracket] of scale.brackets.entries()) {
    const value = bracket[field];
    if (value === undefined)
      return fail(
        `brackets[${index}] of a ${scale.type} scale needs "${field}"`,
        `${scale.type} 分档表的 brackets[${index}] 需要 "${field}"`,
      );
    if (bracket[field === "rate" ? "amount" : "rate"] !== undefined)
      return fail(
        `brackets[${index}] of a ${scale.type} scale takes "${field}" only`,
        `${scale.type} 分档表的 brackets[${index}] 只接受 "${field}"`,
      );
    if (bracket.threshold.startsWith("-") || value.startsWith("-"))
      return fail(
        `brackets[${index}] must have a threshold and ${field} ≥ 0`,
        `brackets[${index}] 的 threshold 和 ${field} 应不小于 0`,
      );
    const threshold = dec(bracket.threshold);
    const previous = brackets.at(-1);
    if (previous !== undefined && !threshold.gt(previous.threshold))
      return fail(
        `brackets[${index}].threshold must be greater than the one before`,
        `brackets[${index}].threshold 应大于上一档`,
      );
    brackets.push(
      Object.freeze({
        threshold,
        rate: field === "rate" ? dec(value) : dec(0),
        amount: field === "amount" ? dec(value) : dec(0),
      }),
    );
  }
  return ok({ type: scale.type, brackets: Object.freeze(brackets) } satisfies Scale);
}

/** What a trace cites of a dated value: its name (with the key when one cell was read), value, date, status and citation. */
export function paramUseOf(
  value: {
    readonly name: string;
    readonly from: string;
    readonly json: ParameterValueJson;
    readonly status: ParamUse["status"];
    readonly source: string;
    readonly clause?: string;
    readonly note?: string;
  },
  key?: string,
): ParamUse {
  const json = value.json as Json;
  const cell: Json =
    key === undefined
      ? json
      : typeof json === "object" && json !== null && !Array.isArray(json) && Object.hasOwn(json, key)
        ? ((json as { readonly [k: string]: Json })[key] ?? null)
        : null;
  return Object.freeze({
    name: key === undefined ? value.name : `${value.name}.${key}`,
    from: value.from,
    value: cell,
    status: value.status,
    source: value.source,
    ...(value.clause === undefined ? {} : { clause: value.clause }),
    ...(value.note === undefined ? {} : { note: value.note }),
  });
}
