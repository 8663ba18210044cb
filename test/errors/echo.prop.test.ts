import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { echo, echoText, visibleText } from "../../src/errors/echo.js";
import { computeBatch } from "../../src/index.js";
import { issueLines, placeText } from "../../src/node/io.js";
import { enterpriseCase } from "../fixtures/cases.js";

/** Invisible characters: tab, NBSP, zero-width space, C0/C1 controls, bidi overrides and isolates, BOM, tags. */
const INVISIBLE = [
  "\t",
  "\n",
  "\r",
  "\u0000",
  "\u0001",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009b",
  "\u00a0",
  "\u00ad",
  "\u200b",
  "\u200d",
  "\u200e",
  "\u202e",
  "\u2066",
  "\u2028",
  "\u3000",
  "\ufeff",
  "\u{e0041}",
  "\ufe0f",
];
const invisible = fc.constantFrom(...INVISIBLE);
const visible = fc.constantFrom("A", "b", "台", "湖", "镇", "-", "1", " ");
const name = fc
  .array(fc.oneof(visible, invisible), { minLength: 1, maxLength: 12 })
  .map((parts) => `A${parts.join("")}Z`)
  .filter((text) => INVISIBLE.some((character) => text.includes(character)));

/** Whether `text` holds a character a reader cannot see (any of the list, or any other control or format one). */
const hidden = (text: string) => /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u3000\ufe0f]/u.test(text);

describe("echoed names show their invisible characters (B25 family)", () => {
  it("visibleText, echoText and echo leave no invisible character and are idempotent", () => {
    fc.assert(
      fc.property(name, (text) => {
        for (const shown of [visibleText(text), echoText(text), echo(text)]) expect(hidden(shown)).toBe(false);
        expect(visibleText(visibleText(text))).toBe(visibleText(text));
      }),
    );
    expect(echoText("A\tB")).toBe("A\\tB");
    expect(echoText("A\u00a0B")).toBe("A\\u00A0B");
    expect(echoText("C\u200bD\u202e")).toBe("C\\u200BD\\u202E");
    expect(echoText("x\u{e0041}")).toBe("x\\u{E0041}");
    expect(echoText("台湖镇")).toBe("台湖镇");
  });

  it("a repeated case id is shown escaped in both languages; the data keeps the raw id", () => {
    fc.assert(
      fc.property(name, (id) => {
        const document = computeBatch(
          [
            { ...enterpriseCase, id },
            { ...enterpriseCase, id },
          ],
          { skipInvalid: true },
        );
        expect(document.errors.length).toBeGreaterThan(0);
        for (const error of document.errors) {
          expect(hidden(error.message)).toBe(false);
          expect(hidden(error.zh ?? "")).toBe(false);
        }
        expect(document.results.map((outcome) => outcome.id)).toEqual([id]);
        for (const lang of ["en", "zh"] as const)
          for (const line of issueLines(document.errors, 200, lang)) expect(hidden(line.trim())).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});

describe("places in Chinese", () => {
  it.each([
    ["c.csv › row 3 › 企业编号 (column C)", "c.csv › 第 3 行 › 企业编号（C 列）"],
    ["big.ndjson › line 12 › exitMode", "big.ndjson › 第 12 行 › exitMode"],
    ["ledger.json › entry 4 › amount", "ledger.json › 第 4 条 › amount"],
    ["s.xlsx › row 2 › column AE", "s.xlsx › 第 2 行 › AE 列"],
    ["(stdin) › entry 1", "（标准输入） › 第 1 条"],
  ])("%s → %s", (place, zh) => {
    expect(placeText(place, "zh")).toBe(zh);
    expect(placeText(place, "en")).toBe(place);
  });
});
