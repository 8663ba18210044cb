import { keyPath, refuse } from "../errors/arguments.js";
import { describeValue, describeValueZh } from "../errors/echo.js";

/**
 * 规范 JSON · canonical JSON — one text per JSON value, so a hash of it can be recomputed by any tool
 * (docs/auditors.md): object keys sorted by UTF-16 code units (JavaScript's default sort), no whitespace,
 * strings and numbers exactly as `JSON.stringify` writes them; `toJSON` honoured, and `undefined`, function
 * and symbol members left out (`null` in a list), as `JSON.stringify` does.
 *
 * @remarks
 * What JSON cannot write exactly is refused with `InvalidInputError` (code `not-json`, at the path of the
 * value): a non-finite number, a bigint, a cycle, a Map, a Set or another class instance without `toJSON`
 * (JSON.stringify would write `{}` and drop its contents), a top-level `undefined`, function or symbol, a
 * member whose getter throws. A receipt never hashes a guess.
 * @param value - plain JSON data (objects, arrays, strings, finite numbers, booleans, null)
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 * @category receipts
 */
export function canonicalJson(value: unknown): string {
  return canonicalJsonAt(value, "value");
}

/** {@link canonicalJson}, naming a refused part by its path under `path` (`[3].items[0]` for a case of a batch). */
export function canonicalJsonAt(value: unknown, path: string): string {
  return canonicalWriter()(value, path);
}

/**
 * A writer of {@link canonicalJsonAt} for many values (the cases of a batch): it remembers the keys the values
 * had, so values of the same shapes share one sorted key list.
 *
 * @remarks Plain data (what `JSON.parse` makes) is written by the native `JSON.stringify` with a property list:
 * the keys met anywhere in the value, sorted, which `JSON.stringify` writes in that order in every object (a key
 * of the list an object lacks is left out). One walk first proves that nothing in the value needs more care: no
 * `toJSON`, no prototype but `Object.prototype`, `null` or a list's, no non-finite number or bigint, no
 * non-enumerable own property, no key that an object would inherit a value for (`__proto__`), no nesting deeper
 * than {@link PLAIN_DEPTH} (so no cycle). Anything else, or any exception, is written (or refused, with its path)
 * by the member-by-member writer below, which defines the text: both give the same text for plain data.
 */
export function canonicalWriter(): (value: unknown, path: string) => string {
  const known = new Set<string>();
  let sorted: string[] = [];
  const fresh: string[] = [];
  return (value, path) => {
    if (typeof value === "object" && value !== null) {
      const text = native(value);
      if (text !== undefined) return text;
    }
    return write(value, "", { up: undefined, key: path }, new Set());
  };

  function native(value: object): string | undefined {
    fresh.length = 0;
    try {
      if (!plain(value, known, fresh, 0) || inherits(fresh)) return undefined;
      if (fresh.length > 0) {
        for (const key of fresh) known.add(key);
        sorted = [...known].sort();
      }
      // Checked on every value: Object.prototype may have changed since a key was learned.
      if (inherits(sorted)) return undefined;
      return JSON.stringify(value, sorted) as string | undefined;
    } catch {
      return undefined; // a getter that throws: the careful writer says where
    }
  }
}

/**
 * The members of validated data by key: `null` for a string, number or boolean, a {@link Shape} for a plain object,
 * `[shape]` for a list of plain objects. Keys are names, never array indices (those an object would order first).
 */
export interface Shape {
  readonly [key: string]: Shape | readonly [Shape] | null;
}

/** A shape of scalar members only. */
export const scalars = (keys: readonly string[]): Shape => Object.fromEntries(keys.map((key) => [key, null]));

/**
 * A writer of the canonical JSON of data a validator proved to be of `shape` (only the shape's keys, own and
 * enumerable, each holding what the shape says), for a batch: each object rebuilt with its keys in sorted order (an
 * absent key is `undefined`, which `JSON.stringify` leaves out, as {@link canonicalJson} does) and written by the
 * native `JSON.stringify` without a property list: the same text, about twice as fast as {@link canonicalWriter}.
 *
 * @remarks Each call gives a writer for the values at hand, or undefined when `Object.prototype` or
 * `Array.prototype` has a `toJSON`, or `Object.prototype` has a key of the shape (checked once per call, not per
 * value); the writer gives undefined for a value of which an object or list has its own `toJSON`, or a member is
 * not what the shape says. Undefined means: the general writer writes it.
 */
export function shapedWriter(shape: Shape): () => ((value: unknown) => string | undefined) | undefined {
  const keys = ["toJSON"];
  const rebuild = rebuilder(shape, keys);
  // JSON.stringify(undefined) is undefined: a value the rebuild declines stays declined.
  const write = (value: unknown) => JSON.stringify(rebuild(value)) as string | undefined;
  return () => {
    if ("toJSON" in Array.prototype) return undefined;
    for (const key of keys) if (key in Object.prototype) return undefined;
    return write;
  };
}

type Rebuild = (value: unknown) => unknown;

const hasToJSON = (value: object) => typeof (value as { toJSON?: unknown }).toJSON === "function";

function rebuilder(shape: Shape | readonly [Shape], all: string[]): Rebuild {
  if (Array.isArray(shape)) {
    const each = rebuilder((shape as readonly [Shape])[0], all);
    return (list) => {
      if (!Array.isArray(list) || hasToJSON(list)) return undefined;
      const out: unknown[] = [];
      for (let index = 0; index < list.length; index += 1) {
        const item = each(list[index]);
        if (item === undefined) return undefined;
        out.push(item);
      }
      return out;
    };
  }
  const keys = Object.keys(shape).sort();
  all.push(...keys);
  const members = keys.map((key) => {
    const member = (shape as Shape)[key];
    return member ? rebuilder(member, all) : null;
  });
  return (value) => {
    if (typeof value !== "object" || value === null || hasToJSON(value)) return undefined;
    const out: { [key: string]: unknown } = {};
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index] as string;
      let member: unknown = (value as { readonly [key: string]: unknown })[key];
      if (member === undefined) continue;
      const rebuild = members[index];
      if (rebuild) member = rebuild(member);
      else if (typeof member === "object") return undefined;
      if (member === undefined) return undefined;
      out[key] = member;
    }
    return out;
  };
}

/** How deep plain data may nest for the native writer (deeper values, and cycles, take the careful writer). */
const PLAIN_DEPTH = 64;

/** Whether `Object.prototype` would give a value for some key, where an object lacks it (functions are left out). */
function inherits(keys: readonly string[]): boolean {
  for (const key of keys)
    if (key in Object.prototype && typeof (Object.prototype as Record<string, unknown>)[key] !== "function")
      return true;
  return false;
}

/** Whether a member value is plain: a finite number, a string, a boolean, null, or plain data below. */
function plainMember(item: unknown, known: Set<string>, fresh: string[], depth: number): boolean {
  if (typeof item === "object") return item === null || plain(item, known, fresh, depth + 1);
  if (typeof item === "number") return Number.isFinite(item);
  return typeof item !== "bigint";
}

/** Whether `value` is plain JSON data (see {@link canonicalWriter}); its keys not in `known` are added to `fresh`. */
function plain(value: object, known: Set<string>, fresh: string[], depth: number): boolean {
  if (depth > PLAIN_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1)
      if (!plainMember(value[index], known, fresh, depth)) return false;
    return true;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const keys = Object.keys(value);
  if (Object.getOwnPropertyNames(value).length !== keys.length) return false;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] as string;
    if (!known.has(key) && !fresh.includes(key)) fresh.push(key);
    if (!plainMember((value as Record<string, unknown>)[key], known, fresh, depth)) return false;
  }
  return true;
}

/** Where a value is: built into a path only when a value is refused (paths cost more than the JSON itself). */
interface Where {
  readonly up: Where | undefined;
  readonly key: string | number;
}

function pathOf(where: Where): string {
  if (where.up === undefined) return String(where.key);
  const up = pathOf(where.up);
  return typeof where.key === "number" ? `${up}[${where.key}]` : keyPath(up, where.key);
}

function notJson(where: Where, what: string, zh: string): never {
  return refuse(
    pathOf(where),
    "not-json",
    `has no exact JSON form: ${what}; give plain JSON data (objects, lists, texts, finite numbers, true/false, null)`,
    `无确切的 JSON 形式：${zh}；请给出纯 JSON 数据（对象、列表、文本、有限数字、true/false、null）`,
  );
}

// Written by concatenation (about twice as fast as joining parts: a receipt hashes every case computed).
function write(given: unknown, key: string, path: Where, open: Set<object>): string {
  let value = given;
  if (typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function")
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) notJson(path, `the number ${String(value)}`, `数字 ${String(value)}`);
    return JSON.stringify(value);
  }
  if (typeof value !== "object") return notJson(path, describeValue(value), describeValueZh(value));
  if (open.has(value)) notJson(path, "it contains itself (a cycle)", "它包含自身（循环引用）");
  const prototype: unknown = Array.isArray(value) ? Array.prototype : Object.getPrototypeOf(value);
  if (prototype !== Array.prototype && prototype !== Object.prototype && prototype !== null)
    notJson(path, describeValue(value), describeValueZh(value));
  open.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = "[";
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) out += ",";
      const inner = { up: path, key: index };
      const item = member(value, index, inner);
      // JSON.stringify writes null for a hole, undefined, a function or a symbol in a list.
      out +=
        item === undefined || typeof item === "function" || typeof item === "symbol"
          ? "null"
          : write(item, String(index), inner, open);
    }
    out += "]";
  } else {
    out = "{";
    let first = true;
    for (const name of Object.keys(value).sort()) {
      const inner = { up: path, key: name };
      const item = member(value, name, inner);
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      if (!first) out += ",";
      first = false;
      out += `${JSON.stringify(name)}:${write(item, name, inner, open)}`;
    }
    out += "}";
  }
  open.delete(value);
  return out;
}

/** A member of an object or list; one whose getter throws is refused, never hashed as something else. */
function member(value: object, key: string | number, path: Where): unknown {
  try {
    return (value as Record<string | number, unknown>)[key];
  } catch {
    return notJson(path, "reading it failed (a getter that throws)", "读取失败（取值函数抛出错误）");
  }
}
