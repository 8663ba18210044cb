import { DEFAULT_ROUNDING } from "../money/decimal.js";
import { RuleSetError, type InputIssue } from "../errors/index.js";
import { ParameterSchema, RuleSetSchema, SourceSchema } from "../schemas/rule-set.js";
import { zodIssues } from "../schemas/issues.js";
import { PARAMETERS, type ParameterName } from "./catalog.js";
import { compileValue } from "./compile.js";
import type { CompiledParameter, CompiledValue, ParameterJson, RuleSet, RuleSetJson, SourceJson } from "./types.js";

/**
 * 规则集 · rule set — validates a rule-set JSON, applies `extends`, and compiles every parameter.
 *
 * @remarks
 * Fails at load, with every problem listed, when the JSON is malformed, a `source` names no entry of
 * `sources`, the `from` dates of a parameter do not strictly increase, a value has the wrong shape,
 * or a parameter the rules need is missing — never later in the middle of a batch.
 * `bundled` maps the ids a rule set may `extends` to their JSON.
 */
export function resolveRuleSet(input: unknown, bundled: { readonly [id: string]: RuleSetJson } = {}): RuleSet {
  const parsed = RuleSetSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    // List the parameter-level problems too (missing parameters, wrong shapes), not only the structural ones.
    const issues = [...zodIssues(parsed.error.issues, []), ...lenientIssues(input, bundled)];
    const unique = issues.filter((issue, index) => issues.findIndex((other) => other.path === issue.path) === index);
    throw new RuleSetError(unique);
  }
  const json = parsed.data as RuleSetJson;
  const issues: InputIssue[] = [];
  const base = json.extends === undefined ? undefined : bundled[json.extends];
  if (json.extends !== undefined && base === undefined) {
    issues.push({
      path: "extends",
      message: `names no bundled rule set "${json.extends}"; known: ${Object.keys(bundled).join(", ") || "none"}`,
    });
  }
  const resolved = base === undefined ? json : mergeRuleSets(resolveRuleSet(base, bundled).json, json);
  const compiled = compileParameters(resolved, issues);
  if (issues.length > 0)
    throw new RuleSetError(
      issues,
      `rule set "${json.id}" has ${issues.length} problem${issues.length === 1 ? "" : "s"}:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join("\n")}`,
    );
  return {
    id: resolved.id,
    version: resolved.version,
    title: resolved.title,
    validFrom: resolved.validFrom,
    ...(json.extends === undefined ? {} : { extends: json.extends }),
    rounding: resolved.rounding ?? DEFAULT_ROUNDING,
    json: resolved,
    compiled,
  };
}

/** The problems of the parts of a structurally invalid rule set that do parse: each well-formed parameter, and the missing ones. */
function lenientIssues(input: unknown, bundled: { readonly [id: string]: RuleSetJson }): InputIssue[] {
  if (typeof input !== "object" || input === null) return [];
  const raw = input as { extends?: unknown; sources?: unknown; parameters?: unknown };
  const sources = Array.isArray(raw.sources)
    ? raw.sources.filter((source) => SourceSchema.safeParse(source).success)
    : [];
  const parameters =
    typeof raw.parameters === "object" && raw.parameters !== null
      ? Object.entries(raw.parameters).filter(([, p]) => ParameterSchema.safeParse(p).success)
      : [];
  const base = typeof raw.extends === "string" ? bundled[raw.extends] : undefined;
  const lenient = { sources, parameters: Object.fromEntries(parameters) } as unknown as RuleSetJson;
  const merged =
    base === undefined
      ? lenient
      : {
          ...lenient,
          sources: [...base.sources, ...lenient.sources],
          parameters: { ...base.parameters, ...lenient.parameters },
        };
  const issues: InputIssue[] = [];
  compileParameters(merged, issues);
  return issues;
}

/** The child's parameters replace the base's whole; sources are merged by id (the child's win). */
function mergeRuleSets(base: RuleSetJson, child: RuleSetJson): RuleSetJson {
  const sources = new Map<string, SourceJson>(base.sources.map((source) => [source.id, source]));
  for (const source of child.sources) sources.set(source.id, source);
  const { extends: _extends, $schema: _schema, ...own } = child;
  return {
    ...own,
    rounding: child.rounding ?? base.rounding ?? DEFAULT_ROUNDING,
    sources: [...sources.values()],
    parameters: { ...base.parameters, ...child.parameters },
  };
}

function compileParameters(json: RuleSetJson, issues: InputIssue[]): { [name: string]: CompiledParameter } {
  const sourceIds = new Set(json.sources.map((source) => source.id));
  const out: { [name: string]: CompiledParameter } = {};
  for (const name of Object.keys(PARAMETERS) as ParameterName[]) {
    if (!(name in json.parameters))
      issues.push({
        path: `parameters["${name}"]`,
        message: `is missing; the rules need it (${PARAMETERS[name].label}, ${PARAMETERS[name].unit})`,
      });
  }
  for (const [name, parameter] of Object.entries(json.parameters)) {
    const path = `parameters["${name}"]`;
    const spec = (PARAMETERS as { readonly [n: string]: (typeof PARAMETERS)[ParameterName] })[name];
    if (spec === undefined) {
      issues.push({ path, message: `is not a parameter exitfund knows; known: ${Object.keys(PARAMETERS).join(", ")}` });
      continue;
    }
    out[name] = compileParameter(name, parameter, spec.kind, path, sourceIds, issues);
  }
  return out;
}

function compileParameter(
  name: string,
  parameter: ParameterJson,
  kind: (typeof PARAMETERS)[ParameterName]["kind"],
  path: string,
  sourceIds: ReadonlySet<string>,
  issues: InputIssue[],
): CompiledParameter {
  if (!sourceIds.has(parameter.source))
    issues.push({
      path: `${path}.source`,
      message: `names no entry of sources: "${parameter.source}"; known: ${[...sourceIds].join(", ")}`,
    });
  const values: CompiledValue<unknown>[] = [];
  parameter.values.forEach((entry, index) => {
    const at = `${path}.values[${index}]`;
    const previous = parameter.values[index - 1];
    if (previous !== undefined && !(entry.from > previous.from))
      issues.push({
        path: `${at}.from`,
        message: `must come after the previous value's date ${previous.from}; dates must strictly increase`,
      });
    if (entry.source !== undefined && !sourceIds.has(entry.source))
      issues.push({ path: `${at}.source`, message: `names no entry of sources: "${entry.source}"` });
    const status = entry.status ?? parameter.status;
    if (status === "official" && (entry.clause ?? parameter.clause) === undefined)
      issues.push({
        path: `${at}`,
        message: "is marked official but cites no clause; give the clause of the official text",
      });
    let value: unknown = null;
    if (entry.value !== null) {
      const compiled = compileValue(kind, entry.value);
      if (!compiled.ok)
        issues.push({
          path: `${at}.value`,
          message: `${compiled.message}; got ${JSON.stringify(entry.value).slice(0, 80)}`,
        });
      else value = compiled.value;
    }
    const clause = entry.clause ?? parameter.clause;
    const note = entry.note ?? parameter.note;
    values.push({
      name,
      from: entry.from,
      value,
      json: entry.value,
      status,
      source: entry.source ?? parameter.source,
      ...(clause === undefined ? {} : { clause }),
      ...(note === undefined ? {} : { note }),
      uses: new Map(),
    });
  });
  return { name, values };
}
