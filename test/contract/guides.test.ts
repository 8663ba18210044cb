import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { budgetOfCases } from "../../src/batch/budget.js";
import { formatAmount } from "../../src/money/format.js";

// docs/auditors.md and docs/finance-bureau.md paste real output of the sample district. When the sample or the
// bundled values change, run the commands of each console block again and paste their output (and the figures
// the prose quotes); these checks fail until the pasted figures are the sample's.
const root = join(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const sample = (name: string) => JSON.parse(read(`examples/tongzhou-2016/${name}`)) as Record<string, unknown[]>;

describe("the guides quote the sample district as it is", () => {
  const cases = sample("cases.json")["cases"] ?? [];
  const ledger = sample("ledger.json")["ledger"] ?? [];

  it("docs/auditors.md: the audit's totals, every discrepancy and its vouchers", () => {
    const guide = read("docs/auditors.md");
    const document = audit(cases, ledger);
    const { owed, paid, difference } = document.totals;
    expect(guide).toContain(`│ 合计 total │ ${formatAmount(owed)} │ ${formatAmount(paid)} │`);
    expect(guide).toContain(JSON.stringify({ owed, paid, difference }, null, 2));
    expect(guide).toContain(`together ${formatAmount(difference).replace("-", "−")}, the difference of the totals`);
    for (const line of document.discrepancies) {
      const row = `│ ${line.caseId.padEnd(11)} │`;
      expect(guide, `${line.caseId} ${line.type}`).toContain(row);
      for (const voucher of line.vouchers ?? []) expect(guide, voucher).toContain(voucher);
    }
    expect(guide).toContain(
      `The generator planted ${(sample("planted-discrepancies.json")["discrepancies"] ?? []).length} discrepancies`,
    );
  });

  it("docs/finance-bureau.md: the budget's total and the township transfers", () => {
    const guide = read("docs/finance-bureau.md");
    const total = budgetOfCases(cases).total;
    expect(guide).toContain(`│ 合计 total │                │ ${formatAmount(total)} │`);
    const transfers = budgetOfCases(sample("transfers.json")["cases"] ?? []).total;
    expect(guide).toContain(`while the rules give the\ntownships ${formatAmount(transfers)}.`);
  });
});
