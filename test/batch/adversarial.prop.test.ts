import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";

const valid = [enterpriseCase, clearanceCase, villageCase, transferCase] as const;

/** A valid case with one field replaced by arbitrary JSON (or removed, or a stray key added). */
const mangled = fc
  .tuple(fc.constantFrom(...valid), fc.jsonValue(), fc.nat(), fc.constantFrom("replace", "remove", "add"))
  .map(([base, junk, pick, how]) => {
    const copy: { [key: string]: unknown } = JSON.parse(JSON.stringify(base));
    const keys = Object.keys(copy).filter((key) => key !== "kind");
    const key = keys[pick % keys.length] ?? "id";
    if (how === "replace") copy[key] = junk;
    else if (how === "remove") delete copy[key];
    else copy[`${key}X`] = junk;
    return copy;
  });

describe("adversarial input (properties)", () => {
  it("any JSON value as a case gives errors or outcomes, never a crash, and never both", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue(), mangled), { maxLength: 4 }), (inputs) => {
        const document = computeBatch(inputs);
        if (document.errors.length > 0) expect(document.results).toEqual([]);
        else expect(document.results.length).toBe(inputs.length);
        for (const error of document.errors) {
          expect(error.path).toMatch(/^\[\d+\]/);
          expect(error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keys such as __proto__ and constructor are refused as unknown fields, and pollute nothing", () => {
    const document = computeBatch([
      JSON.parse(`{"kind":"enterprise-exit","__proto__":{"polluted":true},"constructor":{"x":1}}`),
    ]);
    expect(
      document.errors.some((error) => error.path.includes("constructor") || error.path.includes("__proto__")),
    ).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
