/**
 * SHA-256 (FIPS 180-4), synchronous and in plain TypeScript, so a receipt is the same in Node and in a browser
 * and a batch document carries it without awaiting Web Crypto. Text is hashed as its UTF-8 bytes (TextEncoder:
 * a lone surrogate becomes U+FFFD, as every UTF-8 encoder writes it).
 */

/** The first 64 primes. */
const PRIMES: number[] = [];
for (let n = 2; PRIMES.length < 64; n += 1) if (PRIMES.every((prime) => n % prime !== 0)) PRIMES.push(n);

/**
 * The first 32 bits of the fractional part of the `k`-th root of `n`, exactly: the integer `k`-th root of
 * n × 2^(32k), in BigInt (a floating-point root only gives the first guess), so no engine's Math can change a bit.
 */
function rootBits(n: number, k: 2 | 3): number {
  const power = BigInt(k);
  const target = BigInt(n) << BigInt(32 * k);
  let root = BigInt(Math.floor(n ** (1 / k) * 2 ** 32));
  while ((root + 1n) ** power <= target) root += 1n;
  while (root ** power > target) root -= 1n;
  return Number(root & 0xffffffffn);
}

/** The round constants (FIPS 180-4 §4.2.2: the cube roots of the first 64 primes), computed rather than listed. */
// Int32Array, not Uint32Array: every word stays a small integer for V8 (a uint32 above 2^31 would be a double).
const K = new Int32Array(PRIMES.map((prime) => rootBits(prime, 3)));

/** The initial hash value (§5.3.3: the square roots of the first 8 primes). */
const INITIAL = PRIMES.slice(0, 8).map((prime) => rootBits(prime, 2));

/** An incremental SHA-256: `update` with text (UTF-8) or bytes as often as needed, then `hex()` once. */
export interface Sha256 {
  /** More to hash: text (as its UTF-8 bytes) or bytes. */
  update(data: string | Uint8Array): Sha256;
  /** The digest as 64 lower-case hex digits; the hasher is finished after it. */
  hex(): string;
}

const encoder = new TextEncoder();

/** A new incremental SHA-256. */
export function sha256(): Sha256 {
  const state = new Int32Array(INITIAL);
  const words = new Int32Array(64);
  const block = new Uint8Array(64);
  // Text is encoded into this buffer (grown when needed), not into a new array per update.
  let buffer = new Uint8Array(1 << 16);
  let filled = 0;
  let length = 0; // bytes hashed so far (a double holds any realistic length exactly)
  let done = false;

  const compress = (bytes: Uint8Array, at: number): void => {
    for (let i = 0; i < 16; i += 1) {
      const j = at + i * 4;
      words[i] =
        ((bytes[j] as number) << 24) |
        ((bytes[j + 1] as number) << 16) |
        ((bytes[j + 2] as number) << 8) |
        (bytes[j + 3] as number);
    }
    for (let i = 16; i < 64; i += 1) {
      const w15 = words[i - 15] as number;
      const w2 = words[i - 2] as number;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      words[i] = ((words[i - 16] as number) + s0 + (words[i - 7] as number) + s1) | 0;
    }
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    let e = state[4] as number;
    let f = state[5] as number;
    let g = state[6] as number;
    let h = state[7] as number;
    for (let i = 0; i < 64; i += 1) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (words[i] as number)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    state[0] = ((state[0] as number) + a) | 0;
    state[1] = ((state[1] as number) + b) | 0;
    state[2] = ((state[2] as number) + c) | 0;
    state[3] = ((state[3] as number) + d) | 0;
    state[4] = ((state[4] as number) + e) | 0;
    state[5] = ((state[5] as number) + f) | 0;
    state[6] = ((state[6] as number) + g) | 0;
    state[7] = ((state[7] as number) + h) | 0;
  };

  const bytesIn = (bytes: Uint8Array, count: number): void => {
    length += count;
    let at = 0;
    if (filled > 0) {
      const take = Math.min(64 - filled, count);
      block.set(bytes.subarray(0, take), filled);
      filled += take;
      at = take;
      if (filled < 64) return;
      compress(block, 0);
      filled = 0;
    }
    for (; at + 64 <= count; at += 64) compress(bytes, at);
    if (at < count) {
      block.set(bytes.subarray(at, count), 0);
      filled = count - at;
    }
  };

  /** A text as UTF-8 (TextEncoder's bytes: a lone surrogate is U+FFFD), at most 3 bytes a UTF-16 unit. */
  const textIn = (text: string): void => {
    if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
    bytesIn(buffer, encoder.encodeInto(text, buffer).written);
  };

  const hasher: Sha256 = {
    update(data) {
      if (done) throw new Error("sha256: update after hex()");
      if (typeof data === "string") textIn(data);
      else bytesIn(data, data.length);
      return hasher;
    },
    hex() {
      if (done) throw new Error("sha256: hex() called twice");
      done = true;
      const bits = length * 8;
      const tail = new Uint8Array((filled < 56 ? 64 : 128) - filled);
      tail[0] = 0x80;
      const view = new DataView(tail.buffer);
      view.setUint32(tail.length - 8, Math.floor(bits / 0x100000000));
      view.setUint32(tail.length - 4, bits >>> 0);
      bytesIn(tail, tail.length);
      let out = "";
      for (const word of state) out += (word >>> 0).toString(16).padStart(8, "0");
      return out;
    },
  };
  return hasher;
}

/** SHA-256 of a text's UTF-8 bytes (or of bytes), as 64 lower-case hex digits. */
export function sha256Hex(data: string | Uint8Array): string {
  return sha256().update(data).hex();
}
