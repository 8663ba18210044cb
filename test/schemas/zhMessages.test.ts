import { describe, expect, it } from "vitest";
import type { InputIssue } from "../../src/errors/index.js";
import { audit, computeBatch, loadRuleSet } from "../../src/index.js";
import { parseRequest } from "../../src/node/serve/requests.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";

/**
 * The allowlist of Latin words in a Chinese message, precisely: (1) text quoted from the input or naming a code,
 * inside "…", 「…」 or `…`; (2) the field names of the issue's own path; (3) the words of its label (a label
 * names a field's codes: 付款方（municipal 市级/district 区级）); (4) the date pattern YYYY-MM-DD and the literals
 * true and false. Anything else is English left in a Chinese message.
 */
function englishIn(issue: InputIssue): string[] {
  const allowed = new Set([
    ...[...issue.path.matchAll(/[A-Za-z][A-Za-z0-9]*/g)].map((m) => m[0]),
    ...[...(issue.label ?? "").matchAll(/[A-Za-z][A-Za-z0-9-]*/g)].map((m) => m[0]),
    "YYYY",
    "MM",
    "DD",
    "true",
    "false",
  ]);
  const text = (issue.zh ?? issue.message).replace(/"(?:[^"\\]|\\.)*"|「[^」]*」|`[^`]*`/g, " ");
  return [...text.matchAll(/[A-Za-z][A-Za-z0-9]*/g)].map((m) => m[0]).filter((word) => !allowed.has(word));
}

/**
 * ASCII punctuation in a Chinese message, outside quoted input, codes and the field's label (whose parentheses are
 * part of the label as the sheets print it): a Chinese sentence takes ：；，（） — `企业名称：必须填写，…`.
 */
function asciiPunctuationIn(issue: InputIssue): string[] {
  let text = (issue.zh ?? "").replace(/"(?:[^"\\]|\\.)*"|「[^」]*」|`[^`]*`/g, " ");
  if (issue.label !== undefined) text = text.replaceAll(issue.label, " ");
  return [...text.matchAll(/[:;,()]/g)].map((m) => m[0]);
}

function issuesOf(run: () => unknown): InputIssue[] {
  try {
    run();
  } catch (error) {
    return (error as { issues: InputIssue[] }).issues;
  }
  throw new Error("no error");
}

const corrupt = (base: object, changes: Record<string, unknown>) => ({ ...base, ...changes });
const VARIANTS: Record<string, readonly object[]> = {
  "enterprise-exit": [
    corrupt(enterpriseCase, { exitMode: "bogus" }),
    corrupt(enterpriseCase, { employees: "forty" }),
    corrupt(enterpriseCase, { employees: -1 }),
    corrupt(enterpriseCase, { energySavedTce: "1e3" }),
    corrupt(enterpriseCase, { energySavedTce: "0x10" }),
    corrupt(enterpriseCase, { landAreaM2: "9".repeat(45) }),
    corrupt(enterpriseCase, { exitCompletedOn: "2016-02-30" }),
    corrupt(enterpriseCase, { exitCompletedOn: 20161031 }),
    corrupt(enterpriseCase, { acceptance: [] }),
    corrupt(enterpriseCase, { bogus: 1 }),
    corrupt(enterpriseCase, { scale: undefined }),
    corrupt(enterpriseCase, { licensed: "yes" }),
  ],
  "structure-clearance": [
    corrupt(clearanceCase, { items: "x" }),
    corrupt(clearanceCase, { items: [] }),
    corrupt(clearanceCase, { declaredOn: "2016-13-01" }),
    corrupt(clearanceCase, { items: [{ id: "i", structureType: 5, quantity: "-3", builtOn: "x" }] }),
    corrupt(clearanceCase, { extra: true }),
  ],
  "village-compensation": [
    corrupt(villageCase, { landAreaMu: `1.${"1".repeat(40)}` }),
    corrupt(villageCase, { leases: {} }),
    corrupt(villageCase, { foo: 1 }),
  ],
  "township-transfer": [
    corrupt(transferCase, { priorYearRevenue: undefined }),
    corrupt(transferCase, { exits: [1] }),
    corrupt(transferCase, { year: 1800 }),
  ],
};

describe("a required field says what it takes, in Chinese as in English", () => {
  it("names the kind of value expected after 必须填写, and the did-you-mean of an unknown field", () => {
    const { errors } = computeBatch([corrupt(enterpriseCase, { exitMode: undefined, exitMod: "whole" })], {
      skipInvalid: true,
    });
    const zh = new Map(errors.map((error) => [error.path, error.zh]));
    expect(zh.get("[0].exitMode")).toMatch(/：必须填写，应为以下取值之一："whole"、"process"$/);
    expect(zh.get("[0].exitMod")).toMatch(/^未知字段 "exitMod"（是否应为 "exitMode"？）：/);
  });

  it.each([
    [transferCase, "exitedEnterprises", undefined, "退出企业：必须填写，应为列表，每项一条记录"],
    [clearanceCase, "items", 5, "地上物明细：应为列表，每项一条记录；实际为 5"],
    [villageCase, "leases", "x", '租赁合同：应为列表（可为空）；实际为 "x"'],
    [enterpriseCase, "acceptance", 5, "验收：应为对象，各项为 true 或 false；实际为 5"],
  ])("a list or an object of our schemas, in Chinese: %#", (base, field, value, zh) => {
    const { errors } = computeBatch([{ ...base, [field]: value }], { skipInvalid: true });
    expect(errors.map((error) => [error.code, error.zh])).toEqual([
      [value === undefined ? "required" : "wrong-type", zh],
    ]);
  });
});

describe("no English in a Chinese message: every zod issue said in Chinese", () => {
  it.each(Object.entries(VARIANTS))("%s: wrong enum, type, size, key, missing field, date, amount", (_kind, cases) => {
    const { errors } = computeBatch([...cases, null, [], { kind: "nope" }], { skipInvalid: true });
    expect(errors.length).toBeGreaterThanOrEqual(cases.length);
    for (const error of errors) expect(englishIn(error), `${error.path}: ${error.zh}`).toEqual([]);
    for (const error of errors) expect(asciiPunctuationIn(error), `${error.path}: ${error.zh}`).toEqual([]);
  });

  it("ledger rows (audit)", () => {
    const issues = issuesOf(() =>
      audit([enterpriseCase], [{ caseId: "E", payer: "treasury", amount: "1.001", paidOn: "2016-02-30", x: 1 }, {}]),
    );
    expect(issues.length).toBeGreaterThan(2);
    for (const issue of issues) expect(englishIn(issue), `${issue.path}: ${issue.zh}`).toEqual([]);
  });

  it("rule sets", () => {
    const issues = issuesOf(() =>
      loadRuleSet({ id: "mine", version: 1, parameters: { a: { b: 1 } }, rounding: { mode: "bogus", scale: 99 } }),
    );
    expect(issues.length).toBeGreaterThan(5);
    for (const issue of issues) expect(englishIn(issue), `${issue.path}: ${issue.zh}`).toEqual([]);
    for (const issue of issues) expect(asciiPunctuationIn(issue), `${issue.path}: ${issue.zh}`).toEqual([]);
    expect(issues.find((issue) => issue.path === "rounding.scale")?.zh).toBe("scale：应小于等于 10；实际为 99");
  });

  it.each([
    ["explain", { cases: [], lang: "fr" }],
    ["explain", { cases: [], case: [""] }],
    ["compute", { cases: "x" }],
    ["compute", { cases: [], bogus: 1 }],
    ["audit", { cases: [], ledger: [{}], tolerance: 5 }],
    ["budget", { cases: [], by: ["x"], payer: "y" }],
    ["compare", { cases: [], rules: 5 }],
  ] as const)("serve %s bodies", (endpoint, body) => {
    const issues = issuesOf(() => parseRequest(endpoint, body));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(englishIn(issue), `${issue.path}: ${issue.zh}`).toEqual([]);
      expect(issue.message).not.toMatch(/Invalid (?:input|option)|Too (?:small|big)/);
    }
  });
});
