/**
 * The value a table holds for a user-chosen key (a structure type, a township, a table key), or undefined:
 * only the table's own keys count, so `constructor` or `__proto__` is an unknown key like any other.
 */
export function own<T>(table: { readonly [key: string]: T }, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
