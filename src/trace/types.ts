/** The standing of a parameter value: stated in an official text, reported by the press, or our placeholder. */
export type Status = "official" | "reported" | "illustrative";

/** Plain JSON: every trace and outcome is made of it, so it can be stored, diffed and sent as is. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** Who pays: the Beijing municipal budget or the district budget. */
export type Payer = "municipal" | "district";

/** The four tracks of an enterprise exit (DESIGN §4.1). */
export type Track = "municipal" | "district-supplement" | "district-small" | "none";

/** The case kinds of the contract. */
export type CaseKind = "enterprise-exit" | "structure-clearance" | "village-compensation" | "township-transfer";

/** A parameter value a step used, as it stood on the date that selected it. */
export interface ParamUse {
  readonly name: string;
  readonly from: string;
  readonly value: Json;
  readonly status: Status;
  readonly source: string;
  readonly clause?: string;
  readonly note?: string;
}

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

export interface Payee {
  readonly type: "enterprise" | "township" | "village-collective";
  readonly id: string;
}

/** The outcome of one case (DESIGN §5). */
export interface Outcome<Detail = unknown> {
  readonly id: string;
  readonly kind: CaseKind;
  readonly township: string;
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly eligible: boolean;
  readonly track?: Track;
  readonly payee: Payee;
  readonly amounts: Amounts;
  readonly estimate: boolean;
  readonly basis: Status;
  readonly reasons: readonly Reason[];
  readonly findings: readonly Finding[];
  readonly detail?: Detail;
  readonly trace: readonly TraceStep[];
}

/** Text of a code in both languages, rendered from the figures a reason or finding carries. */
export interface MessageTemplate {
  readonly en: (data: { readonly [key: string]: Json }) => string;
  readonly zh: (data: { readonly [key: string]: Json }) => string;
}

/** A domain's texts: reason and finding codes, and the names of its rules for trace lines. */
export interface MessageCatalog {
  readonly codes: { readonly [code: string]: MessageTemplate };
  readonly rules: { readonly [rule: string]: { readonly en: string; readonly zh: string } };
}
