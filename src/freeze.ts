/**
 * Shared objects (compiled rule sets, bundled data, domains and programmes, the vocabulary) are frozen all the
 * way down, so no caller can change a later result by changing something it was given.
 */

/** A zod schema: zod caches on its schemas as they are used, so they are left as they are. */
function isSchema(value: object): boolean {
  return Object.hasOwn(value, "_zod");
}

/**
 * Freezes a value and everything it holds: plain objects, arrays, decimals (their digit lists too) and the
 * objects inside them, even below an object that is already frozen on the surface. Functions and zod schemas
 * are left as they are.
 */
export function deepFreeze<T>(value: T): T {
  freezeWalk(value, new WeakSet());
  return value;
}

function freezeWalk(value: unknown, seen: WeakSet<object>): void {
  if (typeof value !== "object" || value === null || seen.has(value) || isSchema(value)) return;
  seen.add(value);
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor !== undefined && "value" in descriptor) freezeWalk(descriptor.value, seen);
  }
}

/** Sets `record[key]`, a `__proto__` key included (as an own key, never as the prototype). */
export function setOwn<V>(record: { [key: string]: V }, key: string, value: V): void {
  if (key === "__proto__")
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
