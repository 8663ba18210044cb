// `exitfund test`: the shipped fixtures pass; a broken copy fails with a readable diff; bad fixtures are exit 2
// with every problem by file › test › field; --update asks, refuses without --yes off a terminal, and rewrites
// only the expect of failing tests (JSON byte for byte elsewhere, YAML with its comments). Copies are made in
// scratch/fixtures/ (gitignored), so a programme there imports exitfund as vitest resolves it (the sources).
import { cpSync, linkSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { runFixtures } from "../../src/node/fixtures.js";
import { runCli } from "../../src/node/run.js";
import { fakeIo, runCliCapture } from "../support/cli.js";

const root = resolve(import.meta.dirname, "../..");
const scratch = join(root, "scratch/fixtures");
const tongzhou = "examples/tongzhou-2016/fixtures";
const changping = "examples/changping-2015/fixtures";

function copyOf(name: string, edit: (text: string) => string): string {
  const target = join(scratch, name);
  writeFileSync(target, edit(readFileSync(join(root, tongzhou, name), "utf8")));
  return `scratch/fixtures/${name}`;
}

function writeFixture(name: string, content: unknown): string {
  const target = join(scratch, name);
  writeFileSync(target, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
  return target;
}

const caseV = {
  kind: "village-compensation",
  id: "V-T",
  township: "台湖镇",
  village: "示例乙村",
  zoneType: "breeding-zone",
  clearedOn: "2016-01-31",
  landAreaMu: "3.75",
  leases: [],
};

/** Runs the CLI with standard input and stderr on a terminal, answering `answer`. */
async function onTerminal(argv: readonly string[], answer: string): Promise<{ code: number; stderr: string }> {
  const fake = fakeIo({ tty: true });
  const stdin = Object.assign(
    (async function* () {
      yield answer;
    })(),
    { isTTY: true },
  );
  const code = await runCli(argv, { ...fake.io, stdin });
  return { code, stderr: fake.stderr() };
}

beforeEach(() => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
});

describe("exitfund test on the shipped fixtures", () => {
  it("passes every worked example of the bundled rule set and the 昌平 bonuses", async () => {
    const result = await runCliCapture(["test", tongzhou, changping]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("20 passed, 0 failed, 0 errors (20 tests in 5 files)\n");
  });

  it("the library runs them as the CLI does", async () => {
    const report = await runFixtures([`${changping}/*.yaml`], { cwd: root });
    expect(report.files).toEqual([`${changping}/bonuses.yaml`]);
    expect([report.passed, report.failed, report.errors]).toEqual([6, 0, 0]);
    expect(report.results.map((one) => one.status)).toEqual(Array(6).fill("passed"));
  });

  it("a broken copy fails with expected against got, field by field, in the language asked, and every test runs", async () => {
    const broken = copyOf("enterprise-rewards.json", (text) =>
      text
        .replace('"municipal": "771300.00"', '"municipal": "771300.01"')
        .replace('"track": "district-supplement"', '"track": "municipal"')
        .replace(/"findings": \[\]/, '"findings": ["deadline-missed"]'),
    );
    const result = await runCliCapture(["test", broken]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    const file = "scratch/fixtures/enterprise-rewards.json";
    expect(result.stdout).toContain(
      [
        `FAIL ${file} › "Example 1 (docs/enterprise-rewards.md §6): municipal reward 520.25 × 1,200 + (3.5 + 2.25 + 1.6) × 20,000 = 771,300.00"`,
        "  amounts.municipal  expected 771300.01, got 771300.00",
        '  findings           expected ["deadline-missed"], got []',
        '                     missing: ["deadline-missed"]',
      ].join("\n"),
    );
    expect(result.stdout).toContain('  track  expected "municipal", got "district-supplement"\n');
    expect(result.stdout).toMatch(/\n2 passed, 2 failed, 0 errors \(4 tests in 1 file\)\n$/);
    // English only: no Chinese but in the test's own name (its data).
    expect(result.stdout.replace(/^FAIL .*$/gm, "")).not.toMatch(/[\u4e00-\u9fff]/);
    const zh = await runCliCapture(["test", broken, "--lang", "zh"]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain(
      [
        `  市级金额：预期 771300.01，实际 771300.00`,
        '  问题    ：预期 ["deadline-missed"]，实际 []',
        '            缺少：["deadline-missed"]',
      ].join("\n"),
    );
    expect(zh.stdout).toContain(`失败 ${file} › `);
    expect(zh.stdout).not.toMatch(/expected|got|passed|FAIL/);
    expect(zh.stdout).toMatch(/\n通过 2，失败 2，错误 0（1 个文件共 4 项测试）\n$/);
  });

  it("compares amounts as exact decimals: 771300 is 771300.00, and 771300.001 is not", async () => {
    const same = copyOf("enterprise-rewards.json", (text) => text.replace('"total": "771300.00"', '"total": "771300"'));
    expect((await runCliCapture(["test", same])).code).toBe(0);
    const off = copyOf("enterprise-rewards.json", (text) =>
      text.replace('"total": "771300.00"', '"total": "771300.001"'),
    );
    const result = await runCliCapture(["test", off]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("amounts.total  expected 771300.001, got 771300.00");
  });
});

describe("exitfund test on bad fixtures", () => {
  it("lists every problem of every file by file › test › field, runs the good files, and exits 2", async () => {
    writeFixture("bad.json", {
      tests: [
        { name: "a", case: caseV, expect: { amounts: { totl: "1" }, eligible: "yes" } },
        { name: "b", case: 3, expect: { findings: "x" }, extra: 1 },
        { name: "a", case: caseV, expect: { amounts: { total: "1,000" } } },
      ],
    });
    writeFixture("bad.yaml", "tests:\n  - name: a\n    name: b\n");
    writeFixture("invalid-case.json", {
      tests: [{ name: "no site", case: { ...caseV, landAreaMu: "-1" }, expect: {} }],
    });
    writeFixture("missing-rules.json", { rules: "nowhere.json", tests: [{ name: "x", case: caseV, expect: {} }] });
    writeFixture("good.json", {
      tests: [{ name: "V-T", case: caseV, expect: { amounts: { total: "18750.00" }, findings: [] } }],
    });
    const result = await runCliCapture(["test", "scratch/fixtures", "scratch/nothing"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("1 passed, 0 failed, 5 errors (2 tests in 5 files)");
    const lines = result.stderr.split("\n");
    expect(lines[0]).toBe("exitfund: test: 11 problems in the fixtures, those tests not run:");
    for (const wanted of [
      '  scratch/nothing: no such file or folder "scratch/nothing"',
      '  scratch/fixtures/bad.json › "a" › expect.amounts.totl: unknown field "totl"; here a fixture takes municipal, district, total',
      '  scratch/fixtures/bad.json › "a" › expect.eligible: eligible (是否符合条件): must be true or false; got "yes"',
      '  scratch/fixtures/bad.json › "b" › case: case (案件): must be one case',
      '  scratch/fixtures/bad.json › "b" › expect.findings: findings (提示代码): must be a list of finding codes',
      '  scratch/fixtures/bad.json › "b" › extra: unknown field "extra"; here a fixture takes name, note, case, expect',
      '  scratch/fixtures/bad.json › "a" › expect.amounts.total: total (合计金额): must be a decimal string',
      '  scratch/fixtures/bad.json › "a": the test name "a" is given twice in this file',
      "  scratch/fixtures/bad.yaml › line 3, column 5: is not valid YAML: Map keys must be unique",
      '  scratch/fixtures/invalid-case.json › "no site" › case.landAreaMu',
      '  scratch/fixtures/missing-rules.json › rules: cannot read "',
    ])
      expect(
        lines.some((line) => line.startsWith(wanted)),
        `${wanted}\n--- stderr ---\n${result.stderr}`,
      ).toBe(true);
  });

  // Red-green: a "billion laughs" YAML (each alias list nine times the one before) was exit 70, an internal error
  // with the yaml package's ReferenceError; a UTF-16 YAML was said to be "JSON".
  it("YAML whose aliases expand too far, or name no anchor, is invalid YAML (exit 2); UTF-16 YAML is named YAML", async () => {
    const laughs = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 8; level += 1)
      laughs.push(
        `l${level}: &l${level} [${Array.from({ length: 9 }, () => (level === 1 ? "*a" : `*l${level - 1}`)).join(", ")}]`,
      );
    writeFixture("laughs.yaml", `${laughs.join("\n")}\ntests: []\n`);
    writeFixture("unresolved.yaml", "tests:\n  - name: *nowhere\n");
    const target = join(scratch, "wide.yaml");
    writeFileSync(target, Buffer.from("\uFEFFtests: []\n", "utf16le"));
    const result = await runCliCapture(["test", "scratch/fixtures"]);
    expect(result.code).toBe(2);
    for (const file of ["laughs.yaml", "unresolved.yaml"])
      expect(result.stderr).toContain(
        `scratch/fixtures/${file}: is not valid YAML: its aliases (*name) expand to too many copies, or name no anchor (&name)`,
      );
    expect(result.stderr).toContain(
      'scratch/fixtures/wide.yaml: is UTF-16LE ("Unicode" text); YAML is read as UTF-8 only',
    );
  });

  it("a test that expects nothing fails (it could never fail otherwise), showing what it would check", async () => {
    const file = writeFixture("empty.json", { tests: [{ name: "V-T", case: caseV, expect: {} }] });
    const result = await runCliCapture(["test", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("expects nothing: give the values it must compute (or run --update)");
    expect(result.stdout).toContain("amounts.total      expected (nothing), got 18750.00");
  });

  it("needs a fixture, and --yes only with --update", async () => {
    expect((await runCliCapture(["test"])).stderr).toContain("test takes one or more fixture files");
    const result = await runCliCapture(["test", tongzhou, "--yes"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--yes confirms --update");
  });
});

describe("exitfund test --update", () => {
  const broken = (text: string) =>
    text.replace('"total": "19083.33"', '"total": "19083.34"').replace('"findings": [\n', '"findings": [ \n');

  it("refuses without --yes when standard input is not a terminal, and writes nothing", async () => {
    const file = copyOf("village-compensation.json", broken);
    const before = readFileSync(file, "utf8");
    const result = await runCliCapture(["test", file, "--update"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--update would rewrite the expected values of 1 failing test in 1 file (scratch/fixtures/village-compensation.json); standard input is not a terminal to ask on: add --yes to confirm (nothing was written)",
    );
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("with --yes rewrites only the failing test's expect; every other byte of the JSON stays as it was", async () => {
    const file = copyOf("village-compensation.json", (text) =>
      broken(text).replace('"note": "', '"note":    "').replace('"total": "74000.00"', '"total": "74000"'),
    );
    const edited = readFileSync(join(root, file), "utf8");
    const result = await runCliCapture(["test", file, "--update", "--yes"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("exitfund: wrote scratch/fixtures/village-compensation.json\n");
    // only the failing V-B's expect is rewritten: the passing V-C keeps its "74000", and the odd spacing stays
    expect(readFileSync(join(root, file), "utf8")).toBe(edited.replace('"total": "19083.34"', '"total": "19083.33"'));
    expect((await runCliCapture(["test", file])).code).toBe(0);
  });

  it("one file named twice (a symlink, a hard link, ./x/../, a folder and a file in it) runs and is updated once", async () => {
    const file = copyOf("village-compensation.json", broken);
    mkdirSync(join(scratch, "links"));
    symlinkSync(join(root, file), join(scratch, "links/soft.json"));
    linkSync(join(root, file), join(scratch, "hard.json"));
    const names = [
      file,
      "scratch/fixtures/links/soft.json",
      "scratch/fixtures/hard.json",
      "scratch/fixtures/links/../village-compensation.json",
      "scratch/fixtures",
    ];
    const run = await runCliCapture(["test", ...names]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("(3 tests in 1 file)");
    const update = await runCliCapture(["test", ...names, "--update", "--yes"]);
    expect(update.code).toBe(0);
    expect(update.stderr).toBe("exitfund: wrote scratch/fixtures/village-compensation.json\n");
    expect((await runCliCapture(["test", "scratch/fixtures/links"])).code).toBe(0); // the link is run, not skipped
  });

  it("an empty YAML fixture is refused as empty, naming its file once", async () => {
    writeFixture("empty.yaml", "");
    const result = await runCliCapture(["test", "scratch/fixtures/empty.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("scratch/fixtures/empty.yaml: is empty: it holds no YAML at all");
    writeFixture("twice.json", '{"tests": [], "tests": []}');
    const twice = await runCliCapture(["test", "scratch/fixtures/twice.json"]);
    expect(twice.stderr).toContain('  scratch/fixtures/twice.json › tests: the key "tests" is given twice');
  });

  it("asks on a terminal; anything but yes writes nothing", async () => {
    const file = copyOf("village-compensation.json", broken);
    const before = readFileSync(file, "utf8");
    const no = await onTerminal(["test", file, "--update"], "n\n");
    expect(no.stderr).toContain(
      `Rewrite the expected values of 1 failing test in 1 file (${file.replace(/^.*?(scratch\/)/, "$1")})? [y/N] `,
    );
    expect(no.stderr).toContain("exitfund: nothing was written\n");
    expect(readFileSync(file, "utf8")).toBe(before);
    const yes = await onTerminal(["test", file, "--update"], "y\n");
    expect(yes.code).toBe(0);
    expect((await runCliCapture(["test", file])).code).toBe(0);
  });

  it("keeps YAML as YAML, with its comments", async () => {
    cpSync(join(root, "examples/changping-2015"), join(scratch, "changping"), { recursive: true });
    const file = join(scratch, "changping/fixtures/bonuses.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(
      file,
      original.replace('district: "70000.00"', 'district: "70000.01" # the early and the vacating bonus'),
    );
    const failed = await runCliCapture(["test", file]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("amounts.district  expected 70000.01, got 70000.00");
    expect((await runCliCapture(["test", file, "--update", "--yes"])).code).toBe(0);
    const updated = readFileSync(file, "utf8");
    expect(updated).toContain("# 昌平 2015 bonuses: the cases of examples/changping-2015/cases.json");
    expect(updated).toContain('district: "70000.00"');
    expect((await runCliCapture(["test", file])).code).toBe(0);
  });
});
