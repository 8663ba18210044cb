import * as z from "zod/mini";
import { LedgerRowSchema } from "./cases.js";
import { RuleSetSchema } from "./rule-set.js";

/** The schemas that are not case kinds: a ledger row and a rule set. */
export const OTHER_SCHEMAS: ReadonlyMap<string, z.ZodMiniType> = new Map<string, z.ZodMiniType>([
  ["ledger", LedgerRowSchema],
  ["rules", RuleSetSchema],
]);

/**
 * The JSON Schema (draft 2020-12) of a zod schema named `name`, describing the input as written (decimal
 * strings, dates), with the Chinese labels as descriptions.
 */
export function toJsonSchema(schema: z.ZodMiniType, name: string): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { $id: `https://exitfund.invalid/schemas/${name}.json`, title: `exitfund ${name}`, ...out };
}
