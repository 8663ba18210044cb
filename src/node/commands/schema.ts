import { echoText } from "../../errors/echo.js";
import { SCHEMA_NAMES, jsonSchema, type SchemaName } from "../../schemas/json-schema.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { emit, jsonText } from "../output.js";
import { checkOutput, parseCommand } from "./args.js";

export const SCHEMA_HELP = `exitfund schema <${SCHEMA_NAMES.join("|")}> [--out <file>]

Prints the JSON Schema (draft 2020-12) of a case kind, a ledger row or a rule set: every field with
its Chinese label, what it accepts, and which fields are required. Editors validate a case file
that points at it with "$schema".
  exitfund schema enterprise-exit > enterprise-exit.schema.json`;

export async function runSchema(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { out: "string" }, SCHEMA_HELP, io);
  if (values.help === true) return EXIT.ok;
  const name = positionals[0];
  if (name === undefined || !(SCHEMA_NAMES as readonly string[]).includes(name) || positionals.length > 1) {
    throw new UsageError(
      `schema takes one of ${SCHEMA_NAMES.join(", ")}${name === undefined ? "" : `; got "${echoText(positionals.join(" "))}"`}`,
      { code: "unknown-schema", zh: `schema 需要以下之一：${SCHEMA_NAMES.join("、")}` },
    );
  }
  const out = values.out as string | undefined;
  await checkOutput(io, out, "json", []);
  await emit(io, jsonText(jsonSchema(name as SchemaName)), out);
  return EXIT.ok;
}
