import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { readCell } from "../../../src/node/formats/cells.js";
import { LAYOUTS, type Column } from "../../../src/node/formats/columns.js";

const money = LAYOUTS.ledger.columns.find((column) => column.key === "amount") as Column;
const quantity = LAYOUTS["enterprise-exit"].columns.find((column) => column.key === "energySavedTce") as Column;

/** A decimal as the contract writes it: no leading zeros, 0–4 decimals, up to 13 integer digits. */
const decimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 9_999_999_999_999n }), fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }))
  .map(([whole, fraction]) => (fraction === undefined ? String(whole) : `${whole}.${fraction}`));

/** Digits grouped by thousands with commas, as Chinese finance sheets write amounts. */
function grouped(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const groupedWhole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? groupedWhole : `${groupedWhole}.${fraction}`;
}

/** The full-width form of every ASCII character (１２３．５, ，). */
function fullWidth(text: string): string {
  return [...text].map((character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0)).join("");
}

describe("figures as Chinese sheets write them read as the figure they show (docs/files.md §2)", () => {
  // Red-green: dropping decimalText's `forms.push("thousands")` (the figure still read, its notice lost) fails this.
  test.prop([decimal, fc.boolean(), fc.boolean(), fc.constantFrom("", "¥", "元", "人民币")], { numRuns: 400 })(
    "thousands separators, full-width digits, ¥ and 元 change nothing but the notice",
    (figure, withCommas, wide, currency) => {
      let written = withCommas ? grouped(figure) : figure;
      if (wide) written = fullWidth(written);
      if (currency === "元") written = `${written}元`;
      else if (currency !== "") written = `${currency}${written}`;
      const cell = readCell(written, money);
      expect(cell).toMatchObject({ ok: true, value: figure });
      const forms = cell?.ok === true ? (cell.forms ?? []) : [];
      expect(forms.includes("thousands")).toBe(withCommas && written.includes(wide ? "，" : ","));
      expect(forms.includes("full-width")).toBe(wide);
      expect(forms.includes("currency")).toBe(currency !== "");
    },
  );

  // Red-green: GROUPED accepting groups of two (`,\d{2,3}`) fails this.
  test.prop([decimal, fc.integer({ min: 1, max: 2 })], { numRuns: 300 })(
    "a comma that does not group by three is refused, never read as a decimal comma or dropped",
    (figure, width) => {
      const digits = figure.replace(".", "");
      fc.pre(digits.length > width);
      const written = `${digits.slice(0, -width)},${digits.slice(-width)}`;
      expect(readCell(written, quantity)).toMatchObject({ ok: false, code: "ambiguous-separator" });
    },
  );

  // Red-green: `div(100)` changed to `div(10)` fails this.
  test.prop([decimal], { numRuns: 300 })(
    "a percentage is the figure over 100 where a rate is expected, refused elsewhere",
    (figure) => {
      const cell = readCell(`${figure}%`, quantity, { rate: true });
      expect(cell?.ok).toBe(true);
      const value = cell?.ok === true ? String(cell.value) : "";
      // value × 100 is the figure written: compare as exact decimals by shifting the point.
      const [whole = "", fraction = ""] = value.split(".");
      const shifted = `${whole}${fraction.padEnd(2, "0").slice(0, 2)}.${fraction.slice(2)}`.replace(/\.$/, "");
      expect(shifted.replace(/^0+(?=\d)/, "")).toBe(figure.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, ""));
      expect(readCell(`${figure}%`, money)).toMatchObject({ ok: false, code: "percent-not-a-rate" });
    },
  );
});
