import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, realpathSync } from "node:fs";
import { link, mkdir, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { IoError } from "../../src/node/io.js";
import { emitWith, foundWhileWriting, openOut } from "../../src/node/output.js";
import { InvalidInputError } from "../../src/errors/index.js";
import { enterpriseCase } from "../fixtures/cases.js";
import { fakeIo, runCliCapture } from "../support/cli.js";
import { tempDir } from "./formats/support.js";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, "cases.json"), JSON.stringify([enterpriseCase]));
  await writeFile(join(dir, "cases.ndjson"), `${JSON.stringify(enterpriseCase)}\n`);
  await writeFile(join(dir, "ledger.json"), JSON.stringify([]));
  await writeFile(
    join(dir, "rules.json"),
    JSON.stringify({
      id: "mine",
      version: "1",
      title: "t",
      validFrom: "2016-01-01",
      extends: "tongzhou-2016",
      sources: [],
      parameters: {},
    }),
  );
  await writeFile(join(dir, "rules.csv"), await readFile(join(dir, "rules.json"))); // a rule set, whatever its name
  await symlink(join(dir, "cases.json"), join(dir, "link.json"));
  await link(join(dir, "ledger.json"), join(dir, "hard.json"));
});
const run = (argv: string[]) => runCliCapture(argv, { cwd: dir });
const temporaries = async () => (await readdir(dir)).filter((name) => name.endsWith(".tmp"));

describe("--out is never one of the inputs: exit 2 naming both, the input untouched", () => {
  it.each([
    ["compute <cases>", ["compute", "cases.json", "--out", "cases.json"], "cases.json", "<cases>"],
    [
      "compute streamed",
      ["compute", "cases.ndjson", "--format", "ndjson", "--out", "cases.ndjson"],
      "cases.ndjson",
      "<cases>",
    ],
    [
      "through a symlink",
      ["compute", "cases.json", "--format", "json", "--out", "link.json"],
      "cases.json",
      "the same file through a link",
    ],
    ["verify", ["verify", "cases.json", "--out", "cases.json"], "cases.json", "<declarations>"],
    [
      "audit --ledger",
      ["audit", "cases.json", "--ledger", "ledger.json", "--out", "ledger.json"],
      "ledger.json",
      "--ledger",
    ],
    [
      "audit --ledger, hard link",
      ["audit", "cases.json", "--ledger", "ledger.json", "--format", "json", "--out", "hard.json"],
      "ledger.json",
      "--ledger",
    ],
    [
      "budget --rules",
      ["budget", "cases.json", "--rules", "rules.json", "--out", "rules.json"],
      "rules.json",
      "--rules",
    ],
    [
      "compare --against",
      ["compare", "cases.json", "--rules", "tongzhou-2016", "--against", "rules.json", "--out", "rules.json"],
      "rules.json",
      "--against",
    ],
    [
      "rules --rules",
      ["rules", "--rules", "rules.json", "--format", "json", "--out", "rules.json"],
      "rules.json",
      "--rules",
    ],
    [
      "rules diff",
      ["rules", "diff", "tongzhou-2016", "rules.json", "--format", "json", "--out", "rules.json"],
      "rules.json",
      "<B>",
    ],
    [
      "template --rules",
      ["template", "enterprise-exit", "--rules", "rules.csv", "--out", "./rules.csv"],
      "rules.csv",
      "--rules",
    ],
  ])("%s", async (_name, argv, input, says) => {
    const before = await readFile(join(dir, input), "utf8");
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("writing it would destroy what was read");
    expect(result.stderr).toContain(says);
    expect(await readFile(join(dir, input), "utf8")).toBe(before);
  });

  // Red-green: without stdinIdentity in refuseOutputOverInput, each of these exits 0 (a file: cases.json overwritten;
  // a pipe: the results written into the run's own stdin, which a shell pipe can hang on).
  it.each([
    ["/dev/stdin", "file"],
    ["/dev/fd/0", "file"],
    ["/proc/self/fd/0", "file"],
    ["/dev/stdin", "pipe"],
  ] as const)(
    "compute - --out %s while standard input is a %s is refused, naming both; the input untouched",
    (out, kind) => {
      const cases = join(dir, "cases.json");
      const before = readFileSync(cases, "utf8");
      const cli = [join(import.meta.dirname, "../../src/node/cli.ts"), "compute", "-", "--out", out];
      const args = ["--import", import.meta.resolve("tsx"), ...cli];
      const fd = openSync(cases, "r");
      const result =
        kind === "file"
          ? spawnSync(process.execPath, args, { cwd: dir, stdio: [fd, "pipe", "pipe"], timeout: 30_000 })
          : spawnSync(process.execPath, args, { cwd: dir, input: before, timeout: 30_000 });
      closeSync(fd);
      expect(result.status, result.stderr.toString()).toBe(2);
      expect(result.stderr.toString()).toContain(`--out "${out}" is the input <cases> "- (`);
      if (kind === "file") expect(result.stderr.toString()).toContain(`(${realpathSync(cases)})`);
      expect(readFileSync(cases, "utf8")).toBe(before);
    },
    60_000,
  );

  it("demo --out-dir whose file is (a link to) the sample's input is refused before anything is written", async () => {
    const folder = join(dir, "demo");
    await mkdir(folder, { recursive: true });
    await symlink(join(import.meta.dirname, "../../examples/tongzhou-2016/cases.json"), join(folder, "results.json"));
    const refused = await runCliCapture(["demo", "--out-dir", folder]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("(the sample cases)");
  });
});

describe("demo --out-dir", () => {
  // Red-green: Node's mkdir(…, { recursive: true }) looped forever on /proc/x (ENOENT, then EEXIST for /proc, …):
  // the demo hung at 100 % CPU instead of saying it cannot make the folder.
  it.runIf(existsSync("/proc/self"))(
    "a folder that cannot be made although its parent exists is exit 74 at once; nested folders are made",
    async () => {
      const refused = await runCliCapture(["demo", "--out-dir", "/proc/exitfund-never/sub"]);
      expect(refused.code).toBe(74);
      expect(refused.stderr).toContain('cannot create the folder --out-dir "/proc/exitfund-never/sub"');
      const made = await runCliCapture(["demo", "--out-dir", join(dir, "a", "b", "c")]);
      expect(made.code, made.stderr).toBe(0);
      expect(existsSync(join(dir, "a", "b", "c", "results.json"))).toBe(true);
    },
    120_000,
  );
});

describe("--out is written whole or not at all", () => {
  it("a failure while writing leaves the previous file untouched and no temporary file", async () => {
    await writeFile(join(dir, "kept.json"), "previous\n");
    const { io } = fakeIo({ cwd: dir });
    await expect(
      emitWith(io, "kept.json", async (put) => {
        await put("x".repeat(200_000));
        throw new Error("disk on fire");
      }),
    ).rejects.toThrow("disk on fire");
    expect(await readFile(join(dir, "kept.json"), "utf8")).toBe("previous\n");
    expect(await temporaries()).toEqual([]);
  });

  it("a completed write replaces the file at once, keeping its permissions", async () => {
    const { io } = fakeIo({ cwd: dir });
    await writeFile(join(dir, "done.json"), "old", { mode: 0o640 });
    const file = await openOut(io, "done.json");
    await file.write("new ");
    expect(await readFile(join(dir, "done.json"), "utf8")).toBe("old"); // until commit, the old file stands
    expect(await temporaries()).toHaveLength(1);
    await file.write("content");
    await file.commit();
    expect(await readFile(join(dir, "done.json"), "utf8")).toBe("new content");
    expect(await temporaries()).toEqual([]);
  });

  it.each([
    ["a missing folder", "no/such/dir/out.json", 2, "does not exist"],
    ["a folder", ".", 2, "is a folder"],
    ["a full device", "/dev/full", 74, "ENOSPC"],
  ])("--out naming %s: exit %i", async (_name, out, code, says) => {
    const result = await run(["compute", "cases.json", "--format", "json", "--out", out]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(says);
  });

  it("an I/O error is exit 74, named in English and Chinese", async () => {
    const { io } = fakeIo({ cwd: dir });
    const error = await emitWith(io, "/dev/full", async (put) => put("x")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IoError);
    expect((error as IoError).zh).toContain("磁盘空间不足");
  });
});

describe("usage mistakes the CLI used to take silently", () => {
  it.each([
    [
      "--format csv with --out x.xlsx",
      ["compute", "cases.json", "--format", "csv", "--out", "x.xlsx"],
      "does not match --out",
    ],
    ["--out given twice", ["compute", "cases.json", "--out", "a.json", "--out", "b.json"], "--out is given twice"],
    [
      "an unknown option, without parseArgs' noise",
      ["compute", "cases.json", "--foo"],
      "unknown option --foo; this command takes",
    ],
    ["an option without its value", ["compute", "cases.json", "--out"], "--out needs a value"],
    [
      "a value that starts with - (a negative tolerance)",
      ["audit", "cases.json", "--ledger", "ledger.json", "--tolerance", "-0.01"],
      '--tolerance needs a value: --tolerance <value>; "-0.01" starts with "-", so it reads as an option: write --tolerance=-0.01',
    ],
    ["a flag given a value", ["compute", "cases.json", "--explain=yes"], "--explain takes no value"],
    ["a command named like Object.prototype", ["constructor"], 'unknown command "constructor"'],
    ["a command mistyped", ["comptue"], "did you mean compute?"],
    [
      "an audit tolerance finer than the fen",
      ["audit", "cases.json", "--ledger", "ledger.json", "--tolerance", "0.005"],
      "has 3 decimals, but amounts are rounded to 2",
    ],
  ])("%s: exit 2", async (_name, argv, says) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(says);
    expect(result.stderr).not.toContain("To specify a positional argument");
  });
});

describe("an input error found while writing", () => {
  it("says in English and in Chinese that the output was removed, also for an issue given in English only", () => {
    const found = foundWhileWriting(
      new InvalidInputError([
        { path: "[0].a", code: "invalid", message: "bad a", zh: "a 有误" },
        { path: "[1].b", code: "invalid", message: "bad b" },
      ]),
    );
    expect(found.issues.map((issue) => [issue.message, issue.zh])).toEqual([
      ["bad a (found while writing: the output was removed)", "a 有误（写出时发现，输出已删除）"],
      ["bad b (found while writing: the output was removed)", "bad b（写出时发现，输出已删除）"],
    ]);
  });
});
