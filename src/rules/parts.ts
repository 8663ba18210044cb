// The domains' parts as exitfund/rules gives them: the same rules, each refusing a call that is no rule call
// (facts that are no object, a context that is no programme's) with InvalidInputError naming the argument
// (issue 10). The programmes call the parts unwrapped: a fault inside a part stays a bug there (exit 70).
import { InvalidInputError } from "../errors/index.js";
import { refuse } from "../errors/arguments.js";
import {
  booleanArgument,
  contextArgument,
  functionArgument,
  objectArgument,
  reading,
  textArgument,
  tracedArgument,
  listOf,
  optionsOf,
} from "../errors/shapes.js";
import type { IsoDate } from "../parameters/types.js";
import type {
  ClearanceItem,
  EnterpriseExit,
  ExitedEnterprise,
  TownshipTransfer,
  VillageCompensation,
} from "../schemas/cases.js";
import type { Deadline, MunicipalStandard, SmallReward, TrackFacts } from "./enterprise-reward/index.js";
import type { ClearanceTotals, ItemFee, ItemVerification } from "./land-clearing-fee/index.js";
import type { LeaseCompensation, LeaseFacts, RentCap } from "./village-compensation/index.js";
import type { Impact, LostCapacity, Shares, TargetReductions } from "./township-transfer/index.js";
import type { Track } from "../vocabulary.js";
import type { Dec } from "../money/decimal.js";
import * as algebra from "./algebra.js";
import type * as z from "zod/mini";
import * as domainModule from "./domain.js";
import type { AnyDomain, CaseFacts, Domain, DomainChange, FieldsOutput } from "./domain.js";
import * as programmeModule from "./programme.js";
import type { Programme, ProgrammeOptions } from "./programme.js";
import * as fast from "./fast.js";
import type { InForceValues } from "./fast.js";
import type { AnyParameter } from "../parameters/handles.js";
import type { RuleSet } from "../parameters/types.js";
import { isLoaded } from "../parameters/load.js";
import type { Context, FigureOptions, Read, Rule, Traced } from "./algebra.js";
import * as build from "../trace/build.js";
import type { Finding, MessageCatalog, Reason, TraceStep } from "../trace/types.js";
import * as scales from "../parameters/scale.js";
import type { Scale } from "../parameters/types.js";
import type { DecimalLike } from "../money/decimal.js";
import { decimalArgument } from "../money/parse.js";
import { TRACKS } from "../vocabulary.js";
import { BOOLEAN_OPTION, FUNCTION_OPTION, keyPath, oneOfOption } from "../errors/arguments.js";

import * as enterprise_reward from "./enterprise-reward/index.js";
import * as land_clearing_fee from "./land-clearing-fee/index.js";
import * as village_compensation from "./village-compensation/index.js";
import * as township_transfer from "./township-transfer/index.js";

/** `rule` as a public function: its facts and context checked, a fault from facts it cannot use an input error. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function publicRule<R extends Rule<any, unknown>>(name: string, rule: R): R {
  const facts = name === "clearanceTotals" ? "the verified items (a list)" : "the facts of one case (an object)";
  const factsZh = name === "clearanceTotals" ? "核实后的各项（列表）" : "一个案件的事实（对象）";
  return ((given: unknown, ctx: Context) => {
    if (name === "clearanceTotals") {
      if (!Array.isArray(given)) objectArgument(given, "facts", facts, factsZh);
    } else objectArgument(given, "facts", facts, factsZh);
    contextArgument(ctx);
    try {
      return rule(given, ctx);
    } catch (error) {
      if (error instanceof InvalidInputError) throw error;
      return refuse(
        "facts",
        "not-facts",
        `cannot be computed by ${name}: the facts lack a field it reads or hold a value of the wrong type (check them against the domain's case schema first)`,
        `无法由 ${name} 计算：事实缺少其读取的字段，或字段类型有误（请先按该领域的案件模式核对）`,
      );
    }
  }) as R;
}

/** The part `blocking` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const blocking: Rule<EnterpriseExit, boolean> = publicRule("blocking", enterprise_reward.blocking);
/** The part `districtSupplement` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const districtSupplement: Rule<EnterpriseExit & { readonly municipal: MunicipalStandard }, Dec> = publicRule(
  "districtSupplement",
  enterprise_reward.districtSupplement,
);
/** The part `employeeComponent` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const employeeComponent: Rule<EnterpriseExit, Dec> = publicRule(
  "employeeComponent",
  enterprise_reward.employeeComponent,
);
/** The part `exitDeadline` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const exitDeadline: Rule<EnterpriseExit, Deadline> = publicRule("exitDeadline", enterprise_reward.exitDeadline);
/** The part `landComponent` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const landComponent: Rule<EnterpriseExit, Dec> = publicRule("landComponent", enterprise_reward.landComponent);
/** The part `municipalRaw` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const municipalRaw: Rule<EnterpriseExit, Dec> = publicRule("municipalRaw", enterprise_reward.municipalRaw);
/** The part `municipalReward` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const municipalReward: Rule<EnterpriseExit & { readonly municipal: MunicipalStandard }, Dec> = publicRule(
  "municipalReward",
  enterprise_reward.municipalReward,
);
/** The part `municipalStandard` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const municipalStandard: Rule<EnterpriseExit & { readonly raw: Dec }, MunicipalStandard> = publicRule(
  "municipalStandard",
  enterprise_reward.municipalStandard,
);
/** The part `rewardTrack` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const rewardTrack: Rule<TrackFacts, Track> = publicRule("rewardTrack", enterprise_reward.rewardTrack);
/** The part `smallEnterpriseReward` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const smallEnterpriseReward: Rule<EnterpriseExit, SmallReward> = publicRule(
  "smallEnterpriseReward",
  enterprise_reward.smallEnterpriseReward,
);
/** The part `taxComponent` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const taxComponent: Rule<EnterpriseExit, Dec> = publicRule("taxComponent", enterprise_reward.taxComponent);
/** The part `clearanceTotals` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const clearanceTotals: Rule<readonly ItemVerification[], ClearanceTotals> = publicRule(
  "clearanceTotals",
  land_clearing_fee.clearanceTotals,
);
/** The part `declaredFee` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const declaredFee: Rule<ClearanceItem, Dec> = publicRule("declaredFee", land_clearing_fee.declaredFee);
/** The part `itemFindings` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const itemFindings: Rule<ClearanceItem & { readonly declaredFee: Dec }, readonly Finding[]> = publicRule(
  "itemFindings",
  land_clearing_fee.itemFindings,
);
/** The part `landClearingFee` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const landClearingFee: Rule<ClearanceItem, ItemFee> = publicRule(
  "landClearingFee",
  land_clearing_fee.landClearingFee,
);
/** The part `leaseCompensation` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const leaseCompensation: Rule<LeaseFacts, LeaseCompensation> = publicRule(
  "leaseCompensation",
  village_compensation.leaseCompensation,
);
/** The part `rentCap` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const rentCap: Rule<VillageCompensation, RentCap> = publicRule("rentCap", village_compensation.rentCap);
/** The part `sitePart` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const sitePart: Rule<VillageCompensation, Dec> = publicRule("sitePart", village_compensation.sitePart);
/** The part `enterpriseLostCapacity` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const enterpriseLostCapacity: Rule<
  ExitedEnterprise & { readonly shares: Shares },
  LostCapacity & { readonly exact: Dec }
> = publicRule("enterpriseLostCapacity", township_transfer.enterpriseLostCapacity);
/** The part `impact` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const impact: Rule<TownshipTransfer & { readonly lost: Dec }, Impact> = publicRule(
  "impact",
  township_transfer.impact,
);
/** The part `targetReduction` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const targetReduction: Rule<TownshipTransfer & { readonly lost: Dec }, TargetReductions> = publicRule(
  "targetReduction",
  township_transfer.targetReduction,
);
/** The part `townshipShares` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const townshipShares: Rule<TownshipTransfer, Shares> = publicRule(
  "townshipShares",
  township_transfer.townshipShares,
);
/** The part `transferAmount` of its domain (docs/extending.md), refusing a call that is no rule call. @category rules */
export const transferAmount: Rule<{ readonly lost: Dec; readonly eligible: boolean }, Dec> = publicRule(
  "transferAmount",
  township_transfer.transferAmount,
);

/** The quantity `approvedQuantity` approves of an item, its arguments checked. */
export function approvedQuantity(item: ClearanceItem, cutoffDate: IsoDate, requireSurvey: boolean): Dec {
  objectArgument(item, "item", "a structure-clearance item (an object)", "一项腾退构筑物（对象）");
  textArgument(cutoffDate, "cutoffDate", "a date YYYY-MM-DD", "日期 YYYY-MM-DD");
  booleanArgument(requireSurvey, "requireSurvey");
  try {
    return land_clearing_fee.approvedQuantity(item, cutoffDate, requireSurvey);
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    return refuse(
      "item",
      "not-facts",
      "cannot be used: it lacks a field approvedQuantity reads or holds a value of the wrong type",
      "无法使用：缺少 approvedQuantity 读取的字段，或字段类型有误",
    );
  }
}

// ---- the algebra and the builders, their call shapes checked (the rules call the unchecked ones) ----

const RULE_EN = "a rule (facts, ctx) => traced value";
const RULE_ZH = "规则 (facts, ctx) => 可追溯的值";

/** `traced` as `next` gave it, or refused: a rule or a `next` must give a traced value. */
function givenTraced<T>(traced: Traced<T>, path: string): Traced<T> {
  tracedArgument(traced, path);
  return traced;
}

/** `of`, its log checked. */
export function of<T>(
  value: T,
  log: {
    readonly steps?: readonly TraceStep[];
    readonly reasons?: readonly Reason[];
    readonly findings?: readonly Finding[];
  } = {},
): Traced<T> {
  const given = objectArgument(
    log,
    "log",
    "the log { steps?, reasons?, findings? }",
    "记录 { steps?, reasons?, findings? }",
  );
  for (const name of ["steps", "reasons", "findings"])
    if (given[name] !== undefined && !Array.isArray(given[name]))
      refuse(`log.${name}`, "not-a-list", `must be a list of ${name}`, `应为列表（${name}）`);
  return algebra.of(value, log);
}

/** `chain`, its arguments (and what `next` gives) checked. */
export function chain<A, B>(first: Traced<A>, next: (value: A) => Traced<B>): Traced<B> {
  tracedArgument(first, "first");
  functionArgument(next, "next", "(value) => traced value", "(value) => 可追溯的值");
  return algebra.chain(first, (value) => givenTraced(next(value), "next(value)"));
}

/** `all`, every part checked. */
export function all<const R extends { readonly [name: string]: Traced<unknown> }>(
  parts: R,
): Traced<{ readonly [K in keyof R]: R[K]["value"] }>;
export function all<T>(parts: readonly Traced<T>[]): Traced<readonly T[]>;
export function all(parts: readonly Traced<unknown>[] | { readonly [name: string]: Traced<unknown> }): Traced<unknown> {
  if (Array.isArray(parts)) {
    const list = listOf(parts, "parts", { en: "traced values", zh: "可追溯的值" });
    list.forEach((part, index) => tracedArgument(part, `parts[${index}]`));
  } else {
    const record = objectArgument(parts, "parts", "a list or a record of traced values", "可追溯的值的列表或记录");
    for (const name of Object.keys(record)) tracedArgument(record[name], keyPath("parts", name));
  }
  return algebra.all(parts as readonly Traced<unknown>[]);
}

/** `figure`, its arguments checked; the rule it gives checks its context. */
export function figure<F, T>(
  rule: string,
  compute: (facts: F, read: Read, ctx: Context) => T,
  options: FigureOptions<F, T> = {},
): Rule<F, T> {
  textArgument(rule, "rule", "the rule's name (its clause is cited by it)", "规则名称（据此引用条款）");
  functionArgument(compute, "compute", "(facts, read, ctx) => value", "(facts, read, ctx) => 值");
  optionsOf(options, "options", { inputs: FUNCTION_OPTION, show: FUNCTION_OPTION });
  const made = algebra.figure(rule, compute, options);
  return (facts, ctx) => {
    contextArgument(ctx);
    return made(facts, ctx);
  };
}

/** `exception`, its arguments checked. */
export function exception<F, T>(
  base: Rule<F, T>,
  applies: (facts: F, ctx: Context) => Reason | undefined,
  special: Rule<F, T>,
): Rule<F, T> {
  functionArgument(base, "base", RULE_EN, RULE_ZH);
  functionArgument(applies, "applies", "(facts, ctx) => reason or undefined", "(facts, ctx) => 理由或 undefined");
  functionArgument(special, "special", RULE_EN, RULE_ZH);
  const made = algebra.exception(base, applies, special);
  return (facts, ctx) => {
    contextArgument(ctx);
    return made(facts, ctx);
  };
}

/** `asMoney`, its arguments checked. */
export function asMoney(value: Dec, ctx: Context): string {
  contextArgument(ctx);
  return algebra.asMoney(
    reading("value", () => decimalArgument(value, "value")),
    ctx,
  );
}

const CATALOG_EN = "a message catalog { codes, rules } (a domain's messages)";
const CATALOG_ZH = "消息目录 { codes, rules }（领域的 messages）";

function catalogArgument(catalog: unknown): void {
  const given = objectArgument(catalog, "catalog", CATALOG_EN, CATALOG_ZH);
  reading("catalog", () => {
    for (const name of ["codes", "rules"])
      if (given[name] !== undefined) objectArgument(given[name], `catalog.${name}`, CATALOG_EN, CATALOG_ZH);
  });
  if (given.codes === undefined)
    refuse("catalog.codes", "required", `is required: ${CATALOG_EN}`, `必须填写：${CATALOG_ZH}`);
}

/** `reason`, its arguments checked. */
export function reason(
  catalog: MessageCatalog,
  code: string,
  clause: string,
  data: { readonly [key: string]: unknown } = {},
  extra: Pick<Reason, "track" | "decisive"> = {},
): Reason {
  catalogArgument(catalog);
  textArgument(code, "code", "the reason's code", "理由代码");
  textArgument(clause, "clause", "the clause that decides (NO_CLAUSE when none)", "依据条款（无则 NO_CLAUSE）");
  objectArgument(data, "data", "the reason's data (an object)", "理由的数据（对象）");
  optionsOf(extra, "extra", { track: oneOfOption(TRACKS), decisive: BOOLEAN_OPTION });
  return reading("data", () => build.reason(catalog, code, clause, data, extra));
}

/** `finding`, its arguments checked. */
export function finding(
  catalog: MessageCatalog,
  code: string,
  data: { readonly [key: string]: unknown } = {},
  extra: Pick<Finding, "itemId" | "clause"> = {},
): Finding {
  catalogArgument(catalog);
  textArgument(code, "code", "the finding's code", "发现代码");
  objectArgument(data, "data", "the finding's data (an object)", "发现的数据（对象）");
  const text = { accepts: "a text", zh: "文本", test: (value: unknown) => typeof value === "string" };
  optionsOf(extra, "extra", { itemId: text, clause: text });
  return reading("data", () => build.finding(catalog, code, data, extra));
}

/** `applyScale`, its arguments checked. */
export function applyScale(scale: Scale, base: DecimalLike): Dec {
  const x = reading("base", () => decimalArgument(base, "base"));
  const shape = objectArgument(
    scale,
    "scale",
    "a scale { type, brackets } (a parameter.scale value)",
    "累进表 { type, brackets }（parameter.scale 的值）",
  );
  if (!["marginal-rate", "single-amount", "single-rate"].includes(shape.type as string))
    refuse(
      "scale.type",
      "invalid-value",
      'must be "marginal-rate", "single-amount" or "single-rate"',
      "应为 marginal-rate、single-amount 或 single-rate",
    );
  const brackets = listOf(shape.brackets, "scale.brackets", { en: "brackets", zh: "档次" });
  const exact = brackets.map((bracket, index) => {
    const path = `scale.brackets[${index}]`;
    const row = objectArgument(
      bracket,
      path,
      "a bracket { threshold, rate or amount }",
      "档次 { threshold, rate 或 amount }",
    );
    const threshold = decimalArgument(row.threshold, `${path}.threshold`);
    const value = shape.type === "single-amount" ? "amount" : "rate";
    const figure = decimalArgument(row[value], `${path}.${value}`);
    return { threshold, rate: figure, amount: figure };
  });
  return scales.applyScale({ type: shape.type as Scale["type"], brackets: exact }, x);
}

const DOMAIN_EN = "a domain (one of domains, or what extendDomain gives)";
const DOMAIN_ZH = "领域（domains 之一，或 extendDomain 的结果）";

/** `value` is a domain: its members of the right kinds, or it is refused at `path`. */
function domainArgument(value: unknown, path: string): void {
  const domain = objectArgument(value, path, DOMAIN_EN, DOMAIN_ZH);
  const wrong = reading(path, () => {
    if (typeof domain.kind !== "string" || domain.kind === "") return "kind";
    for (const name of ["date", "payee", "payment", "budgetLine"]) if (typeof domain[name] !== "function") return name;
    for (const name of ["labels", "fields", "parts", "messages"])
      if (typeof domain[name] !== "object" || domain[name] === null) return name;
    for (const name of ["parameters", "budgetLines"]) if (!Array.isArray(domain[name])) return name;
    if (typeof domain.dateField !== "string") return "dateField";
    const messages = domain.messages as { codes?: unknown; rules?: unknown };
    if (typeof messages.codes !== "object" || messages.codes === null) return "messages.codes";
    if (typeof messages.rules !== "object" || messages.rules === null) return "messages.rules";
    return undefined;
  });
  if (wrong !== undefined)
    refuse(
      `${path}.${wrong}`,
      "not-a-domain",
      `is missing or wrong: ${path} must be ${DOMAIN_EN}`,
      `缺失或有误：${path} 应为${DOMAIN_ZH}`,
    );
}

const CHANGE_KEYS = ["fields", "parameters", "parts", "payment", "messages", "values", "fast"] as const;

/** `extendDomain`, its arguments checked (an unknown key of the change is refused). */
export function extendDomain<
  K extends string,
  F extends CaseFacts,
  P,
  D,
  X extends z.core.$ZodShape = Record<never, never>,
  E = D,
>(base: Domain<K, F, P, D>, change: DomainChange<F, P, D, X, E>): Domain<K, F & FieldsOutput<X>, P, E> {
  domainArgument(base, "base");
  const object = {
    accepts: "an object",
    zh: "对象",
    test: (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value),
  };
  const list = { accepts: "a list of parameters", zh: "参数列表", test: Array.isArray };
  objectArgument(
    change,
    "change",
    "the change { fields?, parameters?, parts?, payment?, messages?, values?, fast? }",
    "变更 { fields?, parameters?, parts?, payment?, messages?, values?, fast? }",
  );
  optionsOf(change, "change", {
    fields: object,
    parameters: list,
    parts: object,
    payment: FUNCTION_OPTION,
    messages: object,
    values: object,
    fast: object,
  } satisfies { readonly [key in (typeof CHANGE_KEYS)[number]]: unknown });
  const parameters = change.parameters ?? [];
  listOf(parameters, "change.parameters", { en: "parameters", zh: "参数" }).forEach((parameter, index) =>
    parameterArgument(parameter, `change.parameters[${index}]`),
  );
  return domainModule.extendDomain(base, change);
}

/** `value` is a parameter handle (made by `parameter.*`), or it is refused. */
function parameterArgument(value: unknown, path: string): void {
  const handle = objectArgument(
    value,
    path,
    "a parameter (made by parameter.decimal, .table, …)",
    "参数（由 parameter.decimal、.table 等创建）",
  );
  const wrong = reading(path, () =>
    typeof handle.name !== "string"
      ? "name"
      : typeof handle.kind !== "object" || handle.kind === null
        ? "kind"
        : undefined,
  );
  if (wrong !== undefined)
    refuse(
      `${path}.${wrong}`,
      "not-a-parameter",
      "is missing: a parameter has a name and a kind (make it with parameter.*)",
      "缺失：参数应有 name 和 kind（用 parameter.* 创建）",
    );
}

/** `programme`, its options and every domain checked. */
export function programme<const Ds extends readonly AnyDomain[]>(...domains: Ds): Programme<Ds[number]>;
export function programme<const Ds extends readonly AnyDomain[]>(
  options: ProgrammeOptions,
  ...domains: Ds
): Programme<Ds[number]>;
export function programme(...given: readonly (AnyDomain | ProgrammeOptions)[]): Programme {
  const first = reading("options", () => given[0] !== undefined && programmeModule.isProgrammeOptions(given[0]));
  const domains = (first ? given.slice(1) : given) as AnyDomain[];
  domains.forEach((domain, index) => domainArgument(domain, `domains[${index}]`));
  if (!first) return programmeModule.programme(...domains);
  const options = objectArgument(given[0], "options", "options { id }", "选项 { id }") as ProgrammeOptions;
  return programmeModule.programme(options, ...domains);
}

/** `isProgramme`: false for anything that cannot be read. */
export function isProgramme(value: unknown): value is Programme {
  try {
    return programmeModule.isProgramme(value);
  } catch {
    return false;
  }
}

/** `byEffectiveDate`, its arguments checked. */
export function byEffectiveDate<K>(
  ruleSet: RuleSet,
  parameters: readonly AnyParameter[],
  build: (values: InForceValues) => K | undefined,
): (date: IsoDate) => K | undefined {
  if (!isLoaded(ruleSet))
    refuse(
      "ruleSet",
      "not-a-rule-set",
      "must be a loaded rule set (loadRuleSet or ruleSets[id])",
      "应为已加载的规则集（loadRuleSet 或 ruleSets[id]）",
    );
  listOf(parameters, "parameters", { en: "parameters", zh: "参数" }).forEach((parameter, index) =>
    parameterArgument(parameter, `parameters[${index}]`),
  );
  functionArgument(build, "build", "(values) => the compiled form, or undefined", "(values) => 编译结果或 undefined");
  const at = fast.byEffectiveDate(ruleSet, parameters, build);
  return (date) => at(textArgument(date, "date", "a date YYYY-MM-DD", "日期 YYYY-MM-DD") as IsoDate);
}
