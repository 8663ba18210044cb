// Helpers of the package checks: the packed install (test/package/setup.ts), scratch projects inside it, and
// running a program there the way a user would.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build, type Metafile } from "esbuild";
import { inject } from "vitest";

export const packed = () => inject("packed");

/** A new, empty scratch project `name` inside the consumer folder, with the given files (path → text). */
export function project(name: string, files: { readonly [path: string]: string | Uint8Array }): string {
  const folder = join(packed().consumer, "projects", name);
  rmSync(folder, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command args` in `cwd`; `expectOk` fails the test with the program's output when it exits non-zero. */
export function run(command: string, args: readonly string[], cwd: string): Ran {
  const result = spawnSync(command, [...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function expectOk(ran: Ran, what: string): string {
  if (ran.status !== 0)
    throw new Error(`${what} exited ${String(ran.status)}:\n${ran.stdout.slice(-4000)}\n${ran.stderr.slice(-4000)}`);
  return ran.stdout;
}

/** A binary of the consumer's own install (tsc, esbuild). */
export function consumerBin(name: string): string {
  return join(packed().consumer, "node_modules", ".bin", name);
}

/** The installed package's package.json. */
export function installedManifest(): {
  name: string;
  version: string;
  exports: { readonly [subpath: string]: unknown };
  optionalDependencies?: { readonly [name: string]: string };
} {
  return JSON.parse(readFileSync(join(packed().installed, "package.json"), "utf8")) as ReturnType<
    typeof installedManifest
  >;
}

/** The public entries a Node program imports or requires (every `exports` subpath with both conditions). */
export function nodeEntries(): string[] {
  const manifest = installedManifest();
  return Object.entries(manifest.exports)
    .filter(([, target]) => typeof target === "object" && target !== null && "import" in target && "require" in target)
    .map(([subpath]) => (subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`));
}

/**
 * Bundles `app` (an ES module importing exitfund) as a web app would: esbuild, minified, for the browser, from a
 * scratch project `name` in the consumer folder.
 */
export async function bundleApp(name: string, app: string): Promise<{ code: string; metafile: Metafile }> {
  const folder = project(name, { "app.js": app });
  const result = await build({
    entryPoints: [join(folder, "app.js")],
    absWorkingDir: folder,
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return { code: result.outputFiles[0]?.text ?? "", metafile: result.metafile };
}
