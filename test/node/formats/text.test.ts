import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { decodeCsv, decodeUtf8, scanUtf8 } from "../../../src/node/formats/text.js";
import { thrownIssues } from "../../support/errors.js";

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const GB = {
  // 台湖镇,张家湾镇 in GB18030 (what Chinese Excel saves as "CSV (逗号分隔)")
  townships: new Uint8Array([
    0xcc, 0xa8, 0xba, 0xfe, 0xd5, 0xf2, 0x2c, 0xd5, 0xc5, 0xbc, 0xd2, 0xcd, 0xe5, 0xd5, 0xf2, 0x0d, 0x0a,
  ]),
};

describe("decodeUtf8 (JSON, NDJSON): UTF-8 only, strictly", () => {
  it("drops a BOM, keeps the text", () => {
    expect(decodeUtf8(utf8("\uFEFF[1]"), "a.json")).toBe("[1]");
  });

  it("a GB18030 file is refused at its first byte that is not UTF-8 (CC A8 happens to be UTF-8), by line and offset", () => {
    const bytes = new Uint8Array([...utf8('[\n{"township":"'), ...GB.townships]);
    const issues = thrownIssues(() => decodeUtf8(bytes, "gb.json"));
    expect(issues).toEqual([expect.objectContaining({ path: "gb.json › line 2", code: "not-utf-8" })]);
    expect(issues[0]?.message).toContain("at column 16 (byte 0xBA at offset 17)");
    expect(issues[0]?.zh).toContain("第 2 行");
  });

  it.each([
    ["UTF-16LE with its BOM", new Uint8Array([0xff, 0xfe, 0x5b, 0x00, 0x5d, 0x00])],
    ["UTF-16BE with its BOM", new Uint8Array([0xfe, 0xff, 0x00, 0x5b, 0x00, 0x5d])],
    ["UTF-16LE without a BOM", new Uint8Array([0x5b, 0x00, 0x7b, 0x00, 0x7d, 0x00, 0x5d, 0x00])],
  ])("%s is refused by name", (_name, bytes) => {
    expect(thrownIssues(() => decodeUtf8(bytes, "u.json"))[0]).toMatchObject({
      code: "utf-16",
      message: expect.stringContaining("UTF-16"),
    });
  });

  it("text holding U+FFFD (what a wrong decoding leaves) is refused at its line", () => {
    expect(thrownIssues(() => decodeUtf8(utf8('{\n"township": "台\uFFFD镇"}'), "x.json"))[0]).toMatchObject({
      path: "x.json › line 2",
      code: "replacement-character",
    });
  });

  // Red-green: counting lines from 0 in bytePlace (line = 0) fails this property.
  test.prop([fc.string({ unit: "grapheme", maxLength: 80 }), fc.nat(), fc.constantFrom(0x80, 0xc0, 0xff, 0xed)])(
    "one bad byte anywhere in UTF-8 text is found at its own line and offset",
    (text, at, bad) => {
      const clean = text.replaceAll("\uFFFD", "");
      const good = utf8(`x${clean}`);
      const offset = 1 + (at % good.length);
      // insert the bad byte at a character boundary (never inside a sequence)
      const boundary = Buffer.from(
        Buffer.from(good)
          .subarray(0, offset)
          .toString("utf8")
          .replace(/\uFFFD+$/, ""),
        "utf8",
      ).length;
      const bytes = new Uint8Array([...good.subarray(0, boundary), bad, ...good.subarray(boundary)]);
      const issue = thrownIssues(() => decodeUtf8(bytes, "f.json"))[0];
      const line = Buffer.from(bytes.subarray(0, boundary)).toString("latin1").split("\n").length;
      expect(issue?.path).toBe(`f.json › line ${line}`);
      expect(issue?.message).toContain(`at offset ${boundary})`);
    },
  );

  const unit = fc.oneof(
    fc.constantFrom("\uFEFF", "台", "😀", "\n", "é", "\t", "a"),
    fc.string({ unit: "grapheme", maxLength: 1 }),
  );
  // Red-green: dropping every U+FEFF, not only the leading BOM, fails this property.
  test.prop([fc.string({ unit, maxLength: 200 })])("every other UTF-8 text reads back unchanged", (text) => {
    const clean = `[${text.replaceAll("\uFFFD", "")}`;
    expect(decodeUtf8(utf8(clean), "f.json")).toBe(clean);
  });
});

describe("decodeCsv", () => {
  it("UTF-8, with or without a BOM", () => {
    expect(decodeCsv(utf8("a,台湖镇\r\n"), "c.csv")).toEqual({ text: "a,台湖镇\r\n", encoding: "utf-8" });
    expect(decodeCsv(utf8("\uFEFFa\r\n"), "c.csv")).toEqual({ text: "a\r\n", encoding: "utf-8" });
  });

  it("GB18030 when the whole file is GB18030 and has no BOM", () => {
    expect(decodeCsv(GB.townships, "gb.csv")).toEqual({ text: "台湖镇,张家湾镇\r\n", encoding: "gb18030" });
  });

  it("UTF-8 with one stray byte is refused (never read as GB18030 mojibake), by line", () => {
    const bytes = new Uint8Array([...utf8("id,township\r\nE-1,台湖镇 (synthetic)"), 0xe9, ...utf8("\r\n")]);
    const issues = thrownIssues(() => decodeCsv(bytes, "mixed.csv"));
    expect(issues[0]).toMatchObject({ path: "mixed.csv › line 2", code: "not-utf-8" });
    expect(issues[0]?.message).toContain("mixes encodings");
  });

  it("a UTF-8 BOM and a byte that is not UTF-8 is refused, not decoded as GB18030", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...GB.townships]);
    expect(thrownIssues(() => decodeCsv(bytes, "bom.csv"))[0]?.message).toContain("it starts with a UTF-8 BOM");
  });

  it("bytes that are neither UTF-8 nor GB18030 are refused", () => {
    expect(
      thrownIssues(() => decodeCsv(new Uint8Array([0x61, 0x2c, 0x81, 0x20, 0x0a]), "x.csv"))[0]?.message,
    ).toContain("not GB18030 either");
  });

  it("UTF-16 (Excel's Unicode text) is read", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("id\ttownship\r\nE-1\t台湖镇\r\n", "utf16le")]);
    expect(decodeCsv(bytes, "u.csv")).toEqual({ text: "id\ttownship\r\nE-1\t台湖镇\r\n", encoding: "utf-16le" });
  });

  it("the scan counts wide sequences and invalid bytes", () => {
    expect(scanUtf8(utf8("台湖镇"))).toEqual({ firstInvalid: -1, invalid: 0, wide: 3 });
    expect(scanUtf8(new Uint8Array([0x61, 0xc0, 0xaf, 0xed, 0xa0, 0x80]))).toMatchObject({ firstInvalid: 1 }); // overlong, surrogate
  });
});
