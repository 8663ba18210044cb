import { describe, expect, it } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import { CaseSchema, LedgerRowSchema } from "../../src/schemas/cases.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";

function errorsOf(input: unknown): { path: string; message: string }[] {
  return computeBatch([input]).errors.map(({ path, message }) => ({ path, message }));
}

describe("case schemas", () => {
  it.each([
    ["enterprise-exit", enterpriseCase],
    ["structure-clearance", clearanceCase],
    ["village-compensation", villageCase],
    ["township-transfer", transferCase],
  ])("a valid %s case parses", (_kind, input) => {
    expect(CaseSchema.safeParse(input).success).toBe(true);
  });

  it("omitted pollutants and taxes default to zero", () => {
    const parsed = CaseSchema.parse({
      ...enterpriseCase,
      pollutantsReducedTonnes: undefined,
      priorYearTax: { vat: "10" },
    });
    expect(parsed.kind === "enterprise-exit" && parsed.priorYearTax).toEqual({
      vat: "10",
      corporateIncome: "0",
      other: "0",
    });
    expect(parsed.kind === "enterprise-exit" && parsed.pollutantsReducedTonnes.vocs).toBe("0");
  });

  it("a JSON number of at most 15 significant digits is accepted as money and kept exact", () => {
    const parsed = CaseSchema.parse({ ...enterpriseCase, municipalAssessedAmount: 1234567.89 });
    expect(parsed.kind === "enterprise-exit" && parsed.municipalAssessedAmount).toBe("1234567.89");
  });

  it.each([
    ["an unknown field (a typo)", { ...enterpriseCase, energySaved: "1" }, "[0].energySaved", /unknown field/],
    [
      "a money string with a comma",
      { ...enterpriseCase, municipalAssessedAmount: "1,000,000" },
      "[0].municipalAssessedAmount",
      /comma/i,
    ],
    [
      "a currency sign",
      { ...enterpriseCase, municipalAssessedAmount: "¥500000" },
      "[0].municipalAssessedAmount",
      /decimal/,
    ],
    ["an exponent", { ...enterpriseCase, energySavedTce: "1e3" }, "[0].energySavedTce", /exponent/i],
    ["NaN", { ...enterpriseCase, energySavedTce: "NaN" }, "[0].energySavedTce", /decimal/],
    ["Infinity", { ...enterpriseCase, energySavedTce: "Infinity" }, "[0].energySavedTce", /decimal/],
    ["an empty string", { ...enterpriseCase, energySavedTce: "" }, "[0].energySavedTce", /empty|decimal/],
    ["a padded string", { ...enterpriseCase, energySavedTce: " 12" }, "[0].energySavedTce", /space|decimal/],
    [
      "a number with 16 significant digits",
      { ...enterpriseCase, municipalAssessedAmount: 1234567890123.456 },
      "[0].municipalAssessedAmount",
      /15 significant|string/,
    ],
    ["a negative quantity", { ...enterpriseCase, landAreaM2: "-3" }, "[0].landAreaM2", /negative/],
    [
      "a date that does not exist",
      { ...enterpriseCase, exitCompletedOn: "2016-02-30" },
      "[0].exitCompletedOn",
      /calendar date/,
    ],
    [
      "a date in another format",
      { ...enterpriseCase, exitCompletedOn: "2016/10/31" },
      "[0].exitCompletedOn",
      /YYYY-MM-DD/,
    ],
    ["an unknown enum value", { ...enterpriseCase, exitMode: "partial" }, "[0].exitMode", /"whole", "process"/],
    ["a fractional count", { ...enterpriseCase, employees: 3.5 }, "[0].employees", /whole number/],
    ["a boolean written as text", { ...enterpriseCase, licensed: "yes" }, "[0].licensed", /true or false/],
    ["a missing required field", { ...enterpriseCase, township: undefined }, "[0].township", /required/],
    [
      "a decision without an exempt category",
      { ...enterpriseCase, leadingGroupDecision: "exit" },
      "[0].leadingGroupDecision",
      /exemptCategory/,
    ],
    ["an unknown case kind", { ...enterpriseCase, kind: "enterprise" }, "[0].kind", /kind must be one of/],
    [
      "a duplicate item id in a declaration",
      { ...clearanceCase, items: [clearanceCase.items[0], clearanceCase.items[0]] },
      "[0].items[1].id",
      /duplicate item id/,
    ],
    [
      "a duplicate lease id",
      { ...villageCase, leases: [villageCase.leases[0], villageCase.leases[0]] },
      "[0].leases[1].id",
      /duplicate lease id/,
    ],
    [
      "a duplicate exited enterprise id",
      { ...transferCase, exitedEnterprises: [transferCase.exitedEnterprises[0], transferCase.exitedEnterprises[0]] },
      "[0].exitedEnterprises[1].id",
      /duplicate enterprise id/,
    ],
    ["a zero prior-year revenue", { ...transferCase, priorYearRevenue: "0" }, "[0].priorYearRevenue", /greater than 0/],
    ["a declaration without items", { ...clearanceCase, items: [] }, "[0].items", /at least one/],
  ])("rejects %s, naming the field and what is accepted", (_name, input, path, message) => {
    const errors = errorsOf(input);
    const error = errors.find((e) => e.path === path);
    expect(error, JSON.stringify(errors)).toBeDefined();
    expect(error?.message).toMatch(message);
  });

  it("every problem of a case is listed at once, with the field's Chinese label", () => {
    const errors = errorsOf({ ...enterpriseCase, exitMode: "x", energySavedTce: "-1", licensed: 1, surplus: true });
    expect(errors.map((e) => e.path).sort()).toEqual([
      "[0].energySavedTce",
      "[0].exitMode",
      "[0].licensed",
      "[0].surplus",
    ]);
    expect(errors.find((e) => e.path === "[0].energySavedTce")?.message).toContain("节能量（吨标煤）");
  });

  it("a duplicate case id in a batch is an error at the second one, and nothing is computed", () => {
    const document = computeBatch([enterpriseCase, { ...enterpriseCase }]);
    expect(document.errors.map((e) => e.path)).toEqual(["[1].id"]);
    expect(document.results).toEqual([]);
  });

  it("a ledger row accepts a negative amount (a reversal) and rejects an unknown payer", () => {
    expect(
      LedgerRowSchema.safeParse({ caseId: "E-1", payer: "district", amount: "-12.00", paidOn: "2016-12-01" }).success,
    ).toBe(true);
    expect(
      LedgerRowSchema.safeParse({ caseId: "E-1", payer: "city", amount: "12.00", paidOn: "2016-12-01" }).success,
    ).toBe(false);
  });
});
