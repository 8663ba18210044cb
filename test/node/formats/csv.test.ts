import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { csvTable, safeText } from "../../../src/node/formats/csv.js";

// What a spreadsheet may skip before a formula, and what starts one.
const LEADING = /^[\s\u00A0\u3000\u200B-\u200D\u2060\uFEFF]*/;
const TRIGGER = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n]/;
const SEPARATORS = [",", ";", "\t", "|", "\n", "\r"];
const NUMBER = /^-\d+(\.\d+)?$/;

/** A piece of a cell, as a spreadsheet with some list separator may split it, starts a formula. */
function startsFormula(piece: string): boolean {
  const start = piece.replace(LEADING, "");
  // Every compatibility form of = + - @ (full-width, small, superscript, subscript: NFKC gives the sign) counts.
  return (TRIGGER.test(start) || TRIGGER.test(start.normalize("NFKC"))) && !NUMBER.test(start);
}

describe("safeText: no text cell becomes a formula, under any list separator", () => {
  it.each([
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+cmd", "'+cmd"],
    ["@SUM(1)", "'@SUM(1)"],
    ["-1+1", "'-1+1"],
    ["\u00A0=1", "'\u00A0=1"],
    ["＝1+1", "'＝1+1"],
    [";=1+1", ";'=1+1"],
    ["台湖镇;=1", "台湖镇;'=1"],
    ["-12.50", "-12.50"],
    ["\t-1|", "'\t'-1|"],
    ["a,\t-1,", "a,\t'-1,"],
    ["台湖镇", "台湖镇"],
    ["E-2016-0001", "E-2016-0001"],
    // Red-green (issue 10, fourth pass): the small, superscript and subscript forms were written as they were.
    ["﹦1+1", "'﹦1+1"],
    ["⁼1", "'⁼1"],
    ["₊1", "'₊1"],
    ["﹫SUM(1)", "'﹫SUM(1)"],
    ["a;﹢1", "a;'﹢1"],
    ["⩵1", "'⩵1"],
  ])("%j → %j", (text, safe) => {
    expect(safeText(text)).toBe(safe);
  });

  const alphabet = fc.constantFrom(
    "=",
    "+",
    "-",
    "@",
    "＝",
    "＋",
    "－",
    "＠",
    "﹦",
    "﹣",
    "﹫",
    "⁺",
    "₌",
    "﬩",
    ";",
    ",",
    "\t",
    "|",
    "\n",
    "\r",
    " ",
    "\u00A0",
    "1",
    "a",
    "台",
    "'",
    ".",
  );
  // Red-green: without the replacement after separators (SPLIT_TRIGGER), `a;=1` fails this property.
  test.prop([fc.string({ unit: alphabet, maxLength: 12 })])("no piece after any separator starts a formula", (text) => {
    const safe = safeText(text);
    for (const separator of SEPARATORS)
      for (const piece of safe.split(separator)) expect(startsFormula(piece), JSON.stringify(safe)).toBe(false);
  });

  test.prop([fc.string({ unit: fc.constantFrom("a", "台", "1", " ", "_", "E"), maxLength: 12 })])(
    "text with nothing to fear is left exactly as it is",
    (text) => {
      expect(safeText(text)).toBe(text);
    },
  );
});

describe("csvTable", () => {
  it("Excel's Unicode text (UTF-16, tab-separated) is read as a table", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("id\ttownship\r\nE-1\t台湖镇\r\n", "utf16le")]);
    expect(csvTable(bytes, "u.csv").rows).toEqual([
      { number: 1, cells: ["id", "township"] },
      { number: 2, cells: ["E-1", "台湖镇"] },
    ]);
  });

  it("rows keep the numbers Excel shows, blank rows left out", () => {
    const rows = csvTable(new TextEncoder().encode('a,b\r\n\r\n"x\r\ny",2\r\n'), "c.csv").rows;
    expect(rows.map((row) => row.number)).toEqual([1, 3]);
  });
});
