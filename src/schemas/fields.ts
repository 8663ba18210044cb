import * as z from "zod/mini";
import { refuse } from "../errors/arguments.js";
import { listOf } from "../errors/shapes.js";
import {
  BooleanSchema,
  CountSchema,
  IsoDateSchema,
  MoneySchema,
  QuantitySchema,
  TextSchema,
  enumSchema,
  withMeta,
} from "./scalars.js";

/** A field's label (中文 English), or the call is refused. */
function labelOf(label: unknown): string {
  if (typeof label === "string" && label.trim() !== "") return label;
  return refuse(
    "label",
    "invalid-field",
    'a field needs a label, a text (中文 English), such as "提前退出 exited early"',
    "字段需要标签（文本，中文 English）",
  );
}

/** The values of a oneOf field: a non-empty list of texts, or the call is refused. */
function valuesOf<T>(values: T): T {
  const list = listOf(values, "values", { en: "values (texts)", zh: "取值（文本）" });
  if (list.length === 0 || list.some((value) => typeof value !== "string" || value === ""))
    refuse("values", "invalid-field", "a oneOf field takes a non-empty list of texts", "oneOf 字段应为非空的文本列表");
  return list as T;
}

/** A field of {@link field}: its zod/mini schema, and `.optional()` for a field a case may leave out. */
export type Field<T extends z.ZodMiniType> = T & { optional(): z.ZodMiniOptional<T> };

/** `schema` labelled, with `.optional()`. */
function fieldOf<T extends z.ZodMiniType>(schema: T, label: string): Field<T> {
  const labelled = withMeta(schema, { description: labelOf(label) });
  return Object.assign(labelled, { optional: () => z.optional(labelled) });
}

/**
 * 字段 · the constructors of case fields for a domain or an extension: the contract's scalars (exact decimal
 * strings, real dates, strict booleans), each with its label (中文 English), which error messages, JSON Schema
 * and sheet headers show. Each is a zod/mini schema with one method more: `.optional()` for a field a case may
 * leave out (`z.optional(field)` of zod/mini, as classic zod writes it).
 *
 * @example extendDomain(domains.enterpriseExit, { fields: { vacatedLandOnTime: field.boolean("按时腾退土地").optional() } })
 * @category rules
 */
export const field = Object.freeze({
  /** true or false. */
  boolean: (label: string) => fieldOf(BooleanSchema, label),
  /** Money in yuan ≥ 0, a decimal string. */
  money: (label: string) => fieldOf(MoneySchema, label),
  /** A quantity ≥ 0 (m², 亩, tce, tonnes), a decimal string. */
  quantity: (label: string) => fieldOf(QuantitySchema, label),
  /** A date `YYYY-MM-DD`. */
  date: (label: string) => fieldOf(IsoDateSchema, label),
  /** A whole number ≥ 0. */
  count: (label: string) => fieldOf(CountSchema, label),
  /** A non-empty text. */
  text: (label: string) => fieldOf(TextSchema, label),
  /** One of the values given. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
    fieldOf(enumSchema(valuesOf(values)), label),
});
