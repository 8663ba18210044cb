import { describe, expect, it } from "vitest";
import { lineHeight, linesOf } from "../../../src/node/xlsx/layout.js";

describe("the row-height estimate of printed sheets", () => {
  it("a line is 1.35 × the font size, to the quarter point", () => {
    expect(lineHeight()).toBe(14.25);
    expect(lineHeight(10)).toBe(13.5);
    expect(lineHeight(16)).toBe(21.75);
  });

  it("counts CJK as 2 columns and Latin as 1, and each line of the text on its own", () => {
    expect(linesOf("", 10)).toBe(1);
    expect(linesOf("一二三四", 10)).toBe(1); // 8 columns in 10 - padding
    expect(linesOf("一二三四五", 10)).toBe(2); // 10 columns do not fit
    expect(linesOf("abcdefgh", 10)).toBe(1);
    expect(linesOf("a\nb\nc", 10)).toBe(3);
    expect(linesOf("一二三四", 10, 21)).toBe(2); // twice the size, twice the width
  });

  it("wraps at word breaks, not by total width: a word that does not fit moves whole to the next line", () => {
    // 6 + 1 + 6 = 13 columns in a 9.0-column room: two lines by width, and two by words.
    expect(linesOf("abcdef abcdef", 10)).toBe(2);
    // Three 5-column words in a ~9-column room: by total width 2 lines (17/9), by words 3 (one per line).
    expect(linesOf("abcde abcde abcde", 10)).toBe(3);
    // A figure longer than a line breaks anywhere.
    expect(linesOf("1".repeat(30), 10)).toBe(4);
    // After a CJK character a line may break: 0.00、280,920.00… fills lines, never a line per figure.
    expect(linesOf("租金：0.00、280,920.00、486,000.00、157,633.33", 34)).toBe(2);
  });
});
