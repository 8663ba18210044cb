import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { listWriter, writeJson } from "../../../src/node/formats/jsonWrite.js";

async function written(value: unknown, depth?: number): Promise<{ text: string; pieces: number }> {
  const pieces: string[] = [];
  await writeJson(async (text) => void pieces.push(text), value, depth);
  return { text: pieces.join(""), pieces: pieces.length };
}

describe("writeJson", () => {
  // Red-green: dropping the re-indent of deep members (`replaceAll("\n", …)`) fails this property.
  test.prop([fc.jsonValue(), fc.integer({ min: 0, max: 4 })])(
    "writes exactly JSON.stringify(value, null, 2) and a newline, at any split depth",
    async (value, depth) => {
      expect((await written(value, depth)).text).toBe(`${JSON.stringify(value, null, 2)}\n`);
    },
  );

  it("omits undefined members and functions as JSON.stringify does, calls toJSON, keeps __proto__ keys", async () => {
    const value = JSON.parse('{"__proto__": {"a": 1}, "b": [1, 2]}') as { [key: string]: unknown };
    value.skipped = undefined;
    value.when = { toJSON: () => "2016-11-01" };
    value.list = [undefined, () => 1, 3];
    expect((await written(value)).text).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it("a document larger than a string can hold is written in pieces (200,000 members, about 256 KB each piece)", async () => {
    const results = Array.from({ length: 200_000 }, (_, index) => ({ id: `E-${index}`, amounts: { total: "1.00" } }));
    const { text, pieces } = await written({ results });
    expect(pieces).toBeGreaterThan(50);
    expect(text === `${JSON.stringify({ results }, null, 2)}\n`).toBe(true); // not toBe: a failure would diff 20 MB
  });
});

describe("listWriter", () => {
  const keyed = fc.dictionary(
    fc.string().map((key) => `k${key}`),
    fc.jsonValue(),
  );
  // Red-green: writing the empty list as "[\n  ]", or the items at one level too shallow, fails this property.
  test.prop([keyed, fc.array(fc.jsonValue(), { maxLength: 5 }), keyed])(
    "head, items and tail are exactly JSON.stringify of the whole document and a newline",
    (before, items, after) => {
      const tail = Object.fromEntries(Object.entries(after).filter(([key]) => !Object.hasOwn(before, key)));
      const writer = listWriter(before, "results");
      const text = writer.head + items.map((item) => writer.item(item)).join("") + writer.tail(tail);
      expect(text).toBe(`${JSON.stringify({ ...before, results: items, ...tail }, null, 2)}\n`);
    },
  );

  it("skips undefined members as JSON.stringify does and writes an undefined item as null", () => {
    const writer = listWriter({ ruleSet: { id: "a" }, gone: undefined }, "results");
    const text =
      writer.head + writer.item(undefined) + writer.item({ id: "x" }) + writer.tail({ receipt: undefined, n: 1 });
    expect(text).toBe(`${JSON.stringify({ ruleSet: { id: "a" }, results: [null, { id: "x" }], n: 1 }, null, 2)}\n`);
  });
});
