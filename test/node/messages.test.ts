import { describe, expect, it } from "vitest";
import {
  MESSAGES,
  MESSAGES_WITH,
  SUMMARIES,
  VERIFY_RECEIPT,
  VERIFY_RECEIPT_WITH,
  type Said,
} from "../../src/node/messages.js";

/**
 * The rule for a Chinese text: no ASCII English word but allowed tokens — option names (`--lang`), command
 * names (and the words of one such as verify-receipt), `exitfund`, the language codes zh/en, placeholders and anything in backquotes (file and format
 * names, codes, environment variables). A word is two or more ASCII letters.
 */
const ALLOWED = new Set(["exitfund", "help", "zh", "en", ...Object.keys(SUMMARIES).flatMap((name) => name.split("-"))]);

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
  ...Object.entries(VERIFY_RECEIPT).map(([name, said]) => [`verify-receipt ${name}`, said] as const),
  ["verify-receipt differs", VERIFY_RECEIPT_WITH.differs("X", "Y")],
  ["verify-receipt versionNotice", VERIFY_RECEIPT_WITH.versionNotice("0.1.0", "0.2.0")],
  ["verify-receipt shown", VERIFY_RECEIPT_WITH.shown(8, 12)],
  ["verify-receipt shown (totals only)", VERIFY_RECEIPT_WITH.shown(undefined, 1)],
  ["verify-receipt added", VERIFY_RECEIPT_WITH.added(2)],
  ["verify-receipt removed", VERIFY_RECEIPT_WITH.removed(1)],
  ["verify-receipt changed", VERIFY_RECEIPT_WITH.changed(3)],
  ["verify-receipt more", VERIFY_RECEIPT_WITH.more(5)],
  ["verify-receipt failed", VERIFY_RECEIPT_WITH.failed(1)],
  ["verify-receipt failed (several)", VERIFY_RECEIPT_WITH.failed(2)],
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
