/**
 * 校准 · the sample district beside the public figures — the tables of docs/calibration.md.
 *
 * Each row pairs a public figure (with its source id from shared/research/policy.md or
 * reviews/policy-update.md and its tag) with the same aggregate of the sample district, computed here from
 * the cases and their outcomes under the bundled rule set. `npm run examples` writes the tables into the page
 * between `<!-- calibration:NAME -->` markers; test/examples/calibration.test.ts recomputes them from the
 * committed sample, so the page cannot drift from the data. All arithmetic is decimal.
 */
import { compute } from "../../src/batch/compute.js";
import { type Dec, type DecimalLike, ZERO, dec } from "../../src/money/decimal.js";
import { formatAmount } from "../../src/money/format.js";
import { valueInForce } from "../../src/parameters/lookup.js";
import type { RuleSet } from "../../src/parameters/types.js";
import type { ClearanceDetail } from "../../src/rules/land-clearing-fee/types.js";
import type { TownshipTransferDetail } from "../../src/rules/township-transfer/townshipTransfer.js";
import type { OutcomeBase as Outcome } from "../../src/trace/types.js";
import { TAX_TYPES, type TaxType } from "../../src/vocabulary.js";
import type { ClearanceInput, EnterpriseInput, TransferInput, VillageInput } from "./index.js";

/** What the tables are computed from: the sample's cases by kind and their outcomes. */
export interface CalibrationInput {
  readonly enterprises: readonly EnterpriseInput[];
  readonly clearance: readonly ClearanceInput[];
  readonly villages: readonly VillageInput[];
  readonly transfers: readonly TransferInput[];
  readonly results: readonly Outcome[];
}

/** One row: a public figure, where it comes from, and the sample's figure of the same thing. */
export interface CalibrationRow {
  readonly figure: string;
  readonly public: string;
  readonly source: string;
  readonly sample: string;
  readonly how: string;
}

/** Tongzhou's 2015 local general budget revenue (地方财政一般预算收入), 70.76亿 (N18, official). */
export const REVENUE_2015 = dec("7076000000");
/** Tongzhou's 2015 total tax (税收总额), 209亿 (N18, official). */
export const TAX_2015 = dec("20900000000");
/** The township's half of what the district keeps: the unsourced factor of `transfer.townshipShareOfLocal` (its note). */
const TOWNSHIP_HALF = dec("0.5");
/** 1 亩 = 10,000/15 m². */
const M2_PER_MU = dec(10_000).dividedBy(15);
/** The structure types whose quantity is floor area of a building (not ground, walls or items). */
const BUILDING_TYPES = new Set(["steel-concrete-frame", "brick-concrete", "brick-wood", "steel-frame", "simple"]);

/** A decimal, a decimal string, or a count. */
type Value = DecimalLike | number;

const sumOf = <T>(items: readonly T[], value: (item: T) => Value): Dec =>
  items.reduce((sum, item) => sum.plus(dec(value(item))), ZERO);
const meanOf = <T>(items: readonly T[], value: (item: T) => Value): Dec =>
  items.length === 0 ? ZERO : sumOf(items, value).dividedBy(items.length);

/** A figure with separators and `decimals` decimals (half-up). */
const num = (value: Value, decimals = 0) => formatAmount(dec(value), decimals);
const count = (n: number) => n.toLocaleString("en");
const wan = (yuan: Value, decimals = 1) => `${formatAmount(dec(yuan).dividedBy(10_000), decimals)}万`;
const yi = (yuan: Value, decimals = 2) => `${formatAmount(dec(yuan).dividedBy(100_000_000), decimals)}亿`;
const percent = (part: Value, whole: Value, decimals = 1) =>
  `${formatAmount(dec(part).dividedBy(dec(whole)).times(100), decimals)} %`;

const tonnesOf = (enterprise: EnterpriseInput) =>
  Object.values(enterprise.pollutantsReducedTonnes ?? {}).reduce<Dec>((sum, t) => sum.plus(t ?? "0"), ZERO);
type Tax = EnterpriseInput["priorYearTax"];
const taxOf = (tax: Tax) =>
  tax === undefined
    ? ZERO
    : dec(tax.vat ?? "0")
        .plus(tax.corporateIncome ?? "0")
        .plus(tax.other ?? "0");
const total = (outcome: Outcome) => outcome.amounts.total;

/** The average exiting firm of 顺义 2016 (S17/N20): 400 tce and 8.2 t, above scale, granted — what the bundled rates give it. */
export function typicalFirmAward(ruleSet: RuleSet): Outcome {
  return compute(
    {
      kind: "enterprise-exit",
      id: "typical",
      name: "average exiting firm, 顺义 2016 (S17, N20)",
      township: "顺义",
      exitMode: "whole",
      scale: "above",
      exitCompletedOn: "2016-10-31",
      licensed: true,
      acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true },
      municipalOutcome: "granted",
      recommendedByDistrict: true,
      energySavedTce: "400",
      pollutantsReducedTonnes: { so2: "8.2" },
      employees: 58,
      landAreaM2: "17333",
    },
    ruleSet,
  );
}

function enterpriseShape({ enterprises }: CalibrationInput): CalibrationRow[] {
  const byTownship = (name: string) => enterprises.filter((e) => e.township === name).length;
  const townships = new Map<string, number>();
  for (const e of enterprises) townships.set(e.township, (townships.get(e.township) ?? 0) + 1);
  const south = enterprises.filter((e) => e.region !== "north");
  const southBy2016 = south.filter((e) => e.exitCompletedOn <= "2016-12-31");
  return [
    {
      figure: "exits planned for 2016",
      public: "2,776",
      source: "S3, N1 · PRESS",
      sample: count(enterprises.length),
      how: "enterprise-exit cases",
    },
    {
      figure: "whole exits (整体退出)",
      public: "2,636",
      source: "N1 · PRESS",
      sample: count(enterprises.filter((e) => e.exitMode === "whole").length),
      how: "`exitMode` whole",
    },
    {
      figure: "process exits (环节退出)",
      public: "140",
      source: "N1 · PRESS",
      sample: count(enterprises.filter((e) => e.exitMode === "process").length),
      how: "`exitMode` process",
    },
    {
      figure: "exits in 张家湾 / 宋庄 / 潞城",
      public: "629 / 517 / 464",
      source: "S3 · PRESS",
      sample: ["张家湾镇", "宋庄镇", "潞城镇"].map((name) => count(byTownship(name))).join(" / "),
      how: "cases by `township`",
    },
    {
      figure: "townships with more than 100 exits",
      public: "7",
      source: "S3 · PRESS",
      sample: count([...townships.values()].filter((n) => n > 100).length),
      how: "cases by `township`",
    },
    {
      figure: "exits north of 京哈高速",
      public: "2,000+ (in about 60 compounds)",
      source: "N1, S16 · PRESS",
      sample: count(enterprises.filter((e) => e.region === "north").length),
      how: "`region` north (one region per township)",
    },
    {
      figure: "southern exits done by end-2016",
      public: "50 % (the plan for the south)",
      source: "S3 · PRESS",
      sample: percent(southBy2016.length, south.length, 0),
      how: "`exitCompletedOn` ≤ 2016-12-31 among exits not north",
    },
  ];
}

function enterpriseScale({ enterprises }: CalibrationInput): CalibrationRow[] {
  const above = enterprises.filter((e) => e.scale === "above");
  const land = sumOf(enterprises, (e) => e.landAreaM2);
  const tax = sumOf(enterprises, (e) => taxOf(e.priorYearTax));
  return [
    {
      figure: "energy saved per above-scale firm",
      public: "≈ 400 tce a year (顺义 2016: 20,000 tce, 50 firms)",
      source: "S17 · PRESS; ratio INFERRED",
      sample: `${num(meanOf(above, (e) => e.energySavedTce))} tce`,
      how: `mean \`energySavedTce\` of the ${count(above.length)} above-scale exits`,
    },
    {
      figure: "pollutants cut per firm",
      public: "≈ 8.2 t (顺义 2016: 410 t, 50 firms); ≈ 7.5 t (Beijing 2013–17: 15,000 t, 1,992 firms)",
      source: "N20 · PRESS; N3 · PRESS (mirror); ratios INFERRED",
      sample: `${num(meanOf(above, tonnesOf), 1)} t`,
      how: "mean Σ `pollutantsReducedTonnes` of the above-scale exits",
    },
    {
      figure: "staff per firm",
      public: "≈ 58 (顺义 2016: 2,900 people, 50 firms)",
      source: "S17 · PRESS; ratio INFERRED",
      sample: `${num(meanOf(above, (e) => e.employees))} above scale; ${num(meanOf(enterprises, (e) => e.employees))} all exits`,
      how: "mean `employees`",
    },
    {
      figure: "land per firm",
      public: "≈ 26 亩 ≈ 17,300 m² (顺义 2016: 1,300 亩, 50 firms)",
      source: "S17 · PRESS; ratio INFERRED",
      sample: `${num(meanOf(above, (e) => e.landAreaM2))} m² above scale`,
      how: "mean `landAreaM2` of the above-scale exits",
    },
    {
      figure: "land per exited firm, city-wide",
      public: "≈ 5,500 m² (Beijing 2013–17: 11 km², 1,992 firms)",
      source: "N3 · PRESS (mirror); ratio INFERRED",
      sample: `${num(meanOf(enterprises, (e) => e.landAreaM2))} m²`,
      how: "mean `landAreaM2` of all exits",
    },
    {
      figure: "land vacated",
      public: "1,000–2,000 ha in one year (Tongzhou's 2018 plan)",
      source: "N11, N10 · PRESS",
      sample: `${num(land.dividedBy(10_000))} ha`,
      how: "Σ `landAreaM2` of all exits (2016–17)",
    },
    {
      figure: "prior-year tax of the exits",
      public: "no public figure; the district collected 209亿 of tax in 2015",
      source: "N18 · OFFICIAL",
      sample: `${yi(tax)} (${percent(tax, TAX_2015)} of 209亿)`,
      how: "Σ `priorYearTax` of all exits",
    },
  ];
}

function enterpriseRewards(input: CalibrationInput, ruleSet: RuleSet): CalibrationRow[] {
  const exits = input.results.filter((o) => o.kind === "enterprise-exit");
  const on = (track: string) => exits.filter((o) => o.track === track);
  const municipal = on("municipal");
  const supplement = on("district-supplement");
  const mode = new Map(input.enterprises.map((e) => [e.id, e.exitMode]));
  const small = (exitMode: string) => on("district-small").filter((o) => mode.get(o.id) === exitMode);
  const atCap = (outcomes: readonly Outcome[], cap: string) => outcomes.filter((o) => dec(total(o)).eq(cap)).length;
  const band = (outcomes: readonly Outcome[]) => {
    const amounts = outcomes.map((o) => dec(total(o))).sort((a, b) => a.comparedTo(b));
    return `${wan(amounts[0] ?? ZERO)}–${wan(amounts[amounts.length - 1] ?? ZERO)}`;
  };
  const typical = typicalFirmAward(ruleSet);
  const whole = small("whole");
  const process = small("process");
  return [
    {
      figure: "municipal awards (市级奖励)",
      public: "50万–300万 a firm",
      source: "S1, S2 · PRESS",
      sample: `${count(municipal.length)} firms, ${band(municipal)}`,
      how: "track `municipal` (granted or pending)",
    },
    {
      figure: "mean municipal award",
      public: "58.7万 (2009: 2,465万, 42 firms); 120.6万 (2008: 2,170万, 18 firms)",
      source: "S7 · PRESS (mirror); N2 · PRESS (mirror); means INFERRED",
      sample: wan(meanOf(municipal, total)),
      how: "mean amount on track `municipal`",
    },
    {
      figure: "largest municipal awards",
      public: "150万 (2009); 300万 (a 顺义 brick works, 2014)",
      source: "S7 · PRESS (mirror); S9 · PRESS (mirror)",
      sample: `${count(atCap(municipal, "3000000"))} at the 300万 cap`,
      how: "track `municipal` amounts of 3,000,000.00",
    },
    {
      figure: "the average exiting firm (400 tce, 8.2 t)",
      public: "inside 50万–300万 (policy-update §2.3: at 360 元/tce it got ≈ 22万)",
      source: "S17, N20 · PRESS; INFERRED",
      sample: wan(total(typical)),
      how: "the firm computed with the bundled rates (`typicalFirmAward`)",
    },
    {
      figure: "district supplement (70 %)",
      public: "35万–210万 a firm",
      source: "S1, S2 · PRESS",
      sample: `${count(supplement.length)} firms, ${band(supplement)}; mean ${wan(meanOf(supplement, total))}`,
      how: "track `district-supplement`",
    },
    {
      figure: "small-enterprise awards, whole exits",
      public: "at most 60万",
      source: "S1, S2 · PRESS",
      sample: `${count(whole.length)} firms, mean ${wan(meanOf(whole, total))}; ${count(atCap(whole, "600000"))} at 60万`,
      how: "track `district-small`, `exitMode` whole",
    },
    {
      figure: "small-enterprise awards, process exits",
      public: "at most 15万",
      source: "S1, S2 · PRESS",
      sample: `${count(process.length)} firms, mean ${wan(meanOf(process, total))}; ${count(atCap(process, "150000"))} at 15万`,
      how: "track `district-small`, `exitMode` process",
    },
    {
      figure: "exits without a reward",
      public: "no public figure",
      source: "—",
      sample: count(on("none").length),
      how: "track `none` (unlicensed, not accepted, exempt, catalogue firm exiting by process)",
    },
  ];
}

function clearanceRows(input: CalibrationInput): CalibrationRow[] {
  const outcomes = input.results.filter((o) => o.kind === "structure-clearance");
  const items = outcomes.flatMap((o) => {
    const detail = o.detail as ClearanceDetail;
    return detail.items.map((item) => ({ ...item, year: detail.declaredOn.slice(0, 4) }));
  });
  const buildings = items.filter((item) => BUILDING_TYPES.has(item.approvedType));
  const area = (year?: string) =>
    sumOf(
      buildings.filter((item) => year === undefined || item.year === year),
      (item) => item.approvedQuantity,
    );
  const m2Items = items.filter((item) => item.unit === "m2");
  const m2Fees = sumOf(m2Items, (item) => item.fee);
  const m2Area = sumOf(m2Items, (item) => item.approvedQuantity);
  const rate = m2Fees.dividedBy(m2Area);
  const tenMillion = rate.times(10_000_000);
  const fees = sumOf(outcomes, total);
  const land = sumOf(input.enterprises, (e) => e.landAreaM2);
  return [
    {
      figure: "buildings demolished in Tongzhou (拆违)",
      public: "2016: ≈ 4M m² (2M+ in the first year, doubled in the second); 2017: > 10M m² (7M+ by 19 September)",
      source: "N12 · PRESS (mirror); N9 · PRESS (mirror)",
      sample: `${num(area("2016").dividedBy(10_000))}万 m² declared in 2016; ${num(area("2017").dividedBy(10_000))}万 m² in 2017`,
      how: "Σ approved floor area of buildings (framed, brick, steel, simple) by year of `declaredOn`",
    },
    {
      figure: "floor area of buildings per m² of land",
      public: "≈ 1.0 (Tongzhou 2018 plan: 20M m² and 2,000 ha); ≈ 0.35 (大兴 west: 10M m² on 29 km²)",
      source: "N10 · PRESS; N14 · PRESS (mirror, poor); ratios INFERRED",
      sample: num(area().dividedBy(land), 2),
      how: "Σ approved building area ÷ Σ `landAreaM2` of all exits",
    },
    {
      figure: "floor area of buildings per exited firm",
      public: "≈ 8,500 m² (大兴 west: 10M m², 1,173 firms)",
      source: "N14 · PRESS (mirror, poor); ratio INFERRED",
      sample: `${num(area().dividedBy(input.enterprises.length))} m²`,
      how: "Σ approved building area ÷ exits",
    },
    {
      figure: "腾地经费 per m² (buildings and hardened ground)",
      public: "no public figure; clearance-cost scale, not replacement value (policy-update §2.1)",
      source: "INFERRED",
      sample: `${num(rate, 1)} 元/m²`,
      how: "Σ fees ÷ Σ approved area of items measured in m²",
    },
    {
      figure: "10M m² (Tongzhou 2017) at that rate",
      public: "a few per cent of the 2015 revenue of 70.76亿",
      source: "N12 · PRESS (mirror); N18 · OFFICIAL; INFERRED",
      sample: `${yi(tenMillion)} (${percent(tenMillion, REVENUE_2015)})`,
      how: "10,000,000 m² × the rate above",
    },
    {
      figure: "the sample's 腾地经费",
      public: "no public figure",
      source: "—",
      sample: `${yi(fees)} on ${count(outcomes.length)} declarations (${percent(fees, REVENUE_2015)} of 70.76亿)`,
      how: "Σ approved fees",
    },
  ];
}

function villageRows(input: CalibrationInput): CalibrationRow[] {
  const compounds = input.villages.filter((v) => v.zoneType === "industrial-compound");
  const breeding = input.villages.filter((v) => v.zoneType === "breeding-zone");
  const leases = compounds.flatMap((v) => v.leases);
  const rentPerMu = sumOf(leases, (lease) => lease.annualRent).dividedBy(sumOf(leases, (lease) => lease.landAreaMu));
  const outcomes = input.results.filter((o) => o.kind === "village-compensation");
  const paid = sumOf(outcomes, total);
  const byId = new Map(input.villages.map((v) => [v.id, v]));
  // The annual rent lost: leases still running at clearance.
  const lostRent = sumOf(outcomes, (o) => {
    const village = byId.get(o.id);
    return village === undefined
      ? ZERO
      : sumOf(
          village.leases.filter((lease) => lease.leaseEndsOn > village.clearedOn),
          (lease) => lease.annualRent,
        );
  });
  const mu = sumOf(input.villages, (v) => v.landAreaMu);
  const firmsMu = sumOf(input.enterprises, (e) => e.landAreaM2).dividedBy(M2_PER_MU);
  const largest = (sites: readonly VillageInput[]) =>
    sites.reduce((max, v) => (dec(v.landAreaMu).gt(max) ? dec(v.landAreaMu) : max), ZERO);
  return [
    {
      figure: "compound rent",
      public: "≈ 40,000 元/亩 a year near the city (西红门: 1.5 亩 ≈ 60,000 元); an upper bound for Tongzhou",
      source: "S15 · PRESS",
      sample: `${num(rentPerMu)} 元/亩`,
      how: "Σ `annualRent` ÷ Σ `landAreaMu` of the leases of industrial compounds",
    },
    {
      figure: "compound rent in the collectives' income",
      public: "≈ 55 % (西红门): the loss lasts, so a taper over several years",
      source: "N15 · PRESS",
      sample: `${num(paid.dividedBy(lostRent), 2)} years of the lost rent`,
      how: "Σ compensation ÷ Σ annual rent of the leases in force at clearance",
    },
    {
      figure: "firms in compounds",
      public: "2,000+ of the 2,776 in about 60 compounds north of 京哈 alone (≥ 72 %)",
      source: "N1 · PRESS; share INFERRED",
      sample: percent(mu, firmsMu, 0),
      how: "Σ `landAreaMu` of the village cases ÷ Σ `landAreaM2` of the exits (in 亩)",
    },
    {
      figure: "size of a cleared site",
      public: "刘庄 breeding zone 406 亩; 西红门 ≈ 950 ha in 27 compounds (≈ 530 亩 each)",
      source: "N9 · PRESS (mirror); N15, N16 · PRESS",
      sample: `compounds ${num(meanOf(compounds, (v) => v.landAreaMu))} 亩 on average (largest ${num(largest(compounds))}); breeding zones ${num(meanOf(breeding, (v) => v.landAreaMu))} (largest ${num(largest(breeding))})`,
      how: "`landAreaMu` by `zoneType`",
    },
    {
      figure: "the sample's village compensation",
      public: "no public figure",
      source: "—",
      sample: `${yi(paid)} for ${num(mu)} 亩 (${num(paid.dividedBy(mu))} 元/亩)`,
      how: "Σ amounts; ÷ Σ `landAreaMu`",
    },
  ];
}

function transferRows(input: CalibrationInput, ruleSet: RuleSet): CalibrationRow[] {
  const revenue = sumOf(input.transfers, (t) => t.priorYearRevenue);
  const outcomes = input.results.filter((o) => o.kind === "township-transfer");
  const details = outcomes.map((o) => o.detail as TownshipTransferDetail);
  const lost = sumOf(details, (d) => d.lostCapacity);
  const transfers = sumOf(outcomes, total);
  // The local share of the exits' prior-year taxes at the 2015 national splits (the year N18 measures).
  const shares = valueInForce<Readonly<Record<TaxType, Dec>>>(ruleSet, "transfer.localShare", "2015-12-31").value;
  const taxes = input.enterprises.flatMap((e): Tax[] => (e.priorYearTax === undefined ? [] : [e.priorYearTax]));
  const local = sumOf(taxes, (tax) =>
    TAX_TYPES.reduce<Dec>((sum, type) => sum.plus(dec(tax?.[type] ?? "0").times(shares[type])), ZERO),
  );
  const all = sumOf(taxes, taxOf);
  const localShare = local.dividedBy(all);
  // transfer.townshipShareOfLocal = (part of the local share the district keeps) × (the township's half of it).
  const township = valueInForce<Readonly<Record<TaxType, Dec>>>(ruleSet, "transfer.townshipShareOfLocal", "2015-12-31")
    .value.vat;
  const districtPart = township.dividedBy(TOWNSHIP_HALF);
  return [
    {
      figure: "revenue kept in the district per yuan of tax",
      public: "0.34 (2015: 70.76亿 of general budget revenue on 209亿 of tax)",
      source: "N18 · OFFICIAL figures; ratio INFERRED",
      sample: `local share ${num(localShare, 3)}; × ${districtPart.toString()} = ${num(localShare.times(districtPart), 3)}`,
      how: `Σ tax × \`transfer.localShare\` on 2015-12-31 ÷ Σ tax, over the exits' \`priorYearTax\`; × the district's part, ${township.toString()} ÷ ${TOWNSHIP_HALF.toString()} (\`transfer.townshipShareOfLocal\` ÷ the township's half)`,
    },
    {
      figure: "the townships' prior-year revenue",
      public: "the district's was 70.76亿 in 2015 (60.9亿 in 2014); a township keeps half of its part (placeholder)",
      source: "N18, N19 · OFFICIAL",
      sample: `${yi(revenue)} for ${count(input.transfers.length)} townships (${percent(revenue, REVENUE_2015, 0)} of 70.76亿)`,
      how: "Σ `priorYearRevenue` (2016)",
    },
    {
      figure: "capacity lost with the 2016 exits",
      public: "no public figure",
      source: "—",
      sample: `${yi(lost)} (${percent(lost, revenue)} of the townships' revenue)`,
      how: "Σ `detail.lostCapacity`",
    },
    {
      figure: "transfers, fiscal year 2017",
      public: "no public figure",
      source: "—",
      sample: `${yi(transfers)} to ${count(outcomes.filter((o) => o.eligible).length)} of ${count(outcomes.length)} townships`,
      how: "Σ amounts; townships at or above the 5 % threshold",
    },
  ];
}

function programmeRows(input: CalibrationInput): CalibrationRow[] {
  const kinds = [
    ["enterprise-exit", "enterprise rewards"],
    ["structure-clearance", "腾地经费"],
    ["village-compensation", "village compensation"],
    ["township-transfer", "township transfers"],
  ] as const;
  const municipal = sumOf(input.results, (o) => o.amounts.municipal);
  const district = sumOf(input.results, (o) => o.amounts.district);
  return [
    ...kinds.map(([kind, label]) => {
      const outcomes = input.results.filter((o) => o.kind === kind);
      return {
        figure: label,
        public: "no public total",
        source: "—",
        sample: `${yi(sumOf(outcomes, (o) => o.amounts.district))} district${kind === "enterprise-exit" ? `, ${yi(sumOf(outcomes, (o) => o.amounts.municipal))} municipal` : ""}`,
        how: `Σ amounts of the ${kind} cases`,
      };
    }),
    {
      figure: "the municipal budget's part",
      public: "the city's 节能减排与环境保护专项资金 had 30亿 in 2014",
      source: "N17 · OFFICIAL (summary); that it pays the exit reward is INFERRED",
      sample: `${yi(municipal)} (${percent(municipal, "3000000000")} of 30亿)`,
      how: "Σ municipal amounts",
    },
    {
      figure: "the district budget's part",
      public: "the district's revenue was 70.76亿 in 2015",
      source: "N18 · OFFICIAL",
      sample: `${yi(district)} over 2016–18 (${percent(district, REVENUE_2015)} of one year's revenue)`,
      how: "Σ district amounts",
    },
  ];
}

/** Every table of docs/calibration.md, by marker name. */
export function calibrationTables(input: CalibrationInput, ruleSet: RuleSet): Map<string, readonly CalibrationRow[]> {
  return new Map<string, readonly CalibrationRow[]>([
    ["enterprise-shape", enterpriseShape(input)],
    ["enterprise-scale", enterpriseScale(input)],
    ["enterprise-rewards", enterpriseRewards(input, ruleSet)],
    ["clearance", clearanceRows(input)],
    ["village", villageRows(input)],
    ["transfers", transferRows(input, ruleSet)],
    ["programme", programmeRows(input)],
  ]);
}

const cell = (text: string) => text.replaceAll("|", "\\|");

/** One table as markdown. */
export function calibrationMarkdown(rows: readonly CalibrationRow[]): string {
  return [
    "| figure | public | source · tag | sample | how the sample's figure is computed |",
    "|---|---|---|---|---|",
    ...rows.map((row) => `| ${[row.figure, row.public, row.source, row.sample, row.how].map(cell).join(" | ")} |`),
  ].join("\n");
}

/**
 * The page with every `<!-- calibration:NAME -->` … `<!-- /calibration:NAME -->` block replaced by the table
 * of that name. Throws when a table has no block or a block no table, so nothing is silently left out.
 */
export function updateCalibrationPage(page: string, tables: ReadonlyMap<string, readonly CalibrationRow[]>): string {
  const seen = new Set<string>();
  const updated = page.replace(
    /<!-- calibration:([a-z-]+) -->\n[\s\S]*?<!-- \/calibration:\1 -->/g,
    (_block, name: string) => {
      const rows = tables.get(name);
      if (rows === undefined) throw new Error(`docs/calibration.md has a block "${name}" that no table fills`);
      seen.add(name);
      return `<!-- calibration:${name} -->\n${calibrationMarkdown(rows)}\n<!-- /calibration:${name} -->`;
    },
  );
  const missing = [...tables.keys()].filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`docs/calibration.md lacks the block(s): ${missing.join(", ")}`);
  return updated;
}
