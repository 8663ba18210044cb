import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { makeTable, tableWidth, terminalWidth, wrapText } from "../../src/node/table.js";

const lines = (text: string) => text.split("\n");

describe("terminalWidth", () => {
  it("counts East Asian wide and full-width characters as 2, the rest as 1, as string-width does", () => {
    expect(terminalWidth("台湖镇")).toBe(6);
    expect(terminalWidth("E-1 台湖镇")).toBe(10);
    expect(terminalWidth("１２３")).toBe(6);
    expect(terminalWidth("“·”×")).toBe(4); // ambiguous: one column on a terminal
    for (const text of ["台湖镇 E-1", "合计 total", "１２３，", "企业调整退出奖励"])
      expect(terminalWidth(text)).toBe(stringWidth(text));
  });
});

describe("wrapText", () => {
  it("breaks at spaces, and within a word (or between CJK characters) where it must", () => {
    expect(wrapText("aaa bbb ccc", 7)).toEqual(["aaa bbb", "ccc"]);
    expect(wrapText("企业调整退出奖励", 6)).toEqual(["企业调", "整退出", "奖励"]);
    expect(wrapText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });
});

describe("tableWidth", () => {
  it("is the terminal's columns, else COLUMNS, else no limit", () => {
    expect(tableWidth({ stdout: { write: () => 0, isTTY: true }, columns: 80 })).toBe(80);
    expect(tableWidth({ stdout: { write: () => 0 }, columns: 80 })).toBeUndefined();
    expect(tableWidth({ stdout: { write: () => 0 }, env: { COLUMNS: "60" } })).toBe(60);
    expect(tableWidth({ stdout: { write: () => 0 }, env: { COLUMNS: "wide" } })).toBeUndefined();
  });
});

describe("makeTable", () => {
  const head = ["编号", "类别", "乡镇", "市级", "区级", "合计"];
  const row = ["E-1", "企业调整退出奖励", "台湖镇", "1,250,000.00", "312,500.00", "1,562,500.00"];

  it("draws the table as it is when it fits, CJK borders aligned", () => {
    const table = makeTable({ head }, 200);
    table.push(row);
    const drawn = lines(table.toString());
    expect(new Set(drawn.map(terminalWidth)).size).toBe(1);
    expect(table.toString()).toContain("企业调整退出奖励");
  });

  it("wraps long cells to fit a narrower terminal, nothing cut off", () => {
    const table = makeTable({ head }, 60);
    table.push(row);
    const drawn = lines(table.toString());
    for (const line of drawn) expect(terminalWidth(line)).toBeLessThanOrEqual(60);
    expect(new Set(drawn.map(terminalWidth)).size).toBe(1);
    expect(table.toString()).not.toContain("…");
    expect(table.toString().replace(/[\s│|┌┐└┘├┤┬┴┼─]/g, "")).toContain("1,250,000.00".slice(0, 6));
  });

  it("writes key: value blocks when the columns cannot fit", () => {
    const table = makeTable({ head }, 30);
    table.push(row, row);
    const text = table.toString();
    for (const line of lines(text)) expect(terminalWidth(line)).toBeLessThanOrEqual(30);
    expect(text).toContain("编号:");
    expect(text).toContain("1,562,500.00");
    expect(text.split("\n\n")).toHaveLength(2);
  });

  it("never draws a line wider than the width it is given (property)", () => {
    const cell = fc.stringMatching(/^[a-z0-9 台湖镇企业退出奖励,.]{0,30}$/);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 8, max: 120 }),
        fc.array(fc.array(cell, { minLength: 7, maxLength: 7 }), { maxLength: 4 }),
        fc.array(fc.constantFrom("left" as const, "right" as const), { minLength: 7, maxLength: 7 }),
        (columns, width, rows, colAligns) => {
          const table = makeTable({ head: head.concat(["问题"]).slice(0, columns), colAligns }, width);
          for (const r of rows) table.push(r.slice(0, columns));
          const text = table.toString();
          for (const line of lines(text)) expect(terminalWidth(line)).toBeLessThanOrEqual(width);
          // A figure (a right-aligned cell) is never broken across lines.
          if (!text.includes(": "))
            for (const r of rows)
              r.slice(0, columns).forEach((value, column) => {
                if (colAligns[column] === "right" && value.trim() !== "" && !value.includes(" "))
                  expect(text).toContain(value);
              });
        },
      ),
    );
  });
});

describe("compute --format table", () => {
  it("has Chinese headers and labels with --lang zh, English codes with --lang en, and fits COLUMNS", async () => {
    const { runCliCapture } = await import("../support/cli.js");
    const zh = await runCliCapture([
      "compute",
      "examples/tongzhou-2016/enterprises.json",
      "--format",
      "table",
      "--lang",
      "zh",
    ]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("编号");
    expect(zh.stdout).toContain("企业调整退出奖励");
    expect(zh.stdout).toContain("区级小企业综合奖励");
    expect(zh.stdout).not.toContain("district-small");
    const en = await runCliCapture(["compute", "examples/tongzhou-2016/enterprises.json", "--format", "table"]);
    expect(en.stdout).toContain("district-small");
    const narrow = await runCliCapture(
      ["compute", "examples/tongzhou-2016/enterprises.json", "--format", "table", "--lang", "zh"],
      { env: { COLUMNS: "72" } },
    );
    for (const line of narrow.stdout.split("\n")) expect(terminalWidth(line)).toBeLessThanOrEqual(72);
  });
});
