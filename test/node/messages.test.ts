import { describe, expect, it } from "vitest";
import { MESSAGES, MESSAGES_WITH, SUMMARIES, type Said } from "../../src/node/messages.js";

/**
 * The rule for a Chinese text: no ASCII English word but allowed tokens — option names (`--lang`), command
 * names, `exitfund`, the language codes zh/en, placeholders and anything in backquotes (file and format
 * names, codes, environment variables). A word is two or more ASCII letters.
 */
const ALLOWED = new Set(["exitfund", "help", "zh", "en", ...Object.keys(SUMMARIES)]);

export function englishWordsIn(zh: string): string[] {
  const bare = zh
    .replace(/`[^`]*`/g, " ")
    .replace(/--?[A-Za-z][A-Za-z0-9-]*/g, " ")
    .replace(/"[^"]*"/g, " "); // echoed input (a name the user typed) is data, not text
  return (bare.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !ALLOWED.has(word));
}

const ENTRIES: ReadonlyArray<readonly [string, Said]> = [
  ...Object.entries(SUMMARIES).map(([name, said]) => [`summary ${name}`, said] as const),
  ...Object.entries(MESSAGES).map(([name, said]) => [`message ${name}`, said] as const),
  ["unknownCommand", MESSAGES_WITH.unknownCommand("compte", "compute", "compute, verify")],
  ["unknownCommand (none close)", MESSAGES_WITH.unknownCommand("zzz", undefined, "compute, verify")],
  ["interrupted", MESSAGES_WITH.interrupted("SIGINT")],
];

describe("the CLI's message catalogue", () => {
  it.each(ENTRIES)("%s has a Chinese and an English text", (_name, said) => {
    expect(said.zh.trim()).not.toBe("");
    expect(said.en.trim()).not.toBe("");
    expect(said.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(englishWordsIn(said.zh)).toEqual([]);
    expect(said).toMatchSnapshot();
  });

  it("the rule catches an English word in a Chinese text, and lets allowed tokens through", () => {
    expect(englishWordsIn("计算 the cases")).toEqual(["the", "cases"]);
    expect(englishWordsIn("见 `docs/cli.md`，--format json 需要 exitfund compute")).toEqual(["json"]);
    expect(englishWordsIn("见 `docs/cli.md`，`--format json` 需要 exitfund compute，--lang zh")).toEqual([]);
  });
});
