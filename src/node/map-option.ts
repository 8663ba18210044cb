import type { RuleSet } from "../parameters/types.js";
import type { Programme } from "../rules/programme.js";
import { LAYOUTS } from "./formats/columns.js";
import type { TableMapping } from "./formats/table.js";
import type { CliIo } from "./io.js";
import { readMapping } from "./read.js";

/**
 * `--map <file>`: a mapping of a sheet's columns and values onto a case kind's layout (docs/files.md, "Mappings"),
 * checked against the programme's layouts and the rule set's keys; undefined without the option.
 */
export async function loadMapOption(
  values: { readonly [name: string]: string | boolean | undefined },
  io: CliIo,
  context: { readonly programme: Programme; readonly ruleSet: RuleSet },
): Promise<TableMapping | undefined> {
  const file = values.map;
  return typeof file === "string" ? await readMapping(file, io, context) : undefined;
}

/** `--ledger-map <file>`: a mapping of a finance system's export onto the ledger's columns; undefined without it. */
export async function loadLedgerMapOption(
  values: { readonly [name: string]: string | boolean | undefined },
  io: CliIo,
): Promise<TableMapping | undefined> {
  const file = values["ledger-map"];
  return typeof file === "string" ? await readMapping(file, io, { layout: LAYOUTS.ledger }) : undefined;
}
