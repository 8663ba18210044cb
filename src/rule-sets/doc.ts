import { catalogueMarkdown } from "../parameters/doc.js";
import { optionsOf, reading } from "../errors/shapes.js";
import { loadedRuleSetArgument } from "../parameters/load.js";
import type { RuleSet } from "../parameters/types.js";
import { defaultProgramme } from "../rules/default.js";
import { PROGRAMME_OPTION, type Programme } from "../rules/programme.js";

/**
 * 规则集目录 · rule-set catalogue — a rule set as Markdown, one section per domain of the programme (default
 * `defaultProgramme`): its parameters with every dated value, status and citation, and its rules with the
 * clause each cites (or "no clause given"); every illustrative value is listed first. In `exitfund/rules`, with
 * `jsonSchema`: what describes a programme, which a page that only computes does not pay for.
 * @category rule sets
 */
export function ruleSetMarkdown(ruleSet: RuleSet, options: { readonly programme?: Programme } = {}): string {
  reading("ruleSet", () => loadedRuleSetArgument(ruleSet, "ruleSet"));
  const { programme = defaultProgramme } = optionsOf(options, "options", { programme: PROGRAMME_OPTION }) as {
    readonly programme?: Programme;
  };
  return catalogueMarkdown(
    ruleSet,
    programme.domains.map((domain) => ({
      title: `${domain.labels.en.charAt(0).toUpperCase()}${domain.labels.en.slice(1)} · ${domain.labels.zh}`,
      parameters: domain.parameters,
      rules: Object.entries(domain.messages.rules).map(([name, label]) => ({ name, label })),
    })),
  );
}
