import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { terminalText } from "../../src/node/terminal.js";
import { enterpriseCase } from "../fixtures/cases.js";
import { runCliCapture } from "../support/cli.js";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tempDir } from "./formats/support.js";
import { inlineRow, rawWorkbook } from "../support/xlsx.js";

const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe("text for a terminal: controls and bidi overrides shown, not obeyed", () => {
  it.each([
    ["\u001b[31mRED\u001b[0m", "\\u001B[31mRED\\u001B[0m"],
    ["台湖镇\rFAKE", "台湖镇\\rFAKE"],
    ["\u009b2J", "\\u009B2J"],
    ["abc\u202Efed", "abc\\u202Efed"],
    ["line one\nline two\tok", "line one\nline two\tok"],
  ])("%j → %j", (text, shown) => {
    expect(terminalText(text)).toBe(shown);
  });

  // Red-green: leaving C1 (U+0080–U+009F) out of the escaped set fails this property.
  const unit = fc.oneof(
    fc.integer({ min: 0, max: 0xff }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0x2000, max: 0x206f }).map((code) => String.fromCharCode(code)),
    fc.constantFrom("\u061C", "台", "a"),
  );
  test.prop([fc.string({ unit, maxLength: 40 })])("no control or bidi character is left", (text) => {
    expect(UNSAFE.test(terminalText(text))).toBe(false);
  });

  it("a township with an escape sequence is refused at its field; a sheet name with one reaches stderr escaped", async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, "evil.json"),
      JSON.stringify([{ ...enterpriseCase, township: "\u001b[2J\u001b[31m台湖镇" }]),
    );
    for (const format of ["csv", "table"]) {
      const result = await runCliCapture(["compute", "evil.json", "--format", format], { cwd: dir, tty: true });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("evil.json › entry 1 › township: holds the control character U+001B (ESC)");
      expect(result.stderr).not.toContain("\u001b");
      expect(result.stdout).not.toContain("\u001b");
    }
    await writeFile(
      join(dir, "evil.xlsx"),
      rawWorkbook([
        { name: "enterprise-exit", rows: "" },
        { name: "汇总\u001b[2J", rows: inlineRow(1, ["a", "b"]) },
      ]),
    );
    const notice = await runCliCapture(["compute", "evil.xlsx"], { cwd: dir });
    expect(notice.stderr).toContain("evil.xlsx › 汇总\\u001B[2J: not read");
    expect(notice.stderr).not.toContain("\u001b");
  });
});
