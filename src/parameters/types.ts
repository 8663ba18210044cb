import type { Dec, Rounding } from "../money/decimal.js";
import type { ParamUse, Status } from "./status.js";
import type { Label } from "../vocabulary.js";

export type IsoDate = string;

/** A bracket of a scale as written in a rule set. */
export interface BracketJson {
  readonly threshold: string;
  readonly rate?: string;
  readonly amount?: string;
}

/** A scale as written in a rule set (OpenFisca semantics). */
export interface ScaleJson {
  readonly type: "marginal-rate" | "single-amount" | "single-rate";
  readonly brackets: readonly BracketJson[];
}

export type ParameterValueJson =
  | string
  | boolean
  | null
  | ScaleJson
  | { readonly [key: string]: string | boolean | { readonly unit: string; readonly rate: string } };

export interface DatedValueJson {
  readonly from: IsoDate;
  readonly value: ParameterValueJson;
  readonly status?: Status;
  readonly source?: string;
  readonly clause?: string;
  readonly note?: string;
}

export interface ParameterJson {
  readonly status: Status;
  readonly source: string;
  readonly clause?: string;
  readonly note?: string;
  /** Other names of a table's keys, as sheets write them (`{ "brick-concrete": ["砖混结构", "砖混房"] }`). */
  readonly aliases?: { readonly [key: string]: readonly string[] };
  readonly values: readonly DatedValueJson[];
}

export interface SourceJson {
  readonly id: string;
  readonly title: string;
  readonly issuedOn: string;
  readonly url?: string;
  readonly status: Status;
}

/** 规则出处 · where a rule stands in the law: the source (an id of `sources`) and the clause, as the trace cites it. */
export interface RuleCitationJson {
  readonly source: string;
  readonly clause: string;
}

/** A rule set as JSON (docs/concepts.md, "Rule sets"). */
export interface RuleSetJson {
  readonly $schema?: string;
  readonly id: string;
  readonly version: string;
  /** One text (older files), or the title in each language (`{ zh, en }`). */
  readonly title: string | Label;
  readonly validFrom: IsoDate;
  readonly extends?: string;
  readonly rounding?: Rounding;
  readonly sources: readonly SourceJson[];
  /** Each rule's citation, by rule name (`reward.districtSupplement`); a rule without one says "no clause given". */
  readonly rules?: { readonly [rule: string]: RuleCitationJson };
  readonly parameters: { readonly [name: string]: ParameterJson };
}

/** A compiled scale: thresholds ascending. */
export interface Scale {
  readonly type: "marginal-rate" | "single-amount" | "single-rate";
  readonly brackets: readonly { readonly threshold: Dec; readonly rate: Dec; readonly amount: Dec }[];
}

/** A structure-type rate of `clearance.rates`. */
export interface ClearanceRate {
  readonly unit: "m2" | "m" | "item";
  readonly rate: Dec;
}

/** The value in force on a date, with its parameter's name and its citation. */
export interface InForce<T> {
  readonly name: string;
  readonly from: IsoDate;
  readonly value: T;
  readonly json: ParameterValueJson;
  readonly status: Status;
  readonly source: string;
  readonly clause?: string;
  readonly note?: string;
}

/** One dated value, compiled once to its typed form, with how a trace cites it (whole, or one cell by key). */
export interface CompiledValue<T> extends Omit<InForce<T>, "value"> {
  readonly value: T | null;
  /** The citation of the whole value. */
  readonly use: ParamUse;
  /** The citation of each cell of a table, by key (a null-prototype record). */
  readonly cells: { readonly [key: string]: ParamUse };
}

export interface CompiledParameter<T = unknown> {
  readonly name: string;
  readonly values: readonly CompiledValue<T>[];
  /** A table's keys by each other name the rule set gives them (names as {@link nameKey} compares them). */
  readonly aliases: ReadonlyMap<string, string>;
}

/**
 * 规则集 · a loaded rule set: validated, `extends` applied, every parameter compiled once, deeply frozen.
 *
 * @remarks Opaque: read its identity and rounding here, its resolved JSON with `toJSON()` (`JSON.stringify(ruleSet)` writes it); rules read its
 * parameters through a `Context` (`ctx.read(handle)`), never directly.
 */
export interface RuleSet {
  readonly id: string;
  readonly version: string;
  /** The title as one text: the file's text, or `中文 · English` of a title given in each language. */
  readonly title: string;
  /** The title in each language (a one-text title `中文 · English` split in two; any other text is both). */
  readonly titles: Label;
  readonly validFrom: IsoDate;
  /** What the rule set's JSON named in `extends` (a bundled id, a file, or the id of a rule set passed in). */
  readonly extends?: string;
  readonly rounding: Rounding;
  /** The resolved rule set in the rule-set format (`extends` applied), as `exitfund rules --format json` prints it. */
  toJSON(): RuleSetJson;
}
