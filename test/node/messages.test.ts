import { describe, expect, it } from "vitest";
import {
  BUDGET_WITH,
  MESSAGES,
  MESSAGES_WITH,
  NOTICES_WITH,
  PROGRESS_LABELS,
  SERVE_WITH,
  SUMMARIES,
  TEST_WITH,
  VERIFY_RECEIPT,
  VERIFY_RECEIPT_WITH,
  type Said,
} from "../../src/node/messages.js";
import { englishWordsIn } from "../support/words.js";

const ENTRIES: ReadonlyArray<readonly [string, Said]> = [
  ...Object.entries(SUMMARIES).map(([name, said]) => [`summary ${name}`, said] as const),
  ...Object.entries(MESSAGES).map(([name, said]) => [`message ${name}`, said] as const),
  ["unknownCommand", MESSAGES_WITH.unknownCommand("compte", "compute", "compute, verify")],
  ["unknownCommand (none close)", MESSAGES_WITH.unknownCommand("zzz", undefined, "compute, verify")],
  ["interrupted", MESSAGES_WITH.interrupted("SIGINT", { stdout: false, written: [] })],
  ["interrupted (stdout cut short)", MESSAGES_WITH.interrupted("SIGTERM", { stdout: true, written: [] })],
  [
    "interrupted (files written)",
    MESSAGES_WITH.interrupted("SIGINT", { stdout: false, written: ["out/a.json", "out/b.json"] }),
  ],
  ["cannotWriteStdout", MESSAGES_WITH.cannotWriteStdout({ zh: "磁盘已满", en: "the disk is full" })],
  // The detail is the error's own stack, data as it is (quoted here so the rule reads it as data).
  ["internalError", MESSAGES_WITH.internalError('"TypeError: x is undefined"')],
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

const allocation = {
  payer: { zh: "区级", en: "district" },
  cap: "800,000,000.00",
  owed: "1,380,438,317.37",
  fullCases: 300,
  fullSum: "307,607,194.00",
  rest: "492,392,806.00",
  extra: 3,
};

/** The lines said on stderr as the CLI works (and `exitfund test`'s report): English only in en, Chinese in zh. */
const WORKING: ReadonlyArray<readonly [string, Said]> = [
  ["wrote", NOTICES_WITH.wrote("out/results.json")],
  ["wrote (results)", NOTICES_WITH.wrote("out/results.csv", 1)],
  ["wrote (results, several)", NOTICES_WITH.wrote("out/results.csv", 12_000)],
  ["totals", NOTICES_WITH.totals(3, "1200.00", "840.00", "2040.00")],
  ["townshipTotals", NOTICES_WITH.townshipTotals("台湖镇", "1200.00", "840.00", "2040.00")],
  ["seconds", NOTICES_WITH.seconds(12)],
  ["perSecond", NOTICES_WITH.perSecond("1,200")],
  ["barLeft", NOTICES_WITH.barLeft("3:07")],
  ...Object.entries(PROGRESS_LABELS).map(([name, said]) => [`progress label ${name}`, said] as const),
  ["progress", NOTICES_WITH.progress(PROGRESS_LABELS.computing, "1,000/10,000", "500/s", 10, "18 s")],
  ["progress (total unknown)", NOTICES_WITH.progress(PROGRESS_LABELS.checking, "1,000", "500/s")],
  ["progressDone", NOTICES_WITH.progressDone(PROGRESS_LABELS.computing, "10,000", "20 s")],
  ["serve readableToken", SERVE_WITH.readableToken("token.txt")],
  ["serve exposed", SERVE_WITH.exposed("0.0.0.0")],
  ["serve listening", SERVE_WITH.listening("http://127.0.0.1:8080", "tongzhou-2016", "1", false)],
  ["serve listening (token)", SERVE_WITH.listening("http://127.0.0.1:8080", "tongzhou-2016", "1", true)],
  ["serve stopping", SERVE_WITH.stopping("SIGINT", 2)],
  ["serve stopped", SERVE_WITH.stopped],
  [
    "budget allocation",
    BUDGET_WITH.allocation({ ...allocation, fullKinds: { zh: ["腾地经费申报核定"], en: ["structure-clearance"] } }),
  ],
  [
    "budget allocation (none in full)",
    BUDGET_WITH.allocation({ ...allocation, fullKinds: { zh: [], en: [] }, fullCases: 0, extra: 0 }),
  ],
  ["test failed", TEST_WITH.failed("fixtures/a.json", '"V-T"')],
  ["test expectsNothing", TEST_WITH.expectsNothing],
  ["test differs", TEST_WITH.differs({ zh: "市级金额", en: "amounts.municipal" }, "771300.01", "771300.00")],
  ["test missing", TEST_WITH.missing('["deadline-missed"]')],
  ["test extra", TEST_WITH.extra('["deadline-missed"]')],
  ["test nothing", TEST_WITH.nothing],
  ["test summary", TEST_WITH.summary(2, 1, 0, 3, 1)],
  ["test summary (one of each)", TEST_WITH.summary(1, 0, 1, 1, 1)],
  ["test problems", TEST_WITH.problems(11)],
  ["test rewrite", TEST_WITH.rewrite(1, 1, "fixtures/a.json")],
  ["test ask", TEST_WITH.ask(TEST_WITH.rewrite(2, 1, "fixtures/a.json"))],
  ["test nothingWritten", TEST_WITH.nothingWritten],
];

describe("the CLI's message catalogue", () => {
  it.each(ENTRIES)("%s has a Chinese and an English text", (_name, said) => {
    expect(said.zh.trim()).not.toBe("");
    expect(said.en.trim()).not.toBe("");
    expect(said.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(englishWordsIn(said.zh)).toEqual([]);
    expect(said).toMatchSnapshot();
  });

  it.each(WORKING)("%s (a working line) is Chinese in zh and English only in en", (_name, said) => {
    expect(said.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(englishWordsIn(said.zh)).toEqual([]);
    // In English no Chinese but in data the entry was given (a township, a kind's name is not used in en).
    expect(said.en.replace("台湖镇", "")).not.toMatch(/[\u4e00-\u9fff]/);
    expect(said.en).toMatch(/[A-Za-z]/);
    expect(said).toMatchSnapshot();
  });

  it("the rule catches an English word in a Chinese text, and lets allowed tokens through", () => {
    expect(englishWordsIn("计算 the cases")).toEqual(["the", "cases"]);
    expect(englishWordsIn("见 `docs/cli.md`，--format json 需要 exitfund compute")).toEqual(["json"]);
    expect(englishWordsIn("见 `docs/cli.md`，`--format json` 需要 exitfund compute，--lang zh")).toEqual([]);
  });
});
