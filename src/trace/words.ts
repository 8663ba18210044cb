import type { Json, ParamUse, TraceStep } from "./types.js";

/**
 * 说明用语 · words for step sentences — what a domain's step templates use to quote a trace step's own figures.
 * Nothing here computes: a figure is the trace's decimal string with thousands separators (and, for money, padded
 * to two decimals), so the sentence shows exactly the value the rule recorded.
 */

/** A decimal as printed: thousands separators on the whole part, every decimal kept (`"1200"` → `1,200`). */
export function figure(value: Json | undefined): string {
  if (typeof value === "number") return figure(String(value));
  if (typeof value !== "string") return value === undefined || value === null ? "—" : String(value);
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (match === null) return value;
  return `${match[1] ?? ""}${(match[2] ?? "").replace(/\B(?=(\d{3})+$)/g, ",")}${match[3] ?? ""}`;
}

/** An amount in yuan as printed: a figure with at least two decimals (`"391760"` → `391,760.00`). */
export function money(value: Json | undefined): string {
  const shown = figure(value);
  if (!/^-?[\d,]+(\.\d+)?$/.test(shown)) return shown;
  const [whole, fraction = ""] = shown.split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
}

/** An amount of a message's data as printed (`money`), or "" when the message has no such figure. */
export function dataMoney(data: { readonly [key: string]: Json }, key: string): string {
  const value = Object.hasOwn(data, key) ? data[key] : undefined;
  return value === undefined || value === null ? "" : money(value);
}

/** A figure of a message's data as text: a string or number as written, an object as JSON, "" when absent. */
export function dataText(data: { readonly [key: string]: Json }, key: string): string {
  const value = data[key];
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** An amount with its unit, as step sentences print it: `391,760.00 元` / `391,760.00 yuan`. */
export function moneyWords(value: Json | undefined, lang: "en" | "zh"): string {
  return `${money(value)} ${lang === "zh" ? "元" : "yuan"}`;
}

/** A step's input, or a field of an input record (`input(step, "pollutantsReducedTonnes", "nox")`). */
export function input(step: TraceStep, key: string, field?: string): Json | undefined {
  const value = Object.hasOwn(step.inputs, key) ? step.inputs[key] : undefined;
  if (field === undefined) return value;
  return isRecord(value) && Object.hasOwn(value, field) ? value[field] : undefined;
}

/** The parameter of a step by its cited name (`reward.municipal.ratePerTonne.nox`). */
export function param(step: TraceStep, name: string): ParamUse | undefined {
  return step.params.find((used) => used.name === name);
}

/** The value of a step's parameter, or of a field of it (`rate` of a clearance rate). */
export function paramValue(step: TraceStep, name: string, field?: string): Json | undefined {
  const value = param(step, name)?.value;
  if (field === undefined) return value;
  return isRecord(value) && Object.hasOwn(value, field) ? value[field] : undefined;
}

/** Whether a trace figure is zero as written (`"0"`, `"0.00"`): a string test, no arithmetic. */
export function isZeroFigure(value: Json | undefined): boolean {
  return typeof value === "number" ? value === 0 : typeof value === "string" && /^-?0+(\.0+)?$/.test(value);
}

/** Whether two trace figures are written as the same decimal (`"8000"` and `"8000.00"`). */
export function sameFigure(a: Json | undefined, b: Json | undefined): boolean {
  const norm = (value: Json | undefined) => {
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
    const [whole = "", fraction = ""] = text.split(".");
    return `${whole.replace(/^(-?)0+(?=\d)/, "$1")}.${fraction.replace(/0+$/, "")}`;
  };
  return norm(a) === norm(b);
}

export function isRecord(value: Json | undefined): value is { readonly [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The rounding a step states when it changed the figure: `（舍入到分，舍入前为 8,564.005 元）`; nothing when it did not. */
export function roundingNote(unrounded: Json | undefined, value: Json | undefined, lang: "en" | "zh"): string {
  if (unrounded === undefined || sameFigure(unrounded, value)) return "";
  return lang === "zh"
    ? `（舍入到分，舍入前为 ${cut(unrounded, 6)} 元）`
    : ` (rounded to the fen from ${cut(unrounded, 6)})`;
}

/** A long quotient as printed: its first `places` decimals then `…` (cut, not rounded: the trace keeps every digit). */
export function cut(value: Json | undefined, places = 10): string {
  const shown = figure(value);
  const dot = shown.indexOf(".");
  return dot >= 0 && shown.length - dot - 1 > places ? `${shown.slice(0, dot + 1 + places)}…` : shown;
}

/** The words of a table key, or the key itself. */
export function wordsOf(
  table: { readonly [key: string]: { readonly en: string; readonly zh: string } },
  key: Json | undefined,
  lang: "en" | "zh",
): string {
  const text = typeof key === "string" ? key : String(key);
  return Object.hasOwn(table, text) ? (table[text]?.[lang] ?? text) : text;
}
