// The package-convention linters on the packed tarball: publint (strict, every level) and Are the Types Wrong
// (profile node16: node10 resolution is legacy under engines >= 20).
import { closeSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { expectOk, packed, run } from "./support.js";

const bin = (name: string) => join(import.meta.dirname, "../../node_modules/.bin", name);

describe("package linters on the packed tarball", () => {
  it("publint --strict finds nothing, not even a suggestion", () => {
    const out = expectOk(
      run(bin("publint"), ["run", packed().tarball, "--strict", "--level", "suggestion"], packed().consumer),
      "publint",
    );
    expect(out).toContain("All good!");
  });

  it("attw --profile node16 passes; its one note is that exitfund/browser is ESM only (require() gets an ES module)", () => {
    // The browser build is an ES module by design; that one note is allowed below, by entry, not globally.
    expectOk(
      run(
        bin("attw"),
        [packed().tarball, "--profile", "node16", "--ignore-rules", "cjs-resolves-to-esm"],
        packed().consumer,
      ),
      "attw",
    );
    // The JSON report, written to a file (attw exits before a piped stdout is flushed).
    const file = join(tmpdir(), `exitfund-attw-${process.pid}.json`);
    const fd = openSync(file, "w");
    try {
      spawnSync(bin("attw"), [packed().tarball, "--format", "json"], { stdio: ["ignore", fd, "pipe"] });
    } finally {
      closeSync(fd);
    }
    const { analysis } = JSON.parse(readFileSync(file, "utf8")) as {
      analysis: { problems: { kind: string; entrypoint: string; resolutionKind: string }[] };
    };
    rmSync(file);
    const problems = analysis.problems.filter((problem) => problem.resolutionKind !== "node10");
    expect(problems).toEqual([{ kind: "CJSResolvesToESM", entrypoint: "./browser", resolutionKind: "node16-cjs" }]);
  });

  it("TypeDoc documents every entry without a warning (a type used but not exported, a broken link)", () => {
    const out = join(tmpdir(), `exitfund-typedoc-${process.pid}`);
    try {
      const ran = run(bin("typedoc"), ["--out", out], join(import.meta.dirname, "../.."));
      expect(`${ran.stdout}${ran.stderr}`).not.toMatch(/\[warning\]|\[error\]/);
      expect(ran.status).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
