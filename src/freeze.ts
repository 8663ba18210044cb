/** Freezes a value and everything it holds (plain objects and arrays), so shared data cannot be changed in place. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as { [key: PropertyKey]: unknown })[key]);
  return value;
}
