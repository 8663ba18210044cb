// parseCase: what a user is told for a case that is missing, no object, of a kind the programme does not compute,
// refused by its domain's schema or by its domain's check — at `case` for one case, at `[i]…` for a batch's case i.
// computeCase: the outcome of a valid case, with a track only where the domain gives one.
import { describe, expect, it } from "vitest";
import { ZERO } from "../../src/money/decimal.js";
import type { InvalidInputError } from "../../src/errors/index.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import { of } from "../../src/rules/algebra.js";
import { defaultProgramme } from "../../src/rules/default.js";
import type { Domain, Payment } from "../../src/rules/domain.js";
import { computeCase, parseCase } from "../../src/rules/evaluate.js";
import { programme } from "../../src/rules/programme.js";
import { field } from "../../src/schemas/fields.js";

type Facts = { kind: string; id: string; township: string; note?: string };

/** A domain whose check refuses a case with a `note`, at the case itself, at `[0]` and at `note`. */
const checked: Domain<"checked", Facts, Record<never, never>> = {
  kind: "checked",
  labels: { zh: "查", en: "checked" },
  fields: { id: field.text("编号"), township: field.text("乡镇"), note: field.text("备注 note").optional() },
  date: () => "2016-06-01",
  dateField: "id",
  payee: (facts) => ({ type: "enterprise", id: facts.id }),
  parameters: [],
  parts: {},
  payment: () => (facts) =>
    of<Payment<Record<never, never>>>({
      municipal: ZERO,
      district: ZERO,
      eligible: true,
      ...(facts.township === "tracked" ? { track: "t1" } : {}),
      estimate: false,
      detail: {},
    }),
  checkCase: (facts) =>
    facts.note === undefined
      ? []
      : ["", "[0]", "note"].map((path) => ({ path, code: "noted", message: "has a note", zh: "有备注" })),
  messages: { codes: {}, rules: {} },
  budgetLines: ["checked"],
  budgetLine: () => "checked",
};
const checkedProgramme = programme(checked);

const issuesOf = (input: unknown, index?: number) => {
  const parsed = parseCase(checkedProgramme, input, defaultRuleSet, index);
  return parsed.ok ? "accepted" : parsed.issues;
};

const REQUIRED = {
  code: "required",
  message: "is required: a case goes here (an empty place in a list, or undefined, is no case)",
  zh: "必须填写：此处应为一个案件（列表中的空位或 undefined 不是案件）",
};
const notACase = (got: string) => ({
  code: "not-a-case",
  message: `value: must be a case object with a kind; got ${got}`,
  zh: "应为带有类型（「kind」）的案件对象",
});

describe("parseCase", () => {
  it("refuses a missing case, at case alone and at [i] in a batch", () => {
    expect(issuesOf(undefined)).toEqual([{ path: "case", ...REQUIRED }]);
    expect(issuesOf(undefined, 3)).toEqual([{ path: "[3]", ...REQUIRED }]);
  });

  it("refuses a number, null and a list: a case is an object", () => {
    expect(issuesOf(5)).toEqual([{ path: "case", ...notACase("5") }]);
    expect(issuesOf("a case")).toEqual([{ path: "case", ...notACase('"a case"') }]);
    expect(issuesOf(null, 2)).toEqual([{ path: "[2]", ...notACase("null") }]);
    expect(issuesOf([1], 0)).toEqual([{ path: "[0]", ...notACase("a list") }]);
  });

  it("refuses a kind the programme does not compute, listing its kinds in both languages", () => {
    expect(parseCase(defaultProgramme, { kind: "nope" }, defaultRuleSet)).toEqual({
      ok: false,
      issues: [
        {
          path: "kind",
          code: "unknown-kind",
          message:
            'kind (类型): kind must be one of "enterprise-exit", "structure-clearance", "village-compensation", "township-transfer"',
          zh: '类型（kind）应为以下之一："enterprise-exit"、"structure-clearance"、"village-compensation"、"township-transfer"',
          label: "类型",
        },
      ],
    });
    const unknownKind = {
      code: "unknown-kind",
      message: 'kind (类型): kind must be one of "checked"',
      zh: '类型（kind）应为以下之一："checked"',
      label: "类型",
    };
    expect(issuesOf({ kind: 7, id: "a", township: "b" }, 1)).toEqual([{ path: "[1].kind", ...unknownKind }]);
    expect(issuesOf({ id: "a", township: "b" })).toEqual([{ path: "kind", ...unknownKind }]);
  });

  it("refuses by the domain's schema, quoting the value given, at the field (prefixed in a batch)", () => {
    const notAText = {
      code: "not-a-text",
      message: "id (编号): must be a non-empty text; got 5",
      zh: "编号：应为首尾无空格的非空文本；实际为 5",
      label: "编号",
    };
    expect(issuesOf({ kind: "checked", id: 5, township: "a" })).toEqual([{ path: "id", ...notAText }]);
    expect(issuesOf({ kind: "checked", id: 5, township: "a" }, 4)).toEqual([{ path: "[4].id", ...notAText }]);
  });

  it("refuses by the domain's check, its paths joined to the case's place", () => {
    const noted = { code: "noted", message: "has a note", zh: "有备注" };
    const input = { kind: "checked", id: "a", township: "b", note: "n" };
    expect(issuesOf(input)).toEqual([
      { path: "case", ...noted },
      { path: "[0]", ...noted },
      { path: "note", ...noted },
    ]);
    expect(issuesOf(input, 3)).toEqual([
      { path: "[3]", ...noted },
      { path: "[3][0]", ...noted },
      { path: "[3].note", ...noted },
    ]);
  });

  it("accepts a valid case with the facts the schema parsed and its domain", () => {
    const parsed = parseCase(checkedProgramme, { kind: "checked", id: "a", township: "b" }, defaultRuleSet, 0);
    expect(parsed).toEqual({
      ok: true,
      value: { kind: "checked", id: "a", township: "b" },
      entry: checkedProgramme.entry("checked"),
    });
  });
});

describe("computeCase", () => {
  const outcomeOf = (township: string) => {
    const entry = checkedProgramme.entry("checked");
    if (entry === undefined) throw new Error("no entry");
    return computeCase(entry, { kind: "checked", id: "a", township }, defaultRuleSet, false);
  };

  it("gives the outcome every kind shares, with the track only where the payment has one", () => {
    const plain = outcomeOf("b");
    expect(Object.keys(plain)).toEqual([
      "id",
      "kind",
      "township",
      "ruleSet",
      "eligible",
      "payee",
      "amounts",
      "estimate",
      "basis",
      "reasons",
      "findings",
      "detail",
      "trace",
    ]);
    expect(plain).toMatchObject({
      id: "a",
      kind: "checked",
      township: "b",
      ruleSet: { id: defaultRuleSet.id, version: defaultRuleSet.version },
      eligible: true,
      payee: { type: "enterprise", id: "a" },
      estimate: false,
      basis: "official",
      reasons: [],
      findings: [],
      detail: {},
      trace: [],
    });
    const tracked = outcomeOf("tracked");
    expect(tracked.track).toBe("t1");
    expect(Object.keys(tracked)).toContain("track");
  });
});

describe("computeCase: a payment a programme got wrong", () => {
  const paying = (amounts: { municipal?: unknown; district?: unknown }) => {
    const domain = {
      ...checked,
      payment: () => () =>
        of({ municipal: ZERO, district: ZERO, eligible: true, estimate: false, detail: {}, ...amounts }),
    } as unknown as typeof checked;
    const entry = programme(domain).entry("checked");
    if (entry === undefined) throw new Error("no entry");
    return () => computeCase(entry, { kind: "checked", id: "a", township: "b" }, defaultRuleSet, false);
  };
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as InvalidInputError).issues;
    }
    throw new Error("not refused");
  };

  it.each([
    ["district", { district: undefined }, "gave no district amount (undefined)"],
    ["municipal", { municipal: null }, "gave no municipal amount (null)"],
    ["district", { district: "-100" }, "gave a negative district amount (-100.00)"],
    ["municipal", { municipal: ZERO.minus("0.5") }, "gave a negative municipal amount (-0.50)"],
  ])("a missing or negative %s amount is refused, never shown as a number (%j)", (payer, amounts, said) => {
    const [issue] = refusal(paying(amounts));
    expect(issue).toMatchObject({ path: `payment.${payer}`, code: "invalid-payment" });
    expect(issue?.message).toContain(said);
    expect(issue?.message).toContain("a bug of the programme");
    expect(issue?.zh).toContain("方案的缺陷");
  });

  it("amounts of zero and more are shown as they are", () => {
    expect(paying({ district: "12.5" })().amounts).toEqual({ municipal: "0.00", district: "12.50", total: "12.50" });
  });
});
