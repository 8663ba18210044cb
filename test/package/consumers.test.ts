// The packed package in the projects users write: plain ESM and CommonJS programs, and TypeScript under node16,
// nodenext and bundler resolution with `skipLibCheck: false`. Each program type-checks, runs, and computes exactly
// what the sources compute.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { compute, toChineseCapital } from "../../src/index.js";
import { consumerBin, expectOk, installedManifest, nodeEntries, packed, project, run } from "./support.js";

/** The README's library example. */
const enterprise = {
  kind: "enterprise-exit",
  id: "E-1",
  name: "示例厂",
  township: "台湖镇",
  exitMode: "whole",
  scale: "below",
  exitCompletedOn: "2016-10-31",
  licensed: true,
  acceptance: { equipmentRemoved: true, licenceChangedOrCancelled: true, staffResettled: true },
  municipalOutcome: "not-applied",
  recommendedByDistrict: false,
  energySavedTce: "120",
  priorYearTax: { vat: "150000", corporateIncome: "50000" },
  employees: 30,
  landAreaM2: "3000",
} as const;

/** What every consumer program prints, computed here from the sources. */
function expected(): string {
  const outcome = compute(enterprise);
  return JSON.stringify({
    outcome,
    capital: toChineseCapital(outcome.amounts.total, { prefix: "人民币" }),
    rounded: "1.01",
  });
}

const caseJson = `${JSON.stringify(enterprise)}\n`;
const notJson = "{ this is not JSON\n";
/** A CliIo-shaped object that is also a plain options object (`{ cwd }`), whichever the Node API takes. */
const ioSource = (cwd: string) =>
  `{ cwd: ${cwd}, stdin: process.stdin, stdout: { write: () => true }, stderr: { write: () => true } }`;

describe("plain JavaScript projects", () => {
  it("an ES module imports every entry, computes, and sees one core across entries", () => {
    const entries = nodeEntries();
    const folder = project("esm", {
      "package.json": `${JSON.stringify({ type: "module" })}\n`,
      "case.json": caseJson,
      "not-json.json": notJson,
      "main.mjs": `import { readFileSync } from "node:fs";
import * as core from "exitfund";
import * as node from "exitfund/node";
import ledgerSchema from "exitfund/schemas/ledger.json" with { type: "json" };
const entries = ${JSON.stringify(entries)};
const modules = await Promise.all(entries.map((entry) => import(entry)));
// one core: a name that two entries export is the same value in both
const different = [];
modules.forEach((a, i) => modules.forEach((b, j) => {
  if (i < j) for (const name of Object.keys(a)) if (name in b && a[name] !== b[name]) different.push(entries[i] + " vs " + entries[j] + ": " + name);
}));
let thrown;
try { await node.readCases("not-json.json", ${ioSource("process.cwd()")}); } catch (error) { thrown = error; }
const outcome = core.compute(JSON.parse(readFileSync("case.json", "utf8")));
console.log(JSON.stringify({
  result: { outcome, capital: core.toChineseCapital(outcome.amounts.total, { prefix: "人民币" }), rounded: core.roundMoney("1.005").toFixed(2) },
  different,
  errorIsCore: thrown instanceof core.InvalidInputError,
  errorName: thrown?.constructor?.name,
  schemaTitle: ledgerSchema.title,
}));
`,
    });
    const printed = JSON.parse(expectOk(run(process.execPath, ["main.mjs"], folder), "main.mjs")) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(printed.result)).toBe(expected());
    expect(printed.different).toEqual([]);
    expect(printed.errorIsCore).toBe(true);
    expect(printed.errorName).toBe("InvalidInputError");
    expect(printed.schemaTitle).toBe("exitfund ledger");
  });

  it("a CommonJS script requires every entry, sees one core, and runs `exitfund demo` through runCli", () => {
    const entries = nodeEntries();
    const folder = project("cjs", {
      "package.json": `${JSON.stringify({ type: "commonjs" })}\n`,
      "case.json": caseJson,
      "not-json.json": notJson,
      "main.cjs": `const { existsSync, readFileSync } = require("node:fs");
const core = require("exitfund");
const node = require("exitfund/node");
const ledgerSchema = require("exitfund/schemas/ledger.json");
const entries = ${JSON.stringify(entries)};
const modules = entries.map((entry) => require(entry));
const different = [];
modules.forEach((a, i) => modules.forEach((b, j) => {
  if (i < j) for (const name of Object.keys(a)) if (name in b && a[name] !== b[name]) different.push(entries[i] + " vs " + entries[j] + ": " + name);
}));
(async () => {
  let thrown;
  try { await node.readCases("not-json.json", ${ioSource("process.cwd()")}); } catch (error) { thrown = error; }
  const err = [];
  const io = { cwd: process.cwd(), stdin: process.stdin, stdout: { write: () => true, isTTY: false }, stderr: { write: (s) => err.push(s), isTTY: false } };
  const demo = await require("exitfund/node").runCli(["demo"], io);
  const outcome = core.compute(JSON.parse(readFileSync("case.json", "utf8")));
  console.log(JSON.stringify({
    result: { outcome, capital: core.toChineseCapital(outcome.amounts.total, { prefix: "人民币" }), rounded: core.roundMoney("1.005").toFixed(2) },
    different,
    errorIsCore: thrown instanceof core.InvalidInputError,
    errorName: thrown && thrown.constructor && thrown.constructor.name,
    demo, demoErr: err.join(""), demoWrote: existsSync("out/results.json"),
    schemaTitle: ledgerSchema.title,
  }));
})();
`,
    });
    const printed = JSON.parse(expectOk(run(process.execPath, ["main.cjs"], folder), "main.cjs")) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(printed.result)).toBe(expected());
    expect(printed.different).toEqual([]);
    expect(printed.errorIsCore).toBe(true);
    expect(printed.errorName).toBe("InvalidInputError");
    expect({ exit: printed.demo, stderr: printed.demoErr, wrote: printed.demoWrote }).toEqual({
      exit: 0,
      stderr: "",
      wrote: true,
    });
    expect(printed.schemaTitle).toBe("exitfund ledger");
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
import { readCases } from "exitfund/node";

const rounded = roundMoney("1.005");
// @ts-expect-error roundMoney returns a decimal.js Decimal: if its type were \`any\`, this line would compile
const wrong: number = roundMoney("1.005");
// @ts-expect-error a Decimal has no such method (never called)
const neverCalled = () => rounded.notADecimalMethod();
const outcome: Outcome = compute(JSON.parse(readFileSync("case.json", "utf8")));
const capital: string = toChineseCapital(outcome.amounts.total, { prefix: "人民币" });
const isError: boolean = new InvalidInputError([{ path: "x", message: "m" }]) instanceof Error;
console.log(JSON.stringify({ outcome, capital, rounded: rounded.toFixed(2) }));
console.log(JSON.stringify([typeof readCases, isError, typeof wrong, typeof neverCalled]));
`;
}

const typescriptProjects = [
  { name: "node16 (ESM)", module: "node16", moduleResolution: "node16", type: "module" },
  { name: "node16 (CommonJS)", module: "node16", moduleResolution: "node16", type: "commonjs" },
  { name: "nodenext (ESM)", module: "nodenext", moduleResolution: "nodenext", type: "module" },
  { name: "bundler", module: "preserve", moduleResolution: "bundler", type: "module" },
] as const;

describe("TypeScript projects, skipLibCheck: false", () => {
  it.each(typescriptProjects)("$name: type-checks (Dec is never any) and runs", (settings) => {
    const folder = project(`ts-${settings.moduleResolution}-${settings.type}`, {
      "package.json": `${JSON.stringify({ type: settings.type })}\n`,
      "case.json": caseJson,
      "tsconfig.json": `${JSON.stringify(
        {
          compilerOptions: {
            module: settings.module,
            moduleResolution: settings.moduleResolution,
            target: "es2022",
            strict: true,
            skipLibCheck: false,
            types: ["node"],
            outDir: "out",
          },
          files: ["main.ts"],
        },
        null,
        2,
      )}\n`,
      "main.ts": typescriptProgram(),
    });
    expectOk(run(consumerBin("tsc"), ["-p", "."], folder), `tsc (${settings.name})`);
    const [json, types] = expectOk(run(process.execPath, ["out/main.js"], folder), "out/main.js")
      .trim()
      .split("\n");
    expect(json).toBe(expected());
    expect(types).toBe(JSON.stringify(["function", true, "object", "function"]));
  });

  it("the @ts-expect-error lines are what fail when Dec is any (the check can fail)", () => {
    // The same program with roundMoney declared as returning any: both expectations become unused directives.
    const folder = project("ts-dec-any", {
      "package.json": `${JSON.stringify({ type: "module" })}\n`,
      "case.json": caseJson,
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
    const { SCHEMA_NAMES, jsonSchema } = await import("../../src/schemas/json-schema.js");
    for (const name of SCHEMA_NAMES) {
      const shipped = JSON.parse(readFileSync(join(packed().installed, "dist", "json-schema", `${name}.json`), "utf8"));
      expect(shipped, name).toEqual(jsonSchema(name));
    }
  });
});
