import { InvalidInputError } from "../errors/index.js";
import type { Outcome } from "../trace/types.js";
import { computeParsed, parseCase, resolveRuleSetInput, type RuleSetInput } from "./compute.js";

/**
 * 流式计算 · stream computation — outcomes of an async iterable of cases, one at a time, in bounded memory.
 *
 * @remarks Each case is validated as it arrives; an invalid case or a repeated id throws
 * `InvalidInputError` (paths prefixed with the case's index). To keep "invalid input writes no
 * results" for a file, validate it in a first pass (the CLI does). Batch cross-checks between
 * transfers and enterprise cases need the whole batch and are not applied here (use `compute`).
 */
export async function* computeStream(cases: AsyncIterable<unknown> | Iterable<unknown>, ruleSetInput?: RuleSetInput): AsyncGenerator<Outcome> {
  const ruleSet = resolveRuleSetInput(ruleSetInput);
  const seen = new Set<string>();
  let index = 0;
  for await (const input of cases) {
    const parsed = parseCase(input, ruleSet, index);
    if (!parsed.ok) throw new InvalidInputError(parsed.issues);
    if (seen.has(parsed.value.id)) throw new InvalidInputError([{ path: `[${index}].id`, message: `id (编号) "${parsed.value.id}" is used twice in the stream; case ids must be unique` }]);
    seen.add(parsed.value.id);
    try {
      yield computeParsed(parsed.value, ruleSet);
    } catch (error) {
      if (error instanceof InvalidInputError) throw new InvalidInputError(error.issues.map((issue) => ({ path: `[${index}].${issue.path}`, message: issue.message })));
      throw error;
    }
    index += 1;
  }
}
