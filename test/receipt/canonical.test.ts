import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/receipt/canonical.js";
import { thrownIssues } from "../support/errors.js";

describe("canonicalJson", () => {
  it("sorts keys by UTF-16 code units at every depth, with no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [{ d: "x", c: null }], B: true })).toBe(
      '{"B":true,"a":[{"c":null,"d":"x"}],"b":1}',
    );
    // U+FF5E sorts after a surrogate pair's lead unit U+D83D (code units, as JavaScript sorts).
    expect(canonicalJson({ "～": 1, "😀": 2, 乡镇: 3 })).toBe('{"乡镇":3,"😀":2,"～":1}');
  });

  it("writes strings and numbers as JSON.stringify does", () => {
    expect(canonicalJson(["台湖镇", 'a"b\\\n\u0001\u2028', 1e21, 0.1, -0, 600000])).toBe(
      JSON.stringify(["台湖镇", 'a"b\\\n\u0001\u2028', 1e21, 0.1, -0, 600000]),
    );
  });

  it("leaves out undefined members, writes null for them in a list, and honours toJSON", () => {
    expect(canonicalJson({ a: undefined, b: [undefined], c: { toJSON: () => ({ z: 1, y: 2 }) } })).toBe(
      '{"b":[null],"c":{"y":2,"z":1}}',
    );
  });

  it("refuses what JSON cannot write exactly, naming where, in English and Chinese", () => {
    const refused = (value: unknown) => thrownIssues(() => canonicalJson(value))[0];
    expect(refused({ a: Number.NaN })).toMatchObject({
      path: "value.a",
      code: "not-json",
      message: expect.stringMatching(/^has no exact JSON form: the number NaN; give plain JSON data/),
      zh: expect.stringMatching(/^无确切的 JSON 形式：数字 NaN；/),
    });
    expect(refused(Number.POSITIVE_INFINITY)?.message).toMatch(/the number Infinity/);
    expect(refused(10n)?.zh).toMatch(/BigInt 10n/);
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    expect(refused({ list: [cycle] })).toMatchObject({
      path: "value.list[0].self",
      message: expect.stringMatching(/cycle/),
    });
    // JSON.stringify writes {} for these and drops what they hold.
    expect(refused({ m: new Map([["a", 1]]) })).toMatchObject({
      path: "value.m",
      message: expect.stringMatching(/a Map/),
    });
    expect(refused([new (class Point {})()])?.message).toMatch(/an instance of Point/);
  });

  it("writes a value met twice (not a cycle) twice", () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });
});

/** What canonical JSON means, written another way: JSON.stringify's members, sorted (integer-like keys too). */
function sortedStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedStringify).join(",")}]`;
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  const members = Object.entries(value).map(([key, inner]) => [JSON.stringify(key), sortedStringify(inner)] as const);
  members.sort(([a], [b]) => (JSON.parse(a) < JSON.parse(b) ? -1 : 1));
  return `{${members.map(([key, inner]) => `${key}:${inner}`).join(",")}}`;
}

test.prop([fc.jsonValue()])("is JSON.stringify of the value with keys sorted, and parses back to it", (value) => {
  const text = canonicalJson(value);
  expect(text).toBe(sortedStringify(value));
  // parses back to what JSON.stringify keeps of it (-0 is written 0, as JSON.stringify writes it)
  expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
  expect(canonicalJson(JSON.parse(text))).toBe(text);
});

test.prop([fc.dictionary(fc.string({ unit: "binary" }), fc.jsonValue({ maxDepth: 1 }))])(
  "does not depend on the order keys were written in",
  (object) => {
    const reversed = Object.fromEntries(Object.entries(object).reverse());
    expect(canonicalJson(reversed)).toBe(canonicalJson(object));
  },
);
