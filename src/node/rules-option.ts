import type { RuleSet } from "../parameters/types.js";
import { bundledRuleSet, defaultRuleSet, loadRuleSet } from "../rule-sets/index.js";
import type { CliIo } from "./io.js";
import { parseJsonText, readText } from "./read.js";

/** `--rules <file|id>`: a bundled rule-set id, or the path of a rule-set JSON file (validated, `extends` applied). */
export async function loadRulesOption(value: string | undefined, io: CliIo): Promise<RuleSet> {
  if (value === undefined) return defaultRuleSet;
  const bundled = bundledRuleSet(value);
  if (bundled !== undefined) return bundled;
  return loadRuleSet(parseJsonText(await readText(value, io), value));
}
