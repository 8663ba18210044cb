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
  if (typeof input === "bigint") return `${echoText(String(input), max)}n`;
  if (Array.isArray(input)) return "a list";
  return `a value of type ${typeof input}`;
}

/** Names joined for a "known: …" list, at most `max` of them, then "and N more". Each name is cut too. */
export function knownList(names: Iterable<string>, max: number = KNOWN_LIMIT, separator = ", "): string {
  const all = [...names];
  const shown = all.slice(0, max).map((name) => echoText(name, 40));
  return all.length > max ? `${shown.join(separator)} and ${all.length - max} more` : shown.join(separator);
}
