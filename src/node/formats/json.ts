import { ISSUE_LIMIT, echoText } from "../../errors/echo.js";
import { InvalidInputError, formatPath, type InputIssue } from "../../errors/index.js";
import { CONTROL, controlProblem, textPlace } from "./text.js";

/**
 * JSON text → values, strictly: `JSON.parse` silently keeps the last of two equal keys
 * (`{"landAreaM2": "5000", "landAreaM2": "1"}` reads as 1), so a scan of the same text finds every key given
 * twice in one object. The scan runs on text `JSON.parse` has accepted, so it only follows the structure:
 * one pass of `charCodeAt`, strings skipped with `indexOf`, no regular expression and no copy of the text
 * but each key.
 */

/** A key given twice in one object: the path of the second (`[0].landAreaM2`). */
export interface DuplicateKey {
  readonly path: string;
  readonly key: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** One open object or array: the keys seen (an object) or the index reached (an array), for paths. */
interface Frame {
  readonly object: boolean;
  /** Keys so far: a list while short, a set once long. */
  keys: string[] | Set<string> | undefined;
  key: string | number;
}

const SHORT = 12;

/** Whether `key` was seen in `frame`, remembering it. */
function seenBefore(frame: Frame, key: string): boolean {
  const keys = frame.keys;
  if (keys === undefined) {
    frame.keys = [key];
    return false;
  }
  if (Array.isArray(keys)) {
    for (let index = 0; index < keys.length; index += 1) if (keys[index] === key) return true;
    keys.push(key);
    if (keys.length > SHORT) frame.keys = new Set(keys);
    return false;
  }
  if (keys.has(key)) return true;
  keys.add(key);
  return false;
}

/** The index of the quote that ends the string whose opening quote is at `start`. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end > 0) {
    let slashes = 0;
    for (let back = end - 1; text.charCodeAt(back) === BACKSLASH; back -= 1) slashes += 1;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return text.length;
}

/**
 * Every key given twice in one object of `text`, which must be JSON that `JSON.parse` accepts (up to
 * `limit` of them). Keys compare as JSON.parse decodes them (`"a"` and `"\u0061"` are the same key).
 * `value`, when given, is what `JSON.parse` made of `text`: text that {@link provesNoDuplicates} clears is
 * not scanned.
 */
export function duplicateKeys(text: string, limit: number = ISSUE_LIMIT, value?: unknown): DuplicateKey[] {
  if (value !== undefined && provesNoDuplicates(text, value)) return [];
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let top: Frame | undefined;
  let keyNext = false;
  const length = text.length;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const end = stringEnd(text, index);
      if (keyNext && top !== undefined) {
        const raw = text.slice(index + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (seenBefore(top, key) && found.length < limit) found.push({ path: pathOf(stack, key), key });
        top.key = key;
        keyNext = false;
      }
      index = end;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      top = { object: code === OPEN_OBJECT, keys: undefined, key: 0 };
      stack.push(top);
      keyNext = code === OPEN_OBJECT;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      stack.pop();
      top = stack[stack.length - 1];
      keyNext = false;
    } else if (code === COMMA && top !== undefined) {
      if (top.object) keyNext = true;
      else top.key = (top.key as number) + 1;
    }
  }
  return found;
}

/**
 * Whether `value` (what `JSON.parse` made of `text`) proves that `text` has no key given twice, at the cost of a
 * native `indexOf` run over the text and a walk of the value: every key of the text is followed by one colon,
 * and any other colon is inside a string, so colons ≥ keys written ≥ keys kept, with keys written = keys kept
 * exactly when no key is repeated. When the colons equal the keys `value` holds, both inequalities are
 * equalities: no key was dropped. Otherwise (a repeated key, or a colon in some string) the caller scans.
 */
export function provesNoDuplicates(text: string, value: unknown): boolean {
  let colons = 0;
  for (let at = text.indexOf(":"); at >= 0; at = text.indexOf(":", at + 1)) colons += 1;
  return colons === keysHeld(value, colons);
}

/**
 * The number of keys in every object of a parsed value (stopping once past `most`), or -1 when `Object.prototype`
 * has an enumerable property: `for…in` counts the keys without a list per object, and JSON.parse's objects have
 * only own enumerable keys and `Object.prototype`, so it counts exactly their keys unless that holds one too.
 */
function keysHeld(value: unknown, most: number): number {
  if (typeof value !== "object" || value === null) return 0;
  for (const _ in Object.prototype) return -1;
  let count = 0;
  const stack: object[] = [value];
  while (stack.length > 0 && count <= most) {
    const node = stack.pop() as { readonly [key: string]: unknown };
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        const child: unknown = node[index];
        if (typeof child === "object" && child !== null) stack.push(child);
      }
      continue;
    }
    for (const key in node) {
      count += 1;
      const child = node[key];
      if (typeof child === "object" && child !== null) stack.push(child);
    }
  }
  return count;
}

function pathOf(stack: readonly Frame[], key: string): string {
  const segments: (string | number)[] = [];
  for (let depth = 0; depth < stack.length - 1; depth += 1) segments.push((stack[depth] as Frame).key);
  segments.push(key);
  return formatPath(segments);
}

/** Where a `JSON.parse` error is: V8 says "at position N" (or "line L column C") for most of them. */
function syntaxPlace(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  if (position !== null) {
    const { line, column } = textPlace(text, Number(position[1]));
    return ` (line ${line}, column ${column})`;
  }
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  return lineColumn === null ? "" : ` (line ${lineColumn[1]}, column ${lineColumn[2]})`;
}

/**
 * The first comma of `text` (outside strings) that only blanks separate from a `]` or `}`: its index and that of
 * the bracket, or undefined.
 */
export function trailingComma(text: string): { readonly comma: number; readonly bracket: number } | undefined {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) index = stringEnd(text, index);
    else if (code === COMMA) {
      let next = index + 1;
      while (next < text.length && /\s/.test(text[next] as string)) next += 1;
      const after = text.charCodeAt(next);
      if (after === CLOSE_ARRAY || after === CLOSE_OBJECT) return { comma: index, bracket: next };
    }
  }
  return undefined;
}

/**
 * What is wrong with JSON text `JSON.parse` refused with `message`, where it is (line and column), in English and
 * Chinese: a comma after the last item (JSON.parse's own words do not say so, and sometimes name no place) is said
 * as that; any other error in JSON.parse's words with its place.
 */
export function syntaxProblem(text: string, message: string): { readonly message: string; readonly zh: string } {
  const position = /position (\d+)/.exec(message);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  const trailing = trailingComma(text);
  const at =
    position !== null
      ? Number(position[1])
      : lineColumn !== null
        ? textIndex(text, Number(lineColumn[1]), Number(lineColumn[2]))
        : undefined;
  if (trailing !== undefined && (at === undefined || at === trailing.bracket)) {
    const { line, column } = textPlace(text, trailing.comma);
    return {
      message: `is not valid JSON (line ${line}, column ${column}): a comma after the last item of a list or object, which JSON does not allow; remove it`,
      zh: `不是有效的 JSON（第 ${line} 行第 ${column} 列）：列表或对象的最后一项后有逗号，JSON 不允许；请删去该逗号`,
    };
  }
  const place = syntaxPlace(text, message);
  return {
    message: `is not valid JSON${place}: ${echoText(message, 160)}`,
    zh: `不是有效的 JSON${place.replace(/ \(line (\d+), column (\d+)\)/, "（第 $1 行第 $2 列）")}`,
  };
}

/** The index in `text` of 1-based `line` and `column`. */
function textIndex(text: string, line: number, column: number): number {
  let index = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf("\n", index);
    if (next < 0) return text.length;
    index = next + 1;
  }
  return index + column - 1;
}

/** The problems of duplicate keys, as input issues at `where(path)`. */
export function duplicateKeyIssues(duplicates: readonly DuplicateKey[], where: (path: string) => string): InputIssue[] {
  return duplicates.map(({ path, key }) => ({
    path: where(path),
    code: "duplicate-key",
    message: `the key "${echoText(key)}" is given twice in the same object: JSON would keep only the last value and drop the other silently; remove one`,
    zh: `同一对象中键 "${echoText(key)}" 出现两次：JSON 只保留最后一个值，另一个会被悄悄丢弃；请删去一个`,
  }));
}

/**
 * The value of a JSON document, refusing what `JSON.parse` would accept silently: a key given twice in an
 * object. Paths are `file › [0].landAreaM2`.
 *
 * @throws InvalidInputError for text that is not JSON (with its line and column) or for duplicate keys.
 */
export function parseJson(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { message, zh } = syntaxProblem(text, (error as Error).message);
    throw new InvalidInputError([{ path: file, code: "not-json", message, zh }]);
  }
  const duplicates = duplicateKeys(text, ISSUE_LIMIT, value);
  if (duplicates.length > 0) throw new InvalidInputError(duplicateKeyIssues(duplicates, (path) => `${file} › ${path}`));
  const broken = loneSurrogates(text, value);
  if (broken.length > 0) throw new InvalidInputError(loneSurrogateIssues(broken, (path) => `${file} › ${path}`));
  return value;
}

/** The control characters a JSON text may hold unescaped inside a string (see {@link CONTROL}). */
const RAW_CONTROL = /[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BROKEN = new RegExp(`${LONE.source}|\\uFFFD|${CONTROL.source}`);

/** A string (or key) of a JSON document that is not text to compute on, and why. */
export interface BrokenText {
  readonly path: string;
  /**
   * `lone-surrogate`: an escaped half of a surrogate pair; `replacement`: an escaped U+FFFD (`"\ufffd"`);
   * `control`: an escaped control character (`"\u0000"`, `"\u001b"`, `"\b"`, a bidirectional override).
   */
  readonly kind: "lone-surrogate" | "replacement" | "control";
  /** The control character, for `control`. */
  readonly character?: string;
}

/** The escapes of text that {@link brokenTexts} refuses: only text holding one is walked. */
const BROKEN_ESCAPE = /\\(?:u(?:[dD][89a-fA-F]|[fF]{3}[dD]|00[01]|007[fF]|00[89]|20(?:2[a-eA-E]|6[6-9]))|[bf])/;

/**
 * The strings (and keys) that are not text to compute on: an escaped half of a surrogate pair (`"\ud800"`),
 * which no file can store — written out, it would become U+FFFD — and an escaped U+FFFD (`"\ufffd"`), which is
 * what a program that decoded the text wrongly before writing JSON leaves where a character was lost (Python's
 * `json.dumps` of mojibake). A raw U+FFFD never gets here: decoding refuses it. Only text with such an escape
 * is walked, or text holding a control character written raw (DEL, a C1 control, a bidirectional override).
 */
export function loneSurrogates(text: string, value: unknown, limit: number = ISSUE_LIMIT): BrokenText[] {
  // includes first: most texts have no escape of these at all, and it is several times faster than the pattern.
  const escaped = (text.includes("\\u") || text.includes("\\b") || text.includes("\\f")) && BROKEN_ESCAPE.test(text);
  // JSON.parse refuses a raw C0 control inside a string, but not DEL, the C1 controls or the bidi overrides.
  if (!escaped && !RAW_CONTROL.test(text)) return [];
  return brokenTexts(value, limit);
}

/** {@link loneSurrogates} of a value whatever text it was parsed from (YAML has more escapes than JSON). */
export function brokenTexts(value: unknown, limit: number = ISSUE_LIMIT): BrokenText[] {
  const found: BrokenText[] = [];
  const check = (candidate: string, path: (string | number)[]) => {
    if (!BROKEN.test(candidate)) return;
    const control = CONTROL.exec(candidate);
    if (LONE.test(candidate)) found.push({ path: formatPath(path), kind: "lone-surrogate" });
    else if (candidate.includes("\uFFFD")) found.push({ path: formatPath(path), kind: "replacement" });
    else if (control !== null) found.push({ path: formatPath(path), kind: "control", character: control[0] });
  };
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && found.length < limit) {
    const { value: node, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (typeof node === "string") check(node, path);
    else if (Array.isArray(node)) node.forEach((child, index) => stack.push({ value: child, path: [...path, index] }));
    else if (typeof node === "object" && node !== null)
      for (const key of Object.keys(node)) {
        check(key, [...path, key]);
        stack.push({ value: (node as { [key: string]: unknown })[key], path: [...path, key] });
      }
  }
  return found;
}

/** The problems of strings that are not text to compute on (see {@link loneSurrogates}). */
export function loneSurrogateIssues(broken: readonly BrokenText[], where: (path: string) => string): InputIssue[] {
  return broken.map(({ path, kind, character }) =>
    kind === "control"
      ? { path: where(path), code: "control-character", ...controlProblem(character ?? "\u0000") }
      : kind === "lone-surrogate"
        ? {
            path: where(path),
            code: "not-unicode",
            message:
              'holds an escaped half of a surrogate pair (such as "\\ud800"), which is not a character: no file can store it (it would be written as U+FFFD); write the character itself',
            zh: "含有不成对的代理项转义（如 \\ud800），不是有效字符，无法写入文件：请直接写出该字符",
          }
        : {
            path: where(path),
            code: "replacement-character",
            message:
              'holds the replacement character U+FFFD (written "\\ufffd"), which a wrong decoding leaves where a character was lost: the text is damaged; take it again from the original data',
            zh: "含有替换字符 U+FFFD（写作 \\ufffd）：这是错误解码留下的，原字符已丢失；请从原始数据重新导出",
          },
  );
}
