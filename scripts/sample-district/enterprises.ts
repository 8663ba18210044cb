import type { CaseInput } from "../../src/schemas/cases.js";
import { EXEMPT_CATEGORIES } from "../../src/vocabulary.js";
import { dayOf, isoOf } from "./dates.js";
import { type Random, scaled } from "./random.js";
import { TOWNSHIPS, type Township } from "./townships.js";

export type EnterpriseInput = Extract<CaseInput, { kind: "enterprise-exit" }>;
type CatalogueIndustry = NonNullable<EnterpriseInput["catalogueIndustry"]>;
type ExemptCategory = NonNullable<EnterpriseInput["exemptCategory"]>;

/**
 * The profiles of the sample's exits and how many of each (the rest are ordinary small firms).
 * Exact counts, not probabilities, so the mix is the same whatever the seed.
 */
export const PROFILE_COUNTS = {
  /** 规模以上, meets the municipal standard: granted / pending / not granted / not applied. */
  "above-meets": 128,
  /** 规模以上, below the municipal standard: small-enterprise track. */
  "above-below-standard": 74,
  /** 规模以下 but meets the municipal standard and recommended by the district: 70 % supplement. */
  "below-recommended": 42,
  /** 规模以下, meets the standard, not recommended: small-enterprise track. */
  "below-not-recommended": 9,
  /** 环节退出 of a polluting process: small-enterprise track with the process cap (with the 2 below, the 140 process exits of N1). */
  "small-process": 138,
  /** 无证照经营: cleared, no reward. */
  unlicensed: 86,
  /** One acceptance condition not met (equipment, licence, staff): no reward yet. */
  "acceptance-failed": 51,
  /** 暂缓类别 (high-tech, listed, …) with the leading group's decision pending / retain / exit. */
  exempt: 12,
  /** An industry of the 2014 municipal exit catalogue (整体退出, due 2016-12-31). */
  catalogue: 94,
  /** A catalogue industry trying to exit by process only (not allowed). */
  "catalogue-process": 2,
} as const;

type Profile = keyof typeof PROFILE_COUNTS | "small";

const TRADES = [
  "五金加工",
  "塑料制品",
  "家具制造",
  "印刷",
  "包装材料",
  "建材经营",
  "服装加工",
  "木制品",
  "食品加工",
  "机械加工",
  "纸制品",
  "橡胶制品",
  "汽车修理",
  "废旧物资回收",
  "仓储物流",
  "金属制品",
  "玻璃制品",
  "小型砖厂",
] as const;

const CATALOGUE: readonly (readonly [CatalogueIndustry, string, number])[] = [
  ["asphalt-waterproofing", "沥青防水材料", 8],
  ["stone-processing", "石材加工", 14],
  ["chemical-pesticides", "化学农药", 2],
  ["solvent-coatings", "溶剂型涂料", 6],
  ["wood-panels", "人造板", 12],
  ["casting", "铸造", 16],
  ["forging", "锻造", 9],
  ["electroplating", "电镀", 7],
  ["solvent-coated-furniture", "家具喷涂", 22],
];

const EXEMPT: readonly ExemptCategory[] = EXEMPT_CATEGORIES;
const EXEMPT_DECISIONS = [
  "pending",
  "pending",
  "pending",
  "pending",
  "retain",
  "retain",
  "retain",
  "retain",
  "exit",
  "exit",
  "exit",
  "exit",
] as const;

/** A profile for every one of the 2,776 slots, in a seeded order. */
function profiles(random: Random, total: number): Profile[] {
  const special = Object.entries(PROFILE_COUNTS).flatMap(([profile, count]) =>
    Array.from({ length: count }, () => profile as Profile),
  );
  return random.shuffle([...special, ...Array.from({ length: total - special.length }, () => "small" as const)]);
}

/** Money from a whole number of fen. */
const fen = (amount: number) => scaled(amount, 2);

/** A prior-year tax split into VAT, income tax and other taxes (all three present; yuan with fen). */
function taxOf(random: Random, totalFen: number): { vat: string; corporateIncome: string; other: string } {
  const vat = Math.floor((totalFen * random.int(55, 75)) / 100);
  const corporateIncome = Math.floor(((totalFen - vat) * random.int(50, 85)) / 100);
  return { vat: fen(vat), corporateIncome: fen(corporateIncome), other: fen(totalFen - vat - corporateIncome) };
}

/** Prior-year tax of a small firm: most pay some tens of thousands; a few pay almost nothing. */
function smallTax(random: Random): { vat: string; corporateIncome: string; other: string } | undefined {
  const kind = random.weighted([
    ["normal", 78],
    ["tiny", 14],
    ["none", 8],
  ] as const);
  if (kind === "none") return undefined;
  return taxOf(
    random,
    kind === "tiny" ? random.int(20_000, 300_000) : random.logInt(3_000, 480_000) * 100 + random.int(0, 99),
  );
}

/** Pollutant reductions in tonnes with two decimals, `count` pollutants drawn from those a trade emits. */
function pollutants(random: Random, maxHundredths: number, count: number): EnterpriseInput["pollutantsReducedTonnes"] {
  const keys = random
    .shuffle(["so2", "nox", "cod", "ammoniaNitrogen", "vocs", "particulates"] as const)
    .slice(0, count);
  return Object.fromEntries(keys.map((key) => [key, scaled(random.int(5, maxHundredths), 2)]));
}

/** The exit date: north and catalogue exits were due by 2016-12-31, south by 2017-12-31; `late` exits finished after that. */
function exitDate(random: Random, due: "2016" | "2017", late: boolean): string {
  if (late)
    return due === "2016"
      ? isoOf(dayOf("2017-01-04") + random.int(0, 110))
      : isoOf(dayOf("2018-01-03") + random.int(0, 40));
  if (due === "2016") return isoOf(dayOf("2016-03-01") + random.int(0, 305));
  return isoOf(dayOf("2016-03-01") + random.int(0, 650));
}

interface Draft {
  readonly profile: Profile;
  readonly number: number;
  readonly township: Township;
  /** The how-manieth exempt firm this is (their decisions are spread evenly). */
  readonly exemptIndex: number;
}

/** One enterprise-exit case. */
function enterprise(random: Random, { profile, number, township, exemptIndex }: Draft): EnterpriseInput {
  const id = `E-2016-${String(number).padStart(4, "0")}`;
  const catalogue =
    profile === "catalogue" || profile === "catalogue-process"
      ? random.weighted(CATALOGUE.map(([key, , w]) => [key, w] as const))
      : undefined;
  const trade =
    catalogue === undefined
      ? profile === "unlicensed"
        ? `${random.pick(TRADES)}(无照)`
        : random.pick(TRADES)
      : (CATALOGUE.find(([key]) => key === catalogue)?.[1] ?? "");
  const above =
    profile === "above-meets" ||
    profile === "above-below-standard" ||
    (catalogue !== undefined && random.chance(0.15)) ||
    (profile === "exempt" && random.chance(0.5));
  const due = catalogue !== undefined || township.region === "north" ? "2016" : "2017";
  const late = random.chance(due === "2016" ? 0.035 : 0.004);
  const exitCompletedOn = exitDate(random, due, late);
  const base = {
    kind: "enterprise-exit" as const,
    id,
    name: `示例企业${String(number).padStart(4, "0")}·${trade} (synthetic)`,
    township: township.name,
    exitMode:
      profile === "small-process" || profile === "catalogue-process" ? ("process" as const) : ("whole" as const),
    scale: above ? ("above" as const) : ("below" as const),
    exitCompletedOn,
    licensed: profile !== "unlicensed",
    acceptance: acceptanceOf(random, profile),
  };
  const figures = above ? aboveFigures(random, profile) : belowFigures(random, profile);
  const region = township.region === "south" && random.chance(0.05) ? {} : { region: township.region };
  return {
    ...base,
    ...figures,
    ...region,
    ...(catalogue === undefined ? {} : { catalogueIndustry: catalogue }),
    ...(profile === "exempt" ? exemptOf(random, number, exemptIndex) : {}),
  };
}

function acceptanceOf(random: Random, profile: Profile): EnterpriseInput["acceptance"] {
  const flags = { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true };
  if (profile !== "acceptance-failed") return flags;
  const failed = random.weighted([
    ["equipmentRemoved", 45],
    ["licenceChangedOrCancelled", 35],
    ["staffResettled", 20],
  ] as const);
  return { ...flags, [failed]: false };
}

function exemptOf(
  random: Random,
  number: number,
  exemptIndex: number,
): Pick<EnterpriseInput, "exemptCategory" | "leadingGroupDecision"> {
  const decision = EXEMPT_DECISIONS[exemptIndex % EXEMPT_DECISIONS.length] ?? "pending";
  const category = random.pick(EXEMPT);
  // A pending decision is sometimes simply not recorded yet (pending is the default).
  return decision === "pending" && number % 2 === 0
    ? { exemptCategory: category }
    : { exemptCategory: category, leadingGroupDecision: decision };
}

type Figures = Pick<
  EnterpriseInput,
  | "municipalOutcome"
  | "recommendedByDistrict"
  | "energySavedTce"
  | "pollutantsReducedTonnes"
  | "priorYearTax"
  | "employees"
  | "landAreaM2"
  | "municipalAssessedAmount"
>;

/**
 * A 规模以上 firm, sized on 顺义 2016's exits — 400 tce, 8.2 t, 58 staff and 26 亩 (about 17,300 m²) a firm on
 * average (S17/N20): those meeting the municipal standard mostly 250–800 tce (a few heavy emitters up to
 * 3,000 tce) and about 10 t of pollutants, the others at most 240 tce and 10 t, which stays under the floor at
 * the bundled rates.
 */
function aboveFigures(random: Random, profile: Profile): Figures {
  const meets = profile === "above-meets" || (profile !== "above-below-standard" && random.chance(0.5));
  const tenthsTce = meets
    ? random.chance(0.05)
      ? random.logInt(15_000, 30_000)
      : random.logInt(2_500, 8_000)
    : random.logInt(400, 2_400);
  const outcome = meets
    ? random.weighted([
        ["granted", 45],
        ["pending", 20],
        ["not-granted", 20],
        ["not-applied", 15],
      ] as const)
    : random.weighted([
        ["not-applied", 55],
        ["not-granted", 45],
      ] as const);
  const recommended =
    outcome === "granted" || outcome === "pending" ? random.chance(0.9) : random.chance(meets ? 0.6 : 0.3);
  const figures: Figures = {
    municipalOutcome: outcome,
    recommendedByDistrict: recommended,
    energySavedTce: scaled(tenthsTce, 1),
    pollutantsReducedTonnes: meets
      ? pollutants(random, 800, random.int(1, 4))
      : pollutants(random, 250, random.int(2, 4)),
    priorYearTax: taxOf(random, random.logInt(3_000, 50_000) * 10_000 + random.int(0, 9_999)),
    employees: random.logInt(18, 140),
    landAreaM2: scaled(random.logInt(5_000, 42_000) * 10 + random.int(0, 9), 1),
  };
  if (outcome === "granted" && random.chance(0.35)) {
    // Assessed and certified by the city, in round ten thousands within the band (mostly near its floor).
    return { ...figures, municipalAssessedAmount: scaled(random.logInt(50, 150) * 10_000, 0) };
  }
  return figures;
}

/**
 * A 规模以下 firm: small energy figures (at most 240 tce), except the few that meet the municipal standard
 * (420–1,200 tce); about 38 staff and 4,200 m² of land on average, under the exited manufacturers' 58 staff (S17)
 * and 5,500 m² (N3), as most of the list are small firms in the compounds.
 */
function belowFigures(random: Random, profile: Profile): Figures {
  const meets = profile === "below-recommended" || profile === "below-not-recommended";
  const unlicensed = profile === "unlicensed";
  const tax = unlicensed ? undefined : smallTax(random);
  const polluting = meets || random.chance(0.3);
  return {
    municipalOutcome: "not-applied",
    recommendedByDistrict: profile === "below-recommended",
    energySavedTce: scaled(meets ? random.logInt(4_200, 12_000) : random.logInt(15, 2_400), 1),
    ...(polluting ? { pollutantsReducedTonnes: pollutants(random, meets ? 600 : 90, random.int(1, 3)) } : {}),
    ...(tax === undefined ? {} : { priorYearTax: tax }),
    employees: unlicensed ? random.int(2, 15) : random.logInt(3, 150),
    landAreaM2: scaled(unlicensed ? random.int(150, 2_500) : random.logInt(400, 16_000), 0),
  };
}

/**
 * 退出企业名单 · the 2,776 enterprise exits of the sample, numbered E-2016-0001 … township by township
 * in the order of {@link TOWNSHIPS}.
 */
export function generateEnterprises(random: Random): EnterpriseInput[] {
  const total = TOWNSHIPS.reduce((sum, township) => sum + township.enterprises, 0);
  const order = profiles(random, total);
  const drafts: Draft[] = [];
  let exempt = 0;
  for (const township of TOWNSHIPS) {
    for (let i = 0; i < township.enterprises; i += 1) {
      const profile = order[drafts.length] ?? "small";
      drafts.push({ profile, number: drafts.length + 1, township, exemptIndex: profile === "exempt" ? exempt++ : -1 });
    }
  }
  return drafts.map((draft) => enterprise(random, draft));
}
