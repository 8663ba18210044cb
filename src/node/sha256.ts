import { createHash } from "node:crypto";
import type { Sha256 } from "../receipt/sha256.js";

/**
 * SHA-256 by node:crypto for receipts (`{ sha256: nodeSha256 }`): the same digest as the core's TypeScript one
 * (text hashed as UTF-8, a lone surrogate as U+FFFD), several times faster. The CLI hashes every receipt with it.
 * @example computeBatch(cases, { ruleSet, sha256: nodeSha256 }).receipt.input.sha256
 * @category receipts
 */
export function nodeSha256(): Sha256 {
  const hash = createHash("sha256");
  let done = false;
  const hasher: Sha256 = {
    update(data) {
      if (done) throw new Error("sha256: update after hex()");
      // Text is hashed as UTF-8, a lone surrogate as U+FFFD (as TextEncoder writes it).
      if (typeof data === "string") hash.update(data, "utf8");
      else hash.update(data);
      return hasher;
    },
    hex() {
      if (done) throw new Error("sha256: hex() called twice");
      done = true;
      return hash.digest("hex");
    },
  };
  return hasher;
}
