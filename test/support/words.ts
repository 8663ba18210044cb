import { SUMMARIES } from "../../src/node/messages.js";

/**
 * The rule for a Chinese text: no ASCII English word but allowed tokens — option names (`--lang`), command
 * names (and the words of one such as verify-receipt), `exitfund`, the language codes zh/en, placeholders and
 * anything in backquotes (file and format names, codes, environment variables) or double quotes (echoed input,
 * a name the user typed, is data, not text), and data shown as it is: paths and URLs (`out/results.json`,
 * `http://127.0.0.1:8080`) and ids with a hyphen (`tongzhou-2016`). A word is two or more ASCII letters.
 */
export function englishWordsIn(zh: string): string[] {
  const bare = zh
    .replace(/`[^`]*`/g, " ")
    .replace(/--?[A-Za-z][A-Za-z0-9-]*/g, " ")
    .replace(/"[^"]*"/g, " ")
    .replace(/[\w.:-]*[/.][\w./:-]*|[A-Za-z]+-[\w-]+/g, " ");
  return (bare.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !ALLOWED.has(word));
}

const ALLOWED = new Set(["exitfund", "help", "zh", "en", ...Object.keys(SUMMARIES).flatMap((name) => name.split("-"))]);
