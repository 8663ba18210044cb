import { echoText } from "../../errors/echo.js";
import { jsonSchema, schemaNames } from "../../rules/jsonSchema.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { emit, jsonText } from "../output.js";
import { loadProgrammeOption } from "../programme-option.js";
import { checkOutput, optionInputs, parseCommand } from "./args.js";
import { HELP_ZH } from "../help-zh.js";
import type { Said } from "../messages.js";

/** `exitfund schema --help` in each language. */
export const SCHEMA_HELP: Said = {
  en: `exitfund schema <${schemaNames().join("|")}> [--out <file>] [--programme <module>]

Prints the JSON Schema (draft 2020-12) of a case kind, a ledger row or a rule set: every field with
its Chinese label, what it accepts, and which fields are required. Editors validate a case file
that points at it with "$schema".
--programme  an ES module whose default export is a programme (exitfund/rules): its case kinds, with the
             fields its extensions add (docs/extending.md)
  exitfund schema enterprise-exit > enterprise-exit.schema.json`,
  zh: HELP_ZH.schema,
};

export async function runSchema(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, { out: "string", programme: "string" }, SCHEMA_HELP, io);
  if (values.help === true) return EXIT.ok;
  const programme = await loadProgrammeOption(values.programme as string | undefined, io);
  const names = schemaNames(programme);
  const name = positionals[0];
  if (name === undefined || !names.includes(name) || positionals.length > 1) {
    throw new UsageError(
      `schema takes one of ${names.join(", ")}${name === undefined ? "" : `; got "${echoText(positionals.join(" "))}"`}`,
      { code: "unknown-schema", zh: `schema 需要以下之一：${names.join("、")}` },
    );
  }
  const out = values.out as string | undefined;
  await checkOutput(io, out, "json", optionInputs(values));
  await emit(io, jsonText(jsonSchema(name, { programme })), out);
  return EXIT.ok;
}
