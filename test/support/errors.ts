import { InvalidInputError } from "../../src/errors/index.js";

/** The paths of the input problems `run` throws; fails the test when it throws nothing or something else. */
export function issuePaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues.map((issue) => issue.path);
    throw error;
  }
  throw new Error("expected InvalidInputError");
}

/** The input problems `run` throws; fails the test when it throws nothing or something else. */
export function thrownIssues(run: () => unknown): InvalidInputError["issues"] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues;
    throw error;
  }
  throw new Error("expected InvalidInputError");
}

/** The input problems the promise rejects with; fails the test when it resolves or rejects with something else. */
export async function rejectedIssues(run: Promise<unknown>): Promise<InvalidInputError["issues"]> {
  try {
    await run;
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues;
    throw error;
  }
  throw new Error("expected InvalidInputError");
}
