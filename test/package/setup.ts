// Global setup of the package checks: packs dist/ once (`npm pack`, as a user's `npm install` would receive it) and
// installs the tarball, with the tools the checks use, into one scratch consumer folder outside the repository.
// Every check reuses that one tarball and install. A consumer folder whose tarball has the same SHA-256 is reused
// between local runs; CI always starts from a fresh machine.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

const root = join(import.meta.dirname, "../..");

declare module "vitest" {
  export interface ProvidedContext {
    /** The packed tarball, the consumer folder it is installed in, and the installed package's folder. */
    packed: {
      tarball: string;
      consumer: string;
      installed: string;
      /** The tarball unpacked outside node_modules (API Extractor treats anything under node_modules as external). */
      unpacked: string;
      packedBytes: number;
      unpackedBytes: number;
    };
  }
}

/** The newest modification time under `path` (files only). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** The version of a tool as the repository installed it (so the consumer's install comes from the npm cache). */
function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string })
    .version;
}

function npm(args: readonly string[], cwd: string): string {
  return execFileSync("npm", [...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export default function setup(project: TestProject): void {
  const built = join(root, "dist", "index.js");
  const sources = Math.max(newest(join(root, "src")), newest(join(root, "package.json")));
  if (!existsSync(built) || statSync(built).mtimeMs < sources)
    throw new Error("dist/ is missing or older than src/ or package.json: run `npm run build` (npm test does)");

  // One folder per checkout: several clones (CI, worktrees) may run the checks at once, and each clears its own.
  const checkout = createHash("sha256").update(root).digest("hex").slice(0, 12);
  const work = join(tmpdir(), `exitfund-package-${checkout}`);
  const packs = join(work, "packs");
  rmSync(packs, { recursive: true, force: true });
  mkdirSync(packs, { recursive: true });
  // --ignore-scripts: dist/ was just built by `npm run build`; `prepare` would build it again.
  const [pack] = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", packs], root)) as {
    filename: string;
    size: number;
    unpackedSize: number;
  }[];
  if (pack === undefined) throw new Error("npm pack printed no package");
  const packedTarball = join(packs, pack.filename);
  const sha = createHash("sha256").update(readFileSync(packedTarball)).digest("hex").slice(0, 16);

  const consumer = join(work, sha);
  const tarball = join(consumer, pack.filename);
  if (!existsSync(join(consumer, "installed"))) {
    for (const old of readdirSync(work)) if (old !== "packs") rmSync(join(work, old), { recursive: true, force: true });
    mkdirSync(consumer, { recursive: true });
    writeFileSync(tarball, readFileSync(packedTarball));
    writeFileSync(
      join(consumer, "package.json"),
      `${JSON.stringify({ name: "exitfund-consumer", private: true, type: "module" }, null, 2)}\n`,
    );
    npm(
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        `./${pack.filename}`,
        `typescript@${installedVersion("typescript")}`,
        `@types/node@${installedVersion("@types/node")}`,
        `esbuild@${installedVersion("esbuild")}`,
      ],
      consumer,
    );
    mkdirSync(join(consumer, "unpacked"));
    execFileSync("tar", ["-xzf", tarball, "-C", join(consumer, "unpacked")]);
    writeFileSync(join(consumer, "installed"), `${new Date().toISOString()}\n`);
  }
  project.provide("packed", {
    tarball,
    consumer,
    installed: join(consumer, "node_modules", "exitfund"),
    unpacked: join(consumer, "unpacked", "package"),
    packedBytes: pack.size,
    unpackedBytes: pack.unpackedSize,
  });
}
