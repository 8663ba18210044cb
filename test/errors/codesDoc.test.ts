import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * docs/extending.md lists every code a wrong call is refused with (issue 10): each code the sources pass to
 * `refuse(…)` or `argumentIssue(…)` is in its table, so a new refusal cannot go undocumented.
 */
const root = join(import.meta.dirname, "../..");
const sources = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(folder, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(folder, entry.name)]
        : [],
  );
const CALL = /\b(?:refuse|argumentIssue)\(\s*(?:`[^`]*`|"[^"]*"|[\w.]+)\s*,\s*"([a-z][a-z-]*)"/g;

describe("docs/extending.md: the refusal codes of wrong calls", () => {
  const docs = readFileSync(join(root, "docs/extending.md"), "utf8");
  const table = docs.slice(docs.indexOf("### Wrong calls"), docs.indexOf("## 7."));
  const documented = new Set([...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]));

  it("lists every code the sources refuse a call with", () => {
    const used = new Set(
      sources(join(root, "src")).flatMap((file) => [...readFileSync(file, "utf8").matchAll(CALL)].map((m) => m[1])),
    );
    expect(used.size).toBeGreaterThan(20);
    for (const code of ["unreadable", "not-a-context", "not-traced", "not-a-domain", "not-a-parameter", "not-facts"])
      expect(used.has(code), code).toBe(true);
    for (const code of used) expect(documented.has(code), `${code} is not in docs/extending.md`).toBe(true);
    for (const code of ["unknown-option", "invalid-option", "not-ledger-places"])
      expect(documented.has(code)).toBe(true);
  });
});
