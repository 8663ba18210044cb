import { listArgument, oneOfOption, optionsArgument, type OptionCheck } from "../errors/arguments.js";
import { ExplainedOutcomeSchema, parseArgument } from "../schemas/outcome.js";
import { renderExplanation, type ExplainTexts, type Lang } from "../trace/explain.js";
import type { MessageCatalog, OutcomeBase } from "../trace/types.js";
import { defaultProgramme } from "./default.js";
import { catalogsOf, PROGRAMME_OPTION, type Programme } from "./programme.js";

export type { Lang } from "../trace/explain.js";

/** The texts of a programme for explanations: its kinds' and tracks' names, and its domains' catalogs. */
export function explainTexts(programme: Programme, catalogs?: readonly MessageCatalog[]): ExplainTexts {
  return {
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
 * parameters (value, date, status) behind it. The texts are the programme's (default `defaultProgramme`);
 * `catalogs` replaces its message catalogs.
 *
 * @throws InvalidInputError when `outcome` is not an outcome (every missing or wrong field named, under `outcome`)
 * or an option is unknown or of the wrong kind.
 * @example explain(compute(myCase), { lang: "zh" })
 * @category explain
 */
export function explain(
  outcome: OutcomeBase,
  options: { readonly lang?: Lang; readonly programme?: Programme; readonly catalogs?: readonly MessageCatalog[] } = {},
): string {
  const given = optionsArgument(options, "options", EXPLAIN_OPTIONS) as typeof options;
  if (given.catalogs !== undefined) listArgument(given.catalogs, "options.catalogs", CATALOGS);
  const checked = parseArgument(ExplainedOutcomeSchema, outcome, ["outcome"]) as unknown as OutcomeBase;
  return renderExplanation(
    checked,
    explainTexts(given.programme ?? defaultProgramme, given.catalogs),
    given.lang ?? "en",
  );
}

const CATALOGS = Object.freeze({ en: "message catalogs", zh: "消息目录" });
const EXPLAIN_OPTIONS: { readonly [option: string]: OptionCheck } = Object.freeze({
  lang: oneOfOption(["zh", "en"]),
  programme: PROGRAMME_OPTION,
  catalogs: Object.freeze({ accepts: "a list of message catalogs", zh: "消息目录的列表", test: Array.isArray }),
});
