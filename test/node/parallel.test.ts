// `compute x.ndjson` across worker threads: the output, the problems listed and the exit status are byte for byte
// those of one thread, whatever the number of threads and however the file is cut into blocks.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ParallelTuning } from "../../src/node/parallel.js";
import { threadsOption } from "../../src/node/parallel.js";
import { runCli } from "../../src/node/run.js";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../fixtures/cases.js";
import { fakeIo } from "../support/cli.js";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "../..");
let dir: string;

/** Runs the CLI in dir with worker threads from the first byte, blocks of `blockLines` lines. */
async function run(argv: readonly string[], blockLines = 3) {
  const fake = fakeIo({ cwd: dir });
  const parallel: Partial<ParallelTuning> = { fromBytes: 0, blockLines };
  const code = await runCli(argv, { ...fake.io, parallel });
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const enterprise = (i: number, more: object = {}) => ({
  ...enterpriseCase,
  id: `E-${i}`,
  township: ["台湖镇", "宋庄镇", "马驹桥镇"][i % 3],
  ...more,
});

/** Valid cases of three domains, and blank lines. */
const VALID = [
  ...Array.from({ length: 17 }, (_, i) => JSON.stringify(enterprise(i))),
  "",
  JSON.stringify({ ...clearanceCase, id: "C-1" }),
  "   ",
  JSON.stringify({ ...villageCase, id: "V-1" }),
  JSON.stringify({ ...clearanceCase, id: "C-2", township: "宋庄镇" }),
];

/** Invalid lines: a repeated id in a later block, one in the same block, bad fields, a line that is no JSON. */
const MIXED = [
  ...VALID.slice(0, 10),
  JSON.stringify(enterprise(2)),
  JSON.stringify(enterprise(99, { exitMode: "partial" })),
  "{ not json",
  JSON.stringify(enterprise(11)),
  JSON.stringify(enterprise(11, { landAreaM2: "abc" })),
  ...VALID.slice(10),
  JSON.stringify(enterprise(0, { exitMode: "partial" })),
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "exitfund-parallel-"));
  await writeFile(join(dir, "valid.ndjson"), `${VALID.join("\n")}\n`);
  await writeFile(join(dir, "mixed.ndjson"), MIXED.join("\n"));
  await writeFile(join(dir, "transfer.ndjson"), [...VALID, JSON.stringify(transferCase)].join("\n"));
  const read = JSON.parse(await readFile(join(root, "examples/changping-2015/cases.json"), "utf8")) as
    | unknown[]
    | { cases: unknown[] };
  const changping = Array.isArray(read) ? read : read.cases;
  await writeFile(join(dir, "changping.ndjson"), changping.map((c) => JSON.stringify(c)).join("\n"));
  // A programme that loads in the main thread and fails in a worker thread (a bug there).
  await writeFile(
    join(dir, "crash.mjs"),
    `import { isMainThread } from "node:worker_threads";\n` +
      `if (!isMainThread) throw new Error("boom in a worker");\n` +
      `export { default } from ${JSON.stringify(join(root, "examples/changping-2015/programme.mjs"))};\n`,
  );
});

describe("compute --threads on an NDJSON file", () => {
  const cases: [string, string[]][] = [
    ["valid cases as NDJSON", ["compute", "valid.ndjson", "--format", "ndjson"]],
    ["valid cases as CSV", ["compute", "valid.ndjson", "--format", "csv"]],
    ["with --explain", ["compute", "valid.ndjson", "--format", "ndjson", "--explain"]],
    ["invalid cases (nothing computed)", ["compute", "mixed.ndjson", "--format", "ndjson"]],
    ["--skip-invalid", ["compute", "mixed.ndjson", "--format", "ndjson", "--skip-invalid"]],
    ["--skip-invalid as CSV", ["compute", "mixed.ndjson", "--format", "csv", "--skip-invalid"]],
    ["transfers cross-checked (one thread computes)", ["compute", "transfer.ndjson", "--format", "ndjson"]],
  ];
  // Each case at one of two splits (worker threads start slowly from the sources, so not every pair is run).
  const splits = [
    [2, 1],
    [3, 2],
  ] as const;
  it.each(cases.map(([name, argv], i) => [name, ...(splits[i % 2] ?? splits[0]), argv] as const))(
    "%s: the same bytes as one thread at %s threads, in blocks of %s lines",
    async (_, threads, blockLines, argv) => {
      const one = await run([...argv, "--threads", "1"]);
      expect(one.stdout.length + one.stderr.length).toBeGreaterThan(0);
      expect(await run([...argv, "--threads", String(threads)], blockLines)).toEqual(one);
    },
  );

  // Red-green: without the count check in streamCompute (one thread) and parallelStreamCompute (threads), each of
  // these exits 0 with only a summary line of 0.00 owed.
  it.each([
    ["empty", ""],
    ["whitespace-only", "  \n\n \t\r\n"],
    ["BOM-only", "\uFEFF"],
  ])("an %s NDJSON file streamed (ndjson, csv; one thread and two) holds no cases: exit 2", async (_, text) => {
    await writeFile(join(dir, "nothing.ndjson"), text);
    for (const format of ["ndjson", "csv"])
      for (const threads of ["1", "2"]) {
        const result = await run(["compute", "nothing.ndjson", "--format", format, "--threads", threads]);
        expect(result.code, `${format} ${threads}`).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toContain("nothing.ndjson: holds no cases");
      }
  });

  it("finds a repeated id in another block, and lists the problems in the order of the file", async () => {
    const result = await run(["compute", "mixed.ndjson", "--format", "ndjson", "--threads", "2"], 2);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n");
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(result.stderr).toContain('line 11 › id (E-2): id (编号) "E-2" is used twice in the batch (also at line 3)');
    expect(result.stderr).toContain(
      'line 15 › id (E-11): id (编号) "E-11" is used twice in the batch (also at line 14)',
    );
    const order = ["line 11 ›", "line 12 ›", "line 13", "line 15 › id", "line 15 › landAreaM2", "line 17 ›"];
    const places = order.map(at);
    expect(places.every((place) => place > 0)).toBe(true);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
  });

  it("computes with a district's programme in every thread", async () => {
    const folder = join(root, "examples/changping-2015");
    const argv = ["compute", "changping.ndjson", "--format", "ndjson"];
    const options = ["--rules", join(folder, "rules.json"), "--programme", join(folder, "programme.mjs")];
    const one = await run([...argv, ...options, "--threads", "1"]);
    expect(one.code).toBe(0);
    expect(await run([...argv, ...options, "--threads", "2"], 1)).toEqual(one);
  });

  it("stops with an internal error and writes nothing when a worker thread fails", async () => {
    const out = join(dir, "crashed.ndjson");
    const argv = ["compute", "changping.ndjson", "--format", "ndjson", "--out", out, "--threads", "2"];
    const folder = join(root, "examples/changping-2015");
    const failed = run([...argv, "--rules", join(folder, "rules.json"), "--programme", "crash.mjs"], 1);
    await expect(failed).rejects.toThrow(/worker thread \d of 2 failed.*nothing was written.*boom in a worker/s);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it("a programme whose rule throws in a worker thread ends the run (exit 2), as in one thread, never hangs", async () => {
    const rules = pathToFileURL(join(root, "src/rules/index.ts")).href;
    await writeFile(
      join(dir, "throws.mjs"),
      `import { chain, domains, extendDomain, programme } from ${JSON.stringify(rules)};\n` +
        `const exit = extendDomain(domains.enterpriseExit, { payment: (inner) => (facts, ctx) => ` +
        `chain(inner(facts, ctx), () => { throw new Error("boom in a rule"); }) });\n` +
        `export default programme({ id: "throws" }, exit, domains.structureClearance, domains.villageCompensation, ` +
        `domains.townshipTransfer);\n`,
    );
    const argv = ["compute", "valid.ndjson", "--format", "ndjson", "--programme", "throws.mjs"];
    for (const threads of ["1", "2"]) {
      const result = await run([...argv, "--threads", threads]);
      expect(result.code, threads).toBe(2);
      expect(result.stderr).toMatch(/the programme "throws.mjs" failed while it computed: .*boom in a rule/);
      expect(result.stdout).toBe("");
    }
  }, 60_000);

  it("takes --threads from 1 to 64, and one thread by default", () => {
    expect(threadsOption(undefined)).toBe(1);
    expect(threadsOption("4")).toBe(4);
    for (const bad of ["0", "65", "1.5", "two", "-1"])
      expect(() => threadsOption(bad)).toThrow(/--threads must be a whole number from 1 to 64/);
  });
});
