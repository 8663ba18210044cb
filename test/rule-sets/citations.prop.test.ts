// Citations are the rule set's data: a rule set that gives a rule no citation says so ("no clause given"), and never
// shows a clause of another rule set (tongzhou-2016's, say) in a trace step, a reason or a finding.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { computeBatch } from "../../src/batch/compute.js";
import type { RuleSetJson } from "../../src/parameters/types.js";
import { bundledRuleSetJson, loadRuleSet } from "../../src/rule-sets/index.js";
import { defaultProgramme } from "../../src/rules/default.js";
import { NO_CLAUSE } from "../../src/trace/types.js";

const tongzhou = bundledRuleSetJson.get("tongzhou-2016") as RuleSetJson;
const tongzhouClauses = new Set(Object.values(tongzhou.rules ?? {}).map((citation) => citation.clause));
const RULES = defaultProgramme.rules;

// Cases of every kind and of every enterprise track from the sample district (a few of each, for speed).
const sample = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../../examples/tongzhou-2016/cases.json"), "utf8")) as {
    cases: { kind: string }[];
  }
).cases;
const CASES = ["enterprise-exit", "structure-clearance", "village-compensation", "township-transfer"].flatMap((kind) =>
  sample.filter((c) => c.kind === kind).slice(0, kind === "enterprise-exit" ? 60 : 4),
);

describe("a rule set's citations", () => {
  test.prop([fc.subarray([...RULES])], { numRuns: 25 })(
    "each step cites exactly its rule set's clause for its rule, or says none is given; no other rule set's clause appears",
    (cited) => {
      const rules = Object.fromEntries(cited.map((rule) => [rule, { source: "S0", clause: `own clause of ${rule}` }]));
      const { extends: _none, rules: _theirs, ...rest } = tongzhou;
      const ruleSet = loadRuleSet({ ...rest, id: "citations-test", rules });
      const document = computeBatch(CASES, { ruleSet });
      expect(document.errors).toEqual([]);
      const own = new Set([...Object.values(rules).map((citation) => citation.clause), NO_CLAUSE]);
      for (const outcome of document.results) {
        for (const step of outcome.trace)
          expect(step.clause, step.rule).toBe(Object.hasOwn(rules, step.rule) ? rules[step.rule]?.clause : NO_CLAUSE);
        for (const reason of outcome.reasons) expect(own.has(reason.clause), reason.code).toBe(true);
        for (const finding of outcome.findings)
          expect(finding.clause === undefined || own.has(finding.clause), finding.code).toBe(true);
        const shown = [
          ...outcome.trace.map((s) => s.clause),
          ...outcome.reasons.map((r) => r.clause),
          ...outcome.findings.flatMap((f) => f.clause ?? []),
        ];
        expect(shown.filter((clause) => tongzhouClauses.has(clause))).toEqual([]);
      }
    },
  );
});
