import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "../../../src/money/decimal.js";
import { type ItemInput, CUTOFF, TEST_RATES, clearanceRules, declaration, verifyOne } from "./support.js";

const AREA_TYPES = ["brick-concrete", "brick-wood", "steel-frame"] as const;
const RULE_SETS = [clearanceRules({ requireSurvey: true }), clearanceRules({ requireSurvey: false })] as const;

/** A decimal string with up to 3 decimals, built from an integer (no float arithmetic). */
const decimalQuantity = fc.integer({ min: 0, max: 5_000_000 }).map((milli) => {
  const whole = Math.floor(milli / 1000);
  const fraction = String(milli % 1000).padStart(3, "0");
  return fraction === "000" ? String(whole) : `${whole}.${fraction}`;
});
const wholeQuantity = fc.integer({ min: 0, max: 40 }).map(String);
const builtOn = fc.constantFrom("2010-01-01", "2016-06-13", CUTOFF, "2016-06-15", "2016-08-01");

/** An item: an area type (which a survey may change to another area type), a wall (m), or a per-item structure. */
const item: fc.Arbitrary<ItemInput> = fc
  .oneof(
    fc.record({
      group: fc.constant(AREA_TYPES as readonly string[]),
      quantity: decimalQuantity,
      surveyed: decimalQuantity,
    }),
    fc.record({
      group: fc.constant(["enclosure-wall"] as readonly string[]),
      quantity: decimalQuantity,
      surveyed: decimalQuantity,
    }),
    fc.record({
      group: fc.constant(["other-structure"] as readonly string[]),
      quantity: wholeQuantity,
      surveyed: wholeQuantity,
    }),
  )
  .chain(({ group, quantity, surveyed }) =>
    fc.record(
      {
        structureType: fc.constantFrom(...group),
        quantity: fc.constant(quantity),
        survey: fc.record({ structureType: fc.constantFrom(...group), quantity: fc.constant(surveyed) }),
        builtOn,
        declaredAmount: decimalQuantity,
      },
      { requiredKeys: ["structureType", "quantity"] },
    ),
  );

const items = fc.array(item, { minLength: 1, maxLength: 8 });
const ruleSet = fc.constantFrom(...RULE_SETS);

const rateOf = (type: string) => dec((TEST_RATES as Record<string, { rate: string }>)[type]?.rate ?? "NaN");

describe("structure-clearance properties", () => {
  it("approved quantity ≤ declared quantity, item by item", () => {
    fc.assert(
      fc.property(items, ruleSet, (list, rules) => {
        const outcome = verifyOne(declaration(list), rules);
        for (const row of outcome.detail?.items ?? [])
          expect(dec(row.approvedQuantity).lte(row.declaredQuantity)).toBe(true);
      }),
    );
  });

  it("approved total ≤ the total if every item were surveyed at its declared quantity (keeping the surveyed type) and built in time", () => {
    fc.assert(
      fc.property(items, ruleSet, (list, rules) => {
        const asDeclared = list.map(({ builtOn: _builtOn, ...rest }) => ({
          ...rest,
          survey: { structureType: rest.survey?.structureType ?? rest.structureType, quantity: rest.quantity },
        }));
        const approved = dec(verifyOne(declaration(list), rules).detail?.totals.approved ?? "NaN");
        const ceiling = dec(verifyOne(declaration(asDeclared), rules).detail?.totals.approved ?? "NaN");
        expect(approved.lte(ceiling)).toBe(true);
      }),
    );
  });

  it("when no survey changes the type, approved total ≤ the declared quantities at the rates", () => {
    fc.assert(
      fc.property(items, ruleSet, (list, rules) => {
        const sameType = list.map((i) =>
          i.survey === undefined ? i : { ...i, survey: { ...i.survey, structureType: i.structureType } },
        );
        const outcome = verifyOne(declaration(sameType), rules);
        const atRates = outcome.detail?.items.reduce(
          (sum, row) => sum.plus(rateOf(row.declaredType).times(row.declaredQuantity).toDecimalPlaces(2, 4)),
          dec(0),
        );
        expect(dec(outcome.detail?.totals.approved ?? "NaN").lte(atRates ?? dec("NaN"))).toBe(true);
      }),
    );
  });

  it("approved total = Σ item fees = amounts.district = amounts.total; difference = approved − declared", () => {
    fc.assert(
      fc.property(items, ruleSet, (list, rules) => {
        const outcome = verifyOne(declaration(list), rules);
        const detail = outcome.detail;
        const fees = detail?.items.reduce((sum, row) => sum.plus(row.fee), dec(0));
        expect(fees?.toFixed(2)).toBe(detail?.totals.approved);
        expect(outcome.amounts).toEqual({
          municipal: "0.00",
          district: detail?.totals.approved,
          total: detail?.totals.approved,
        });
        expect(
          dec(detail?.totals.approved ?? "NaN")
            .minus(detail?.totals.declared ?? "NaN")
            .toFixed(2),
        ).toBe(detail?.totals.difference);
        const declared = detail?.declaredByItem.reduce((sum, row) => sum.plus(row.amount), dec(0));
        expect(declared?.toDecimalPlaces(2, 4).toFixed(2)).toBe(detail?.totals.declared);
      }),
    );
  });

  it("a fee never decreases when the surveyed quantity grows", () => {
    fc.assert(
      fc.property(items, fc.nat(), decimalQuantity, ruleSet, (list, pick, extra, rules) => {
        const index = pick % list.length;
        const chosen = list[index] as ItemInput;
        if (chosen.survey === undefined) return;
        const grown = dec(chosen.survey.quantity)
          .plus(chosen.structureType === "other-structure" ? dec(extra).floor() : extra)
          .toString();
        const more = list.map((i, k) =>
          k === index
            ? { ...i, survey: { structureType: chosen.survey?.structureType ?? i.structureType, quantity: grown } }
            : i,
        );
        const before = verifyOne(declaration(list), rules).detail;
        const after = verifyOne(declaration(more), rules).detail;
        expect(dec(after?.items[index]?.fee ?? "NaN").gte(before?.items[index]?.fee ?? "NaN")).toBe(true);
        expect(dec(after?.totals.approved ?? "NaN").gte(before?.totals.approved ?? "NaN")).toBe(true);
      }),
    );
  });

  it("reordering the items changes nothing but their order", () => {
    fc.assert(
      fc.property(
        items.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(
              list.map((_, k) => k),
              { minLength: list.length, maxLength: list.length },
            ),
          ),
        ),
        ruleSet,
        ([list, order], rules) => {
          const original = declaration(list);
          const reordered = { ...original, items: order.map((k) => original.items[k]) };
          const a = verifyOne(original, rules);
          const b = verifyOne(reordered, rules);
          expect(b.detail?.items).toEqual(order.map((k) => a.detail?.items[k]));
          expect(b.detail?.declaredByItem).toEqual(order.map((k) => a.detail?.declaredByItem[k]));
          expect(b.detail?.totals).toEqual(a.detail?.totals);
          expect(b.amounts).toEqual(a.amounts);
          expect(b.reasons).toEqual(a.reasons);
          const byItem = (findings: typeof a.findings) =>
            [...findings].sort((x, y) => `${x.itemId}|${x.code}`.localeCompare(`${y.itemId}|${y.code}`));
          expect(byItem(b.findings)).toEqual(byItem(a.findings));
          expect(b.findings.map((f) => f.itemId)).toEqual(
            order.flatMap((k) => a.findings.filter((f) => f.itemId === original.items[k]?.id).map((f) => f.itemId)),
          );
        },
      ),
    );
  });
});
