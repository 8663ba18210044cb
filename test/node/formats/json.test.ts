import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatPath } from "../../../src/errors/index.js";
import { duplicateKeys, parseJson, provesNoDuplicates } from "../../../src/node/formats/json.js";
import { thrownIssues } from "../../support/errors.js";

describe("duplicateKeys", () => {
  it.each([
    ['{"a":1,"a":2}', ["a"]],
    ['[{"id":"E-1","landAreaM2":"5000","landAreaM2":"1"}]', ["[0].landAreaM2"]],
    ['{"cases":[{"x":{"a":1,"b":{"a":1},"a":2}}]}', ["cases[0].x.a"]],
    ['{"a":1,"\\u0061":2}', ["a"]], // the same key once decoded
    ['{"a\\"b":1,"a\\"b":2}', ['["a\\"b"]']],
    ['{"k":"} { \\" ,","k":0}', ["k"]], // structure inside a string is not structure
    ['{"a":[1,2,{"b":1,"b":2}],"c":{}}', ["a[2].b"]],
    ['{"__proto__":1,"__proto__":2}', ["__proto__"]],
    ['{"a":1,"b":2,"c":{"a":1}}', []],
    ["[]", []],
    ['"just a string"', []],
  ])("%s → %j", (text, paths) => {
    expect(duplicateKeys(text).map((found) => found.path)).toEqual(paths);
  });

  it("a wide object switches to a set and still finds the second of 1,000 keys", () => {
    const keys = Array.from({ length: 1000 }, (_, index) => `"k${index}":${index}`);
    expect(duplicateKeys(`{${keys.join(",")},"k500":1}`).map((found) => found.key)).toEqual(["k500"]);
  });

  it("nesting 100,000 deep is scanned without recursion", () => {
    const deep = `${"[".repeat(100_000)}{"a":1,"a":2}${"]".repeat(100_000)}`;
    expect(duplicateKeys(deep)).toHaveLength(1);
  });
});

/** A JSON tree whose objects may repeat keys: the oracle knows every duplicate without parsing. */
type Tree = { object: [string, Tree][] } | { array: Tree[] } | { leaf: unknown };

const key = fc.oneof(
  fc.constantFrom("a", "b", "id", "__proto__", "constructor", 'q"', "\\", "}", "中"),
  fc.string({ maxLength: 4 }),
);
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({
      leaf: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('"}', "{[", '\\"')),
    }),
    fc.record({ array: fc.array(tie("tree"), { maxLength: 4 }) }),
    fc.record({ object: fc.array(fc.tuple(key, tie("tree")), { maxLength: 5 }) }),
  ),
})).tree;

const space = fc.constantFrom("", " ", "\n  ", "\t");

function render(node: Tree, gap: string): string {
  if ("leaf" in node) return JSON.stringify(node.leaf);
  if ("array" in node) return `[${gap}${node.array.map((child) => render(child, gap)).join(`,${gap}`)}${gap}]`;
  return `{${gap}${node.object.map(([name, child]) => `${JSON.stringify(name)}${gap}:${gap}${render(child, gap)}`).join(`,${gap}`)}${gap}}`;
}

function duplicatesOf(node: Tree, path: (string | number)[] = []): string[] {
  if ("leaf" in node) return [];
  if ("array" in node) return node.array.flatMap((child, index) => duplicatesOf(child, [...path, index]));
  const seen = new Set<string>();
  const found: string[] = [];
  for (const [name, child] of node.object) {
    if (seen.has(name)) found.push(formatPath([...path, name]));
    seen.add(name);
    found.push(...duplicatesOf(child, [...path, name]));
  }
  return found;
}

describe("duplicateKeys against an oracle", () => {
  // Red-green: making stringEnd ignore backslashes (an escaped quote ends the string) fails this property.
  test.prop([tree, space])("finds exactly the keys given twice, at their paths, in document order", (node, gap) => {
    const text = render(node, gap);
    JSON.parse(text); // the text is JSON
    const expected = duplicatesOf(node).sort();
    expect(
      duplicateKeys(text, Number.POSITIVE_INFINITY)
        .map((found) => found.path)
        .sort(),
    ).toEqual(expected);
  });
});

describe("the colon count that spares the scan", () => {
  // Red-green: \`colons >= keysHeld(…)\` for \`===\` in provesNoDuplicates proves duplicates away: this fails.
  test.prop([tree, space])(
    "proves no duplicate only when there is none; with it the scan finds the same",
    (node, gap) => {
      const text = render(node, gap);
      const value: unknown = JSON.parse(text);
      if (provesNoDuplicates(text, value)) expect(duplicatesOf(node)).toEqual([]);
      expect(duplicateKeys(text, Number.POSITIVE_INFINITY, value)).toEqual(
        duplicateKeys(text, Number.POSITIVE_INFINITY),
      );
    },
  );

  it("spares the scan of text without colons in its strings, and scans when a string holds one", () => {
    expect(provesNoDuplicates('[{"a":1,"b":{"c":[{"d":2}]}}]', JSON.parse('[{"a":1,"b":{"c":[{"d":2}]}}]'))).toBe(true);
    expect(provesNoDuplicates('{"a":"12:30"}', { a: "12:30" })).toBe(false);
    expect(provesNoDuplicates('{"a":1,"a":2}', JSON.parse('{"a":1,"a":2}'))).toBe(false);
    expect(duplicateKeys('{"a":"12:30"}', 10, { a: "12:30" })).toEqual([]);
  });

  it("scans when Object.prototype has an enumerable property (for…in would count it as a key of every object)", () => {
    const prototype = Object.prototype as { extra?: unknown };
    try {
      prototype.extra = 1;
      // Two colons, and one own key plus the inherited one: counted together, they would prove the duplicate away.
      expect(provesNoDuplicates('{"a":1,"a":2}', JSON.parse('{"a":1,"a":2}'))).toBe(false);
      expect(duplicateKeys('{"a":1,"a":2}', 10, JSON.parse('{"a":1,"a":2}'))).toEqual([{ path: "a", key: "a" }]);
    } finally {
      delete prototype.extra;
    }
    expect(provesNoDuplicates('{"a":1}', { a: 1 })).toBe(true);
  });
});

describe("parseJson", () => {
  it("refuses a duplicate key naming it, in English and Chinese, with a stable code", () => {
    const issues = thrownIssues(() => parseJson('[{"landAreaM2":"5000","landAreaM2":"1"}]', "dup.json"));
    expect(issues).toEqual([
      expect.objectContaining({
        path: "dup.json › [0].landAreaM2",
        code: "duplicate-key",
        zh: expect.stringContaining("两次"),
      }),
    ]);
    expect(issues[0]?.message).toContain('"landAreaM2" is given twice in the same object');
  });

  it("an escaped half of a surrogate pair (not a character: a file would store U+FFFD) is refused by its path", () => {
    const issues = thrownIssues(() => parseJson('[{"id":"E-\\ud800","ok":"\\ud83d\\ude00"}]', "s.json"));
    expect(issues).toEqual([expect.objectContaining({ path: "s.json › [0].id", code: "not-unicode" })]);
  });

  it("a syntax error names its line and column", () => {
    const issues = thrownIssues(() => parseJson('[\n  {"a": 1,}\n]', "bad.json"));
    expect(issues[0]).toMatchObject({ path: "bad.json", code: "not-json" });
    expect(issues[0]?.message).toMatch(/line 2, column \d+/);
  });

  test.prop([fc.jsonValue()])("accepts everything JSON.stringify writes, as JSON.parse reads it", (value) => {
    const text = JSON.stringify(value);
    expect(parseJson(text, "x.json")).toEqual(JSON.parse(text));
  });
});
