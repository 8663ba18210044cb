import { toChineseCapital } from "../money/capital.js";
import { formatYuan } from "../money/format.js";
import type { Label } from "../vocabulary.js";
import { figure } from "./words.js";
import {
  NO_CLAUSE,
  type ConditionText,
  type StepTemplate,
  type ParamText,
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
  /** The rule set's sources, to name a parameter's source by its title. */
  readonly sources?: readonly { readonly id: string; readonly title: string }[];
}

const STATUS_WORDS: { readonly [S in Status]: Label } = {
  official: { en: "official", zh: "官方文件" },
  reported: { en: "reported by the press", zh: "媒体报道" },
  illustrative: { en: "illustrative (a placeholder, not an official figure)", zh: "示例值（非官方数字，仅供测算）" },
};

const STATUS: { readonly [S in Status]: Label } = {
  official: { en: "official", zh: "官方文件" },
  reported: { en: "reported", zh: "媒体报道" },
  illustrative: { en: "illustrative — a placeholder, not an official figure", zh: "示例值（非官方数字）" },
};

const PAYEE_ZH: { readonly [type: string]: string } = {
  enterprise: "企业",
  township: "乡镇人民政府",
  "village-collective": "村集体经济组织",
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
      `${zh ? "适用：" : "Track: "}${track(outcome.track)}${outcome.eligible ? "" : zh ? "（不符合条件）" : " (not eligible)"}`,
    );
  else
    lines.push(`${zh ? "是否符合条件：" : "Eligible: "}${outcome.eligible ? (zh ? "是" : "yes") : zh ? "否" : "no"}`);
  lines.push(...amountLines(outcome, lang));
  lines.push(
    `${zh ? "依据：" : "Basis: "}${outcome.basis === "illustrative" ? (zh ? "示例值（非官方数字）——结果含示例参数，仅供测算，不得作为正式金额" : "illustrative — the result uses placeholder parameters: an estimate for planning, not an official amount") : STATUS[outcome.basis][lang]}`,
  );
  if (outcome.estimate)
    lines.push(zh ? "估算：市级奖励结果尚待确定" : "Estimate: the municipal decision is still pending");
  if (outcome.reasons.length > 0) {
    lines.push(zh ? "理由：" : "Why:");
    const ordered = [...outcome.reasons].sort((a, b) => Number(b.decisive === true) - Number(a.decisive === true));
    for (const reason of ordered) {
      const condition = conditionLine(reason, outcome, lang, texts.catalogs, track);
      if (condition !== undefined) {
        lines.push(`  ${condition}  〔${clause(reason.clause, lang)}〕`);
        continue;
      }
      // A reason the catalogs name no condition for: a bullet (never ✓/✗, which read as pass/fail) and what it decides.
      const rulesOut =
        reason.track === undefined
          ? ""
          : reason.track !== outcome.track && reason.decisive !== true
            ? zh
              ? `（排除：${track(reason.track)}）`
              : ` (rules out: ${track(reason.track)})`
            : zh
              ? `（决定：${track(reason.track)}）`
              : ` (decides: ${track(reason.track)})`;
      lines.push(`  · ${render(reason, lang, texts.catalogs)}${rulesOut}  〔${clause(reason.clause, lang)}〕`);
    }
  }
  if (outcome.findings.length > 0) {
    lines.push(zh ? "需关注：" : "Findings:");
    for (const finding of outcome.findings)
      lines.push(
        `  ! ${finding.itemId === undefined ? "" : `[${finding.itemId}] `}${render(finding, lang, texts.catalogs)}`,
      );
  }
  if (outcome.trace.length > 0) {
    lines.push(zh ? "计算过程：" : "How each figure was computed:");
    outcome.trace.forEach((traceStep, index) => lines.push(...stepLines(traceStep, index + 1, lang, texts)));
  }
  return lines.join("\n");
}

/** A clause as cited; a rule set that gives the rule none says so. In Chinese, the parts of it written in Chinese. */
function clause(text: string, lang: Lang): string {
  if (lang === "en") return text;
  if (text === NO_CLAUSE) return "规则集未注明条款";
  return chinesePart(text) || "规则集的条款未以中文注明";
}

/**
 * A citation without its English notes: the `;`-separated parts with no Latin word (source ids like S1 stay). A
 * part's date in force, written `(from 2016-05-01, S18)`, is said in Chinese (`(自 2016-05-01 起, S18)`) so that
 * the part is kept, not dropped for its one English word.
 */
export function chinesePart(text: string): string {
  const latin = /[A-Za-z]{2,}|\b[A-Za-z]\.[A-Za-z]\./;
  return text
    .replace(/\bfrom (\d{4}(?:-\d{2}){0,2})\b/g, "自 $1 起")
    .split(/;\s*/)
    .map((part) => {
      if (!latin.test(part)) return part;
      // A Chinese quote followed by an English gloss (", i.e. …"): the quote.
      const cut = part.slice(0, part.search(latin)).lastIndexOf(", ");
      const head = cut < 0 ? "" : part.slice(0, cut);
      return latin.test(head) ? "" : head;
    })
    .filter((part) => part !== "")
    .join("；");
}

/** A reason as a condition met or not, and what it decides; undefined when the catalog names no condition for its code. */
function conditionLine(
  reason: Reason,
  outcome: OutcomeBase,
  lang: Lang,
  catalogs: readonly MessageCatalog[],
  track: (name: string) => string,
): string | undefined {
  const zh = lang === "zh";
  let condition: ConditionText | undefined;
  for (const catalog of catalogs) {
    condition = catalog.conditions === undefined ? undefined : own(catalog.conditions, reason.code);
    if (condition !== undefined) break;
  }
  if (condition === undefined) return undefined;
  const detail = condition.detail?.[lang](reason.data ?? {}) ?? "";
  const state = condition.met ? (zh ? "满足" : "met") : zh ? "不满足" : "not met";
  const shownDetail = detail === "" ? "" : zh ? `（${detail}）` : ` (${detail})`;
  let decides = condition.decides?.[lang];
  if (reason.track !== undefined) {
    const name = track(reason.track);
    if (reason.decisive === true || reason.track === outcome.track)
      decides = reason.track === "none" ? name : zh ? `适用${name}` : `${name} applies`;
    else
      decides =
        reason.track === "none"
          ? zh
            ? "可获奖励"
            : "a reward is possible"
          : zh
            ? `不适用${name}`
            : `${name} does not apply`;
  }
  const name = zh ? `条件「${condition.zh}」：` : `Condition "${condition.en}": `;
  return `${name}${state}${shownDetail}${decides === undefined ? "" : ` → ${decides}`}`;
}

function amountLines(outcome: OutcomeBase, lang: Lang): string[] {
  const zh = lang === "zh";
  const { municipal, district, total } = outcome.amounts;
  const capital = toChineseCapital(total, { prefix: "人民币" });
  return [
    zh
      ? `金额：市级 ${formatYuan(municipal)}，区级 ${formatYuan(district)}，合计 ${formatYuan(total)}`
      : `Amounts: municipal ${formatYuan(municipal)}, district ${formatYuan(district)}, total ${formatYuan(total)}`,
    `${zh ? "大写：" : "In capitals: "}${capital}`,
    `${zh ? "收款方：" : "Payee: "}${zh ? (own(PAYEE_ZH, outcome.payee.type) ?? outcome.payee.type) : outcome.payee.type} ${outcome.payee.id}`,
  ];
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
    if (label !== undefined) return lang === "zh" ? label.zh : `${label.en} (${rule})`;
  }
  return rule;
}

function findIn<V>(
  catalogs: readonly MessageCatalog[],
  pick: (catalog: MessageCatalog) => { readonly [key: string]: V } | undefined,
  key: string,
): V | undefined {
  for (const catalog of catalogs) {
    const table = pick(catalog);
    const found = table === undefined ? undefined : own(table, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The step template of a rule in the catalogs, if any (a programme's bundled rules all have one). */
export function stepTemplate(rule: string, catalogs: readonly MessageCatalog[]): StepTemplate | undefined {
  return findIn(catalogs, (catalog) => catalog.steps, rule);
}

function stepLines(traceStep: TraceStep, number: number, lang: Lang, texts: ExplainTexts): string[] {
  const zh = lang === "zh";
  const { catalogs } = texts;
  const template = stepTemplate(traceStep.rule, catalogs);
  if (template === undefined) return fallbackStepLines(traceStep, number, lang, catalogs);
  const out = [
    `  ${number}. ${ruleLabel(traceStep.rule, lang, catalogs)}${zh ? "：" : ": "}${template[lang](traceStep)}  〔${clause(traceStep.clause, lang)}〕`,
  ];
  for (const used of traceStep.params) out.push(`     ${paramWords(used, lang, texts)}`);
  return out;
}

/** Today's text of a step whose rule has no template: the value, the inputs and the parameters as written. */
function fallbackStepLines(
  traceStep: TraceStep,
  number: number,
  lang: Lang,
  catalogs: readonly MessageCatalog[],
): string[] {
  const zh = lang === "zh";
  const label = ruleLabel(traceStep.rule, lang, catalogs);
  const out = [
    `  ${number}. ${zh && label !== traceStep.rule ? `${label} (${traceStep.rule})` : label} = ${showJson(traceStep.value)}  〔${clause(traceStep.clause, lang)}〕`,
  ];
  const inputs = Object.entries(traceStep.inputs);
  if (inputs.length > 0)
    out.push(
      `     ${zh ? "输入" : "inputs"}: ${inputs.map(([key, value]) => `${key} = ${showJson(value)}`).join("; ")}`,
    );
  for (const used of traceStep.params) out.push(`     ${zh ? "参数" : "parameter"} ${paramLine(used, lang)}`);
  return out;
}

/** The text of a parameter in the catalogs: by its name, or by its table's name with the key's label. */
function paramText(name: string, catalogs: readonly MessageCatalog[]): { text: ParamText; key?: string } | undefined {
  const exact = findIn(catalogs, (catalog) => catalog.params, name);
  if (exact !== undefined) return { text: exact };
  const dot = name.lastIndexOf(".");
  if (dot < 0) return undefined;
  const table = findIn(catalogs, (catalog) => catalog.params, name.slice(0, dot));
  return table === undefined ? undefined : { text: table, key: name.slice(dot + 1) };
}

/**
 * 参数「市级奖励·每吨标准煤」1,200 元/吨标准煤，自 2016-01-01 起，示例值（非官方数字，仅供测算） — a parameter in
 * words: its name, value and unit, the date it holds from, its status, and its source by title with the clause.
 */
export function paramWords(used: ParamUse, lang: Lang, texts: ExplainTexts): string {
  const zh = lang === "zh";
  const found = paramText(used.name, texts.catalogs);
  if (found === undefined) return `${zh ? "参数" : "parameter"} ${paramLine(used, lang)}`;
  const { text, key } = found;
  const keyLabel = key === undefined ? undefined : (text.keys !== undefined ? own(text.keys, key) : undefined)?.[lang];
  const name = key === undefined ? text[lang] : `${text[lang]}·${keyLabel ?? key}`;
  const unit = text.unit?.[lang];
  const value =
    text.value?.(used.value, lang) ??
    (typeof used.value === "string" || typeof used.value === "number"
      ? `${figure(used.value)}${unit === undefined ? "" : ` ${unit}`}`
      : typeof used.value === "boolean"
        ? used.value
          ? zh
            ? "是"
            : "yes"
          : zh
            ? "否"
            : "no"
        : showJson(used.value));
  const parts = [
    zh ? `参数「${name}」${value}` : `parameter "${name}" (${used.name}) ${value}`,
    zh ? `自 ${used.from} 起` : `from ${used.from}`,
    STATUS_WORDS[used.status][lang],
  ];
  if (used.status !== "illustrative") {
    const title = sourceTitle(used.source, texts, lang);
    parts.push(zh ? `来源：${title}` : `source: ${title}`);
  }
  const cited = used.clause === undefined ? "" : clause(used.clause, lang);
  if (cited !== "" && used.clause !== undefined) parts.push(zh ? `依据：${cited}` : `clause: ${cited}`);
  return parts.join(zh ? "，" : ", ");
}

/** A source by its short title and id: 京华时报 (S1), 《实施方案》 (S0). */
function sourceTitle(id: string, texts: ExplainTexts, lang: Lang): string {
  const title = texts.sources?.find((source) => source.id === id)?.title;
  if (title === undefined) return id;
  if (lang === "en") return `${title} (${id})`;
  const short = /\(《[^》]+》\)/.exec(title)?.[0]?.slice(1, -1) ?? title.split(/\s*[(:：（]/)[0] ?? title;
  return /[A-Za-z]{2,}/.test(short) || short === "" ? id : `${short} (${id})`;
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
