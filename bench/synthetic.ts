// The synthetic enterprise cases of the benchmarks: deterministic, so every run and every build computes the same batch.
export const TOWNSHIPS = [
  "台湖镇",
  "张家湾镇",
  "宋庄镇",
  "漷县镇",
  "马驹桥镇",
  "西集镇",
  "永乐店镇",
  "潞城镇",
  "于家务乡",
  "梨园镇",
];

/** The i-th synthetic enterprise case (deterministic, so both paths compute the same batch). */
export function syntheticCase(i: number): object {
  const pick = (n: number) => (i * 7919 + n * 104_729) % 997;
  return {
    kind: "enterprise-exit",
    id: `E-${String(i).padStart(7, "0")}`,
    name: `合成企业 ${i} (synthetic)`,
    township: TOWNSHIPS[i % TOWNSHIPS.length],
    exitMode: pick(1) % 5 === 0 ? "process" : "whole",
    scale: pick(2) % 3 === 0 ? "above" : "below",
    exitCompletedOn: `2016-${String(7 + (i % 6)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    licensed: pick(3) % 17 !== 0,
    acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: pick(4) % 23 !== 0, staffResettled: true },
    municipalOutcome: (["granted", "not-granted", "pending", "not-applied"] as const)[pick(5) % 4],
    recommendedByDistrict: pick(6) % 2 === 0,
    energySavedTce: `${pick(7) * 3}.${pick(8) % 10}`,
    pollutantsReducedTonnes: { so2: `${pick(9) % 40}.5`, nox: String(pick(10) % 12) },
    priorYearTax: { vat: `${pick(11) * 1000}`, corporateIncome: `${pick(12) * 250}.75` },
    employees: pick(13) % 300,
    landAreaM2: `${1000 + pick(14) * 20}`,
    region: i % 2 === 0 ? "north" : "south",
  };
}
