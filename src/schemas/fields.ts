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
export const field = Object.freeze({
  /** true or false. */
  boolean: (label: string) => BooleanSchema.meta({ description: label }),
  /** Money in yuan ≥ 0, a decimal string. */
  money: (label: string) => MoneySchema.meta({ description: label }),
  /** A quantity ≥ 0 (m², 亩, tce, tonnes), a decimal string. */
  quantity: (label: string) => QuantitySchema.meta({ description: label }),
  /** A date `YYYY-MM-DD`. */
  date: (label: string) => IsoDateSchema.meta({ description: label }),
  /** A whole number ≥ 0. */
  count: (label: string) => CountSchema.meta({ description: label }),
  /** A non-empty text. */
  text: (label: string) => TextSchema.meta({ description: label }),
  /** One of the values given. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
    enumSchema(values).meta({ description: label }),
});
