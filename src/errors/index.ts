import { ECHO_LIMIT, cutText } from "./echo.js";

/** One problem found in the input: where (a path such as `cases[2].acceptance.staffResettled`) and what is wrong and accepted. */
export interface InputIssue {
  readonly path: string;
  /** A stable kebab-case code (`unknown-field`, `not-a-decimal`, `duplicate-id`, …) that programs match on. */
  readonly code: string;
  /** What was wrong and what is accepted, in English. */
  readonly message: string;
  /** The same in Chinese. */
  readonly zh?: string;
  /** The field's Chinese label (e.g. 节能量(tce)) when the path names a field. */
  readonly label?: string;
}

/** Registered symbols that mark our errors, so an error thrown by another copy of the package is recognised too. */
const INVALID_INPUT: unique symbol = Symbol.for("exitfund.InvalidInputError") as never;
const RULE_SET: unique symbol = Symbol.for("exitfund.RuleSetError") as never;

/**
 * Bad input (a case, a ledger row, a rule set): nothing was computed.
 *
 * @remarks
 * Carries every problem found, never just the first, so a clerk fixes a file in one pass.
 * Tests assert on `issues[].path` and `issues[].code`; the prose is for people. Recognise it with
 * {@link isInvalidInputError}, which also knows the errors of another copy of exitfund (a programme module
 * loaded from the built package, say), where `instanceof` does not.
 */
export class InvalidInputError extends Error {
  override readonly name: string = "InvalidInputError";
  readonly issues: readonly InputIssue[];
  declare readonly [INVALID_INPUT]: true;
  constructor(issues: readonly InputIssue[], summary?: string) {
    super(summary ?? describeIssues(issues));
    this.issues = issues;
  }
}
Object.defineProperty(InvalidInputError.prototype, INVALID_INPUT, { value: true });

/** A rule set that is malformed, lacks a parameter the rules need, or has no value in force on a date. */
export class RuleSetError extends InvalidInputError {
  override readonly name: string = "RuleSetError";
  declare readonly [RULE_SET]: true;
}
Object.defineProperty(RuleSetError.prototype, RULE_SET, { value: true });

/** True for an {@link InvalidInputError} (or a {@link RuleSetError}) of any copy of exitfund. */
export function isInvalidInputError(error: unknown): error is InvalidInputError {
  return (
    error instanceof InvalidInputError ||
    (typeof error === "object" &&
      error !== null &&
      (error as { [INVALID_INPUT]?: unknown })[INVALID_INPUT] === true &&
      Array.isArray((error as { issues?: unknown }).issues))
  );
}

/** True for a {@link RuleSetError} of any copy of exitfund. */
export function isRuleSetError(error: unknown): error is RuleSetError {
  return isInvalidInputError(error) && (error as { [RULE_SET]?: unknown })[RULE_SET] === true;
}

/** Our own bug: an invariant the code guarantees did not hold. */
export function assertInvariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`[exitfund] invariant: ${message}`);
}

/** Never reached when a switch covers every case of a union. */
export function assertNever(value: never, what: string): never {
  throw new Error(`[exitfund] invariant: unexpected ${what}: ${JSON.stringify(value)}`);
}

function describeIssues(issues: readonly InputIssue[]): string {
  const shown = issues.slice(0, 20).map((issue) => `  ${issue.path || "(input)"}: ${issue.message}`);
  const more = issues.length > 20 ? [`  … and ${issues.length - 20} more`] : [];
  return [`${issues.length} problem${issues.length === 1 ? "" : "s"} in the input:`, ...shown, ...more].join("\n");
}

/**
 * Joins path segments as `cases[2].items[0].quantity`. A key is cut like any echoed text (a 200,000-character key
 * is `["xxx…(200000 characters)"]`), so no path carries a hostile key whole into a message or a JSON document.
 */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && (segment.length > ECHO_LIMIT || !/^[A-Za-z_$][\w$-]*$/.test(segment)))
      out += `[${JSON.stringify(cutText(segment, ECHO_LIMIT))}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
