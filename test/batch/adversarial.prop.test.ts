// The adversarial suite (issue 10, "Tests that must exist"): valid cases of every kind, built from the zod schemas
// of the default programme and of the examples/changping-2015 extension, corrupted in every field — wrong types,
// 40- and 70-digit amounts, malformed dates, unknown and missing fields, prototype names as keys and values, huge
// lists, deep nesting. Only InvalidInputError is ever thrown, and it names a field with a known code; no outcome
// shows NaN, Infinity or a negative amount; the input is never changed (frozen input works, a clone compares
// equal after); Object.prototype is untouched; the same input gives byte-identical JSON, run twice or reordered.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Dec } from "../../src/money/decimal.js";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compute, computeBatch } from "../../src/batch/compute.js";
import { isInvalidInputError, type InputIssue } from "../../src/errors/index.js";
import { loadRuleSet } from "../../src/rule-sets/index.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import { defaultProgramme } from "../../src/rules/default.js";
import { isProgramme, type Programme } from "../../src/rules/programme.js";
import type { RuleSet } from "../../src/parameters/types.js";
import type { OutcomeBase } from "../../src/trace/types.js";
import { arbitraryOf, fieldPaths, PROTOTYPE_NAMES, type FieldPath } from "../support/fromSchema.js";

const root = join(import.meta.dirname, "../..");

/** Every code the source writes as a literal: a code an issue carries must be one of these. */
const SOURCE_TEXT = (function read(folder: string): string {
  return readdirSync(folder)
    .map((entry) => join(folder, entry))
    .map((path) => (statSync(path).isDirectory() ? read(path) : path.endsWith(".ts") ? readFileSync(path, "utf8") : ""))
    .join("\n");
})(join(root, "src"));

const structureTypes = (ruleSet: RuleSet): string[] => {
  const values = (ruleSet.toJSON().parameters["clearance.rates"] as unknown as { values: { value: object }[] }).values;
  return Object.keys(values.at(-1)?.value ?? {});
};

interface Setting {
  readonly name: string;
  readonly programme: Programme;
  readonly ruleSet: RuleSet;
}

const settings: Setting[] = [{ name: "default programme", programme: defaultProgramme, ruleSet: defaultRuleSet }];

beforeAll(async () => {
  const folder = join(root, "examples/changping-2015");
  const module = (await import(join(folder, "programme.mjs"))) as { default: unknown };
  if (!isProgramme(module.default)) throw new Error("examples/changping-2015/programme.mjs exports no programme");
  const json = JSON.parse(readFileSync(join(folder, "rules.json"), "utf8")) as object;
  settings.push({
    name: "changping-2015",
    programme: module.default,
    ruleSet: loadRuleSet(json, { programme: module.default }),
  });
});

/** Valid cases of every kind of the setting's programme, from its schemas (those that parse: finish checks apply). */
function validCase(setting: Setting): fc.Arbitrary<{ [key: string]: unknown }> {
  const hints = { texts: { structureType: structureTypes(setting.ruleSet) } };
  return fc
    .constantFrom(...setting.programme.domains.map((domain) => domain.kind))
    .chain(
      (kind) => arbitraryOf(setting.programme.entry(kind)?.schema, hints) as fc.Arbitrary<{ [key: string]: unknown }>,
    )
    .filter((input) => computeBatch([input], options(setting)).errors.length === 0);
}

const options = (setting: Setting) => ({ ruleSet: setting.ruleSet, programme: setting.programme });

const deep = (depth: number): unknown => {
  let value: unknown = "x";
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
};

/** What a corrupted field is given instead of its value. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, NaN, Infinity, -Infinity, 1e21, "", " ", "abc", [], {}),
  fc.constantFrom("1".repeat(40), "9".repeat(70), `0.${"1".repeat(40)}`, "-5", "1e3", "1,000", "١٢٣", "１２"),
  fc.constantFrom("2016-02-30", "2016/01/01", "20160101", "2016-1-1", "2016-13-01", "0000-00-00", "9999-99-99"),
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.constantFrom(
    deep(200),
    deep(2000),
    Array.from({ length: 5000 }, () => "1"),
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

type Corruption =
  | { readonly how: "replace"; readonly junk: unknown }
  | { readonly how: "remove" }
  | { readonly how: "add-key"; readonly key: string; readonly junk: unknown }
  | { readonly how: "grow-list" };

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  { weight: 4, arbitrary: junk.map((value) => ({ how: "replace" as const, junk: value })) },
  { weight: 2, arbitrary: fc.constant({ how: "remove" as const }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ maxLength: 8 })), junk)
      .map(([key, value]) => ({ how: "add-key" as const, key, junk: value })),
  },
  { weight: 1, arbitrary: fc.constant({ how: "grow-list" as const }) },
);

/** `input` with the field at `path` corrupted (a copy: `input` is left as it was). */
function corrupt(input: unknown, path: FieldPath, change: Corruption): unknown {
  const copy = structuredClone(input);
  if (path.length === 0) return change.how === "replace" ? change.junk : copy;
  const parent = path.slice(0, -1).reduce<unknown>((at, key) => (at as { [k: string]: unknown })[key], copy) as {
    [key: string]: unknown;
  };
  const key = path.at(-1) as string;
  const define = (target: object, name: string, value: unknown) =>
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  if (change.how === "replace") define(parent, key, change.junk);
  else if (change.how === "remove") delete parent[key];
  else if (change.how === "add-key") {
    const target = parent[key];
    define(
      typeof target === "object" && target !== null && !Array.isArray(target) ? target : parent,
      change.key,
      change.junk,
    );
  } else {
    const target = parent[key];
    if (Array.isArray(target) && target.length > 0) {
      const grown = Array.from({ length: 2000 }, (_, index) => ({ ...(target[0] as object), id: `x${index}` }));
      define(parent, key, grown);
    }
  }
  return copy;
}

/** A valid case of the setting, then one of its fields corrupted; the path a corruption aimed at. */
function corruptedCase(setting: Setting) {
  return validCase(setting).chain((input) => {
    const kind = input.kind as string;
    const paths: FieldPath[] = [[], ...fieldPaths(setting.programme.entry(kind)?.schema, input)];
    return fc.tuple(fc.constant(input), fc.constantFrom(...paths), corruption).map(([valid, path, change]) => ({
      valid,
      input: corrupt(valid, path, change),
      path,
    }));
  });
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function expectNamedIssue(issue: InputIssue): void {
  expect(issue.path.length, `an issue without a path: ${issue.message}`).toBeGreaterThan(0);
  expect(issue.code).toMatch(KEBAB);
  expect(SOURCE_TEXT.includes(`"${issue.code}"`), `code ${issue.code} is written nowhere in src/`).toBe(true);
  expect(issue.message.length).toBeGreaterThan(0);
  expect(issue.zh?.length ?? 0).toBeGreaterThan(0);
}

const AMOUNT = /^(0|[1-9]\d*)(\.\d+)?$/;

function expectSoundOutcome(outcome: OutcomeBase): void {
  const text = JSON.stringify(outcome);
  expect(text).not.toMatch(/NaN|Infinity/);
  for (const part of [outcome.amounts.municipal, outcome.amounts.district, outcome.amounts.total])
    expect(part, `${outcome.id}: an amount is not a decimal ≥ 0`).toMatch(AMOUNT);
}

/** Deep equality of plain data — keys in order, NaN and -0 as themselves — without recursion (the junk nests deep). */
function sameData(a: unknown, b: unknown): boolean {
  const pairs: [unknown, unknown][] = [[a, b]];
  while (pairs.length > 0) {
    const [x, y] = pairs.pop() as [unknown, unknown];
    if (typeof x !== "object" || x === null || typeof y !== "object" || y === null) {
      if (!Object.is(x, y)) return false;
      continue;
    }
    if (Array.isArray(x) !== Array.isArray(y) || Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return false;
    const keys = Reflect.ownKeys(x);
    const others = Reflect.ownKeys(y);
    if (keys.length !== others.length || keys.some((key, index) => key !== others[index])) return false;
    for (const key of keys)
      pairs.push([(x as { [k: PropertyKey]: unknown })[key], (y as { [k: PropertyKey]: unknown })[key]]);
  }
  return true;
}

/** `value` frozen all the way down (without recursion: the junk nests thousands deep). */
function deepFrozen<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === "object" && next !== null && !Object.isFrozen(next)) {
      Object.freeze(next);
      stack.push(...Object.values(next));
    }
  }
  return value;
}

/**
 * The built-in prototypes as they are: every own key with its value or accessors, compared by identity, so a key
 * added, removed or reassigned (`Object.prototype.toString = …`) shows.
 */
const prototypeKeys = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) => {
    const entries = Reflect.ownKeys(proto).map((key) => {
      const { value, get, set } = Reflect.getOwnPropertyDescriptor(proto, key) ?? {};
      return { key, value, get, set };
    });
    return {
      keys: entries
        .map((entry) => String(entry.key))
        .sort()
        .join(","),
      same: (other: readonly { key: PropertyKey; value: unknown; get: unknown; set: unknown }[]) =>
        other.length === entries.length &&
        other.every((entry, index) => {
          const mine = entries[index];
          return (
            mine !== undefined &&
            mine.key === entry.key &&
            Object.is(mine.value, entry.value) &&
            mine.get === entry.get &&
            mine.set === entry.set
          );
        }),
      entries,
    };
  });
/** Whether the prototypes are as `before` saw them (keys, values and accessors by identity). */
const prototypesAsBefore = (before: ReturnType<typeof prototypeKeys>) => {
  const now = prototypeKeys();
  return before.map((proto, index) => proto.same(now[index]?.entries ?? []));
};

describe.each([
  { which: 0, name: "the default programme" },
  { which: 1, name: "examples/changping-2015" },
])("adversarial cases of $name (properties)", ({ which }) => {
  const setting = () => settings[which] as Setting;

  it("valid cases built from the schemas compute: amounts are decimals ≥ 0, municipal + district = total", () => {
    fc.assert(
      fc.property(fc.array(validCase(setting()), { minLength: 1, maxLength: 3 }), (inputs) => {
        const unique = inputs.map((input, index) => ({ ...input, id: `${String(input.id)}#${index}` }));
        const document = computeBatch(unique, options(setting()));
        expect(document.errors).toEqual([]);
        for (const outcome of document.results) expectSoundOutcome(outcome);
      }),
      { numRuns: 60 },
    );
  });

  it("a corrupted case is refused with InvalidInputError naming a field with a known code, or computes soundly", () => {
    const before = prototypeKeys();
    fc.assert(
      fc.property(corruptedCase(setting()), ({ input }) => {
        let outcome: unknown;
        try {
          outcome = compute(input, options(setting()));
        } catch (error) {
          if (!isInvalidInputError(error)) throw error;
          expect(error.issues.length).toBeGreaterThan(0);
          for (const issue of error.issues) expectNamedIssue(issue);
          return;
        }
        // A case corrupted into a list (`[]`, `[case]`) is a batch: compute gives a list of outcomes.
        for (const one of Array.isArray(outcome) ? outcome : [outcome]) expectSoundOutcome(one as OutcomeBase);
      }),
      { numRuns: 150 },
    );
    expect(prototypesAsBefore(before)).toEqual([true, true, true, true]);
    expect(({} as { [key: string]: unknown }).polluted).toBeUndefined();
  });

  it("a prototype name as the value of any field is an ordinary value: refused with a known code, or computed", () => {
    const before = prototypeKeys();
    fc.assert(
      fc.property(validCase(setting()), (valid) => {
        const schema = setting().programme.entry(valid.kind as string)?.schema;
        // Every field of one name at once (an item's structureType and its survey's), so a name reaches the rules.
        const byName = new Map<string, FieldPath[]>();
        for (const path of fieldPaths(schema, valid)) {
          const last = path.at(-1);
          if (typeof last === "string") byName.set(last, [...(byName.get(last) ?? []), path]);
        }
        for (const paths of byName.values())
          for (const name of PROTOTYPE_NAMES) {
            const input = paths.reduce<unknown>((at, path) => corrupt(at, path, { how: "replace", junk: name }), valid);
            try {
              expectSoundOutcome(compute(input, options(setting())) as OutcomeBase);
            } catch (error) {
              if (!isInvalidInputError(error)) throw error;
              for (const issue of error.issues) expectNamedIssue(issue);
            }
          }
      }),
      { numRuns: 15 },
    );
    expect(prototypesAsBefore(before)).toEqual([true, true, true, true]);
  });

  it("the input is never changed: a clone compares equal after, and deep-frozen input gives the same JSON", () => {
    fc.assert(
      fc.property(fc.array(corruptedCase(setting()), { minLength: 1, maxLength: 3 }), (entries) => {
        const inputs = entries.map((entry) => entry.input);
        const clone = structuredClone(inputs);
        const frozenInputs = deepFrozen(structuredClone(inputs));
        const plain = JSON.stringify(computeBatch(inputs, options(setting())));
        expect(sameData(inputs, clone), "the input was changed").toBe(true);
        const frozen = JSON.stringify(computeBatch(frozenInputs, options(setting())));
        expect(frozen).toBe(plain);
      }),
      { numRuns: 80 },
    );
  });

  it("the same input gives byte-identical JSON, run twice and in another order within the batch", () => {
    fc.assert(
      fc.property(
        fc.array(validCase(setting()), { minLength: 2, maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (inputs, shuffle) => {
          const cases = inputs.map((input, index) => ({ ...input, id: `${String(input.id)}#${index}` }));
          const once = JSON.stringify(computeBatch(cases, options(setting())));
          expect(JSON.stringify(computeBatch(cases, options(setting())))).toBe(once);
          const order = cases.map((_, index) => index).sort((a, b) => (shuffle[a] ?? 0) - (shuffle[b] ?? 0) || a - b);
          const reordered = computeBatch(
            order.map((index) => cases[index]),
            options(setting()),
          );
          const byId = (results: readonly OutcomeBase[]) =>
            new Map(results.map((outcome) => [outcome.id, JSON.stringify(outcome)]));
          expect(byId(reordered.results)).toEqual(byId((JSON.parse(once) as { results: OutcomeBase[] }).results));
          expect(JSON.stringify(reordered.totals)).toBe(
            JSON.stringify((JSON.parse(once) as { totals: unknown }).totals),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("prototype names are names (issue 10 §3)", () => {
  it("a township, village or id named after Object.prototype is kept in every total, and pollutes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(validCase(settings[0] as Setting), { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(...PROTOTYPE_NAMES), { minLength: 4, maxLength: 4 }),
        (inputs, names) => {
          const cases = inputs.map((input, index) => ({
            ...input,
            id: `${String(input.id)}#${index}`,
            township: names[index],
          }));
          const document = computeBatch(cases);
          expect(document.errors).toEqual([]);
          const byTownship = document.totals.byTownship;
          expect(Object.keys(byTownship).sort()).toEqual([...new Set(cases.map((input) => input.township))].sort());
          const sum = Object.values(byTownship).reduce((acc, amounts) => acc.plus(amounts.total), new Dec(0));
          expect(sum.toFixed(2)).toBe(document.totals.total);
          expect(JSON.parse(JSON.stringify(document.totals.byTownship))).toEqual(byTownship);
        },
      ),
      { numRuns: 60 },
    );
  });
});
