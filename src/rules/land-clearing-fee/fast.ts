import { Dec } from "../../money/decimal.js";
import {
  NOT_FAST,
  compare,
  decimalString,
  moneyString,
  plus,
  pow10,
  readDecimal,
  rescale,
  roundScaled,
  times,
} from "../../money/scaled.js";
import type { Status } from "../../parameters/status.js";
import type { ClearanceRate, RuleSet } from "../../parameters/types.js";
import { MAX_LIST_ENTRIES, type ClearanceItem } from "../../schemas/cases.js";
import { scalars, shapedWriter } from "../../receipt/canonical.js";
import { decimalReader, isDate, isRecord, isText, keyCount, type DecimalRead } from "../../schemas/check.js";
import type { Finding } from "../../trace/types.js";
import { createContext } from "../context.js";
import type { AnyDomain } from "../domain.js";
import { assembleOutcome } from "../evaluate.js";
import { byEffectiveDate, CANONICAL, type BuiltInKernel, type FastCase } from "../fast.js";
import { structureClearanceParameters as p } from "./parameters.js";
import type { ClearanceDetail, DeclaredValue, VerifiedItem } from "./types.js";
import { declarationReasons } from "./verifyDeclaration.js";
import { itemFindings } from "./verifyItem.js";

/** A rate of `clearance.rates` in scaled integers, with its text as the sheet shows it. */
interface Rate {
  readonly unit: ClearanceRate["unit"];
  readonly m: number;
  readonly s: number;
  readonly text: string;
}

/** The clearance parameters in force over a span of dates. */
interface Span {
  readonly rates: ReadonlyMap<string, Rate>;
  readonly cutoffDate: string;
  readonly requireSurvey: boolean;
  /** Every verification reads the rates, the cut-off date and the survey requirement. */
  readonly basis: Status;
}

const NONE: readonly never[] = Object.freeze([]);
const FIELDS = 7; // kind, id, township, village, site, declaredOn, items: all required

/**
 * 腾地经费快速核定 · the fast evaluator of `structureClearance` (`verifyDeclaration` with the domain's own parts):
 * each item's declared fee and fee as scaled integers, rounded as the rule set says, the declared total rounded
 * once, the findings checked as flags and built (by `itemFindings`) only for an item that has one.
 *
 * @remarks Declines — the reference path then validates, reports or computes — a declaration its schema or
 * `checkDeclaration` refuses (an unknown structure type, a fractional count, a survey in another unit, an item id
 * twice), a date without every parameter in force, and any figure past 2^53.
 */
export function clearanceKernel(ruleSet: RuleSet, domain: AnyDomain): BuiltInKernel | undefined {
  const spanOn = byEffectiveDate(ruleSet, [p.rates, p.cutoffDate, p.requireSurvey], (values): Span | undefined => {
    const rates = values.get(p.rates)?.value as { readonly [type: string]: ClearanceRate } | null | undefined;
    const cutoffDate = values.get(p.cutoffDate)?.value;
    const requireSurvey = values.get(p.requireSurvey)?.value;
    // Defined whenever the three are in force (checked here): the basis of the values the verification reads.
    const basis = values.basis(p.rates, p.cutoffDate, p.requireSurvey);
    if (typeof rates !== "object" || rates === null || basis === undefined) return undefined;
    if (typeof cutoffDate !== "string" || typeof requireSurvey !== "boolean") return undefined;
    const scaled = new Map<string, Rate>();
    const scale = { scale: 0 };
    for (const type of Object.keys(rates)) {
      const rate = rates[type] as ClearanceRate;
      const m = readDecimal(rate.rate.toFixed(), scale);
      if (m < 0) return undefined;
      scaled.set(type, Object.freeze({ unit: rate.unit, m, s: scale.scale, text: rate.rate.toString() }));
    }
    return { rates: scaled, cutoffDate, requireSurvey, basis };
  });
  const { scale: R, mode } = ruleSet.rounding;
  const quantity = decimalReader();
  const surveyed = decimalReader();
  const declared = decimalReader();

  return {
    run(input, wantOutcome) {
      if (!isRecord(input) || keyCount(input) !== FIELDS) return undefined;
      const { kind, id, township, village, site, declaredOn, items } = input;
      if (kind !== "structure-clearance" || !isText(id) || !isText(township) || !isText(village) || !isText(site))
        return undefined;
      if (!isDate(declaredOn) || !Array.isArray(items) || items.length === 0 || items.length > MAX_LIST_ENTRIES)
        return undefined;
      const span = spanOn(declaredOn);
      if (span === undefined) return undefined;
      try {
        return declaration(span, id, township, village, site, declaredOn, items as readonly unknown[], wantOutcome);
      } catch (error) {
        if (error === NOT_FAST) return undefined;
        throw error;
      }
    },
    [CANONICAL]: canonicalDeclaration,
  };

  function declaration(
    span: Span,
    id: string,
    township: string,
    village: string,
    site: string,
    declaredOn: string,
    items: readonly unknown[],
    wantOutcome: boolean,
  ): FastCase | undefined {
    const seen = new Set<string>();
    const ctx = wantOutcome ? createContext(ruleSet, declaredOn, false).ctx : undefined;
    const rows: VerifiedItem[] = [];
    const byItem: DeclaredValue[] = [];
    let findings: Finding[] | undefined;
    let approvedTotal = 0;
    let declaredSum = 0;
    let declaredScale = R;
    let given = 0;
    let surveyedCount = 0;
    let paid = 0;
    let withFindings = 0;
    for (let index = 0; index < items.length; index += 1) {
      const item = items[index];
      if (!isRecord(item)) return undefined;
      const { id: itemId, structureType, builtOn, declaredAmount, survey } = item;
      const present =
        3 + (builtOn === undefined ? 0 : 1) + (declaredAmount === undefined ? 0 : 1) + (survey === undefined ? 0 : 1);
      if (keyCount(item) !== present || !isText(itemId) || !isText(structureType) || seen.has(itemId)) return undefined;
      seen.add(itemId);
      if (builtOn !== undefined && !isDate(builtOn)) return undefined;
      const q = quantity(item.quantity);
      const declaredRate = span.rates.get(structureType);
      if (q.m < 0 || declaredRate === undefined || !wholeFor(declaredRate, q)) return undefined;
      let approvedType = structureType;
      let approvedRate = declaredRate;
      let s: DecimalRead | undefined;
      if (survey !== undefined) {
        if (!isRecord(survey) || keyCount(survey) !== 2 || !isText(survey.structureType)) return undefined;
        s = surveyed(survey.quantity);
        const rate = span.rates.get(survey.structureType);
        if (s.m < 0 || rate === undefined || rate.unit !== declaredRate.unit || !wholeFor(rate, s)) return undefined;
        approvedType = survey.structureType;
        approvedRate = rate;
      }
      const d = declaredAmount === undefined ? undefined : declared(declaredAmount);
      if (d !== undefined && d.m < 0) return undefined;

      const atRates = roundScaled(times(q.m, declaredRate.m), q.s + declaredRate.s, R, mode);
      const built = builtOn !== undefined && builtOn > span.cutoffDate;
      // The approved quantity (mantissa, scale): 0 when rush-built or unsurveyed with a survey required, else min.
      let am = 0;
      let as = 0;
      if (!built && (s !== undefined || !span.requireSurvey)) {
        const smaller = s !== undefined && compare(s.m, s.s, q.m, q.s) < 0 ? s : q;
        am = smaller.m;
        as = smaller.s;
      }
      const fee = roundScaled(times(am, approvedRate.m), as + approvedRate.s, R, mode);
      approvedTotal = plus(approvedTotal, fee);
      const valueM = d === undefined ? atRates : d.m;
      const valueS = d === undefined ? R : d.s;
      if (valueS > declaredScale) {
        declaredSum = rescale(declaredSum, declaredScale, valueS);
        declaredScale = valueS;
      }
      declaredSum = plus(declaredSum, rescale(valueM, valueS, declaredScale));
      const flagged =
        s === undefined ||
        built ||
        approvedType !== structureType ||
        compare(q.m, q.s, s.m, s.s) > 0 ||
        (d !== undefined && compare(d.m, d.s, atRates, R) !== 0);
      if (s !== undefined) surveyedCount += 1;
      if (fee !== 0) paid += 1;
      if (d !== undefined) given += 1;
      if (flagged) withFindings += 1;
      if (ctx === undefined) continue;

      let codes: string[] = [];
      if (flagged) {
        const facts: ClearanceItem = {
          id: itemId,
          structureType,
          quantity: q.text,
          ...(builtOn === undefined ? {} : { builtOn }),
          ...(d === undefined ? {} : { declaredAmount: d.text }),
          ...(s === undefined ? {} : { survey: { structureType: approvedType, quantity: s.text } }),
        };
        const found = itemFindings({ ...facts, declaredFee: new Dec(moneyString(atRates, R)) }, ctx).value;
        codes = found.map((finding) => finding.code);
        (findings ??= []).push(...found);
      }
      const feeText = moneyString(fee, R);
      rows.push({
        id: itemId,
        declaredType: structureType,
        declaredQuantity: q.text,
        approvedType,
        approvedQuantity: decimalString(am, as),
        unit: approvedRate.unit,
        rate: approvedRate.text,
        fee: feeText,
        ...(d === undefined ? {} : { declaredAmount: d.text }),
        findings: codes,
      });
      byItem.push(
        d === undefined
          ? { id: itemId, amount: moneyString(atRates, R), basis: "declared-quantity-at-rate" }
          : { id: itemId, amount: d.text, basis: "declared-amount" },
      );
    }
    const declaredTotal = roundScaled(declaredSum, declaredScale, R, mode);
    const computed = { id, township, date: declaredOn, municipal: 0, district: approvedTotal };
    if (ctx === undefined) return computed;

    const approvedText = moneyString(approvedTotal, R);
    const detail: ClearanceDetail = {
      village,
      site,
      declaredOn,
      items: rows,
      totals: {
        declared: moneyString(declaredTotal, R),
        approved: approvedText,
        difference: moneyString(approvedTotal - declaredTotal, R),
      },
      declaredBasis:
        given === items.length ? "declared-amounts" : given === 0 ? "declared-quantities-at-rates" : "mixed",
      declaredByItem: byItem,
    };
    const counts = {
      items: items.length,
      surveyed: surveyedCount,
      paid,
      zero: items.length - paid,
      withFindings,
    };
    const facts = { kind: "structure-clearance", id, township };
    const outcome = assembleOutcome(
      domain,
      facts,
      ruleSet,
      { eligible: true, estimate: false, detail },
      {
        amounts: { municipal: moneyString(0, R), district: approvedText, total: approvedText },
        basis: span.basis,
        reasons: declarationReasons(township, counts, approvedText, ctx),
        findings: findings ?? NONE,
        trace: NONE,
      },
    );
    return { ...computed, outcome };
  }
}

/** A quantity is whole where the unit counts items (其他构筑物: 1.5 items has no meaning). */
function wholeFor(rate: Rate, read: DecimalRead): boolean {
  if (rate.unit !== "item" || read.s === 0 || read.m === 0) return true;
  return read.s <= 15 && read.m % pow10(read.s) === 0;
}

/** The canonical JSON of a declaration the kernel took (the schema's keys, as the kernel reads them). */
const canonicalDeclaration = shapedWriter({
  ...scalars(["kind", "id", "township", "village", "site", "declaredOn"]),
  items: [
    {
      ...scalars(["id", "structureType", "quantity", "builtOn", "declaredAmount"]),
      survey: scalars(["structureType", "quantity"]),
    },
  ],
});
