import type { Label } from "../vocabulary.js";

/** A Chinese character (what tells the Chinese half of `中文 · English` from the English one). */
const HAN = /\p{Script=Han}/u;

/** A rule-set title as one text: a one-text title as it is, a title in each language as `中文 · English`. */
export function titleText(title: string | Label): string {
  return typeof title === "string" ? title : title.zh === title.en ? title.zh : `${title.zh} · ${title.en}`;
}

/**
 * A rule-set title in each language: `{ zh, en }` as it is; a one-text title `中文 · English` (Chinese before the
 * first " · ", no Chinese after it) split in two; any other text is the title in both languages.
 */
export function titlesOf(title: string | Label): Label {
  if (typeof title !== "string") return { zh: title.zh, en: title.en };
  const at = title.indexOf(" · ");
  const zh = title.slice(0, at).trim();
  const en = title.slice(at + " · ".length).trim();
  return at > 0 && HAN.test(zh) && !HAN.test(en) && en !== "" ? { zh, en } : { zh: title, en: title };
}
