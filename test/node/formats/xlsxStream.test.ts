import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { readWorkbook, wholeElements } from "../../../src/node/formats/xlsx.js";
import { inflateEntryChunks, zipEntries } from "../../../src/node/formats/zip.js";
import { inlineRow, rawWorkbook } from "../../support/xlsx.js";

async function* pieces(texts: readonly string[]): AsyncGenerator<string> {
  for (const text of texts) yield text;
}

async function collect(source: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const text of source) out.push(text);
  return out;
}

/** `text` cut at the given places (sorted, deduplicated), as the inflater might hand it over. */
function cutAt(text: string, places: readonly number[]): string[] {
  const at = [...new Set(places.map((place) => place % (text.length + 1)))].sort((a, b) => a - b);
  return [...at, text.length].map((end, index) => text.slice(index === 0 ? 0 : at[index - 1], end));
}

const row = fc
  .tuple(
    fc.constantFrom("", "x:"),
    fc.array(fc.constantFrom("台湖镇", "a", "&amp;", "<v>1</v>", "row"), { maxLength: 4 }),
  )
  .map(([prefix, cells]) => `<${prefix}row r="1">${cells.join("")}</${prefix}row>`);

describe("wholeElements: runs of whole rows, however the text arrives", () => {
  // Red-green: returning the index of the closing tag's name instead of the index after it fails this.
  test.prop([fc.array(row, { maxLength: 8 }), fc.string({ maxLength: 20 }), fc.array(fc.nat(), { maxLength: 10 })])(
    "the runs are the text, in order; each but the last ends with a closing row tag",
    async (rows, tail, places) => {
      const text = `<sheetData>${rows.join("")}</sheetData>${tail.replaceAll("<", "")}`;
      const runs = await collect(wholeElements(pieces(cutAt(text, places)), "row"));
      expect(runs.join("")).toBe(text);
      for (const run of runs.slice(0, -1)) expect(run).toMatch(/<\/(x:)?row>$/);
      expect(runs.every((run) => run !== "")).toBe(true);
    },
  );

  it("a name that only ends like the element (</xrow>, row> in text) is no cut", async () => {
    const runs = await collect(wholeElements(pieces(["<a>row></a></xrow><row></row>", "<b/>"]), "row"));
    expect(runs).toEqual(["<a>row></a></xrow><row></row>", "<b/>"]);
  });
});

/** A sheet of `count` rows of long Chinese text (inline and shared), far larger than one inflated chunk. */
function bigSheet(count: number): { bytes: Uint8Array; expected: unknown[][]; strings: string[] } {
  const strings = Array.from({ length: count }, (_, i) => `共享字符串 ${i} ${"通州区张家湾镇".repeat(3)}`);
  const rows: string[] = [inlineRow(1, ["id", "township", "note"])];
  const expected: unknown[][] = [["id", "township", "note"]];
  for (let i = 2; i <= count + 1; i += 1) {
    const note = `第 ${i} 行：${"腾地经费".repeat(i % 7)}`;
    rows.push(
      `<row r="${i}">${i === 2 ? `<c r="A2" t="inlineStr"><is><t>C-合并</t></is></c>` : `<c r="A${i}"/>`}<c r="B${i}" t="s"><v>${i - 2}</v></c><c r="C${i}" t="inlineStr"><is><t>${note}</t></is></c></row>`,
    );
    expected.push(["C-合并", strings[i - 2], note]);
  }
  const after = `<mergeCells count="1"><mergeCell ref="A2:A${count + 1}"/></mergeCells>`;
  return { bytes: rawWorkbook([{ name: "S", rows: rows.join(""), after }], { strings }), expected, strings };
}

describe("readWorkbook streams the shared strings and the sheets", () => {
  // Red-green: decoding each chunk on its own (no { stream: true }) fails this: the Chinese text, 3 bytes a
  // character, is cut between chunks of 16 KB.
  it("a sheet of many inflated chunks reads whole: characters split between chunks, shared strings, a merge from the first row to the last", async () => {
    const { bytes, expected } = bigSheet(6000);
    const sheetEntry = zipEntries(bytes).find((entry) => entry.name === "xl/worksheets/sheet1.xml");
    if (sheetEntry === undefined) throw new Error("no sheet");
    let chunks = 0;
    for await (const chunk of inflateEntryChunks(bytes, sheetEntry)) chunks += chunk.length > 0 ? 1 : 0;
    expect(chunks).toBeGreaterThan(10); // the sheet really arrives in pieces
    const workbook = await readWorkbook(bytes, "big.xlsx");
    const rows = workbook.tables[0]?.rows ?? [];
    expect(rows.map((read) => read.number)).toEqual(expected.map((_, index) => index + 1));
    expect(rows.map((read) => read.cells)).toEqual(expected);
  });

  it("a sheet whose inflated bytes do not match its checksum is refused, even after its rows were parsed", async () => {
    const { bytes } = bigSheet(3000);
    const entry = zipEntries(bytes).find((candidate) => candidate.name === "xl/worksheets/sheet1.xml");
    if (entry === undefined) throw new Error("no sheet");
    const copy = Uint8Array.from(bytes);
    new DataView(copy.buffer).setUint32(entry.centralOffset + 16, (entry.crc ^ 1) >>> 0, true);
    await expect(readWorkbook(copy, "w.xlsx")).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: "xlsx-damaged" })],
    });
  });
});
