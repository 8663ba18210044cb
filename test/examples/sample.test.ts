import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { computeBatch, type ComputeDocument } from "../../src/batch/compute.js";
import type { CliIo } from "../../src/node/io.js";
import { readCases, readLedger } from "../../src/node/read.js";
import { CaseSchema, LedgerRowSchema } from "../../src/schemas/cases.js";
import { generateSampleCases, generateSampleDistrict, SAMPLE_SEED } from "../../scripts/sample-district/index.js";
import { sampleFiles } from "../../scripts/sample-district/files.js";
import { TOWNSHIPS } from "../../scripts/sample-district/townships.js";

const folder = resolve(import.meta.dirname, "../../examples/tongzhou-2016");
const read = (name: string) => readFileSync(join(folder, name), "utf8");
type SampleFile = {
  note: string;
  cases?: Record<string, unknown>[];
  ledger?: Record<string, unknown>[];
  discrepancies?: Record<string, unknown>[];
};
const parsed = new Map<string, SampleFile>();
const json = (name: string): SampleFile =>
  parsed.get(name) ?? (parsed.set(name, JSON.parse(read(name)) as SampleFile).get(name) as SampleFile);

const idOf = (value: unknown) => (value as { id?: unknown }).id;

type Case = Record<string, unknown> & { kind: string; id: string; township: string };
const cases = () => (json("cases.json").cases ?? []) as Case[];

describe("examples/tongzhou-2016 — the synthetic sample district", () => {
  let document: ComputeDocument;
  beforeAll(() => {
    document = computeBatch(cases());
  });

  it("every case parses and validates: computeBatch reports no error", () => {
    expect(document.errors).toEqual([]);
    expect(document.results).toHaveLength(cases().length);
  });

  it("every file says it is synthetic, and so does every enterprise name", () => {
    for (const name of [
      "enterprises.json",
      "clearance.json",
      "village.json",
      "transfers.json",
      "cases.json",
      "ledger.json",
      "planted-discrepancies.json",
    ]) {
      expect(json(name).note, name).toMatch(/^SYNTHETIC/);
    }
    expect(read("README.md")).toContain("SYNTHETIC");
    for (const enterprise of json("enterprises.json").cases ?? [])
      expect(enterprise.name).toMatch(/^示例企业\d{4}·.+ \(synthetic\)$/);
  });

  it("cases.json is the four kind files in order: enterprises, clearance, village, transfers", () => {
    const parts = ["enterprises.json", "clearance.json", "village.json", "transfers.json"].flatMap(
      (name) => json(name).cases ?? [],
    );
    expect(cases()).toEqual(parts);
    expect([...new Set(cases().map((c) => c.kind))]).toEqual([
      "enterprise-exit",
      "structure-clearance",
      "village-compensation",
      "township-transfer",
    ]);
  });

  it("2,776 enterprises: 张家湾 629, 宋庄 517, 潞城 464, and seven townships with more than 100 (京华时报, policy §5.9)", () => {
    const enterprises = cases().filter((c) => c.kind === "enterprise-exit");
    expect(enterprises).toHaveLength(2776);
    const byTownship = new Map<string, number>();
    for (const e of enterprises) byTownship.set(e.township, (byTownship.get(e.township) ?? 0) + 1);
    expect(byTownship.get("张家湾镇")).toBe(629);
    expect(byTownship.get("宋庄镇")).toBe(517);
    expect(byTownship.get("潞城镇")).toBe(464);
    expect([...byTownship.values()].filter((n) => n > 100)).toHaveLength(7);
    expect(byTownship.size).toBe(11);
  });

  it("the enterprise mix reaches every track, the municipal band and its cap, and the deadline and whole-exit findings", () => {
    const exits = document.results.filter((o) => o.kind === "enterprise-exit");
    const tracks = new Set(exits.map((o) => o.track));
    expect([...tracks].sort()).toEqual(["district-small", "district-supplement", "municipal", "none"]);
    expect(exits.filter((o) => o.track === "district-small").length).toBeGreaterThan(exits.length * 0.8);
    expect(exits.some((o) => o.track === "municipal" && o.estimate)).toBe(true);
    expect(exits.some((o) => (o.detail as { capApplied?: boolean }).capApplied === true)).toBe(true);
    const codes = new Set(exits.flatMap((o) => [...o.findings.map((f) => f.code), ...o.reasons.map((r) => r.code)]));
    for (const code of [
      "after-deadline",
      "whole-exit-required",
      "unlicensed",
      "exempt-retained",
      "exempt-awaiting-decision",
    ])
      expect(codes, code).toContain(code);
  });

  it("about 300 clearance declarations with about 15,000 items", () => {
    const declarations = cases().filter((c) => c.kind === "structure-clearance") as (Case & { items: unknown[] })[];
    expect(declarations.length).toBeGreaterThanOrEqual(280);
    expect(declarations.length).toBeLessThanOrEqual(320);
    const items = declarations.reduce((n, d) => n + d.items.length, 0);
    expect(items).toBeGreaterThanOrEqual(14_000);
    expect(items).toBeLessThanOrEqual(16_000);
  });

  it("about 120 village compensations with 1–6 leases each", () => {
    const villages = cases().filter((c) => c.kind === "village-compensation") as (Case & { leases: unknown[] })[];
    expect(villages.length).toBeGreaterThanOrEqual(110);
    expect(villages.length).toBeLessThanOrEqual(130);
    for (const village of villages) {
      expect(village.leases.length).toBeGreaterThanOrEqual(1);
      expect(village.leases.length).toBeLessThanOrEqual(6);
    }
  });

  it.each([
    [
      "structure-clearance",
      ["type-mismatch", "quantity-exceeds-survey", "built-after-cutoff", "unsurveyed", "declared-amount-mismatch"],
    ],
    ["village-compensation", ["lease-ended", "lease-capped", "leased-area-exceeds-site"]],
  ])("every finding code of %s appears at least once", (kind, codes) => {
    const found = new Set(
      document.results.filter((o) => o.kind === kind).flatMap((o) => o.findings.map((f) => f.code)),
    );
    for (const code of codes) expect(found, code).toContain(code);
  });

  it("one township transfer per township; the batch cross-check finds no mismatch; some cross the 5 % threshold and some do not", () => {
    const transfers = document.results.filter((o) => o.kind === "township-transfer");
    const townships = new Set(
      cases()
        .filter((c) => c.kind === "enterprise-exit")
        .map((c) => c.township),
    );
    expect(transfers.map((o) => o.township).sort()).toEqual([...townships].sort());
    expect(transfers.flatMap((o) => o.findings)).toEqual([]);
    expect(transfers.some((o) => o.eligible)).toBe(true);
    expect(transfers.some((o) => !o.eligible)).toBe(true);
  });

  it("each transfer lists exactly its township's 2016 exits with their prior-year taxes", () => {
    const enterprises = new Map(
      cases()
        .filter((c) => c.kind === "enterprise-exit")
        .map((c) => [c.id, c]),
    );
    for (const transfer of cases().filter((c) => c.kind === "township-transfer") as (Case & {
      exitedEnterprises: { id: string; priorYearTax: unknown }[];
    })[]) {
      expect(transfer.exitedEnterprises.length).toBeGreaterThan(0);
      for (const listed of transfer.exitedEnterprises) {
        const exit = enterprises.get(listed.id);
        expect(exit?.township).toBe(transfer.township);
        expect(String(exit?.exitCompletedOn)).toMatch(/^2016-/);
        expect(listed.priorYearTax).toEqual(exit?.priorYearTax ?? {});
      }
    }
  });

  it("audit(cases, ledger) finds exactly the planted discrepancies: types and case ids", () => {
    const ledger = json("ledger.json").ledger ?? [];
    const planted = (json("planted-discrepancies.json").discrepancies ?? []) as { caseId: string; type: string }[];
    const result = audit(cases(), ledger);
    const key = (d: { type: string; caseId: string }) => `${d.type} ${d.caseId}`;
    expect([...new Set(result.discrepancies.map(key))].sort()).toEqual(planted.map(key).sort());
    const types = new Set(planted.map((p) => p.type));
    expect([...types].sort()).toEqual([
      "duplicate-payment",
      "overpaid",
      "paid-not-owed",
      "underpaid",
      "unknown-case",
      "unpaid",
      "wrong-payer",
    ]);
    // A wrong payer shows on both sides: the district paid what the city owes.
    for (const p of planted.filter((d) => d.type === "wrong-payer")) {
      expect(
        result.discrepancies
          .filter((d) => d.caseId === p.caseId)
          .map((d) => d.payer)
          .sort(),
      ).toEqual(["district", "municipal"]);
    }
  });

  it("the ledger pays each case and payer one row with a realistic voucher, sorted by date", () => {
    const rows = (json("ledger.json").ledger ?? []) as {
      caseId: string;
      payer: string;
      amount: string;
      paidOn: string;
      voucher: string;
    }[];
    expect(rows.length).toBeGreaterThan(3000);
    for (const row of rows)
      expect(row.voucher).toMatch(row.payer === "municipal" ? /^BJCZ-\d{4}-\d{6}$/ : /^TZCZ-\d{4}-\d{6}$/);
    expect(new Set(rows.map((row) => row.voucher)).size).toBe(rows.length);
    expect(rows.map((row) => row.paidOn)).toEqual(rows.map((row) => row.paidOn).sort());
  });
});

describe("the sample's workbooks", () => {
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: (async function* () {})(),
    cwd: folder,
  };

  it("cases.xlsx (one sheet per kind, flat layout) reads back as exactly the cases of cases.json", async () => {
    const fromXlsx = (await readCases("cases.xlsx", io)).map((c) => CaseSchema.parse(c));
    expect(fromXlsx).toEqual(cases().map((c) => CaseSchema.parse(c)));
  });

  it.each(["enterprises", "clearance", "village", "transfers"])(
    "%s.xlsx has the cases of the JSON file of that name",
    async (name) => {
      const fromXlsx = await readCases(`${name}.xlsx`, io);
      expect(fromXlsx.map(idOf)).toEqual((json(`${name}.json`).cases ?? []).map(idOf));
    },
  );

  it("ledger.xlsx reads back as exactly the rows of ledger.json", async () => {
    expect(await readLedger("ledger.xlsx", io)).toEqual(
      (json("ledger.json").ledger ?? []).map((row) => LedgerRowSchema.parse(row)),
    );
  });
});

describe("the generator (scripts/sample-district)", () => {
  let first: ReturnType<typeof generateSampleDistrict>;
  beforeAll(() => {
    first = generateSampleDistrict(SAMPLE_SEED);
  }, 120_000);
  const data = ({
    seed,
    enterprises,
    clearance,
    villages,
    transfers,
    ledger,
    planted,
  }: ReturnType<typeof generateSampleDistrict>) => ({
    seed,
    enterprises,
    clearance,
    villages,
    transfers,
    ledger,
    planted,
  });

  it("is a pure function of the seed: generateSampleDistrict twice gives the same cases, ledger and plants", () => {
    expect(data(generateSampleDistrict(SAMPLE_SEED))).toEqual(data(first));
  });

  it("another seed gives other cases", () => {
    expect(generateSampleCases(SAMPLE_SEED + 1).enterprises).not.toEqual(first.enterprises);
  });

  it("the committed files are exactly what it generates (else run npm run examples)", () => {
    for (const [name, content] of sampleFiles(first))
      expect(read(name), `${name} is stale: run npm run examples`).toBe(content);
    // One TOWNSHIPS entry per township of the sample, in the order the ids follow.
    expect(TOWNSHIPS.map((t) => t.name)).toEqual([...new Set(first.enterprises.map((e) => e.township))]);
  });
});
