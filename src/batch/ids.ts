/**
 * 编号查重 · repeated ids over a stream in bounded memory.
 *
 * A streamed file may hold millions of cases; keeping every id as a string (a `Map` entry of some 80 bytes each)
 * is most of the memory a stream needs. This set keeps a 64-bit digest of each id and the line it was first seen
 * on — 12 bytes a slot, at most half the slots used — and says when an id's digest was seen before. Two different
 * ids with the same 64-bit digest are possible (about one chance in 10⁶ in a file of five million ids), so a digest
 * seen before is only a suspect: the caller confirms each suspect by reading the earlier line's id again
 * ({@link confirmRepeats}), and on a false alarm checks the file again with the exact ids.
 *
 * @packageDocumentation
 */

/** The digests of the ids seen so far. */
export interface IdDigests {
  /**
   * Adds `id`, seen at `at` (a line or an index, 0 ≤ at < 2³²−1), unless its digest was seen before: then it
   * returns the `at` the digest was first seen at (the id there is the same one, almost surely) and adds nothing.
   */
  readonly add: (id: string, at: number) => number | undefined;
  /** How many digests are held. */
  readonly size: () => number;
}

const INITIAL_SLOTS = 1 << 12;

/** Two independent 32-bit hashes of the id's UTF-16 code units (FNV-1a and a murmur-style mix), as 64 bits. */
export function idDigest(id: string): readonly [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ id.length;
  for (let i = 0; i < id.length; i += 1) {
    const unit = id.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0x5bd1e995);
  b ^= b >>> 15;
  return [a | 0, b | 0];
}

/**
 * An empty set of id digests (open addressing, linear probing; doubles at half full). `digest` is
 * {@link idDigest}; a test passes a weaker one to see false alarms handled.
 */
export function idDigests(digest: (id: string) => readonly [number, number] = idDigest): IdDigests {
  let slots = INITIAL_SLOTS;
  let high = new Int32Array(slots);
  let low = new Int32Array(slots);
  // at + 1, so that 0 marks an empty slot.
  let ats = new Uint32Array(slots);
  let count = 0;

  const place = (a: number, b: number, at1: number): void => {
    let slot = (b ^ Math.imul(a, 0x27d4eb2d)) & (slots - 1);
    while (ats[slot] !== 0) slot = (slot + 1) & (slots - 1);
    high[slot] = a;
    low[slot] = b;
    ats[slot] = at1;
  };

  const grow = (): void => {
    const [oldHigh, oldLow, oldAts] = [high, low, ats];
    slots *= 2;
    high = new Int32Array(slots);
    low = new Int32Array(slots);
    ats = new Uint32Array(slots);
    for (let slot = 0; slot < oldAts.length; slot += 1) {
      const at1 = oldAts[slot] as number;
      if (at1 !== 0) place(oldHigh[slot] as number, oldLow[slot] as number, at1);
    }
  };

  return {
    add(id, at) {
      const [a, b] = digest(id);
      let slot = (b ^ Math.imul(a, 0x27d4eb2d)) & (slots - 1);
      for (;;) {
        const at1 = ats[slot] as number;
        if (at1 === 0) break;
        if (high[slot] === a && low[slot] === b) return at1 - 1;
        slot = (slot + 1) & (slots - 1);
      }
      if (2 * (count + 1) > slots) {
        grow();
        place(a, b, at + 1);
      } else {
        high[slot] = a;
        low[slot] = b;
        ats[slot] = at + 1;
      }
      count += 1;
      return undefined;
    },
    size: () => count,
  };
}

/** An id whose digest was seen before: at `at`, the same digest as the id first seen at `first`. */
export interface RepeatSuspect {
  readonly id: string;
  readonly at: number;
  readonly first: number;
}

/**
 * Whether every suspect's id is the id at its `first`: `idsAt` reads the ids at the given places again (a second
 * reading, made only when a stream has suspects, i.e. a repeated id or, rarely, two ids with one digest).
 */
export async function confirmRepeats(
  suspects: readonly RepeatSuspect[],
  idsAt: (ats: ReadonlySet<number>) => Promise<ReadonlyMap<number, string>>,
): Promise<boolean> {
  if (suspects.length === 0) return true;
  const firsts = new Set(suspects.map((suspect) => suspect.first));
  const found = await idsAt(firsts);
  return suspects.every((suspect) => found.get(suspect.first) === suspect.id);
}

/** The exact set, for a stream checked again after a false alarm: the same interface, the ids kept whole. */
export function exactIds(): IdDigests {
  const first = new Map<string, number>();
  return {
    add(id, at) {
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, at);
      return earlier;
    },
    size: () => first.size,
  };
}
