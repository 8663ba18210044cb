import * as z from "zod/mini";
import { InvalidInputError } from "../errors/index.js";
import { decimalRefusal, toDecimal } from "../money/parse.js";
import { zodIssues } from "./issues.js";
import { StatusSchema } from "./rule-set.js";

/**
 * What the functions that take outcomes (`summarize`, `runningTotals`, `budget`, `explain`) accept of them: the
 * fields they read, checked, so an outcome stored as JSON and read back, or built by hand, is refused with its
 * path named rather than crash or give a wrong total. Other fields are left alone.
 */

/** An amount of an outcome: a decimal string ≥ 0 or a decimal of exitfund (as its string), never a JS number. */
export const OutcomeAmountSchema = z.pipe(
  z.unknown(),
  z.transform((value, ctx) => {
    const decimal = toDecimal(value, false);
    if (decimal === undefined) {
      ctx.issues.push(
        value === undefined
          ? { code: "invalid_type", expected: "string", message: "is required", input: value }
          : { code: "custom", message: decimalRefusal(value, false), input: value },
      );
      return z.NEVER;
    }
    return typeof value === "string" ? value : decimal.toFixed();
  }),
);

const text = z.string({ error: "must be a text" });

const PayerAmounts = z.looseObject({ municipal: OutcomeAmountSchema, district: OutcomeAmountSchema });

/** What a total reads of an outcome: its township and its municipal and district amounts. */
export const TotalledOutcomeSchema = z.looseObject({ township: text, amounts: PayerAmounts });

const Amounts = z
  .looseObject({ municipal: OutcomeAmountSchema, district: OutcomeAmountSchema, total: OutcomeAmountSchema })
  .check(
    z.superRefine((amounts, ctx) => {
      const sum = toDecimal(amounts.municipal)?.plus(toDecimal(amounts.district) ?? 0);
      if (sum !== undefined && !sum.eq(toDecimal(amounts.total) ?? -1))
        ctx.addIssue({
          code: "custom",
          path: ["total"],
          message: `must be municipal + district (${sum.toFixed()}); got "${amounts.total}"`,
          input: amounts.total,
        });
    }),
  );

/** What a budget reads of an outcome. */
export const BudgetedOutcomeSchema = z.looseObject({
  id: text,
  kind: text,
  township: text,
  amounts: Amounts,
  track: z.optional(text),
  ruleSet: z.optional(z.looseObject({ id: text, version: text })),
});

const JsonRecord = z.record(z.string(), z.json());

/** An outcome as `explain` renders it: every field of the outcome contract. */
export const ExplainedOutcomeSchema = z.looseObject({
  id: text,
  kind: text,
  township: text,
  ruleSet: z.looseObject({ id: text, version: text }),
  eligible: z.boolean({ error: "must be true or false" }),
  track: z.optional(text),
  payee: z.looseObject({ type: text, id: text }),
  amounts: Amounts,
  estimate: z.boolean({ error: "must be true or false" }),
  basis: StatusSchema,
  reasons: z.array(
    z.looseObject({
      code: text,
      message: text,
      clause: text,
      track: z.optional(text),
      decisive: z.optional(z.boolean()),
      data: z.optional(JsonRecord),
    }),
  ),
  findings: z.array(
    z.looseObject({
      code: text,
      message: text,
      itemId: z.optional(text),
      clause: z.optional(text),
      data: z.optional(JsonRecord),
    }),
  ),
  trace: z.array(
    z.looseObject({
      rule: text,
      clause: text,
      params: z.array(
        z.looseObject({
          name: text,
          from: text,
          value: z.json(),
          status: StatusSchema,
          source: text,
          clause: z.optional(text),
          note: z.optional(text),
        }),
      ),
      inputs: JsonRecord,
      value: z.json(),
    }),
  ),
});

/** `value` parsed with `schema`, or `InvalidInputError` listing every problem under `path` (`outcomes[2]`). */
export function parseArgument<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  path: readonly PropertyKey[],
): z.output<S> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new InvalidInputError(zodIssues(parsed.error.issues, path, undefined, schema));
  return parsed.data;
}
