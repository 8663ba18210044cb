import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { zodIssues } from "../../src/schemas/issues.js";

/** The problem zodIssues makes of `value` under `schema`, at the field `field`. */
function problemOf(schema: z.ZodMiniType, value: unknown) {
  const parsed = z.object({ field: schema }).safeParse({ field: value }, { reportInput: true });
  if (parsed.success) throw new Error("expected a problem");
  const issues = zodIssues(parsed.error.issues, [0]);
  expect(issues).toHaveLength(1);
  return issues[0] as { path: string; code: string; message: string; zh?: string };
}

describe("zodIssues: a value not in the format a schema asks says which format", () => {
  it.each([
    [
      z.string().check(z.regex(/^[A-Z]{2}-\d+$/)),
      "ab",
      "must match the pattern /^[A-Z]{2}-\\d+$/",
      "应符合格式 /^[A-Z]{2}-\\d+$/",
    ],
    [z.string().check(z.startsWith("GF-")), "x", 'must start with "GF-"', '应以 "GF-" 开头'],
    [z.string().check(z.endsWith(".pdf")), "x", 'must end with ".pdf"', '应以 ".pdf" 结尾'],
    [z.string().check(z.includes("镇")), "x", 'must include "镇"', '应包含 "镇"'],
    ...(
      [
        [z.email(), "email"],
        [z.url(), "url"],
        [z.uuid(), "uuid"],
        [z.iso.date(), "date"],
        [z.iso.datetime(), "datetime"],
        [z.iso.time(), "time"],
        [z.string().check(z.lowercase()), "lowercase"],
        [z.ipv4(), "ipv4"],
        [z.base64(), "base64"],
      ] as const
    ).map(([schema, name]): [z.ZodMiniType, string, string, string] => [
      schema,
      "X!",
      `must be in the format "${name}"`,
      `应为 "${name}" 格式`,
    ]),
  ])("%#: %s", (schema, value, en, zh) => {
    const problem = problemOf(schema, value);
    expect(problem.path).toBe("[0].field");
    expect(problem.message).toContain(`field: ${en}`);
    expect(problem.message).toContain(`got ${JSON.stringify(value)}`);
    expect(problem.zh).toContain(zh);
    expect(problem.zh).not.toContain("格式不正确");
    expect(problem.message).not.toContain("Invalid");
  });

  it("a very long pattern is cut, not echoed whole", () => {
    const long = new RegExp(`^(?:${"a|".repeat(200)}b)$`);
    const problem = problemOf(z.string().check(z.regex(long)), "x");
    expect(problem.message).toContain("must match the pattern /^(?:a|a|");
    expect(problem.message.length).toBeLessThan(260);
    expect(problem.message).toMatch(/characters\)/);
  });
});
