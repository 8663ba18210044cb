/**
 * 随机数 · seeded random numbers — mulberry32, a small deterministic PRNG, with the draws the sample
 * generator needs. Every draw is an integer or a choice; decimal figures are built from integers as
 * strings, so no float ever reaches an amount.
 */
export interface Random {
  /** A float in [0, 1): for choices only, never an amount. */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A key chosen with the given weights (weights > 0). */
  weighted<T extends string>(weights: readonly (readonly [T, number])[]): T;
  /** An integer in [min, max] skewed towards `min` (log-uniform): many small, few large. */
  logInt(min: number, max: number): number;
  /** A copy of `items` in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: a 32-bit seeded generator (public domain, Tommy Ettinger). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A `Random` from a seed; the same seed gives the same draws. */
export function seededRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]) => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    weighted: <T extends string>(weights: readonly (readonly [T, number])[]) => {
      const total = weights.reduce((sum, [, w]) => sum + w, 0);
      let draw = next() * total;
      for (const [key, weight] of weights) {
        if (draw < weight) return key;
        draw -= weight;
      }
      const last = weights[weights.length - 1];
      if (last === undefined) throw new Error("weighted choice from an empty list");
      return last[0];
    },
    logInt: (min, max) => {
      // Doubling buckets of equal weight (the last one pro rata), uniform within a bucket: log-uniform
      // enough, with only exact integer arithmetic, so every platform draws the same numbers.
      if (!(min >= 1 && max >= min)) throw new Error(`logInt needs 1 ≤ min ≤ max; got ${min}, ${max}`);
      const buckets: [number, number, number][] = [];
      for (let start = min; start <= max; start *= 2) {
        const end = Math.min(start * 2, max + 1);
        buckets.push([start, end, (end - start) / start]);
      }
      const total = buckets.reduce((sum, [, , w]) => sum + w, 0);
      let draw = next() * total;
      for (const [start, end, weight] of buckets) {
        if (draw < weight) return int(start, end - 1);
        draw -= weight;
      }
      return max;
    },
    shuffle: <T>(items: readonly T[]) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
  };
}

/** A child generator for one part of the data, so adding draws to one part does not shift another. */
export function forkRandom(seed: number, part: string): Random {
  let hash = seed >>> 0;
  for (const char of part) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return seededRandom(hash);
}

/** An integer count of hundredths (or tenths, …) written as a decimal string: (12345, 2) → "123.45". */
export function scaled(units: number, decimals: number): string {
  if (!Number.isSafeInteger(units) || units < 0) throw new Error(`scaled: not a non-negative integer: ${units}`);
  if (decimals === 0) return String(units);
  const text = String(units).padStart(decimals + 1, "0");
  return `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}
