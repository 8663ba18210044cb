import { describe, expect, it } from "vitest";
import { defaultProgramme } from "../../../src/rules/default.js";
import { amountWords, valueWords } from "../../../src/node/xlsx/words.js";

describe("valueWords", () => {
  it("writes a scale's thresholds and rates with thousands separators, as every other figure on a sheet", () => {
    const scale = {
      type: "marginal-rate",
      brackets: [
        { threshold: "0", rate: "1" },
        { threshold: "300000", rate: "0.5" },
        { threshold: "1250000.5", rate: "0" },
      ],
    };
    expect(valueWords(defaultProgramme, scale)).toBe("超额累进：0 以上 1；300,000 以上 0.5；1,250,000.5 以上 0");
  });

  it("keeps every digit of an amount and leaves other text alone", () => {
    expect(amountWords("14978.15055")).toBe("14,978.15055");
    expect(amountWords("-1234567")).toBe("-1,234,567");
    expect(amountWords("约 300000")).toBe("约 300000");
  });
});
