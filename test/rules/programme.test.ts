// programme() and extendDomain() refuse what cannot be computed, with every problem at once and a stable code.
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { isInvalidInputError } from "../../src/errors/index.js";
import { parameter } from "../../src/parameters/handles.js";
import { of } from "../../src/rules/algebra.js";
import { defaultProgramme, domains } from "../../src/rules/default.js";
import { extendDomain, type Domain, type Payment } from "../../src/rules/domain.js";
import { isProgramme, programme } from "../../src/rules/programme.js";
import { field } from "../../src/schemas/fields.js";
import { ZERO } from "../../src/money/decimal.js";
import { programme as checkedProgramme } from "../../src/rules/parts.js";
import { issuePaths, thrownIssues } from "../support/errors.js";

function codesOf(make: () => unknown): string[][] {
  try {
    make();
  } catch (error) {
    if (isInvalidInputError(error)) return error.issues.map((issue) => [issue.path, issue.code]);
    throw error;
  }
  throw new Error("accepted");
}

const nothing: Payment<Record<never, never>> = {
  municipal: ZERO,
  district: ZERO,
  eligible: true,
  estimate: false,
  detail: {},
};
const bare: Domain<"bare", { kind: string; id: string; township: string }, Record<never, never>> = {
  kind: "bare",
  labels: { zh: "空", en: "bare" },
  fields: { id: field.text("编号"), township: field.text("乡镇") },
  date: () => "2016-06-01",
  dateField: "id",
  payee: (facts) => ({ type: "enterprise", id: facts.id }),
  parameters: [parameter.decimal("reward.district.supplementRate", "a decimal of the same name")],
  parts: {},
  payment: () => () => of(nothing),
  messages: { codes: {}, rules: {} },
  budgetLines: ["bare"],
  budgetLine: () => "bare",
};

describe("programme()", () => {
  it("builds a programme of any copy (recognised by its brand), its kinds in order", () => {
    const made = programme(domains.villageCompensation, bare);
    expect(isProgramme(made)).toBe(true);
    expect(isProgramme({ ...made })).toBe(true);
    expect(isProgramme({ domains: [] })).toBe(false);
    expect(made.kinds).toEqual(["village-compensation", "bare"]);
    expect(defaultProgramme.kinds).toEqual([
      "enterprise-exit",
      "structure-clearance",
      "village-compensation",
      "township-transfer",
    ]);
  });

  it("refuses two domains of one kind, a domain without id or township, one name with two shapes", () => {
    const { township: _township, ...withoutTownship } = bare.fields;
    const conflicting = {
      ...bare,
      kind: "other",
      parameters: [parameter.date("reward.district.supplementRate", "a date")],
    };
    expect(
      codesOf(() => programme(domains.enterpriseExit, bare, { ...bare, fields: withoutTownship }, conflicting)),
    ).toEqual([
      ['domains["bare"]', "duplicate-kind"],
      ['domains["bare"].fields.township', "missing-field"],
      ['parameters["reward.district.supplementRate"]', "parameter-conflict"],
    ]);
  });
});

describe("extendDomain()", () => {
  it("refuses a field the domain has, a part it does not have, a parameter redeclared with another shape", () => {
    expect(
      codesOf(() =>
        extendDomain(domains.enterpriseExit, {
          fields: { licensed: field.boolean("持有营业执照"), kind: field.text("类型") },
          parts: { noSuchPart: domains.enterpriseExit.parts.blocking } as never,
          parameters: [parameter.date("reward.district.supplementRate", "a date")],
        }),
      ),
    ).toEqual([
      ["fields.licensed", "field-exists"],
      ["fields.kind", "field-exists"],
      ["parts.noSuchPart", "unknown-part"],
      ['parameters["reward.district.supplementRate"]', "parameter-conflict"],
    ]);
  });

  it("keeps everything it does not change", () => {
    const same = extendDomain(domains.villageCompensation, {});
    expect(same.kind).toBe("village-compensation");
    expect(same.parts).toEqual(domains.villageCompensation.parts);
    expect(same.parameters).toEqual(domains.villageCompensation.parameters);
    expect(Object.isFrozen(same)).toBe(true);
  });
});

describe("programme(): the texts of its refusals", () => {
  it("says which kind is computed twice and which field is missing, in both languages", () => {
    const { id: _id, ...withoutId } = bare.fields;
    expect(thrownIssues(() => programme(bare, { ...bare, fields: withoutId }))).toEqual([
      {
        path: 'domains["bare"]',
        code: "duplicate-kind",
        message: 'two domains compute the kind "bare"; a programme has one domain per case kind',
        zh: '两个领域计算同一案件类型"bare"',
      },
      {
        path: 'domains["bare"].fields.id',
        code: "missing-field",
        message: 'has no field "id"; every case has an id and a township (field.text("编号"), field.text("乡镇"))',
        zh: '缺少字段"id"',
      },
    ]);
  });

  const INVALID_ID = {
    path: "options.id",
    code: "invalid-option",
    message:
      "must be a programme id: letters, digits, '.', '_' and '-', up to 64, starting with a letter or digit (e.g. \"changping-2015\")",
    zh: "应为方案编号：字母、数字、'.'、'_'、'-'，最长 64 个字符，以字母或数字开头（如 \"changping-2015\"）",
  };

  it("refuses an option other than id, and an id that is no programme id", () => {
    expect(thrownIssues(() => programme({ id: "ok", foo: 1 } as never, bare))).toEqual([
      {
        path: "options.foo",
        code: "unknown-option",
        message: "is not an option of programme(); it takes { id } before its domains",
        zh: "不是 programme() 的选项；它在各领域之前接受 { id }",
      },
    ]);
    expect(thrownIssues(() => programme({ id: "bad id" }, bare))).toEqual([INVALID_ID]);
    expect(thrownIssues(() => programme({ id: 5 } as never, bare))).toEqual([INVALID_ID]);
    expect(thrownIssues(() => programme({ id: "-starts-with-a-dash" }, bare))).toEqual([INVALID_ID]);
    expect(thrownIssues(() => programme({ id: "a".repeat(65) }, bare))).toEqual([INVALID_ID]);
    expect(programme({ id: "a".repeat(64) }, bare).id).toBe("a".repeat(64));
  });

  it("takes a first argument that is no object, or a list, for a (wrong) domain, not for options", () => {
    for (const first of [null, [], "x", 5])
      expect(issuePaths(() => checkedProgramme(first as never, domains.villageCompensation))).toEqual(["domains[0]"]);
  });
});

describe("programme(): what it declares", () => {
  it("carries its id only when given one, and its domains in order", () => {
    const named = programme({ id: "changping-2015" }, domains.villageCompensation, bare);
    expect(named.id).toBe("changping-2015");
    expect(named.domains).toEqual([domains.villageCompensation, bare]);
    expect(named.kinds).toEqual(["village-compensation", "bare"]);
    const unnamed = programme(domains.villageCompensation, bare);
    expect("id" in unnamed).toBe(false);
    expect(unnamed.domains).toEqual([domains.villageCompensation, bare]);
    expect(programme({}, bare).kinds).toEqual(["bare"]);
    expect("id" in programme({}, bare)).toBe(false);
  });

  it("lists every rule name its domains' texts give, each once", () => {
    const withRules = (kind: string, rules: string[]) => ({
      ...bare,
      kind,
      messages: { codes: {}, rules: Object.fromEntries(rules.map((rule) => [rule, { zh: rule, en: rule }])) },
    });
    expect(programme(withRules("a", ["r.one", "r.two"]), withRules("b", ["r.two", "r.three"])).rules).toEqual([
      "r.one",
      "r.two",
      "r.three",
    ]);
  });

  it("labels the contract's fields by the contract, and a domain's own fields by their descriptions", () => {
    const plain = { ...bare, kind: "plain", fields: { ...bare.fields, extra: z.string() } };
    const described = {
      ...bare,
      kind: "described",
      fields: {
        ...bare.fields,
        id: field.text("别的编号 another id"),
        extra: field.text("附加 extra"),
        later: field.money("稍后 later").optional(),
      },
    };
    const made = programme(plain, described);
    expect(made.fieldLabel("id")).toBe("编号");
    expect(made.fieldLabel("township")).toBe("乡镇");
    expect(made.fieldLabel("extra")).toBe("附加 extra");
    expect(made.fieldLabel("later")).toBe("稍后 later");
    expect(made.fieldLabel("nowhere")).toBeUndefined();
    expect(programme(plain).fieldLabel("extra")).toBeUndefined();
  });

  it("parses a case by its domain's fields and the domain's finish", () => {
    const finished = {
      ...bare,
      finish: (object: z.ZodMiniObject) =>
        object.check(z.refine((value) => (value as { id: string }).id !== "refused", { message: "refused id" })),
    };
    const entry = programme(finished).entry("bare");
    expect(entry?.schema.safeParse({ kind: "bare", id: "a", township: "b" }).success).toBe(true);
    expect(entry?.schema.safeParse({ kind: "bare", id: "refused", township: "b" }).success).toBe(false);
    expect(entry?.schema.safeParse({ kind: "bare", id: "a" }).success).toBe(false);
    expect(
      programme(bare).entry("bare")?.schema.safeParse({ kind: "bare", id: "refused", township: "b" }).success,
    ).toBe(true);
  });
});

describe("isProgramme", () => {
  it("is false for null, undefined and texts", () => {
    for (const value of [null, undefined, "programme", 0]) expect(isProgramme(value)).toBe(false);
  });
});
