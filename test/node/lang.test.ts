import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { langOfEnv, takeLang } from "../../src/node/lang.js";
import { UsageError } from "../../src/node/io.js";
import { runCliCapture } from "../support/cli.js";

describe("langOfEnv", () => {
  it("follows POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG; zh* is Chinese", () => {
    expect(langOfEnv(undefined)).toBe("en");
    expect(langOfEnv({})).toBe("en");
    expect(langOfEnv({ LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(langOfEnv({ LANG: "en_US.UTF-8" })).toBe("en");
    expect(langOfEnv({ LANG: "C" })).toBe("en");
    expect(langOfEnv({ LC_MESSAGES: "zh_TW.UTF-8", LANG: "en_US.UTF-8" })).toBe("zh");
    expect(langOfEnv({ LC_ALL: "en_GB.UTF-8", LC_MESSAGES: "zh_CN.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(langOfEnv({ LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" })).toBe("zh");
    // An empty variable does not decide: the next one does.
    expect(langOfEnv({ LC_ALL: "", LC_MESSAGES: "", LANG: "zh_CN.UTF-8" })).toBe("zh");
  });

  it("the first set variable alone decides, whatever the others say (property)", () => {
    const locale = fc.constantFrom("zh_CN.UTF-8", "zh_TW", "zh-Hans", "en_US.UTF-8", "C", "POSIX", "fr_FR", "");
    fc.assert(
      fc.property(locale, locale, locale, (all, messages, lang) => {
        const first = [all, messages, lang].find((value) => value !== "");
        const expected = first !== undefined && first.startsWith("zh") ? "zh" : "en";
        expect(langOfEnv({ LC_ALL: all, LC_MESSAGES: messages, LANG: lang })).toBe(expected);
      }),
    );
  });
});

describe("takeLang", () => {
  it("takes --lang out of the command line; an explicit --lang wins over the locale", () => {
    expect(takeLang(["compute", "a.json", "--lang", "zh"], {})).toEqual({
      lang: "zh",
      args: ["compute", "a.json"],
      given: true,
    });
    expect(takeLang(["--lang=en", "demo"], { LANG: "zh_CN.UTF-8" })).toEqual({
      lang: "en",
      args: ["demo"],
      given: true,
    });
    expect(takeLang(["demo"], { LANG: "zh_CN.UTF-8" })).toEqual({ lang: "zh", args: ["demo"], given: false });
    // After --, --lang is an argument like any other.
    expect(takeLang(["x", "--", "--lang", "zh"], {})).toEqual({
      lang: "en",
      args: ["x", "--", "--lang", "zh"],
      given: false,
    });
  });

  it("refuses a bad, missing or repeated --lang in both languages", () => {
    for (const argv of [["--lang", "fr"], ["--lang"], ["--lang", "--help"], ["--lang", "zh", "--lang=en"]]) {
      let thrown: unknown;
      try {
        takeLang(argv, {});
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UsageError);
      expect((thrown as UsageError).zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("the CLI's language", () => {
  it("is English with no environment (the tests' default) and Chinese with a Chinese locale", async () => {
    const en = await runCliCapture(["--help"]);
    expect(en.stdout).toContain("Commands:");
    const zh = await runCliCapture(["--help"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(zh.stdout).toContain("命令：");
    expect(zh.stdout).toContain("计算个案");
    const explicit = await runCliCapture(["--help", "--lang", "en"], { env: { LC_ALL: "zh_CN.UTF-8" } });
    expect(explicit.stdout).toContain("Commands:");
  });

  it("says a bad --lang in both languages, exit 2", async () => {
    const result = await runCliCapture(["demo", "--lang", "fr"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--lang must be zh or en, got "fr"');
    expect(result.stderr).toContain('--lang 须为 zh 或 en，收到 "fr"');
  });

  it("suggests a close command in the chosen language", async () => {
    const en = await runCliCapture(["compte"]);
    expect(en.stderr).toContain("did you mean compute?");
    const zh = await runCliCapture(["compte", "--lang", "zh"]);
    expect(zh.stderr).toContain("是否想输入 compute？");
    expect(zh.code).toBe(2);
  });

  it("says usage errors and input errors in Chinese with --lang zh", async () => {
    const usage = await runCliCapture(["compute", "--bogus", "--lang", "zh"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("未知选项 --bogus");
    expect(usage.stderr).toContain("参见 exitfund --help");
    const input = await runCliCapture(["compute", "-", "--lang", "zh"], { stdin: '[{"id":"x"}]' });
    expect(input.code).toBe(2);
    expect(input.stderr).toMatch(/个个案中有 1 处问题，未作任何计算：/);
    expect(input.stderr).not.toContain("nothing computed");
  });
});
