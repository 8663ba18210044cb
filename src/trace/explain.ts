import { toChineseCapital } from "../money/capital.js";
import { formatYuan } from "../money/format.js";
import { messageCatalogs } from "../rules/index.js";
import type { Finding, Json, MessageCatalog, Outcome, ParamUse, Reason, Status, TraceStep, Track } from "./types.js";

export type Lang = "zh" | "en";

const TRACKS: Record<Track, { en: string; zh: string }> = {
  municipal: { en: "municipal reward (市级奖励)", zh: "市级奖励" },
  "district-supplement": {
    en: "district supplement, 70 % of the municipal standard (区级奖励·比照市级)",
    zh: "区级奖励(比照市级标准)",
  },
  "district-small": { en: "small-enterprise reward (区级综合奖励)", zh: "区级综合奖励(小企业)" },
  none: { en: "no reward", zh: "不予奖励" },
};

const STATUS: Record<Status, { en: string; zh: string }> = {
  official: { en: "official", zh: "官方文件" },
  reported: { en: "reported", zh: "媒体报道" },
  illustrative: { en: "illustrative — a placeholder, not an official figure", zh: "示例值(非官方数字)" },
};

const KINDS: Record<Outcome["kind"], { en: string; zh: string }> = {
  "enterprise-exit": { en: "enterprise exit", zh: "企业调整退出奖励" },
  "structure-clearance": { en: "land-clearing fee declaration", zh: "腾地经费申报核定" },
  "village-compensation": { en: "village-collective compensation", zh: "村集体经济组织补偿" },
  "township-transfer": { en: "township transfer", zh: "乡镇财政转移支付" },
};

/**
 * 说明 · explain — an outcome as a short, readable account in Chinese or English: the track, the
 * amounts in ¥ and 大写, the reasons (decisive first), the findings, and each computed figure with the
 * rule, the clause and the parameters (value, date, status) behind it.
 *
 * @example explain(compute(myCase), { lang: "zh" })
 */
export function explain(
  outcome: Outcome,
  options: { readonly lang?: Lang; readonly catalogs?: readonly MessageCatalog[] } = {},
): string {
  const lang = options.lang ?? "en";
  const catalogs = options.catalogs ?? messageCatalogs;
  const zh = lang === "zh";
  const lines: string[] = [];
  lines.push(
    `${outcome.id} · ${KINDS[outcome.kind][lang]} · ${outcome.township} · ${zh ? "规则集" : "rule set"} ${outcome.ruleSet.id} v${outcome.ruleSet.version}`,
  );
  if (outcome.track !== undefined)
    lines.push(
      `${zh ? "适用" : "Track"}: ${TRACKS[outcome.track][lang]}${outcome.eligible ? "" : zh ? "(不符合条件)" : " (not eligible)"}`,
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
    for (const reason of ordered)
      lines.push(
        `  ${reasonMark(reason, outcome)} ${render(reason, lang, catalogs)}${reason.track !== undefined && reason.track !== outcome.track && reason.decisive !== true ? (zh ? ` (排除:${TRACKS[reason.track].zh})` : ` (rules out: ${reason.track})`) : ""} 〔${reason.clause}〕`,
      );
  }
  if (outcome.findings.length > 0) {
    lines.push(zh ? "需关注:" : "Findings:");
    for (const finding of outcome.findings)
      lines.push(`  ! ${finding.itemId === undefined ? "" : `[${finding.itemId}] `}${render(finding, lang, catalogs)}`);
  }
  if (outcome.trace.length > 0) {
    lines.push(zh ? "计算过程:" : "How each figure was computed:");
    outcome.trace.forEach((traceStep, index) => lines.push(...stepLines(traceStep, index + 1, lang, catalogs)));
  }
  return lines.join("\n");
}

function amountLines(outcome: Outcome, lang: Lang): string[] {
  const zh = lang === "zh";
  const { municipal, district, total } = outcome.amounts;
  const capital = toChineseCapital(total, { prefix: "人民币" });
  return [
    `${zh ? "金额" : "Amounts"}: ${zh ? "市级" : "municipal"} ${formatYuan(municipal)}, ${zh ? "区级" : "district"} ${formatYuan(district)}, ${zh ? "合计" : "total"} ${formatYuan(total)}`,
    `${zh ? "大写" : "In capitals"}: ${capital}`,
    `${zh ? "收款方" : "Payee"}: ${outcome.payee.type} ${outcome.payee.id}`,
  ];
}

function reasonMark(reason: Reason, outcome: Outcome): string {
  if (reason.decisive === true) return "✓";
  if (reason.track !== undefined && reason.track !== outcome.track) return "✗";
  return "·";
}

function render(item: Reason | Finding, lang: Lang, catalogs: readonly MessageCatalog[]): string {
  if (lang === "en") return item.message;
  for (const catalog of catalogs) {
    const template = catalog.codes[item.code];
    if (template !== undefined) return template.zh(item.data ?? {});
  }
  return item.message;
}

function ruleLabel(rule: string, lang: Lang, catalogs: readonly MessageCatalog[]): string {
  for (const catalog of catalogs) {
    const label = catalog.rules[rule];
    if (label !== undefined) return `${label[lang]} (${rule})`;
  }
  return rule;
}

function stepLines(traceStep: TraceStep, number: number, lang: Lang, catalogs: readonly MessageCatalog[]): string[] {
  const zh = lang === "zh";
  const out = [
    `  ${number}. ${ruleLabel(traceStep.rule, lang, catalogs)} = ${showJson(traceStep.value)}  〔${traceStep.clause}〕`,
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
