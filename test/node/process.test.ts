import { spawn, spawnSync } from "node:child_process";
import { existsSync, openSync, closeSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import packageJson from "../../package.json";
import { beforeAll, describe, expect, it } from "vitest";
import { enterpriseCase } from "../fixtures/cases.js";
import { tempDir } from "./formats/support.js";

/** The built bin, as users run it (`npm test` builds it before the tests). */
const CLI = resolve(import.meta.dirname, "../..", (packageJson.bin as { exitfund: string }).exitfund);
const built = existsSync(CLI);

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, "one.json"), JSON.stringify([enterpriseCase]));
  await writeFile(join(dir, "empty-ledger.json"), "[]");
  await writeFile(
    join(dir, "bad.json"),
    JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ ...enterpriseCase, id: `E-${i}`, employees: -1 }))),
  );
  const line = JSON.stringify(enterpriseCase);
  await writeFile(
    join(dir, "small.ndjson"),
    Array.from({ length: 2000 }, (_, i) => line.replace('"id":"E-1"', `"id":"E-${i}"`)).join("\n"),
  );
  await writeFile(
    join(dir, "many.ndjson"),
    Array.from({ length: 40_000 }, (_, i) => line.replace('"id":"E-1"', `"id":"E-${i}"`)).join("\n"),
  );
});

function exited(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done) => child.on("exit", (code, signal) => done({ code, signal })));
}

async function temporaries(): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith(".tmp"));
}

describe("the bin: exit statuses and files under faults", () => {
  it("is built (npm test builds it first; else run npm run build)", () => {
    expect(built, CLI).toBe(true);
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "%s mid-write: exit %i, the previous --out untouched, no temporary file left",
    async (signal, status) => {
      const out = `out-${signal}.csv`;
      await writeFile(join(dir, out), "the previous results\n");
      const child = spawn(process.execPath, [CLI, "compute", "many.ndjson", "--format", "csv", "--out", out], {
        cwd: dir,
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const ended = exited(child);
      for (let waited = 0; (await temporaries()).length === 0 && waited < 30_000; waited += 20)
        await new Promise((wait) => setTimeout(wait, 20));
      expect(await temporaries()).toHaveLength(1); // the computing pass is writing
      child.kill(signal);
      const { code } = await ended;
      expect(code).toBe(status);
      expect(stderr).toContain(`interrupted by ${signal}`);
      expect(await readFile(join(dir, out), "utf8")).toBe("the previous results\n");
      expect(await temporaries()).toEqual([]);
    },
    60_000,
  );

  it("a signal while standard output is being written says the output is incomplete, not that nothing was written", async () => {
    const child = spawn(process.execPath, [CLI, "compute", "many.ndjson", "--format", "ndjson", "--lang", "en"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = exited(child);
    child.stdout?.once("data", () => child.kill("SIGINT"));
    child.stdout?.resume();
    expect((await ended).code).toBe(130);
    expect(stderr).toContain("interrupted by SIGINT: standard output is incomplete (it holds part of the results)");
  }, 60_000);

  it.each(["SIGINT", "SIGTERM"] as const)(
    "demo --out-dir, %s as soon as a file is replaced: the previous run's files or all of this run's, never a mix",
    async (signal) => {
      const out = join(dir, `demo-${signal}`);
      const names = ["results.json", "verification.json", "audit.json", "report.html"];
      await mkdir(out);
      for (const name of names) await writeFile(join(out, name), `previous ${name}\n`);
      const child = spawn(process.execPath, [CLI, "demo", "--out-dir", out, "--lang", "en"], {
        cwd: dir,
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      let done = false;
      const ended = exited(child).then((end) => ((done = true), end));
      const previous = async (name: string) => (await readFile(join(out, name), "utf8")) === `previous ${name}\n`;
      while (!done && (await previous("results.json"))) await new Promise((wait) => setTimeout(wait, 5));
      child.kill(signal);
      const { code } = await ended;
      const kept = await Promise.all(names.map(previous));
      expect(
        kept.every((one) => one === kept[0]),
        `${names.join(", ")}: ${kept.join(", ")}`,
      ).toBe(true);
      expect((await readdir(out)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
      // Interrupted after the renames: it says they were written (a signal as it exits ends it with no status).
      if (code === 130 || code === 143) expect(stderr).toContain(`already written whole: ${join(out, "results.json")}`);
    },
    120_000,
  );

  it("stdout on a full device: one line and exit 74, never 1 and no stack trace", () => {
    for (const args of [
      ["compute", "one.json", "--format", "json"],
      ["compute", "small.ndjson", "--format", "ndjson"],
      ["rules", "--format", "json"],
    ]) {
      const full = openSync("/dev/full", "w");
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, stdio: ["ignore", full, "pipe"] });
      closeSync(full);
      expect(result.status, args.join(" ")).toBe(74);
      const stderr = result.stderr.toString();
      expect(stderr).toContain("cannot write to standard output: ENOSPC");
      expect(stderr).not.toContain("    at ");
    }
  }, 60_000);

  it("--out on a full device, for every command that writes one: exit 74, one line, no totals said first", () => {
    for (const args of [
      ["compute", "one.json", "--format", "json"],
      ["compute", "small.ndjson", "--format", "csv"],
      ["compute", "small.ndjson", "--format", "ndjson"],
      ["compute", "one.json", "--format", "xlsx"],
      ["template", "enterprise-exit", "--format", "csv"],
      ["template", "ledger", "--format", "xlsx"],
      ["rules", "template", "--format", "xlsx"],
      ["rules", "--format", "json"],
      ["report", "one.json"],
      ["audit", "one.json", "--ledger", "empty-ledger.json", "--format", "json"],
      ["budget", "one.json", "--format", "xlsx"],
    ]) {
      const result = spawnSync(process.execPath, [CLI, ...args, "--out", "/dev/full"], { cwd: dir });
      const stderr = result.stderr.toString();
      expect(result.status, args.join(" ")).toBe(74);
      expect(stderr).toContain('cannot write "/dev/full": ENOSPC');
      expect(stderr, args.join(" ")).not.toContain("totals");
      expect(stderr).not.toContain("    at ");
    }
  }, 120_000);

  it("stderr on a full device: exit 74", () => {
    const full = openSync("/dev/full", "w");
    const result = spawnSync(process.execPath, [CLI, "compute", "bad.json"], {
      cwd: dir,
      stdio: ["ignore", "ignore", full],
    });
    closeSync(full);
    expect(result.status).toBe(74);
  });

  it("stderr closed early on bad input keeps exit 2; stdout closed early is a quiet exit 0", async () => {
    const child = spawn(process.execPath, [CLI, "compute", "bad.json"], {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr?.destroy();
    expect((await exited(child)).code).toBe(2);
    const reader = spawn(process.execPath, [CLI, "compute", "small.ndjson", "--format", "ndjson"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    reader.stdout?.once("data", () => reader.stdout?.destroy());
    expect((await exited(reader)).code).toBe(0);
  }, 60_000);

  it("0 computed, 1 findings (an unpaid case), 2 bad input", () => {
    const status = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir }).status;
    expect(status("compute", "one.json", "--format", "json")).toBe(0);
    expect(status("audit", "one.json", "--ledger", "empty-ledger.json", "--format", "json")).toBe(1);
    expect(status("compute", "bad.json")).toBe(2);
  });
});
