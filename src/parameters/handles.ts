import { refuse } from "../errors/arguments.js";
import { echoText } from "../errors/echo.js";
import { InvalidInputError } from "../errors/index.js";
import { reading } from "../errors/shapes.js";
import type { Dec } from "../money/decimal.js";
import type { ClearanceRate, IsoDate, Scale } from "./types.js";

/** The shape a parameter's values must have in a rule set. */
export type ParameterKind =
  | { readonly type: "decimal" }
  | { readonly type: "boolean" }
  | { readonly type: "date" }
  | { readonly type: "scale" }
  /** A table with exactly `keys`, each cell a decimal or a date. */
  | { readonly type: "table"; readonly cell: "decimal" | "date"; readonly keys: readonly string[] }
  /** A table whose keys the rule set chooses (kebab-case), each cell `{ unit, rate }` (e.g. `clearance.rates`). */
  | { readonly type: "rate-table" };

/**
 * 参数 · a typed handle on a dated, cited parameter: its dotted name is written once, its type travels with it.
 *
 * @remarks
 * A rule reads it with `read(handle)` inside a `figure` (or `ctx.read(handle)`); a rule set values it, dated and
 * cited, under `parameters["<name>"]`. Handles compare by `name`: two copies of one handle (say, from two builds
 * of the package) are the same parameter.
 */
export interface Parameter<T> {
  readonly name: string;
  /** 中文 then English, for docs, tables and messages. */
  readonly label: string;
  /** The unit people read (元, share, date, …). */
  readonly unit: string;
  readonly kind: ParameterKind;
  /** Type only: the value a rule reads. */
  readonly __value?: (value: T) => T;
}

/** Any parameter handle, whatever its value type. */
export type AnyParameter = Parameter<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The value a rule reads from a handle. */
export type ValueOf<P> = P extends Parameter<infer T> ? T : never;

/** A parameter's name for the path of its problems (whatever was given as the name). */
function nameShown(name: unknown): string {
  return typeof name === "string" ? JSON.stringify(echoText(name, 60)) : "…";
}

const NAME = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;
const KEY = /^[A-Za-z][A-Za-z0-9-]*$/;

function handle<T>(name: string, label: string, unit: string, kind: ParameterKind): Parameter<T> {
  const problems: string[] = [];
  if (typeof name !== "string" || !NAME.test(name))
    problems.push(`a parameter name is dotted lowerCamel words, such as "changping.earlyExitBonusRate"`);
  if (typeof label !== "string" || label.trim() === "") problems.push("a parameter needs a label (中文 English)");
  if (typeof unit !== "string") problems.push("a parameter's unit is a text (元/㎡, share, …)");
  if (
    kind.type === "table" &&
    (!Array.isArray(kind.keys) ||
      kind.keys.length === 0 ||
      kind.keys.some((key) => typeof key !== "string" || !KEY.test(key)))
  )
    problems.push('a table\'s keys are one or more words such as "whole" or "industrial-compound"');
  if (problems.length > 0)
    throw new InvalidInputError(
      problems.map((message) => ({
        path: `parameter(${nameShown(name)})`,
        code: "invalid-parameter",
        message,
        zh: "参数定义不正确",
      })),
    );
  return Object.freeze({
    name,
    label,
    unit,
    kind: Object.freeze(kind.type === "table" ? { ...kind, keys: Object.freeze([...kind.keys]) } : kind),
  }) as Parameter<T>;
}

/** A table parameter's shape: its keys and what each cell holds. */
export interface TableShape<K extends string, C extends "decimal" | "date"> {
  readonly keys: readonly K[];
  readonly cell: C;
}

/** `parameter.table`: a table with fixed keys of decimals or dates, or one of `{ unit, rate }` cells keyed as the rule set chooses. */
export interface TableConstructor {
  <const K extends string>(
    name: string,
    label: string,
    shape: TableShape<K, "decimal">,
    unit?: string,
  ): Parameter<Readonly<Record<K, Dec>>>;
  <const K extends string>(
    name: string,
    label: string,
    shape: TableShape<K, "date">,
    unit?: string,
  ): Parameter<Readonly<Record<K, IsoDate>>>;
  (
    name: string,
    label: string,
    shape: { readonly cell: "rate" },
    unit?: string,
  ): Parameter<Readonly<Record<string, ClearanceRate>>>;
}

/** The constructors of parameter handles. */
export interface ParameterConstructors {
  /** A decimal ≥ 0 (a rate, an amount, a number of years). */
  decimal(name: string, label: string, unit?: string): Parameter<Dec>;
  /** A date `YYYY-MM-DD`. */
  date(name: string, label: string): Parameter<IsoDate>;
  /** true or false. */
  boolean(name: string, label: string): Parameter<boolean>;
  /** A scale `{ type, brackets }` with OpenFisca's semantics (`applyScale`). */
  scale(name: string, label: string, unit?: string): Parameter<Scale>;
  /** A table: exactly `keys`, each a decimal or a date; or `{ cell: "rate" }`, keys of the rule set's choosing, each `{ unit, rate }`. */
  readonly table: TableConstructor;
}

const table = ((
  name: string,
  label: string,
  shape: { readonly keys?: readonly string[]; readonly cell: "decimal" | "date" | "rate" },
  unit = "",
) =>
  tableShape(name, shape) === "rate"
    ? handle(name, label, unit, { type: "rate-table" })
    : handle(name, label, unit === "" ? (shape.cell === "date" ? "date" : "") : unit, {
        type: "table",
        cell: shape.cell as "decimal" | "date",
        keys: reading(`parameter(${nameShown(name)}).shape.keys`, () =>
          Array.isArray(shape.keys) ? [...(shape.keys as readonly string[])] : (shape.keys ?? []),
        ),
      })) as TableConstructor;

/** The cell of a table's shape `{ keys?, cell }`, or the shape is refused. */
function tableShape(name: string, shape: unknown): "decimal" | "date" | "rate" {
  const cell = reading(`parameter(${nameShown(name)}).shape`, () =>
    typeof shape === "object" && shape !== null ? (shape as { cell?: unknown }).cell : undefined,
  );
  if (cell === "decimal" || cell === "date" || cell === "rate") return cell;
  return refuse(
    `parameter(${nameShown(name)}).shape`,
    "invalid-parameter",
    'a table\'s shape is { keys, cell: "decimal" | "date" } or { cell: "rate" }',
    '表的形状应为 { keys, cell: "decimal" | "date" } 或 { cell: "rate" }',
  );
}

/**
 * 参数句柄 · the constructors of parameter handles.
 *
 * @example
 * const bonusRate = parameter.decimal("changping.earlyExitBonusRate", "提前退出奖励比例 early-exit bonus rate", "share");
 * const perMu = parameter.table("village.perMu", "场地补偿标准 site compensation per mu", { keys: ZONE_TYPES, cell: "decimal" }, "元/亩");
 * @category rules
 */
export const parameter: ParameterConstructors = Object.freeze({
  decimal: (name: string, label: string, unit = "") => handle<Dec>(name, label, unit, { type: "decimal" }),
  date: (name: string, label: string) => handle<IsoDate>(name, label, "date", { type: "date" }),
  boolean: (name: string, label: string) => handle<boolean>(name, label, "yes/no", { type: "boolean" }),
  scale: (name: string, label: string, unit = "") => handle<Scale>(name, label, unit, { type: "scale" }),
  table,
});

/** True when two handles describe the same shape (their names are compared by the caller). */
export function sameKind(a: ParameterKind, b: ParameterKind): boolean {
  if (a.type !== b.type) return false;
  if (a.type !== "table" || b.type !== "table") return true;
  return a.cell === b.cell && a.keys.length === b.keys.length && a.keys.every((key, index) => b.keys[index] === key);
}
