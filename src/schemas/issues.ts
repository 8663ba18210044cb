import type * as z from "zod/mini";
import { describeValueZh, echo, echoText, SUGGEST_LIMIT } from "../errors/echo.js";
import { formatPath, type InputIssue } from "../errors/index.js";
import { FIELD_LABELS } from "./labels.js";
import { show } from "./scalars.js";

/** The Chinese label of a field, by its name (the contract's, or a programme's that adds fields). */
export type FieldLabels = (field: string) => string | undefined;

const contractLabel: FieldLabels = (field) => (Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field] : undefined);

/**
 * Turns zod issues into ours: the path (prefixed, e.g. `[3]` for the fourth case), a stable code, and a
 * message in English and Chinese that names the field with its Chinese label, says what was wrong, and
 * what is accepted.
 */
export function zodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
  labels: FieldLabels = contractLabel,
  schema?: unknown,
): InputIssue[] {
  return issues.flatMap((issue): InputIssue[] => {
    const segments = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      const known = schema === undefined ? [] : keysAt(schema, issue.path);
      return issue.keys.map((key) => ({
        path: formatPath([...segments, key]),
        code: "unknown-field",
        message: `unknown field ${echo(key)}${suggest(key, known)}; a typo must not silently change a result — remove it or use a field of the contract`,
        zh: `未知字段 ${echo(key)}${suggestZh(key, known)}：拼写错误不得悄悄改变计算结果，请删除该字段或改用约定的字段`,
      }));
    }
    if (issue.code === "invalid_union" && issue.errors.length > 0 && issue.discriminator === undefined) {
      // A union of scalar alternatives (string | number): report the first branch's message only once.
      const first = issue.errors[0]?.[0];
      if (first !== undefined && issue.message.startsWith("Invalid input"))
        return zodIssues([{ ...first, path: [...issue.path, ...first.path] }], prefix, labels, schema);
    }
    const field = [...segments].reverse().find((segment) => typeof segment === "string");
    const label = typeof field === "string" ? labels(field) : undefined;
    const described = describe(segments, issue, label);
    return [
      {
        path: formatPath(segments),
        code: described.code,
        message: described.message,
        zh: `${label ?? (typeof field === "string" ? field : "取值")}：${described.zh}`,
        ...(label === undefined ? {} : { label }),
      },
    ];
  });
}

function describe(
  segments: readonly PropertyKey[],
  issue: z.core.$ZodIssue,
  label: string | undefined,
): { code: string; message: string; zh: string } {
  const field = [...segments].reverse().find((segment) => typeof segment === "string");
  const name = typeof field === "string" ? `${field}${label === undefined ? "" : ` (${label})`}` : "value";
  const input = (issue as { input?: unknown }).input;
  if (
    input === undefined &&
    (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union")
  ) {
    const accepted =
      zodDefault(issue)?.en ?? issue.message.replace(/; got nothing$/, "").replace(/^Invalid input: /, "");
    return {
      code: "required",
      message: `${name} is required — ${accepted === "is required" ? "give a value" : accepted}`,
      zh: requiredZh(issue),
    };
  }
  const { code, zh: accepted } = kindOf(issue);
  const zh = `${accepted}${input === undefined ? "" : `；实际为 ${showZh(input)}`}`;
  const plain = zodDefault(issue);
  if (plain !== undefined) return { code, message: `${name}: ${plain.en}; got ${show(input)}`, zh };
  if (issue.code === "invalid_type" && !/got /.test(issue.message))
    return { code, message: `${name}: ${issue.message}; got ${show(input)}`, zh };
  return {
    code,
    message: `${name} ${issue.message.startsWith("is ") ? "" : ": "}${issue.message}`.replace(" : ", ": "),
    zh,
  };
}

/** What a message of one of our schemas says was wrong: its stable code and, in Chinese, what is accepted. */
const KINDS: readonly (readonly [RegExp, string, string])[] = [
  [/^duplicate /, "duplicate-id", "编号重复：同一案件内的编号必须唯一"],
  [/real calendar date/, "not-a-date", "应为真实存在的日期 YYYY-MM-DD"],
  [/must be a date/, "not-a-date", "应为日期 YYYY-MM-DD，如 2016-06-14"],
  [
    /^a value must be a decimal string, a date/,
    "wrong-type",
    "参数值应为十进制数字文本、日期、true 或 false、表 { 键: 值 }、分档表 { type, brackets } 或 null",
  ],
  [
    /^a table cell must be a decimal string/,
    "wrong-type",
    "表的每一格应为十进制数字文本、日期、true 或 false，或 { unit, rate }",
  ],
  [/in yuan/, "not-a-decimal", '应为以元计的十进制数字文本，如 "1250.50"'],
  [/decimal string|quantity/, "not-a-decimal", '应为十进制数字文本，如 "120.5"'],
  [/not be negative/, "not-a-decimal", "不得为负数"],
  [/greater than 0/, "not-positive", "必须大于 0"],
  [/true or false/, "not-a-boolean", "应为 true 或 false"],
  [/a year/, "not-a-whole-number", "应为 1990 至 2100 之间的年份"],
  [/whole number/, "not-a-whole-number", "应为大于等于 0 的整数"],
  [/non-empty text/, "not-a-text", "应为首尾无空格的非空文本"],
  [/at least one/, "too-few", "至少须有一项"],
  [/lists more than/, "too-many", "条目过多：请拆分案件"],
  [/only meaningful with/, "invalid-value", "须同时填写暂缓类别"],
  [/must be a list of (?:\w+ )*\(may be empty\)/, "wrong-type", "应为列表（可为空）"],
  [/must be a list of/, "wrong-type", "应为列表，每项一条记录"],
  [/must be an object \{.*\} of true\/false/, "wrong-type", "应为对象，各项为 true 或 false"],
];

/** The code of a zod issue and what is accepted, in Chinese. */
function kindOf(issue: z.core.$ZodIssue): { readonly code: string; readonly zh: string } {
  const oneOf = /must be one of (.*?)(; got|$)/.exec(issue.message);
  if (oneOf !== null) return { code: "not-an-allowed-value", zh: `应为以下取值之一：${zhList(oneOf[1] ?? "")}` };
  const digits = /has (\d+) digits; at most (\d+) are computed exactly/.exec(issue.message);
  if (digits !== null)
    return {
      code: "too-many-digits",
      zh: `有 ${digits[1]} 位数字，最多精确计算 ${digits[2]} 位（实际金额不会需要更多：请核对该值）`,
    };
  const known = KINDS.find(([pattern]) => pattern.test(issue.message));
  if (known !== undefined) return { code: known[1], zh: known[2] };
  const plain = zodDefault(issue);
  if (plain !== undefined) return { code: plain.code, zh: plain.zh };
  return { code: issue.code === "invalid_type" ? "wrong-type" : "invalid-value", zh: "取值不正确" };
}

/** A value's kind in a message, as zod names it in an issue (`expected: "string"`). */
const TYPES: ReadonlyMap<string, { readonly en: string; readonly zh: string }> = new Map([
  ["string", { en: "a text", zh: "文本" }],
  ["number", { en: "a number", zh: "数字" }],
  ["int", { en: "a whole number", zh: "整数" }],
  ["boolean", { en: "true or false", zh: "布尔值（true 或 false）" }],
  ["array", { en: "a list", zh: "列表" }],
  ["object", { en: "an object", zh: "对象" }],
  ["record", { en: "an object", zh: "对象" }],
  ["map", { en: "an object", zh: "对象" }],
  ["date", { en: "a date", zh: "日期" }],
  ["bigint", { en: "a whole number", zh: "整数" }],
]);

/** How zod's own messages start ("Invalid option: expected one of …", "Too small: …"): English only. */
const ZOD_DEFAULT = /^(?:Invalid (?:input|option|string|number|key|element|value|type)|Too (?:small|big)|Expected )/;

/** zod's own message of a string format ("Invalid email address", "Invalid ISO date", "Invalid UUID", …). */
const ZOD_FORMAT_DEFAULT = /^Invalid /;

/**
 * What an issue whose message is zod's own default says, in words of ours, in English and Chinese (never
 * zod's English in a Chinese message): `must be one of "zh", "en"` / `应为以下取值之一："zh"、"en"`; `must have at
 * least 1 character` / `至少 1 个字符`; `must be a list` / `应为列表`. Messages of our own schemas pass through.
 */
function zodDefault(issue: z.core.$ZodIssue): { code: string; en: string; zh: string } | undefined {
  if (!(issue.code === "invalid_format" ? ZOD_FORMAT_DEFAULT : ZOD_DEFAULT).test(issue.message)) return undefined;
  const raw = issue as unknown as { readonly [key: string]: unknown };
  switch (issue.code) {
    case "invalid_value": {
      const values = (Array.isArray(raw["values"]) ? raw["values"] : []).map((value: unknown) => echo(value));
      const list = values.join(", ");
      return values.length === 1
        ? { code: "not-an-allowed-value", en: `must be ${list}`, zh: `应为 ${list}` }
        : { code: "not-an-allowed-value", en: `must be one of ${list}`, zh: `应为以下取值之一：${values.join("、")}` };
    }
    case "invalid_type": {
      const expected = TYPES.get(String(raw["expected"])) ?? { en: "another kind of value", zh: "另一类取值" };
      return { code: "wrong-type", en: `must be ${expected.en}`, zh: `应为${expected.zh}` };
    }
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const bound = String(raw[small ? "minimum" : "maximum"]);
      const inclusive = raw["inclusive"] !== false;
      const origin = String(raw["origin"]);
      const code = small ? "too-few" : "too-many";
      if (origin === "string")
        return small && bound === "1"
          ? { code: "not-a-text", en: "must not be empty", zh: "不能为空" }
          : small
            ? { code, en: `must have at least ${bound} characters`, zh: `至少须有 ${bound} 个字符` }
            : { code, en: `must have at most ${bound} characters`, zh: `最多 ${bound} 个字符` };
      if (origin === "array" || origin === "set")
        return small
          ? { code, en: `must list at least ${bound}`, zh: `至少须有 ${bound} 项` }
          : { code, en: `must list at most ${bound}`, zh: `最多 ${bound} 项` };
      const relation = small
        ? inclusive
          ? ["≥", "大于等于"]
          : [">", "大于"]
        : inclusive
          ? ["≤", "小于等于"]
          : ["<", "小于"];
      return { code: "out-of-range", en: `must be ${relation[0]} ${bound}`, zh: `应${relation[1]} ${bound}` };
    }
    case "not_multiple_of":
      return {
        code: "invalid-value",
        en: `must be a multiple of ${String(raw["divisor"])}`,
        zh: `应为 ${String(raw["divisor"])} 的倍数`,
      };
    case "invalid_format":
      return { code: "invalid-value", ...formatExpected(raw) };
    default:
      return { code: "invalid-value", en: "is not a value accepted here", zh: "取值不正确" };
  }
}

/**
 * What an `invalid_format` issue accepts, in English and Chinese: the text it must start with, end with or include,
 * the pattern it must match (cut when long), or the format by zod's name for it (`"email"`, `"date"`, `"uuid"`):
 * a table of words for each would cost the core's size more than a name programmes rarely meet.
 */
function formatExpected(raw: { readonly [key: string]: unknown }): { en: string; zh: string } {
  const format = String(raw["format"]);
  const affix = (key: string) => echo(String(raw[key]));
  if (format === "starts_with") return { en: `must start with ${affix("prefix")}`, zh: `应以 ${affix("prefix")} 开头` };
  if (format === "ends_with") return { en: `must end with ${affix("suffix")}`, zh: `应以 ${affix("suffix")} 结尾` };
  if (format === "includes") return { en: `must include ${affix("includes")}`, zh: `应包含 ${affix("includes")}` };
  const pattern = typeof raw["pattern"] === "string" ? echoText(raw["pattern"], 80) : undefined;
  if (format !== "regex")
    return { en: `must be in the format "${echoText(format, 40)}"`, zh: `应为 "${echoText(format, 40)}" 格式` };
  return pattern === undefined
    ? { en: "is not in the form accepted here", zh: "格式不正确" }
    : { en: `must match the pattern ${pattern}`, zh: `应符合格式 ${pattern}` };
}

/** The value given, for a Chinese message: a text in quotes (cut), a number as is, else a word for its kind. */
function showZh(input: unknown): string {
  if (Array.isArray(input)) return "列表";
  if (typeof input === "object" && input !== null) return "对象";
  if (typeof input === "string" || typeof input === "number" || typeof input === "boolean" || input === null)
    return echo(input);
  return describeValueZh(input);
}

/** A required field, in Chinese: 必须填写, and what it takes when the schema says (as the English message does). */
function requiredZh(issue: z.core.$ZodIssue): string {
  const accepted = kindOf(issue).zh;
  return accepted === "取值不正确" ? "必须填写" : `必须填写，${accepted}`;
}

/** A list of quoted values as an English message writes it (`"a", "b"`), in Chinese (`"a"、"b"`). */
function zhList(list: string): string {
  return list.replaceAll('", "', '"、"');
}

/** 您是否要写 — the did-you-mean of `suggest`, in Chinese. */
function suggestZh(key: string, known: readonly string[]): string {
  const english = suggest(key, known);
  return english === "" ? "" : `（是否应为 ${english.slice(" (did you mean ".length, -2)}？）`;
}

/** "did you mean" one of the keys the object at that place takes (never a field of another object). */
function suggest(key: string, known: readonly string[]): string {
  if (key.length > SUGGEST_LIMIT) return "";
  const lower = key.toLowerCase();
  const match = known.find((field) => field.toLowerCase() === lower || distance(field.toLowerCase(), lower) <= 2);
  return match === undefined || match === key ? "" : ` (did you mean "${match}"?)`;
}

/** A zod schema's definition (zod 4 keeps it at `_zod.def`), read without trusting its shape. */
function definition(schema: unknown): { readonly [key: string]: unknown } | undefined {
  const zod = (schema as { _zod?: { def?: unknown } } | null | undefined)?._zod;
  const def = zod?.def;
  return typeof def === "object" && def !== null ? (def as { readonly [key: string]: unknown }) : undefined;
}

/** The concrete schemas a schema stands for: wrappers (optional, default, pipe, lazy …) unwrapped, unions spread. */
function concrete(schema: unknown, depth = 0): unknown[] {
  const def = definition(schema);
  if (def === undefined || depth > 20) return [];
  if (def.type === "union") return (def.options as unknown[]).flatMap((option) => concrete(option, depth + 1));
  if (def.type === "intersection") return [...concrete(def.left, depth + 1), ...concrete(def.right, depth + 1)];
  if (def.type === "pipe") return concrete(def.in, depth + 1);
  if (def.type === "lazy" && typeof def.getter === "function")
    return concrete((def.getter as () => unknown)(), depth + 1);
  if (def.innerType !== undefined) return concrete(def.innerType, depth + 1);
  return [schema];
}

/** The keys the object schemas at `path` inside `schema` take. */
function keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  let nodes = concrete(schema);
  for (const segment of path) {
    nodes = nodes.flatMap((node) => {
      const def = definition(node);
      if (def === undefined) return [];
      if (def.type === "object" && typeof segment === "string") {
        const shape = def.shape as { readonly [key: string]: unknown };
        return Object.hasOwn(shape, segment) ? concrete(shape[segment]) : [];
      }
      if (def.type === "array" && typeof segment === "number") return concrete(def.element);
      if (def.type === "record") return concrete(def.valueType);
      return [];
    });
  }
  const keys = nodes.flatMap((node) => {
    const def = definition(node);
    return def?.type === "object" ? Object.keys(def.shape as object) : [];
  });
  return [...new Set(keys)];
}

/** Levenshtein distance of two short names (did-you-mean). */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}
