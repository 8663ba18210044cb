import type * as z from "zod";
import { echo, SUGGEST_LIMIT } from "../errors/echo.js";
import { formatPath, type InputIssue } from "../errors/index.js";
import { FIELD_LABELS } from "./labels.js";
import { show } from "./scalars.js";

/**
 * Turns zod issues into ours: the path (prefixed, e.g. `[3]` for the fourth case), and a message that
 * names the field with its Chinese label, says what was wrong, and what is accepted.
 */
export function zodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): InputIssue[] {
  return issues.flatMap((issue) => {
    const segments = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: formatPath([...segments, key]),
        message: `unknown field ${echo(key)}${suggest(key)}; a typo must not silently change a result — remove it or use a field of the contract`,
      }));
    }
    if (issue.code === "invalid_union" && issue.errors.length > 0 && issue.discriminator === undefined) {
      // A union of scalar alternatives (string | number): report the first branch's message only once.
      const first = issue.errors[0]?.[0];
      if (first !== undefined && issue.message.startsWith("Invalid input"))
        return zodIssues([{ ...first, path: [...issue.path, ...first.path] }], prefix);
    }
    return [{ path: formatPath(segments), message: fieldMessage(segments, issue) }];
  });
}

function fieldMessage(segments: readonly PropertyKey[], issue: z.core.$ZodIssue): string {
  const field = [...segments].reverse().find((segment) => typeof segment === "string");
  const label = typeof field === "string" ? FIELD_LABELS[field] : undefined;
  const name = typeof field === "string" ? `${field}${label === undefined ? "" : ` (${label})`}` : "value";
  const input = (issue as { input?: unknown }).input;
  if (
    input === undefined &&
    (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union")
  ) {
    const accepted = issue.message.replace(/; got nothing$/, "").replace(/^Invalid input: /, "");
    return `${name} is required — ${accepted === "is required" ? "give a value" : accepted}`;
  }
  if (issue.code === "invalid_type" && !/got /.test(issue.message))
    return `${name}: ${issue.message}; got ${show(input)}`;
  return `${name} ${issue.message.startsWith("is ") ? "" : ": "}${issue.message}`.replace(" : ", ": ");
}

function suggest(key: string): string {
  if (key.length > SUGGEST_LIMIT) return "";
  const lower = key.toLowerCase();
  const match = Object.keys(FIELD_LABELS).find(
    (field) => field.toLowerCase() === lower || distance(field.toLowerCase(), lower) <= 2,
  );
  return match === undefined || match === key ? "" : ` (did you mean "${match}"?)`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}
