import { catalogueMarkdown } from "../parameters/doc.js";
import type { RuleSet } from "../parameters/types.js";
import { defaultProgramme } from "../rules/default.js";
import type { Programme } from "../rules/programme.js";

/**
 * 规则集目录 · rule-set catalogue — a rule set as Markdown, one section per domain of the programme (default
 * `defaultProgramme`): its parameters with every dated value, status and citation, and its rules with the
 * clause each cites (or "no clause given"); every illustrative value is listed first.
 * @category rule sets
 */
export function ruleSetMarkdown(ruleSet: RuleSet, options: { readonly programme?: Programme } = {}): string {
  const programme = options.programme ?? defaultProgramme;
  return catalogueMarkdown(
    ruleSet,
    programme.domains.map((domain) => ({
      title: `${domain.labels.en.charAt(0).toUpperCase()}${domain.labels.en.slice(1)} · ${domain.labels.zh}`,
      parameters: domain.parameters,
      rules: Object.entries(domain.messages.rules).map(([name, label]) => ({ name, label })),
    })),
  );
}
