// The benchmarks' data: deterministic (seeded mulberry32), so every run, build and method computes the same batch.
//   - structure-clearance declarations of 50 items, mirroring scripts/sample-district/clearance.ts (its structure
//     mix, ranges and finding rates), except that 30 % of quantities carry 2 or 3 decimals: with the bundled integer
//     rates a 1-decimal quantity never needs rounding, so float64 could never be wrong;
//   - enterprise exits (bench/synthetic.ts), a tenth of them with a municipal amount assessed to the fen, so the
//     district supplement (0.7 × round(M)) lands on a half fen about one time in ten.
import { seededRandom, type Random } from "../scripts/sample-district/random.js";
import { TOWNSHIPS, syntheticCase } from "./synthetic.js";

/** Items per declaration, as in the review's harness. */
export const ITEMS_PER_DECLARATION = 50;

/** Structure types of `tongzhou-2016`, their unit, weight and range of one item (in tenths of a unit). */
const STRUCTURES: readonly (readonly [type: string, unit: string, weight: number, low: number, high: number])[] = [
  ["steel-concrete-frame", "m2", 6, 2_000, 30_000],
  ["brick-concrete", "m2", 18, 500, 15_000],
  ["brick-wood", "m2", 8, 200, 6_000],
  ["steel-frame", "m2", 20, 1_000, 30_000],
  ["simple", "m2", 18, 100, 4_000],
  ["hardened-ground", "m2", 12, 1_000, 50_000],
  ["enclosure-wall", "m", 10, 100, 4_000],
  ["other-structure", "item", 8, 1, 4],
];
const RATES: { readonly [type: string]: number } = {
  "steel-concrete-frame": 80,
  "brick-concrete": 60,
  "brick-wood": 45,
  "steel-frame": 35,
  simple: 25,
  "hardened-ground": 20,
  "enclosure-wall": 40,
  "other-structure": 2000,
};
const WEIGHTED = STRUCTURES.flatMap((entry) => Array.from({ length: entry[2] }, () => entry));
const M2_TYPES = STRUCTURES.filter((entry) => entry[1] === "m2").map((entry) => entry[0]);

/** A quantity of `units` hundredths or thousandths written as a decimal string ("1234.5", "12.345"). */
function written(units: number, decimals: number): string {
  const text = String(units).padStart(decimals + 1, "0");
  const whole = text.slice(0, -decimals);
  const fraction = text.slice(-decimals).replace(/0+$/, "");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

/** A quantity in the type's range: whole items, or area/length with 1 decimal (70 %) or 2–3 decimals (30 %). */
function quantityOf(random: Random, unit: string, low: number, high: number): string {
  if (unit === "item") return String(random.int(low, high));
  const tenths = random.logInt(low, high);
  if (random.chance(0.7)) return written(tenths, 1);
  const decimals = random.chance(0.5) ? 2 : 3;
  return written(tenths * 10 ** (decimals - 1) + random.int(1, 10 ** (decimals - 1) - 1), decimals);
}

/** The declared amount at the rates, to the fen by half-up, with integer arithmetic on the written digits. */
function atRates(quantity: string, rate: number): string {
  const [whole = "0", fraction = ""] = quantity.split(".");
  const scale = fraction.length;
  const product = BigInt(whole + fraction) * BigInt(rate); // × 10^-scale yuan
  const fen =
    scale <= 2
      ? product * 10n ** BigInt(2 - scale)
      : (product + 5n * 10n ** BigInt(scale - 3)) / 10n ** BigInt(scale - 2);
  const text = fen.toString().padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

function item(random: Random, id: string): object {
  const [type, unit, , low, high] = random.pick(WEIGHTED);
  const quantity = quantityOf(random, unit, low, high);
  let survey: { structureType: string; quantity: string } | undefined = { structureType: type, quantity };
  if (unit === "m2" && random.chance(0.012))
    survey = { structureType: random.pick(M2_TYPES.filter((t) => t !== type)), quantity };
  if (unit !== "item" && random.chance(0.025)) {
    const tenths = Math.max(1, Math.floor((Math.round(Number(quantity) * 10) * random.int(70, 97)) / 100));
    survey = { ...survey, quantity: written(tenths, 1) };
  }
  const builtOn = random.chance(0.006)
    ? `2016-${String(random.int(7, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`
    : random.chance(0.6)
      ? `${random.int(1992, 2015)}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`
      : undefined;
  if (random.chance(0.006)) survey = undefined;
  const declared = random.chance(0.85) ? atRates(quantity, RATES[type] ?? 0) : undefined;
  const declaredAmount =
    declared !== undefined && random.chance(0.012 / 0.85)
      ? (Number(declared.replace(".", "")) + 900).toString().replace(/(\d\d)$/, ".$1")
      : declared;
  return {
    id,
    structureType: type,
    quantity,
    ...(builtOn === undefined ? {} : { builtOn }),
    ...(declaredAmount === undefined ? {} : { declaredAmount }),
    ...(survey === undefined ? {} : { survey }),
  };
}

/**
 * Declarations of `ITEMS_PER_DECLARATION` items holding `items` items in all (the last one shorter), from `seed`,
 * numbered from `first`.
 */
export function declarations(items: number, seed = 20_160_614, first = 0): object[] {
  const random = seededRandom(seed);
  const out: object[] = [];
  for (let start = 0, n = first; start < items; start += ITEMS_PER_DECLARATION, n += 1) {
    const count = Math.min(ITEMS_PER_DECLARATION, items - start);
    out.push({
      kind: "structure-clearance",
      id: `C-${String(n).padStart(7, "0")}`,
      township: TOWNSHIPS[n % TOWNSHIPS.length],
      village: `示例村${(n % 37) + 1}`,
      site: `示例地块${n}·工业大院 (synthetic)`,
      declaredOn: `2016-${String(7 + (n % 6)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`,
      items: Array.from({ length: count }, (_, i) => item(random, String(i + 1).padStart(3, "0"))),
    });
  }
  return out;
}

/** `count` enterprise exits from `offset`; every tenth has a municipal amount assessed to the fen. */
export function enterpriseCases(count: number, offset = 0): object[] {
  return Array.from({ length: count }, (_, k) => {
    const i = offset + k;
    const base = syntheticCase(i) as { [key: string]: unknown };
    if (i % 10 !== 3) return base;
    const fen = 50_000_000 + ((i * 7_919_113) % 250_000_000);
    return { ...base, municipalAssessedAmount: `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}` };
  });
}
