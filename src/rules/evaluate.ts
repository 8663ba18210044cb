import { InvalidInputError, type InputIssue } from "../errors/index.js";
import type { Dec } from "../money/decimal.js";
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
    amounts: paymentAmounts(domain, payment, ruleSet),
    basis: evaluation.basis(),
    reasons: paid.reasons,
    findings: paid.findings,
    trace: paid.steps,
  });
}

/**
 * The amounts a payment rule gave, as shown: each payer's amount must be there and not negative. A payment rule a
 * programme wrapped or replaced may give neither, and a missing amount must never read as 0.00 owed.
 */
function paymentAmounts(domain: AnyDomain, payment: Payment, ruleSet: RuleSet): Amounts {
  const payers = ["municipal", "district"] as const;
  const given = (typeof payment === "object" && payment !== null ? payment : {}) as Partial<Payment>;
  const refuse = (payer: string, en: string, zh: string): never => {
    throw new InvalidInputError([
      {
        path: `payment.${payer}`,
        code: "invalid-payment",
        message: `the payment rule of "${domain.kind}" ${en}: a programme's payment must give municipal and district as decimals ≥ 0 (a bug of the programme, not of the case)`,
        zh: `"${domain.kind}" 的支付规则${zh}：方案的支付规则须给出 municipal 与 district，且为不小于 0 的十进制数（这是方案的缺陷，不是案件的问题）`,
      },
    ]);
  };
  for (const payer of payers)
    if (given[payer] === undefined || given[payer] === null)
      refuse(
        payer,
        `gave no ${payer} amount (${String(given[payer])})`,
        `未给出 ${payer} 金额（${String(given[payer])}）`,
      );
  const amounts = amountsOf({ municipal: given.municipal as Dec, district: given.district as Dec }, ruleSet.rounding);
  for (const payer of payers)
    if (amounts[payer].startsWith("-"))
      refuse(
        payer,
        `gave a negative ${payer} amount (${amounts[payer]})`,
        `给出了负数 ${payer} 金额（${amounts[payer]}）`,
      );
  return amounts;
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
