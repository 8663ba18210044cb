// fast-check arbitraries built from the zod schemas of the case kinds: a walk over a kind's schema (the default
// programme's or an extension's) gives valid cases of that kind and the path of every field in them, so the
// adversarial suite corrupts each field a schema declares — a field a domain adds is covered without a word here.
import fc from "fast-check";
import type * as z from "zod";
import {
  CountSchema,
  IsoDateSchema,
  MoneySchema,
  PositiveMoneySchema,
  QuantitySchema,
  SignedMoneySchema,
  TextSchema,
} from "../../src/schemas/scalars.js";

/** The names of Object.prototype's members, and `__proto__`: names that must behave like any other. */
export const PROTOTYPE_NAMES: readonly string[] = [
  ...new Set([...Object.getOwnPropertyNames(Object.prototype), "__proto__"]),
];

/** Texts a user may type as a name: Chinese, ASCII, and the prototype's names. */
const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("台湖镇", "张家湾镇", "宋庄镇", "示例村", "E-1", "企业 A") },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  {
    weight: 1,
    arbitrary: fc.stringMatching(/^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5 _-]{0,10}[A-Za-z0-9\u4e00-\u9fa5]$/),
  },
);

const isoDate = fc
  .date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2020-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** A decimal string ≥ 0 of the contract, at most 2 decimals: "0", "120.5", "300000". */
const decimal = (positive: boolean) =>
  fc.tuple(fc.bigInt({ min: positive ? 1n : 0n, max: 10n ** 9n }), fc.constantFrom(0, 1, 2)).map(([units, places]) => {
    const text = units.toString().padStart(places + 1, "0");
    return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`.replace(/\.?0+$/, "") || "0";
  });

/** What the walk needs to know that a schema does not say: the values of fields whose text is a key of the rule set. */
export interface SchemaHints {
  /** Values a text field takes by its name (e.g. structureType: the rule set's structure types). */
  readonly texts?: { readonly [field: string]: readonly string[] };
}

type Def = z.core.$ZodTypeDef & { readonly [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const same = (schema: unknown, known: z.core.$ZodType) => defOf(schema) === defOf(known);

/** An arbitrary of the values `schema` accepts (for fields named `field`). */
export function arbitraryOf(schema: unknown, hints: SchemaHints = {}, field = ""): fc.Arbitrary<unknown> {
  if (same(schema, IsoDateSchema)) return isoDate;
  if (same(schema, MoneySchema) || same(schema, QuantitySchema) || same(schema, SignedMoneySchema))
    return decimal(false);
  if (same(schema, PositiveMoneySchema)) return decimal(true);
  if (same(schema, CountSchema)) return fc.integer({ min: 0, max: 400 });
  if (same(schema, TextSchema)) {
    const texts = hints.texts !== undefined && Object.hasOwn(hints.texts, field) ? hints.texts[field] : undefined;
    return texts === undefined ? name : fc.constantFrom(...texts);
  }
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const shape = def.shape as { readonly [key: string]: unknown };
      const required = Object.keys(shape).filter((key) => defOf(shape[key]).type !== "optional");
      const fields = Object.fromEntries(Object.keys(shape).map((key) => [key, arbitraryOf(shape[key], hints, key)]));
      return fc.record(fields, { requiredKeys: required });
    }
    case "optional":
    case "nullable":
    case "default":
      return arbitraryOf(def.innerType, hints, field);
    case "pipe":
      return arbitraryOf(def.in, hints, field);
    case "array":
      return fc.array(arbitraryOf(def.element, hints, field), { minLength: 1, maxLength: 3 });
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as { readonly [key: string]: string }));
    case "literal":
      return fc.constantFrom(...(def.values as readonly unknown[]));
    case "boolean":
      return fc.boolean();
    case "number": {
      const checks = (def.checks ?? []) as readonly { _zod: { def: { check: string; value?: number } } }[];
      const bound = (check: string) => checks.find((one) => one._zod.def.check === check)?._zod.def.value;
      return fc.integer({ min: bound("greater_than") ?? 0, max: Math.min(bound("less_than") ?? 1000, 2030) });
    }
    case "union":
      return fc.oneof(...(def.options as readonly unknown[]).map((option) => arbitraryOf(option, hints, field)));
    case "string":
      return name;
    default:
      throw new Error(`fromSchema: no arbitrary for a zod ${def.type} (field ${field}); add one`);
  }
}

/** A path to a field: keys and list indexes. */
export type FieldPath = readonly (string | number)[];

/**
 * The path of every field the schema declares that `value` has (and of every optional field it lacks, for a
 * corruption to add), with list entries by index: what a corruption can aim at.
 */
export function fieldPaths(schema: unknown, value: unknown, at: FieldPath = []): FieldPath[] {
  if (same(schema, IsoDateSchema) || same(schema, TextSchema)) return [];
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const shape = def.shape as { readonly [key: string]: unknown };
      const record = typeof value === "object" && value !== null ? (value as { readonly [key: string]: unknown }) : {};
      return Object.keys(shape).flatMap((key) => [
        [...at, key],
        ...(Object.hasOwn(record, key) ? fieldPaths(shape[key], record[key], [...at, key]) : []),
      ]);
    }
    case "optional":
    case "nullable":
    case "default":
      return fieldPaths(def.innerType, value, at);
    case "pipe":
      return fieldPaths(def.in, value, at);
    case "array":
      return Array.isArray(value)
        ? value.flatMap((entry, index) => [[...at, index], ...fieldPaths(def.element, entry, [...at, index])])
        : [];
    default:
      return [];
  }
}
