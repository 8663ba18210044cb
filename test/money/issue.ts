import { expect } from "vitest";
import { InvalidInputError } from "../../src/errors/index.js";

/** The one issue `run` is refused with (path, code and both messages), or undefined when it is not refused. */
export function issueOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    const { issues } = error as InvalidInputError;
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    return { path: issue?.path, code: issue?.code, message: issue?.message, zh: issue?.zh };
  }
  return undefined;
}
