/**
 * JSON written in pieces, byte for byte what `JSON.stringify(value, null, 2)` gives, so that a document of
 * any size (200,000 outcomes with traces) is written without ever holding it as one string — V8 cannot make
 * a string longer than about 512 MB.
 */

const INDENT = "  ";

/** The value JSON.stringify writes for `value` under `key`: what its `toJSON` returns, if it has one. */
function prepared(key: string, value: unknown): unknown {
  if (typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function")
    return (value as { toJSON(key: string): unknown }).toJSON(key);
  return value;
}

/** An array or a plain object (boxed primitives are left to JSON.stringify). */
function isContainer(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  return !(value instanceof Number || value instanceof String || value instanceof Boolean);
}

/**
 * The pieces of `value` as indented JSON at nesting `level`; containers down to `depth` levels are split
 * into one piece per member, anything deeper is one `JSON.stringify` call.
 */
function* pieces(value: unknown, level: number, depth: number): Generator<string> {
  if (!isContainer(value) || level >= depth) {
    const text = JSON.stringify(value, null, 2);
    yield level === 0 ? text : text.replaceAll("\n", `\n${INDENT.repeat(level)}`);
    return;
  }
  const inner = INDENT.repeat(level + 1);
  const outer = INDENT.repeat(level);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    yield "[";
    for (let index = 0; index < value.length; index += 1) {
      const member = prepared(String(index), value[index]);
      yield `${index === 0 ? "" : ","}\n${inner}`;
      if (member === undefined || typeof member === "function" || typeof member === "symbol") yield "null";
      else yield* pieces(member, level + 1, depth);
    }
    yield `\n${outer}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = prepared(key, (value as { [key: string]: unknown })[key]);
    if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(member, level + 1, depth);
  }
  yield first ? "{}" : `\n${outer}}`;
}

const CHUNK = 256 * 1024;

/**
 * Writes `value` followed by a newline through `put`, in chunks of about 256 KB, exactly as
 * `JSON.stringify(value, null, 2) + "\n"`. `depth` levels of containers are split (3: a document, its
 * lists, and each listed object).
 */
export async function writeJson(put: (text: string) => Promise<void>, value: unknown, depth = 3): Promise<void> {
  let pending: string[] = [];
  let size = 0;
  for (const piece of pieces(prepared("", value), 0, depth)) {
    pending.push(piece);
    size += piece.length;
    if (size >= CHUNK) {
      const text = pending.join("");
      pending = [];
      size = 0;
      await put(text);
    }
  }
  pending.push("\n");
  await put(pending.join(""));
}

/** `JSON.stringify(value, null, 2)` of a value nested `level` deep in an indented document. */
function nested(value: unknown, level: number): string {
  return JSON.stringify(value, null, 2).replaceAll("\n", `\n${INDENT.repeat(level)}`);
}

/** The members of `object` that JSON.stringify writes, as `"key": value` at nesting level 1. */
function members(object: object): string[] {
  const written: string[] = [];
  for (const key of Object.keys(object)) {
    const member = prepared(key, (object as { [key: string]: unknown })[key]);
    if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
    written.push(`${JSON.stringify(key)}: ${nested(member, 1)}`);
  }
  return written;
}

/**
 * One item of a {@link ListWriter}'s list after a comma (`,` and the item indented as a document's list item):
 * a worker thread writes these, and {@link ListWriter.items} drops the comma before the first.
 */
export function listItem(value: unknown): string {
  const member = prepared("", value);
  const text =
    member === undefined || typeof member === "function" || typeof member === "symbol" ? "null" : nested(member, 2);
  return `,\n${INDENT}${INDENT}${text}`;
}

/**
 * A document `{ ...before, [key]: [items], ...after }` written as `JSON.stringify(document, null, 2) + "\n"`
 * writes it, while its items are still being made: `head` first, then each item as it comes, then `tail` of
 * the members known only at the end (totals, receipt). Nothing holds the list or the document.
 */
export interface ListWriter {
  readonly head: string;
  /** The text of one more item. */
  item(value: unknown): string;
  /** The text of items written by {@link listItem}, one after the other. */
  items(text: string): string;
  tail(after: object): string;
}

/** A {@link ListWriter} for the list under `key`, after the members of `before`. */
export function listWriter(before: object, key: string): ListWriter {
  const written = members(before);
  const head = `{\n${[...written, `${JSON.stringify(key)}: [`].map((member) => `${INDENT}${member}`).join(",\n")}`;
  let empty = true;
  const items = (text: string) => {
    if (text === "" || !empty) return text;
    empty = false;
    return text.slice(1);
  };
  return {
    head,
    item: (value) => items(listItem(value)),
    items,
    tail(after) {
      const rest = members(after).map((member) => `,\n${INDENT}${member}`);
      return `${empty ? "]" : `\n${INDENT}]`}${rest.join("")}\n}\n`;
    },
  };
}
