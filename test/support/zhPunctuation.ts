import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/** A Chinese character or a Chinese (full-width) punctuation mark. */
const CHINESE = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/;
const IDEOGRAPH = /[\u3400-\u9fff]/;
/**
 * Quoted data, codes and placeholders, where ASCII punctuation is the data's own: "…", 「…」, “…”, `…`, <…>, and
 * the formula notation of step sentences, `min(测算额 …, 上限 …) = …`.
 */
const QUOTED = /"(?:[^"\\]|\\.)*"|「[^」]*」|“[^”]*”|`[^`]*`|<[^<>\n]*>|\b(?:min|max)\(/g;
/** Three English words in a row: the text is an English one that names a Chinese term, `(腾地经费申报)`. */
const ENGLISH = /[A-Za-z]{2,}(?:[ ,']+[a-z]+){2}/;

/** An English text: three English words in a row, or Chinese only in a bracketed gloss, `declaredOn (申报日期)`. */
function isEnglish(bare: string): boolean {
  return ENGLISH.test(bare.replace(/\$\{…\}|\u0001+/g, " ")) || !IDEOGRAPH.test(bare.replace(/ \([^()]*\)/g, ""));
}

/** Object notation, `{ \`ruleSet\`, \`results\`（按输入顺序）, … }`: its commas are the notation's. */
const BRACED = /\{[^{}]*\}/g;

/**
 * Literals that are not Chinese text but data in a Chinese form: an old spelling still accepted as input
 * (`(废止)` for a repealed value in a rule-set workbook) and a regular expression's source.
 */
const NOT_TEXT: ReadonlySet<string> = new Set(["(废止)", "(^|› |[(（]另见 |[(（]also at )"]);

export interface Offender {
  /** `src/money/parse.ts:98`. */
  readonly where: string;
  /** The literal's text, its substitutions written ${…}. */
  readonly text: string;
  /** The ASCII marks next to Chinese, each with a character either side: `元(不`. */
  readonly marks: readonly string[];
}

/**
 * The ASCII `,:;()` next to a Chinese character in a Chinese text, outside quoted data and codes: a Chinese
 * sentence takes ，：；（） — `应为十进制数字文本（如 "1250.50"）`. Substitutions count as neither.
 */
export function asciiMarksInChinese(text: string): string[] {
  if (NOT_TEXT.has(text)) return [];
  let bare = text.replace(QUOTED, (quoted) => "\u0001".repeat(quoted.length));
  for (let before = ""; before !== bare; ) {
    before = bare;
    bare = bare.replace(BRACED, (braced) => "\u0001".repeat(braced.length));
  }
  if (!IDEOGRAPH.test(bare) || isEnglish(bare)) return [];
  return [...bare.matchAll(/[:;,()]/g)]
    .filter((m) => CHINESE.test(bare[m.index - 1] ?? "") || CHINESE.test(bare[m.index + 1] ?? ""))
    .map((m) => bare.slice(Math.max(0, m.index - 1), m.index + 2));
}

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Every string and template literal of the .ts files under `folder` whose Chinese text has ASCII marks. */
export function offendersIn(folder: string, root: string): Offender[] {
  const found: Offender[] = [];
  for (const file of sources(folder)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      let text: string | undefined;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
      else if (ts.isTemplateExpression(node))
        text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join("${…}");
      const marks = text === undefined ? [] : asciiMarksInChinese(text);
      if (text !== undefined && marks.length > 0) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({ where: `${relative(root, file)}:${line}`, text, marks });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
