import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compute } from "../../../src/batch/compute.js";
import type { TownshipTransferDetail } from "../../../src/rules/township-transfer/townshipTransfer.js";
import type { OutcomeBase as Outcome } from "../../../src/trace/types.js";

// The worked examples of docs/township-transfers.md, computed with the bundled tongzhou-2016 rule set.
const page = readFileSync(new URL("../../../docs/township-transfers.md", import.meta.url), "utf8");
const examples = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (match) => JSON.parse(match[1] ?? "null") as { id: string },
);

/** With thousands separators, as the page writes money. */
const written = (money: string) => money.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ",");

interface Expected {
  readonly enterprises: readonly string[];
  readonly lost: string;
  readonly ratio: string;
  readonly eligible: boolean;
  readonly transfer: string;
  readonly targets: { readonly taxTarget: string; readonly outputTarget: string };
}
const expected: { readonly [id: string]: Expected } = {
  "T-A": {
    enterprises: ["238500.00", "22500.00"],
    lost: "261000.00",
    ratio: "0.0725",
    eligible: true,
    transfer: "261000.00",
    targets: { taxTarget: "261000.00", outputTarget: "12000000.00" },
  },
  "T-B": {
    enterprises: ["148500.00", "11250.00"],
    lost: "159750.00",
    ratio: "0.0444",
    eligible: false,
    transfer: "0.00",
    targets: { taxTarget: "159750.00", outputTarget: "12000000.00" },
  },
  "T-C": {
    enterprises: ["100000.00"],
    lost: "100000.00",
    ratio: "0.0500",
    eligible: true,
    transfer: "100000.00",
    targets: { taxTarget: "100000.00", outputTarget: "0.00" },
  },
  "T-D": {
    enterprises: ["99999.99"],
    lost: "99999.99",
    ratio: "0.0500",
    eligible: false,
    transfer: "0.00",
    targets: { taxTarget: "99999.99", outputTarget: "0.00" },
  },
};

describe("docs/township-transfers.md worked examples (bundled tongzhou-2016)", () => {
  it("the page has exactly the examples this test knows", () => {
    expect(examples.map((example) => example.id)).toEqual(Object.keys(expected));
  });

  it.each(examples.map((example) => [example.id, example] as const))(
    "%s computes to the figures the page writes",
    (id, example) => {
      const outcome = compute(example) as Outcome<string, TownshipTransferDetail>;
      const want = expected[id] as Expected;
      expect(outcome.detail?.enterprises.map((enterprise) => enterprise.lostCapacity)).toEqual(want.enterprises);
      expect(outcome.detail).toMatchObject({
        lostCapacity: want.lost,
        impactRatio: want.ratio,
        threshold: "0.05",
        eligible: want.eligible,
        transfer: want.transfer,
        targetReductions: want.targets,
      });
      expect(outcome.amounts.total).toBe(want.transfer);
      expect(outcome.reasons.map((r) => r.code)).toEqual([
        want.eligible ? "impact-threshold-met" : "impact-below-threshold",
      ]);
      expect(outcome.basis).toBe("illustrative");
      for (const money of [...want.enterprises, want.lost, want.transfer, want.targets.outputTarget])
        expect(page).toContain(`**${written(money)}**`);
      expect(page).toContain(want.ratio);
    },
  );

  it("example 4's full ratio is the one the page quotes", () => {
    const example = examples.find((e) => e.id === "T-D");
    expect((compute(example) as Outcome).reasons[0]?.data?.["impactRatio"]).toBe("0.049999995");
    expect(page).toContain('`"0.049999995"`');
  });

  it("the shares the page derives are the ones the trace records", () => {
    const shares = (fiscalYear: number) =>
      Object.fromEntries(
        (compute({ ...examples[0], fiscalYear, id: `S-${fiscalYear}` }) as Outcome).trace
          .filter((s) => s.rule === "transfer.townshipShare")
          .map((s) => [s.inputs["taxType"], s.value]),
      );
    expect(shares(2016)).toEqual({ vat: "0.1125", corporateIncome: "0.18", other: "0.45" });
    expect(shares(2017)).toEqual({ vat: "0.225", corporateIncome: "0.18", other: "0.45" });
    expect(page).toContain("**0.1125**");
    expect(page).toContain("VAT 0.5 × 0.45 = **0.225**");
  });
});
