import { describe, expect, it } from "vitest";
import { InvalidInputError, type InputIssue } from "../../src/errors/index.js";
import { parameter, sameKind, type ParameterKind } from "../../src/parameters/handles.js";

function refusal(make: () => unknown): InputIssue[] {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return [...(error as InvalidInputError).issues];
  }
  throw new Error("expected the handle to be refused");
}

const NAME_RULE = 'a parameter name is dotted lowerCamel words, such as "changping.earlyExitBonusRate"';
const LABEL_RULE = "a parameter needs a label (中文 English)";
const UNIT_RULE = "a parameter's unit is a text (元/㎡, share, …)";
const KEYS_RULE = 'a table\'s keys are one or more words such as "whole" or "industrial-compound"';

describe("parameter handles", () => {
  it("each constructor gives a frozen handle with its name, label, unit and kind", () => {
    const rate = parameter.decimal("changping.earlyExitBonusRate", "提前退出奖励比例 bonus rate", "share");
    expect(rate).toEqual({
      name: "changping.earlyExitBonusRate",
      label: "提前退出奖励比例 bonus rate",
      unit: "share",
      kind: { type: "decimal" },
    });
    expect(Object.isFrozen(rate)).toBe(true);
    expect(Object.isFrozen(rate.kind)).toBe(true);
    expect(parameter.decimal("a.b", "x").unit).toBe("");
    expect(parameter.date("a.b", "日期 date")).toEqual({
      name: "a.b",
      label: "日期 date",
      unit: "date",
      kind: { type: "date" },
    });
    expect(parameter.boolean("a.b", "是否 whether")).toEqual({
      name: "a.b",
      label: "是否 whether",
      unit: "yes/no",
      kind: { type: "boolean" },
    });
    expect(parameter.scale("a.b", "档 scale", "元")).toEqual({
      name: "a.b",
      label: "档 scale",
      unit: "元",
      kind: { type: "scale" },
    });
    expect(parameter.scale("a.b", "档 scale").unit).toBe("");
  });

  it("a table of decimals keeps its keys in order, frozen and copied; its unit defaults to none", () => {
    const keys = ["whole", "industrial-compound"];
    const perMu = parameter.table("village.perMu", "补偿 per mu", { keys, cell: "decimal" }, "元/亩");
    expect(perMu.kind).toEqual({ type: "table", cell: "decimal", keys: ["whole", "industrial-compound"] });
    expect(perMu.unit).toBe("元/亩");
    keys.push("later");
    expect(perMu.kind).toEqual({ type: "table", cell: "decimal", keys: ["whole", "industrial-compound"] });
    expect(Object.isFrozen(perMu.kind)).toBe(true);
    expect(Object.isFrozen((perMu.kind as { keys: readonly string[] }).keys)).toBe(true);
    expect(parameter.table("a.b", "x", { keys: ["k"], cell: "decimal" }).unit).toBe("");
  });

  it("a table of dates reads in dates unless a unit is given; a rate table has keys of the rule set's choosing", () => {
    expect(parameter.table("a.b", "x", { keys: ["k"], cell: "date" }).unit).toBe("date");
    expect(parameter.table("a.b", "x", { keys: ["k"], cell: "date" }, "day").unit).toBe("day");
    const rates = parameter.table("clearance.rates", "费率 rates", { cell: "rate" }, "元");
    expect(rates).toEqual({ name: "clearance.rates", label: "费率 rates", unit: "元", kind: { type: "rate-table" } });
    expect(parameter.table("a.b", "x", { cell: "rate" }).unit).toBe("");
  });

  it("names must be dotted lowerCamel words: each part starts with a lower-case letter, at least two parts", () => {
    for (const name of ["a.b", "reward.municipal.min", "a1.bC2", "village.perMu"])
      expect(parameter.decimal(name, "x").name).toBe(name);
    for (const name of ["a", "A.b", "a.B", "a..b", "a.b.", ".a.b", "a.1b", "a-b.c", "a.b c", " a.b", "a.b!"])
      expect(refusal(() => parameter.decimal(name, "x"))).toEqual([
        {
          path: `parameter(${JSON.stringify(name)})`,
          code: "invalid-parameter",
          message: NAME_RULE,
          zh: "参数定义不正确",
        },
      ]);
  });

  it("a name that is not a text is refused and shown as …", () => {
    expect(refusal(() => parameter.decimal(7 as never, "x"))).toEqual([
      { path: "parameter(…)", code: "invalid-parameter", message: NAME_RULE, zh: "参数定义不正确" },
    ]);
  });

  it("a blank or missing label and a unit that is not a text are refused, every problem listed", () => {
    expect(refusal(() => parameter.decimal("a.b", "  "))).toEqual([
      { path: 'parameter("a.b")', code: "invalid-parameter", message: LABEL_RULE, zh: "参数定义不正确" },
    ]);
    expect(refusal(() => parameter.decimal("a.b", undefined as never)).map((issue) => issue.message)).toEqual([
      LABEL_RULE,
    ]);
    expect(refusal(() => parameter.decimal("a.b", "x", 3 as never)).map((issue) => issue.message)).toEqual([UNIT_RULE]);
    expect(refusal(() => parameter.decimal("A", "", 3 as never)).map((issue) => issue.message)).toEqual([
      NAME_RULE,
      LABEL_RULE,
      UNIT_RULE,
    ]);
  });

  it("a table's keys: one or more words starting with a letter, letters, digits and hyphens", () => {
    expect(parameter.table("a.b", "x", { keys: ["Whole", "a-1", "b2"], cell: "decimal" }).kind).toEqual({
      type: "table",
      cell: "decimal",
      keys: ["Whole", "a-1", "b2"],
    });
    const refused = (keys: unknown) =>
      refusal(() => parameter.table("a.b", "x", { keys: keys as string[], cell: "decimal" }));
    for (const keys of [[], ["1a"], ["-a"], ["a b"], ["a_b"], ["ok", 3], ["ok", ""], ["ok", "a."]])
      expect(refused(keys)).toEqual([
        { path: 'parameter("a.b")', code: "invalid-parameter", message: KEYS_RULE, zh: "参数定义不正确" },
      ]);
    // No keys at all reads as an empty list, refused the same way.
    expect(refusal(() => parameter.table("a.b", "x", { cell: "decimal" } as never)).map((i) => i.message)).toEqual([
      KEYS_RULE,
    ]);
  });

  it("a table's shape must name its cell: decimal, date or rate", () => {
    const rule = 'a table\'s shape is { keys, cell: "decimal" | "date" } or { cell: "rate" }';
    for (const shape of [undefined, null, "decimal", {}, { keys: ["a"], cell: "number" }]) {
      const issues = refusal(() => parameter.table("a.b", "x", shape as never));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: 'parameter("a.b").shape', code: "invalid-parameter", message: rule });
      expect(issues[0]?.zh).toBe('表的形状应为 { keys, cell: "decimal" | "date" } 或 { cell: "rate" }');
    }
  });

  it("a long name is cut in the path of its problem", () => {
    const name = `a.${"b".repeat(100)}!`;
    const [issue] = refusal(() => parameter.decimal(name, "x"));
    expect(issue?.path).toBe(`parameter("a.${"b".repeat(57)}…(103 characters)")`);
  });
});

describe("sameKind", () => {
  const table = (cell: "decimal" | "date", keys: string[]): ParameterKind => ({ type: "table", cell, keys });
  it("compares types, and for tables the cell and the keys in order", () => {
    expect(sameKind({ type: "decimal" }, { type: "decimal" })).toBe(true);
    expect(sameKind({ type: "decimal" }, { type: "date" })).toBe(false);
    expect(sameKind({ type: "rate-table" }, { type: "rate-table" })).toBe(true);
    expect(sameKind({ type: "scale" }, table("decimal", ["a"]))).toBe(false);
    expect(sameKind(table("decimal", ["a", "b"]), table("decimal", ["a", "b"]))).toBe(true);
    expect(sameKind(table("decimal", ["a", "b"]), table("date", ["a", "b"]))).toBe(false);
    expect(sameKind(table("decimal", ["a", "b"]), table("decimal", ["b", "a"]))).toBe(false);
    expect(sameKind(table("decimal", ["a", "b"]), table("decimal", ["a"]))).toBe(false);
    expect(sameKind(table("decimal", ["a"]), table("decimal", ["a", "b"]))).toBe(false);
    expect(sameKind(table("decimal", ["a", "b"]), table("decimal", ["a", "c"]))).toBe(false);
  });
});
