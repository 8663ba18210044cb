import { version } from "../../package.json";
import type { RuleSet } from "../parameters/types.js";
import type { Programme } from "../rules/programme.js";
import { canonicalJson, canonicalWriter } from "./canonical.js";
import { sha256 } from "./sha256.js";

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

/** A new input hasher. */
export function inputHasher(): InputHasher {
  const hash = sha256().update("[");
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
export function inputSha256(inputs: Iterable<unknown>): string {
  const hasher = inputHasher();
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
