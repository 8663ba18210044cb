import * as z from "zod/mini";
import { en } from "zod/locales";
import { echo } from "../errors/echo.js";
import { decimalCheck } from "../money/parse.js";

// zod/mini keeps the core small (README, "Use in a browser"); classic zod's English messages are kept for the
// issues no schema words itself, as classic zod sets them: unless an app configured another locale.
if (z.config().localeError === undefined) z.config(en());

/**
 * `schema` with JSON Schema metadata (a description, a format, a pattern): a copy registered in zod's global
 * registry, exactly as classic zod's `.meta(data)` makes it.
 */
export function withMeta<T extends z.ZodMiniType>(schema: T, data: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, data);
  return copy;
}

/** True for a real calendar date written `YYYY-MM-DD` (2016-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** A date `YYYY-MM-DD` that exists in the calendar. */
export const IsoDateSchema = withMeta(
  z
    .string({ error: (issue) => `must be a date written YYYY-MM-DD, e.g. "2016-06-14"; got ${show(issue.input)}` })
    .check(
      z.refine(isIsoDate, {
        error: (issue) =>
          `must be a real calendar date written YYYY-MM-DD, e.g. "2016-06-14"; got ${show(issue.input)}`,
      }),
    ),
  { format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
);

function decimalSchema(options: { allowNegative: boolean; what: "money" | "quantity"; positive?: boolean }) {
  return withMeta(
    z.pipe(
      z.union([z.string(), z.number()], {
        error: (issue) =>
          options.what === "money"
            ? `must be an amount in yuan written as a decimal string, e.g. "1250.50"; got ${show(issue.input)}`
            : `must be a quantity written as a decimal string, e.g. "120.5"; got ${show(issue.input)}`,
      }),
      z.transform((input: string | number, ctx) => {
        const result = decimalCheck(input, { allowNegative: options.allowNegative, what: options.what });
        if (!result.ok) {
          ctx.issues.push({ code: "custom", message: result.message, input });
          return z.NEVER;
        }
        if (options.positive === true && /^-?0(\.0*)?$/.test(result.value)) {
          ctx.issues.push({ code: "custom", message: `must be greater than 0; got "${result.value}"`, input });
          return z.NEVER;
        }
        return result.value;
      }),
    ),
    {
      pattern: options.allowNegative ? "^-?(0|[1-9]\\d*)(\\.\\d+)?$" : "^(0|[1-9]\\d*)(\\.\\d+)?$",
      examples: [options.what === "money" ? "1250.50" : "120.5"],
    },
  );
}

/** Money in yuan, ≥ 0: a decimal string (or a JSON number of at most 15 significant digits), kept as a canonical decimal string. */
export const MoneySchema = decimalSchema({ allowNegative: false, what: "money" });
/** Money in yuan that may be negative (ledger reversals). */
export const SignedMoneySchema = decimalSchema({ allowNegative: true, what: "money" });
/** Money in yuan, > 0. */
export const PositiveMoneySchema = decimalSchema({ allowNegative: false, what: "money", positive: true });
/** A quantity (m², m, 亩, tce, tonnes): a decimal ≥ 0. */
export const QuantitySchema = decimalSchema({ allowNegative: false, what: "quantity" });

/** A count of persons or items: a whole number ≥ 0. */
export const CountSchema = z
  .number({ error: (issue) => `must be a whole number ≥ 0, e.g. 35; got ${show(issue.input)}` })
  .check(
    z.int({ error: (issue) => `must be a whole number ≥ 0, e.g. 35; got ${show(issue.input)}` }),
    z.gte(0, { error: (issue) => `must be a whole number ≥ 0, e.g. 35; got ${show(issue.input)}` }),
  );

/** A non-blank identifier or name. */
export const TextSchema = z.string({ error: (issue) => `must be a non-empty text; got ${show(issue.input)}` }).check(
  z.refine((text) => text.trim().length > 0 && text.trim() === text, {
    error: (issue) => `must be a non-empty text without leading or trailing spaces; got ${show(issue.input)}`,
  }),
);

export const BooleanSchema = z.boolean({ error: (issue) => `must be true or false; got ${show(issue.input)}` });

/** An enumeration whose error lists what is accepted. */
export function enumSchema<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => `must be one of ${values.map((v) => `"${v}"`).join(", ")}; got ${show(issue.input)}`,
  });
}

/** Renders an offending input for a message (short, JSON-ish, never the whole object). */
export function show(input: unknown): string {
  if (typeof input === "object" && input !== null && !Array.isArray(input)) return "an object";
  return echo(input);
}
