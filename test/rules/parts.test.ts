// exitfund/rules' public parts and builders (src/rules/parts.ts): a valid call gives exactly what the domain's own
// rule (or the unchecked builder) gives; a call that is no rule call is refused with InvalidInputError naming the
// argument — path, code, English and Chinese — never a TypeError from deep inside. Every refusal's full text is
// pinned in __snapshots__/parts.refusals.txt (hand-checked: the texts a caller reads).
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/errors/index.js";
import * as parts from "../../src/rules/parts.js";
import * as algebra from "../../src/rules/algebra.js";
import * as enterprise_reward from "../../src/rules/enterprise-reward/index.js";
import * as land_clearing_fee from "../../src/rules/land-clearing-fee/index.js";
import * as village_compensation from "../../src/rules/village-compensation/index.js";
import * as township_transfer from "../../src/rules/township-transfer/index.js";
import { createContext } from "../../src/rules/context.js";
import { defaultProgramme, domains } from "../../src/rules/default.js";
import { parameter } from "../../src/parameters/handles.js";
import { ruleSets } from "../../src/rule-sets/index.js";
import { dec } from "../../src/money/decimal.js";
import type { Context } from "../../src/rules/algebra.js";
import type { MessageCatalog } from "../../src/trace/types.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";
import { thrownIssues } from "../support/errors.js";

const ruleSet = ruleSets["tongzhou-2016"];
const ctx = createContext(ruleSet, "2016-10-31", true).ctx;
const any = (value: unknown) => value as never;
const parsed = (kind: string, input: unknown) => defaultProgramme.entry(kind)!.schema.parse(input) as never;

// ---- valid facts of every part, as the domains' payment rules pass them ----
type Facts = { readonly [key: string]: unknown };
const exit: Facts = parsed("enterprise-exit", enterpriseCase);
const raw = enterprise_reward.municipalRaw(any(exit), ctx).value;
const municipal = enterprise_reward.municipalStandard(any({ ...exit, raw }), ctx).value;
const clearance = parsed("structure-clearance", clearanceCase) as { items: readonly Facts[] };
const item = clearance.items[0]!;
const declaredFee = land_clearing_fee.declaredFee(any(item), ctx).value;
const village = parsed("village-compensation", villageCase) as Facts & { leases: readonly Facts[] };
const cap = village_compensation.rentCap(any(village), ctx).value;
const transfer = parsed("township-transfer", transferCase) as Facts & { exitedEnterprises: readonly Facts[] };
const shares = township_transfer.townshipShares(any(transfer), ctx).value;
const lost = dec("40000");

// A context whose cite fails as no programme's does: a part that reads no field of its facts still cannot compute.
const failingCite: Context = { ...ctx, cite: () => (undefined as unknown as { clause: string }).clause };

/** [name, the domain's rule, valid facts, facts it cannot compute (with the context to use)] */
const PARTS: readonly [keyof typeof parts, (facts: never, ctx: Context) => unknown, unknown, unknown, Context?][] = [
  ["blocking", enterprise_reward.blocking, exit, {}],
  ["districtSupplement", enterprise_reward.districtSupplement, { ...exit, municipal }, {}],
  ["employeeComponent", enterprise_reward.employeeComponent, exit, {}],
  ["exitDeadline", enterprise_reward.exitDeadline, exit, { region: 5 }],
  ["landComponent", enterprise_reward.landComponent, exit, {}],
  ["municipalRaw", enterprise_reward.municipalRaw, exit, {}],
  ["municipalReward", enterprise_reward.municipalReward, { ...exit, municipal }, {}],
  ["municipalStandard", enterprise_reward.municipalStandard, { ...exit, raw }, {}],
  ["rewardTrack", enterprise_reward.rewardTrack, { ...exit, municipal }, exit, failingCite],
  ["smallEnterpriseReward", enterprise_reward.smallEnterpriseReward, exit, {}],
  ["taxComponent", enterprise_reward.taxComponent, exit, {}],
  ["clearanceTotals", land_clearing_fee.clearanceTotals, [], [{}]],
  ["declaredFee", land_clearing_fee.declaredFee, item, {}],
  ["itemFindings", land_clearing_fee.itemFindings, { ...item, declaredFee }, { survey: 5 }],
  ["landClearingFee", land_clearing_fee.landClearingFee, item, {}],
  [
    "leaseCompensation",
    village_compensation.leaseCompensation,
    { ...village.leases[0], clearedOn: village.clearedOn, cap },
    {},
  ],
  ["rentCap", village_compensation.rentCap, village, village, failingCite],
  ["sitePart", village_compensation.sitePart, village, {}],
  [
    "enterpriseLostCapacity",
    township_transfer.enterpriseLostCapacity,
    { ...transfer.exitedEnterprises[0], shares },
    {},
  ],
  ["impact", township_transfer.impact, { ...transfer, lost }, {}],
  ["targetReduction", township_transfer.targetReduction, { ...transfer, lost }, { lost: dec("1") }],
  ["townshipShares", township_transfer.townshipShares, transfer, transfer, failingCite],
  ["transferAmount", township_transfer.transferAmount, { lost, eligible: true }, { lost: "x", eligible: true }],
];

const part = (name: keyof typeof parts) => parts[name] as unknown as (facts: unknown, ctx: unknown) => unknown;

describe("the domains' parts in exitfund/rules", () => {
  it("cover every part the wrappers export", () => {
    expect(PARTS.map(([name]) => name)).toHaveLength(23);
  });

  it.each(PARTS)("%s: a valid call gives what the domain's own rule gives", (name, rule, facts) => {
    const given = part(name)(facts, ctx);
    expect(given).toEqual(rule(any(facts), ctx));
    expect(given).toHaveProperty("value");
  });

  it.each(PARTS)(
    "%s: facts it cannot compute are refused as not-facts, naming the part",
    (name, _rule, _facts, bad, at) => {
      expect(thrownIssues(() => part(name)(bad, at ?? ctx))).toEqual([
        {
          path: "facts",
          code: "not-facts",
          message: `cannot be computed by ${name}: the facts lack a field it reads or hold a value of the wrong type (check them against the domain's case schema first)`,
          zh: `无法由 ${name} 计算：事实缺少其读取的字段，或字段类型有误（请先按该领域的案件模式核对）`,
        },
      ]);
    },
  );

  it.each(PARTS.filter(([name]) => name !== "clearanceTotals"))(
    "%s: facts that are no object (null, a list) are refused; so is a context that is no programme's",
    (name, _rule, facts) => {
      for (const notFacts of [null, []])
        expect(thrownIssues(() => part(name)(notFacts, ctx))).toEqual([
          {
            path: "facts",
            code: "wrong-type",
            message: `must be the facts of one case (an object); got ${notFacts === null ? "null" : "a list"}`,
            zh: `应为一个案件的事实（对象）；实际为 ${notFacts === null ? "null" : "列表"}`,
          },
        ]);
      expect(thrownIssues(() => part(name)(facts, { ...ctx, trace: "yes" }))[0]).toMatchObject({
        path: "ctx.trace",
        code: "not-a-context",
      });
    },
  );

  it("clearanceTotals takes a list (and an object, which it cannot compute); null is refused as no list", () => {
    expect(thrownIssues(() => parts.clearanceTotals(any(null), ctx))).toEqual([
      {
        path: "facts",
        code: "wrong-type",
        message: "must be the verified items (a list); got null",
        zh: "应为核实后的各项（列表）；实际为 null",
      },
    ]);
    expect(thrownIssues(() => parts.clearanceTotals(any({}), ctx))[0]?.code).toBe("not-facts");
    expect(thrownIssues(() => parts.clearanceTotals([], any(undefined)))[0]?.path).toBe("ctx");
  });

  it("an input error from inside a part is passed on as it is, not turned into not-facts", () => {
    expect(thrownIssues(() => parts.targetReduction(any({}), ctx))).toEqual([
      expect.objectContaining({ path: "value", code: "not-a-decimal" }),
    ]);
  });
});

// ---- every refusal of the builders: call → issues, pinned in one file ----

const catalog: MessageCatalog = {
  codes: { "x-code": { en: (d) => `x is ${String(d.x)}`, zh: (d) => `x 为 ${String(d.x)}` } },
  rules: {},
};
const throwingCatalog: MessageCatalog = {
  codes: {
    "x-code": {
      en: () => {
        throw new Error("no text");
      },
      zh: () => "",
    },
  },
  rules: {},
};
const figureRule = parts.figure("test.rule", (facts: { n: number }) => facts.n * 2);
const exceptionRule = parts.exception(figureRule, () => undefined, figureRule);
const domain = domains.enterpriseExit as unknown as Facts;
const messagesOf = domain.messages as Facts;
const sparse = [parts.of(1)];
sparse[2] = parts.of(2);
const throwing = new Proxy(
  {},
  {
    ownKeys() {
      throw new Error("no keys");
    },
    getPrototypeOf() {
      throw new Error("no prototype");
    },
    get() {
      throw new Error("no value");
    },
    has() {
      throw new Error("no value");
    },
  },
);
// Plain-looking (no own keys, the object prototype) but every read of a member throws.
const unreadable = new Proxy(
  {},
  {
    ownKeys: () => [],
    getPrototypeOf: () => Object.prototype,
    get() {
      throw new Error("no value");
    },
    has() {
      throw new Error("no value");
    },
  },
);
const sparseParameters: unknown[] = [];
sparseParameters[1] = parameter.decimal("test.sparse", "sparse");
const scaleOf = (type: string, brackets: unknown) => ({ type, brackets }) as never;
const dateRule = parts.byEffectiveDate(ruleSet, [], () => 1);

const REFUSALS: readonly [string, () => unknown][] = [
  ['approvedQuantity(null, "2016-09-01", true)', () => parts.approvedQuantity(any(null), "2016-09-01", true)],
  ["approvedQuantity(item, 20160901, true)", () => parts.approvedQuantity(any(item), any(20160901), true)],
  ['approvedQuantity(item, "2016-09-01", "yes")', () => parts.approvedQuantity(any(item), "2016-09-01", any("yes"))],
  ['approvedQuantity(item, "2016-09-01")', () => parts.approvedQuantity(any(item), "2016-09-01", any(undefined))],
  [
    'approvedQuantity({ survey: 5 }, "2016-09-01", true)',
    () => parts.approvedQuantity(any({ survey: 5 }), "2016-09-01", true),
  ],
  [
    'approvedQuantity({ quantity: "x" }, "2016-09-01", false)',
    () => parts.approvedQuantity(any({ quantity: "x" }), "2016-09-01", false),
  ],
  ["of(1, null)", () => parts.of(1, any(null))],
  ["of(1, { steps: 5 })", () => parts.of(1, any({ steps: 5 }))],
  ["of(1, { reasons: {} })", () => parts.of(1, any({ reasons: {} }))],
  ['of(1, { findings: "f" })', () => parts.of(1, any({ findings: "f" }))],
  ["chain(null, next)", () => parts.chain(any(null), () => parts.of(1))],
  ["chain({ value, steps: [] }, next)", () => parts.chain(any({ value: 1, steps: [] }), () => parts.of(1))],
  ["chain(of(1), 5)", () => parts.chain(parts.of(1), any(5))],
  [
    "chain(of(1), () => 5)",
    () =>
      parts.chain(
        parts.of(1),
        any(() => 5),
      ),
  ],
  ['all("ab")', () => parts.all(any("ab"))],
  ["all([of(1), 5])", () => parts.all([parts.of(1), any(5)])],
  ["all([of(1), , of(2)])", () => parts.all(sparse)],
  ['all({ a: of(1), "b c": { value: 1 } })', () => parts.all({ a: parts.of(1), "b c": any({ value: 1 }) })],
  ["figure(5, compute)", () => parts.figure(any(5), () => 1)],
  ['figure("r", 5)', () => parts.figure("r", any(5))],
  ['figure("r", compute, { inputs: 5 })', () => parts.figure("r", () => 1, any({ inputs: 5 }))],
  ['figure("r", compute, { show: 5, input: 1 })', () => parts.figure("r", () => 1, any({ show: 5, input: 1 }))],
  ["figure(…)(facts, { on: 5 })", () => figureRule({ n: 1 }, any({ ...ctx, on: 5 }))],
  ["exception(5, applies, special)", () => parts.exception(any(5), () => undefined, figureRule)],
  ["exception(base, 5, special)", () => parts.exception(figureRule, any(5), figureRule)],
  ["exception(base, applies, 5)", () => parts.exception(figureRule, () => undefined, any(5))],
  ["exception(…)(facts, { rounding: null })", () => exceptionRule({ n: 1 }, any({ ...ctx, rounding: null }))],
  ['asMoney("1", {})', () => parts.asMoney(any("1"), any({}))],
  ["asMoney(unreadable, ctx)", () => parts.asMoney(any(unreadable), ctx)],
  ["asMoney(1.5, ctx)", () => parts.asMoney(any(1.5), ctx)],
  ['reason(null, "x-code", "c")', () => parts.reason(any(null), "x-code", "c")],
  ['reason(unreadable catalog, "x-code", "c")', () => parts.reason(any(unreadable), "x-code", "c")],
  ['reason({ codes: 5 }, "x-code", "c")', () => parts.reason(any({ codes: 5 }), "x-code", "c")],
  ['reason({ codes: {}, rules: 5 }, "x-code", "c")', () => parts.reason(any({ codes: {}, rules: 5 }), "x-code", "c")],
  ['reason({ rules: {} }, "x-code", "c")', () => parts.reason(any({ rules: {} }), "x-code", "c")],
  ['reason(catalog, 5, "c")', () => parts.reason(catalog, any(5), "c")],
  ['reason(catalog, "x-code", 5)', () => parts.reason(catalog, "x-code", any(5))],
  ['reason(catalog, "x-code", "c", 5)', () => parts.reason(catalog, "x-code", "c", any(5))],
  [
    'reason(catalog, "x-code", "c", {}, { track: "fast" })',
    () => parts.reason(catalog, "x-code", "c", {}, any({ track: "fast" })),
  ],
  [
    'reason(catalog, "x-code", "c", {}, { decisive: 1, code: 1 })',
    () => parts.reason(catalog, "x-code", "c", {}, any({ decisive: 1, code: 1 })),
  ],
  ['reason(a catalog whose text throws, "x-code", "c")', () => parts.reason(throwingCatalog, "x-code", "c")],
  ['finding(null, "x-code")', () => parts.finding(any(null), "x-code")],
  ['finding({ codes: [] }, "x-code")', () => parts.finding(any({ codes: [] }), "x-code")],
  ["finding(catalog, null)", () => parts.finding(catalog, any(null))],
  ['finding(catalog, "x-code", [])', () => parts.finding(catalog, "x-code", any([]))],
  [
    'finding(catalog, "x-code", {}, { itemId: 5, clause: 5 })',
    () => parts.finding(catalog, "x-code", {}, any({ itemId: 5, clause: 5 })),
  ],
  ['finding(catalog, "x-code", {}, { track: "a" })', () => parts.finding(catalog, "x-code", {}, any({ track: "a" }))],
  ['finding(a catalog whose text throws, "x-code")', () => parts.finding(throwingCatalog, "x-code")],
  ["applyScale(scale, 5)", () => parts.applyScale(scaleOf("single-rate", []), any(5))],
  ["applyScale(scale, unreadable)", () => parts.applyScale(scaleOf("single-rate", []), any(unreadable))],
  ['applyScale(null, "1")', () => parts.applyScale(any(null), "1")],
  ['applyScale({ type: "flat" }, "1")', () => parts.applyScale(scaleOf("flat", []), "1")],
  ['applyScale({ type: "single-rate", brackets: 5 }, "1")', () => parts.applyScale(scaleOf("single-rate", 5), "1")],
  ['applyScale({ brackets: [null] }, "1")', () => parts.applyScale(scaleOf("marginal-rate", [null]), "1")],
  [
    'applyScale({ brackets: [{ threshold: 0 }] }, "1")',
    () => parts.applyScale(scaleOf("single-rate", [{ threshold: 0 }]), "1"),
  ],
  [
    "applyScale(single-rate, { rate: missing })",
    () => parts.applyScale(scaleOf("single-rate", [{ threshold: "0" }]), "1"),
  ],
  [
    'applyScale(single-amount, { rate: "1" })',
    () => parts.applyScale(scaleOf("single-amount", [{ threshold: "0", rate: "1" }]), "1"),
  ],
  ["extendDomain(null, {})", () => parts.extendDomain(any(null), {})],
  ...[
    "kind",
    "date",
    "payee",
    "payment",
    "budgetLine",
    "labels",
    "fields",
    "parts",
    "messages",
    "parameters",
    "budgetLines",
    "dateField",
  ].map((name): [string, () => unknown] => [
    `extendDomain({ ...domain, ${name}: undefined }, {})`,
    () => parts.extendDomain(any({ ...domain, [name]: undefined }), {}),
  ]),
  ['extendDomain({ ...domain, kind: "" }, {})', () => parts.extendDomain(any({ ...domain, kind: "" }), {})],
  ["extendDomain({ ...domain, labels: null }, {})", () => parts.extendDomain(any({ ...domain, labels: null }), {})],
  [
    "extendDomain({ ...domain, messages: { rules } }, {})",
    () => parts.extendDomain(any({ ...domain, messages: { rules: {} } }), {}),
  ],
  [
    "extendDomain({ ...domain, messages: { codes, rules: null } }, {})",
    () => parts.extendDomain(any({ ...domain, messages: { codes: messagesOf.codes, rules: null } }), {}),
  ],
  [
    "extendDomain({ ...domain, messages: { codes: null, rules } }, {})",
    () => parts.extendDomain(any({ ...domain, messages: { codes: null, rules: {} } }), {}),
  ],
  [
    "extendDomain({ ...domain, messages: { codes, rules: 5 } }, {})",
    () => parts.extendDomain(any({ ...domain, messages: { codes: messagesOf.codes, rules: 5 } }), {}),
  ],
  [
    "extendDomain(proxy, {})",
    () =>
      parts.extendDomain(
        any({
          ...domain,
          get kind() {
            throw new Error("x");
          },
        }),
        {},
      ),
  ],
  ["extendDomain(domain, null)", () => parts.extendDomain(any(domain), any(null))],
  ["extendDomain(domain, { field: {} })", () => parts.extendDomain(any(domain), any({ field: {} }))],
  [
    "extendDomain(domain, every key of the wrong kind)",
    () =>
      parts.extendDomain(
        any(domain),
        any({ fields: [], parameters: {}, parts: null, payment: 1, messages: 2, values: "v", fast: [] }),
      ),
  ],
  ["extendDomain(domain, { parameters: [5] })", () => parts.extendDomain(any(domain), any({ parameters: [5] }))],
  [
    "extendDomain(domain, { parameters: [{ kind: {} }] })",
    () => parts.extendDomain(any(domain), any({ parameters: [{ kind: {} }] })),
  ],
  [
    'extendDomain(domain, { parameters: [{ name: "p", kind: null }] })',
    () => parts.extendDomain(any(domain), any({ parameters: [{ name: "p", kind: null }] })),
  ],
  [
    'extendDomain(domain, { parameters: [{ name: "p", kind: 5 }] })',
    () => parts.extendDomain(any(domain), any({ parameters: [{ name: "p", kind: 5 }] })),
  ],
  [
    "extendDomain(domain, { parameters: [, p] })",
    () => parts.extendDomain(any(domain), any({ parameters: sparseParameters })),
  ],
  ["programme(null)", () => parts.programme(any(null))],
  ['programme({ id: "x" }, domain, 5)', () => parts.programme({ id: "x" }, any(domain), any(5))],
  ["programme(domain, { kind: 1 })", () => parts.programme(any(domain), any({ kind: 1 }))],
  ["programme(unreadable)", () => parts.programme(any(unreadable))],
  ["byEffectiveDate({}, [], build)", () => parts.byEffectiveDate(any({}), [], () => 1)],
  ['byEffectiveDate(ruleSet, "p", build)', () => parts.byEffectiveDate(ruleSet, any("p"), () => 1)],
  ["byEffectiveDate(ruleSet, [null], build)", () => parts.byEffectiveDate(ruleSet, any([null]), () => 1)],
  ["byEffectiveDate(ruleSet, [], 5)", () => parts.byEffectiveDate(ruleSet, [], any(5))],
  ["byEffectiveDate(…)(20161031)", () => dateRule(any(20161031))],
];

function refusalText([call, run]: readonly [string, () => unknown]): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return [
      call,
      ...error.issues.flatMap((issue) => [
        `  ${issue.path} ${issue.code}`,
        `    en: ${issue.message}`,
        `    zh: ${issue.zh}`,
      ]),
    ].join("\n");
  }
  throw new Error(`${call} was not refused`);
}

describe("the builders refuse a wrong call shape, naming the argument", () => {
  it("every refusal, its path, code, English and Chinese", async () => {
    await expect(REFUSALS.map(refusalText).join("\n\n") + "\n").toMatchFileSnapshot("__snapshots__/parts.refusals.txt");
  });
});

describe("the builders, called well, give what the unchecked ones give", () => {
  const base = parts.figure("test.base", (facts: { n: number }) => facts.n);
  const special = parts.figure("test.special", (facts: { n: number }) => facts.n * 10);
  const why = parts.reason(catalog, "x-code", "c", { x: 1 });

  it("of, chain and all", () => {
    expect(parts.of(1)).toEqual(algebra.of(1));
    const log = { steps: [], reasons: [why], findings: [] };
    expect(parts.of(2, log)).toEqual({ value: 2, steps: [], reasons: [why], findings: [] });
    const next = (value: number) => parts.of(value + 1, { reasons: [why] });
    expect(parts.chain(parts.of(1), next)).toEqual(algebra.chain(algebra.of(1), next));
    expect(parts.all([parts.of(1), parts.of(2)])).toEqual(algebra.all([algebra.of(1), algebra.of(2)]));
    expect(parts.all({ a: parts.of(1), "b c": parts.of(2) }).value).toEqual({ a: 1, "b c": 2 });
    expect(parts.all([]).value).toEqual([]);
  });

  it("figure and exception: the rule they give computes in a programme's context", () => {
    expect(base({ n: 3 }, ctx)).toEqual(algebra.figure("test.base", (facts: { n: number }) => facts.n)({ n: 3 }, ctx));
    const shown = parts.figure("test.shown", (facts: { n: number }) => facts.n, {
      inputs: (facts) => ({ n: facts.n }),
      show: (value) => String(value * 2),
    })({ n: 4 }, ctx);
    expect(shown.steps[0]).toMatchObject({ rule: "test.shown", inputs: { n: 4 }, value: "8" });
    const rule = parts.exception(base, (facts) => (facts.n > 5 ? why : undefined), special);
    expect(rule({ n: 5 }, ctx)).toEqual(base({ n: 5 }, ctx));
    expect(rule({ n: 6 }, ctx)).toEqual({ ...special({ n: 6 }, ctx), reasons: [why] });
  });

  it("asMoney, reason and finding", () => {
    expect(parts.asMoney(dec("1.005"), ctx)).toBe(algebra.asMoney(dec("1.005"), ctx));
    expect(parts.asMoney(any("2.5"), ctx)).toBe("2.50");
    expect(parts.reason(catalog, "x-code", "c", { x: 1 }, { track: "none", decisive: true })).toEqual({
      code: "x-code",
      message: "x is 1",
      clause: "c",
      track: "none",
      decisive: true,
      data: { x: 1 },
    });
    expect(parts.reason({ codes: {} } as never, "other", "c")).toEqual({
      code: "other",
      message: "other",
      clause: "c",
    });
    expect(parts.finding(catalog, "x-code", { x: 2 }, { itemId: "7", clause: "c" })).toEqual({
      code: "x-code",
      message: "x is 2",
      itemId: "7",
      clause: "c",
      data: { x: 2 },
    });
    expect(parts.finding(catalog, "x-code")).toEqual({ code: "x-code", message: "x is undefined" });
  });

  it("applyScale: each kind of scale, its figures as decimal strings", () => {
    const brackets = [
      { threshold: "0", rate: "0.1", amount: "100" },
      { threshold: "1000", rate: "0.2", amount: "300" },
    ];
    expect(parts.applyScale(scaleOf("marginal-rate", brackets), "1500").toString()).toBe("200");
    expect(parts.applyScale(scaleOf("single-rate", brackets), "1500").toString()).toBe("300");
    expect(parts.applyScale(scaleOf("single-amount", brackets), "1500").toString()).toBe("300");
    expect(parts.applyScale(scaleOf("single-amount", brackets), dec("999")).toString()).toBe("100");
  });

  it("approvedQuantity: the domain's own quantity", () => {
    const unsurveyed = { ...item, survey: undefined };
    for (const [facts, requireSurvey] of [
      [item, true],
      [unsurveyed, false],
      [unsurveyed, true],
    ] as const)
      expect(parts.approvedQuantity(any(facts), "2016-09-01", requireSurvey)).toEqual(
        land_clearing_fee.approvedQuantity(any(facts), "2016-09-01", requireSurvey),
      );
  });

  it("extendDomain, programme, isProgramme and byEffectiveDate", () => {
    const rate = parameter.decimal("test.extra", "extra");
    const extended = parts.extendDomain(domains.enterpriseExit, { parameters: [rate] });
    expect(extended.kind).toBe("enterprise-exit");
    expect(extended.parameters).toContain(rate);
    expect(parts.extendDomain(domains.enterpriseExit, {}).kind).toBe("enterprise-exit");
    const empty = { fields: {}, parts: {}, messages: {}, values: {}, fast: {} } as never;
    expect(parts.extendDomain(domains.enterpriseExit, empty).parameters).toEqual(domains.enterpriseExit.parameters);
    const one = parts.programme(domains.enterpriseExit, domains.structureClearance);
    expect(one.kinds).toEqual(["enterprise-exit", "structure-clearance"]);
    const named = parts.programme({ id: "test-1" }, domains.villageCompensation);
    expect([named.id, named.kinds]).toEqual(["test-1", ["village-compensation"]]);
    expect(parts.programme().kinds).toEqual([]);
    expect(parts.isProgramme(one)).toBe(true);
    expect(parts.isProgramme({})).toBe(false);
    expect(parts.isProgramme(throwing)).toBe(false);
    const at = parts.byEffectiveDate(ruleSet, [], (values) => values);
    expect(at("2016-10-31")).toBeUndefined();
    const dated = parts.byEffectiveDate(ruleSet, domains.enterpriseExit.parameters, () => "form");
    expect([dated("2016-10-31"), dated("2000-01-01")]).toEqual(["form", undefined]);
  });
});
