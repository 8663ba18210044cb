import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { beforeAll, describe, expect, it } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import { dec } from "../../src/money/decimal.js";
import { bundledRuleSetJson, defaultRuleSet } from "../../src/rule-sets/index.js";
import type { OutcomeBase as Outcome } from "../../src/trace/types.js";
import type { RuleSetJson } from "../../src/parameters/types.js";
import {
  type CalibrationInput,
  type CalibrationRow,
  calibrationTables,
  typicalFirmAward,
  updateCalibrationPage,
} from "../../scripts/sample-district/calibration.js";
import type {
  ClearanceInput,
  EnterpriseInput,
  TransferInput,
  VillageInput,
} from "../../scripts/sample-district/index.js";

const root = resolve(import.meta.dirname, "../..");
const page = readFileSync(join(root, "docs/calibration.md"), "utf8");
type Case = { kind: string };
const cases = (JSON.parse(readFileSync(join(root, "examples/tongzhou-2016/cases.json"), "utf8")) as { cases: Case[] })
  .cases;
const of = <T>(kind: string) => cases.filter((c) => c.kind === kind) as T[];

describe("docs/calibration.md — the sample district beside the public figures", () => {
  let input: CalibrationInput;
  let tables: Map<string, readonly CalibrationRow[]>;
  beforeAll(() => {
    input = {
      enterprises: of<EnterpriseInput>("enterprise-exit"),
      clearance: of<ClearanceInput>("structure-clearance"),
      villages: of<VillageInput>("village-compensation"),
      transfers: of<TransferInput>("township-transfer"),
      results: computeBatch(cases).results,
    };
    tables = calibrationTables(input, defaultRuleSet);
  });

  it("every table on the page is what the committed sample computes to (else run npm run examples)", () => {
    expect(updateCalibrationPage(page, tables)).toBe(page);
  });

  it("the page has a block for every table and no block without one", () => {
    expect(() => updateCalibrationPage("<!-- calibration:nothing -->\n<!-- /calibration:nothing -->", tables)).toThrow(
      /no table fills/,
    );
    expect(() => updateCalibrationPage("", tables)).toThrow(/lacks the block/);
  });

  it("says that the values are illustrative, not official", () => {
    expect(page).toMatch(/Every value this page discusses is `illustrative`/);
    expect(page).toContain("Nothing became `reported` or `official`");
  });

  const enterprises = () => input.enterprises;
  const above = () => enterprises().filter((e) => e.scale === "above");
  const mean = (values: readonly (string | number)[]) =>
    values.reduce((sum, value) => sum.plus(dec(value)), dec(0)).dividedBy(values.length);
  const on = (track: string) => input.results.filter((o) => o.kind === "enterprise-exit" && o.track === track);
  const amount = (outcome: Outcome) => outcome.amounts.total;

  it("the list has the public shape: 2,636 whole and 140 process exits (N1), 2,000+ north of 京哈 (N1)", () => {
    expect(enterprises().filter((e) => e.exitMode === "whole")).toHaveLength(2636);
    expect(enterprises().filter((e) => e.exitMode === "process")).toHaveLength(140);
    const north = enterprises().filter((e) => e.region === "north").length;
    expect(north).toBeGreaterThanOrEqual(2000);
    expect(north).toBeLessThan(2200);
  });

  it("above-scale exits are sized like 顺义 2016's (S17/N20): ≈ 400 tce, ≈ 8 t, ≈ 58 staff, ≈ 17,300 m² each", () => {
    const tonnes = above().map((e) =>
      Object.values(e.pollutantsReducedTonnes ?? {}).reduce((sum, t) => sum.plus(dec(t ?? "0")), dec(0)),
    );
    const within = (value: ReturnType<typeof dec>, target: number, share: number) =>
      expect(
        value
          .minus(target)
          .abs()
          .lte(target * share),
        `${value.toFixed(1)} vs ${target}`,
      ).toBe(true);
    within(mean(above().map((e) => e.energySavedTce)), 400, 0.1);
    within(tonnes.reduce((a, b) => a.plus(b)).dividedBy(tonnes.length), 8, 0.1);
    within(mean(above().map((e) => e.employees)), 58, 0.15);
    within(mean(above().map((e) => e.landAreaM2)), 17_300, 0.1);
    // All exits: just under N3's 5,500 m² a firm (Tongzhou's list is mostly small firms).
    const land = mean(enterprises().map((e) => e.landAreaM2));
    expect(land.gte(4_500) && land.lte(5_500), land.toFixed(0)).toBe(true);
  });

  it("the average exiting firm (400 tce, 8.2 t) is inside the 50万–300万 band at the bundled rates (policy-update §2.3)", () => {
    const typical = typicalFirmAward(defaultRuleSet);
    expect(typical.track).toBe("municipal");
    expect(typical.amounts.municipal).toBe("644000.00");
    expect(typical.basis).toBe("illustrative");
  });

  it("the mean municipal award lies between the reported averages (58.7万, S7; 120.6万, N2), near the 90万 the note says", () => {
    const municipal = mean(on("municipal").map(amount));
    expect(municipal.gte(587_000) && municipal.lte(1_206_000)).toBe(true);
    expect(municipal.gte(850_000) && municipal.lte(950_000), municipal.toFixed(0)).toBe(true);
    expect(on("municipal").some((o) => amount(o) === "3000000.00")).toBe(true);
    for (const outcome of on("district-supplement")) {
      expect(dec(amount(outcome)).gte(350_000) && dec(amount(outcome)).lte(2_100_000)).toBe(true);
    }
  });

  it("buildings per m² of land are about a third (N14's 0.35, under N10's 1.0); fees for 10M m² are a few % of revenue", () => {
    const row = tables.get("clearance")?.find((r) => r.figure === "floor area of buildings per m² of land");
    const ratio = dec(row?.sample ?? "0");
    expect(ratio.gte("0.3") && ratio.lte("0.4"), row?.sample).toBe(true);
    const tenMillion = tables.get("clearance")?.find((r) => r.figure.startsWith("10M m²"))?.sample ?? "";
    const share = Number(/\(([\d.]+) %\)/.exec(tenMillion)?.[1]);
    expect(share).toBeGreaterThan(2);
    expect(share).toBeLessThan(12);
  });

  it("village sites cover about three quarters of the exits' land (N1), rent is about half of S15's, and the taper pays about 1.5 years", () => {
    const rows = tables.get("village") ?? [];
    const sample = (figure: string) => rows.find((r) => r.figure === figure)?.sample ?? "";
    const covered = Number(/^(\d+) %$/.exec(sample("firms in compounds"))?.[1]);
    expect(covered).toBeGreaterThanOrEqual(72);
    expect(covered).toBeLessThanOrEqual(85);
    const rent = Number(sample("compound rent").replace(/[^\d]/g, ""));
    expect(rent).toBeGreaterThan(15_000);
    expect(rent).toBeLessThan(25_000);
    const years = Number(/^([\d.]+) years/.exec(sample("compound rent in the collectives' income"))?.[1]);
    expect(years).toBeGreaterThan(1.3);
    expect(years).toBeLessThan(1.9);
  });

  it("the district keeps about 0.34 of the exits' tax at the 2015 splits (N18), and the townships' revenue is under half the district's", () => {
    const rows = tables.get("transfers") ?? [];
    const kept = rows.find((r) => r.figure === "revenue kept in the district per yuan of tax")?.sample ?? "";
    const [, local, districtPart, product] = /^local share ([\d.]+); × ([\d.]+) = ([\d.]+)$/.exec(kept) ?? [];
    expect(Number(local)).toBeCloseTo(0.37, 2);
    expect(districtPart).toBe("0.9");
    expect(Math.abs(Number(product) - 70.76 / 209)).toBeLessThan(0.02);
    const revenue = input.transfers.reduce((sum, t) => sum.plus(dec(t.priorYearRevenue)), dec(0));
    expect(revenue.dividedBy("7076000000").gte("0.25") && revenue.dividedBy("7076000000").lt("0.5")).toBe(true);
    const eligible = new Set(
      input.results.filter((o) => o.kind === "township-transfer" && o.eligible).map((o) => o.township),
    );
    for (const township of ["张家湾镇", "宋庄镇", "潞城镇"]) expect(eligible, township).toContain(township);
  });

  it("the small-enterprise rewards are the largest district item", () => {
    const district = (kind: string, track?: string) =>
      input.results
        .filter((o) => o.kind === kind && (track === undefined || o.track === track))
        .reduce((sum, o) => sum.plus(dec(o.amounts.district)), dec(0));
    const small = district("enterprise-exit", "district-small");
    for (const kind of ["structure-clearance", "village-compensation", "township-transfer"])
      expect(small.gt(district(kind)), kind).toBe(true);
  });

  it("every source id a note or clause of the bundled rule set cites is one of its sources", () => {
    const json = bundledRuleSetJson.get("tongzhou-2016") as RuleSetJson;
    const ids = new Set(json.sources.map((source) => source.id));
    for (const [name, parameter] of Object.entries(json.parameters)) {
      const texts = [parameter.note, parameter.clause, ...parameter.values.flatMap((v) => [v.note, v.clause])];
      for (const text of texts)
        for (const [cited] of (text ?? "").matchAll(/\b[SN]\d+\b/g))
          expect(ids, `${name} cites ${cited}`).toContain(cited);
    }
  });
});

describe("updateCalibrationPage", () => {
  const rows = (n: number): CalibrationRow[] =>
    Array.from({ length: n }, (_, i) => ({
      figure: `f${i}`,
      public: "p|q",
      source: "S1",
      sample: String(i),
      how: "h",
    }));
  const prose = fc.string({ maxLength: 40 }).filter((text) => !text.includes("<!--"));

  test.prop([fc.array(fc.tuple(prose, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 4 }), prose])(
    "replaces exactly the blocks, keeps every other character, and is idempotent",
    (parts, tail) => {
      const names = parts.map((_, i) => `t-${"abcd"[i] ?? ""}`);
      const tables = new Map(names.map((name, i) => [name, rows(parts[i]?.[1] ?? 0)]));
      const page =
        parts
          .map(
            ([text], i) =>
              `${text}\n<!-- calibration:${names[i] ?? ""} -->\nstale ${i}\n<!-- /calibration:${names[i] ?? ""} -->\n`,
          )
          .join("") + tail;
      const updated = updateCalibrationPage(page, tables);
      expect(updateCalibrationPage(updated, tables)).toBe(updated);
      expect(updated).not.toContain("stale");
      const outside = (text: string) =>
        text.replace(/<!-- calibration:(t-[a-d]) -->\n[\s\S]*?<!-- \/calibration:\1 -->/g, "");
      expect(outside(updated)).toBe(outside(page));
      for (const table of tables.values())
        for (const row of table) expect(updated).toContain(`| ${row.figure} | p\\|q |`);
      expect(names.every((name) => updated.includes(`<!-- /calibration:${name} -->`))).toBe(true);
    },
  );
});
