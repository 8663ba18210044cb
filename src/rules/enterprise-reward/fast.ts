import { Dec } from "../../money/decimal.js";
import {
  FIXED_ZERO,
  NOT_FAST,
  addFixed,
  compareFixed,
  decimalString,
  minFixed,
  moneyString,
  multiplyFixed,
  plus,
  readDecimal,
  roundScaled,
  subtractFixed,
  type Fixed,
} from "../../money/scaled.js";
import type { AnyParameter } from "../../parameters/handles.js";
import { weaker, type Status } from "../../parameters/status.js";
import type { RuleSet, Scale } from "../../parameters/types.js";
import { scalars, shapedWriter } from "../../receipt/canonical.js";
import { ENTERPRISE_EXIT_FIELDS, type EnterpriseExit } from "../../schemas/cases.js";
import { decimalReader, isCount, isDate, isRecord, isText, keyCount, type DecimalRead } from "../../schemas/check.js";
import type { Finding, Reason, Track } from "../../trace/types.js";
import {
  CATALOGUE_INDUSTRIES,
  EXEMPT_CATEGORIES,
  EXIT_MODES,
  MUNICIPAL_OUTCOMES,
  POLLUTANTS,
  TAX_TYPES,
  type DeadlineKey,
} from "../../vocabulary.js";
import { createContext } from "../context.js";
import type { AnyDomain } from "../domain.js";
import { assembleOutcome } from "../evaluate.js";
import { byEffectiveDate, CANONICAL, type BuiltInKernel, type FastCase, type InForceValues } from "../fast.js";
import {
  blockingReasons,
  clearedReasons,
  exemptDecision,
  isCatalogueProcessExit,
  wholeExitFindings,
} from "./blocking.js";
import { deadlineFindings, type Deadline } from "./deadline.js";
import type { EnterpriseRewardDetail } from "./enterpriseReward.js";
import type { MunicipalStandard } from "./municipal.js";
import { enterpriseExitParameters as p } from "./parameters.js";
import { smallRewardReasons, type SmallRewardDetail } from "./smallEnterprise.js";
import { grantedOffTrack, trackOf, trackReasons } from "./track.js";

/** A decimal parameter in scaled integers, with its decimal (what reasons and `detail` quote). */
interface Value extends Fixed {
  readonly dec: Dec;
}

interface FastScale {
  readonly type: Scale["type"];
  readonly brackets: readonly { readonly threshold: Fixed; readonly rate: Fixed; readonly amount: Fixed }[];
}

/** The enterprise-reward parameters in force over a span of dates, and their statuses. */
interface Span {
  readonly ratePerTce: Value;
  readonly ratePerTonne: readonly Value[];
  readonly min: Value;
  readonly max: Value;
  readonly supplementRate: Value;
  readonly smallCap: { readonly whole: Value; readonly process: Value };
  readonly taxScale: FastScale;
  readonly employeeScale: FastScale;
  readonly landScale: FastScale;
  readonly exitDeadline: { readonly [K in DeadlineKey]: string };
  readonly status: (parameter: AnyParameter) => Status;
}

const NONE: readonly never[] = Object.freeze([]);
const EXIT_MODE = new Set<unknown>(EXIT_MODES);
const SCALE = new Set<unknown>(["above", "below"]);
const OUTCOME = new Set<unknown>(MUNICIPAL_OUTCOMES);
const REGION = new Set<unknown>(["north", "south"]);
const CATALOGUE = new Set<unknown>(CATALOGUE_INDUSTRIES);
const EXEMPT = new Set<unknown>(EXEMPT_CATEGORIES);
const DECISION = new Set<unknown>(["pending", "exit", "retain"]);
const REQUIRED = 14; // kind, id, name, township, exitMode, scale, exitCompletedOn, licensed, acceptance, municipalOutcome, recommendedByDistrict, energySavedTce, employees, landAreaM2

/** What the kernel computed of an exit that is not blocked: the municipal standard and, on the small track, its figures. */
interface Standard {
  readonly raw: Fixed;
  readonly standard: Fixed;
  readonly rounded: number;
  readonly meets: boolean;
  readonly capApplied: boolean;
}

/**
 * 企业奖励快速求值 · the fast evaluator of `enterpriseExit` (`enterpriseReward` with the domain's own parts): the
 * blocking conditions and the track as the rules decide them (`trackOf`), the municipal raw amount, standard,
 * rounding, supplement and small-enterprise components as scaled integers; reasons and findings are built by the
 * rules' own builders, only when an outcome is asked for.
 *
 * @remarks Declines — the reference path then validates, reports or computes — an exit its schema refuses, a
 * date on which some parameter has no value (or the floor is above the cap), and any figure past 2^53.
 */
export function enterpriseKernel(ruleSet: RuleSet, domain: AnyDomain): BuiltInKernel | undefined {
  const spanOn = byEffectiveDate(ruleSet, Object.values(p), compileSpan);
  const { scale: R, mode } = ruleSet.rounding;
  const read = [decimalReader(), decimalReader(), decimalReader()] as const;
  const [first, second, third] = read;

  /** A quantity or money field as a fixed decimal (`fallback` when absent); NOT_FAST when it cannot be one. */
  const fixedOf = (reader: (value: unknown) => DecimalRead, value: unknown): Fixed => {
    const found = reader(value);
    if (found.m < 0) throw NOT_FAST;
    return { m: found.m, s: found.s };
  };

  return {
    run(input, wantOutcome) {
      if (!isRecord(input) || !valid(input)) return undefined;
      const facts = input as unknown as EnterpriseExit;
      const span = spanOn(facts.exitCompletedOn);
      if (span === undefined) return undefined;
      try {
        return evaluate(span, facts, wantOutcome);
      } catch (error) {
        if (error === NOT_FAST) return undefined;
        throw error;
      }
    },
    [CANONICAL]: canonicalExit,
  };

  /** Exactly the schema's checks (`ENTERPRISE_EXIT_FIELDS`, strict, and the leading-group refinement). */
  function valid(c: { readonly [key: string]: unknown }): boolean {
    let present = REQUIRED;
    if (c.kind !== "enterprise-exit" || !isText(c.id) || !isText(c.name) || !isText(c.township)) return false;
    if (!EXIT_MODE.has(c.exitMode) || !SCALE.has(c.scale) || !isDate(c.exitCompletedOn)) return false;
    if (typeof c.licensed !== "boolean" || typeof c.recommendedByDistrict !== "boolean") return false;
    if (!OUTCOME.has(c.municipalOutcome) || !isCount(c.employees)) return false;
    const acceptance = c.acceptance;
    if (!isRecord(acceptance) || keyCount(acceptance) !== 3) return false;
    if (typeof acceptance.equipmentRemoved !== "boolean" || typeof acceptance.staffResettled !== "boolean")
      return false;
    if (typeof acceptance.licenceChangedOrCancelled !== "boolean") return false;
    if (first(c.energySavedTce).m === -1 || first(c.landAreaM2).m === -1) return false;
    if (c.pollutantsReducedTonnes !== undefined) {
      if (!decimalRecord(c.pollutantsReducedTonnes, POLLUTANTS)) return false;
      present += 1;
    }
    if (c.priorYearTax !== undefined) {
      if (!decimalRecord(c.priorYearTax, TAX_TYPES)) return false;
      present += 1;
    }
    if (c.municipalAssessedAmount !== undefined) {
      if (first(c.municipalAssessedAmount).m === -1) return false;
      present += 1;
    }
    if (c.region !== undefined) {
      if (!REGION.has(c.region)) return false;
      present += 1;
    }
    if (c.catalogueIndustry !== undefined) {
      if (!CATALOGUE.has(c.catalogueIndustry)) return false;
      present += 1;
    }
    if (c.exemptCategory !== undefined) {
      if (!EXEMPT.has(c.exemptCategory)) return false;
      present += 1;
    }
    if (c.leadingGroupDecision !== undefined) {
      if (!DECISION.has(c.leadingGroupDecision) || c.exemptCategory === undefined) return false;
      present += 1;
    }
    return keyCount(c) === present;
  }

  /** A strict object of optional decimals ≥ 0 (`PollutantsSchema`, `PriorYearTaxSchema`). */
  function decimalRecord(value: unknown, keys: readonly string[]): boolean {
    if (!isRecord(value)) return false;
    let present = 0;
    for (const key of keys) {
      const field = value[key];
      if (field === undefined) continue;
      if (second(field).m === -1) return false;
      present += 1;
    }
    return keyCount(value) === present;
  }

  function evaluate(span: Span, facts: EnterpriseExit, wantOutcome: boolean): FastCase {
    const basisKey: DeadlineKey = facts.catalogueIndustry !== undefined ? "catalogue" : (facts.region ?? "south");
    const deadline: Deadline = { due: span.exitDeadline[basisKey], basis: basisKey };
    const decision = exemptDecision(facts);
    const acceptance = facts.acceptance;
    const blocked =
      !facts.licensed ||
      !acceptance.equipmentRemoved ||
      !acceptance.licenceChangedOrCancelled ||
      !acceptance.staffResettled ||
      decision === "pending" ||
      decision === "retain" ||
      isCatalogueProcessExit(facts);
    if (blocked) {
      const computed = {
        id: facts.id,
        township: facts.township,
        date: facts.exitCompletedOn,
        municipal: 0,
        district: 0,
        track: "none",
      };
      if (!wantOutcome) return computed;
      const basis = span.status(p.exitDeadline);
      const ctx = createContext(ruleSet, facts.exitCompletedOn, false).ctx;
      const findings = [
        ...wholeExitFindings(facts, ctx),
        ...grantedOffTrack(facts, "none", ctx),
        ...deadlineFindings(facts, deadline, ctx),
      ];
      const detail: EnterpriseRewardDetail = { deadline };
      const payment = { eligible: false, track: "none" as const, estimate: false, detail };
      return { ...computed, outcome: outcomeOf(facts, payment, 0, 0, basis, blockingReasons(facts, ctx), findings) };
    }

    const assessed = facts.municipalAssessedAmount;
    const raw = assessed === undefined ? formulaRaw(span, facts) : fixedOf(first, assessed);
    const standard = minFixed(raw, span.max);
    const municipal: Standard = {
      raw,
      standard,
      rounded: roundScaled(standard.m, standard.s, R, mode),
      meets: compareFixed(raw, span.min) >= 0,
      capApplied: compareFixed(raw, span.max) > 0,
    };
    const track = trackOf(facts, municipal.meets);
    let paidMunicipal = 0;
    let paidDistrict = 0;
    let small: { readonly cap: Value; readonly detail: SmallRewardDetail } | undefined;
    if (track === "municipal") paidMunicipal = municipal.rounded;
    else if (track === "district-supplement") {
      const rate = span.supplementRate;
      paidDistrict = roundScaled(multiplyFixed(rate, { m: municipal.rounded, s: R }).m, rate.s + R, R, mode);
    } else {
      const reward = smallReward(span, facts, wantOutcome);
      if (reward.detail !== undefined) small = { cap: reward.cap, detail: reward.detail };
      paidDistrict = reward.amount;
    }
    const estimate = track === "municipal" && facts.municipalOutcome === "pending";
    const computed = {
      id: facts.id,
      township: facts.township,
      date: facts.exitCompletedOn,
      municipal: paidMunicipal,
      district: paidDistrict,
      track,
    };
    if (!wantOutcome) return computed;

    // The weakest status among the parameters the rules read on this track (the outcome's basis).
    let basis = weaker(weaker(span.status(p.exitDeadline), span.status(p.municipalMin)), span.status(p.municipalMax));
    if (assessed === undefined) basis = weaker(weaker(basis, span.status(p.ratePerTce)), span.status(p.ratePerTonne));
    if (track === "district-supplement") basis = weaker(basis, span.status(p.supplementRate));
    if (track === "district-small")
      for (const handle of [p.taxScale, p.employeeScale, p.landScale, p.smallCap])
        basis = weaker(basis, span.status(handle));

    const ctx = createContext(ruleSet, facts.exitCompletedOn, false).ctx;
    const standardDecimals = standardOf(municipal, span);
    const reasons: Reason[] = [
      ...clearedReasons(facts, ctx),
      ...trackReasons(facts, standardDecimals, track, ctx),
      ...(small === undefined ? [] : smallRewardReasons(facts, small.cap.dec, small.detail, ctx)),
    ];
    const findings: Finding[] = [
      ...wholeExitFindings(facts, ctx),
      ...grantedOffTrack(facts, track, ctx),
      ...deadlineFindings(facts, deadline, ctx),
    ];
    const detail: EnterpriseRewardDetail = {
      municipalRaw: decimalString(raw.m, raw.s),
      municipalStandard: decimalString(standard.m, standard.s),
      municipalRounded: moneyString(municipal.rounded, R),
      meetsMunicipalStandard: municipal.meets,
      band: { min: span.min.dec.toString(), max: span.max.dec.toString() },
      capApplied: municipal.capApplied,
      ...(small === undefined ? {} : { small: small.detail }),
      deadline,
    };
    const payment = { eligible: true, track, estimate, detail };
    return { ...computed, outcome: outcomeOf(facts, payment, paidMunicipal, paidDistrict, basis, reasons, findings) };
  }

  /** raw = energySavedTce × ratePerTce + Σ tonnes × ratePerTonne[pollutant] (absent pollutants are 0). */
  function formulaRaw(span: Span, facts: EnterpriseExit): Fixed {
    let raw = multiplyFixed(fixedOf(first, facts.energySavedTce), span.ratePerTce);
    const tonnes = (facts as { pollutantsReducedTonnes?: { readonly [key: string]: unknown } }).pollutantsReducedTonnes;
    if (tonnes === undefined) return raw;
    POLLUTANTS.forEach((pollutant, index) => {
      const value = tonnes[pollutant];
      if (value !== undefined)
        raw = addFixed(raw, multiplyFixed(fixedOf(second, value), span.ratePerTonne[index] as Value));
    });
    return raw;
  }

  /** The small-enterprise reward: the three components rounded, their sum, the cap for the exit mode, the amount. */
  function smallReward(span: Span, facts: EnterpriseExit, wantDetail: boolean) {
    const given = (facts as { priorYearTax?: { readonly [key: string]: unknown } }).priorYearTax;
    let totalTax = FIXED_ZERO;
    if (given !== undefined)
      for (const type of TAX_TYPES) {
        const value = given[type];
        if (value !== undefined) totalTax = addFixed(totalTax, fixedOf(third, value));
      }
    const tax = roundScaledFixed(scaleAt(span.taxScale, totalTax));
    const employees = roundScaledFixed(scaleAt(span.employeeScale, { m: facts.employees, s: 0 }));
    const land = roundScaledFixed(scaleAt(span.landScale, fixedOf(first, facts.landAreaM2)));
    const sum = plus(plus(tax, employees), land);
    const cap = span.smallCap[facts.exitMode];
    const capped = compareFixed(cap, { m: sum, s: R }) < 0;
    const amount = capped ? roundScaled(cap.m, cap.s, R, mode) : sum;
    if (!wantDetail) return { cap, detail: undefined, amount };
    const detail: SmallRewardDetail = {
      tax: moneyString(tax, R),
      employees: moneyString(employees, R),
      land: moneyString(land, R),
      sum: moneyString(sum, R),
      cap: cap.dec.toString(),
      capApplied: compareFixed({ m: sum, s: R }, cap) > 0,
      amount: moneyString(amount, R),
    };
    return { cap, detail, amount };
  }

  function roundScaledFixed(value: Fixed): number {
    return roundScaled(value.m, value.s, R, mode);
  }

  function outcomeOf(
    facts: EnterpriseExit,
    payment: { eligible: boolean; track: Track; estimate: boolean; detail: EnterpriseRewardDetail },
    municipal: number,
    district: number,
    basis: Status,
    reasons: readonly Reason[],
    findings: readonly Finding[],
  ) {
    return assembleOutcome(domain, facts, ruleSet, payment, {
      amounts: {
        municipal: moneyString(municipal, R),
        district: moneyString(district, R),
        total: moneyString(municipal + district, R),
      },
      basis,
      reasons,
      findings: findings.length === 0 ? NONE : findings,
      trace: NONE,
    });
  }

  /** The municipal standard as the reference rules hold it (decimals), for the reasons that quote it. */
  function standardOf(municipal: Standard, span: Span): MunicipalStandard {
    const text = (value: Fixed) => new Dec(decimalString(value.m, value.s));
    return {
      raw: text(municipal.raw),
      standard: text(municipal.standard),
      rounded: new Dec(moneyString(municipal.rounded, R)),
      meets: municipal.meets,
      capApplied: municipal.capApplied,
      min: span.min.dec,
      max: span.max.dec,
    };
  }
}

/** The value of a scale at `x`, as `applyScale` (OpenFisca semantics), in scaled integers. */
function scaleAt(scale: FastScale, x: Fixed): Fixed {
  const brackets = scale.brackets;
  switch (scale.type) {
    case "marginal-rate": {
      let total = FIXED_ZERO;
      for (let index = 0; index < brackets.length; index += 1) {
        const bracket = brackets[index] as FastScale["brackets"][number];
        if (compareFixed(x, bracket.threshold) <= 0) continue;
        const next = brackets[index + 1];
        const top = next === undefined ? x : minFixed(x, next.threshold);
        total = addFixed(total, multiplyFixed(subtractFixed(top, bracket.threshold), bracket.rate));
      }
      return total;
    }
    case "single-amount":
      return bracketAt(scale, x)?.amount ?? FIXED_ZERO;
    case "single-rate": {
      const bracket = bracketAt(scale, x);
      return bracket === undefined ? FIXED_ZERO : multiplyFixed(x, bracket.rate);
    }
  }
}

function bracketAt(scale: FastScale, x: Fixed): FastScale["brackets"][number] | undefined {
  for (let index = scale.brackets.length - 1; index >= 0; index -= 1) {
    const bracket = scale.brackets[index] as FastScale["brackets"][number];
    if (compareFixed(bracket.threshold, x) <= 0) return bracket;
  }
  return undefined;
}

/** The parameters in force over a span in scaled integers, or undefined when one has no value or no fast form. */
function compileSpan(values: InForceValues): Span | undefined {
  const decimal = (value: unknown): Value | undefined => {
    if (!(value instanceof Dec)) return undefined;
    const scale = { scale: 0 };
    const m = readDecimal(value.toFixed(), scale);
    return m < 0 ? undefined : Object.freeze({ m, s: scale.scale, dec: value });
  };
  const cell = (parameter: AnyParameter, key: string) => {
    const table = values.get(parameter)?.value as { readonly [key: string]: unknown } | null | undefined;
    return typeof table === "object" && table !== null && Object.hasOwn(table, key) ? table[key] : undefined;
  };
  const scaleOf = (parameter: AnyParameter): FastScale | undefined => {
    const scale = values.get(parameter)?.value as Scale | null | undefined;
    if (typeof scale !== "object" || scale === null) return undefined;
    const brackets = [];
    for (const bracket of scale.brackets) {
      const threshold = decimal(bracket.threshold);
      const rate = decimal(bracket.rate);
      const amount = decimal(bracket.amount);
      if (threshold === undefined || rate === undefined || amount === undefined) return undefined;
      brackets.push({ threshold, rate, amount });
    }
    return { type: scale.type, brackets };
  };
  const ratePerTonne = POLLUTANTS.map((pollutant) => decimal(cell(p.ratePerTonne, pollutant)));
  const deadline = (key: DeadlineKey) => {
    const date = cell(p.exitDeadline, key);
    return typeof date === "string" ? date : undefined;
  };
  const span = {
    ratePerTce: decimal(values.get(p.ratePerTce)?.value),
    min: decimal(values.get(p.municipalMin)?.value),
    max: decimal(values.get(p.municipalMax)?.value),
    supplementRate: decimal(values.get(p.supplementRate)?.value),
    whole: decimal(cell(p.smallCap, "whole")),
    process: decimal(cell(p.smallCap, "process")),
    taxScale: scaleOf(p.taxScale),
    employeeScale: scaleOf(p.employeeScale),
    landScale: scaleOf(p.landScale),
    north: deadline("north"),
    south: deadline("south"),
    catalogue: deadline("catalogue"),
  };
  if (Object.values(span).some((value) => value === undefined) || ratePerTonne.some((rate) => rate === undefined))
    return undefined;
  const { min, max, whole, process, north, south, catalogue, ...rest } = span as {
    [K in keyof typeof span]: NonNullable<(typeof span)[K]>;
  };
  // A floor above the cap is the reference path's rule-set error to report.
  if (compareFixed(min, max) > 0) return undefined;
  const status = statusesOf(values);
  if (status === undefined) return undefined;
  return {
    ...rest,
    min,
    max,
    ratePerTonne: ratePerTonne as Value[],
    smallCap: { whole, process },
    exitDeadline: { north, south, catalogue },
    status,
  };
}

/**
 * The status of each parameter's value in force, looked up once per span; undefined when one has no value in force
 * (never `official` for want of a value: the span then has no fast form).
 */
function statusesOf(values: InForceValues): ((parameter: AnyParameter) => Status) | undefined {
  const statuses = new Map<string, Status>();
  for (const handle of Object.values(p) as AnyParameter[]) {
    const status = values.basis(handle);
    if (status === undefined) return undefined;
    statuses.set(handle.name, status);
  }
  return (parameter) => {
    const status = statuses.get(parameter.name);
    if (status === undefined) throw new Error(`[exitfund] invariant: ${parameter.name} is not read by enterprise-exit`);
    return status;
  };
}

/** The canonical JSON of an exit the kernel took: its shape is the schema's fields. */
const canonicalExit = shapedWriter({
  ...scalars(["kind", ...Object.keys(ENTERPRISE_EXIT_FIELDS)]),
  acceptance: scalars(["equipmentRemoved", "licenceChangedOrCancelled", "staffResettled"]),
  pollutantsReducedTonnes: scalars(POLLUTANTS),
  priorYearTax: scalars(TAX_TYPES),
});
