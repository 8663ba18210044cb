import { dec } from "../../src/money/decimal.js";
import { toMoneyString } from "../../src/money/round.js";
import { valueInForce } from "../../src/parameters/lookup.js";
import type { ClearanceRate, RuleSet } from "../../src/parameters/types.js";
import type { CaseInput } from "../../src/schemas/cases.js";
import { addDays, dayOf, isoOf } from "./dates.js";
import { type Random, scaled } from "./random.js";
import { TOWNSHIPS, villageName } from "./townships.js";

export type ClearanceInput = Extract<CaseInput, { kind: "structure-clearance" }>;
type ItemInput = ClearanceInput["items"][number];

/** Structure types (the keys of `clearance.rates`), how often a site has them, and the range of one item in tenths of a unit. */
const STRUCTURES: readonly (readonly [string, number, number, number])[] = [
  ["steel-concrete-frame", 6, 2_000, 30_000],
  ["brick-concrete", 18, 500, 15_000],
  ["brick-wood", 8, 200, 6_000],
  ["steel-frame", 20, 1_000, 30_000],
  ["simple", 18, 100, 4_000],
  ["hardened-ground", 12, 1_000, 50_000],
  ["enclosure-wall", 10, 100, 4_000],
  ["other-structure", 8, 1, 4],
];

/** How often each finding is planted per item (the rest are surveyed, matching, and declared at the rates). */
const FINDING_RATES = {
  typeMismatch: 0.012,
  quantityExceedsSurvey: 0.025,
  builtAfterCutoff: 0.006,
  unsurveyed: 0.006,
  amountMismatch: 0.012,
} as const;

export const DECLARATION_COUNT = 300;

/** One structure item of a declaration. */
function item(
  random: Random,
  id: string,
  declaredOn: string,
  rates: Readonly<Record<string, ClearanceRate>>,
  ruleSet: RuleSet,
): ItemInput {
  const [type, , low, high] = random.pick(STRUCTURES.flatMap((entry) => Array.from({ length: entry[1] }, () => entry)));
  const unit = rates[type]?.unit ?? "m2";
  const quantity = unit === "item" ? String(random.int(low, high)) : scaled(random.logInt(low, high), 1);
  let survey: { structureType: string; quantity: string } | undefined = { structureType: type, quantity };
  if (unit === "m2" && random.chance(FINDING_RATES.typeMismatch)) {
    // The surveyor found a cheaper structure of the same unit (e.g. 砖混 declared, 简易房 found).
    const others = STRUCTURES.filter(([key]) => key !== type && rates[key]?.unit === "m2").map(([key]) => key);
    survey = { structureType: random.pick(others), quantity };
  }
  if (unit !== "item" && random.chance(FINDING_RATES.quantityExceedsSurvey)) {
    const tenths = Number(quantity.replace(".", ""));
    survey = { ...survey, quantity: scaled(Math.max(1, Math.floor((tenths * random.int(70, 97)) / 100)), 1) };
  }
  const lateBuildDays = dayOf(declaredOn) - dayOf(CUTOFF_PLUS_ONE);
  const builtAfterCutoff = lateBuildDays > 10 && random.chance(FINDING_RATES.builtAfterCutoff);
  const builtOn = builtAfterCutoff
    ? addDays(CUTOFF_PLUS_ONE, random.int(0, lateBuildDays - 5))
    : random.chance(0.6)
      ? isoOf(dayOf("1992-01-01") + random.int(0, 8_400))
      : undefined;
  if (random.chance(FINDING_RATES.unsurveyed)) survey = undefined;
  const atRates = toMoneyString(dec(quantity).times(rates[type]?.rate ?? 0), ruleSet.rounding);
  const declaredAmount = random.chance(0.85)
    ? random.chance(FINDING_RATES.amountMismatch / 0.85)
      ? mismatched(random, atRates)
      : atRates
    : undefined;
  return {
    id,
    structureType: type,
    quantity,
    ...(builtOn === undefined ? {} : { builtOn }),
    ...(declaredAmount === undefined ? {} : { declaredAmount }),
    ...(survey === undefined ? {} : { survey }),
  };
}

const CUTOFF_PLUS_ONE = "2016-06-15";

/** A declared amount that does not match the rates: a typo, a rate of another year, or a rounded-up figure. */
function mismatched(random: Random, atRates: string): string {
  const way = random.weighted([
    ["inflated", 50],
    ["round-up", 30],
    ["typo", 20],
  ] as const);
  const amount = dec(atRates);
  if (way === "inflated") return toMoneyString(amount.times(100 + random.int(5, 25)).dividedBy(100));
  if (way === "round-up")
    return toMoneyString(
      amount
        .dividedBy(1000)
        .ceil()
        .times(1000)
        .plus(amount.modulo(1000).isZero() ? 1000 : 0),
    );
  return toMoneyString(
    amount
      .plus(random.pick(["9", "90", "900", "-9", "-90"]))
      .abs()
      .plus(amount.isZero() ? 10 : 0),
  );
}

/**
 * 腾地经费申报 · about 300 land-clearing declarations with about 15,000 structure items, spread over the
 * townships like the exits, declared from July 2016 (after the cut-off date) to November 2017.
 */
export function generateClearance(random: Random, ruleSet: RuleSet): ClearanceInput[] {
  const weights = TOWNSHIPS.map((township) => [township.name, township.enterprises] as const);
  const declarations: ClearanceInput[] = [];
  for (let n = 1; n <= DECLARATION_COUNT; n += 1) {
    const townshipName = random.weighted(weights);
    const township = TOWNSHIPS.find((t) => t.name === townshipName) ?? TOWNSHIPS[0];
    if (township === undefined) throw new Error("no townships");
    const declaredOn = isoOf(
      dayOf(township.region === "north" ? "2016-07-01" : "2016-08-01") +
        random.int(0, township.region === "north" ? 300 : 480),
    );
    const rates = valueInForce<Readonly<Record<string, ClearanceRate>>>(ruleSet, "clearance.rates", declaredOn).value;
    const count = random.int(12, 88);
    const id = `C-${String(n).padStart(4, "0")}`;
    declarations.push({
      kind: "structure-clearance",
      id,
      township: township.name,
      village: villageName(random.int(1, township.villages)),
      site: `示例地块${String(n).padStart(3, "0")}·${random.pick(["工业大院", "厂区", "加工点", "物流场站", "养殖小区"])} (synthetic)`,
      declaredOn,
      items: Array.from({ length: count }, (_, i) =>
        item(random, String(i + 1).padStart(3, "0"), declaredOn, rates, ruleSet),
      ),
    });
  }
  return declarations;
}
