import type { InputIssue } from "../errors/index.js";
import type { RuleSet } from "../parameters/types.js";
import { zodIssues } from "../schemas/issues.js";
import { show } from "../schemas/scalars.js";
import { amountsOf } from "../trace/build.js";
import type { Status } from "../parameters/status.js";
import type { Amounts, Finding, OutcomeBase, Reason, TraceStep } from "../trace/types.js";
import { createContext } from "./context.js";
import type { AnyDomain, CaseFacts, Payment } from "./domain.js";
import type { CompiledDomain, Programme } from "./programme.js";

/** A parsed case with its domain, or every problem of the input. */
export type ParsedCase =
  | { readonly ok: true; readonly value: CaseFacts; readonly entry: CompiledDomain }
  | { readonly ok: false; readonly issues: InputIssue[] };

/**
 * Parses one case with its domain's schema (chosen by `kind`) and runs the checks that need the rule set;
 * `index` prefixes paths in a batch (`[3].exitMode`). Returns the parsed case or its problems — never both.
 */
export function parseCase(programme: Programme, input: unknown, ruleSet: RuleSet, index?: number): ParsedCase {
  const prefix = index === undefined ? [] : [index];
  // The whole value of one case is `case` (a field needs a path to be named), of a batch's case `[3]`.
  const at = (path: string) =>
    index === undefined
      ? path === ""
        ? "case"
        : path
      : `[${index}]${path === "" || path.startsWith("[") ? "" : "."}${path}`;
  if (input === undefined)
    return {
      ok: false,
      issues: [
        {
          path: at(""),
          code: "required",
          message: "is required: a case goes here (an empty place in a list, or undefined, is no case)",
          zh: "必须填写：此处应为一个案件（列表中的空位或 undefined 不是案件）",
        },
      ],
    };
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return {
      ok: false,
      issues: [
        {
          path: at(""),
          code: "not-a-case",
          message: `value: must be a case object with a kind; got ${show(input)}`,
          zh: "应为带有类型（「kind」）的案件对象",
        },
      ],
    };
  const kind = (input as { kind?: unknown }).kind;
  const entry = typeof kind === "string" ? programme.entry(kind) : undefined;
  if (entry === undefined) {
    const quoted = programme.kinds.map((known) => `"${known}"`);
    const kinds = quoted.join(", ");
    return {
      ok: false,
      issues: [
        {
          path: at("kind"),
          code: "unknown-kind",
          message: `kind (类型): kind must be one of ${kinds}`,
          zh: `类型（kind）应为以下之一：${quoted.join("、")}`,
          label: "类型",
        },
      ],
    };
  }
  const parsed = entry.schema.safeParse(input, { reportInput: true });
  if (!parsed.success)
    return { ok: false, issues: zodIssues(parsed.error.issues, prefix, programme.fieldLabel, entry.schema) };
  const facts = parsed.data as CaseFacts;
  const check = entry.domain.checkCase;
  if (check !== undefined) {
    const { ctx } = createContext(ruleSet, entry.domain.date(facts), false);
    const issues = check(facts, ctx);
    if (issues.length > 0) return { ok: false, issues: issues.map((issue) => ({ ...issue, path: at(issue.path) })) };
  }
  return { ok: true, value: facts, entry };
}

/**
 * 计算一个案件 · one outcome — the case computed by its domain's payment rule in the context of its selecting
 * date, assembled into the outcome every kind shares (docs/concepts.md, "Reading an outcome").
 *
 * @remarks With `trace` false no trace step is made and `trace` is empty; everything else is the same.
 * Throws `RuleSetError` when a parameter has no value in force on the case's date.
 */
export function computeCase(entry: CompiledDomain, facts: CaseFacts, ruleSet: RuleSet, trace = true): OutcomeBase {
  const { domain, rule } = entry;
  const evaluation = createContext(ruleSet, domain.date(facts), trace);
  const paid = rule(facts, evaluation.ctx);
  const payment = paid.value;
  return assembleOutcome(domain, facts, ruleSet, payment, {
    amounts: amountsOf({ municipal: payment.municipal, district: payment.district }, ruleSet.rounding),
    basis: evaluation.basis(),
    reasons: paid.reasons,
    findings: paid.findings,
    trace: paid.steps,
  });
}

/** What an outcome says beyond the payment: its amounts as shown, basis, reasons, findings and trace. */
export interface OutcomeParts {
  readonly amounts: Amounts;
  readonly basis: Status;
  readonly reasons: readonly Reason[];
  readonly findings: readonly Finding[];
  readonly trace: readonly TraceStep[];
}

/** The outcome every kind shares, from a case's payment: the one layout of both evaluators (reference and fast). */
export function assembleOutcome(
  domain: AnyDomain,
  facts: CaseFacts,
  ruleSet: RuleSet,
  payment: Pick<Payment, "eligible" | "track" | "estimate" | "detail">,
  parts: OutcomeParts,
): OutcomeBase {
  return {
    id: facts.id,
    kind: domain.kind,
    township: facts.township,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    eligible: payment.eligible,
    ...(payment.track === undefined ? {} : { track: payment.track }),
    payee: domain.payee(facts),
    amounts: parts.amounts,
    estimate: payment.estimate,
    basis: parts.basis,
    reasons: parts.reasons,
    findings: parts.findings,
    detail: payment.detail,
    trace: parts.trace,
  };
}
