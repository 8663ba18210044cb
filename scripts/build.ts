// npm run build: everything the package ships, into a fresh dist/.
// 1. tsup (tsup.config.ts): each module as ESM (.js) and CommonJS (.cjs), the bin, the browser build;
// 2. tsc (tsconfig.build.json): a .d.ts beside each module, copied to a .d.cts (relative imports → .cjs) so
//    CommonJS consumers get the same declarations under their own module format;
// 3. dist/json-schema/<kind>.json: the JSON Schemas, written by the built package itself; exported as
//    `exitfund/schemas/<kind>.json`.
// Any warning, from any step, fails the build.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");

function run(label: string, script: string, args: readonly string[]): void {
  const result = spawnSync(process.execPath, [join(root, "node_modules", script), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  const output = `${result.stdout}${result.stderr}`;
  process.stdout.write(output);
  if (result.status !== 0) fail(`${label} failed (exit ${String(result.status ?? result.signal)})`);
  const warnings = output.split("\n").filter((line) => /\bWARN\b|\[WARNING\]|\bwarning TS\d/.test(line));
  if (warnings.length > 0) fail(`${label} printed ${warnings.length} warning(s); a warning fails the build`);
}

function fail(message: string): never {
  process.stderr.write(`build: ${message}\n`);
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
run("tsup", "tsup/dist/cli-default.js", []);
run("tsc", "typescript/bin/tsc", ["-p", "tsconfig.build.json"]);
// The XLSX engine's types stay out of the published declarations: it is an optional dependency (absent after
// `npm install --omit=optional`), its declarations are ESM-only and need the DOM lib, and no public signature uses
// them (src/node/xlsx/engine.ts). Internal modules see them as opaque, so a consumer's type check
// (skipLibCheck: false, any lib, CommonJS or ESM) never reads the engine's own declarations.
const engineTypes = join(dist, "node", "xlsx", "engine.d.ts");
const engineImport = /^import type \* as Engine from "[^"]+";$/m;
const engineText = readFileSync(engineTypes, "utf8");
if (!engineImport.test(engineText)) fail(`${engineTypes} no longer imports the engine's types as this script expects`);
const engineNames = [...new Set([...engineText.matchAll(/\bEngine\.(\w+)/g)].map((match) => match[1]))];
const opaque = [
  "/** The engine's types, opaque in the published declarations (see scripts/build.ts). */",
  "declare namespace Engine {",
  ...engineNames.map((name) => `  type ${name} = unknown;`),
  "  const Workbook: new () => unknown;",
  "}",
].join("\n");
writeFileSync(engineTypes, engineText.replace(engineImport, opaque));
let declarations = 0;
for (const file of readdirSync(dist, { recursive: true, encoding: "utf8" })) {
  if (!file.endsWith(".d.ts") || !existsSync(join(dist, file.replace(/\.d\.ts$/, ".cjs")))) continue;
  const text = readFileSync(join(dist, file), "utf8");
  const cjs = text.replace(/(["'])(\.\.?\/[^"'\n]+)\.js\1/g, "$1$2.cjs$1");
  writeFileSync(join(dist, file.replace(/\.d\.ts$/, ".d.cts")), cjs);
  declarations += 1;
}
process.stdout.write(`build: ${declarations} declaration files, each as .d.ts and .d.cts\n`);

const { schemaNames, jsonSchema } = (await import(
  pathToFileURL(join(dist, "rules", "jsonSchema.js")).href
)) as typeof import("../src/rules/jsonSchema.js");
const SCHEMA_NAMES = schemaNames();
mkdirSync(join(dist, "json-schema"));
for (const name of SCHEMA_NAMES)
  writeFileSync(join(dist, "json-schema", `${name}.json`), `${JSON.stringify(jsonSchema(name), null, 2)}\n`);
process.stdout.write(`build: dist/json-schema/{${SCHEMA_NAMES.join(",")}}.json\n`);
