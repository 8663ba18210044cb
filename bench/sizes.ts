// Where the bytes of the whole core are (README, "Use in a browser"; budgets in test/package/sizes.test.ts): the
// root entry bundled as a web app bundles it (esbuild, minified, for the browser, gzip -9), its gzip shared out by
// package, by folder and by module, and what each export of the root entry costs on its own.
// A module's share is what the gzip of the bundle loses without that module's code (identifiers and syntax
// minified, whitespace kept so that modules stay apart), scaled to the gzip of the fully minified bundle: shares
// overlap a little (text that two modules repeat is paid once), so they are a ranking, not an invoice.
// Run: npx tsx bench/sizes.ts [checkout …]. With no argument it measures this checkout's dist/ (npm run build
// first); each argument is another checkout whose src/ is bundled (TypeScript, as it stands in that work tree) and
// shown side by side with this one's src/, with the difference by package and folder.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type BuildOptions } from "esbuild";

const root = join(import.meta.dirname, "..");
const gzip = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** The root entry of a checkout: its built dist/index.js, or (for a comparison) its src/index.ts. */
function entryOf(checkout: string, source: boolean): string {
  const entry = join(checkout, source ? "src/index.ts" : "dist/index.js");
  if (!existsSync(entry)) throw new Error(`${entry} does not exist${source ? "" : ": run npm run build first"}`);
  return entry;
}

async function bundle(entry: string, names: readonly string[] | "all", options: BuildOptions): Promise<string> {
  const contents =
    names === "all"
      ? `import * as exitfund from ${JSON.stringify(entry)};\nglobalThis.exitfund = exitfund;\n`
      : `export { ${names.join(", ")} } from ${JSON.stringify(entry)};\n`;
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: "app.js" },
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
    nodePaths: [join(root, "node_modules")], // a checkout without node_modules of its own
    ...options,
  });
  return result.outputFiles?.[0]?.text ?? "";
}

/** A module's name as the bundle's comments give it: `zod/v4/core/schemas.js`, `rules/enterprise-reward/…`. */
function moduleName(comment: string): string {
  const path = comment.replace(/^\/\/ /, "");
  const dependency = /node_modules\/(.*)$/.exec(path);
  if (dependency?.[1] !== undefined) return dependency[1];
  return path.replace(/^.*?\b(?:dist|src)\//, "");
}

/** The group of a module: its npm package, or exitfund's folder (`exitfund/rules`, `exitfund/rule-sets`, …). */
function groupOf(module: string, dependency: boolean): string {
  if (dependency)
    return module.startsWith("@") ? module.split("/").slice(0, 2).join("/") : (module.split("/")[0] ?? "");
  const folder = module.includes("/") ? module.split("/")[0] : module.replace(/\.[jt]s$/, "");
  return `exitfund/${folder ?? module}`;
}

interface Shares {
  readonly minified: number;
  readonly gzip: number;
  readonly modules: ReadonlyMap<string, number>;
  readonly groups: ReadonlyMap<string, number>;
}

async function shares(entry: string): Promise<Shares> {
  const minified = await bundle(entry, "all", { minify: true });
  const total = gzip(minified);
  const readable = await bundle(entry, "all", { minifySyntax: true, minifyIdentifiers: true });
  const parts = readable.split(/\n(?=\/\/ [^\n]*\.(?:[cm]?js|ts|json)\n)/);
  const whole = gzip(readable);
  const raw = parts.map((part, index) => {
    const first = part.split("\n", 1)[0] ?? "";
    const named = first.startsWith("// ");
    const lost = whole - gzip(parts.filter((_, other) => other !== index).join("\n"));
    return { first, named, lost };
  });
  const scale = total / raw.reduce((sum, part) => sum + Math.max(0, part.lost), 0);
  const modules = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const part of raw) {
    const module = !part.named
      ? "(esbuild's runtime)"
      : part.first === "// app.js"
        ? "(the app)"
        : moduleName(part.first);
    const bytes = Math.max(0, part.lost) * scale;
    modules.set(module, (modules.get(module) ?? 0) + bytes);
    const group = module.startsWith("(") ? module : groupOf(module, part.first.includes("node_modules/"));
    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  return { minified: Buffer.byteLength(minified), gzip: total, modules, groups };
}

const sorted = (map: ReadonlyMap<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
const row = (label: string, ...cells: string[]) =>
  console.log(`${label.padEnd(52)}${cells.map((cell) => cell.padStart(11)).join("")}`);

async function exportCosts(entry: string): Promise<void> {
  const names = Object.keys((await import(entry)) as object);
  const all = gzip(await bundle(entry, names, { minify: true }));
  const costs: [string, number, number][] = [];
  for (const name of names) {
    const without = gzip(
      await bundle(
        entry,
        names.filter((other) => other !== name),
        { minify: true },
      ),
    );
    const alone = gzip(await bundle(entry, [name], { minify: true }));
    costs.push([name, all - without, alone]);
  }
  console.log(
    "\nwhat each export of the root entry costs (gzip): without it the whole core is smaller by …; alone it is …",
  );
  for (const [name, saved, alone] of costs.sort((a, b) => b[1] - a[1]).filter(([, saved]) => saved >= 100))
    row(name, kb(saved), kb(alone));
}

const others = process.argv.slice(2).map((path) => resolve(path));
if (others.length === 0) {
  const entry = entryOf(root, false);
  const measured = await shares(entry);
  console.log(
    `whole core (import * as exitfund from dist/index.js): ${kb(measured.minified)} min, ${kb(measured.gzip)} gzip`,
  );
  console.log("\nby package and folder (gzip share)");
  for (const [group, bytes] of sorted(measured.groups))
    row(group, kb(bytes), `${((100 * bytes) / measured.gzip).toFixed(1)} %`);
  console.log("\nlargest modules (gzip share)");
  for (const [module, bytes] of sorted(measured.modules).slice(0, 30)) row(module, kb(bytes));
  await exportCosts(entry);
} else {
  const here = await shares(entryOf(root, true));
  const there = await Promise.all(others.map(async (checkout) => shares(entryOf(checkout, true))));
  row("whole core, src/ of each checkout (gzip)", "this", ...others.map((path) => path.split("/").at(-1) ?? path));
  row("  total", kb(here.gzip), ...there.map((one) => `${kb(one.gzip)}`));
  row("  difference", "", ...there.map((one) => `${one.gzip >= here.gzip ? "+" : ""}${kb(one.gzip - here.gzip)}`));
  const groups = new Set([...here.groups.keys(), ...there.flatMap((one) => [...one.groups.keys()])]);
  for (const group of [...groups].sort()) {
    const base = here.groups.get(group) ?? 0;
    const deltas = there.map((one) => (one.groups.get(group) ?? 0) - base);
    if (deltas.every((delta) => Math.abs(delta) < 100)) continue;
    row(`  ${group}`, kb(base), ...deltas.map((delta) => `${delta >= 0 ? "+" : ""}${kb(delta)}`));
  }
}
