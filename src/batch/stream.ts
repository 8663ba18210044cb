import { InvalidInputError } from "../errors/index.js";
import { ZERO, type Dec } from "../money/decimal.js";
import type { Outcome } from "../trace/types.js";
import { computeParsed, parseCase, resolveRuleSetInput, summarize, type RuleSetInput, type Totals } from "./compute.js";

/**
 * 流式计算 · stream computation — outcomes of an async iterable of cases, one at a time, in bounded memory.
 *
 * @remarks Each case is validated as it arrives; an invalid case or a repeated id throws
 * `InvalidInputError` (paths prefixed with the case's index). To keep "invalid input writes no
 * results" for a file, validate it in a first pass (the CLI does). Batch cross-checks between
 * transfers and enterprise cases need the whole batch and are not applied here (use `compute`).
 */
export async function* computeStream(
  cases: AsyncIterable<unknown> | Iterable<unknown>,
  ruleSetInput?: RuleSetInput,
): AsyncGenerator<Outcome> {
  const ruleSet = resolveRuleSetInput(ruleSetInput);
  const seen = new Set<string>();
  let index = 0;
  for await (const input of cases) {
    const parsed = parseCase(input, ruleSet, index);
    if (!parsed.ok) throw new InvalidInputError(parsed.issues);
    if (seen.has(parsed.value.id))
      throw new InvalidInputError([
        {
          path: `[${index}].id`,
          message: `id (编号) "${parsed.value.id}" is used twice in the stream; case ids must be unique`,
        },
      ]);
    seen.add(parsed.value.id);
    try {
      yield computeParsed(parsed.value, ruleSet);
    } catch (error) {
      if (error instanceof InvalidInputError)
        throw new InvalidInputError(
          error.issues.map((issue) => ({ path: `[${index}].${issue.path}`, message: issue.message })),
        );
      throw error;
    }
    index += 1;
  }
}

/** Totals kept while outcomes stream past: `add` each outcome, `totals()` at any time. */
export interface RunningTotals {
  add(outcome: Outcome): void;
  totals(): Totals;
}

/**
 * 累计合计 · running totals — the batch totals of a stream of outcomes (by payer and by township) in
 * memory bounded by the number of townships; `totals()` equals `summarize` of all the outcomes added.
 *
 * @example const running = runningTotals(ruleSet); for await (const o of computeStream(cases)) running.add(o); running.totals();
 */
export function runningTotals(ruleSetInput?: RuleSetInput): RunningTotals {
  const ruleSet = resolveRuleSetInput(ruleSetInput);
  const byTownship = new Map<string, { municipal: Dec; district: Dec }>();
  return {
    add(outcome) {
      const sums = byTownship.get(outcome.township) ?? { municipal: ZERO, district: ZERO };
      byTownship.set(outcome.township, {
        municipal: sums.municipal.plus(outcome.amounts.municipal),
        district: sums.district.plus(outcome.amounts.district),
      });
    },
    totals() {
      // One synthetic outcome per township carries its exact sums, so the rounding and layout are summarize's own.
      const partials = [...byTownship].map(
        ([township, sums]) =>
          ({
            township,
            amounts: { municipal: sums.municipal.toString(), district: sums.district.toString(), total: "0" },
          }) as Outcome,
      );
      return summarize(partials, ruleSet);
    },
  };
}
