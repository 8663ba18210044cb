import { denseListArgument, isPlainObject, optionsArgument, refuse } from "../errors/arguments.js";
import { describeValue, describeValueZh, echo, knownList } from "../errors/echo.js";
import { InvalidInputError, RuleSetError } from "../errors/index.js";
import { deepFreeze } from "../freeze.js";
import { compiledParameter } from "../parameters/lookup.js";
import { isLoaded, resolveRuleSet } from "../parameters/load.js";
import type { RuleSet, RuleSetJson } from "../parameters/types.js";
import { defaultProgramme } from "../rules/default.js";
import { PROGRAMME_OPTION, type Programme } from "../rules/programme.js";
import tongzhou2016Json from "./tongzhou-2016.json";

/** The bundled rule sets as JSON, by id: what a user's rule set may `extends`. */
export const bundledRuleSetJson: ReadonlyMap<string, RuleSetJson> = new Map([
  ["tongzhou-2016", deepFreeze(tongzhou2016Json as RuleSetJson)],
]);

/** How a rule set is loaded: for which programme, and which other rule sets its `extends` may name. */
export interface LoadOptions {
  /** The programme whose domains' parameters the rule set values (default `defaultProgramme`). */
  readonly programme?: Programme;
  /** Rule sets (loaded, or JSON) that `extends` may name by their id, besides the bundled ones. */
  readonly ruleSets?: readonly (RuleSet | RuleSetJson)[];
}

/**
 * 规则集 · rule set — validates a rule-set JSON, applies `extends`, and compiles it for a programme.
 *
 * @remarks
 * Accepts exactly the parameters the programme's domains declare (a typo is refused), citations only for rules
 * the programme knows, and `extends` naming a bundled id or the id of a rule set passed in `ruleSets`. A user rule
 * set may not take a bundled id. Throws `RuleSetError` listing every problem.
 * @example const mine = loadRuleSet({ ...myJson, extends: "tongzhou-2016" }, { programme: changping });
 * @category rule sets
 */
export function loadRuleSet(json: unknown, options: LoadOptions = {}): RuleSet {
  const given = optionsArgument(options, "options", LOAD_OPTIONS) as LoadOptions;
  if (!isPlainObject(json))
    throw new RuleSetError([
      {
        path: "ruleSet",
        code: "not-a-rule-set",
        message: `must be rule-set JSON: an object { id, version, title, validFrom, sources, parameters, … }; got ${describeValue(json)}`,
        zh: `应为规则集 JSON：对象 { id, version, title, validFrom, sources, parameters, … }；实际为 ${describeValueZh(json)}`,
      },
    ]);
  const bases = new Map<string, RuleSet | RuleSetJson>();
  const list = denseListArgument(given.ruleSets ?? [], "options.ruleSets", { en: "rule sets", zh: "规则集" });
  list.forEach((base, index) => {
    if (!isLoaded(base) && !isPlainObject(base))
      refuse(
        `options.ruleSets[${index}]`,
        "not-a-rule-set",
        `must be a loaded rule set or rule-set JSON; got ${describeValue(base)}`,
        `应为已加载的规则集或规则集 JSON；实际为 ${describeValueZh(base)}`,
      );
    const id = (base as { id?: unknown }).id;
    if (typeof id === "string") bases.set(id, base as RuleSet | RuleSetJson);
  });
  return loadWith(json, given.programme ?? defaultProgramme, (name) => bases.get(name));
}

const LOAD_OPTIONS = Object.freeze({
  programme: PROGRAMME_OPTION,
  ruleSets: Object.freeze({ accepts: "a list of rule sets", zh: "规则集的列表", test: Array.isArray }),
});

/**
 * Loads a rule set for `programme`, `base(name)` giving what its `extends` names besides the bundled ones (a file
 * on the command line); `bundledId` lets a rule set keep a bundled id (a what-if step derived from one).
 */
export function loadWith(
  json: unknown,
  programme: Programme,
  base?: (name: string) => RuleSet | object | undefined,
  bundledId = false,
): RuleSet {
  return resolveRuleSet(json, {
    parameters: programme.parameters,
    rules: programme.rules,
    bundled: bundledRuleSetJson,
    ...(base === undefined ? {} : { base }),
    bundledId,
  });
}

/** The bundled rule sets, loaded for the default programme, by id. */
export const ruleSets: { readonly "tongzhou-2016": RuleSet } = Object.freeze({
  "tongzhou-2016": loadWith(tongzhou2016Json, defaultProgramme, undefined, true),
});

const bundled: ReadonlyMap<string, RuleSet> = new Map(Object.entries(ruleSets));

/** The default rule set. */
export const defaultRuleSet: RuleSet = ruleSets["tongzhou-2016"];

/** A bundled rule set by id, or undefined (a name such as `toString` is no bundled rule set). */
export function bundledRuleSet(id: string): RuleSet | undefined {
  return bundled.get(id);
}

/** A rule set, a bundled id, or rule-set JSON. */
export type RuleSetInput = RuleSet | string | object;

/**
 * What a caller passed as a rule set, loaded for `programme` (default `tongzhou-2016`), and checked to value every
 * parameter the programme declares.
 */
export function resolveRuleSetInput(
  input: RuleSetInput | undefined,
  programme: Programme = defaultProgramme,
  path = "ruleSet",
): RuleSet {
  let ruleSet: RuleSet;
  if (input === undefined) ruleSet = defaultRuleSet;
  else if (typeof input === "string") {
    const found = bundledRuleSet(input);
    if (found === undefined)
      throw new InvalidInputError([
        {
          path,
          code: "unknown-rule-set",
          message: `no bundled rule set ${echo(input)}; known: ${knownList(bundled.keys())}`,
          zh: `没有内置规则集 ${echo(input)}`,
        },
      ]);
    ruleSet = found;
  } else if (isLoaded(input)) ruleSet = input;
  else if (typeof input !== "object" || input === null || Array.isArray(input))
    refuse(
      path,
      "not-a-rule-set",
      `must be a rule set: a loaded one, a bundled id such as "tongzhou-2016", or rule-set JSON; got ${describeValue(input)}`,
      `应为规则集：已加载的规则集、内置规则集编号（如 tongzhou-2016）或规则集 JSON；实际为 ${describeValueZh(input)}`,
    );
  else ruleSet = loadWith(input, programme);
  checkProgramme(ruleSet, programme);
  return ruleSet;
}

/** A rule set computes a programme only when it values every parameter the programme's domains declare. */
export function checkProgramme(ruleSet: RuleSet, programme: Programme): void {
  const missing = programme.parameters.filter((handle) => compiledParameter(ruleSet, handle.name) === undefined);
  if (missing.length === 0) return;
  const names = knownList(missing.map((handle) => handle.name));
  throw new RuleSetError(
    missing.map((handle) => ({
      path: `parameters["${handle.name}"]`,
      code: "rule-set-not-for-programme",
      message: `is not valued by rule set "${ruleSet.id}", which was loaded for another programme; give a rule set that values it (--rules <file> on the command line, loadRuleSet(json, { programme }) in the library)`,
      zh: `规则集"${ruleSet.id}"未为本方案的参数赋值`,
    })),
    `rule set "${ruleSet.id}" does not value ${names}, which the programme declares; give a rule set that values them (--rules <file>, or loadRuleSet(json, { programme }))`,
  );
}
