import { listArgument, oneOfOption, optionsArgument, type OptionCheck } from "../errors/arguments.js";
import { ExplainedOutcomeSchema, parseArgument } from "../schemas/outcome.js";
import { renderExplanation, type ExplainTexts, type Lang } from "../trace/explain.js";
import type { MessageCatalog, OutcomeBase } from "../trace/types.js";
import type { RuleSet } from "../parameters/types.js";
import { bundledRuleSetJson } from "../rule-sets/index.js";
import { defaultProgramme } from "./default.js";
import { catalogsOf, PROGRAMME_OPTION, type Programme } from "./programme.js";

export type { Lang } from "../trace/explain.js";

/**
 * The texts of a programme for explanations: its kinds' and tracks' names, its domains' catalogs, and the sources
 * of the rule set (to name a parameter's source by its title).
 */
export function explainTexts(
  programme: Programme,
  catalogs?: readonly MessageCatalog[],
  sources?: readonly { readonly id: string; readonly title: string }[],
): ExplainTexts {
  return {
    ...(sources === undefined ? {} : { sources }),
    kindLabel: (kind) => programme.entry(kind)?.domain.labels,
    trackLabel: (kind, track) => {
      const tracks = programme.entry(kind)?.domain.tracks;
      return tracks !== undefined && Object.hasOwn(tracks, track) ? tracks[track] : undefined;
    },
    catalogs: catalogs ?? catalogsOf(programme),
  };
}

/**
 * 说明 · explain — an outcome as a short, readable account in Chinese or English: the track, the amounts in ¥ and
 * 大写, the reasons (decisive first), the findings, and each computed figure with the rule, the clause and the
 * parameters (value, date, status, source) behind it: each step a sentence with its arithmetic in the trace's own
 * figures, each condition met or not with what it decides. The texts are the programme's (default
 * `defaultProgramme`); `catalogs` replaces its message catalogs; `ruleSet` names the sources (default: the bundled
 * rule set the outcome names).
 *
 * @throws InvalidInputError when `outcome` is not an outcome (every missing or wrong field named, under `outcome`)
 * or an option is unknown or of the wrong kind.
 * @example explain(compute(myCase), { lang: "zh" })
 * @category explain
 */
export function explain(
  outcome: OutcomeBase,
  options: {
    readonly lang?: Lang;
    readonly programme?: Programme;
    readonly catalogs?: readonly MessageCatalog[];
    readonly ruleSet?: RuleSet;
  } = {},
): string {
  const given = optionsArgument(options, "options", EXPLAIN_OPTIONS) as typeof options;
  if (given.catalogs !== undefined) listArgument(given.catalogs, "options.catalogs", CATALOGS);
  const checked = parseArgument(ExplainedOutcomeSchema, outcome, ["outcome"]) as unknown as OutcomeBase;
  return renderExplanation(
    checked,
    explainTexts(given.programme ?? defaultProgramme, given.catalogs, sourcesOf(checked, given.ruleSet)),
    given.lang ?? "en",
  );
}

/** The sources of the rule set an outcome names: the one given, else the bundled one of that id and version. */
export function sourcesOf(
  outcome: Pick<OutcomeBase, "ruleSet">,
  ruleSet?: RuleSet,
): readonly { readonly id: string; readonly title: string }[] | undefined {
  const json = ruleSet === undefined ? bundledRuleSetJson.get(outcome.ruleSet.id) : ruleSet.toJSON();
  return json !== undefined && json.id === outcome.ruleSet.id && json.version === outcome.ruleSet.version
    ? json.sources
    : undefined;
}

const CATALOGS = Object.freeze({ en: "message catalogs", zh: "消息目录" });
const EXPLAIN_OPTIONS: { readonly [option: string]: OptionCheck } = Object.freeze({
  lang: oneOfOption(["zh", "en"]),
  programme: PROGRAMME_OPTION,
  catalogs: Object.freeze({ accepts: "a list of message catalogs", zh: "消息目录的列表", test: Array.isArray }),
  ruleSet: Object.freeze({
    accepts: "a rule set (loadRuleSet)",
    zh: "规则集（loadRuleSet 的结果）",
    test: (value: unknown) =>
      typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function",
  }),
});
