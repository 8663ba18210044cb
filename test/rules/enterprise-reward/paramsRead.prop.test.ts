import { fc, test } from "@fast-check/vitest";
import { expect, vi } from "vitest";
import * as lookup from "../../../src/parameters/lookup.js";
import { enterpriseReward } from "../../support/outcomes.js";
import { EnterpriseExitSchema } from "../../../src/schemas/cases.js";
import { aimedInputArb, exitInputArb } from "./arbitraries.js";
import { propertyRules as rules } from "./fixtures.js";

// Every value the rule reads through its context is recorded, so the trace can be checked against what was really read.
vi.mock("../../../src/parameters/lookup.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/parameters/lookup.js")>();
  return { ...original, valueIn: vi.fn(original.valueIn) };
});

const anyCase = fc.oneof(
  exitInputArb,
  aimedInputArb.municipal,
  aimedInputArb["district-supplement"],
  aimedInputArb["district-small"],
);

test.prop([anyCase])(
  "every parameter the rule reads appears in some trace step's params, so basis is honest",
  (input) => {
    const facts = EnterpriseExitSchema.parse(input);
    const spy = vi.mocked(lookup.valueIn);
    spy.mockClear();
    const outcome = enterpriseReward(facts, rules);
    const recorded = outcome.trace.flatMap((s) => s.params.map((p) => p.name));
    const read = spy.mock.calls.map(([, , name, on]) => {
      expect(on).toBe(facts.exitCompletedOn); // every parameter is read on the exit date
      return name;
    });
    expect(read.length).toBeGreaterThan(0);
    for (const name of read)
      expect(
        recorded.some((r) => r === name || r.startsWith(`${name}.`)),
        name,
      ).toBe(true);
    for (const name of recorded)
      expect(
        read.some((r) => name === r || name.startsWith(`${r}.`)),
        name,
      ).toBe(true);
  },
);
