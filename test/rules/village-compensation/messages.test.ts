import { describe, expect, it } from "vitest";
import { villageCompensation } from "../../support/outcomes.js";
import { villageCompensationMessages as messages } from "../../../src/rules/village-compensation/messages.js";
import { rules, villageCase } from "./cases.js";

const CJK = /[\u4e00-\u9fff]/;

describe("village-compensation messages", () => {
  // One case that raises every finding: a capped lease, an ended lease, and more leased land than the site.
  const outcome = villageCompensation(
    villageCase({ landAreaMu: "1" }, [
      { landAreaMu: "2", leaseEndsOn: "2030-06-30" },
      { leaseEndsOn: "2016-01-31" },
      { leaseEndsOn: "2016-12-31" },
    ]),
    rules,
  );

  it("the case raises every code of the catalog", () => {
    expect([...outcome.reasons, ...outcome.findings].map((r) => r.code).sort()).toEqual([
      "compensation-due",
      "lease-capped",
      "lease-ended",
      "leased-area-exceeds-site",
    ]);
    expect(Object.keys(messages.codes).sort()).toEqual([
      "compensation-due",
      "lease-capped",
      "lease-ended",
      "leased-area-exceeds-site",
    ]);
  });

  it("every rule of the trace is named in the catalog, and every catalog rule is used (by a step, or cited by the reason)", () => {
    const used = [...new Set([...outcome.trace.map((s) => s.rule), "village.compensation"])].sort();
    expect(Object.keys(messages.rules).sort()).toEqual(used);
  });

  it.each(Object.keys(messages.codes))(
    "%s renders in English and Chinese from the outcome's data, with no gap",
    (code) => {
      const item = [...outcome.reasons, ...outcome.findings].find((r) => r.code === code);
      const template = messages.codes[code];
      const data = item?.data ?? {};
      const en = template?.en(data) ?? "";
      const zh = template?.zh(data) ?? "";
      expect(item?.message).toBe(en);
      expect(en).not.toMatch(/undefined|null|\(\)|  /);
      expect(zh).toMatch(CJK);
      expect(zh).not.toMatch(/undefined|null/);
    },
  );

  it.each(Object.entries(messages.rules))("rule %s has English and Chinese names", (_rule, names) => {
    expect(names.en.length).toBeGreaterThan(0);
    expect(names.zh).toMatch(CJK);
  });
});

describe("village-compensation messages quote amounts with separators", () => {
  it("compensation-due: the total grouped, two decimals at least", () => {
    const data = {
      village: "示例村23",
      zoneType: "industrial-compound",
      landAreaMu: "98.4",
      leases: 4,
      total: "1317793.3",
    };
    expect(messages.codes["compensation-due"]?.en(data)).toContain("1,317,793.30 yuan in all");
    expect(messages.codes["compensation-due"]?.zh(data)).toContain("合计1,317,793.30元");
  });
});
