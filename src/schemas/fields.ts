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
} from "./scalars.js";

/**
 * 字段 · the constructors of case fields for a domain or an extension: the contract's scalars (exact decimal
 * strings, real dates, strict booleans), each with its label (中文 English), which error messages, JSON Schema
 * and sheet headers show. Each is a zod schema: add `.optional()` for a field a case may leave out.
 *
 * @example extendDomain(domains.enterpriseExit, { fields: { vacatedLandOnTime: field.boolean("按时腾退土地").optional() } })
 * @category rules
 */
/** A field's label (中文 English), or the call is refused. */
function labelOf(label: unknown): string {
  if (typeof label === "string" && label.trim() !== "") return label;
  return refuse(
    "label",
    "invalid-field",
    'a field needs a label, a text (中文 English), such as "提前退出 exited early"',
    "字段需要标签(文本,中文 English)",
  );
}

/** The values of a oneOf field: a non-empty list of texts, or the call is refused. */
function valuesOf<T>(values: T): T {
  const list = listOf(values, "values", { en: "values (texts)", zh: "取值(文本)" });
  if (list.length === 0 || list.some((value) => typeof value !== "string" || value === ""))
    refuse("values", "invalid-field", "a oneOf field takes a non-empty list of texts", "oneOf 字段应为非空的文本列表");
  return list as T;
}

export const field = Object.freeze({
  /** true or false. */
  boolean: (label: string) => BooleanSchema.meta({ description: labelOf(label) }),
  /** Money in yuan ≥ 0, a decimal string. */
  money: (label: string) => MoneySchema.meta({ description: labelOf(label) }),
  /** A quantity ≥ 0 (m², 亩, tce, tonnes), a decimal string. */
  quantity: (label: string) => QuantitySchema.meta({ description: labelOf(label) }),
  /** A date `YYYY-MM-DD`. */
  date: (label: string) => IsoDateSchema.meta({ description: labelOf(label) }),
  /** A whole number ≥ 0. */
  count: (label: string) => CountSchema.meta({ description: labelOf(label) }),
  /** A non-empty text. */
  text: (label: string) => TextSchema.meta({ description: labelOf(label) }),
  /** One of the values given. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
    enumSchema(valuesOf(values)).meta({ description: labelOf(label) }),
});
