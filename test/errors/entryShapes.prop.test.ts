// Every public function of exitfund/rules and exitfund/node refuses a wrong call shape with InvalidInputError
// naming the argument (issue 10 §1) — never a TypeError, a DecimalError or the error of a getter. Each export is
// listed with valid arguments and what each argument position accepts; the property replaces one argument by a
// generated wrong shape (null, numbers, texts, lists, sparse lists, objects keyed by prototype names, frozen
// objects, proxies and getters that throw) and asserts that only InvalidInputError is thrown, and that a value
// the position never accepts is refused at a path naming that argument, in English and Chinese.
import { resolve } from "node:path";
import util from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as exitfund from "../../src/index.js";
import { InvalidInputError } from "../../src/errors/index.js";
import * as node from "../../src/node/index.js";
import * as rules from "../../src/rules/index.js";
import { fakeIo } from "../support/cli.js";
import { contextOn } from "../support/outcomes.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";

const ROOT = resolve(import.meta.dirname, "../..");
const ruleSet = exitfund.ruleSets["tongzhou-2016"];
const ctx = () => contextOn(ruleSet, "2016-06-14");
const traced = () => rules.of(1);
const document = () => exitfund.computeBatch([enterpriseCase, clearanceCase, villageCase, transferCase]);
const outcomes = () => document().results;
const catalog = rules.domains.enterpriseExit.messages;

/**
 * What a position accepts: `strict` nothing generated (options, contexts, domains, documents), `object` any plain
 * readable object (facts, data), `list` any array, `text` any string, `function` any function, `any` anything.
 */
type Kind = "strict" | "object" | "list" | "container" | "text" | "function" | "boolean" | "any";
interface Entry {
  readonly args: () => readonly unknown[];
  readonly kinds: readonly Kind[];
  /** The names of the arguments, as the paths of their problems begin. */
  readonly names: readonly string[];
}

const rule = (facts: () => unknown): Entry => ({
  args: () => [facts(), ctx()],
  kinds: ["object", "strict"],
  names: ["facts", "ctx"],
});
const entFacts = () => ({ ...enterpriseCase });

const RULES: { readonly [name: string]: Entry } = {
  all: { args: () => [[traced()]], kinds: ["container"], names: ["parts"] },
  applyScale: {
    args: () => [{ type: "single-rate", brackets: [{ threshold: "0", rate: "0.5" }] }, "10"],
    // a generated text may be a decimal ("1"): the base is only checked not to throw anything else
    kinds: ["strict", "text"],
    names: ["scale", "base"],
  },
  approvedQuantity: {
    args: () => [{ ...clearanceCase.items[0] }, "2016-06-14", true],
    kinds: ["object", "text", "boolean"],
    names: ["item", "cutoffDate", "requireSurvey"],
  },
  asMoney: { args: () => ["1", ctx()], kinds: ["text", "strict"], names: ["value", "ctx"] },
  blocking: rule(entFacts),
  byEffectiveDate: {
    args: () => [ruleSet, [rules.enterpriseExitParameters.ratePerTce], () => 1],
    kinds: ["strict", "list", "function"],
    names: ["ruleSet", "parameters", "build"],
  },
  chain: { args: () => [traced(), () => traced()], kinds: ["strict", "function"], names: ["first", "next"] },
  clearanceTotals: { args: () => [[], ctx()], kinds: ["list", "strict"], names: ["facts", "ctx"] },
  declaredFee: rule(() => ({ ...clearanceCase.items[0] })),
  districtSupplement: rule(entFacts),
  employeeComponent: rule(entFacts),
  enterpriseLostCapacity: rule(() => ({ ...transferCase })),
  exception: {
    args: () => [() => traced(), () => undefined, () => traced()],
    kinds: ["function", "function", "function"],
    names: ["base", "applies", "special"],
  },
  exitDeadline: rule(entFacts),
  extendDomain: {
    args: () => [rules.domains.enterpriseExit, {}],
    kinds: ["strict", "object"],
    names: ["base", "change"],
  },
  figure: {
    args: () => ["x.y", () => 1, {}],
    kinds: ["text", "function", "object"],
    names: ["rule", "compute", "options"],
  },
  finding: {
    args: () => [catalog, "x", {}, {}],
    kinds: ["strict", "text", "object", "object"],
    names: ["catalog", "code", "data", "extra"],
  },
  impact: rule(() => ({ ...transferCase })),
  isProgramme: { args: () => [rules.defaultProgramme], kinds: ["any"], names: ["value"] },
  itemFindings: rule(() => ({ ...clearanceCase.items[0] })),
  jsonSchema: { args: () => ["enterprise-exit", {}], kinds: ["text", "strict"], names: ["schema", "options"] },
  landClearingFee: rule(() => ({ ...clearanceCase.items[0] })),
  landComponent: rule(entFacts),
  leaseCompensation: rule(() => ({ ...villageCase })),
  municipalRaw: rule(entFacts),
  municipalReward: rule(entFacts),
  municipalStandard: rule(entFacts),
  of: { args: () => [1, {}], kinds: ["any", "object"], names: ["value", "log"] },
  // A first object without a kind is the options { id }: a wrong shape there is refused at options.
  programme: { args: () => [rules.domains.enterpriseExit], kinds: ["strict"], names: ["domains", "options"] },
  reason: {
    args: () => [catalog, "x", "NO", {}, {}],
    kinds: ["strict", "text", "text", "object", "object"],
    names: ["catalog", "code", "clause", "data", "extra"],
  },
  rentCap: rule(() => ({ ...villageCase })),
  rewardTrack: rule(entFacts),
  ruleSetMarkdown: { args: () => [ruleSet, {}], kinds: ["strict", "strict"], names: ["ruleSet", "options"] },
  sitePart: rule(() => ({ ...villageCase })),
  smallEnterpriseReward: rule(entFacts),
  targetReduction: rule(() => ({ ...transferCase })),
  taxComponent: rule(entFacts),
  townshipShares: rule(() => ({ ...transferCase })),
  transferAmount: rule(() => ({ lost: "1", eligible: true })),
  // the members of the builder objects
  "parameter.decimal": {
    args: () => ["a.b", "标签 label", ""],
    kinds: ["text", "text", "text"],
    names: ["parameter("],
  },
  "parameter.date": { args: () => ["a.b", "标签 label"], kinds: ["text", "text"], names: ["parameter("] },
  "parameter.boolean": { args: () => ["a.b", "标签 label"], kinds: ["text", "text"], names: ["parameter("] },
  "parameter.scale": { args: () => ["a.b", "标签 label", ""], kinds: ["text", "text", "text"], names: ["parameter("] },
  "parameter.table": {
    args: () => ["a.b", "标签 label", { keys: ["whole"], cell: "decimal" }, ""],
    kinds: ["text", "text", "strict", "text"],
    names: ["parameter("],
  },
  "field.boolean": { args: () => ["标签"], kinds: ["text"], names: ["label"] },
  "field.money": { args: () => ["标签"], kinds: ["text"], names: ["label"] },
  "field.quantity": { args: () => ["标签"], kinds: ["text"], names: ["label"] },
  "field.date": { args: () => ["标签"], kinds: ["text"], names: ["label"] },
  "field.count": { args: () => ["标签"], kinds: ["text"], names: ["label"] },
  "field.text": { args: () => ["标签"], kinds: ["text"], names: ["label"] },
  "field.oneOf": { args: () => [["a", "b"], "标签"], kinds: ["list", "text"], names: ["values", "label"] },
};

const io = () => fakeIo().io;
// An empty standard input: a generated file name "-" reads it (and must not wait for the test runner's stdin).
const readOptions = () => ({ cwd: ROOT, stdin: [] as Uint8Array[] });
const CASES = "examples/tongzhou-2016/cases.json";
const LEDGER = "examples/tongzhou-2016/ledger.json";

const NODE: { readonly [name: string]: Entry } = {
  readCases: { args: () => [CASES, readOptions()], kinds: ["text", "strict"], names: ["file", "options"] },
  readCaseSource: { args: () => [CASES, readOptions()], kinds: ["text", "strict"], names: ["file", "options"] },
  readCasesStream: { args: () => [CASES, readOptions()], kinds: ["text", "strict"], names: ["file", "options"] },
  readLedger: { args: () => [LEDGER, readOptions()], kinds: ["text", "strict"], names: ["file", "options"] },
  runCli: { args: () => [["--version"], io()], kinds: ["list", "strict"], names: ["argv", "io"] },
  processIo: { args: () => [], kinds: [], names: [] },
  nodeSha256: { args: () => [], kinds: [], names: [] },
  runFixtures: { args: () => [[], { cwd: ROOT }], kinds: ["list", "strict"], names: ["patterns", "options"] },
  resultsCsv: { args: () => [document()], kinds: ["strict"], names: ["document"] },
  resultsNdjson: { args: () => [document(), false], kinds: ["strict", "boolean"], names: ["document", "explain"] },
  resultsWorkbookBytes: { args: () => [document(), {}], kinds: ["strict", "strict"], names: ["document", "options"] },
  templateCsv: { args: () => ["enterprise-exit"], kinds: ["text"], names: ["kind"] },
  templateXlsxBytes: {
    args: () => ["enterprise-exit", ruleSet],
    kinds: ["text", "strict"],
    names: ["kind", "ruleSet"],
  },
  verificationWorkbookBytes: {
    args: () => [exitfund.computeBatch([clearanceCase]), undefined, {}],
    kinds: ["strict", "strict", "strict"],
    names: ["document", "ruleSet", "options"],
  },
  auditWorkbookBytes: {
    args: () => [exitfund.audit([enterpriseCase], []), outcomes(), ruleSet.rounding, {}],
    kinds: ["strict", "list", "strict", "strict"],
    names: ["document", "outcomes", "rounding", "options"],
  },
  budgetWorkbookBytes: {
    args: () => [exitfund.budget(outcomes()), ["township"], ruleSet.rounding, {}],
    kinds: ["strict", "list", "strict", "strict"],
    names: ["document", "by", "rounding", "options"],
  },
};

/** The functions an entry exports, and those of its builder objects (`parameter.decimal`). */
function functionsOf(entry: object): string[] {
  const names: string[] = [];
  for (const [name, value] of Object.entries(entry)) {
    if (typeof value === "function" && !/Error$/.test(name)) names.push(name);
    if ((name === "parameter" || name === "field") && typeof value === "object")
      for (const [member, inner] of Object.entries(value as object))
        if (typeof inner === "function") names.push(`${name}.${member}`);
  }
  return names.sort();
}

function functionAt(entry: object, name: string): (...args: unknown[]) => unknown {
  return name.split(".").reduce<any>((at, part) => at[part], entry);
}

const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "then", "length", "0"];
/** A value fast-check prints by its label (a proxy that throws cannot be printed), made afresh for each call. */
class Made {
  constructor(
    readonly label: string,
    readonly make: () => unknown,
  ) {}
  [fc.toStringMethod](): string {
    return this.label;
  }
}
const made = (value: unknown) => (value instanceof Made ? value.make() : value);
const throwing = (key: string) =>
  Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Error("a getter that throws");
    },
  });
const proxy = (target: object) =>
  new Proxy(target, {
    get() {
      throw new Error("a proxy that throws");
    },
    ownKeys() {
      throw new Error("a proxy that throws");
    },
  });
const sparse = (value: unknown) => {
  const list: unknown[] = [value];
  list[3] = value;
  return list;
};
const keyed = fc
  .dictionary(fc.constantFrom(...PROTOTYPE_NAMES, "x-1", "ünknown"), fc.constantFrom(null, 1, "x", [], {}), {
    minKeys: 1,
  })
  .map((record) => {
    const object = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) object[key] = value;
    return object;
  });

/** A wrong shape, and whether no position but `any` (and `text` for texts, `list` for lists…) accepts it. */
const wrongShape: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, -1, Number.NaN, 1.5, true, 5n, Symbol("s")),
  fc.string({ maxLength: 8 }),
  fc.constant([]),
  fc.array(fc.constantFrom(null, 5, "x", {}), { minLength: 1, maxLength: 3 }),
  fc.constantFrom(null, 5, "x").map(sparse),
  keyed,
  keyed.map((object) => Object.freeze(object)),
  fc.constantFrom(...PROTOTYPE_NAMES).map((key) => new Made(`a getter of ${key} that throws`, () => throwing(key))),
  fc
    .constantFrom<[string, () => object]>(["{}", () => ({})], ["[]", () => []], ["{ a: 1 }", () => ({ a: 1 })])
    .map(([label, target]) => new Made(`a proxy of ${label} that throws`, () => proxy(target()))),
  fc.constantFrom(new Map(), new Date(0), new Set([1])),
);

const isPlain = (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

/** Whether `kind` may accept `value` (then the call must only not throw anything but InvalidInputError). */
function mayAccept(kind: Kind, value: unknown): boolean {
  if (kind === "any") return true;
  if (kind === "text") return typeof value === "string";
  if (kind === "boolean") return typeof value === "boolean";
  if (kind === "function") return typeof value === "function";
  if (kind === "list") return Array.isArray(value) && !util.types.isProxy(value);
  if (kind === "container") return mayAccept("list", value) || mayAccept("object", value);
  if (kind === "object") return isPlain(value) && !util.types.isProxy(value) && readable(value);
  return false;
}

function readable(value: unknown): boolean {
  try {
    for (const key of Object.keys(value as object)) void (value as Record<string, unknown>)[key];
    return true;
  } catch {
    return false;
  }
}

/** What the call threw (awaiting a promise, draining an async iterable), or undefined. */
async function thrownBy(call: () => unknown): Promise<unknown> {
  try {
    const result = call();
    if (result instanceof Promise) await result;
    else if (typeof result === "object" && result !== null && Symbol.asyncIterator in result)
      for await (const _ of result as AsyncIterable<unknown>) break;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe.each([
  ["exitfund/rules", rules, RULES],
  ["exitfund/node", node, NODE],
] as const)("%s: every function refuses a wrong call shape with InvalidInputError", (_entry, entry, table) => {
  it("lists every exported function (a new export needs its row here)", () => {
    expect(functionsOf(entry)).toEqual(Object.keys(table).sort());
  });

  it.each(Object.keys(table).filter((name) => table[name]!.kinds.length > 0))("%s", async (name) => {
    const row = table[name]!;
    const fn = functionAt(entry, name);
    // the valid arguments are valid
    const valid = await thrownBy(() => fn(...row.args()));
    expect(valid === undefined || valid instanceof InvalidInputError ? undefined : valid).toBeUndefined();
    await fc.assert(
      fc.asyncProperty(fc.nat(row.kinds.length - 1), wrongShape, async (position, wrong) => {
        const args = [...row.args()];
        const value = made(wrong);
        args[position] = value;
        const error = await thrownBy(() => fn(...args));
        // a text where a file name or a kind is expected may name no file or no kind: a usage error
        const usage = typeof value === "string" && error instanceof node.UsageError;
        if (error !== undefined && !(error instanceof InvalidInputError) && !usage)
          throw new Error(`${name} arg ${position}: ${String(error)}`);
        if (!mayAccept(row.kinds[position]!, value)) {
          expect(error, `${name} must refuse argument ${position}`).toBeInstanceOf(InvalidInputError);
          const issue = (error as InvalidInputError).issues[0]!;
          const argument = row.names[Math.min(position, row.names.length - 1)]!;
          expect(issue.path.startsWith(argument) || row.names.some((n) => issue.path.startsWith(n))).toBe(true);
          expect(issue.message.length).toBeGreaterThan(0);
          expect(issue.zh?.length ?? 0).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
