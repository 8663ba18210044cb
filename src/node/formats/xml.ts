/**
 * Just enough XML for the parts of an `.xlsx`: tags one after another (names without their namespace prefix,
 * so `<x:row>` is `row`), attributes by local name, and text with its entities decoded. Comments, processing
 * instructions and the doctype are skipped; CDATA is text.
 */

/** One tag: its local name, its raw attributes, and where it ends. */
export interface Tag {
  readonly name: string;
  /** The text between the name and `>` (or `/>`). */
  readonly attributes: string;
  /** `</name>`. */
  readonly closing: boolean;
  /** `<name/>`. */
  readonly empty: boolean;
  /** Index of `<`. */
  readonly start: number;
  /** Index just after `>`. */
  readonly end: number;
}

const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;

function isNameEnd(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === SLASH || code === GT;
}

/**
 * The next tag at or after `from`, or undefined at the end of the text.
 *
 * @throws Error for a tag that is not closed (the part is damaged).
 */
export function nextTag(xml: string, from: number): Tag | undefined {
  let start = xml.indexOf("<", from);
  while (start >= 0) {
    const second = xml.charCodeAt(start + 1);
    if (second === 0x21) {
      // <!-- … -->, <![CDATA[ … ]]> (text, skipped here), <!DOCTYPE …>
      const close = xml.startsWith("<!--", start)
        ? xml.indexOf("-->", start)
        : xml.startsWith("<![CDATA[", start)
          ? xml.indexOf("]]>", start)
          : xml.indexOf(">", start);
      if (close < 0) throw new Error("unclosed markup");
      start = xml.indexOf("<", close);
      continue;
    }
    if (second === 0x3f) {
      const close = xml.indexOf("?>", start);
      if (close < 0) throw new Error("unclosed processing instruction");
      start = xml.indexOf("<", close);
      continue;
    }
    const closing = second === SLASH;
    let nameStart = start + (closing ? 2 : 1);
    let at = nameStart;
    while (at < xml.length && !isNameEnd(xml.charCodeAt(at))) {
      if (xml.charCodeAt(at) === COLON) nameStart = at + 1;
      at += 1;
    }
    const end = xml.indexOf(">", at);
    if (end < 0) throw new Error("unclosed tag");
    const empty = xml.charCodeAt(end - 1) === SLASH;
    return {
      name: xml.slice(nameStart, at),
      attributes: xml.slice(at, empty ? end - 1 : end),
      closing,
      empty,
      start,
      end: end + 1,
    };
  }
  return undefined;
}

/** The value of the attribute whose local name is `name` (`id` finds `r:id`), entities decoded. */
export function attribute(attributes: string, name: string): string | undefined {
  return attributeIn(attributes, 0, attributes.length, name);
}

/** {@link attribute} of the attributes between `from` and `to` of `text` (no copy of the tag is made). */
export function attributeIn(text: string, from: number, to: number, name: string): string | undefined {
  const first = name.charCodeAt(0);
  const last = to - name.length;
  for (let at = from; at <= last; at += 1) {
    if (text.charCodeAt(at) !== first || !text.startsWith(name, at)) continue;
    const before = text.charCodeAt(at - 1);
    const boundary =
      at === from || before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d || before === COLON;
    let equals = at + name.length;
    while (text.charCodeAt(equals) === 0x20) equals += 1;
    if (!boundary || text.charCodeAt(equals) !== 0x3d) continue;
    let quote = equals + 1;
    while (text.charCodeAt(quote) === 0x20) quote += 1;
    const mark = text.charCodeAt(quote);
    if (mark !== 0x22 && mark !== 0x27) continue;
    const close = text.indexOf(mark === 0x22 ? '"' : "'", quote + 1);
    if (close > quote && close < to) return decodeEntities(text.slice(quote + 1, close));
  }
  return undefined;
}

const NAMED: { readonly [name: string]: string } = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with XML's entities (`&amp;`, `&#x4E2D;`, `&#20013;`) decoded. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return safeCodePoint(Number.parseInt(body.slice(2), 16), whole);
    if (body.startsWith("#")) return safeCodePoint(Number.parseInt(body.slice(1), 10), whole);
    return Object.hasOwn(NAMED, body) ? (NAMED[body] as string) : whole;
  });
}

/** The character of a numeric entity; a surrogate or a code point past U+10FFFF is no character: kept as written. */
function safeCodePoint(code: number, whole: string): string {
  return code >= 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
}

/**
 * The text inside the element that `open` starts, up to its closing tag (nested markup removed, entities
 * decoded), and the index after the closing tag.
 */
export function elementText(xml: string, open: Tag): { text: string; end: number } {
  if (open.empty) return { text: "", end: open.end };
  let text = "";
  let at = open.end;
  for (;;) {
    const tag = nextTag(xml, at);
    if (tag === undefined) throw new Error(`unclosed <${open.name}>`);
    text += rawText(xml, at, tag.start);
    if (tag.closing && tag.name === open.name) return { text: decodeEntities(text), end: tag.end };
    at = tag.end;
  }
}

/** The characters between two tags: CDATA sections kept as their content, comments dropped. */
function rawText(xml: string, from: number, to: number): string {
  const piece = xml.slice(from, to);
  if (!piece.includes("<!")) return piece;
  return piece.replace(/<!--[\s\S]*?-->/g, "").replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1");
}
