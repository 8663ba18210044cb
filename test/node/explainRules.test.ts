import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliCapture } from "../support/cli.js";
import { postJson, testServer } from "./serve/support.js";

// Explanations name the user's rule set: its clauses, its parameters' sources by title, never the bundled ones'.
const ROOT = join(import.meta.dirname, "../..");
const RULES = "test/fixtures/rule-sets/own-citations.json";
const CASES = "examples/tongzhou-2016/cases.json";
const LEDGER = "examples/tongzhou-2016/ledger.json";
const CASE = "E-2016-0009";
/** The texts only the custom rule set has (its own clause of the tax component, its own source of the cap). */
const OWN = {
  zh: ["〔本区通知第九条第三款〕", "来源：本区财政局第九号通知 (OWN)，依据：本区通知第四条"],
  en: ["〔本区通知第九条第三款〕", "official, source: 本区财政局第九号通知 (OWN), clause: 本区通知第四条"],
} as const;
/** What the bundled rule set says at the same places. */
const BUNDLED = [
  "上限·整体退出」600,000 元，自 2016-01-01 起，媒体报道",
  "(reward.small.cap.whole) 600,000 yuan, from 2016-01-01, reported",
];

function expectOwn(text: string, lang: "zh" | "en"): void {
  for (const own of OWN[lang]) expect(text, text).toContain(own);
  for (const bundled of BUNDLED) expect(text).not.toContain(bundled);
  // A source named by its id alone is one the explanation did not find in the rule set.
  expect(text).not.toMatch(/(来源：|source: )OWN/u);
}

describe("explanations with the user's rule set (--rules)", () => {
  it.each(["zh", "en"] as const)("compute --case … --rules names its citations and sources (%s)", async (lang) => {
    const run = await runCliCapture(
      ["compute", CASES, "--rules", RULES, "--case", CASE, "--format", "table", "--lang", lang],
      { cwd: ROOT },
    );
    expect(run.code, run.stderr).toBe(0);
    expectOwn(run.stdout, lang);
  });

  it("compute --explain --format table names them for every case", async () => {
    const run = await runCliCapture(
      [
        "compute",
        "examples/tongzhou-2016/enterprises.json",
        "--rules",
        RULES,
        "--explain",
        "--format",
        "table",
        "--lang",
        "zh",
      ],
      { cwd: ROOT },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("来源：本区财政局第九号通知 (OWN)");
    expect(run.stdout).not.toContain("来源：OWN");
  });

  it.each(["zh", "en"] as const)("audit --case … --rules explains with them (%s)", async (lang) => {
    const run = await runCliCapture(
      ["audit", CASES, "--ledger", LEDGER, "--rules", RULES, "--case", CASE, "--format", "table", "--lang", lang],
      { cwd: ROOT },
    );
    expect(run.code, run.stderr).toBeLessThan(2);
    expectOwn(run.stdout, lang);
  });

  describe("exitfund serve: POST /explain with the rule set inline", () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    beforeAll(async () => {
      server = await testServer();
    });
    afterAll(async () => {
      await server.close();
    });

    it.each(["zh", "en"] as const)("explains with the rules given (%s)", async (lang) => {
      const cases = (JSON.parse(readFileSync(join(ROOT, CASES), "utf8")) as { cases: { id: string }[] }).cases;
      const rules = JSON.parse(readFileSync(join(ROOT, RULES), "utf8")) as object;
      const reply = await postJson(server.url, "/explain", {
        cases: cases.filter((c) => c.id === CASE),
        rules,
        lang,
      });
      expect(reply.status).toBe(200);
      const [entry] = (reply.json() as { explanations: { text: string }[] }).explanations;
      expectOwn(entry?.text ?? "", lang);
    });
  });
});
