/**
 * 规范 JSON · canonical JSON — one text per JSON value, so a hash of it can be recomputed by any tool
 * (docs/auditors.md): object keys sorted by UTF-16 code units (JavaScript's default sort), no whitespace,
 * strings and numbers exactly as `JSON.stringify` writes them; `toJSON` honoured, and `undefined`, function
 * and symbol members left out (`null` in a list), as `JSON.stringify` does. What JSON cannot write exactly (a
 * non-finite number, a bigint, a cycle) is refused: a receipt never hashes a guess.
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts, "", new Set());
  return parts.join("");
}

function write(value: unknown, parts: string[], key: string, open: Set<object>): void {
  if (typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function")
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    parts.push(JSON.stringify(value));
    return;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${String(value)} has no JSON form`);
    parts.push(JSON.stringify(value));
    return;
  }
  if (typeof value !== "object") throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  if (open.has(value)) throw new TypeError("canonicalJson: a cycle has no JSON form");
  open.add(value);
  if (Array.isArray(value)) {
    parts.push("[");
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) parts.push(",");
      const item: unknown = value[index];
      // JSON.stringify writes null for a hole, undefined, a function or a symbol in a list.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") parts.push("null");
      else write(item, parts, String(index), open);
    }
    parts.push("]");
  } else {
    parts.push("{");
    let first = true;
    for (const name of Object.keys(value).sort()) {
      const member: unknown = (value as Record<string, unknown>)[name];
      if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
      if (!first) parts.push(",");
      first = false;
      parts.push(JSON.stringify(name), ":");
      write(member, parts, name, open);
    }
    parts.push("}");
  }
  open.delete(value);
}
