import { describe, expect, it } from "vitest";
import { explain } from "../../../src/rules/explain.js";
import { villageCompensation as domain } from "../../../src/rules/village-compensation/index.js";
import { villageCompensation as compensation } from "../../../src/rules/village-compensation/villageCompensation.js";
import type { OutcomeBase } from "../../../src/trace/types.js";
import { contextOn, villageCompensation } from "../../support/outcomes.js";
import { rules, villageCase } from "./cases.js";

// A site of 1.234567 mu of industrial compound cleared on 2016-06-30 (test rule set: cap 2 years, rate 0.5, 1,000 a
// mu). By hand: L1 (5 mu) ended 2016-06-29, the day before: 0 months, lost rent 0.00, and not in force; L2 (2 mu,
// 1,000 a year) runs to 2020-06-30, 48 months, capped at 24: 1,000 × 24 ÷ 12 × 0.5 = 1,000.00. Site part 1,000 ×
// 1.234567 = 1,234.567 → 1,234.57; total 2,234.57. The lease in force covers 2 mu > 1.234567: the area finding.
const facts = () =>
  villageCase({ landAreaMu: "1.234567" }, [
    { leaseEndsOn: "2016-06-29", landAreaMu: "5" },
    { leaseEndsOn: "2020-06-30", landAreaMu: "2", annualRent: "1000" },
  ]);
const outcome = () => villageCompensation(facts(), rules) as OutcomeBase;

describe("village compensation: a lease ended, a lease capped, leases over the site", () => {
  it("the reason and every finding, with its item and clause", () => {
    const result = outcome();
    expect(result.reasons).toEqual([
      {
        code: "compensation-due",
        message:
          "The collective of 东下营村 is compensated for clearing its industrial compound of 1.234567 mu: lost rent of 2 lease(s) plus the site part, 2,234.57 yuan in all.",
        clause: "《实施方案》三(三)3, 四(十五)",
        decisive: true,
        data: {
          village: "东下营村",
          zoneType: "industrial-compound",
          landAreaMu: "1.234567",
          leases: 2,
          total: "2234.57",
        },
      },
    ]);
    expect(result.findings).toEqual([
      {
        code: "lease-ended",
        message:
          "Lease L1 (租户1) ended on 2016-06-29, before the clearance on 2016-06-30: no rent was lost, so it is compensated at 0.",
        itemId: "L1",
        clause: "《实施方案》三(三)3",
        data: { leaseId: "L1", tenant: "租户1", leaseEndsOn: "2016-06-29", clearedOn: "2016-06-30" },
      },
      {
        code: "lease-capped",
        message: "Lease L2 (租户2) had 48 whole months left; only 24 months (2 years) are compensated.",
        itemId: "L2",
        clause: "《实施方案》三(三)3",
        data: { leaseId: "L2", tenant: "租户2", remainingMonths: 48, capMonths: 24, capYears: "2" },
      },
      {
        code: "leased-area-exceeds-site",
        message:
          "The leases in force at clearance cover 2 mu, more than the site's 1.234567 mu: check the leases against the site.",
        clause: "《实施方案》三(三)3",
        data: { leasedAreaMu: "2", siteAreaMu: "1.234567", leases: 1 },
      },
    ]);
    expect(result.payee).toEqual({ type: "village-collective", id: "东下营村" });
    expect(domain.budgetLine(result as never)).toBe("village-compensation");
  });

  it("the site part rounded to the fen, in both languages", () => {
    const result = outcome();
    expect(explain(result, { lang: "en" }).split("\n")).toContain(
      "  8. site part (per mu × area, rounded) (village.sitePart): industrial compound 1,000 yuan/mu × 1.234567 mu = 1,234.57 yuan (rounded to the fen from 1,234.567)  〔《实施方案》三(三)3〕",
    );
    expect(explain(result, { lang: "zh" }).split("\n")).toContain(
      "  8. 场地补偿（每亩标准 × 面积，四舍五入）：工业大院每亩 1,000 元 × 1.234567 亩 = 1,234.57 元（舍入到分，舍入前为 1,234.567 元）  〔《实施方案》三(三)3〕",
    );
    expect(explain(result, { lang: "zh" }).split("\n")).toContain(
      "  9. 村集体补偿合计：租金损失 0.00 + 1,000.00 + 场地补偿 1,234.57 = 2,234.57 元  〔《实施方案》三(三)3〕",
    );
  });

  it("the payment rule built from the domain's parts gives the same amount, reason and findings", () => {
    const input = facts();
    const result = compensation(domain.parts)(input, contextOn(rules, input.clearedOn));
    expect(result.value.district.toString()).toBe("2234.57");
    expect(result.value.detail.total).toBe("2234.57");
    expect(result.reasons.map((r) => r.code)).toEqual(["compensation-due"]);
    expect(result.findings.map((f) => f.code)).toEqual(["lease-ended", "lease-capped", "leased-area-exceeds-site"]);
  });
});
