import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { RuleSet } from "../parameters/types.js";
import { checkProgramme } from "../rule-sets/index.js";
import { defaultProgramme } from "../rules/default.js";
import { isProgramme, type Programme } from "../rules/programme.js";
import { UsageError, type CliIo } from "./io.js";
import { loadRulesOption } from "./rules-option.js";

/**
 * `--programme <module>`: an ES module (path relative to the working directory) whose default export, or export
 * `programme`, is a programme built with `programme(...)` from `exitfund/rules`. Default: the default programme.
 *
 * @throws UsageError when the module cannot be read or loaded, or exports no programme.
 */
export async function loadProgrammeOption(value: string | undefined, io: CliIo): Promise<Programme> {
  if (value === undefined) return defaultProgramme;
  const path = resolve(io.cwd, value);
  try {
    await stat(path);
  } catch (error) {
    throw new UsageError(
      `cannot read the programme "${value}": ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
  let module: { readonly default?: unknown; readonly programme?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as typeof module;
  } catch (error) {
    throw new UsageError(`cannot load the programme "${value}": ${(error as Error).message.split("\n")[0] ?? ""}`);
  }
  const found = [module.default, module.programme].find(isProgramme);
  if (found === undefined)
    throw new UsageError(
      `"${value}" exports no programme: give it \`export default programme(...)\` (or \`export const programme = …\`) built with exitfund/rules`,
    );
  return found;
}

/**
 * `--programme` and `--rules` together: the programme, and the rule set loaded for it, checked to value every
 * parameter the programme declares (a programme with new parameters needs a rule set that values them).
 */
export async function loadProgrammeAndRules(
  values: { readonly [name: string]: string | boolean | undefined },
  io: CliIo,
): Promise<{ programme: Programme; ruleSet: RuleSet }> {
  const programme = await loadProgrammeOption(values.programme as string | undefined, io);
  const ruleSet = await loadRulesOption(values.rules as string | undefined, io, programme);
  checkProgramme(ruleSet, programme);
  return { programme, ruleSet };
}
