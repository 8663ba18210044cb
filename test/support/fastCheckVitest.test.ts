import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fc, propWith, test } from "./fastCheckVitest.js";

// The stand-in for @fast-check/vitest under mutation (vitest.mutation.config.ts): it must run a property as the
// package does — named with its seed, from fast-check's global seed, every generated case, failing on a
// counterexample — or a mutant could survive a property test that never ran.
describe("test.prop", () => {
  it("names the test with the seed, from fast-check's global seed unless the parameters give one", () => {
    const names: string[] = [];
    const prop = propWith((name) => void names.push(name));
    prop([fc.nat()])("a", () => true);
    prop([fc.nat()], { seed: 42 })("b", () => true);
    const seed = fc.readConfigureGlobal().seed;
    expect(names[1]).toBe("b (with seed=42)");
    if (seed !== undefined) expect(names[0]).toBe(`a (with seed=${seed})`);
    else expect(names[0]).toMatch(/^a \(with seed=-?\d+\)$/);
  });

  it("runs the property on numRuns generated cases and fails on a counterexample, with fast-check's report", async () => {
    const bodies: (() => Promise<void>)[] = [];
    const prop = propWith((_name, body) => void bodies.push(body));
    const seen: number[] = [];
    prop([fc.integer({ min: 0, max: 1000 })], { numRuns: 17, seed: 1 })("counts", (n) => void seen.push(n));
    prop([fc.integer({ min: 0, max: 1000 })], { numRuns: 50, seed: 1 })("fails above 10", (n) => n <= 10);
    prop({ a: fc.constant(3), b: fc.constant("x") }, { numRuns: 2, seed: 1 })("record", ({ a, b }: never) => {
      expect([a, b]).toEqual([3, "x"]);
    });
    await bodies[0]!();
    expect(seen).toHaveLength(17);
    await expect(bodies[1]!()).rejects.toThrow(/Property failed after \d+ tests[\s\S]*Counterexample: \[11\]/);
    await bodies[2]!();
  });
});

describe("hooks around every generated case", () => {
  let before = 0;
  let after = 0;
  beforeEach(() => void (before += 1));
  afterEach(() => void (after += 1));
  test.prop([fc.nat()], { numRuns: 5 })("beforeEach and afterEach run for each case after the first", () => {
    expect(before - after).toBe(1);
  });
  it("after the property: 5 cases in one vitest test, then this test's own beforeEach", () => {
    expect([before, after]).toEqual([6, 5]);
  });
});
