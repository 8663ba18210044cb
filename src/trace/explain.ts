import { toChineseCapital } from "../money/capital.js";
import { formatYuan } from "../money/format.js";
import type { Label } from "../vocabulary.js";
import {
  NO_CLAUSE,
  type Finding,
  type Json,
  type MessageCatalog,
  type OutcomeBase,
  type ParamUse,
  type Reason,
  type Status,
  type TraceStep,
} from "./types.js";

export type Lang = "zh" | "en";

/** What an explanation needs from a programme: the names of kinds and tracks, and the domains' texts. */
export interface ExplainTexts {
  kindLabel(kind: string): Label | undefined;
  trackLabel(kind: string, track: string): Label | undefined;
  readonly catalogs: readonly MessageCatalog[];
}

const STATUS: { readonly [S in Status]: Label } = {
  official: { en: "official", zh: "官方文件" },
  reported: { en: "reported", zh: "媒体报道" },
  illustrative: { en: "illustrative — a placeholder, not an official figure", zh: "示例值(非官方数字)" },
};

const own = <V>(table: { readonly [key: string]: V }, key: string): V | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * 说明 · an outcome as a short, readable account in Chinese or English: the track, the amounts in ¥ and 大写,
 * the reasons (decisive first), the findings, and each computed figure with the rule, the clause and the
 * parameters (value, date, status) behind it — every figure and rate quoted from the outcome, none from here.
 */
export function renderExplanation(outcome: OutcomeBase, texts: ExplainTexts, lang: Lang): string {
  const zh = lang === "zh";
  const lines: string[] = [];
  const kind = texts.kindLabel(outcome.kind)?.[lang] ?? outcome.kind;
  const track = (name: string) => texts.trackLabel(outcome.kind, name)?.[lang] ?? name;
  lines.push(
    `${outcome.id} · ${kind} · ${outcome.township} · ${zh ? "规则集" : "rule set"} ${outcome.ruleSet.id} v${outcome.ruleSet.version}`,
  );
  if (outcome.track !== undefined)
    lines.push(
      `${zh ? "适用" : "Track"}: ${track(outcome.track)}${outcome.eligible ? "" : zh ? "(不符合条件)" : " (not eligible)"}`,
    );
  else lines.push(`${zh ? "是否符合条件" : "Eligible"}: ${outcome.eligible ? (zh ? "是" : "yes") : zh ? "否" : "no"}`);
  lines.push(...amountLines(outcome, lang));
  lines.push(
    `${zh ? "依据" : "Basis"}: ${STATUS[outcome.basis][lang]}${outcome.basis === "illustrative" ? (zh ? " — 结果含示例参数,仅供测算,不得作为正式金额" : " — the result uses placeholder parameters: an estimate for planning, not an official amount") : ""}`,
  );
  if (outcome.estimate)
    lines.push(zh ? "估算:市级奖励结果尚待确定" : "Estimate: the municipal decision is still pending");
  if (outcome.reasons.length > 0) {
    lines.push(zh ? "理由:" : "Why:");
    const ordered = [...outcome.reasons].sort((a, b) => Number(b.decisive === true) - Number(a.decisive === true));
    for (const reason of ordered) {
      const rulesOut =
        reason.track !== undefined && reason.track !== outcome.track && reason.decisive !== true
          ? zh
            ? ` (排除:${track(reason.track)})`
            : ` (rules out: ${reason.track})`
          : "";
      lines.push(
        `  ${reasonMark(reason, outcome)} ${render(reason, lang, texts.catalogs)}${rulesOut} 〔${clause(reason.clause, lang)}〕`,
      );
    }
  }
  if (outcome.findings.length > 0) {
    lines.push(zh ? "需关注:" : "Findings:");
    for (const finding of outcome.findings)
      lines.push(
        `  ! ${finding.itemId === undefined ? "" : `[${finding.itemId}] `}${render(finding, lang, texts.catalogs)}`,
      );
  }
  if (outcome.trace.length > 0) {
    lines.push(zh ? "计算过程:" : "How each figure was computed:");
    outcome.trace.forEach((traceStep, index) => lines.push(...stepLines(traceStep, index + 1, lang, texts.catalogs)));
  }
  return lines.join("\n");
}

/** A clause as cited; a rule set that gives the rule none says so. */
function clause(text: string, lang: Lang): string {
  return text === NO_CLAUSE && lang === "zh" ? "规则集未注明条款 no clause given" : text;
}

function amountLines(outcome: OutcomeBase, lang: Lang): string[] {
  const zh = lang === "zh";
  const { municipal, district, total } = outcome.amounts;
  const capital = toChineseCapital(total, { prefix: "人民币" });
  return [
    `${zh ? "金额" : "Amounts"}: ${zh ? "市级" : "municipal"} ${formatYuan(municipal)}, ${zh ? "区级" : "district"} ${formatYuan(district)}, ${zh ? "合计" : "total"} ${formatYuan(total)}`,
    `${zh ? "大写" : "In capitals"}: ${capital}`,
    `${zh ? "收款方" : "Payee"}: ${outcome.payee.type} ${outcome.payee.id}`,
  ];
}

function reasonMark(reason: Reason, outcome: OutcomeBase): string {
  if (reason.decisive === true) return "✓";
  if (reason.track !== undefined && reason.track !== outcome.track) return "✗";
  return "·";
}

function render(item: Reason | Finding, lang: Lang, catalogs: readonly MessageCatalog[]): string {
  if (lang === "en") return item.message;
  for (const catalog of catalogs) {
    const template = own(catalog.codes, item.code);
    if (template !== undefined) return template.zh(item.data ?? {});
  }
  return item.message;
}

function ruleLabel(rule: string, lang: Lang, catalogs: readonly MessageCatalog[]): string {
  for (const catalog of catalogs) {
    const label = own(catalog.rules, rule);
    if (label !== undefined) return `${label[lang]} (${rule})`;
  }
  return rule;
}

function stepLines(traceStep: TraceStep, number: number, lang: Lang, catalogs: readonly MessageCatalog[]): string[] {
  const zh = lang === "zh";
  const out = [
    `  ${number}. ${ruleLabel(traceStep.rule, lang, catalogs)} = ${showJson(traceStep.value)}  〔${clause(traceStep.clause, lang)}〕`,
  ];
  const inputs = Object.entries(traceStep.inputs);
  if (inputs.length > 0)
    out.push(
      `     ${zh ? "输入" : "inputs"}: ${inputs.map(([key, value]) => `${key} = ${showJson(value)}`).join("; ")}`,
    );
  for (const used of traceStep.params) out.push(`     ${zh ? "参数" : "parameter"} ${paramLine(used, lang)}`);
  return out;
}

function paramLine(used: ParamUse, lang: Lang): string {
  const zh = lang === "zh";
  return `${used.name} = ${showJson(used.value)} (${zh ? "自" : "from"} ${used.from}, ${STATUS[used.status][lang]}, ${zh ? "来源" : "source"} ${used.source}${used.clause === undefined ? "" : `, ${used.clause}`})`;
}

function showJson(value: Json): string {
  if (typeof value === "string") return value;
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
