import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RuleSetError } from "../../src/errors/index.js";
import { titleText, titlesOf } from "../../src/parameters/title.js";
import type { RuleSetJson } from "../../src/parameters/types.js";
import { bundledRuleSetJson, defaultRuleSet, loadRuleSet } from "../../src/rule-sets/index.js";
import { ruleSetOfWorkbook, ruleSetXlsxBytes } from "../../src/node/formats/ruleSetWorkbook.js";
import { defaultProgramme } from "../../src/rules/default.js";
import { runCliCapture } from "../support/cli.js";

const base = bundledRuleSetJson.get("tongzhou-2016") as RuleSetJson;

describe("a rule set's title in each language", () => {
  it.each([
    [
      "a title in each language",
      { zh: "本区方案", en: "Our plan" },
      { zh: "本区方案", en: "Our plan" },
      "本区方案 · Our plan",
    ],
    [
      "an older one-text title 中文 · English",
      "本区方案 · Our plan",
      { zh: "本区方案", en: "Our plan" },
      "本区方案 · Our plan",
    ],
    ["a Chinese-only text", "本区方案", { zh: "本区方案", en: "本区方案" }, "本区方案"],
    ["an English-only text", "Our plan · 2016", { zh: "Our plan · 2016", en: "Our plan · 2016" }, "Our plan · 2016"],
    ["Chinese on both sides of ·", "本区 · 方案", { zh: "本区 · 方案", en: "本区 · 方案" }, "本区 · 方案"],
    ["the same text twice", { zh: "方案", en: "方案" }, { zh: "方案", en: "方案" }, "方案"],
  ] as const)("%s", (_name, title, titles, text) => {
    expect(titlesOf(title)).toEqual(titles);
    expect(titleText(title)).toBe(text);
  });

  it("a title in each language reads back from its one text (property)", () => {
    const zh = fc.stringMatching(/^[\u4e00-\u9fa5][\u4e00-\u9fa5（）0-9]{0,12}$/u);
    const en = fc.stringMatching(/^[A-Z][A-Za-z ,0-9]{0,20}[a-z0-9]$/u);
    fc.assert(
      fc.property(zh, en, (z, e) => {
        expect(titlesOf(titleText({ zh: z, en: e }))).toEqual({ zh: z, en: e });
      }),
    );
  });

  it("the bundled rule set has its title in Chinese and in English", () => {
    expect(base.title).toEqual({
      zh: "通州区产业调整退出工作实施方案（2016）",
      en: "Tongzhou District industry-exit programme, 2016",
    });
    expect(defaultRuleSet.titles.zh).not.toMatch(/[A-Za-z]/u);
    expect(defaultRuleSet.titles.en).not.toMatch(/\p{Script=Han}/u);
    expect(defaultRuleSet.title).toBe(`${defaultRuleSet.titles.zh} · ${defaultRuleSet.titles.en}`);
  });

  it("an older file with a one-text title is still read, and keeps its title as it was written", () => {
    const ruleSet = loadRuleSet({ ...base, id: "older", title: "本区方案 · Our plan" });
    expect(ruleSet.titles).toEqual({ zh: "本区方案", en: "Our plan" });
    expect(ruleSet.toJSON().title).toBe("本区方案 · Our plan");
  });

  it.each([
    ["in each language (名称 and 英文名称)", { zh: "本区方案", en: "Our plan" }],
    ["of one text (名称 only)", "本区方案 · Our plan"],
  ] as const)("the parameter workbook keeps a title %s as it was", async (_name, title) => {
    const ruleSet = loadRuleSet({ ...base, id: "workbook-title", title });
    const read = await ruleSetOfWorkbook(
      await ruleSetXlsxBytes(ruleSet, defaultProgramme),
      "参数.xlsx",
      defaultProgramme,
    );
    expect(read.json.title).toEqual(title);
  });

  it.each([
    [{ zh: "本区方案" }],
    [{ zh: "本区方案", en: "" }],
    [{ zh: "本区方案", en: "Our plan", fr: "Notre plan" }],
    [42],
  ])("a title that is neither a text nor { zh, en } is refused, naming the field: %j", (title) => {
    try {
      loadRuleSet({ ...base, id: "bad-title", title });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSetError);
      expect((error as RuleSetError).issues.map((issue) => issue.path.split(".")[0])).toContain("title");
    }
  });
});

describe("the CLI names the rule set in the language asked", () => {
  it.each([
    ["zh", "通州区产业调整退出工作实施方案（2016）"],
    ["en", "Tongzhou District industry-exit programme, 2016"],
  ] as const)("exitfund rules --lang %s starts with the title in that language only", async (lang, title) => {
    const run = await runCliCapture(["rules", "--format", "table", "--lang", lang]);
    expect(run.stdout.split("\n")[0]).toBe(title);
  });

  it.each([
    ["zh", "A = 通州区产业调整退出工作实施方案（2016），tongzhou-2016 第 1 版；B = 昌平区 2015 年调整退出奖励"],
    ["en", "A = tongzhou-2016 v1 (Tongzhou District industry-exit programme, 2016); B = changping-2015 v1 (Changping"],
  ] as const)("exitfund rules diff --lang %s names both rule sets by their titles", async (lang, start) => {
    const run = await runCliCapture(
      [
        "rules",
        "diff",
        "tongzhou-2016",
        "examples/changping-2015/rules.json",
        "--programme",
        "examples/changping-2015/programme.mjs",
        "--format",
        "table",
        "--lang",
        lang,
      ],
      { env: { COLUMNS: "400" } },
    );
    expect(run.stdout.split("\n")[0]).toContain(start);
  });

  it("exitfund verify --lang zh names the rule set by its Chinese title", async () => {
    const run = await runCliCapture(
      ["verify", "examples/verify/declarations.json", "--format", "table", "--lang", "zh"],
      {
        env: { COLUMNS: "200" },
      },
    );
    expect(run.stdout.split("\n")[0]).toContain("通州区产业调整退出工作实施方案（2016），规则集 tongzhou-2016 第 1 版");
    expect(run.stdout.split("\n")[0]).not.toContain("Tongzhou");
  });
});
