import * as z from "zod/mini";
import type { OptionCheck } from "../errors/arguments.js";
import { InvalidInputError, type InputIssue } from "../errors/index.js";
import type { AnyParameter } from "../parameters/handles.js";
import { FIELD_LABELS } from "../schemas/labels.js";
import type { MessageCatalog, OutcomeBase } from "../trace/types.js";
import type { RuleSet } from "../parameters/types.js";
import type { Rule } from "./algebra.js";
import { kernelsOf, type FastKernel } from "./fast.js";
import { mergeParameters, type AnyDomain, type CaseFacts, type DetailOf, type Payment } from "./domain.js";

const PROGRAMME: unique symbol = Symbol.for("exitfund.Programme") as never;

/** A domain ready to compute: its case schema and its payment rule, built once; its fast kernels when it has them. */
export interface CompiledDomain {
  readonly domain: AnyDomain;
  readonly schema: z.ZodMiniType;
  readonly rule: Rule<CaseFacts, Payment>;
  /** The fast evaluator's kernel for a rule set, or undefined (then every case takes the reference path). */
  kernel(ruleSet: RuleSet): FastKernel | undefined;
}

/**
 * 方案 · programme — the domains a district computes, with what they declare together: the case kinds (one
 * domain each), every parameter a rule set must value, every rule a rule set may cite.
 * @category rules
 */
export interface Programme<D extends AnyDomain = AnyDomain> {
  /**
   * The programme's own id (`programme({ id }, …)`), which receipts name it by; undefined for a programme built
   * without one (a receipt then names it `custom:` and its case kinds).
   */
  readonly id?: string;
  readonly domains: readonly D[];
  readonly kinds: readonly D["kind"][];
  /** Every parameter the domains declare (each name once): a rule set values exactly these. */
  readonly parameters: readonly AnyParameter[];
  /** Every rule name the domains' texts give: a rule set's `rules` block cites only these. */
  readonly rules: readonly string[];
  /** The domain of `kind`, compiled, or undefined when the programme has no such kind. */
  entry(kind: string): CompiledDomain | undefined;
  /** The Chinese label of a case field (for messages, schemas and sheets). */
  fieldLabel(field: string): string | undefined;
  readonly [PROGRAMME]: true;
}

/** The outcomes of a programme: one outcome type per domain, discriminated by `kind`. */
export type OutcomeOf<P> =
  P extends Programme<infer D> ? (D extends AnyDomain ? OutcomeBase<D["kind"], DetailOf<D>> : never) : never;

/** Options of {@link programme}. */
export interface ProgrammeOptions {
  /**
   * The programme's id, e.g. `changping-2015`: receipts name the programme by it (docs/auditors.md). Letters,
   * digits, `.`, `_` and `-`, up to 64, starting with a letter or digit.
   */
  readonly id?: string;
}

/** A programme id: what receipts may name a programme by (`custom:` is kept for programmes without one). */
const PROGRAMME_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * 组成方案 · programme — the programme of these domains (one per case kind), ready to pass as `{ programme }` to
 * compute, budget, audit, compare, explain and loadRuleSet. Options `{ id }` may come first: the id receipts
 * name the programme by (without one, `custom:` and its case kinds).
 *
 * @throws InvalidInputError when two domains share a kind, a domain has no `id` or `township` field, two
 *   domains declare one parameter name with two shapes, or the options are not `{ id }` with an id as above.
 * @example const changping = programme({ id: "changping-2015" }, changpingExit, ...defaultProgramme.domains.slice(1));
 * @category rules
 */
export function programme<const Ds extends readonly AnyDomain[]>(...domains: Ds): Programme<Ds[number]>;
export function programme<const Ds extends readonly AnyDomain[]>(
  options: ProgrammeOptions,
  ...domains: Ds
): Programme<Ds[number]>;
export function programme(...given: readonly (AnyDomain | ProgrammeOptions)[]): Programme {
  const first = given[0];
  const options = first !== undefined && isProgrammeOptions(first) ? programmeOptions(first) : {};
  const domains = (first !== undefined && isProgrammeOptions(first) ? given.slice(1) : given) as AnyDomain[];
  const issues: InputIssue[] = [];
  const entries = new Map<string, CompiledDomain>();
  for (const domain of domains) {
    if (entries.has(domain.kind))
      issues.push({
        path: `domains[${JSON.stringify(domain.kind)}]`,
        code: "duplicate-kind",
        message: `two domains compute the kind "${domain.kind}"; a programme has one domain per case kind`,
        zh: `两个领域计算同一案件类型"${domain.kind}"`,
      });
    else entries.set(domain.kind, compileDomain(domain));
    for (const name of ["id", "township"])
      if (!Object.hasOwn(domain.fields, name))
        issues.push({
          path: `domains[${JSON.stringify(domain.kind)}].fields.${name}`,
          code: "missing-field",
          message: `has no field "${name}"; every case has an id and a township (field.text("编号"), field.text("乡镇"))`,
          zh: `缺少字段"${name}"`,
        });
  }
  const parameters = mergeParameters(
    [],
    domains.flatMap((domain) => domain.parameters),
    issues,
  );
  if (issues.length > 0) throw new InvalidInputError(issues);
  const labels = fieldLabels(domains);
  const rules = [...new Set(domains.flatMap((domain) => Object.keys(domain.messages.rules)))];
  return Object.freeze({
    ...(options.id === undefined ? {} : { id: options.id }),
    domains: Object.freeze([...domains]),
    kinds: Object.freeze(domains.map((domain) => domain.kind)),
    parameters,
    rules: Object.freeze(rules),
    entry: (kind: string) => entries.get(kind),
    fieldLabel: (field: string) => labels.get(field),
    [PROGRAMME]: true as const,
  });
}

/** The first argument of `programme` is its options when it is an object that is no domain (a domain has a kind). */
export function isProgrammeOptions(value: unknown): value is ProgrammeOptions {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !("kind" in value);
}

/** The options of `programme`, checked: only `id`, a programme id. */
function programmeOptions(options: ProgrammeOptions): ProgrammeOptions {
  const issues: InputIssue[] = [];
  for (const key of Object.keys(options))
    if (key !== "id")
      issues.push({
        path: `options.${key}`,
        code: "unknown-option",
        message: `is not an option of programme(); it takes { id } before its domains`,
        zh: `不是 programme() 的选项；它在各领域之前接受 { id }`,
      });
  const id: unknown = options.id;
  if (id !== undefined && (typeof id !== "string" || !PROGRAMME_ID.test(id)))
    issues.push({
      path: "options.id",
      code: "invalid-option",
      message:
        "must be a programme id: letters, digits, '.', '_' and '-', up to 64, starting with a letter or digit (e.g. \"changping-2015\")",
      zh: "应为方案编号：字母、数字、'.'、'_'、'-'，最长 64 个字符，以字母或数字开头（如 \"changping-2015\"）",
    });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return id === undefined ? {} : { id: id as string };
}

/** True for a programme (of any copy of exitfund). */
export function isProgramme(value: unknown): value is Programme {
  return typeof value === "object" && value !== null && (value as { [PROGRAMME]?: unknown })[PROGRAMME] === true;
}

/** The `programme` option of the functions that take one. */
export const PROGRAMME_OPTION: OptionCheck = Object.freeze({
  accepts: "a programme built with programme(...) from exitfund/rules",
  zh: "用 exitfund/rules 的 programme(...) 组成的方案",
  test: isProgramme,
});

function compileDomain(domain: AnyDomain): CompiledDomain {
  const object = z.strictObject({ kind: z.literal(domain.kind), ...domain.fields });
  const kernels = kernelsOf(domain);
  return Object.freeze({
    domain,
    schema: domain.finish === undefined ? object : domain.finish(object),
    rule: domain.payment(domain.parts) as Rule<CaseFacts, Payment>,
    kernel: (ruleSet: RuleSet) => kernels?.(ruleSet),
  });
}

/** The contract's field labels, and those of the fields the programme's domains add (their descriptions). */
function fieldLabels(domains: readonly AnyDomain[]): ReadonlyMap<string, string> {
  const labels = new Map(Object.entries(FIELD_LABELS));
  for (const domain of domains)
    for (const [name, schema] of Object.entries(domain.fields)) {
      const description = descriptionOf(schema);
      if (!labels.has(name) && description !== undefined) labels.set(name, description);
    }
  return labels;
}

/** A field's description (its label), looked for through `.optional()` and the like. */
function descriptionOf(schema: z.core.$ZodType): string | undefined {
  const inner = (schema._zod.def as { innerType?: z.core.$ZodType }).innerType;
  return z.globalRegistry.get(schema)?.description ?? (inner === undefined ? undefined : descriptionOf(inner));
}

/** Every domain's texts, for explaining outcomes. */
export function catalogsOf(programme: Programme): readonly MessageCatalog[] {
  return programme.domains.map((domain) => domain.messages);
}
