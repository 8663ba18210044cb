import { resolveRuleSet } from "../parameters/load.js";
import type { RuleSet, RuleSetJson } from "../parameters/types.js";
import tongzhou2016Json from "./tongzhou-2016.json";

/** The bundled rule sets as JSON, by id: what a user's rule set may `extends`. */
export const bundledRuleSetJson: { readonly "tongzhou-2016": RuleSetJson; readonly [id: string]: RuleSetJson } = {
  "tongzhou-2016": tongzhou2016Json as RuleSetJson,
};

/**
 * 规则集 · rule set — validates a rule-set JSON, applies `extends` (a bundled id), and compiles it.
 *
 * @remarks Throws `RuleSetError` listing every problem when the rule set is malformed or lacks a parameter the rules need.
 * @example const mine = loadRuleSet({ ...myJson, extends: "tongzhou-2016" });
 */
export function loadRuleSet(json: unknown): RuleSet {
  return resolveRuleSet(json, bundledRuleSetJson);
}

/** The bundled rule sets, loaded, by id. */
export const ruleSets: { readonly "tongzhou-2016": RuleSet } = {
  "tongzhou-2016": loadRuleSet(tongzhou2016Json),
};

/** The default rule set. */
export const defaultRuleSet: RuleSet = ruleSets["tongzhou-2016"];

/** A bundled rule set by id, or undefined. */
export function bundledRuleSet(id: string): RuleSet | undefined {
  return (ruleSets as { readonly [id: string]: RuleSet })[id];
}
