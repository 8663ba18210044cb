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

/**
 * Every code the CLI's sources (src/node) give an error or a notice: `code: "…"` (and each side of a
 * `code: test ? "…" : "…"`), a helper's code followed by its message (`fail("not-a-date", \`…\`)`), and the
 * codes `UsageError` and `IoError` fall back to.
 */
function cliCodes(): Set<string> {
  const codes = new Set(["usage", "io-error"]);
  for (const file of sources(join(root, "src/node"))) {
    // A literal compared with (`kind === "total" ? …`) is not a code.
    const text = readFileSync(file, "utf8").replace(/[!=]== "[^"]*"/g, "");
    for (const match of text.matchAll(/\bcode: ([^,}\n]*)/g))
      for (const literal of (match[1] ?? "").matchAll(/"([a-z0-9]+(?:-[a-z0-9]+)*)"/g)) codes.add(literal[1] as string);
    const helper =
      /\b(?:fail|issue|problem|unreadable|ZipError)\(\s*(?:(?:`[^`]*`|"[^"]*"|[\w.]+)\s*,\s*)?"([a-z0-9]+(?:-[a-z0-9]+)+)",/g;
    for (const match of text.matchAll(helper)) codes.add(match[1] as string);
  }
  return codes;
}

describe("docs/extending.md: the codes of the CLI", () => {
  const docs = readFileSync(join(root, "docs/extending.md"), "utf8");
  const section = docs.slice(docs.indexOf("### The CLI's codes"), docs.indexOf("## 7."));
  const documented = new Set([...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]));
  const library = new Set(
    [
      ...docs
        .slice(docs.indexOf("### Wrong calls"), docs.indexOf("### The CLI's codes"))
        .matchAll(/^\| `([a-z-]+)` \|/gm),
    ].map((match) => match[1]),
  );

  it("lists every code the CLI can give, with its meaning in Chinese and English", () => {
    const used = cliCodes();
    expect(used.size).toBeGreaterThan(120);
    for (const code of ["one-input", "needs-ledger", "two-rule-sets", "cap-needs-payer", "bad-payer", "bad-by"])
      expect(used.has(code), code).toBe(true);
    for (const code of ["no-argument", "no-sample", "bad-arguments", "programme-load-failed", "not-a-programme"])
      expect(used.has(code), code).toBe(true);
    for (const code of ["not-a-date", "merged-amount", "value-without-header", "xlsx-damaged", "not-zip"])
      expect(used.has(code), code).toBe(true);
    const missing = [...used].filter((code) => !documented.has(code) && !library.has(code));
    expect(missing, "codes not in docs/extending.md §6").toEqual([]);
    for (const row of section.matchAll(/^\| `[a-z0-9-]+` \| ([^|]*) \| ([^|]*) \|$/gm)) {
      expect(row[1], row[0]).toMatch(/[\u4e00-\u9fff]/);
      expect(row[2]?.trim().length, row[0]).toBeGreaterThan(5);
    }
  });

  it("lists no code twice", () => {
    const rows = [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]);
    expect(rows.length).toBe(new Set(rows).size);
  });
});
