// extendDomain: a district's version of a domain — what it refuses (with its texts), and what it changes: new
// fields, replaced parts, a wrapped payment, merged texts and value names; mergeParameters' conflict text.
import { describe, expect, it } from "vitest";
import { ZERO } from "../../src/money/decimal.js";
import { parameter } from "../../src/parameters/handles.js";
import { defaultRuleSet } from "../../src/rule-sets/index.js";
import { chain, of } from "../../src/rules/algebra.js";
import { domains } from "../../src/rules/default.js";
import { extendDomain, type AnyDomain, type Domain, type Payment } from "../../src/rules/domain.js";
import { computeCase, parseCase } from "../../src/rules/evaluate.js";
import { programme } from "../../src/rules/programme.js";
import { field } from "../../src/schemas/fields.js";
import type { MessageCatalog } from "../../src/trace/types.js";
import { thrownIssues } from "../support/errors.js";

type Facts = { kind: string; id: string; township: string };
type Parts = { readonly label: string; readonly other: string };
type Detail = { readonly label: string };

const text = (name: string) => ({ zh: `${name}（中）`, en: name }) as never;
const catalog = (suffix: string): MessageCatalog => ({
  codes: { [`code.${suffix}`]: text(suffix) },
  rules: { [`rule.${suffix}`]: text(suffix) },
  steps: { [`step.${suffix}`]: text(suffix) },
  params: { [`param.${suffix}`]: text(suffix) },
  conditions: { [`condition.${suffix}`]: text(suffix) },
});

/** A domain whose outcome's detail is its part `label`. */
const parted: Domain<"parted", Facts, Parts, Detail> = {
  kind: "parted",
  labels: { zh: "部件", en: "parted" },
  fields: { id: field.text("编号"), township: field.text("乡镇") },
  date: () => "2016-06-01",
  dateField: "id",
  payee: (facts) => ({ type: "enterprise", id: facts.id }),
  parameters: [parameter.decimal("reward.district.supplementRate", "a decimal of the same name")],
  parts: { label: "base", other: "other" },
  payment: (parts) => () =>
    of<Payment<Detail>>({
      municipal: ZERO,
      district: ZERO,
      eligible: true,
      estimate: false,
      detail: { label: parts.label },
    }),
  messages: catalog("base"),
  budgetLines: ["parted"],
  budgetLine: () => "parted",
};

/** The outcome of a valid case of the (extended) domain, parsed and computed by a programme of it alone. */
function outcomeOf(domain: AnyDomain, input: object = {}) {
  const parsed = parseCase(programme(domain), { kind: "parted", id: "a", township: "b", ...input }, defaultRuleSet);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return computeCase(parsed.entry, parsed.value, defaultRuleSet, false);
}

describe("extendDomain: refusals", () => {
  it("says which field exists, which part is unknown (listing the parts) and which parameter conflicts", () => {
    expect(
      thrownIssues(() =>
        extendDomain(parted, {
          fields: { id: field.text("编号"), kind: field.text("类型") },
          parts: { nope: "x" } as never,
          parameters: [parameter.date("reward.district.supplementRate", "a date")],
        }),
      ),
    ).toEqual([
      {
        path: "fields.id",
        code: "field-exists",
        message: 'parted already has a field "id"; an extension adds fields, it does not redefine them',
        zh: '已有字段"id"',
      },
      {
        path: "fields.kind",
        code: "field-exists",
        message: 'parted already has a field "kind"; an extension adds fields, it does not redefine them',
        zh: '已有字段"kind"',
      },
      {
        path: "parts.nope",
        code: "unknown-part",
        message: 'parted has no part "nope"; its parts are label, other',
        zh: '没有组成部分"nope"',
      },
      {
        path: 'parameters["reward.district.supplementRate"]',
        code: "parameter-conflict",
        message: "is declared twice with different shapes (decimal and date); one name is one parameter",
        zh: "同一参数以不同形式声明了两次",
      },
    ]);
  });
});

describe("extendDomain: what it changes", () => {
  it("adds a new field: cases may give it", () => {
    const extended = extendDomain(parted, { fields: { note: field.text("备注 note").optional() } });
    expect(Object.keys(extended.fields)).toEqual(["id", "township", "note"]);
    expect(outcomeOf(extended, { note: "n" }).id).toBe("a");
  });

  it("computes with a replaced part, and with the base's payment when it wraps none", () => {
    expect(outcomeOf(parted).detail).toEqual({ label: "base" });
    expect(outcomeOf(extendDomain(parted, {})).detail).toEqual({ label: "base" });
    expect(outcomeOf(extendDomain(parted, { parts: { label: "replaced" } })).detail).toEqual({ label: "replaced" });
  });

  it("computes with the wrapped payment, which gets the payment of the replaced parts", () => {
    const wrapped = extendDomain(parted, {
      parts: { label: "replaced" },
      payment: (inner) => (facts, ctx) =>
        chain(inner(facts, ctx), (paid) =>
          of({ ...paid, eligible: false, detail: { label: `${paid.detail.label}+` } }),
        ),
    });
    expect(outcomeOf(wrapped)).toMatchObject({ eligible: false, detail: { label: "replaced+" } });
  });

  it("merges its texts into the base's, every kind of text", () => {
    const base = catalog("base");
    const added = catalog("added");
    const { messages } = extendDomain(parted, { messages: added });
    expect(messages).toEqual({
      codes: { ...base.codes, ...added.codes },
      rules: { ...base.rules, ...added.rules },
      steps: { ...base.steps, ...added.steps },
      params: { ...base.params, ...added.params },
      conditions: { ...base.conditions, ...added.conditions },
    });
    expect(extendDomain(parted, {}).messages).toEqual(base);
  });

  it("keeps the base's value names, adds new ones, and has none when neither gives any", () => {
    const zone = { labels: { a: { zh: "甲", en: "a" } } } as never;
    expect(extendDomain(parted, {}).values).toBeUndefined();
    expect(extendDomain(parted, { values: { zone } }).values).toEqual({ zone });
    const base = domains.villageCompensation.values;
    expect(extendDomain(domains.villageCompensation, {}).values).toEqual(base);
    expect(extendDomain(domains.villageCompensation, { values: { zone } }).values).toEqual({ ...base, zone });
  });
});
