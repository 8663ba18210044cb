// The naive references of the benches: the arithmetic of DESIGN §4 written plainly with decimal.js — a Decimal for
// every operand, the bundled rule set's values read per case, no validation — as a programmer would write it. It is
// the yardstick of `npm run bench` (bench/ratio.ts) and the exactness reference of bench/programme.ts.
import Decimal from "decimal.js";
import bundled from "../src/rule-sets/tongzhou-2016.json" with { type: "json" };

// ---------------------------------------------------------------------------------------------------------------
// The naive references: a Decimal for every operand, as a programmer would write the policy from DESIGN §4 with
// decimal.js and the bundled rule set's values (read once per date), without validation.

export const D = Decimal.clone({ precision: 60 });
const HALF_UP = Decimal.ROUND_HALF_UP;
export type Json = { readonly [key: string]: unknown };
const PARAMETERS = bundled.parameters as unknown as {
  readonly [name: string]: { values: { from: string; value: unknown }[] };
};

/** The value of a bundled parameter in force on a date (the last whose `from` ≤ date). */
export function inForce(name: string, on: string): unknown {
  const values = PARAMETERS[name]?.values ?? [];
  let found: unknown;
  for (const entry of values) if (entry.from <= on) found = entry.value;
  return found;
}

export const round = (x: Decimal) => x.toDecimalPlaces(2, HALF_UP);

export interface NaiveDeclaration {
  readonly fees: Decimal[];
  readonly declared: Decimal;
  readonly approved: Decimal;
  readonly difference: Decimal;
}

/** Structure items, naively: the §4.2 arithmetic per item and per declaration, totals per township. */
export function naiveClearance(cases: readonly Json[]): { declarations: NaiveDeclaration[]; total: Decimal } {
  const out: NaiveDeclaration[] = [];
  let total = new D(0);
  const byTownship = new Map<string, Decimal>();
  for (const c of cases) {
    const on = c.declaredOn as string;
    const rates = inForce("clearance.rates", on) as { [type: string]: { rate: string } };
    const cutoff = inForce("clearance.cutoffDate", on) as string;
    const requireSurvey = inForce("clearance.requireSurvey", on) as boolean;
    const fees: Decimal[] = [];
    let declaredSum = new D(0);
    let approved = new D(0);
    for (const item of c.items as Json[]) {
      const survey = item.survey as Json | undefined;
      const type = (survey?.structureType as string | undefined) ?? (item.structureType as string);
      const declaredQuantity = new D(item.quantity as string);
      let quantity: Decimal;
      if (item.builtOn !== undefined && (item.builtOn as string) > cutoff) quantity = new D(0);
      else if (survey === undefined) quantity = requireSurvey ? new D(0) : declaredQuantity;
      else quantity = D.min(declaredQuantity, new D(survey.quantity as string));
      const fee = round(new D(rates[type]?.rate as string).times(quantity));
      fees.push(fee);
      approved = approved.plus(fee);
      const atRates = round(new D(rates[item.structureType as string]?.rate as string).times(declaredQuantity));
      declaredSum = declaredSum.plus(
        item.declaredAmount === undefined ? atRates : new D(item.declaredAmount as string),
      );
    }
    const declared = round(declaredSum);
    out.push({ fees, declared, approved, difference: approved.minus(declared) });
    byTownship.set(c.township as string, (byTownship.get(c.township as string) ?? new D(0)).plus(approved));
    total = total.plus(approved);
  }
  return { declarations: out, total };
}

/** A scale at x (OpenFisca semantics, as DESIGN §6 says). */
function naiveScale(
  scale: { type: string; brackets: { threshold: string; rate?: string; amount?: string }[] },
  x: Decimal,
) {
  const brackets = scale.brackets;
  if (scale.type === "marginal-rate") {
    let sum = new D(0);
    brackets.forEach((bracket, index) => {
      const threshold = new D(bracket.threshold);
      if (x.lte(threshold)) return;
      const next = brackets[index + 1];
      const top = next === undefined ? x : D.min(x, new D(next.threshold));
      sum = sum.plus(top.minus(threshold).times(new D(bracket.rate ?? "0")));
    });
    return sum;
  }
  const bracket = brackets.findLast((b) => new D(b.threshold).lte(x));
  if (bracket === undefined) return new D(0);
  return scale.type === "single-amount" ? new D(bracket.amount ?? "0") : x.times(new D(bracket.rate ?? "0"));
}

/** Enterprise exits, naively: the §4.1 tracks, the municipal standard, the supplement and the small reward. */
export function naiveEnterprise(cases: readonly Json[]): { amounts: [Decimal, Decimal][]; total: Decimal } {
  const amounts: [Decimal, Decimal][] = [];
  let total = new D(0);
  for (const c of cases) {
    const on = c.exitCompletedOn as string;
    const acceptance = c.acceptance as { [flag: string]: boolean };
    const blocked =
      c.licensed !== true ||
      !acceptance.equipmentRemoved ||
      !acceptance.licenceChangedOrCancelled ||
      !acceptance.staffResettled ||
      (c.exemptCategory !== undefined && c.leadingGroupDecision !== "exit") ||
      (c.catalogueIndustry !== undefined && c.exitMode === "process");
    let municipal = new D(0);
    let district = new D(0);
    if (!blocked) {
      let raw: Decimal;
      if (c.municipalAssessedAmount !== undefined) raw = new D(c.municipalAssessedAmount as string);
      else {
        raw = new D(c.energySavedTce as string).times(new D(inForce("reward.municipal.ratePerTce", on) as string));
        const perTonne = inForce("reward.municipal.ratePerTonne", on) as { [pollutant: string]: string };
        for (const [pollutant, tonnes] of Object.entries((c.pollutantsReducedTonnes ?? {}) as Json))
          raw = raw.plus(new D(tonnes as string).times(new D(perTonne[pollutant] as string)));
      }
      const standard = D.min(raw, new D(inForce("reward.municipal.max", on) as string));
      const meets = raw.gte(new D(inForce("reward.municipal.min", on) as string));
      if (c.scale === "above" && meets && (c.municipalOutcome === "granted" || c.municipalOutcome === "pending"))
        municipal = round(standard);
      else if (meets && c.recommendedByDistrict === true)
        district = round(new D(inForce("reward.district.supplementRate", on) as string).times(round(standard)));
      else {
        const taxes = Object.values((c.priorYearTax ?? {}) as Json).reduce<Decimal>(
          (sum, t) => sum.plus(t as string),
          new D(0),
        );
        type ScaleJson = Parameters<typeof naiveScale>[0];
        const sum = round(naiveScale(inForce("reward.small.taxScale", on) as ScaleJson, taxes))
          .plus(round(naiveScale(inForce("reward.small.employeeScale", on) as ScaleJson, new D(c.employees as number))))
          .plus(round(naiveScale(inForce("reward.small.landScale", on) as ScaleJson, new D(c.landAreaM2 as string))));
        const cap = new D(
          (inForce("reward.small.cap", on) as { [mode: string]: string })[c.exitMode as string] as string,
        );
        district = round(D.min(cap, sum));
      }
    }
    amounts.push([municipal, district]);
    total = total.plus(municipal).plus(district);
  }
  return { amounts, total };
}
