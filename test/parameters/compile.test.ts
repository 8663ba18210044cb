import { describe, expect, it } from "vitest";
import { compileValue, paramUseOf, type Compiled } from "../../src/parameters/compile.js";
import type { ParameterKind } from "../../src/parameters/handles.js";
import type { ParameterValueJson } from "../../src/parameters/types.js";
import { Dec } from "../../src/money/decimal.js";

const DECIMAL: ParameterKind = { type: "decimal" };
const BOOLEAN: ParameterKind = { type: "boolean" };
const DATE: ParameterKind = { type: "date" };
const SCALE: ParameterKind = { type: "scale" };
const RATES: ParameterKind = { type: "rate-table" };
const CAPS: ParameterKind = { type: "table", cell: "decimal", keys: ["whole", "process"] };
const DEADLINES: ParameterKind = { type: "table", cell: "date", keys: ["north", "south"] };

const compile = (kind: ParameterKind, json: unknown): Compiled => compileValue(kind, json as ParameterValueJson);
const refused = (kind: ParameterKind, json: unknown) => {
  const compiled = compile(kind, json);
  expect(compiled.ok).toBe(false);
  return (compiled as { message: string }).message;
};
const value = (kind: ParameterKind, json: unknown): unknown => {
  const compiled = compile(kind, json);
  expect(compiled).toMatchObject({ ok: true });
  return (compiled as { value: unknown }).value;
};
/** A decimal.js value or a record or list of them, as plain strings, to compare by value. */
const plain = (compiled: unknown): unknown =>
  Dec.isDecimal(compiled)
    ? `Dec(${(compiled as Dec).toString()})`
    : Array.isArray(compiled)
      ? compiled.map(plain)
      : typeof compiled === "object" && compiled !== null
        ? Object.fromEntries(Object.entries(compiled).map(([key, cell]) => [key, plain(cell)]))
        : compiled;

describe("compileValue: decimals, booleans and dates", () => {
  it("a decimal ≥ 0 becomes a Dec; anything else is refused with what is accepted", () => {
    expect(plain(value(DECIMAL, "0.7"))).toBe("Dec(0.7)");
    expect(plain(value(DECIMAL, "0"))).toBe("Dec(0)");
    expect(plain(value(DECIMAL, "1200"))).toBe("Dec(1200)");
    for (const json of ["-0.7", "-0", "abc", "", "1e3", " 1", 0.7, true, null, { a: "1" }])
      expect(refused(DECIMAL, json)).toBe('must be a decimal string ≥ 0 such as "0.7"');
  });

  it("a boolean is true or false, nothing else", () => {
    expect(value(BOOLEAN, true)).toBe(true);
    expect(value(BOOLEAN, false)).toBe(false);
    for (const json of ["true", 1, 0, null, "false"]) expect(refused(BOOLEAN, json)).toBe("must be true or false");
  });

  it("a date is a real YYYY-MM-DD day", () => {
    expect(value(DATE, "2016-06-14")).toBe("2016-06-14");
    for (const json of ["2016-02-30", "2016-6-14", "20160614", 20160614, null, true])
      expect(refused(DATE, json)).toBe('must be a date "YYYY-MM-DD"');
  });
});

describe("compileValue: tables with fixed keys", () => {
  it("a table of decimals: exactly its keys, each a Dec, frozen, with no prototype", () => {
    const caps = value(CAPS, { whole: "600000", process: "150000" }) as Record<string, Dec>;
    expect(plain(caps)).toEqual({ whole: "Dec(600000)", process: "Dec(150000)" });
    expect(Object.getPrototypeOf(caps)).toBe(null);
    expect(Object.isFrozen(caps)).toBe(true);
    expect(Object.keys(caps)).toEqual(["whole", "process"]);
  });

  it("keys are taken in the kind's order, whatever the JSON's", () => {
    expect(Object.keys(value(CAPS, { process: "1", whole: "2" }) as object)).toEqual(["whole", "process"]);
  });

  it("a value that is no table is refused with the keys it needs", () => {
    for (const json of ["600000", null, ["600000"], true, { type: "marginal-rate", brackets: [] }])
      expect(refused(CAPS, json)).toBe("must be a table { whole, process }");
  });

  it("a table that only looks like a scale by one of its two names is a table", () => {
    const withType: ParameterKind = { type: "table", cell: "decimal", keys: ["type"] };
    expect(plain(value(withType, { type: "1" }))).toEqual({ type: "Dec(1)" });
    const withBrackets: ParameterKind = { type: "table", cell: "decimal", keys: ["brackets"] };
    expect(plain(value(withBrackets, { brackets: "2" }))).toEqual({ brackets: "Dec(2)" });
  });

  it("missing and unknown keys are each named", () => {
    expect(refused(CAPS, { whole: "1" })).toBe("must be a table with exactly the keys whole, process; missing process");
    expect(refused(CAPS, {})).toBe("must be a table with exactly the keys whole, process; missing whole, process");
    expect(refused(CAPS, { whole: "1", process: "2", partial: "3", other: "4" })).toBe(
      'must be a table with exactly the keys whole, process; unknown "partial", "other"',
    );
    expect(refused(CAPS, { whole: "1", extra: "3" })).toBe(
      'must be a table with exactly the keys whole, process; missing process; unknown "extra"',
    );
    expect(refused(CAPS, { whole: "1", process: "2", ["k".repeat(50)]: "3" })).toBe(
      `must be a table with exactly the keys whole, process; unknown "${"k".repeat(40)}"`,
    );
  });

  it("an inherited key does not count as present", () => {
    const json = Object.assign(Object.create({ process: "2" }) as object, { whole: "1" });
    expect(refused(CAPS, json)).toBe("must be a table with exactly the keys whole, process; missing process");
  });

  it("a cell of the wrong kind is named with what it must be", () => {
    expect(refused(CAPS, { whole: "1", process: "-2" })).toBe("process must be a decimal string ≥ 0");
    expect(refused(CAPS, { whole: 1, process: "2" })).toBe("whole must be a decimal string ≥ 0");
    expect(value(DEADLINES, { north: "2016-12-31", south: "2017-12-31" })).toEqual({
      north: "2016-12-31",
      south: "2017-12-31",
    });
    expect(refused(DEADLINES, { north: "2016-12-31", south: "2017-13-01" })).toBe('south must be a date "YYYY-MM-DD"');
    expect(refused(DEADLINES, { north: 20161231, south: "2017-12-31" })).toBe('north must be a date "YYYY-MM-DD"');
  });
});

describe("compileValue: rate tables", () => {
  it("kebab-case structure types, each { unit, rate } with unit m2, m or item and a rate ≥ 0", () => {
    const rates = value(RATES, {
      "brick-concrete": { unit: "m2", rate: "60" },
      "enclosure-wall": { unit: "m", rate: "40" },
      other2: { unit: "item", rate: "2000.5" },
    }) as Record<string, { unit: string; rate: Dec }>;
    expect(plain(rates)).toEqual({
      "brick-concrete": { unit: "m2", rate: "Dec(60)" },
      "enclosure-wall": { unit: "m", rate: "Dec(40)" },
      other2: { unit: "item", rate: "Dec(2000.5)" },
    });
    expect(Object.getPrototypeOf(rates)).toBe(null);
    expect(Object.isFrozen(rates["brick-concrete"])).toBe(true);
  });

  it("no table, or an empty one, is refused", () => {
    for (const json of [null, "60", [], {}, { type: "x", brackets: [] }])
      expect(refused(RATES, json)).toBe("must be a table { structureType: { unit, rate } } with at least one type");
  });

  it("a structure type that is not kebab-case is refused by name", () => {
    for (const key of [
      "Brick",
      "brick_concrete",
      "brick-",
      "-brick",
      "brick--concrete",
      "a brick",
      "x-Brick",
      "brick!",
    ])
      expect(refused(RATES, { [key]: { unit: "m2", rate: "1" } })).toBe(
        `structure type ${JSON.stringify(key)} must be kebab-case, e.g. "brick-concrete"`,
      );
    const long = `A${"b".repeat(60)}`;
    expect(refused(RATES, { [long]: { unit: "m2", rate: "1" } })).toBe(
      `structure type "${long.slice(0, 40)}" must be kebab-case, e.g. "brick-concrete"`,
    );
  });

  it("a cell without unit or rate, or no object, is refused", () => {
    for (const cell of ["60", null, { unit: "m2" }, { rate: "60" }, 60])
      expect(refused(RATES, { simple: cell })).toBe("simple must be { unit, rate }");
  });

  it("a unit other than m2, m or item, and a rate that is no decimal ≥ 0, are refused", () => {
    for (const unit of ["m3", "M2", "", "items"])
      expect(refused(RATES, { simple: { unit, rate: "1" } })).toBe('simple.unit must be "m2", "m" or "item"');
    for (const rate of ["-1", "x", 1])
      expect(refused(RATES, { simple: { unit: "m", rate } })).toBe("simple.rate must be a decimal string ≥ 0");
  });

  it("the first bad cell is named even after good ones", () => {
    expect(refused(RATES, { simple: { unit: "m2", rate: "1" }, wall: { unit: "km", rate: "1" } })).toBe(
      'wall.unit must be "m2", "m" or "item"',
    );
  });
});

describe("compileValue: scales", () => {
  it("a marginal-rate scale: thresholds and rates as Dec, amounts 0, frozen", () => {
    const scale = value(SCALE, {
      type: "marginal-rate",
      brackets: [
        { threshold: "0", rate: "1" },
        { threshold: "300000", rate: "0" },
      ],
    }) as { type: string; brackets: readonly object[] };
    expect(plain(scale)).toEqual({
      type: "marginal-rate",
      brackets: [
        { threshold: "Dec(0)", rate: "Dec(1)", amount: "Dec(0)" },
        { threshold: "Dec(300000)", rate: "Dec(0)", amount: "Dec(0)" },
      ],
    });
    expect(Object.isFrozen(scale)).toBe(true);
    expect(Object.isFrozen(scale.brackets)).toBe(true);
    expect(Object.isFrozen(scale.brackets[0])).toBe(true);
  });

  it("a single-amount scale takes amounts, its rates 0; a single-rate scale takes rates", () => {
    expect(plain(value(SCALE, { type: "single-amount", brackets: [{ threshold: "100", amount: "20" }] }))).toEqual({
      type: "single-amount",
      brackets: [{ threshold: "Dec(100)", rate: "Dec(0)", amount: "Dec(20)" }],
    });
    expect(plain(value(SCALE, { type: "single-rate", brackets: [{ threshold: "5", rate: "0.1" }] }))).toEqual({
      type: "single-rate",
      brackets: [{ threshold: "Dec(5)", rate: "Dec(0.1)", amount: "Dec(0)" }],
    });
    expect(plain(value(SCALE, { type: "marginal-rate", brackets: [] }))).toEqual({
      type: "marginal-rate",
      brackets: [],
    });
  });

  it("no scale shape is refused", () => {
    for (const json of [null, "scale", 1, { type: "marginal-rate" }, { brackets: [] }])
      expect(refused(SCALE, json)).toBe("must be a scale { type, brackets }");
  });

  it("each bracket needs its field and only that field", () => {
    expect(refused(SCALE, { type: "single-amount", brackets: [{ threshold: "0", rate: "1" }] })).toBe(
      'brackets[0] of a single-amount scale needs "amount"',
    );
    expect(
      refused(SCALE, {
        type: "marginal-rate",
        brackets: [
          { threshold: "0", rate: "1" },
          { threshold: "1", amount: "1" },
        ],
      }),
    ).toBe('brackets[1] of a marginal-rate scale needs "rate"');
    expect(refused(SCALE, { type: "single-rate", brackets: [{ threshold: "0", rate: "1", amount: "2" }] })).toBe(
      'brackets[0] of a single-rate scale takes "rate" only',
    );
    expect(refused(SCALE, { type: "single-amount", brackets: [{ threshold: "0", amount: "1", rate: "2" }] })).toBe(
      'brackets[0] of a single-amount scale takes "amount" only',
    );
  });

  it("negative thresholds or values are refused; thresholds must rise", () => {
    expect(refused(SCALE, { type: "marginal-rate", brackets: [{ threshold: "-1", rate: "1" }] })).toBe(
      "brackets[0] must have a threshold and rate ≥ 0",
    );
    expect(refused(SCALE, { type: "single-amount", brackets: [{ threshold: "1", amount: "-1" }] })).toBe(
      "brackets[0] must have a threshold and amount ≥ 0",
    );
    const rising = (a: string, b: string) =>
      compile(SCALE, {
        type: "marginal-rate",
        brackets: [
          { threshold: a, rate: "1" },
          { threshold: b, rate: "0" },
        ],
      });
    expect(rising("10", "10")).toEqual({
      ok: false,
      message: "brackets[1].threshold must be greater than the one before",
      zh: "brackets[1].threshold 应大于上一档",
    });
    expect(rising("10", "9.99")).toEqual({
      ok: false,
      message: "brackets[1].threshold must be greater than the one before",
      zh: "brackets[1].threshold 应大于上一档",
    });
    expect(rising("10", "10.01").ok).toBe(true);
  });
});

describe("paramUseOf", () => {
  const use = {
    name: "reward.small.cap",
    from: "2016-01-01",
    json: { whole: "600000", process: "150000" },
    status: "reported" as const,
    source: "S1",
  };
  it("the whole value, or one cell of a table with the key in the name", () => {
    expect(paramUseOf(use)).toEqual({
      name: "reward.small.cap",
      from: "2016-01-01",
      value: { whole: "600000", process: "150000" },
      status: "reported",
      source: "S1",
    });
    expect(paramUseOf(use, "whole")).toEqual({
      name: "reward.small.cap.whole",
      from: "2016-01-01",
      value: "600000",
      status: "reported",
      source: "S1",
    });
    expect(Object.isFrozen(paramUseOf(use))).toBe(true);
  });

  it("a key the value lacks, or a value that is no table, gives null; inherited keys are not read", () => {
    expect(paramUseOf(use, "partial").value).toBe(null);
    expect(paramUseOf(use, "toString").value).toBe(null);
    expect(paramUseOf({ ...use, json: "0.7" }, "whole").value).toBe(null);
    expect(paramUseOf({ ...use, json: null }, "whole").value).toBe(null);
    expect(paramUseOf({ ...use, json: ["a"] as never }, "0").value).toBe(null);
  });

  it("clause and note appear only when given", () => {
    expect(paramUseOf({ ...use, clause: "c", note: "n" })).toEqual({
      name: "reward.small.cap",
      from: "2016-01-01",
      value: { whole: "600000", process: "150000" },
      status: "reported",
      source: "S1",
      clause: "c",
      note: "n",
    });
    expect("clause" in paramUseOf(use)).toBe(false);
    expect("note" in paramUseOf(use)).toBe(false);
  });
});
