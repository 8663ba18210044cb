import type { CaseInput } from "../../src/schemas/cases.js";
import { addDays, dayOf, isoOf } from "./dates.js";
import { type Random, scaled } from "./random.js";
import { TOWNSHIPS, villageName } from "./townships.js";

export type VillageInput = Extract<CaseInput, { kind: "village-compensation" }>;
type LeaseInput = VillageInput["leases"][number];

export const VILLAGE_CASE_COUNT = 120;
/** Cases whose leases in force cover more land than the site (a finding for the collective to explain). */
const OVER_LEASED = 4;

/** Remaining lease terms: ended before clearance, within the 3-year cap, or beyond it (months after clearance). */
function leaseEnd(random: Random, clearedOn: string): string {
  const term = random.weighted([
    ["ended", 10],
    ["within-cap", 60],
    ["beyond-cap", 30],
  ] as const);
  if (term === "ended") return addDays(clearedOn, -random.int(10, 700));
  return addDays(clearedOn, term === "within-cap" ? random.int(20, 1_060) : random.int(1_130, 5_400));
}

/** The leases of a site: their areas (tenths of a mu) add up to at most the site, or to more when `overLeased`. */
function leases(
  random: Random,
  siteTenths: number,
  zone: VillageInput["zoneType"],
  clearedOn: string,
  overLeased: boolean,
): LeaseInput[] {
  const count = zone === "industrial-compound" ? random.int(1, 6) : random.int(1, 3);
  const shares = Array.from({ length: count }, () => random.int(5, 20));
  const sum = shares.reduce((a, b) => a + b, 0);
  const coveredPercent = overLeased ? random.int(112, 140) : random.int(55, 96);
  const rentPerMu = zone === "industrial-compound" ? random.int(80, 300) * 100 : random.int(10, 40) * 100;
  return shares.map((share, i) => {
    const tenths = Math.max(1, Math.floor((siteTenths * coveredPercent * share) / (100 * sum)));
    const rent = Math.round((tenths * rentPerMu * random.int(85, 115)) / 1_000 / 100) * 100;
    return {
      id: `L${i + 1}`,
      tenant: `示例租户${String(random.int(1, 999)).padStart(3, "0")} (synthetic)`,
      landAreaMu: scaled(tenths, 1),
      annualRent: scaled(Math.max(100, rent), 0),
      // Leases of an over-leased site are all in force, so the excess is real.
      leaseEndsOn: overLeased ? addDays(clearedOn, random.int(200, 2_000)) : leaseEnd(random, clearedOn),
    };
  });
}

/**
 * 村集体补偿 · about 120 village-collective compensations for cleared 工业大院 (industrial compounds) and
 * 养殖小区 (breeding zones), each with 1–6 leases: some ended before clearance, some running beyond the
 * compensation cap, and a few sites whose leases cover more land than the site.
 */
export function generateVillages(random: Random): VillageInput[] {
  const weights = TOWNSHIPS.map((township) => [township.name, township.enterprises] as const);
  const over = new Set(
    random.shuffle(Array.from({ length: VILLAGE_CASE_COUNT }, (_, i) => i + 1)).slice(0, OVER_LEASED),
  );
  return Array.from({ length: VILLAGE_CASE_COUNT }, (_, i) => {
    const n = i + 1;
    const township = TOWNSHIPS.find((t) => t.name === random.weighted(weights)) ?? TOWNSHIPS[0];
    if (township === undefined) throw new Error("no townships");
    const zoneType = random.chance(0.7) ? ("industrial-compound" as const) : ("breeding-zone" as const);
    const siteTenths = zoneType === "industrial-compound" ? random.logInt(400, 4_000) : random.logInt(200, 4_100);
    const clearedOn = isoOf(dayOf("2016-03-15") + random.int(0, township.region === "north" ? 290 : 620));
    return {
      kind: "village-compensation",
      id: `V-${String(n).padStart(4, "0")}`,
      township: township.name,
      village: villageName(random.int(1, township.villages)),
      zoneType,
      clearedOn,
      landAreaMu: scaled(siteTenths, 1),
      leases: leases(random, siteTenths, zoneType, clearedOn, over.has(n)),
    };
  });
}
