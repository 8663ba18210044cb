import { renderExplanation, type ExplainTexts, type Lang } from "../trace/explain.js";
import type { MessageCatalog, OutcomeBase } from "../trace/types.js";
import { defaultProgramme } from "./default.js";
import { catalogsOf, type Programme } from "./programme.js";

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
 * @example explain(compute(myCase), { lang: "zh" })
 * @category explain
 */
export function explain(
  outcome: OutcomeBase,
  options: { readonly lang?: Lang; readonly programme?: Programme; readonly catalogs?: readonly MessageCatalog[] } = {},
): string {
  return renderExplanation(
    outcome,
    explainTexts(options.programme ?? defaultProgramme, options.catalogs),
    options.lang ?? "en",
  );
}
