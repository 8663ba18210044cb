import { refuse } from "../errors/arguments.js";
import { describeValue, describeValueZh } from "../errors/echo.js";
import { echo, knownList } from "../errors/echo.js";
import { RuleSetError, type InputIssue } from "../errors/index.js";
import { deepFreeze } from "../freeze.js";
import { DEFAULT_ROUNDING } from "../money/decimal.js";
import { DECIMAL, MAX_AMOUNT_DIGITS, writtenDigits } from "../money/parse.js";
import { ParameterSchema, RuleSetSchema, SourceSchema } from "../schemas/rule-set.js";
import { zodIssues } from "../schemas/issues.js";
import { compileValue, paramUseOf } from "./compile.js";
import { nameKey } from "../vocabulary.js";
import { titleText, titlesOf } from "./title.js";
import type { AnyParameter } from "./handles.js";
import { COMPILED, type CompiledRuleSet } from "./lookup.js";
import type { ParamUse } from "./status.js";
import type {
  CompiledParameter,
  CompiledValue,
  ParameterJson,
  RuleCitationJson,
  RuleSet,
  RuleSetJson,
  SourceJson,
} from "./types.js";

/** What a rule set is checked against, and where the rule sets it may `extends` are found. */
export interface ResolveOptions {
  /** The parameters the programme's domains declare: the rule set values exactly these. */
  readonly parameters: readonly AnyParameter[];
  /** The rule names the programme knows: the `rules` block cites only these. */
  readonly rules: readonly string[];
  /** The bundled rule sets as JSON, by id. */
  readonly bundled: ReadonlyMap<string, RuleSetJson>;
  /** A rule set `extends` may name besides the bundled ones (looked up first): a loaded one, or JSON. */
  readonly base?: (name: string) => RuleSet | object | undefined;
  /** True for a bundled rule set itself, which may carry its own (bundled) id. */
  readonly bundledId?: boolean;
}

const issue = (path: string, code: string, message: string, zh: string): InputIssue => ({ path, code, message, zh });

const unknownSource = (path: string, id: string, known: Iterable<string>): InputIssue =>
  issue(
    path,
    "unknown-source",
    `names no entry of sources: ${echo(id)}; known: ${knownList(known)}`,
    `出处 ${echo(id)} 不在 sources 中`,
  );

/**
 * 规则集 · rule set — validates a rule-set JSON, applies `extends`, and compiles every parameter and citation.
 *
 * @remarks
 * Fails at load, with every problem listed, when the JSON is malformed, a `source` names no entry of
 * `sources`, the `from` dates of a parameter do not strictly increase, a value has the wrong shape,
 * a parameter the programme declares is missing or one it does not declare is given, a citation names
 * a rule the programme does not know, or the id is a bundled one — never later in the middle of a batch.
 */
export function resolveRuleSet(input: unknown, options: ResolveOptions): RuleSet {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    // Not an object at all: one problem, not one per parameter the rules need.
    throw new RuleSetError([
      issue(
        "",
        "not-a-rule-set",
        `a rule set is a JSON object { id, version, title, validFrom, sources, parameters, … }; got ${describeValue(input)}`,
        `规则集应为 JSON 对象 { id, version, title, validFrom, sources, parameters, … }；实际为 ${describeValueZh(input)}`,
      ),
    ]);
  const parsed = RuleSetSchema.safeParse(input, { reportInput: true });
  const reserved = reservedNames(input);
  if (!parsed.success || reserved.length > 0) {
    // List the parameter-level problems too (missing parameters, wrong shapes), not only the structural ones.
    const structural = parsed.success ? [] : zodIssues(parsed.error.issues, [], NO_LABELS, RuleSetSchema);
    const issues = [...reserved, ...structural, ...lenientIssues(input, options)];
    const unique = issues.filter((one, index) => issues.findIndex((other) => other.path === one.path) === index);
    throw new RuleSetError(unique);
  }
  const json = parsed.data as RuleSetJson;
  const issues: InputIssue[] = [];
  // An id that reads as a bundled one (TONGZHOU-2016, full-width, another dash) would pass for it as well.
  const bundled =
    options.bundledId === true ? undefined : [...options.bundled.keys()].find((id) => idKey(id) === idKey(json.id));
  if (bundled !== undefined)
    issues.push(
      issue(
        "id",
        "bundled-id",
        `${echo(json.id)} ${bundled === json.id ? "is" : `reads as "${bundled}",`} a bundled rule set's id: give yours its own, so its results cannot pass for the bundled one's`,
        `${echo(json.id)} ${bundled === json.id ? "是" : `形同 "${bundled}"，即`}内置规则集的编号，请另起编号`,
      ),
    );
  const resolved = forProgramme(resolveChain(json, options, issues, new Set([json.id])), json, options);
  // When `extends` names nothing usable, what the base would give is not "missing": that one problem is listed.
  const chainFailed = issues.some((one) => one.path === "extends" || one.path.startsWith("extends("));
  const compileIssues: InputIssue[] = [];
  const compiled = compile(resolved, options, compileIssues);
  issues.push(...(chainFailed ? compileIssues.filter((one) => one.code !== "missing-parameter") : compileIssues));
  if (issues.length > 0)
    throw new RuleSetError(
      issues,
      `rule set "${json.id}" has ${issues.length} problem${issues.length === 1 ? "" : "s"}:\n${issues
        .slice(0, 20)
        .map((one) => `  ${one.path}: ${one.message}`)
        .join("\n")}`,
    );
  return makeRuleSet(resolved, json.extends, compiled);
}

/**
 * Every `"__proto__"` key of the JSON, an issue each: the schema would drop it without a word (a parameter or a
 * citation of that name would silently not exist), so it is refused as a name instead. Walked with a stack of its
 * own, and each path made only for a key found, so JSON nested 100,000 deep is walked, not a stack overflow.
 */
function reservedNames(value: unknown): InputIssue[] {
  interface Node {
    readonly value: unknown;
    readonly parent?: Node;
    readonly key?: string;
    readonly inList?: boolean;
  }
  const pathOf = (node: Node): string => {
    const parts: string[] = [];
    for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent)
      parts.push(at.inList === true ? `[${at.key}]` : at.parent?.key === undefined ? at.key : `["${at.key}"]`);
    return parts.reverse().join("");
  };
  const found: InputIssue[] = [];
  const stack: Node[] = [{ value }];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const here = node.value;
    if (typeof here !== "object" || here === null) continue;
    if (Object.hasOwn(here, "__proto__"))
      found.push(
        issue(
          `${pathOf(node)}["__proto__"]`,
          "reserved-name",
          `"__proto__" cannot be a name in a rule set`,
          `"__proto__" 不能用作名称`,
        ),
      );
    const inList = Array.isArray(here);
    const children = Object.entries(here).filter(([key]) => key !== "__proto__");
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const [key, inner] = children[index] as [string, unknown];
      stack.push({ value: inner, parent: node, key, inList });
    }
  }
  return found;
}

/**
 * The resolved rule set without what it inherits for domains the programme does not have: a programme of some of
 * the bundled domains extends the bundled rule set and keeps only their parameters and citations. What the rule
 * set itself gives is kept, so a typo in it is still refused.
 */
function forProgramme(resolved: RuleSetJson, own: RuleSetJson, options: ResolveOptions): RuleSetJson {
  const declared = new Set(options.parameters.map((handle) => handle.name));
  const known = new Set(options.rules);
  const keep = <V>(entries: { readonly [key: string]: V }, wanted: ReadonlySet<string>, mine: object) =>
    Object.fromEntries(Object.entries(entries).filter(([key]) => wanted.has(key) || Object.hasOwn(mine, key)));
  return {
    ...resolved,
    ...(resolved.rules === undefined ? {} : { rules: keep(resolved.rules, known, own.rules ?? {}) }),
    parameters: keep(resolved.parameters, declared, own.parameters),
  };
}

function makeRuleSet(resolved: RuleSetJson, extendsName: string | undefined, compiled: CompiledRuleSet): RuleSet {
  const json = deepFreeze(resolved);
  const ruleSet = {
    id: json.id,
    version: json.version,
    title: titleText(json.title),
    titles: Object.freeze(titlesOf(json.title)),
    validFrom: json.validFrom,
    ...(extendsName === undefined ? {} : { extends: extendsName }),
    rounding: Object.freeze({ ...(json.rounding ?? DEFAULT_ROUNDING) }),
    toJSON: () => json,
  };
  Object.defineProperty(ruleSet, COMPILED, { value: deepFreeze(compiled), enumerable: false });
  return Object.freeze(ruleSet);
}

/** The rule set with every `extends` applied, base first; problems of the chain go to `issues`. */
function resolveChain(
  json: RuleSetJson,
  options: ResolveOptions,
  issues: InputIssue[],
  seen: Set<string>,
): RuleSetJson {
  if (json.extends === undefined) return json;
  const name = json.extends;
  const base = options.base?.(name) ?? options.bundled.get(name);
  if (base === undefined) {
    issues.push(
      issue(
        "extends",
        "unknown-extends",
        `names no bundled rule set ${echo(name)}; known: ${knownList(options.bundled.keys())} (or a file, or the id of a rule set given in ruleSets)`,
        `extends 所指规则集 ${echo(name)} 不存在`,
      ),
    );
    return withoutExtends(json);
  }
  if (isLoaded(base)) return mergeRuleSets(base.toJSON(), json);
  const parsed = RuleSetSchema.safeParse(base, { reportInput: true });
  if (!parsed.success) {
    issues.push(
      ...zodIssues(parsed.error.issues, [], NO_LABELS, RuleSetSchema).map((one) => ({
        ...one,
        path: `extends(${echo(name)})${one.path === "" ? "" : `.${one.path}`}`,
      })),
    );
    return withoutExtends(json);
  }
  const baseJson = parsed.data as RuleSetJson;
  if (seen.has(baseJson.id)) {
    issues.push(
      issue(
        "extends",
        "extends-cycle",
        `${echo(name)} leads back to rule set "${baseJson.id}": the rule sets extend each other in a circle`,
        `extends 形成循环`,
      ),
    );
    return withoutExtends(json);
  }
  return mergeRuleSets(resolveChain(baseJson, options, issues, new Set([...seen, baseJson.id])), json);
}

function withoutExtends(json: RuleSetJson): RuleSetJson {
  const { extends: _extends, ...own } = json;
  return own;
}

/** True for a loaded rule set (of any copy of exitfund): it carries its compiled parameters. */
export function isLoaded(value: unknown): value is RuleSet {
  return (
    typeof value === "object" &&
    value !== null &&
    COMPILED in value &&
    typeof (value as unknown as RuleSet).toJSON === "function"
  );
}

/** `value` if it is a loaded rule set (`loadRuleSet(json)`, `ruleSets["tongzhou-2016"]`), or it is refused at `path`. */
export function loadedRuleSetArgument(value: unknown, path: string): RuleSet {
  if (isLoaded(value)) return value;
  return refuse(
    path,
    "not-a-rule-set",
    `must be a loaded rule set: loadRuleSet(json) or ruleSets["tongzhou-2016"]; got ${describeValue(value)}`,
    `应为已加载的规则集：loadRuleSet(json) 或 ruleSets["tongzhou-2016"]；实际为 ${describeValueZh(value)}`,
  );
}

/** The problems of the parts of a structurally invalid rule set that do parse: each well-formed parameter, and the missing ones. */
function lenientIssues(input: unknown, options: ResolveOptions): InputIssue[] {
  if (typeof input !== "object" || input === null) return [];
  const raw = input as { extends?: unknown; sources?: unknown; parameters?: unknown };
  const sources = Array.isArray(raw.sources)
    ? raw.sources.filter((source) => SourceSchema.safeParse(source).success)
    : [];
  const given = typeof raw.parameters === "object" && raw.parameters !== null ? Object.entries(raw.parameters) : [];
  const parameters = given.filter(([, p]) => ParameterSchema.safeParse(p).success);
  // A parameter given but malformed has its own problems listed already: it is not "missing" as well.
  const malformed = new Set(given.filter(([, p]) => !ParameterSchema.safeParse(p).success).map(([key]) => key));
  const lenient = { sources, parameters: Object.fromEntries(parameters) } as unknown as RuleSetJson;
  const name = typeof raw.extends === "string" ? raw.extends : undefined;
  const base = name === undefined ? undefined : (options.base?.(name) ?? options.bundled.get(name));
  const baseJson = base === undefined ? undefined : isLoaded(base) ? base.toJSON() : (base as RuleSetJson);
  const merged =
    baseJson === undefined || !Array.isArray(baseJson.sources)
      ? lenient
      : {
          ...lenient,
          sources: [...baseJson.sources, ...lenient.sources],
          parameters: { ...baseJson.parameters, ...lenient.parameters },
        };
  const issues: InputIssue[] = [];
  compileParameters(forProgramme(merged, lenient, options), options, issues);
  return issues.filter(
    (one) =>
      one.code !== "missing-parameter" ||
      ((name === undefined || baseJson !== undefined) && !malformed.has(missingName(one.path))),
  );
}

/** The parameter a `missing-parameter` issue names (its path is `parameters["name"]`). */
function missingName(path: string): string {
  return path.startsWith('parameters["') && path.endsWith('"]') ? path.slice(12, -2) : "";
}

/** The child's parameters replace the base's whole; sources are merged by id and citations by rule (the child's win). */
function mergeRuleSets(base: RuleSetJson, child: RuleSetJson): RuleSetJson {
  const sources = new Map<string, SourceJson>(base.sources.map((source) => [source.id, source]));
  for (const source of child.sources) sources.set(source.id, source);
  const { extends: _extends, $schema: _schema, ...own } = child;
  const rules = { ...base.rules, ...child.rules };
  return {
    ...own,
    rounding: child.rounding ?? base.rounding ?? DEFAULT_ROUNDING,
    sources: [...sources.values()],
    ...(Object.keys(rules).length === 0 ? {} : { rules }),
    parameters: { ...base.parameters, ...child.parameters },
  };
}

function compile(resolved: RuleSetJson, options: ResolveOptions, issues: InputIssue[]): CompiledRuleSet {
  return Object.freeze({
    parameters: compileParameters(resolved, options, issues),
    rules: compileRules(resolved, options, issues),
    identity: Object.freeze({ id: resolved.id, version: resolved.version }),
  });
}

function compileRules(json: RuleSetJson, options: ResolveOptions, issues: InputIssue[]): CompiledRuleSet["rules"] {
  const known = new Set(options.rules);
  const sourceIds = new Set(json.sources.map((source) => source.id));
  const out = Object.create(null) as { [rule: string]: RuleCitationJson };
  for (const [rule, citation] of Object.entries(json.rules ?? {})) {
    const path = `rules[${JSON.stringify(rule.slice(0, 60))}]`;
    if (!known.has(rule)) {
      issues.push(
        issue(
          path,
          "unknown-rule",
          `is no rule of the programme, so nothing would cite it; known: ${knownList([...known].sort())}`,
          `不是本方案的规则名称`,
        ),
      );
      continue;
    }
    if (!sourceIds.has(citation.source)) issues.push(unknownSource(`${path}.source`, citation.source, sourceIds));
    out[rule] = Object.freeze({ source: citation.source, clause: citation.clause });
  }
  return Object.freeze(out);
}

/** A rule set's fields have no case labels (its `scale` is a rounding scale, not an enterprise's 规模). */
const NO_LABELS = (): undefined => undefined;

/** The Chinese part of a parameter's label (`中文 English`): `市级奖励下限 municipal reward floor` → `市级奖励下限`. */
export function chineseLabel(label: string): string {
  const chinese = label.replace(/\s+[A-Za-z(].*$/s, "").trim();
  return chinese === "" ? label : chinese;
}

function compileParameters(
  json: RuleSetJson,
  options: ResolveOptions,
  issues: InputIssue[],
): { readonly [name: string]: CompiledParameter } {
  const declared = new Map(options.parameters.map((handle) => [handle.name, handle]));
  const sourceIds = new Set(json.sources.map((source) => source.id));
  const out = Object.create(null) as { [name: string]: CompiledParameter };
  for (const [name, handle] of declared) {
    if (!Object.hasOwn(json.parameters, name))
      issues.push(
        issue(
          `parameters["${name}"]`,
          "missing-parameter",
          `is missing; the rules need it (${handle.label}, ${handle.unit})`,
          `缺少参数（${chineseLabel(handle.label)}）`,
        ),
      );
  }
  for (const [name, parameter] of Object.entries(json.parameters)) {
    const path = `parameters[${JSON.stringify(name.slice(0, 80))}]`;
    const handle = declared.get(name);
    if (handle === undefined) {
      issues.push(
        issue(
          path,
          "unknown-parameter",
          `is no parameter of the programme; known: ${knownList([...declared.keys()].sort())}`,
          `不是本方案声明的参数`,
        ),
      );
      continue;
    }
    out[name] = compileParameter(name, parameter, handle, path, sourceIds, issues);
  }
  return Object.freeze(out);
}

function compileParameter(
  name: string,
  parameter: ParameterJson,
  handle: AnyParameter,
  path: string,
  sourceIds: ReadonlySet<string>,
  issues: InputIssue[],
): CompiledParameter {
  if (!sourceIds.has(parameter.source)) issues.push(unknownSource(`${path}.source`, parameter.source, sourceIds));
  const values: CompiledValue<unknown>[] = [];
  parameter.values.forEach((entry, index) => {
    const at = `${path}.values[${index}]`;
    const previous = parameter.values[index - 1];
    if (previous !== undefined && !(entry.from > previous.from))
      issues.push(
        issue(
          `${at}.from`,
          "dates-not-increasing",
          `must come after the previous value's date ${previous.from}; dates must strictly increase`,
          `日期须晚于前一个值的日期 ${previous.from}`,
        ),
      );
    if (entry.source !== undefined && !sourceIds.has(entry.source))
      issues.push(unknownSource(`${at}.source`, entry.source, sourceIds));
    const status = entry.status ?? parameter.status;
    if (status === "official" && (entry.clause ?? parameter.clause) === undefined)
      issues.push(
        issue(
          at,
          "official-without-clause",
          "is marked official but cites no clause; give the clause of the official text",
          "标为官方（official）但未注明条款",
        ),
      );
    let value: unknown = null;
    const digits = longestFigure(entry.value);
    if (digits > MAX_AMOUNT_DIGITS)
      issues.push(
        issue(
          `${at}.value`,
          "too-many-digits",
          `has a figure of ${digits} digits; at most ${MAX_AMOUNT_DIGITS} are computed exactly (no real rate or amount needs more: check the value)`,
          `该数值有 ${digits} 位数字，最多只能精确计算 ${MAX_AMOUNT_DIGITS} 位（实际的费率或金额用不到这么多位：请核对该值）`,
        ),
      );
    else if (entry.value !== null) {
      const compiled = compileValue(handle.kind, entry.value);
      if (!compiled.ok)
        issues.push(
          issue(
            `${at}.value`,
            "invalid-parameter-value",
            `${compiled.message}; got ${JSON.stringify(entry.value).slice(0, 80)}`,
            `${compiled.zh}；实际为 ${JSON.stringify(entry.value).slice(0, 80)}`,
          ),
        );
      else value = compiled.value;
    }
    const clause = entry.clause ?? parameter.clause;
    const note = entry.note ?? parameter.note;
    const cited = {
      name,
      from: entry.from,
      json: entry.value,
      status,
      source: entry.source ?? parameter.source,
      ...(clause === undefined ? {} : { clause }),
      ...(note === undefined ? {} : { note }),
    };
    values.push(Object.freeze({ ...cited, value, use: paramUseOf(cited), cells: cellUses(cited) }));
  });
  const aliases = compileAliases(parameter, handle, path, issues);
  return Object.freeze({ name, values: Object.freeze(values), aliases });
}

/**
 * The most digits of a decimal figure anywhere in a value (a rate, a table's cells, a scale's thresholds): the kernel
 * computes at 60 significant digits, so a figure of more than {@link MAX_AMOUNT_DIGITS} would lose digits silently
 * in a product with an amount.
 */
function longestFigure(value: unknown): number {
  if (typeof value === "string") return DECIMAL.test(value) ? writtenDigits(value) : 0;
  if (typeof value !== "object" || value === null) return 0;
  return Math.max(0, ...Object.values(value).map(longestFigure));
}

/**
 * The other names of a table's keys, by name (compared as {@link nameKey} does): only a table has keys, each key
 * named must be one of its keys, and no name may stand for two keys (or be another key).
 */
function compileAliases(
  parameter: ParameterJson,
  handle: AnyParameter,
  path: string,
  issues: InputIssue[],
): ReadonlyMap<string, string> {
  const byName = new Map<string, string>();
  const kind = handle.kind;
  if (kind.type !== "table" && kind.type !== "rate-table") {
    if (parameter.aliases === undefined) return byName;
    issues.push(
      issue(
        `${path}.aliases`,
        "aliases-not-a-table",
        "only a table's keys have other names; this parameter is no table",
        "只有表格参数的键才能有同义词，本参数不是表格",
      ),
    );
    return byName;
  }
  const keys = new Set(
    kind.type === "table"
      ? kind.keys
      : parameter.values.flatMap((entry) =>
          typeof entry.value === "object" && entry.value !== null ? Object.keys(entry.value) : [],
        ),
  );
  for (const key of keys) byName.set(nameKey(key), key);
  for (const [key, names] of Object.entries(parameter.aliases ?? {})) {
    const at = `${path}.aliases[${JSON.stringify(key.slice(0, 60))}]`;
    if (!keys.has(key)) {
      issues.push(
        issue(
          at,
          "alias-of-unknown-key",
          `names other names of ${echo(key)}, which is no key of the table; its keys: ${knownList([...keys])}`,
          `${echo(key)} 不是该表格的键，无法为其设同义词；表格的键：${knownList([...keys], undefined, "、")}`,
        ),
      );
      continue;
    }
    names.forEach((name, index) => {
      const wanted = nameKey(name);
      const other = byName.get(wanted);
      if (other !== undefined && other !== key)
        issues.push(
          issue(
            `${at}[${index}]`,
            "alias-twice",
            `${echo(name)} already names ${echo(other)}; one name stands for one key, or a sheet could not tell which is meant`,
            `${echo(name)} 已是 ${echo(other)} 的名称；一个名称只能对应一个键，否则无法判断所指`,
          ),
        );
      else byName.set(wanted, key);
    });
  }
  return Object.freeze(byName) as ReadonlyMap<string, string>;
}

/** How a trace cites each cell of a table value, made once here and shared by every trace. */
function cellUses(value: Parameters<typeof paramUseOf>[0]): { readonly [key: string]: ParamUse } {
  const out = Object.create(null) as { [key: string]: ParamUse };
  const json = value.json;
  if (typeof json === "object" && json !== null && !Array.isArray(json) && !("brackets" in json))
    for (const key of Object.keys(json)) out[key] = paramUseOf(value, key);
  return Object.freeze(out);
}

/**
 * A rule-set id as a reader takes it in: compatibility forms folded (full-width letters, NFKC), case ignored,
 * every kind of dash and underscore read as `-`, spaces dropped. Two ids with the same key look the same.
 */
function idKey(id: string): string {
  return [
    ...id
      .normalize("NFKC")
      .toLowerCase()
      // Invisible: format characters (soft hyphen, zero-width spaces and joiners, BOM), variation selectors, the
      // combining grapheme joiner; and what only separates: dashes, underscores, dots, spaces.
      .replace(/[\p{Cf}\u034F\uFE00-\uFE0F\u{E0100}-\u{E01EF}\p{Pd}\p{Pc}\p{Zs}\s.\u00B7\u30FB\u2212]/gu, ""),
  ]
    .map((character) => LATIN_LOOK_ALIKES.get(character) ?? character)
    .join("");
}

/** Cyrillic and Greek lower-case letters drawn as a Latin letter (`tоngzhou` with a Cyrillic о). */
const LATIN_LOOK_ALIKES: ReadonlyMap<string, string> = new Map(
  [..."аaвbсcеeһhіiјjкkмmнhоoрpѕsтtуyхxԁdԛqԝwαaβbεeηnιiκkνvοoρpτtυuχxωw"]
    .join("")
    .match(/../gu)
    ?.map((pair) => [pair[0] as string, pair[1] as string] as const) ?? [],
);
