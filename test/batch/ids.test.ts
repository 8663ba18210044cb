// Repeated ids over a stream by their digests: the same answers as the exact ids, a false alarm confirmed away.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import { confirmRepeats, exactIds, idDigest, idDigests } from "../../src/batch/ids.js";
import { checkStream } from "../../src/batch/stream.js";

const sample = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../../examples/tongzhou-2016/cases.json"), "utf8")) as {
    cases: { id: string }[];
  }
).cases;

describe("idDigests", () => {
  it("adds an id once and names where it was first seen", () => {
    const ids = idDigests();
    expect(ids.add("E-1", 7)).toBeUndefined();
    expect(ids.add("E-2", 8)).toBeUndefined();
    expect(ids.add("E-1", 9)).toBe(7);
    expect(ids.add("E-1", 10)).toBe(7);
    expect(ids.size()).toBe(2);
  });

  it("keeps every id as it grows far past its first table (100,000 ids, each repeat found)", () => {
    const ids = idDigests();
    let added = 0;
    for (let i = 0; i < 100_000; i += 1) if (ids.add(`C-${i}`, i) === undefined) added += 1;
    expect(added).toBe(100_000);
    expect(ids.size()).toBe(100_000);
    const firsts: (number | undefined)[] = [];
    for (let i = 0; i < 100_000; i += 997) firsts.push(ids.add(`C-${i}`, 200_000));
    expect(firsts).toEqual(Array.from({ length: firsts.length }, (_, k) => k * 997));
  });

  it("digests differ for ids that differ in one unit, in order, or in length (CJK and astral included)", () => {
    const ids = ["台湖镇-1", "台湖镇-2", "ab", "ba", "a", "a\u0000", "𠀀", "\ud840", "E-2016-0001", "E-2016-0010"];
    const digests = new Set(ids.map((id) => idDigest(id).join(",")));
    expect(digests.size).toBe(ids.length);
  });

  it("answers as the exact set does, for any list of ids (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 6 }), { maxLength: 300 }), (list) => {
        const digests = idDigests();
        const exact = exactIds();
        list.forEach((id, at) => expect(digests.add(id, at)).toBe(exact.add(id, at)));
        expect(digests.size()).toBe(new Set(list).size);
      }),
    );
  });

  it("with a digest that collides, says 'seen' for a new id: the suspect that confirmRepeats refuses", async () => {
    const ids = idDigests(() => [1, 2]);
    expect(ids.add("A", 0)).toBeUndefined();
    expect(ids.add("B", 1)).toBe(0);
    const at = new Map([[0, "A"]]);
    expect(await confirmRepeats([{ id: "B", at: 1, first: 0 }], async () => at)).toBe(false);
    expect(await confirmRepeats([{ id: "A", at: 1, first: 0 }], async () => at)).toBe(true);
    expect(await confirmRepeats([], async () => expect.fail("no second reading without suspects"))).toBe(true);
  });
});

// Township transfers are cross-checked against other cases (a second reading of their own): left out here.
const single = sample.filter((one) => (one as { kind?: string }).kind !== "township-transfer");

describe("checkStream finds repeated ids by digest", () => {
  const records = (cases: readonly unknown[], reads: { n: number }) =>
    async function* () {
      reads.n += 1;
      for (const [at, value] of cases.entries()) yield { at, value };
    };

  it("no repeated id: no second reading for the check", async () => {
    const reads = { n: 0 };
    const checked = await checkStream(records(single, reads));
    expect(checked.errors).toEqual([]);
    expect(reads.n).toBe(1);
  });

  it("repeated ids: the errors of the batch check, with one confirming reading", async () => {
    const cases = [...single.slice(0, 30), single[3], ...single.slice(30, 60), single[3], single[40]];
    const reads = { n: 0 };
    const checked = await checkStream(records(cases, reads));
    const batch = computeBatch(cases);
    expect(checked.errors.map(({ index, id, code }) => ({ index, id, code }))).toEqual(
      batch.errors.map(({ index, id, code }) => ({ index, id, code })),
    );
    expect(checked.errors.filter((error) => error.code === "duplicate-id").map((error) => error.index)).toEqual([
      30, 61, 62,
    ]);
    expect(reads.n).toBe(2);
  });
});
