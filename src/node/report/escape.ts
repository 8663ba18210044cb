import { terminalText } from "../terminal.js";

const ENTITIES: { readonly [character: string]: string } = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text for HTML (element content or a quoted attribute): `& < > " '` as entities, and every control character
 * and bidi control as a visible escape (`\u202e`), so a township's name can neither open markup nor reorder
 * what is read around it.
 */
export function escapeHtml(text: string): string {
  return terminalText(text).replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** A user-given name in running text: escaped and isolated (`<bdi>`), so right-to-left text stays in its place. */
export function userText(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}

/** At most `max` characters of `text` (by code point), with "…" when cut. */
export function shortened(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join("")}…`;
}
