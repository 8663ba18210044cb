import type * as z from "zod/mini";
import { InvalidInputError, type InputIssue } from "../errors/index.js";
import type { Dec } from "../money/decimal.js";
import { sameKind, type AnyParameter, type Parameter } from "../parameters/handles.js";
import type { IsoDate } from "../parameters/types.js";
import type { Finding, MessageCatalog, OutcomeBase, Payee } from "../trace/types.js";
import type { Label, ValueLabel } from "../vocabulary.js";
import type { Context, Rule } from "./algebra.js";
import type { FastEvaluator } from "./fast.js";

/** What every case has: its kind, an id unique in a batch, and the township it belongs to. */
export interface CaseFacts {
  readonly kind: string;
  readonly id: string;
  readonly township: string;
}

/**
 * 支付 · payment — what a domain's rule decides for one case: the rounded amount each payer owes, whether the
 * case is eligible, its track (where the domain has tracks), whether the amount is an estimate, and the
 * domain's `detail`.
 * @category rules
 */
export interface Payment<D = unknown> {
  readonly municipal: Dec;
  readonly district: Dec;
  readonly eligible: boolean;
  readonly track?: string;
  readonly estimate: boolean;
  readonly detail: D;
}

/**
 * A batch-level check of one case against other cases of the batch (by id), such as a township transfer
 * against the enterprise exits it lists. It adds findings, never changes an amount.
 * @category rules
 */
export interface CrossCheck<F> {
  /** The ids of the other cases this case is checked against. */
  needs(facts: F): readonly string[];
  /** The findings of the case against those of them the batch holds (valid cases only). */
  check(facts: F, outcome: OutcomeBase, other: (id: string) => CaseFacts | undefined, ctx: Context): readonly Finding[];
}

/**
 * 取值 · how people write the values of one enumerated field: each value's Chinese and English names and the other
 * ways sheets write it, or the table parameter whose keys the values are (structure types: `clearance.rates`, whose
 * keys and `aliases` the rule set gives).
 * @category rules
 */
export interface FieldValues {
  /** The names of each value, by value (for a table's keys: of the keys the domain knows). */
  readonly labels?: { readonly [value: string]: ValueLabel };
  /** The values are the keys of this table parameter: a sheet also accepts the `aliases` the rule set gives them. */
  readonly keysOf?: string;
}

/**
 * 领域 · domain — everything about one case kind: its fields, the date that selects its parameters, its payee,
 * the parameters it declares, its named parts and the payment rule that wires them, its checks, texts and
 * budget lines. A programme is a list of domains; nothing outside a domain switches on its kind.
 *
 * @remarks
 * `fields` are the zod fields of the case besides `kind` (each with its Chinese label as description);
 * `finish` adds what concerns the whole case (cross-field refinements, defaults). `payment(parts)` is the rule
 * the case is computed with: replacing a part (`extendDomain(domain, { parts })`) changes only what uses it.
 * @category rules
 */
export interface Domain<K extends string = string, F extends CaseFacts = CaseFacts, P = unknown, D = unknown> {
  readonly kind: K;
  /** What the kind is called, in Chinese and English. */
  readonly labels: Label;
  readonly fields: z.core.$ZodShape;
  finish?(object: z.ZodMiniObject): z.ZodMiniType;
  /** The date that selects the parameter values (docs/concepts.md, "Rule sets and dates"). */
  date(facts: F): IsoDate;
  /** The field a problem with that date is reported at (`exitCompletedOn`, `fiscalYear`, …). */
  readonly dateField: string;
  /** The budget year of a case (default: the year of `date`). */
  year?(facts: F): number;
  payee(facts: F): Payee;
  readonly parameters: readonly AnyParameter[];
  readonly parts: P;
  payment(parts: P): Rule<F, Payment<D>>;
  /** Input problems only a rule set reveals (a structure type its rates do not know), paths relative to the case. */
  checkCase?(facts: F, ctx: Context): readonly InputIssue[];
  readonly crossCheck?: CrossCheck<F>;
  readonly messages: MessageCatalog;
  /**
   * The names of the values of its enumerated fields, by field path as a sheet's column names it (`exitMode`,
   * `items.structureType`): templates list them in their dropdowns, readers take any of them, outputs show them.
   */
  readonly values?: { readonly [field: string]: FieldValues };
  /** The names of the tracks its outcomes carry, where it has tracks. */
  readonly tracks?: { readonly [track: string]: Label };
  /** The budget lines of the kind, in the order a budget lists them. */
  readonly budgetLines: readonly string[];
  budgetLine(outcome: OutcomeBase<K, D>): string;
  /**
   * A second evaluator of exactly these rules, in scaled integers, for outcomes without a trace (`trace: false`);
   * used only when it `covers` this very domain, so a domain changed by `extendDomain` computes by its rules.
   */
  readonly fast?: FastEvaluator;
  /**
   * 足额 · the parameter (one of `parameters`) that says whether a capped budget pays the kind in full before the
   * other kinds share what remains (`budget`'s default `fullKinds`); land-clearing fees: 《实施方案》四(十四)3.
   */
  readonly paidInFull?: Parameter<boolean>;
}

/** Any domain. */
export type AnyDomain = Domain<string, any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The facts a domain computes. */
export type FactsOf<D> = D extends Domain<string, infer F, unknown, unknown> ? F : never;
/** The `detail` of a domain's outcomes. */
export type DetailOf<D> = D extends Domain<string, CaseFacts, unknown, infer E> ? E : never;

/** The output type of a domain's added case fields. */
export type FieldsOutput<X extends z.core.$ZodShape> = { -readonly [K in keyof X]: z.output<X[K]> };

/** What `extendDomain` changes. */
export interface DomainChange<F, P, D, X extends z.core.$ZodShape, E> {
  /** New case fields (zod, e.g. `field.boolean("按时腾退土地 vacated the land on time").optional()`); existing ones cannot be redefined. */
  readonly fields?: X;
  /** New parameters the domain reads (a rule set then values them too). */
  readonly parameters?: readonly AnyParameter[];
  /** Named parts replaced. */
  readonly parts?: Partial<P>;
  /** The payment wrapped: gets the domain's own payment rule (with the parts as replaced) and returns the new one. */
  readonly payment?: (inner: Rule<F & FieldsOutput<X>, Payment<D>>) => Rule<F & FieldsOutput<X>, Payment<E>>;
  /** Texts of new reason and finding codes and rule names (or new texts for existing ones). */
  readonly messages?: Partial<MessageCatalog>;
  /** The names of the values of new enumerated fields (`field.oneOf`), or new names for existing ones. */
  readonly values?: { readonly [field: string]: FieldValues };
  /**
   * A fast evaluator of the extended domain, exactly equivalent to its rules (without it the extension computes
   * every case by its rules: the base domain's fast evaluator never covers an extension).
   */
  readonly fast?: FastEvaluator;
}

/**
 * 扩展领域 · extend a domain — a district's version of a domain: new case fields, new parameters, a replaced
 * named part, a wrapped payment, new texts. Everything else stays the domain's own.
 *
 * @example
 * const changpingExit = extendDomain(domains.enterpriseExit, {
 *   fields: { vacatedLandOnTime: field.boolean("按时腾退土地 vacated the land on time").optional() },
 *   parameters: [earlyExitBonusRate, earlyExitBefore],
 *   payment: (inner) => (facts, ctx) => chain(inner(facts, ctx), (paid) => withBonus(paid, facts, ctx)),
 *   messages: { rules: { "changping.earlyExitBonus": { zh: "提前退出奖励", en: "early-exit bonus" } } },
 * });
 * @category rules
 */
export function extendDomain<
  K extends string,
  F extends CaseFacts,
  P,
  D,
  X extends z.core.$ZodShape = Record<never, never>,
  E = D,
>(base: Domain<K, F, P, D>, change: DomainChange<F, P, D, X, E>): Domain<K, F & FieldsOutput<X>, P, E> {
  const issues: InputIssue[] = [];
  const fields = change.fields ?? {};
  for (const name of Object.keys(fields))
    if (name === "kind" || Object.hasOwn(base.fields, name))
      issues.push({
        path: `fields.${name}`,
        code: "field-exists",
        message: `${base.kind} already has a field "${name}"; an extension adds fields, it does not redefine them`,
        zh: `已有字段"${name}"`,
      });
  for (const name of Object.keys(change.parts ?? {}))
    if (!Object.hasOwn(base.parts as object, name))
      issues.push({
        path: `parts.${name}`,
        code: "unknown-part",
        message: `${base.kind} has no part "${name}"; its parts are ${Object.keys(base.parts as object).join(", ")}`,
        zh: `没有组成部分"${name}"`,
      });
  const parameters = mergeParameters(base.parameters, change.parameters ?? [], issues);
  if (issues.length > 0) throw new InvalidInputError(issues);
  const wrap = change.payment;
  const extended = {
    ...base,
    fields: { ...base.fields, ...fields },
    parameters,
    parts: { ...base.parts, ...change.parts } as P,
    fast: change.fast,
    payment: (parts: P) => {
      const inner = base.payment(parts) as Rule<F & FieldsOutput<X>, Payment<D>>;
      return wrap === undefined ? inner : wrap(inner);
    },
    messages: {
      codes: { ...base.messages.codes, ...change.messages?.codes },
      rules: { ...base.messages.rules, ...change.messages?.rules },
      steps: { ...base.messages.steps, ...change.messages?.steps },
      params: { ...base.messages.params, ...change.messages?.params },
      conditions: { ...base.messages.conditions, ...change.messages?.conditions },
    },
    ...(base.values === undefined && change.values === undefined
      ? {}
      : { values: { ...base.values, ...change.values } }),
  };
  return Object.freeze(extended) as unknown as Domain<K, F & FieldsOutput<X>, P, E>;
}

/** The base's parameters and the new ones, by name; the same name with another shape is an issue. */
export function mergeParameters(
  base: readonly AnyParameter[],
  added: readonly AnyParameter[],
  issues: InputIssue[],
): readonly AnyParameter[] {
  const byName = new Map<string, AnyParameter>();
  for (const handle of [...base, ...added]) {
    const known = byName.get(handle.name);
    if (known === undefined) byName.set(handle.name, handle);
    else if (!sameKind(known.kind, handle.kind))
      issues.push({
        path: `parameters["${handle.name}"]`,
        code: "parameter-conflict",
        message: `is declared twice with different shapes (${known.kind.type} and ${handle.kind.type}); one name is one parameter`,
        zh: "同一参数以不同形式声明了两次",
      });
  }
  return Object.freeze([...byName.values()]);
}
