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

/**
 * The characters a reader cannot see or tell apart from a space: C0 and C1 controls and DEL (tab, newline …),
 * every space but U+0020 (no-break, ideographic, thin …), line and paragraph separators, format characters
 * (zero-width space and joiners, soft hyphen, BOM, bidi marks, embeddings, overrides and isolates, tags),
 * lone surrogates, private-use and unassigned code points, variation selectors, the combining grapheme joiner
 * and the Hangul and Braille blanks (letters that draw nothing).
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/gu;

const NAMED: ReadonlyMap<string, string> = new Map([
  ["\t", "\\t"],
  ["\n", "\\n"],
  ["\r", "\\r"],
]);

/** One invisible character as a visible escape: `\t`, `\n`, `\r`, else `\u001B`, `\u00A0`, `\u{E0041}`. */
export function visibleEscape(character: string): string {
  const named = NAMED.get(character);
  if (named !== undefined) return named;
  const code = character.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}

/**
 * `text` with every invisible character ({@link INVISIBLE}) written as a visible escape: `\t`, `\n`, `\r`,
 * `\u00A0`, `\u200B`, `\u202E`, `\u{E0041}`. A case id `"A\tB"` and `"A B"` read differently, and a bidi
 * override cannot reorder the rest of a message. Visible text is left as it is, so the escape is idempotent.
 */
export function visibleText(text: string): string {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text) ? text.replace(INVISIBLE, visibleEscape) : text;
}

/**
 * `text` for a message: cut to `max` characters with its full length said when it is longer, and every
 * invisible character shown as an escape ({@link visibleText}).
 */
export function echoText(text: string, max: number = ECHO_LIMIT): string {
  if (text.length <= max) return visibleText(text);
  return `${visibleText(text.slice(0, max - 1))}…(${text.length} characters)`;
}

/** A value quoted for a message: a string in quotes (cut), a number or boolean as is, else a word for its type. */
export function echo(input: unknown, max: number = ECHO_LIMIT): string {
  if (input === undefined) return "nothing";
  if (typeof input === "string") return visibleText(JSON.stringify(cutText(input, max)));
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
  if (input === undefined) return "空（未给出）";
  if (typeof input === "function") return "函数";
  if (typeof input === "symbol") return "symbol";
  if (Array.isArray(input)) return "列表";
  if (typeof input !== "object" || input === null) return echo(input);
  const english = describeValue(input);
  if (english === "an object") return "对象";
  return english.startsWith("an instance of ") ? `${english.slice("an instance of ".length)} 的实例` : english.slice(2);
}

/** `text` cut to `max` characters as {@link echoText} does, its characters left as they are. */
export function cutText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…(${text.length} characters)`;
}

/** Names joined for a "known: …" list, at most `max` of them, then "and N more". Each name is cut too. */
export function knownList(names: Iterable<string>, max: number = KNOWN_LIMIT, separator = ", "): string {
  const all = [...names];
  const shown = all.slice(0, max).map((name) => echoText(name, 40));
  return all.length > max ? `${shown.join(separator)} and ${all.length - max} more` : shown.join(separator);
}
