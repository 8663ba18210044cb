/**
 * The call shapes of the public functions: a wrong argument (a missing list, options that are no options, a
 * JS number where an amount is expected) is refused with `InvalidInputError` naming the argument, what it was
 * and what is accepted — never a `TypeError` from deep inside.
 */
import { ECHO_LIMIT, describeValue, describeValueZh, echoText } from "./echo.js";
import { InvalidInputError, type InputIssue } from "./index.js";

/** `path.key`, or `path["a key"]` for a key that is not a name (cut like any echoed text). */
export function keyPath(path: string, key: string): string {
  return key.length <= ECHO_LIMIT && /^[A-Za-z_$][\w$-]*$/.test(key)
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(echoText(key))}]`;
}

/** The issue of an argument. */
export function argumentIssue(path: string, code: string, message: string, zh: string): InputIssue {
  return { path, code, message, zh };
}

/** Throws the issue of an argument. */
export function refuse(path: string, code: string, message: string, zh: string): never {
  throw new InvalidInputError([argumentIssue(path, code, message, zh)]);
}

/** What a list argument holds, for its messages. */
export interface ListOf {
  readonly en: string;
  readonly zh: string;
}

/**
 * `value` as a list: an array (not an array-like, a Set or a string), or the argument is refused.
 * Holes are the caller's to report ({@link holes}): a batch lists them among its errors.
 */
export function listArgument(value: unknown, path: string, of: ListOf): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return refuse(
    path,
    "not-a-list",
    `must be a list (an array) of ${of.en}; got ${describeValue(value)}`,
    `应为${of.zh}的列表（数组）；实际为 ${describeValueZh(value)}`,
  );
}

/** The indexes of the holes of a sparse array (`[c1, , c2]` has one, at 1). */
export function holes(list: readonly unknown[]): number[] {
  const found: number[] = [];
  for (let index = 0; index < list.length; index += 1) if (!(index in list)) found.push(index);
  return found;
}

/** A hole of a sparse array is a missing entry, at `path` (`[1]`, `ledger[1]`). */
export function holeIssue(path: string, of: ListOf): InputIssue {
  return argumentIssue(
    path,
    "required",
    `is required: the list has a hole here (a sparse array) where one of its ${of.en} should be; give it, or close the gap`,
    `必须填写：列表此处是空位（稀疏数组），缺少一项${of.zh}`,
  );
}

/** `value` as a list without holes, or the argument is refused (every hole listed). */
export function denseListArgument(value: unknown, path: string, of: ListOf): readonly unknown[] {
  const list = listArgument(value, path, of);
  const missing = holes(list);
  if (missing.length > 0) throw new InvalidInputError(missing.map((index) => holeIssue(`${path}[${index}]`, of)));
  return list;
}

/** How an option's value is checked: what is accepted (for the message), and the test. */
export interface OptionCheck {
  readonly accepts: string;
  readonly zh: string;
  test(value: unknown): boolean;
}

export const BOOLEAN_OPTION: OptionCheck = Object.freeze({
  accepts: "true or false",
  zh: " true 或 false",
  test: (value: unknown) => typeof value === "boolean",
});
export const FUNCTION_OPTION: OptionCheck = Object.freeze({
  accepts: "a function",
  zh: "函数",
  test: (value: unknown) => typeof value === "function",
});
export const COUNT_OPTION: OptionCheck = Object.freeze({
  accepts: "a whole number ≥ 0",
  zh: "大于等于 0 的整数",
  test: (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0,
});

/** One of `values`. */
export function oneOfOption(values: readonly string[]): OptionCheck {
  return Object.freeze({
    accepts: `one of ${values.map((value) => `"${value}"`).join(", ")}`,
    zh: `以下之一：${values.join("、")}`,
    test: (value: unknown) => typeof value === "string" && values.includes(value),
  });
}

/** A plain object: not null, an array, a function or a class instance such as a Map. */
export function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The options argument `value` (undefined: none), checked key by key: a key that is no option is refused (a
 * typo must not silently change a result), and so is a value `checks` does not accept. Every problem is listed.
 * An option given as `undefined` counts as not given.
 */
export function optionsArgument(
  value: unknown,
  path: string,
  checks: { readonly [option: string]: OptionCheck | undefined },
): { readonly [option: string]: unknown } {
  if (value === undefined) return {};
  const names = Object.keys(checks);
  if (!isPlainObject(value))
    refuse(
      path,
      "not-options",
      `must be an object of options { ${names.join(", ")} }; got ${describeValue(value)}`,
      `应为选项对象 { ${names.join(", ")} }；实际为 ${describeValueZh(value)}`,
    );
  const issues: InputIssue[] = [];
  for (const key of Object.keys(value)) {
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
    const given = value[key];
    if (!Object.hasOwn(checks, key))
      issues.push(
        argumentIssue(
          keyPath(path, key),
          "unknown-option",
          `is no option; the options are ${names.join(", ")}`,
          `不是可用的选项；可用选项：${names.join(", ")}`,
        ),
      );
    else if (check !== undefined && given !== undefined && !check.test(given))
      issues.push(
        argumentIssue(
          keyPath(path, key),
          "invalid-option",
          `must be ${check.accepts}; got ${describeValue(given)}`,
          `应为${check.zh}；实际为 ${describeValueZh(given)}`,
        ),
      );
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return value;
}
