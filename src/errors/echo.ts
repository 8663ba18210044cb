/**
 * How input is quoted back in a message: every echoed id, key, type or text is cut to a short length, and a
 * list of known names is capped, so a hostile or broken file can never make an error message huge.
 */

/** The most characters of one input value a message quotes. */
export const ECHO_LIMIT = 60;
/** The most names a "known: …" list shows before "and N more". */
export const KNOWN_LIMIT = 20;
/** The most problems one error lists; the rest are counted. */
export const ISSUE_LIMIT = 200;
/** Keys longer than this get no "did you mean" (the distance costs length × length). */
export const SUGGEST_LIMIT = 40;

/** `text`, cut to `max` characters with its full length said when it is longer. */
export function echoText(text: string, max: number = ECHO_LIMIT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…(${text.length} characters)`;
}

/** A value quoted for a message: a string in quotes (cut), a number or boolean as is, else a word for its type. */
export function echo(input: unknown, max: number = ECHO_LIMIT): string {
  if (input === undefined) return "nothing";
  if (typeof input === "string") return JSON.stringify(echoText(input, max));
  if (typeof input === "number" || typeof input === "boolean" || input === null) return String(input);
  if (typeof input === "bigint") return `the BigInt ${echoText(String(input), max)}n`;
  if (Array.isArray(input)) return "a list";
  return `a value of type ${typeof input}`;
}

/**
 * What a value given to a function is, for a message: a text in quotes (cut), `null`, the number 5, the BigInt
 * 5n, a list, an object, a function, a Map, a Date, an instance of Foo, …
 */
export function describeValue(input: unknown): string {
  if (typeof input === "number") return `the number ${String(input)}`;
  if (typeof input === "function") return "a function";
  if (typeof input === "symbol") return "a symbol";
  if (typeof input !== "object" || input === null || Array.isArray(input)) return echo(input);
  const prototype: unknown = Object.getPrototypeOf(input);
  if (prototype === Object.prototype || prototype === null) return "an object";
  const name = (input as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof name !== "string" || name === "") return "an object";
  return ["Map", "Set", "Date", "Promise", "RegExp"].includes(name)
    ? `a ${name}`
    : `an instance of ${echoText(name, 40)}`;
}

/** {@link describeValue} in Chinese: 数字 5、BigInt 5n、列表、对象、函数、Map、Foo 的实例…. */
export function describeValueZh(input: unknown): string {
  if (typeof input === "number") return `数字 ${String(input)}`;
  if (typeof input === "bigint") return `BigInt ${echoText(String(input))}n`;
  if (input === undefined) return "空(未给出)";
  if (typeof input === "function") return "函数";
  if (typeof input === "symbol") return "symbol";
  if (Array.isArray(input)) return "列表";
  if (typeof input !== "object" || input === null) return echo(input);
  const english = describeValue(input);
  if (english === "an object") return "对象";
  return english.startsWith("an instance of ") ? `${english.slice("an instance of ".length)} 的实例` : english.slice(2);
}

/** Names joined for a "known: …" list, at most `max` of them, then "and N more". Each name is cut too. */
export function knownList(names: Iterable<string>, max: number = KNOWN_LIMIT, separator = ", "): string {
  const all = [...names];
  const shown = all.slice(0, max).map((name) => echoText(name, 40));
  return all.length > max ? `${shown.join(separator)} and ${all.length - max} more` : shown.join(separator);
}
