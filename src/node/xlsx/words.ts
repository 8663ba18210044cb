import { DISCREPANCY_LABELS, STATUS_LABELS } from "../../audit/labels.js";
import type { DiscrepancyType, ReconciliationStatus } from "../../audit/types.js";
import { STRUCTURE_TYPE_LABELS, UNIT_LABELS } from "../../rules/land-clearing-fee/index.js";
import type { Programme } from "../../rules/programme.js";
import type { Finding, Json, ParamUse, Payee, Payer, Reason, Status } from "../../trace/types.js";
import {
  EXIT_MODE_LABELS,
  PAYER_LABELS,
  TAX_TYPE_LABELS,
  TRACK_LABELS,
  ZONE_TYPE_LABELS,
  type Label,
} from "../../vocabulary.js";
import { own } from "../own.js";
import { CATALOGUE_INDUSTRY, EXEMPT_CATEGORY } from "../../rules/enterprise-reward/messages.js";
import { DECLARED_BASIS_ZH } from "./verificationView.js";

/**
 * 表内用语 · the Chinese a printed sheet shows for every code exitfund computes with: kinds, tracks, payers,
 * statuses, findings, rules, parameters and the values in a trace. Sheets meant for signing or filing show
 * these words, never an English code, key or JSON (the JSON and CSV outputs keep the codes).
 */

/** 依据 · a parameter's or an outcome's standing, in words. */
export const STATUS_WORDS: { readonly [S in Status]: string } = {
  official: "官方文件",
  reported: "公开报道",
  illustrative: "示例值（非官方）",
};

/** 收款方 · who is paid. */
export const PAYEE_WORDS: { readonly [T in Payee["type"]]: string } = {
  enterprise: "企业",
  township: "乡镇人民政府",
  "village-collective": "村集体经济组织",
};

/**
 * The part of a "中文 English" label (a parameter's, a field's) people read on a Chinese sheet: asides in
 * brackets that hold English dropped, and the English tail (from the first space or · after which no Chinese
 * character follows) cut.
 */
export function chineseOnly(label: string): string {
  const withoutAsides = label.replace(/[(（][^()（）]*[A-Za-z][^()（）]*[)）]/g, "");
  let cut = withoutAsides.length;
  for (let at = withoutAsides.length - 1; at >= 0; at -= 1) {
    const character = withoutAsides[at] ?? "";
    if (/[\u3000-\u9fff\uff00-\uffef]/.test(character)) break;
    if (/[\s·]/.test(character) && /^[\s·]*[A-Za-z]/.test(withoutAsides.slice(at))) cut = at;
  }
  const text = withoutAsides.slice(0, cut).trim();
  return /[\u3000-\u9fff]/.test(text) ? text : label;
}

/**
 * The English part of a "中文 English" label, for English text: the label without its Chinese head (the text
 * before the first English word, when it holds a Chinese character); the label as given when it has no such head
 * or nothing English follows it. A Chinese term the English cites in brackets stays (`(built later: 抢建)`).
 */
export function englishOnly(label: string): string {
  const head = /^[^A-Za-z]*?[\u3000-\u9fff\uff00-\uffef][^A-Za-z]*?[\s·]+(?=[A-Za-z]{2})/.exec(label);
  return head === null ? label : label.slice(head[0].length).trim();
}

/** 付款方 · 市级 / 区级. */
export function payerWords(payer: Payer): string {
  return PAYER_LABELS[payer].zh;
}

/** 案件类型 · a kind in words (the programme's label), or the kind as given when the programme lacks it. */
export function kindWords(programme: Programme, kind: string): string {
  return programme.entry(kind)?.domain.labels.zh ?? kind;
}

/** 奖励类别 · a track of a kind in words. */
export function trackWords(programme: Programme, kind: string, track: string): string {
  const tracks = programme.entry(kind)?.domain.tracks;
  return (tracks === undefined ? undefined : own(tracks, track)?.zh) ?? track;
}

/** 预算科目 · a budget line (a track, or a kind) in words. */
export function budgetLineWords(programme: Programme, line: string): string {
  const kind = programme.entry(line);
  if (kind !== undefined) return kind.domain.labels.zh;
  for (const domain of programme.domains) {
    const label = domain.tracks === undefined ? undefined : own(domain.tracks, line);
    if (label !== undefined) return label.zh;
  }
  return line;
}

/** 收款方 · `企业 E-2016-0001`, `乡镇人民政府 台湖镇`. */
export function payeeWords(payee: Payee): string {
  return `${own(PAYEE_WORDS, payee.type) ?? payee.type} ${payee.id}`;
}

/** 差异类型 · a discrepancy type in words. */
export function discrepancyWords(type: DiscrepancyType): string {
  return DISCREPANCY_LABELS[type].zh;
}

/** 核对状态 · a reconciliation status in words. */
export function statusWords(status: ReconciliationStatus): string {
  return STATUS_LABELS[status].zh;
}

/** A reason or finding in Chinese (its domain's text), or its English message when no domain has the code. */
export function codeWords(programme: Programme, item: Reason | Finding): string {
  for (const domain of programme.domains) {
    const template = own(domain.messages.codes, item.code);
    if (template !== undefined) return template.zh(item.data ?? {});
  }
  return item.message;
}

/** 计算项目 · a rule's name in Chinese (its domain's text), or the rule's name when no domain has it. */
export function ruleWords(programme: Programme, rule: string): string {
  for (const domain of programme.domains) {
    const label = own(domain.messages.rules, rule);
    if (label !== undefined) return label.zh;
  }
  return rule;
}

/** 参数 · a parameter in words (its label's Chinese), a table cell with its key in words: `腾地经费测算标准（砖混）`. */
export function parameterWords(programme: Programme, name: string): string {
  const whole = programme.parameters.find((handle) => handle.name === name);
  if (whole !== undefined) return chineseOnly(whole.label);
  const table = programme.parameters.find((handle) => name.startsWith(`${handle.name}.`));
  if (table === undefined) return name;
  return `${chineseOnly(table.label)}（${keyWords(programme, name.slice(table.name.length + 1))}）`;
}

/** The Chinese names of the values and keys a trace holds. */
const VALUE_WORDS: ReadonlyMap<string, string> = new Map<string, string>([
  ...Object.entries(STRUCTURE_TYPE_LABELS),
  ...labelEntries(EXIT_MODE_LABELS),
  ...labelEntries(ZONE_TYPE_LABELS),
  ...labelEntries(TAX_TYPE_LABELS),
  ...labelEntries(TRACK_LABELS),
  ...labelEntries(EXEMPT_CATEGORY),
  ...labelEntries(CATALOGUE_INDUSTRY),
  ...Object.entries(DECLARED_BASIS_ZH),
  ...labelEntries(UNIT_LABELS),
  ["above", "规模以上"],
  ["below", "规模以下"],
  ["granted", "已获市级奖励"],
  ["not-granted", "未获市级奖励"],
  ["pending", "待定"],
  ["not-applied", "未申报"],
  ["north", "京哈高速以北"],
  ["south", "京哈高速以南"],
  ["catalogue", "市淘汰目录行业"],
  ["exit", "退出"],
  ["retain", "保留"],
  ["half-up", "四舍五入"],
  ["half-even", "四舍六入五成双"],
  ["down", "舍去"],
]);

/** The Chinese names of the keys of a trace's inputs that are not case fields. */
const INPUT_WORDS: ReadonlyMap<string, string> = new Map<string, string>([
  ["raw", "测算额"],
  ["unrounded", "未取整金额"],
  ["rounding", "取整"],
  ["itemId", "地上物编号"],
  ["leaseId", "合同编号"],
  ["enterpriseId", "企业编号"],
  ["declaredType", "申报结构类型"],
  ["declaredQuantity", "申报数量"],
  ["surveyedType", "核定测量结构类型"],
  ["surveyedQuantity", "核定测量数量"],
  ["approvedType", "核定结构类型"],
  ["approvedQuantity", "核定数量"],
  ["unit", "单位"],
  ["rate", "单价"],
  ["meetsMunicipalStandard", "达到市级奖励标准"],
  ["totalTax", "纳税合计"],
  ["capYears", "补偿年限上限（年）"],
  ["capMonths", "补偿月数上限"],
  ["remainingMonths", "剩余租期（月）"],
  ["compensatedMonths", "补偿月数"],
  ["taxType", "税种"],
  ["reckonedOn", "参数取值日"],
  ["shares", "分享比例"],
  ["lost", "减少财力"],
  ["ratio", "影响比例"],
  ["items", "地上物"],
  ["declared", "申报合计"],
  ["approved", "核定合计"],
  ["municipalStandard", "市级奖励标准额"],
  ["standardAmount", "市级奖励标准额"],
  ["taxComponent", "税收贡献"],
  ["employeeComponent", "用工人数"],
  ["landComponent", "占地规模"],
  ["cap", "上限"],
  ["sum", "合计"],
  ["roundedStandardAmount", "取整后的市级奖励标准额"],
  ["item", "地上物"],
  ["basis", "申报合计口径"],
  ["fees", "各项核定金额"],
  ["lostRent", "租金损失补偿"],
  ["sitePart", "场地补偿"],
  ["enterprises", "退出企业"],
  ["lostCapacity", "减少的乡镇财力合计"],
  ["impactRatio", "影响比例"],
  ["threshold", "影响比例门槛"],
  ["eligible", "符合条件"],
  ["deadline", "时限"],
  ["brackets", "分档计算"],
]);

function labelEntries(labels: { readonly [key: string]: Label }): [string, string][] {
  return Object.entries(labels).map(([key, label]) => [key, label.zh]);
}

/** A key (a field, a table key, a code) in words, or the key itself when it has none. */
export function keyWords(programme: Programme, key: string): string {
  const field = programme.fieldLabel(key);
  if (field !== undefined) return chineseOnly(field);
  return INPUT_WORDS.get(key) ?? VALUE_WORDS.get(key) ?? own(UNIT_LABELS, key)?.zh ?? key;
}

/**
 * A trace value in words: decimals with thousands separators where they are amounts, true/false as 是/否, codes
 * as their Chinese names, a rate cell as `60 元/㎡`, a scale bracket by bracket, rounding as `四舍五入到 2 位小数`,
 * a table key by key.
 */
export function valueWords(programme: Programme, value: Json): string {
  if (value === null) return "无";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return VALUE_WORDS.get(value) ?? amountWords(value);
  if (Array.isArray(value)) return value.map((one) => valueWords(programme, one)).join("、");
  const object = value as { readonly [key: string]: Json };
  if (isRateCell(object)) return `${object.rate} 元/${own(UNIT_LABELS, String(object.unit))?.zh ?? object.unit}`;
  if (Array.isArray(object.brackets)) return scaleWords(object);
  if (isScalePart(object)) return scalePartWords(object);
  if (typeof object.scale === "number" && typeof object.mode === "string")
    return `${VALUE_WORDS.get(object.mode) ?? object.mode}到 ${object.scale} 位小数`;
  return Object.entries(object)
    .map(([name, inner]) => `${keyWords(programme, name)} ${valueWords(programme, inner)}`)
    .join("；");
}

function isRateCell(object: { readonly [key: string]: Json }): boolean {
  return typeof object.rate === "string" && typeof object.unit === "string" && Object.keys(object).length === 2;
}

/** One bracket's share of a scale, as a trace records it (`{ from, to?, portion, rate, amount }`). */
function isScalePart(object: { readonly [key: string]: Json }): boolean {
  const keys = Object.keys(object).sort().join(",");
  return keys === "amount,from,portion,rate" || keys === "amount,from,portion,rate,to";
}

/** A bracket's share in words: `0 至 300,000 部分 62,508.97 × 1 = 62,508.97`, `5,000 以上部分 2,646 × 0 = 0`. */
function scalePartWords(part: { readonly [key: string]: Json }): string {
  const figure = (value: Json | undefined) => amountWords(String(value));
  const range =
    part.to === undefined ? `${figure(part.from)} 以上部分` : `${figure(part.from)} 至 ${figure(part.to)} 部分`;
  return `${range} ${figure(part.portion)} × ${figure(part.rate)} = ${figure(part.amount)}`;
}

function scaleWords(object: { readonly [key: string]: Json }): string {
  const kinds: { readonly [type: string]: string } = {
    "marginal-rate": "超额累进",
    "single-amount": "定额分档",
    "single-rate": "全额分档",
  };
  const brackets = (object.brackets as readonly { readonly [key: string]: Json }[]).map((bracket) => {
    const figure = bracket.rate ?? bracket.amount;
    return `${amountWords(String(bracket.threshold))} 以上 ${amountWords(String(figure))}`;
  });
  return `${own(kinds, String(object.type)) ?? String(object.type)}：${brackets.join("；")}`;
}

/** A plain decimal with thousands separators, every digit kept (`14978.15055` → `14,978.15055`); other text as given. */
export function amountWords(value: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (match === null) return value;
  return `${match[1] ?? ""}${(match[2] ?? "").replace(/\B(?=(\d{3})+$)/g, ",")}${match[3] ?? ""}`;
}

/** 参数 · a parameter a step used, in words: `腾地经费测算标准（砖混） 60 元/㎡（自 2016-01-01 起，示例值（非官方））`. */
export function paramWords(programme: Programme, use: ParamUse): string {
  return `${parameterWords(programme, use.name)} ${valueWords(programme, use.value)}（自 ${use.from} 起，${STATUS_WORDS[use.status]}）`;
}

/** 计算输入 · the inputs of a trace step in words, one per line. */
export function inputWords(programme: Programme, inputs: { readonly [key: string]: Json }): string {
  return Object.entries(inputs)
    .map(([key, value]) => `${keyWords(programme, key)}：${valueWords(programme, value)}`)
    .join("\n");
}

/** A rule-set title as a Chinese sheet shows it: the part before " · " when the rest is English. */
export function titleWords(title: string): string {
  const [first, ...rest] = title.split(" · ");
  return rest.length > 0 && first !== undefined && /[\u4e00-\u9fff]/.test(first) ? first.trim() : title;
}
