import { optionsOf } from "../errors/shapes.js";
import { InvalidInputError } from "../errors/index.js";
import { knownList, echo } from "../errors/echo.js";
import { OTHER_SCHEMAS, toJsonSchema } from "../schemas/json-schema.js";
import { defaultProgramme } from "./default.js";
import { PROGRAMME_OPTION, type Programme } from "./programme.js";

/** The names `jsonSchema` knows: the default programme's case kinds, `ledger` and `rules`. */
export type SchemaName =
  | "enterprise-exit"
  | "structure-clearance"
  | "village-compensation"
  | "township-transfer"
  | "ledger"
  | "rules";

/** The schema names of a programme: its case kinds, then `ledger` and `rules`. */
export function schemaNames(programme: Programme = defaultProgramme): readonly string[] {
  return [...programme.kinds, ...OTHER_SCHEMAS.keys()];
}

/**
 * JSON Schema · the JSON Schema (draft 2020-12) of a case kind of the programme (with the fields its extensions
 * add), a ledger row, or a rule set, describing the input as written (decimal strings, dates), with the Chinese
 * labels as descriptions.
 *
 * In the root entry (DESIGN §7) and in `exitfund/rules`. It needs zod's JSON Schema converter, 6.8 KB gzip that
 * only an app which imports it pays: a page that only computes does not (README, "Use in a browser").
 *
 * @example jsonSchema("enterprise-exit").properties.energySavedTce.description // "节能量（吨标煤）"
 * @category schemas
 */
export function jsonSchema(
  name: SchemaName | (string & {}),
  options: { readonly programme?: Programme } = {},
): Record<string, unknown> {
  const checked = optionsOf(options, "options", { programme: PROGRAMME_OPTION });
  const programme = (checked.programme as Programme | undefined) ?? defaultProgramme;
  const schema = typeof name === "string" ? (programme.entry(name)?.schema ?? OTHER_SCHEMAS.get(name)) : undefined;
  if (schema === undefined)
    throw new InvalidInputError([
      {
        path: "schema",
        code: "unknown-schema",
        message: `no schema ${echo(name)}; known: ${knownList(schemaNames(programme))}`,
        zh: `没有结构定义 ${echo(name)}`,
      },
    ]);
  return toJsonSchema(schema, name);
}
