import type { Json, ParamUse, Status } from "../parameters/status.js";
import type { Track } from "../vocabulary.js";

export type { Json, ParamUse, Status } from "../parameters/status.js";
export type { Payer, Track } from "../vocabulary.js";

/** A case kind of a programme (`enterprise-exit`, …, or an extension's own). */
export type CaseKind = string;

/** One computed figure: which rule, which clause, which parameters and inputs, and the value. */
export interface TraceStep {
  readonly rule: string;
  readonly clause: string;
  readonly params: readonly ParamUse[];
  readonly inputs: { readonly [key: string]: Json };
  readonly value: Json;
}

/**
 * Why a case went the way it did: a condition that decided it, or one that ruled something out.
 * `track` names the track (enterprise exits) the condition concerns; `data` holds the figures the
 * message quotes so `explain` can render it in Chinese or English.
 */
export interface Reason {
  readonly code: string;
  readonly message: string;
  readonly clause: string;
  readonly track?: Track;
  readonly decisive?: boolean;
  readonly data?: { readonly [key: string]: Json };
}

/** Something that needs a person's attention, without changing the amount by itself. */
export interface Finding {
  readonly code: string;
  readonly message: string;
  readonly itemId?: string;
  readonly clause?: string;
  readonly data?: { readonly [key: string]: Json };
}

/** Money owed by payer, as strings at the rule set's rounding scale; `total = municipal + district`. */
export interface Amounts {
  readonly municipal: string;
  readonly district: string;
  readonly total: string;
}

/** Who is paid. */
export interface Payee {
  readonly type: "enterprise" | "township" | "village-collective";
  readonly id: string;
}

/**
 * The outcome of one case of kind `K` with its domain's `detail` (docs/concepts.md, "Reading an outcome").
 * `track` is present where the domain has tracks (enterprise exits).
 */
export interface OutcomeBase<K extends string = string, D = unknown> {
  readonly id: string;
  readonly kind: K;
  readonly township: string;
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly eligible: boolean;
  readonly track?: string;
  readonly payee: Payee;
  readonly amounts: Amounts;
  readonly estimate: boolean;
  readonly basis: Status;
  readonly reasons: readonly Reason[];
  readonly findings: readonly Finding[];
  readonly detail: D;
  readonly trace: readonly TraceStep[];
}

/** Text of a code in both languages, rendered from the figures a reason or finding carries. */
export interface MessageTemplate {
  readonly en: (data: { readonly [key: string]: Json }) => string;
  readonly zh: (data: { readonly [key: string]: Json }) => string;
}

/**
 * A trace step as a sentence with its arithmetic (`市级标准金额 1,200,000.00 元 × 比照比例 0.7 = 840,000.00 元`),
 * rendered from the step's own inputs, parameters and value (never recomputed).
 */
export interface StepTemplate {
  readonly en: (step: TraceStep) => string;
  readonly zh: (step: TraceStep) => string;
}

/** A parameter in words: its name, its unit, the names of a table's keys, and how a value reads. */
export interface ParamText {
  readonly en: string;
  readonly zh: string;
  readonly unit?: { readonly en: string; readonly zh: string };
  readonly keys?: { readonly [key: string]: { readonly en: string; readonly zh: string } };
  readonly value?: (value: Json, lang: "en" | "zh") => string;
}

/** A reason as a condition: its name, whether the reason says it is met, and the figures it compares. */
export interface ConditionText {
  readonly en: string;
  readonly zh: string;
  readonly met: boolean;
  readonly detail?: MessageTemplate;
  /** What the condition decides when the reason names no track (domains without tracks). */
  readonly decides?: { readonly en: string; readonly zh: string };
}

/**
 * A domain's texts: reason and finding codes, and the names of its rules (trace lines and citations); optionally
 * step sentences, parameter names and conditions for `explain`.
 */
export interface MessageCatalog {
  readonly codes: { readonly [code: string]: MessageTemplate };
  readonly rules: { readonly [rule: string]: { readonly en: string; readonly zh: string } };
  readonly steps?: { readonly [rule: string]: StepTemplate };
  readonly params?: { readonly [name: string]: ParamText };
  readonly conditions?: { readonly [code: string]: ConditionText };
}

/** What a trace step or reason says when the rule set gives the rule no citation. */
export const NO_CLAUSE = "no clause given";
