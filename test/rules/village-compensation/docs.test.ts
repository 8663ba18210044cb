import { readFileSync } from "node:fs";
import {} from "../../support/outcomes.js";
import { describe, expect, it } from "vitest";
import { compute } from "../../../src/batch/compute.js";
import type { OutcomeBase as Outcome } from "../../../src/trace/types.js";
import type { VillageCompensationDetail } from "../../../src/rules/village-compensation/villageCompensation.js";

// The worked examples of docs/village-compensation.md, computed with the bundled tongzhou-2016 rule set.
const page = readFileSync(new URL("../../../docs/village-compensation.md", import.meta.url), "utf8");
const examples = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (match) => JSON.parse(match[1] ?? "null") as { id: string },
);

/** With thousands separators, as the page writes money. */
const written = (money: string) => money.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ",");

const expected: {
  readonly [id: string]: { leases: [number, number, string][]; sitePart: string; total: string; findings: string[] };
} = {
  "V-A": {
    leases: [
      [6, 6, "48000.00"],
      [64, 36, "180000.00"],
      [0, 0, "0.00"],
    ],
    sitePart: "200000.00",
    total: "428000.00",
    findings: ["lease-capped:L2", "lease-ended:L3"],
  },
  "V-B": { leases: [[1, 1, "333.33"]], sitePart: "18750.00", total: "19083.33", findings: [] },
  "V-C": {
    leases: [
      [12, 12, "24000.00"],
      [0, 0, "0.00"],
    ],
    sitePart: "50000.00",
    total: "74000.00",
    findings: ["leased-area-exceeds-site:"],
  },
};

describe("docs/village-compensation.md worked examples (bundled tongzhou-2016)", () => {
  it("the page has exactly the examples this test knows", () => {
    expect(examples.map((example) => example.id)).toEqual(Object.keys(expected));
  });

  it.each(examples.map((example) => [example.id, example] as const))(
    "%s computes to the figures the page writes",
    (id, example) => {
      const outcome = compute(example) as Outcome<string, VillageCompensationDetail>;
      const want = expected[id];
      expect(
        outcome.detail?.leases.map((lease) => [lease.remainingMonths, lease.compensatedMonths, lease.lostRent]),
      ).toEqual(want?.leases);
      expect(outcome.detail?.sitePart).toBe(want?.sitePart);
      expect(outcome.amounts).toEqual({ municipal: "0.00", district: want?.total, total: want?.total });
      expect(outcome.findings.map((f) => `${f.code}:${f.itemId ?? ""}`)).toEqual(want?.findings);
      expect(outcome.basis).toBe("illustrative");
      for (const money of [want?.sitePart ?? "", want?.total ?? "", ...(want?.leases ?? []).map(([, , lost]) => lost)])
        expect(page).toContain(`**${written(money)}**`);
    },
  );

  it("the page quotes the bundled parameter values it uses", () => {
    expect(page).toContain("`village.rentCapYears` | `3`");
    expect(page).toContain("`village.rentCompensationRate` | `0.4`");
    expect(page).toContain("`industrial-compound` 10,000 元/亩; `breeding-zone` 5,000 元/亩");
  });
});
