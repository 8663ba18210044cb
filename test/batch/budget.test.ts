import { describe, expect, it } from "vitest";
import { allocateCap, budget, budgetOfCases, caseYears, fullPaymentKinds } from "../../src/batch/budget.js";
import { defaultProgramme } from "../../src/rules/default.js";
import { compute } from "../../src/batch/compute.js";
import { Dec } from "../../src/money/decimal.js";
import { CaseSchema } from "../../src/schemas/cases.js";
import type { OutcomeBase as Outcome } from "../../src/trace/types.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";
import { issuePaths } from "../support/errors.js";
import { FIXED_RATES } from "../support/fixedRates.js";

// Owed under the test rule set fixed-rates (test-only rates, not the bundled ones): E-1 875,000.00 municipal (2016); E-2 612,500.00 district supplement (2017, 宋庄镇);
// C-1 9,220.00 district (张家湾镇, 2016); V-1 540,000.00 district (宋庄镇, 2016); T-1 0.00 (台湖镇, fiscal year 2017).
const E2 = {
  ...enterpriseCase,
  id: "E-2",
  township: "宋庄镇",
  municipalOutcome: "not-granted",
  exitCompletedOn: "2017-03-01",
};
const CASES = [enterpriseCase, E2, clearanceCase, villageCase, transferCase];
const OUTCOMES = compute(CASES, FIXED_RATES);
const YEARS = caseYears(CASES.map((facts) => CaseSchema.parse(facts)));

/** A synthetic outcome owing the given amounts (for allocation examples). */
function owing(id: string, municipal: string, district: string): Outcome {
  const total = new Dec(municipal).plus(district).toFixed(2);
  return { ...(OUTCOMES[0] as Outcome), id, amounts: { municipal, district, total } };
}

describe("budget: groups", () => {
  it("by township (the default): 台湖镇 875,000 + 0; 宋庄镇 612,500 + 540,000; 张家湾镇 9,220", () => {
    const document = budget(OUTCOMES);
    expect(document.groups).toEqual([
      { key: { township: "台湖镇" }, amount: "875000.00" },
      { key: { township: "宋庄镇" }, amount: "1152500.00" },
      { key: { township: "张家湾镇" }, amount: "9220.00" },
    ]);
    expect(document.total).toBe("2036720.00");
    expect(document.ruleSet).toEqual({ id: "fixed-rates", version: "t" });
    expect(document.allocation).toBeUndefined();
  });

  it("by payer: each outcome split into its parts, zero parts omitted → municipal 875,000; district 1,161,720", () => {
    expect(budget(OUTCOMES, { by: ["payer"] }).groups).toEqual([
      { key: { payer: "municipal" }, amount: "875000.00" },
      { key: { payer: "district" }, amount: "1161720.00" },
    ]);
  });

  it("by track: an enterprise's track, or the kind of the other cases", () => {
    expect(budget(OUTCOMES, { by: ["track"] }).groups).toEqual([
      { key: { track: "municipal" }, amount: "875000.00" },
      { key: { track: "district-supplement" }, amount: "612500.00" },
      { key: { track: "structure-clearance" }, amount: "9220.00" },
      { key: { track: "village-compensation" }, amount: "540000.00" },
      { key: { track: "township-transfer" }, amount: "0.00" },
    ]);
  });

  it("by year: exitCompletedOn, declaredOn, clearedOn, fiscalYear → 2016: 1,424,220; 2017: 612,500", () => {
    expect(YEARS).toEqual({ "E-1": 2016, "E-2": 2017, "C-1": 2016, "V-1": 2016, "T-1": 2017 });
    expect(budget(OUTCOMES, { by: ["year"], years: YEARS }).groups).toEqual([
      { key: { year: 2016 }, amount: "1424220.00" },
      { key: { year: 2017 }, amount: "612500.00" },
    ]);
  });

  it("by township and payer, sorted in the order of the dimensions given", () => {
    expect(budget(OUTCOMES, { by: ["payer", "township"] }).groups.map((group) => group.key)).toEqual([
      { payer: "municipal", township: "台湖镇" },
      { payer: "district", township: "宋庄镇" },
      { payer: "district", township: "张家湾镇" },
    ]);
  });

  it("with no grouping dimension, one group holds everything", () => {
    expect(budget(OUTCOMES, { by: [] }).groups).toEqual([{ key: {}, amount: "2036720.00" }]);
  });

  it("budgetOfCases computes the cases and reads their years", () => {
    expect(budgetOfCases(CASES, { by: ["year", "payer"], ruleSet: FIXED_RATES }).groups).toEqual([
      { key: { year: 2016, payer: "municipal" }, amount: "875000.00" },
      { key: { year: 2016, payer: "district" }, amount: "549220.00" },
      { key: { year: 2017, payer: "district" }, amount: "612500.00" },
    ]);
  });

  it("no outcomes: no group, total 0.00", () => {
    expect(budget([], { by: ["township"] })).toMatchObject({ groups: [], total: "0.00" });
  });
});

describe("budget: capped allocation", () => {
  it("cap 1,000,000 for the district's 1,161,720.00 owed: pro rata, Σ = 1,000,000.00 exactly", () => {
    const allocation = budget(OUTCOMES, { cap: "1000000", payer: "district" }).allocation;
    expect(allocation).toEqual({
      cap: "1000000.00",
      payer: "district",
      owed: "1161720.00",
      allocated: "1000000.00",
      // Outcomes that name a rule set other than the bundled one, without it loaded: no kind is paid in full.
      fullKinds: [],
      // by township (the default): 宋庄镇 holds E-2 and V-1.
      groups: [
        { key: { township: "宋庄镇" }, owed: "1152500.00", allocated: "992063.49", shortfall: "160436.51" },
        { key: { township: "张家湾镇" }, owed: "9220.00", allocated: "7936.51", shortfall: "1283.49" },
      ],
      // exact shares 527,235.478…, 7,936.507…, 464,828.013…: the fen floors add to 999,999.98, and the
      // two fen left go to the largest remainders (0.84 fen for E-2, 0.76 for C-1; V-1 has 0.37).
      shares: [
        { caseId: "E-2", kind: "enterprise-exit", owed: "612500.00", allocated: "527235.48" },
        { caseId: "C-1", kind: "structure-clearance", owed: "9220.00", allocated: "7936.51" },
        { caseId: "V-1", kind: "village-compensation", owed: "540000.00", allocated: "464828.01" },
      ],
      remainder: ["E-2", "C-1"],
    });
  });

  it("足额: under the loaded rule set land-clearing fees are paid in full, the rest share 990,780.00 pro rata", () => {
    const allocation = budget(OUTCOMES, { cap: "1000000", payer: "district", ruleSet: FIXED_RATES }).allocation;
    expect(allocation?.fullKinds).toEqual(["structure-clearance"]);
    // 990,780 × 612,500 ÷ 1,152,500 = 526,553.362…; 990,780 × 540,000 ÷ 1,152,500 = 464,226.637…: the fen left to V-1
    expect(allocation?.shares).toEqual([
      { caseId: "E-2", kind: "enterprise-exit", owed: "612500.00", allocated: "526553.36" },
      { caseId: "C-1", kind: "structure-clearance", owed: "9220.00", allocated: "9220.00" },
      { caseId: "V-1", kind: "village-compensation", owed: "540000.00", allocated: "464226.64" },
    ]);
    expect(allocation?.groups.map((group) => group.shortfall)).toEqual(["161720.00", "0.00"]);
    expect(allocation?.remainder).toEqual(["V-1"]);
  });

  it("fullKinds given: those kinds first, whatever the rule set; [] pays none in full", () => {
    // 540,000.00 to V-1 first; 60,000.00 over E-2 and C-1: 59,110.210… and 889.789…
    const village = budget(OUTCOMES, { cap: "600000", payer: "district", fullKinds: ["village-compensation"] });
    expect(village.allocation?.shares.map((share) => share.allocated)).toEqual(["59110.21", "889.79", "540000.00"]);
    const none = budget(OUTCOMES, { cap: "1000000", payer: "district", ruleSet: FIXED_RATES, fullKinds: [] });
    expect(none.allocation?.fullKinds).toEqual([]);
    expect(none.allocation?.shares[1]?.allocated).toBe("7936.51");
  });

  it("a cap below what the full kinds are owed: they share it pro rata, the rest get 0, and a warning says what they need", () => {
    const allocation = budget(OUTCOMES, { cap: "9000", payer: "district", ruleSet: FIXED_RATES }).allocation;
    // C-1 (land-clearing, 9,220.00 owed) is the only case of a full kind: it takes the whole 9,000.00
    expect(allocation?.allocated).toBe("9000.00");
    expect(allocation?.shares.map((share) => [share.caseId, share.allocated])).toEqual([
      ["E-2", "0.00"],
      ["C-1", "9000.00"],
      ["V-1", "0.00"],
    ]);
    expect(allocation?.remainder).toEqual([]);
    expect(allocation?.warnings).toEqual([
      {
        code: "cap-below-full-kinds",
        needed: "9220.00",
        message:
          "the cap 9,000.00 cannot pay in full the 9,220.00 owed for the kinds paid in full (structure-clearance: land-clearing fee declaration): they share the whole cap pro rata and the other kinds get nothing; to pay them in full, raise the cap to at least 9,220.00, or pay fewer kinds in full (fullKinds, --full-kinds); the rule set pays them in full (clearance.paidInFull, S0 《实施方案》四(十四)3: 区财政局按照区住房城乡建设委核定的…情况，足额将腾地经费拨付至各乡镇政府)",
        zh: "限额 9,000.00 元不足以足额拨付腾地经费申报核定所需的 9,220.00 元：这些个案按应付金额比例分配全部限额，其他类型分配为零；如需足额拨付，请将限额提高到至少 9,220.00 元，或减少足额拨付的类型（--full-kinds）；规则集规定其足额拨付（clearance.paidInFull，S0 《实施方案》四(十四)3: 区财政局按照区住房城乡建设委核定的…情况，足额将腾地经费拨付至各乡镇政府）",
        basis: [
          expect.objectContaining({ name: "clearance.paidInFull", status: "official", source: "S0", value: true }),
        ],
      },
    ]);
    // full kinds chosen by the caller that the rule set does not pay in full: the warning cites nothing
    const chosen = budget(OUTCOMES, {
      cap: "10",
      payer: "district",
      ruleSet: FIXED_RATES,
      fullKinds: ["village-compensation"],
    }).allocation?.warnings;
    expect(chosen?.[0]?.code).toBe("cap-below-full-kinds");
    expect(chosen?.[0]).not.toHaveProperty("basis");
    expect(chosen?.[0]?.message).not.toContain("the rule set pays");
    // a cap that covers them exactly: no warning
    expect(budget(OUTCOMES, { cap: "9220", payer: "district", ruleSet: FIXED_RATES }).allocation).not.toHaveProperty(
      "warnings",
    );
  });

  it("fullPaymentKinds: the kinds whose paidInFull parameter is true (land-clearing fees, 四(十四)3)", () => {
    expect(fullPaymentKinds(defaultProgramme, FIXED_RATES)).toEqual(["structure-clearance"]);
  });

  it("100.00 over three equal debts → 33.34, 33.33, 33.33: the extra fen goes to the earliest case", () => {
    const allocation = allocateCap(
      [owing("A", "0", "50"), owing("B", "0", "50"), owing("C", "0", "50")],
      new Dec("100"),
      "district",
    );
    expect(allocation.shares.map((share) => share.allocated)).toEqual(["33.34", "33.33", "33.33"]);
    expect(allocation.remainder).toEqual(["A"]);
  });

  it("a cap above what is owed pays every case in full; a zero cap pays nothing", () => {
    const full = budget(OUTCOMES, { cap: "5000000", payer: "municipal" }).allocation;
    expect(full).toMatchObject({
      owed: "875000.00",
      allocated: "875000.00",
      shares: [{ caseId: "E-1", owed: "875000.00", allocated: "875000.00" }],
      remainder: [],
    });
    expect(
      budget(OUTCOMES, { cap: "0", payer: "district" }).allocation?.shares.map((share) => share.allocated),
    ).toEqual(["0.00", "0.00", "0.00"]);
  });

  it("a cap when the payer owes every case 0: nothing to share (no zero-weight split), 0.00 allocated", () => {
    const allocation = allocateCap([owing("A", "10", "0"), owing("B", "0", "0")], new Dec("100"), "district");
    expect(allocation).toMatchObject({ cap: "100.00", owed: "0.00", allocated: "0.00", shares: [], remainder: [] });
  });

  it("cases the payer owes nothing are not in the allocation", () => {
    expect(
      budget(OUTCOMES, { cap: "100", payer: "municipal" }).allocation?.shares.map((share) => share.caseId),
    ).toEqual(["E-1"]);
  });
});

describe("budget: bad options", () => {
  it.each([
    { name: "an unknown dimension", options: { by: ["village" as "township"] }, expected: ["by[0]"] },
    { name: "a dimension twice", options: { by: ["township", "township"] as const }, expected: ["by[1]"] },
    { name: "year without the years", options: { by: ["year"] as const }, expected: ["years"] },
    { name: "a cap without a payer", options: { cap: "100" }, expected: ["payer"] },
    { name: "a payer without a cap", options: { payer: "district" as const }, expected: ["cap"] },
    { name: "a cap with three decimals", options: { cap: "100.001", payer: "district" as const }, expected: ["cap"] },
    { name: "a negative cap", options: { cap: "-5", payer: "district" as const }, expected: ["cap"] },
    {
      name: "an unknown full kind, and one twice",
      options: {
        cap: "5",
        payer: "district" as const,
        fullKinds: ["lease", "structure-clearance", "structure-clearance"],
      },
      expected: ["fullKinds[0]", "fullKinds[2]"],
    },
    { name: "full kinds without a cap", options: { fullKinds: ["structure-clearance"] }, expected: ["fullKinds"] },
  ])("$name", ({ options, expected }) => {
    expect(issuePaths(() => budget(OUTCOMES, options))).toEqual(expected);
  });

  it("budgetOfCases: invalid cases are listed", () => {
    expect(issuePaths(() => budgetOfCases([{ ...enterpriseCase, employees: -1 }]))).toEqual(["[0].employees"]);
  });
});
