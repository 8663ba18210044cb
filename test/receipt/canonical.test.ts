import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalWriter, scalars, shapedWriter } from "../../src/receipt/canonical.js";
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

test.prop([fc.array(fc.jsonValue(), { maxLength: 8 })])(
  "a writer shared by many values (the cases of a batch) writes each as if alone",
  (values) => {
    const write = canonicalWriter();
    for (const value of values) expect(write(value, "[0]")).toBe(sortedStringify(value));
  },
);

describe("canonicalWriter: what the native writer must not be trusted with", () => {
  // Each value is written by a writer that has already learned the keys of an ordinary case first.
  const learned = () => {
    const write = canonicalWriter();
    write({ id: "a", __proto__x: 1, constructor: "c", toString: "t", items: [{ id: "1" }] }, "[0]");
    return write;
  };

  it("a key named __proto__ (JSON.parse makes it an own key; an object lacking it would inherit a value)", () => {
    const own = JSON.parse('[{"__proto__":{"a":1},"b":2},{"b":3}]') as unknown;
    expect(learned()(own, "[1]")).toBe('[{"__proto__":{"a":1},"b":2},{"b":3}]');
    expect(canonicalJson(own)).toBe(sortedStringify(own));
  });

  it("keys that Object.prototype holds as functions (constructor, toString) where an object lacks them", () => {
    const write = learned();
    expect(write([{ constructor: 1 }, { toString: 2 }, {}], "[1]")).toBe('[{"constructor":1},{"toString":2},{}]');
  });

  it("an inherited enumerable key (a polluted Object.prototype) is not written, as Object.keys does not see it", () => {
    const write = learned();
    Object.defineProperty(Object.prototype, "id", {
      value: "polluted",
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      expect(write([{ id: "x" }, { b: 1 }], "[1]")).toBe('[{"id":"x"},{"b":1}]');
      expect(write({ items: [{ b: 1 }] }, "[2]")).toBe('{"items":[{"b":1}]}');
    } finally {
      delete (Object.prototype as { id?: unknown }).id;
    }
  });

  it("a non-enumerable own property is not written", () => {
    const hidden = Object.defineProperty({ b: 1 }, "id", { value: "hidden", enumerable: false });
    expect(learned()(hidden, "[1]")).toBe('{"b":1}');
  });

  it("objects without a prototype, toJSON inside, deep nesting, a getter that throws", () => {
    const write = learned();
    const bare = Object.assign(Object.create(null) as object, { z: 1, a: 2 });
    expect(write({ bare }, "[1]")).toBe('{"bare":{"a":2,"z":1}}');
    expect(write({ at: new Date(0), id: "x" }, "[1]")).toBe('{"at":"1970-01-01T00:00:00.000Z","id":"x"}');
    let deep: unknown = { b: 1, a: 0 };
    for (let depth = 0; depth < 200; depth += 1) deep = { next: deep };
    expect(write(deep, "[1]")).toBe(sortedStringify(deep));
    const trap = Object.defineProperty({ id: "x" }, "bad", {
      get: () => {
        throw new Error("no");
      },
      enumerable: true,
    });
    expect(thrownIssues(() => write({ list: [trap] }, "[7]"))[0]).toMatchObject({
      path: "[7].list[0].bad",
      code: "not-json",
    });
    // a refused value teaches the writer nothing: the next plain value is written as before
    expect(write({ id: "y", bad: 1 }, "[8]")).toBe('{"bad":1,"id":"y"}');
  });

  it("refuses a non-finite number and a bigint at their path, as the careful writer does", () => {
    const write = learned();
    expect(thrownIssues(() => write({ items: [{ q: Number.NaN }] }, "[3]"))[0]?.path).toBe("[3].items[0].q");
    expect(thrownIssues(() => write({ items: [1n] }, "[4]"))[0]?.path).toBe("[4].items[0]");
  });
});

describe("shapedWriter (the fast kernels' writer of validated data)", () => {
  const writer = shapedWriter({ ...scalars(["b", "a"]), list: [scalars(["y", "x"])], inner: scalars(["k"]) });
  const write = (value: unknown) => writer()?.(value);

  it("writes the canonical JSON of data of its shape, whatever the order of its keys", () => {
    const value = { list: [{ y: "2", x: 1 }, { x: true }], b: "é\u2028\ud800", inner: { k: -0 }, a: 1e21 };
    expect(write(value)).toBe(canonicalJson(value));
    expect(write({ b: "x" })).toBe('{"b":"x"}');
  });

  it("declines (undefined) what is not of its shape, so that the general writer writes it", () => {
    expect(write({ a: { nested: 1 } })).toBeUndefined();
    expect(write({ list: { x: 1 } })).toBeUndefined();
    expect(write({ list: [1] })).toBeUndefined();
    expect(write({ inner: "k" })).toBeUndefined();
    expect(write(null)).toBeUndefined();
    const withToJSON = { a: 1 };
    Object.defineProperty(withToJSON, "toJSON", { value: () => 2, enumerable: false });
    expect(write(withToJSON)).toBeUndefined();
  });

  it("gives no writer while Object.prototype has a toJSON or a key of the shape, or Array.prototype a toJSON", () => {
    const prototype = Object.prototype as { toJSON?: unknown; k?: unknown };
    const lists = Array.prototype as { toJSON?: unknown };
    expect(writer()).toBeDefined();
    for (const [target, key] of [
      [prototype, "toJSON"],
      [prototype, "k"],
      [lists, "toJSON"],
    ] as const) {
      Object.defineProperty(target, key, { value: () => 1, configurable: true, writable: true, enumerable: false });
      try {
        expect(writer()).toBeUndefined();
      } finally {
        delete (target as { [key: string]: unknown })[key];
      }
    }
    expect(writer()).toBeDefined();
  });
});
