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
  const parts: string[] = [];
  write(value, parts, "", path, new Set());
  return parts.join("");
}

function notJson(path: string, what: string, zh: string): never {
  return refuse(
    path,
    "not-json",
    `has no exact JSON form: ${what}; give plain JSON data (objects, lists, texts, finite numbers, true/false, null)`,
    `无确切的 JSON 形式：${zh}；请给出纯 JSON 数据（对象、列表、文本、有限数字、true/false、null）`,
  );
}

function write(value: unknown, parts: string[], key: string, path: string, open: Set<object>): void {
  if (typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function")
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    parts.push(JSON.stringify(value));
    return;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) notJson(path, `the number ${String(value)}`, `数字 ${String(value)}`);
    parts.push(JSON.stringify(value));
    return;
  }
  if (typeof value !== "object") notJson(path, describeValue(value), describeValueZh(value));
  if (open.has(value)) notJson(path, "it contains itself (a cycle)", "它包含自身（循环引用）");
  const prototype: unknown = Array.isArray(value) ? Array.prototype : Object.getPrototypeOf(value);
  if (prototype !== Array.prototype && prototype !== Object.prototype && prototype !== null)
    notJson(path, describeValue(value), describeValueZh(value));
  open.add(value);
  if (Array.isArray(value)) {
    parts.push("[");
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) parts.push(",");
      const item = member(value, index, `${path}[${index}]`);
      // JSON.stringify writes null for a hole, undefined, a function or a symbol in a list.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") parts.push("null");
      else write(item, parts, String(index), `${path}[${index}]`, open);
    }
    parts.push("]");
  } else {
    parts.push("{");
    let first = true;
    for (const name of Object.keys(value).sort()) {
      const inner = keyPath(path, name);
      const item = member(value, name, inner);
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      if (!first) parts.push(",");
      first = false;
      parts.push(JSON.stringify(name), ":");
      write(item, parts, name, inner, open);
    }
    parts.push("}");
  }
  open.delete(value);
}

/** A member of an object or list; one whose getter throws is refused, never hashed as something else. */
function member(value: object, key: string | number, path: string): unknown {
  try {
    return (value as Record<string | number, unknown>)[key];
  } catch {
    return notJson(path, "reading it failed (a getter that throws)", "读取失败（取值函数抛出错误）");
  }
}
