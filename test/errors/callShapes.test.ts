// The library is as strict as the CLI (issue 10 §6): every public function refuses a wrong call shape with
// InvalidInputError naming the argument (path, stable code, English and Chinese), never a TypeError.
import { describe, expect, it } from "vitest";
import * as exitfund from "../../src/index.js";
import { defaultProgramme, jsonSchema, ruleSetMarkdown } from "../../src/rules/index.js";
import { clearanceCase, enterpriseCase } from "../fixtures/cases.js";
import { rejectedIssues, thrownIssues } from "../support/errors.js";

const {
  allocate,
  audit,
  budget,
  budgetOfCases,
  checkDecimal,
  compare,
  compute,
  computeBatch,
  computeStream,
  crossCheckCapital,
  diffRuleSets,
  explain,
  formatAmount,
  formatWan,
  formatYuan,
  loadRuleSet,
  parseChineseCapital,
  roundMoney,
  runningTotals,
  summarize,
  toChineseCapital,
  toMoneyString,
  verify,
} = exitfund;

const outcome = compute(enterpriseCase) as exitfund.OutcomeBase;
const sparse = <T>(first: T, last: T): T[] => {
  const list: T[] = [first];
  list[2] = last;
  return list;
};
const ROW = { caseId: "E-1", payer: "district", amount: "1.00", paidOn: "2017-01-01" };
const any = (value: unknown) => value as never;

/** [call, the first problem's path, its code] */
const WRONG_CALLS: readonly [string, () => unknown, string, string][] = [
  ["compute(c, null)", () => compute(enterpriseCase, any(null)), "options", "not-options"],
  ["compute(c, 5)", () => compute(enterpriseCase, any(5)), "options", "not-options"],
  [
    "compute(c, () => 1)",
    () =>
      compute(
        enterpriseCase,
        any(() => 1),
      ),
    "options",
    "not-options",
  ],
  ["compute(c, new Map())", () => compute(enterpriseCase, any(new Map())), "options", "not-options"],
  ['compute(c, "constructor")', () => compute(enterpriseCase, "constructor"), "ruleSet", "unknown-rule-set"],
  ['compute(c, "__proto__")', () => compute(enterpriseCase, "__proto__"), "ruleSet", "unknown-rule-set"],
  ["compute(c, { trace: 1 })", () => compute(enterpriseCase, any({ trace: 1 })), "options.trace", "invalid-option"],
  [
    "compute(c, { tarce: true })",
    () => compute(enterpriseCase, any({ tarce: true })),
    "options.tarce",
    "unknown-option",
  ],
  ["compute([c, , c2])", () => compute(sparse<unknown>(enterpriseCase, clearanceCase)), "[1]", "required"],
  ['computeBatch("abc")', () => computeBatch(any("abc")), "cases", "not-a-list"],
  ["computeBatch(array-like)", () => computeBatch(any({ length: 1, 0: enterpriseCase })), "cases", "not-a-list"],
  ["computeBatch(new Set())", () => computeBatch(any(new Set([enterpriseCase]))), "cases", "not-a-list"],
  ["computeBatch([], 5)", () => computeBatch([], any(5)), "options", "not-options"],
  ["explain({})", () => explain(any({})), "outcome.id", "required"],
  ["explain(null)", () => explain(any(null)), "outcome", "wrong-type"],
  ["explain(o, 5)", () => explain(outcome, any(5)), "options", "not-options"],
  ['explain(o, { lang: "fr" })', () => explain(outcome, any({ lang: "fr" })), "options.lang", "invalid-option"],
  [
    "explain(o, { programme: {} })",
    () => explain(outcome, any({ programme: {} })),
    "options.programme",
    "invalid-option",
  ],
  [
    "explain(amounts as numbers)",
    () => explain(any({ ...outcome, amounts: { municipal: 1, district: 0, total: 1 } })),
    "outcome.amounts.municipal",
    "invalid-value",
  ],
  ['verify("x")', () => verify(any("x")), "declarations", "not-a-list"],
  [
    "verify([d, , d2])",
    () => verify(sparse<unknown>(clearanceCase, { ...clearanceCase, id: "C-2" })),
    "[1]",
    "required",
  ],
  ["audit(null, [])", () => audit(any(null), []), "cases", "not-a-list"],
  ['audit([], "x")', () => audit([], any("x")), "ledger", "not-a-list"],
  ["audit([], [r, , r2])", () => audit([], sparse<unknown>(ROW, ROW)), "ledger[1]", "required"],
  ["audit([], [], 5)", () => audit([], [], any(5)), "options", "not-options"],
  ["audit([], [], { tolerance: 0.01 })", () => audit([], [], any({ tolerance: 0.01 })), "tolerance", "not-a-decimal"],
  ["audit([], [], { tolerence })", () => audit([], [], any({ tolerence: "1" })), "options.tolerence", "unknown-option"],
  ['budget("x")', () => budget(any("x")), "outcomes", "not-a-list"],
  ["budget([o, , o])", () => budget(sparse(outcome, outcome)), "outcomes[1]", "required"],
  ['budget([], { by: "township" })', () => budget([], any({ by: "township" })), "options.by", "invalid-option"],
  ["budget([], { cap: 5 })", () => budget([], any({ cap: 5 })), "options.cap", "invalid-option"],
  [
    "budget(numbers)",
    () => budget([any({ ...outcome, amounts: { municipal: 1, district: 0, total: 1 } })]),
    "outcomes[0].amounts.municipal",
    "invalid-value",
  ],
  ['budgetOfCases("x")', () => budgetOfCases(any("x")), "cases", "not-a-list"],
  ['compare("x", …)', () => compare(any("x"), "tongzhou-2016", "tongzhou-2016"), "cases", "not-a-list"],
  ["compare([], null, …)", () => compare([], any(null), "tongzhou-2016"), "ruleSetA", "not-a-rule-set"],
  ['compare([], …, "toString")', () => compare([], "tongzhou-2016", "toString"), "ruleSetB", "unknown-rule-set"],
  ["compare([], …, …, 5)", () => compare([], "tongzhou-2016", "tongzhou-2016", any(5)), "options", "not-options"],
  ['summarize("x")', () => summarize(any("x")), "outcomes", "not-a-list"],
  [
    "summarize(JS numbers)",
    () => summarize([any({ township: "a", amounts: { municipal: 0.1, district: 0.1 } })]),
    "outcomes[0].amounts.municipal",
    "invalid-value",
  ],
  [
    "summarize(a BigInt)",
    () => summarize([any({ township: "a", amounts: { municipal: 5n, district: "0" } })]),
    "outcomes[0].amounts.municipal",
    "invalid-value",
  ],
  [
    'summarize("abc")',
    () => summarize([any({ township: "a", amounts: { municipal: "abc", district: "0" } })]),
    "outcomes[0].amounts.municipal",
    "invalid-value",
  ],
  ["summarize(o, null)", () => summarize([outcome], any(null)), "ruleSet", "not-a-rule-set"],
  ["runningTotals(5)", () => runningTotals(any(5)), "ruleSet", "not-a-rule-set"],
  ["runningTotals().add(null)", () => runningTotals().add(any(null)), "outcome", "wrong-type"],
  ["allocate(5, [1])", () => allocate(any(5), any(["1"])), "total", "number-not-decimal"],
  ['allocate("1", "abc")', () => allocate("1", any("abc")), "weights", "not-a-list"],
  ['allocate("1", [1])', () => allocate("1", any([1])), "weights[0]", "number-not-decimal"],
  ['allocate("1", ["1", , "1"])', () => allocate("1", sparse("1", "1")), "weights[1]", "required"],
  ['allocate("1", ["-1"])', () => allocate("1", ["-1"]), "weights[0]", "negative"],
  ['allocate("1", ["1"], null)', () => allocate("1", ["1"], any(null)), "rounding", "not-a-rounding"],
  [
    'allocate("1", ["1"], { scale: -1 })',
    () => allocate("1", ["1"], any({ scale: -1, mode: "half-up" })),
    "rounding.scale",
    "not-a-whole-number",
  ],
  ["roundMoney(0.1)", () => roundMoney(any(0.1)), "value", "number-not-decimal"],
  ["roundMoney(5n)", () => roundMoney(any(5n)), "value", "not-a-decimal"],
  ['roundMoney("1e3")', () => roundMoney("1e3"), "value", "not-a-decimal"],
  ["roundMoney(70 digits)", () => roundMoney("1".repeat(70)), "value", "not-a-decimal"],
  ["toMoneyString(null)", () => toMoneyString(any(null)), "value", "not-a-decimal"],
  [
    'toMoneyString("1", { mode: "up" })',
    () => toMoneyString("1", any({ scale: 2, mode: "up" })),
    "rounding.mode",
    "not-an-allowed-value",
  ],
  ["formatYuan(1)", () => formatYuan(any(1)), "value", "number-not-decimal"],
  ['formatYuan("1", { scale: "2" })', () => formatYuan("1", any({ scale: "2" })), "options.scale", "invalid-option"],
  ["formatWan({})", () => formatWan(any({})), "value", "not-a-decimal"],
  ['formatAmount("1", "x")', () => formatAmount("1", any("x")), "scale", "not-a-whole-number"],
  ["toChineseCapital(1)", () => toChineseCapital(any(1)), "value", "number-not-decimal"],
  ['toChineseCapital("1.001")', () => toChineseCapital("1.001"), "value", "too-many-decimals"],
  [
    'toChineseCapital("1", { prefix: "RMB" })',
    () => toChineseCapital("1", any({ prefix: "RMB" })),
    "options.prefix",
    "invalid-option",
  ],
  ["parseChineseCapital(1)", () => parseChineseCapital(any(1)), "text", "not-a-text"],
  ['parseChineseCapital("壹元")', () => parseChineseCapital("壹元"), "text", "not-capitals"],
  ['crossCheckCapital(1, "壹元整")', () => crossCheckCapital(any(1), "壹元整"), "figure", "number-not-decimal"],
  ['crossCheckCapital("1", 1)', () => crossCheckCapital("1", any(1)), "capital", "not-a-text"],
  ['checkDecimal("1", 5)', () => checkDecimal("1", any(5)), "options", "not-options"],
  [
    'checkDecimal("1", { what: "area" })',
    () => checkDecimal("1", any({ what: "area" })),
    "options.what",
    "invalid-option",
  ],
  ["loadRuleSet(null)", () => loadRuleSet(null), "ruleSet", "not-a-rule-set"],
  ["parseFactor(1.1)", () => exitfund.parseFactor(any(1.1)), "text", "not-a-text"],
  ["scaleRuleSet(null, …)", () => exitfund.scaleRuleSet(any(null), []), "ruleSet", "not-a-rule-set"],
  ['scaleRuleSet("toString", …)', () => exitfund.scaleRuleSet("toString", []), "ruleSet", "unknown-rule-set"],
  ['scaleRuleSet(…, "x")', () => exitfund.scaleRuleSet("tongzhou-2016", any("x")), "changes", "not-a-list"],
  ["scaleRuleSet(…, [])", () => exitfund.scaleRuleSet("tongzhou-2016", []), "changes", "no-change"],
  ["scaleRuleSet(…, [5])", () => exitfund.scaleRuleSet("tongzhou-2016", any([5])), "changes[0]", "not-a-scale-change"],
  [
    "scaleRuleSet(…, …, 5)",
    () => exitfund.scaleRuleSet("tongzhou-2016", [{ parameter: "village.perMu", factor: "1" }], any(5)),
    "options",
    "not-options",
  ],
  ['loadRuleSet("tongzhou-2016")', () => loadRuleSet("tongzhou-2016"), "ruleSet", "not-a-rule-set"],
  ["loadRuleSet({}, 5)", () => loadRuleSet({}, any(5)), "options", "not-options"],
  [
    "loadRuleSet({}, { ruleSets: [5] })",
    () => loadRuleSet({}, any({ ruleSets: [5] })),
    "options.ruleSets[0]",
    "not-a-rule-set",
  ],
  [
    'diffRuleSets("constructor", …)',
    () => diffRuleSets(any("constructor"), exitfund.ruleSets["tongzhou-2016"]),
    "a",
    "not-a-rule-set",
  ],
  ["diffRuleSets(…, {})", () => diffRuleSets(exitfund.ruleSets["tongzhou-2016"], any({})), "b", "not-a-rule-set"],
  // exitfund/rules since the whole core's budget (issue 15)
  ["ruleSetMarkdown(null)", () => ruleSetMarkdown(any(null)), "ruleSet", "not-a-rule-set"],
  [
    "ruleSetMarkdown(…, { programme: 5 })",
    () => ruleSetMarkdown(exitfund.ruleSets["tongzhou-2016"], any({ programme: 5 })),
    "options.programme",
    "invalid-option",
  ],
  ['jsonSchema("constructor")', () => jsonSchema(any("constructor")), "schema", "unknown-schema"],
  ["jsonSchema(5)", () => jsonSchema(any(5)), "schema", "unknown-schema"],
  ['jsonSchema("ledger", null)', () => jsonSchema("ledger", any(null)), "options", "not-options"],
  [
    'jsonSchema("ledger", { programme: {} })',
    () => jsonSchema("ledger", any({ programme: {} })),
    "options.programme",
    "invalid-option",
  ],
  ['receiptOf("x")', () => exitfund.receiptOf(any("x")), "cases", "not-a-list"],
  [
    "receiptOf([c, , c2])",
    () => exitfund.receiptOf(sparse<unknown>(enterpriseCase, clearanceCase)),
    "cases[1]",
    "required",
  ],
  ["receiptOf([], 5)", () => exitfund.receiptOf([], any(5)), "options", "not-options"],
  ['receiptOf([], "toString")', () => exitfund.receiptOf([], "toString"), "ruleSet", "unknown-rule-set"],
  [
    "receiptOf([], { programme: {} })",
    () => exitfund.receiptOf([], any({ programme: {} })),
    "options.programme",
    "invalid-option",
  ],
  ["receiptOf([{ a: NaN }])", () => exitfund.receiptOf([{ a: Number.NaN }]), "[0].a", "not-json"],
  ["canonicalJson(undefined)", () => exitfund.canonicalJson(undefined), "value", "not-json"],
  ["canonicalJson(5n)", () => exitfund.canonicalJson(5n), "value", "not-json"],
  ["canonicalJson(() => 1)", () => exitfund.canonicalJson(() => 1), "value", "not-json"],
  ["canonicalJson({ a: [Infinity] })", () => exitfund.canonicalJson({ a: [Infinity] }), "value.a[0]", "not-json"],
  ["canonicalJson(new Map())", () => exitfund.canonicalJson(new Map([["a", 1]])), "value", "not-json"],
  [
    'canonicalJson({ "a b": new Set() })',
    () => exitfund.canonicalJson({ "a b": new Set([1]) }),
    'value["a b"]',
    "not-json",
  ],
  ["canonicalJson(cycle)", () => exitfund.canonicalJson(cyclic()), "value.self", "not-json"],
  // Red-green (issue 10, fourth pass): these two root exports threw TypeError ("cases.map is not a function",
  // "reading 'domains'"), and caseYears([1]) returned { undefined: 0 }.
  // Red-green: an amount past the fen ("0.001") was summed and rounded away silently (summarize gave "0.00").
  [
    "summarize(an amount past the fen)",
    () => summarize([{ ...outcome, amounts: { municipal: "0.00", district: "0.001", total: "0.001" } }]),
    "outcomes[0].amounts.district",
    "too-many-decimals",
  ],
  [
    "budget(an amount past the fen)",
    () => budget([{ ...outcome, amounts: { municipal: "0.00", district: "1.005", total: "1.005" } }]),
    "outcomes[0].amounts.district",
    "too-many-decimals",
  ],
  ["caseYears()", () => exitfund.caseYears(any(undefined)), "cases", "not-a-list"],
  ["caseYears(5)", () => exitfund.caseYears(any(5)), "cases", "not-a-list"],
  ["caseYears([1])", () => exitfund.caseYears(any([1])), "cases[0]", "not-a-case"],
  [
    "caseYears(a sparse list)",
    () => exitfund.caseYears(any(sparse(enterpriseCase, enterpriseCase))),
    "cases[1]",
    "required",
  ],
  ["caseYears(cases, null)", () => exitfund.caseYears([enterpriseCase], any(null)), "programme", "not-a-programme"],
  [
    "fullPaymentKinds()",
    () => exitfund.fullPaymentKinds(any(undefined), any(undefined)),
    "programme",
    "not-a-programme",
  ],
  [
    "fullPaymentKinds(programme, 5)",
    () => exitfund.fullPaymentKinds(defaultProgramme, any(5)),
    "ruleSet",
    "not-a-rule-set",
  ],
  [
    "canonicalJson(a getter that throws)",
    () =>
      exitfund.canonicalJson({
        get a(): never {
          throw new Error("no");
        },
      }),
    "value.a",
    "not-json",
  ],
];

function cyclic(): unknown {
  const value: { self?: unknown } = {};
  value.self = value;
  return value;
}

describe("wrong call shapes are InvalidInputError, never a TypeError (issue 10 §6, reliability B24)", () => {
  it.each(WRONG_CALLS)("%s", (_name, call, path, code) => {
    const issues = thrownIssues(call);
    expect(issues[0]).toMatchObject({ path, code });
    for (const issue of issues) {
      expect(issue.message.length).toBeGreaterThan(0);
      expect(issue.zh?.length ?? 0).toBeGreaterThan(0);
      expect(issue.zh).not.toMatch(/\b(got|the number|an object|a list)\b/);
    }
  });

  it("a hole in a batch is listed among its errors, and the other cases are still checked", () => {
    const document = computeBatch(sparse<unknown>(enterpriseCase, { ...enterpriseCase, id: "E-2", employees: -1 }));
    expect(document.errors.map((error) => [error.path, error.code])).toEqual([
      ["[1]", "required"],
      ["[2].employees", expect.any(String)],
    ]);
    expect(document.results).toEqual([]);
  });

  it("a BigInt is named as such", () => {
    expect(thrownIssues(() => roundMoney(any(12n)))[0]?.message).toContain("the BigInt 12n");
    expect(thrownIssues(() => roundMoney(any(12n)))[0]?.zh).toContain("BigInt 12n");
  });

  it("computeStream refuses a source that is no source of cases when it is read", async () => {
    for (const source of [5, null, "abc", { length: 1 }])
      expect((await rejectedIssues(drain(computeStream(any(source)))))[0]).toMatchObject({
        path: "source",
        code: "not-a-source",
      });
  });
});

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream);
}
