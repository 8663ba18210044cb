import * as z from "zod";
import { InvalidInputError } from "../errors/index.js";
import {
  EnterpriseExitSchema,
  LedgerRowSchema,
  StructureClearanceSchema,
  TownshipTransferSchema,
  VillageCompensationSchema,
} from "./cases.js";
import { RuleSetSchema } from "./rule-set.js";

const SCHEMAS = {
  "enterprise-exit": EnterpriseExitSchema,
  "structure-clearance": StructureClearanceSchema,
  "village-compensation": VillageCompensationSchema,
  "township-transfer": TownshipTransferSchema,
  ledger: LedgerRowSchema,
  rules: RuleSetSchema,
} as const;

export type SchemaName = keyof typeof SCHEMAS;
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];

/**
 * JSON Schema · the JSON Schema (draft 2020-12) of a case kind, a ledger row, or a rule set, describing
 * the input as written (decimal strings, dates), with the Chinese labels as descriptions.
 *
 * @example jsonSchema("enterprise-exit").properties.energySavedTce.description // "节能量(吨标煤)"
 */
export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const schema = SCHEMAS[name];
  if (schema === undefined)
    throw new InvalidInputError([
      { path: "schema", message: `no schema "${String(name)}"; known: ${SCHEMA_NAMES.join(", ")}` },
    ]);
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { $id: `https://exitfund.invalid/schemas/${name}.json`, title: `exitfund ${name}`, ...out };
}
