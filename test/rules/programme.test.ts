// programme() and extendDomain() refuse what cannot be computed, with every problem at once and a stable code.
import { describe, expect, it } from "vitest";
import { isInvalidInputError } from "../../src/errors/index.js";
import { parameter } from "../../src/parameters/handles.js";
import { of } from "../../src/rules/algebra.js";
import { defaultProgramme, domains } from "../../src/rules/default.js";
import { extendDomain, type Domain, type Payment } from "../../src/rules/domain.js";
import { isProgramme, programme } from "../../src/rules/programme.js";
import { field } from "../../src/schemas/fields.js";
import { ZERO } from "../../src/money/decimal.js";

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
