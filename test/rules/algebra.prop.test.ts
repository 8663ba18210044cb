// The laws of the algebra (src/rules/algebra.ts): composing never drops what explains a value, and the basis of a
// composed outcome is the weakest status it read.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { weakestStatus, type Status } from "../../src/parameters/status.js";
import { all, chain, figure, of, type Rule, type Traced } from "../../src/rules/algebra.js";
import { parameter } from "../../src/parameters/handles.js";
import type { Finding, Reason, TraceStep } from "../../src/trace/types.js";
import { evaluationOn } from "../support/outcomes.js";
import { ruleSetWith } from "../support/ruleSetWith.js";

/** A traced value whose every step, reason and finding is distinct (named after its position), so a drop shows. */
const tracedArb = (tag: string): fc.Arbitrary<Traced<number>> =>
  fc
    .record({
      value: fc.integer(),
      steps: fc.nat(3),
      reasons: fc.nat(3),
      findings: fc.nat(3),
    })
    .map(({ value, steps, reasons, findings }) => ({
      value,
      steps: Array.from(
        { length: steps },
        (_, i): TraceStep => ({ rule: `${tag}.s${i}`, clause: "c", params: [], inputs: {}, value: i }),
      ),
      reasons: Array.from({ length: reasons }, (_, i): Reason => ({ code: `${tag}.r${i}`, message: "m", clause: "c" })),
      findings: Array.from({ length: findings }, (_, i): Finding => ({ code: `${tag}.f${i}`, message: "m" })),
    }));

const logOf = (traced: Traced<unknown>) => ({
  steps: traced.steps.map((s) => s.rule),
  reasons: traced.reasons.map((r) => r.code),
  findings: traced.findings.map((f) => f.code),
});

describe("chain and all never drop a step, a reason or a finding", () => {
  test.prop([tracedArb("a"), tracedArb("b")])("chain(a, () => b): a's log then b's, b's value", (a, b) => {
    const chained = chain(a, (value) => {
      expect(value).toBe(a.value);
      return b;
    });
    expect(chained.value).toBe(b.value);
    expect(logOf(chained)).toEqual({
      steps: [...logOf(a).steps, ...logOf(b).steps],
      reasons: [...logOf(a).reasons, ...logOf(b).reasons],
      findings: [...logOf(a).findings, ...logOf(b).findings],
    });
  });

  test.prop([fc.array(tracedArb("x"), { maxLength: 6 }).map((list) => list.map((t, i) => relabel(t, `p${i}`)))])(
    "all([...]) and all({...}): every part's log, in order, and every value",
    (parts) => {
      const expected = {
        steps: parts.flatMap((p) => logOf(p).steps),
        reasons: parts.flatMap((p) => logOf(p).reasons),
        findings: parts.flatMap((p) => logOf(p).findings),
      };
      const listed = all(parts);
      expect(listed.value).toEqual(parts.map((p) => p.value));
      expect(logOf(listed)).toEqual(expected);
      const named = all(Object.fromEntries(parts.map((p, i) => [`k${i}`, p])));
      expect(Object.values(named.value)).toEqual(parts.map((p) => p.value));
      expect(logOf(named)).toEqual(expected);
    },
  );

  test.prop([tracedArb("a"), tracedArb("b"), tracedArb("c")])("chain is associative in what it logs", (a, b, c) => {
    const left = chain(
      chain(a, () => b),
      () => c,
    );
    const right = chain(a, () => chain(b, () => c));
    expect(logOf(left)).toEqual(logOf(right));
  });
});

function relabel(traced: Traced<number>, tag: string): Traced<number> {
  return {
    value: traced.value,
    steps: traced.steps.map((s) => ({ ...s, rule: `${tag}.${s.rule}` })),
    reasons: traced.reasons.map((r) => ({ ...r, code: `${tag}.${r.code}` })),
    findings: traced.findings.map((f) => ({ ...f, code: `${tag}.${f.code}` })),
  };
}

// Three parameters of the default programme's catalogue, each given a status by the property.
const HANDLES = [
  parameter.decimal("reward.municipal.ratePerTce", "test"),
  parameter.decimal("reward.municipal.min", "test"),
  parameter.decimal("transfer.coverage", "test"),
] as const;
const STATUSES: readonly Status[] = ["official", "reported", "illustrative"];

describe("basis: the weakest status a composed computation read", () => {
  test.prop([
    fc.array(fc.constantFrom(...STATUSES), { minLength: HANDLES.length, maxLength: HANDLES.length }),
    fc.array(fc.array(fc.nat(HANDLES.length - 1), { maxLength: 3 }), { maxLength: 4 }),
    fc.boolean(),
  ])("figures reading any parameters, chained and combined: basis = weakest status read", (statuses, reads, traced) => {
    const ruleSet = ruleSetWith(
      Object.fromEntries(
        HANDLES.map((handle, i) => [
          handle.name,
          { status: statuses[i] ?? "official", values: [{ from: "2000-01-01", value: "1", clause: "test clause" }] },
        ]),
      ),
    );
    const figures: Rule<null, number>[] = reads.map((indexes, n) =>
      figure(`test.figure${n}`, (_facts: null, read) =>
        indexes.reduce((sum, i) => sum + read(HANDLES[i]!).toNumber(), 0),
      ),
    );
    const composed: Rule<null, number> = (facts, ctx) =>
      figures.reduceRight<Traced<number>>((next, rule) => chain(rule(facts, ctx), () => next), of(0));
    const { ctx, basis } = evaluationOn(ruleSet, "2016-12-31", traced);
    const result = all([composed(null, ctx), of(1)]);
    const read = [...new Set(reads.flat())].map((i) => statuses[i]!);
    expect(basis()).toBe(weakestStatus(read));
    // Traced or not, the same basis; when traced, each step cites exactly what its figure read.
    if (traced)
      expect(result.steps.map((s) => s.params.map((p) => p.name))).toEqual(
        reads.map((indexes) => [...new Set(indexes)].map((i) => HANDLES[i]!.name)),
      );
    else expect(result.steps).toEqual([]);
  });
});
