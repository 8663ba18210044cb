import type { Label } from "../vocabulary.js";
import { TRACK_LABELS } from "../vocabulary.js";
import type { Programme } from "../rules/programme.js";
import type { Lang } from "./lang.js";

/**
 * 问题 · short names of the findings the bundled domains give, for table cells and sheet columns (the outcome's
 * own sentence, from the domain's catalog, says the figures; JSON keeps the codes).
 */
export const FINDING_LABELS: ReadonlyMap<string, Label> = new Map([
  ["type-mismatch", { zh: "结构类型与测量不符", en: "structure type differs from the survey" }],
  ["quantity-exceeds-survey", { zh: "申报数量超过测量数量", en: "declared quantity exceeds the survey" }],
  ["built-after-cutoff", { zh: "截止日后抢建", en: "built after the cut-off date" }],
  ["unsurveyed", { zh: "未经测量", en: "not surveyed" }],
  ["declared-amount-mismatch", { zh: "申报金额与测算不符", en: "declared amount differs from the rates" }],
  ["after-deadline", { zh: "逾期完成退出", en: "exit completed after the deadline" }],
  ["whole-exit-required", { zh: "须整体退出", en: "whole exit required" }],
  ["municipal-granted-off-track", { zh: "市级奖励已批但不适用", en: "municipal reward granted off track" }],
  ["tax-mismatch", { zh: "税收与企业个案不符", en: "taxes differ from the enterprise case" }],
  ["township-mismatch", { zh: "乡镇与企业个案不符", en: "township differs from the enterprise case" }],
  ["leased-area-exceeds-site", { zh: "出租面积超过地块面积", en: "leased area exceeds the site" }],
  ["lease-ended", { zh: "租约已到期", en: "lease already ended" }],
  ["lease-capped", { zh: "剩余租期超过上限", en: "remaining lease capped" }],
]);

/** A finding's short name in `lang`; in zh a code no catalog names is shown as `code` (in backquotes). */
export function findingName(code: string, lang: Lang): string {
  const label = FINDING_LABELS.get(code);
  if (label !== undefined) return label[lang];
  return lang === "zh" ? `\`${code}\`` : code;
}

/** A case kind as people read it: its domain's Chinese label in zh, the code in en. */
export function kindName(kind: string, lang: Lang, programme?: Programme): string {
  return lang === "zh" ? (programme?.entry(kind)?.domain.labels.zh ?? kind) : kind;
}

/** A track as people read it: its Chinese label in zh (from the domain's tracks, else the bundled ones), the code in en. */
export function trackName(track: string, lang: Lang, programme?: Programme, kind?: string): string {
  if (lang === "en") return track;
  const tracks = kind === undefined ? undefined : programme?.entry(kind)?.domain.tracks;
  if (tracks !== undefined && Object.hasOwn(tracks, track)) return tracks[track]?.zh ?? track;
  return Object.hasOwn(TRACK_LABELS, track) ? TRACK_LABELS[track as keyof typeof TRACK_LABELS].zh : track;
}
