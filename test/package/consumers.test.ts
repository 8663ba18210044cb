// The packed package in the projects users write: plain ESM and CommonJS programs, and TypeScript under node16,
// nodenext and bundler resolution with `skipLibCheck: false`. Each program type-checks, runs, and computes exactly
// what the sources compute.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { compute, roundMoney, toChineseCapital } from "../../src/index.js";
import { dec } from "../../src/money/decimal.js";
import { XLSX_ENGINE } from "../../src/node/xlsx/engine.js";
import { enterpriseCase } from "../fixtures/cases.js";
import { consumerBin, expectOk, installedManifest, nodeEntries, packed, project, run } from "./support.js";

/** What every consumer program prints, computed here from the sources. */
function expected(): string {
  const outcome = compute(enterpriseCase);
  return JSON.stringify({
    outcome,
    capital: toChineseCapital(outcome.amounts.total, { prefix: "人民币" }),
    rounded: "1.01",
  });
}

const caseJson = `${JSON.stringify(enterpriseCase)}\n`;
const casesJson = `${JSON.stringify([enterpriseCase])}\n`;

/**
 * The body both plain programs run once `core`, `node`, `modules` (every Node entry, loaded) and `ledgerSchema`
 * are loaded: it prints what the test checks.
 */
const jsChecks = `const { existsSync, readFileSync } = await import("node:fs");
// one core: a name that two entries export is the same value in both
const different = [];
modules.forEach((a, i) => modules.forEach((b, j) => {
  if (i < j) for (const name of Object.keys(a)) if (name in b && a[name] !== b[name]) different.push(entries[i] + " vs " + entries[j] + ": " + name);
}));
// an error thrown by exitfund/node is exitfund's InvalidInputError (readCases without options: the working folder)
let thrown;
try { await node.readCases("not-json.json"); } catch (error) { thrown = error; }
// a file that is not there is a UsageError, exported by exitfund/node, with a code
let missing;
try { await node.readLedger("no-such-ledger.csv", { cwd: process.cwd() }); } catch (error) { missing = error; }
const read = await node.readCases("cases.json", { cwd: process.cwd() });
const quiet = { cwd: process.cwd(), stdin: process.stdin, stdout: { write: () => true }, stderr: { write: () => true } };
// the CLI runs from the library, finding the sample next to the installed package (import.meta.url in CJS too)
const demoErr = [];
const demo = await node.runCli(["demo"], { ...quiet, stderr: { write: (text) => demoErr.push(text) } });
const outcome = core.compute(JSON.parse(readFileSync("case.json", "utf8")));
console.log(JSON.stringify({
  result: { outcome, capital: core.toChineseCapital(outcome.amounts.total, { prefix: "人民币" }), rounded: core.roundMoney("1.005").toFixed(2) },
  different,
  error: thrown instanceof core.InvalidInputError && thrown.constructor.name,
  missing: missing instanceof node.UsageError && missing.code,
  read: read.length,
  demo: { exit: demo, stderr: demoErr.join(""), wrote: existsSync("out/results.json") },
  schemaTitle: ledgerSchema.title,
}));
`;

/** Runs a plain program of the consumer and checks what it printed. */
function expectPlainProgram(name: string, type: "module" | "commonjs", program: string): void {
  const folder = project(name, {
    "package.json": `${JSON.stringify({ type })}\n`,
    "case.json": caseJson,
    "cases.json": casesJson,
    "not-json.json": "{ this is not JSON\n",
    [type === "module" ? "main.mjs" : "main.cjs"]: program,
  });
  const file = type === "module" ? "main.mjs" : "main.cjs";
  const printed = JSON.parse(expectOk(run(process.execPath, [file], folder), file)) as Record<string, unknown>;
  expect(JSON.stringify(printed.result)).toBe(expected());
  expect(printed.different).toEqual([]);
  expect(printed.error).toBe("InvalidInputError");
  expect(printed.missing).toBe("no-such-file");
  expect(printed.read).toBe(1);
  expect(printed.demo).toEqual({ exit: 0, stderr: "", wrote: true });
  expect(printed.schemaTitle).toBe("exitfund ledger");
}

describe("plain JavaScript projects", () => {
  it("an ES module imports every entry, sees one core across them, computes, and runs `exitfund demo`", () => {
    const entries = JSON.stringify(nodeEntries());
    expectPlainProgram(
      "esm",
      "module",
      `import * as core from "exitfund";
import * as node from "exitfund/node";
import ledgerSchema from "exitfund/schemas/ledger.json" with { type: "json" };
const entries = ${entries};
const modules = await Promise.all(entries.map((entry) => import(entry)));
${jsChecks}`,
    );
  });

  it("a CommonJS script requires every entry, sees one core across them, computes, and runs `exitfund demo`", () => {
    const entries = JSON.stringify(nodeEntries());
    expectPlainProgram(
      "cjs",
      "commonjs",
      `const core = require("exitfund");
const node = require("exitfund/node");
const ledgerSchema = require("exitfund/schemas/ledger.json");
const entries = ${entries};
const modules = entries.map((entry) => require(entry));
(async () => {
${jsChecks}
})();
`,
    );
  });

  it("with --enable-source-maps, a stack trace names the TypeScript source line (ESM and CommonJS)", () => {
    const throwing = (load: string) =>
      `${load}\ntry { compute({ kind: "enterprise-exit" }); } catch (error) { console.log(error.stack); }\n`;
    const folder = project("stacks", {
      "esm.mjs": throwing(`import { compute } from "exitfund";`),
      "cjs.cjs": throwing(`const { compute } = require("exitfund");`),
    });
    for (const file of ["esm.mjs", "cjs.cjs"]) {
      const stack = expectOk(run(process.execPath, ["--enable-source-maps", file], folder), file);
      expect(stack, file).toMatch(/at compute \(.*node_modules\/exitfund\/src\/batch\/compute\.ts:\d+:\d+\)/);
    }
  });

  it("the bin runs from the install (`npx exitfund --version`)", () => {
    const ran = run(consumerBin("exitfund"), ["--version"], packed().consumer);
    expect(expectOk(ran, "exitfund --version").trim()).toBe(installedManifest().version);
  });
});

const typescriptImports = `import { compute, roundMoney, toChineseCapital, InvalidInputError, type Outcome } from "exitfund";`;

/** A TypeScript program that must type-check against the published declarations, then run. */
function typescriptProgram(imports = typescriptImports): string {
  return `import { readFileSync } from "node:fs";
${imports}
import { readCases, UsageError, type ReadCasesOptions } from "exitfund/node";

const rounded = roundMoney("1.005");
// @ts-expect-error roundMoney returns a decimal.js Decimal: if its type were \`any\`, this line would compile
const wrong: number = roundMoney("1.005");
// @ts-expect-error a Decimal has no such method (never called)
const neverCalled = () => rounded.notADecimalMethod();
const outcome: Outcome = compute(JSON.parse(readFileSync("case.json", "utf8")));
const capital: string = toChineseCapital(outcome.amounts.total, { prefix: "人民币" });
const isError: boolean = new InvalidInputError([{ path: "x", code: "test", message: "m" }]) instanceof Error;
const options: ReadCasesOptions = { cwd: "." };
const reading: Promise<unknown[]> = readCases("cases.json", options);
// @ts-expect-error readCases takes options, not the CLI's io (an unknown option is an error)
const neverRead = () => readCases("cases.json", { cwd: ".", stdout: process.stdout });
void neverRead; // never called: the call is refused (a rejected promise) at run time too
const code: string = new UsageError("m").code;
console.log(JSON.stringify({ outcome, capital, rounded: rounded.toFixed(2) }));
void reading.then((cases) =>
  console.log(JSON.stringify([typeof readCases, isError, typeof wrong, typeof neverCalled, cases.length, code])),
);
`;
}

const typescriptProjects = [
  { name: "node16 (ESM)", module: "node16", moduleResolution: "node16", type: "module" },
  { name: "node16 (CommonJS)", module: "node16", moduleResolution: "node16", type: "commonjs" },
  { name: "nodenext (ESM)", module: "nodenext", moduleResolution: "nodenext", type: "module" },
  { name: "bundler", module: "preserve", moduleResolution: "bundler", type: "module" },
] as const;

/** The tsconfig.json of a consumer project: strict, skipLibCheck: false, main.ts compiled to out/. */
function tsconfigOf(settings: (typeof typescriptProjects)[number]): string {
  const compilerOptions = {
    module: settings.module,
    moduleResolution: settings.moduleResolution,
    target: "es2022",
    strict: true,
    skipLibCheck: false,
    types: ["node"],
    outDir: "out",
  };
  return `${JSON.stringify({ compilerOptions, files: ["main.ts"] }, null, 2)}\n`;
}

describe("TypeScript projects, skipLibCheck: false", () => {
  it.each(typescriptProjects)("$name: type-checks (Dec is never any) and runs", (settings) => {
    const folder = project(`ts-${settings.moduleResolution}-${settings.type}`, {
      "package.json": `${JSON.stringify({ type: settings.type })}\n`,
      "case.json": caseJson,
      "cases.json": casesJson,
      "tsconfig.json": tsconfigOf(settings),
      "main.ts": typescriptProgram(),
    });
    expectOk(run(consumerBin("tsc"), ["-p", "."], folder), `tsc (${settings.name})`);
    const [json, types] = expectOk(run(process.execPath, ["out/main.js"], folder), "out/main.js")
      .trim()
      .split("\n");
    expect(json).toBe(expected());
    expect(types).toBe(JSON.stringify(["function", true, "object", "function", 1, "usage"]));
  });

  it("the @ts-expect-error lines are what fail when Dec is any (the check can fail)", () => {
    // The same program with roundMoney declared as returning any: both expectations become unused directives.
    const folder = project("ts-dec-any", {
      "package.json": `${JSON.stringify({ type: "module" })}\n`,
      "case.json": caseJson,
      "cases.json": casesJson,
      "tsconfig.json": `${JSON.stringify({
        compilerOptions: {
          module: "node16",
          target: "es2022",
          strict: true,
          skipLibCheck: true,
          types: ["node"],
          noEmit: true,
        },
        files: ["main.ts"],
      })}\n`,
      "main.ts": typescriptProgram(
        `import { compute, toChineseCapital, InvalidInputError, type Outcome } from "exitfund";
declare function roundMoney(amount: string): any;`,
      ),
    });
    const ran = run(consumerBin("tsc"), ["-p", "."], folder);
    expect(ran.status).not.toBe(0);
    expect(ran.stdout).toContain("TS2578"); // Unused '@ts-expect-error' directive
  });
});

/**
 * A district's extension as docs/extending.md writes one, built from the installed package: a new parameter
 * (valued in a rule set that extends the bundled one), a new field of exitfund's and one written with the
 * program's own zod, and a payment that wraps the domain's. `core`, `rules` and `z` are loaded by each program.
 */
const extensionBody = `const bonusRate = rules.parameter.decimal("consumer.bonusRate", "按时退出奖励比例 on-time bonus rate", "share");
const exit = rules.extendDomain(rules.domains.enterpriseExit, {
  fields: { onTime: rules.field.boolean("按时退出 exited on time").optional(), note: z.string().max(200).optional() },
  parameters: [bonusRate],
  payment: (inner) => (facts, ctx) =>
    rules.chain(inner(facts, ctx), (paid) => {
      const bonus = core.roundMoney(paid.municipal.plus(paid.district).times(ctx.read(bonusRate)), ctx.rounding);
      return rules.of({ ...paid, district: facts.onTime === true ? paid.district.plus(bonus) : paid.district });
    }),
});
const district = rules.programme(exit);
const ruleSet = core.loadRuleSet(
  {
    id: "consumer-2016", version: "1", title: "消费者扩展 a consumer's extension", validFrom: "2016-01-01",
    extends: "tongzhou-2016", sources: [],
    parameters: { "consumer.bonusRate": { status: "illustrative", source: "X", note: "a test value", values: [{ from: "2015-01-01", value: "0.1" }] } },
  },
  { programme: district },
);
const extended = core.compute({ ...JSON.parse(readFileSync("case.json", "utf8")), onTime: true, note: "按时" }, { ruleSet, programme: district });
let refusedNote;
try { core.compute({ ...JSON.parse(readFileSync("case.json", "utf8")), note: 5 }, { ruleSet, programme: district }); } catch (error) { refusedNote = error; }
console.log(JSON.stringify({
  amounts: extended.amounts,
  ruleSet: extended.ruleSet,
  refused: refusedNote instanceof core.InvalidInputError ? refusedNote.issues.map((issue) => issue.path) : String(refusedNote),
}));
`;

/** What the extension computes, from the sources: the bundled amounts, plus 10 % of the total paid by the district. */
function expectedExtension(): unknown {
  const base = compute(enterpriseCase).amounts;
  const bonus = roundMoney(dec(base.municipal).plus(base.district).times("0.1"));
  const district = dec(base.district).plus(bonus);
  return {
    amounts: {
      municipal: base.municipal,
      district: district.toFixed(2),
      total: district.plus(base.municipal).toFixed(2),
    },
    ruleSet: { id: "consumer-2016", version: "1" },
    refused: ["note"],
  };
}

describe("a district's extension (extendDomain) built on the packed package", () => {
  it("an ES module", () => {
    const folder = project("extension-esm", {
      "package.json": `${JSON.stringify({ type: "module" })}\n`,
      "case.json": caseJson,
      "main.mjs": `import { readFileSync } from "node:fs";\nimport * as core from "exitfund";\nimport * as rules from "exitfund/rules";\nimport * as z from "zod";\n${extensionBody}`,
    });
    expect(JSON.parse(expectOk(run(process.execPath, ["main.mjs"], folder), "main.mjs"))).toEqual(expectedExtension());
  });

  it("a CommonJS script", () => {
    const folder = project("extension-cjs", {
      "package.json": `${JSON.stringify({ type: "commonjs" })}\n`,
      "case.json": caseJson,
      "main.cjs": `const { readFileSync } = require("node:fs");\nconst core = require("exitfund");\nconst rules = require("exitfund/rules");\nconst z = require("zod");\n${extensionBody}`,
    });
    expect(JSON.parse(expectOk(run(process.execPath, ["main.cjs"], folder), "main.cjs"))).toEqual(expectedExtension());
  });

  it.each(typescriptProjects)("TypeScript, $name: type-checks (skipLibCheck: false) and runs", (settings) => {
    const folder = project(`extension-ts-${settings.moduleResolution}-${settings.type}`, {
      "package.json": `${JSON.stringify({ type: settings.type })}\n`,
      "case.json": caseJson,
      "tsconfig.json": tsconfigOf(settings),
      "main.ts": `import { readFileSync } from "node:fs";\nimport * as core from "exitfund";\nimport * as rules from "exitfund/rules";\nimport * as z from "zod";\n${extensionBody}
rules.extendDomain(rules.domains.enterpriseExit, {
  parameters: [bonusRate],
  payment: (inner) => (facts, ctx) => {
    // @ts-expect-error the value of a decimal parameter is a Decimal: as a number it does not compile
    const rate: number = ctx.read(bonusRate);
    void rate;
    return inner(facts, ctx);
  },
});
`,
    });
    expectOk(run(consumerBin("tsc"), ["-p", "."], folder), `tsc (${settings.name})`);
    expect(JSON.parse(expectOk(run(process.execPath, ["out/main.js"], folder), "out/main.js"))).toEqual(
      expectedExtension(),
    );
  });
});

describe("installed without optional dependencies (a web app's `npm install --omit=optional`)", () => {
  it("has no XLSX engine; the core, the readers, the types and the CLI work; writing .xlsx is exit 2 naming the package", () => {
    // Outside the consumer folder, whose node_modules has the engine (Node would find it there).
    const folder = mkdtempSync(join(tmpdir(), "exitfund-no-optional-"));
    try {
      const files = {
        "package.json": `${JSON.stringify({ name: "no-optional", private: true, type: "module" })}\n`,
        "cases.json": casesJson,
        "transfers.xlsx": readFileSync(join(import.meta.dirname, "../../examples/tongzhou-2016/transfers.xlsx")),
        "tsconfig.json": `${JSON.stringify({
          compilerOptions: {
            module: "node16",
            target: "es2022",
            strict: true,
            skipLibCheck: false,
            noEmit: true,
            types: ["node"],
            typeRoots: [join(packed().consumer, "node_modules", "@types")],
          },
          files: ["main.ts"],
        })}\n`,
        "main.ts": `import { computeBatch } from "exitfund";\nimport { readCases, resultsWorkbookBytes } from "exitfund/node";\nconst bytes: Promise<Uint8Array> = resultsWorkbookBytes(computeBatch(await readCases("cases.json")));\nvoid bytes;\n`,
      };
      for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
      const args = ["install", "--omit=optional", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"];
      expectOk(run("npm", [...args, packed().tarball], folder), "npm install --omit=optional");
      expect(Object.keys(installedManifest().optionalDependencies ?? {})).toEqual([XLSX_ENGINE]);
      const resolves = run(process.execPath, ["-e", `require.resolve(${JSON.stringify(XLSX_ENGINE)})`], folder);
      expect(resolves.status).not.toBe(0);
      expectOk(run(consumerBin("tsc"), ["-p", "."], folder), "tsc without the engine (skipLibCheck: false)");
      const bin = join(folder, "node_modules", ".bin", "exitfund");
      const computed = JSON.parse(expectOk(run(bin, ["compute", "cases.json"], folder), "compute cases.json"));
      expect(computed.results).toHaveLength(1);
      const fromXlsx = JSON.parse(expectOk(run(bin, ["compute", "transfers.xlsx"], folder), "compute transfers.xlsx"));
      expect(fromXlsx.results).toHaveLength(11);
      const writing = run(bin, ["template", "enterprise-exit", "--format", "xlsx", "--out", "t.xlsx"], folder);
      expect(writing.status).toBe(2);
      expect(writing.stderr).toContain(`npm install ${XLSX_ENGINE}`);
      expect(existsSync(join(folder, "t.xlsx"))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("what the tarball holds", () => {
  /** Every file of the installed package, relative to its folder. */
  const files = () =>
    readdirSync(packed().installed, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(packed().installed, join(entry.parentPath, entry.name)));

  it("every module ships as ESM and CommonJS with its declarations and a source map; LICENSE; no sources or tests", () => {
    const installed = packed().installed;
    const all = new Set(files());
    const modules = [...all].filter(
      (file) => file.startsWith("dist/") && file.endsWith(".js") && !file.startsWith("dist/browser/"),
    );
    expect(modules.length).toBeGreaterThan(50);
    const missing = modules.flatMap((file) => {
      const base = file.slice(0, -3);
      const wanted = [
        `${base}.js.map`,
        `${base}.d.ts`,
        ...(base === "dist/node/cli" ? [] : [`${base}.cjs`, `${base}.cjs.map`, `${base}.d.cts`]),
      ];
      return wanted.filter((path) => !all.has(path));
    });
    expect(missing).toEqual([]);
    expect(all.has("LICENSE")).toBe(true);
    expect(readFileSync(join(installed, "LICENSE"), "utf8")).toMatch(/^MIT License/);
    expect([...all].filter((file) => /^(src|test|scripts|bench|docs\/api)\//.test(file))).toEqual([]);
  });

  it("keeps node: prefixes (no bare fs or path import in dist/)", () => {
    const installed = packed().installed;
    const bare = files()
      .filter((file) => /^dist\/.*\.(c?js)$/.test(file))
      .filter((file) =>
        /(?:from\s*|require\()\s*["'](fs|fs\/promises|path|os|url|util|stream|readline|crypto|child_process)["']/.test(
          readFileSync(join(installed, file), "utf8"),
        ),
      );
    expect(bare).toEqual([]);
  });

  it("exports a JSON Schema per kind as exitfund/schemas/<kind>.json, equal to `exitfund schema <kind>`", async () => {
    const { schemaNames, jsonSchema } = await import("../../src/rules/jsonSchema.js");
    for (const name of schemaNames()) {
      const shipped = JSON.parse(readFileSync(join(packed().installed, "dist", "json-schema", `${name}.json`), "utf8"));
      expect(shipped, name).toEqual(jsonSchema(name));
    }
  });
});
