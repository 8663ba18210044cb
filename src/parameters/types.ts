import type { Dec, Rounding } from "../money/decimal.js";
import type { Status } from "../trace/types.js";

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
  readonly values: readonly DatedValueJson[];
}

export interface SourceJson {
  readonly id: string;
  readonly title: string;
  readonly issuedOn: string;
  readonly url?: string;
  readonly status: Status;
}

/** A rule set as JSON (DESIGN §6). */
export interface RuleSetJson {
  readonly $schema?: string;
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly validFrom: IsoDate;
  readonly extends?: string;
  readonly rounding?: Rounding;
  readonly sources: readonly SourceJson[];
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

/** One dated value, compiled to its typed form, with the citation that stands behind it. */
export interface CompiledValue<T> {
  /** The parameter's name, stamped at load so a lookup returns this object as is. */
  readonly name: string;
  readonly from: IsoDate;
  readonly value: T | null;
  readonly json: ParameterValueJson;
  readonly status: Status;
  readonly source: string;
  readonly clause?: string;
  readonly note?: string;
  /** How traces cite this value (whole, or one table cell by key), made once per rule set and shared. */
  readonly uses: Map<string, import("../trace/types.js").ParamUse>;
}

/** The value in force on a date, with its parameter's name. */
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

export interface CompiledParameter<T = unknown> {
  readonly name: string;
  readonly values: readonly CompiledValue<T>[];
}

/**
 * A loaded rule set: the resolved JSON (with `extends` applied, as `exitfund rules` prints it) and
 * every parameter compiled once to typed values, so a batch never re-parses a rate.
 */
export interface RuleSet {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly validFrom: IsoDate;
  readonly extends?: string;
  readonly rounding: Rounding;
  readonly json: RuleSetJson;
  readonly compiled: { readonly [name: string]: CompiledParameter };
}
