import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { countedNdjsonSource, ndjsonRecords, type NdjsonRecord } from "../../../src/node/formats/ndjson.js";
import { tempDir } from "./support.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

async function records(name: string, bytes: Uint8Array | string, maxLine?: number): Promise<NdjsonRecord[]> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const found: NdjsonRecord[] = [];
  for await (const record of ndjsonRecords(path, name, maxLine)) found.push(record);
  return found;
}

describe("ndjsonRecords: lines of bytes, decoded strictly", () => {
  it("CRLF, blank lines, a BOM on line 1 and a last line without a newline", async () => {
    const found = await records("a.ndjson", '\uFEFF{"a":1}\r\n\r\n  \n{"a":2}');
    expect(found).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 4, value: { a: 2 } },
    ]);
  });

  it("a line longer than the 1 MB read chunk is read whole", async () => {
    const long = JSON.stringify({ name: "台".repeat(700_000) });
    const found = await records("long.ndjson", `${long}\n{"b":1}\n`);
    expect(found.map((record) => record.line)).toEqual([1, 2]);
    expect((found[0]?.value as { name: string }).name).toHaveLength(700_000);
  });

  it("a byte that is not UTF-8 is an error of its line, with its column and offset; the others are read", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a":1}\n{"t":"'),
      Buffer.from([0xce, 0xf7]),
      Buffer.from('"}\n{"a":3}\n'),
    ]);
    const found = await records("gb.ndjson", bytes);
    expect(found[1]).toEqual({
      line: 2,
      code: "not-utf-8",
      error: expect.stringContaining("at column 7 (byte 0xCE at offset 14)"),
      zh: expect.stringContaining("第 7 列的字节 0xCE（偏移 14）不是 UTF-8 编码"),
    });
    expect(found.map((record) => record.line)).toEqual([1, 2, 3]);
  });

  it("a key given twice, text that is not JSON, and U+FFFD are errors of their lines", async () => {
    const found = await records("bad.ndjson", '{"a":1,"a":2}\n{nope\n{"t":"台\uFFFD镇"}\n');
    expect(found.map((record) => record.code)).toEqual(["duplicate-key", "not-json", "replacement-character"]);
    expect(found[0]?.error).toContain('a: the key "a" is given twice');
  });

  it("a line longer than the limit is refused without being held, and reading goes on", async () => {
    const found = await records("huge.ndjson", `{"a":1}\n{"x":"${"y".repeat(5000)}"}\n{"a":3}\n`, 1000);
    expect(found.map((record) => [record.line, record.code])).toEqual([
      [1, undefined],
      [2, "line-too-long"],
      [3, undefined],
    ]);
    expect(found[1]?.error).toContain("longer than 1000 bytes");
  });

  it("a UTF-16 file is refused as a whole, by name", async () => {
    const path = join(dir, "u16.ndjson");
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}\n', "utf16le")]));
    const lines = ndjsonRecords(path, "u16.ndjson");
    await expect(lines.next()).rejects.toThrow("UTF-16");
  });
});

describe("countedNdjsonSource", () => {
  it("counts every record (a line that cannot be read too, blank lines not) and keeps none past the limit", async () => {
    const path = join(await tempDir(), "rows.ndjson");
    await writeFile(path, ['{"a":1}', "", '{"a":2}', "{bad", '{"a":3}', "  "].join("\n"));
    const under = await countedNdjsonSource(path, "rows.ndjson", 1000, 4);
    expect(under.count).toBe(4);
    expect(under.source.cases).toHaveLength(4);
    const over = await countedNdjsonSource(path, "rows.ndjson", 1000, 2);
    expect(over.count).toBe(4);
    expect(over.source.cases).toHaveLength(0); // refused by the caller: nothing held while the rest is counted
  });
});
