/**
 * The argument shapes of the rules and Node entries (issue 10): a rule's facts and context, a traced value, a
 * function, a text, an options object. Each check reads the argument once, inside a guard, so a getter or a
 * proxy that throws is refused as an argument that cannot be read — never a TypeError from deep inside.
 */
import { describeValue, describeValueZh } from "./echo.js";
import { InvalidInputError } from "./index.js";
import {
  denseListArgument,
  isPlainObject,
  optionsArgument,
  refuse,
  type ListOf,
  type OptionCheck,
} from "./arguments.js";

/** What a value is, for a message, even when reading it throws (a proxy, a getter). */
function described(value: unknown): { en: string; zh: string } {
  try {
    return { en: describeValue(value), zh: describeValueZh(value) };
  } catch {
    return { en: "an object that cannot be read", zh: "无法读取的对象" };
  }
}

/** The argument at `path` could not be read: a getter or a proxy threw. */
function unreadable(path: string, error: unknown): never {
  if (error instanceof InvalidInputError) throw error;
  return refuse(
    path,
    "unreadable",
    "cannot be read: reading it threw (a getter or a proxy); give plain data",
    "无法读取：读取时出错（getter 或 proxy）；请给出普通数据",
  );
}

/** Runs `read` over the argument at `path`; whatever it throws but an input error makes the argument unreadable. */
export function reading<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    return unreadable(path, error);
  }
}

/** `value` is a plain object (not null, a list, a function or a class instance such as a Map) whose own properties can all be read, or it is refused. */
export function objectArgument(
  value: unknown,
  path: string,
  en: string,
  zh: string,
): Readonly<Record<string, unknown>> {
  if (!reading(path, () => isPlainObject(value))) {
    const { en: got, zh: gotZh } = described(value);
    refuse(path, "wrong-type", `must be ${en}; got ${got}`, `应为${zh}；实际为 ${gotZh}`);
  }
  reading(path, () => {
    for (const key of Object.keys(value as object)) void (value as Record<string, unknown>)[key];
  });
  return value as Readonly<Record<string, unknown>>;
}

/** `value` is a function, or it is refused. */
export function functionArgument(value: unknown, path: string, en: string, zh: string): void {
  if (typeof value === "function") return;
  const { en: got, zh: gotZh } = described(value);
  refuse(path, "not-a-function", `must be a function: ${en}; got ${got}`, `应为函数：${zh}；实际为 ${gotZh}`);
}

/** `value` is a text, or it is refused. */
export function textArgument(value: unknown, path: string, en: string, zh: string): string {
  if (typeof value === "string") return value;
  const { en: got, zh: gotZh } = described(value);
  return refuse(path, "not-a-text", `must be a text: ${en}; got ${got}`, `应为文本：${zh}；实际为 ${gotZh}`);
}

/** `value` is true or false, or it is refused. */
export function booleanArgument(value: unknown, path: string): boolean {
  if (typeof value === "boolean") return value;
  const { en: got, zh: gotZh } = described(value);
  return refuse(path, "wrong-type", `must be true or false; got ${got}`, `应为 true 或 false；实际为 ${gotZh}`);
}

/** An optional object argument (undefined: none given). */
export function optionalObject(value: unknown, path: string, en: string, zh: string): void {
  if (value !== undefined) objectArgument(value, path, en, zh);
}

/** `value` is a rule's context (`ctx`: read, cited, cite, rounding, trace, on), or it is refused. */
export function contextArgument(value: unknown, path = "ctx"): void {
  const en = "a rule's context (the ctx a programme gives a rule: read, cited, cite, rounding, trace, on)";
  const zh = "规则的计算环境 ctx（由方案传给规则：read、cited、cite、rounding、trace、on）";
  const ctx = objectArgument(value, path, en, zh);
  const wrong = reading(
    path,
    () =>
      ["read", "cited", "cite"].find((name) => typeof ctx[name] !== "function") ??
      (typeof ctx.trace !== "boolean" ? "trace" : undefined) ??
      (typeof ctx.rounding !== "object" || ctx.rounding === null ? "rounding" : undefined) ??
      (typeof ctx.on !== "string" ? "on" : undefined),
  );
  if (wrong !== undefined)
    refuse(
      `${path}.${wrong}`,
      "not-a-context",
      `is missing or wrong: ${path} must be ${en}`,
      `缺失或有误：${path} 应为${zh}`,
    );
}

/** `value` is a traced value ({ value, steps, reasons, findings }), or it is refused. */
export function tracedArgument(value: unknown, path: string): void {
  const en = "a traced value { value, steps, reasons, findings } (what a rule returns)";
  const zh = "可追溯的值 { value, steps, reasons, findings }（规则的返回值）";
  const traced = objectArgument(value, path, en, zh);
  const wrong = reading(path, () => ["steps", "reasons", "findings"].find((name) => !Array.isArray(traced[name])));
  if (wrong !== undefined)
    refuse(`${path}.${wrong}`, "not-traced", `must be a list: ${path} must be ${en}`, `应为列表：${path} 应为${zh}`);
}

/** `value` as a list without holes (a copy, read once), or it is refused; a list that cannot be read is unreadable. */
export function listOf(value: unknown, path: string, of: ListOf): readonly unknown[] {
  return reading(path, () => [...denseListArgument(value, path, of)]);
}

/** {@link optionsArgument} over an argument that may not be readable. */
export function optionsOf(
  value: unknown,
  path: string,
  checks: { readonly [option: string]: OptionCheck | undefined },
): { readonly [option: string]: unknown } {
  return reading(path, () => optionsArgument(value, path, checks));
}
