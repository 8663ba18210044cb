import { createHash } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { computeBatch, computeTotals } from "../../src/batch/compute.js";
import { checkStream } from "../../src/batch/stream.js";
import { canonicalJson } from "../../src/receipt/canonical.js";
import { inputSha256 } from "../../src/receipt/receipt.js";
import { sha256 } from "../../src/receipt/sha256.js";
import { nodeSha256 } from "../../src/node/sha256.js";
import { clearanceCase, enterpriseCase } from "../fixtures/cases.js";
import { thrownIssues } from "../support/errors.js";

const textArb = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }));

describe("nodeSha256 (node:crypto) gives the core's digest", () => {
  test.prop([fc.array(textArb, { maxLength: 10 })])("on any texts fed in pieces", (pieces) => {
    const core = sha256();
    const node = nodeSha256();
    for (const piece of pieces) {
      core.update(piece);
      node.update(piece);
    }
    expect(node.hex()).toBe(core.hex());
  });

  test.prop([fc.array(fc.jsonValue(), { maxLength: 12 })])("receipts of random inputs, byte for byte", (inputs) => {
    expect(inputSha256(inputs, nodeSha256)).toBe(inputSha256(inputs));
    expect(inputSha256(inputs)).toBe(createHash("sha256").update(canonicalJson(inputs)).digest("hex"));
  });

  const caseArb = fc
    .record({
      n: fc.nat({ max: 9_999 }),
      township: fc.constantFrom("台湖镇", "张家湾镇", "马驹桥镇"),
      employees: fc.nat({ max: 500 }),
      land: fc.integer({ min: 1, max: 999_999 }),
    })
    .map(({ n, township, employees, land }) => ({
      ...enterpriseCase,
      id: `E-${n}`,
      township,
      employees,
      landAreaM2: `${Math.floor(land / 10)}.${land % 10}`,
    }));

  test.prop([fc.array(fc.oneof(caseArb, fc.constant(clearanceCase)), { maxLength: 8 })], { numRuns: 40 })(
    "computeBatch, computeTotals and checkStream give the same receipts with either",
    async (cases) => {
      const options = { skipInvalid: true, trace: false } as const;
      expect(computeBatch(cases, { ...options, sha256: nodeSha256 }).receipt).toEqual(
        computeBatch(cases, options).receipt,
      );
      expect(computeTotals(cases, { skipInvalid: true, sha256: nodeSha256 }).receipt).toEqual(
        computeTotals(cases, { skipInvalid: true }).receipt,
      );
      const streamed = async (digest?: typeof nodeSha256) => {
        const checked = await checkStream(
          async function* () {
            for (const [at, value] of cases.entries()) yield { at, value };
          },
          { ...options, ...(digest === undefined ? {} : { sha256: digest }) },
        );
        for await (const _ of checked.outcomes());
        return checked.receipt();
      };
      expect(await streamed(nodeSha256)).toEqual(await streamed());
      expect((await streamed()).input.sha256).toBe(computeBatch(cases, options).receipt.input.sha256);
    },
  );

  it("refuses a digest that is not SHA-256, before computing anything", () => {
    const md5 = () => {
      const hash = createHash("md5");
      const hasher = {
        update: (text: string | Uint8Array) => (hash.update(text), hasher),
        hex: () => hash.digest("hex"),
      };
      return hasher;
    };
    const issue = thrownIssues(() => computeBatch([enterpriseCase], { sha256: md5 }))[0];
    expect(issue).toMatchObject({ path: "options.sha256", code: "not-sha256" });
    expect(issue?.zh).toMatch(/SHA-256/);
    expect(thrownIssues(() => computeTotals([enterpriseCase], { sha256: "node" as never }))[0]?.path).toMatch(/sha256/);
  });
});
