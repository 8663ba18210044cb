import { version } from "../../package.json";
import { refuse } from "../errors/arguments.js";
import type { RuleSet } from "../parameters/types.js";
import type { Programme } from "../rules/programme.js";
import { canonicalJson, canonicalWriter } from "./canonical.js";
import { sha256, type Sha256 } from "./sha256.js";

/**
 * 回执 · receipt — what ties a figure to the exact rules and facts behind it (docs/auditors.md): the exitfund
 * version that computed it, the programme, the rule set (id, version, and SHA-256 of its canonical JSON, resolved
 * as `exitfund rules --format json` prints it) and the SHA-256 of the canonical JSON of the input cases computed,
 * as one list in input order.
 * @category receipts
 */
export interface Receipt {
  readonly exitfund: string;
  readonly programme: string;
  readonly ruleSet: { readonly id: string; readonly version: string; readonly sha256: string };
  readonly input: { readonly sha256: string };
}

/** The version of exitfund (package.json, inlined at build time). */
export const EXITFUND_VERSION: string = version;

/**
 * The id a receipt names a programme by: its own (`programme({ id }, …)`; the default programme's is
 * `tongzhou-2016`), or for a programme built without one `custom:` and its case kinds in order, joined by `+`.
 */
export function programmeId(programme: Programme): string {
  return programme.id ?? `custom:${programme.kinds.join("+")}`;
}

// A loaded rule set is frozen, so its hash is computed once (a memo of a pure function, not state).
const ruleSetHashes = new WeakMap<RuleSet, string>();

/** SHA-256 (hex) of the canonical JSON of a rule set as resolved (`extends` applied). */
export function ruleSetSha256(ruleSet: RuleSet): string {
  let hash = ruleSetHashes.get(ruleSet);
  if (hash === undefined) {
    hash = sha256().update(canonicalJson(ruleSet.toJSON())).hex();
    ruleSetHashes.set(ruleSet, hash);
  }
  return hash;
}

/**
 * The input hash of a stream of cases: the canonical JSON of the list (`[`, the cases joined by `,`, `]`)
 * hashed as it goes, so a stream never has to be held in memory.
 */
export interface InputHasher {
  /** One more case (`path` names it should it have no JSON form: `[n]` by default, n counting from 0). */
  add(input: unknown, path?: string): void;
  /** Cases already written as canonical JSON and joined by `,` (a block computed in a worker thread; "" is none). */
  addCanonical(joined: string): void;
  hex(): string;
}

/**
 * 摘要函数 · a SHA-256 to hash receipts with: a function giving a new incremental hasher (text as UTF-8). The
 * default is the core's, in TypeScript, the same in every runtime; `exitfund/node` gives `nodeSha256`
 * (node:crypto), the same digest several times faster.
 * @category receipts
 */
export type Sha256Factory = () => Sha256;

const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

/**
 * The SHA-256 factory a receipt is hashed with: the core's by default; a given one only if it gives SHA-256's
 * test vectors (FIPS 180-4 "abc", and the same text in two pieces), so no receipt is ever hashed with another digest.
 */
export function digestOf(given: Sha256Factory | undefined): Sha256Factory {
  if (given === undefined || given === sha256) return sha256;
  let whole: unknown;
  let pieces: unknown;
  try {
    whole = given().update("abc").hex();
    pieces = given().update("a").update("bc").hex();
  } catch {
    whole = undefined;
  }
  if (whole !== ABC || pieces !== ABC)
    refuse(
      "options.sha256",
      "not-sha256",
      'must give SHA-256 (a function returning a hasher with update(text) and hex(), such as exitfund/node\'s nodeSha256); it did not give SHA-256 of "abc"',
      '必须给出 SHA-256（返回带 update(text) 与 hex() 的摘要器的函数，如 exitfund/node 的 nodeSha256）；它对 "abc" 给出的不是 SHA-256',
    );
  return given;
}

/** A new input hasher (with the core's SHA-256, or `digest`, a checked {@link Sha256Factory}). */
export function inputHasher(digest: Sha256Factory = sha256): InputHasher {
  const hash = digest().update("[");
  const canonical = canonicalWriter();
  let count = 0;
  return {
    add(input, path = `[${count}]`) {
      const text = canonical(input, path);
      hash.update(count === 0 ? text : `,${text}`);
      count += 1;
    },
    addCanonical(joined) {
      if (joined === "") return;
      hash.update(count === 0 ? joined : `,${joined}`);
      count += 1;
    },
    hex: () => hash.update("]").hex(),
  };
}

/** SHA-256 (hex) of the canonical JSON of a list of cases. */
export function inputSha256(inputs: Iterable<unknown>, digest: Sha256Factory = sha256): string {
  const hasher = inputHasher(digest);
  for (const input of inputs) hasher.add(input);
  return hasher.hex();
}

/** The receipt of a computation, from its rule set, programme and input hash. */
export function receiptFor(ruleSet: RuleSet, programme: Programme, input: string): Receipt {
  return Object.freeze({
    exitfund: EXITFUND_VERSION,
    programme: programmeId(programme),
    ruleSet: Object.freeze({ id: ruleSet.id, version: ruleSet.version, sha256: ruleSetSha256(ruleSet) }),
    input: Object.freeze({ sha256: input }),
  });
}
