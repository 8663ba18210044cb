import { visibleEscape } from "../errors/echo.js";

// C0 controls but newline and tab, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates
// (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069): what lets a hostile cell recolour, move or reorder
// what an auditor reads on a terminal.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text as it may reach a terminal: every control character but newline and tab, and every bidi control,
 * written as a visible escape as every message shows one (`\u001B`, `\u202E`), so `\u001B[31m` in a township's name is shown, not obeyed.
 */
export function terminalText(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, visibleEscape) : text;
}
