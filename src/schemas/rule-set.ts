import * as z from "zod/mini";
import { DECIMAL } from "../money/parse.js";
import { IsoDateSchema, TextSchema, enumSchema, show, withMeta } from "./scalars.js";

export const StatusSchema = enumSchema(["official", "reported", "illustrative"]);

/** A decimal string in a rule set (rates, amounts, thresholds): exact, never a float. */
export const RuleDecimalSchema = z
  .string({ error: (issue) => `must be a decimal string such as "0.7" or "500000"; got ${show(issue.input)}` })
  .check(
    z.regex(DECIMAL, {
      error: (issue) =>
        `must be a decimal string such as "0.7" or "500000" (no commas, signs or exponents); got ${show(issue.input)}`,
    }),
  );

const BracketSchema = z.strictObject({
  threshold: RuleDecimalSchema,
  rate: z.optional(RuleDecimalSchema),
  amount: z.optional(RuleDecimalSchema),
});

export const ScaleSchema = z.strictObject({
  type: enumSchema(["marginal-rate", "single-amount", "single-rate"]),
  brackets: z.array(BracketSchema).check(z.minLength(1, { error: "a scale needs at least one bracket" })),
});

const CellSchema = z.union(
  [z.string(), z.boolean(), z.strictObject({ unit: enumSchema(["m2", "m", "item"]), rate: RuleDecimalSchema })],
  { error: "a table cell must be a decimal string, a date, true/false, or { unit, rate }" },
);

/** A parameter value: decimal string, boolean, date, table, scale, or null (repealed from this date). */
export const ParameterValueSchema = z.union(
  [z.string(), z.boolean(), z.null(), ScaleSchema, z.record(z.string(), CellSchema)],
  {
    error:
      "a value must be a decimal string, a date, true/false, a table { key: value }, a scale { type, brackets }, or null",
  },
);

const Citation = {
  status: z.optional(StatusSchema),
  source: z.optional(TextSchema),
  clause: z.optional(z.string()),
  note: z.optional(z.string()),
};

export const DatedValueSchema = z.strictObject({ from: IsoDateSchema, value: ParameterValueSchema, ...Citation });

/**
 * Other names of a table's keys, as Chinese sheets write them (`"brick-concrete": ["砖混结构", "砖混房"]`): a sheet
 * that holds a key (a structure type, an exit mode) also takes these. Checked at load (keys of the table, no name
 * for two keys).
 */
export const AliasesSchema = z.record(
  z.string(),
  z
    .array(TextSchema, { error: 'must be a list of names, e.g. ["砖混结构", "砖混房"]' })
    .check(z.minLength(1, { error: "must list at least one name" })),
  { error: 'must be an object { "<table key>": ["another name", …] }' },
);

export const ParameterSchema = z.strictObject({
  status: StatusSchema,
  source: TextSchema,
  clause: z.optional(z.string()),
  note: z.optional(z.string()),
  aliases: z.optional(AliasesSchema),
  values: z.array(DatedValueSchema).check(z.minLength(1, { error: "a parameter needs at least one dated value" })),
});

export const SourceSchema = z.strictObject({
  id: TextSchema,
  title: TextSchema,
  issuedOn: z.string({ error: "must be the date (or approximate date) the source was issued" }),
  url: z.optional(z.string()),
  status: StatusSchema,
});

/** Where a rule stands in the law: a source id and the clause the trace cites. */
export const RuleCitationSchema = z.strictObject({
  source: TextSchema,
  clause: z
    .string({ error: "must be the clause the rule implements, as its trace cites it" })
    .check(z.minLength(1, { error: "must be the clause the rule implements, as its trace cites it" })),
});

/**
 * A rule set's title: one text (older files; `中文 · English` is read as both languages), or the title in each
 * language, `{ "zh": "…", "en": "…" }`, so Chinese output names it in Chinese and English output in English.
 */
export const RuleSetTitleSchema = z.union([TextSchema, z.strictObject({ zh: TextSchema, en: TextSchema })], {
  error: 'must be the rule set\'s title: a text, or { "zh": "中文名称", "en": "English title" }',
});

/** A rule set as JSON (docs/concepts.md). Cross-field checks (sources exist, dates increase, exactly the programme's parameters) happen in `loadRuleSet`. */
export const RuleSetSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: withMeta(TextSchema, { description: "rule-set id, e.g. tongzhou-2016" }),
  version: TextSchema,
  title: RuleSetTitleSchema,
  validFrom: IsoDateSchema,
  extends: z.optional(TextSchema),
  rounding: z.optional(
    z.strictObject({
      scale: z.number().check(z.int(), z.gte(0, { error: "rounding.scale must be a whole number ≥ 0" }), z.lte(10)),
      mode: enumSchema(["half-up", "half-even", "down"]),
    }),
  ),
  sources: z.array(SourceSchema),
  rules: z.optional(z.record(z.string(), RuleCitationSchema)),
  parameters: z.record(z.string(), ParameterSchema),
});
