import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const allowed = new Set(["decimal.js", "zod"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node" && dir.endsWith("src") ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("the core is browser-safe", () => {
  const files = sourceFiles(join(root, "src"));

  it("src/ outside src/node/ imports only relative modules, decimal.js and zod", () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(
        /(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(["']([^"']+)["']\)/g,
      )) {
        const specifier = match[1] ?? match[2] ?? "";
        const isRelative = specifier.startsWith(".");
        const bare = specifier.startsWith("@")
          ? specifier.split("/").slice(0, 2).join("/")
          : (specifier.split("/")[0] ?? "");
        if (!isRelative && !allowed.has(bare)) offenders.push(`${relative(root, file)} imports ${specifier}`);
        if (isRelative && /\/node\//.test(specifier))
          offenders.push(`${relative(root, file)} imports the Node-only ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("src/ outside src/node/ never reads the clock, the environment or global randomness", () => {
    const offenders = files.filter((file) =>
      /Date\.now\(|new Date\(\)|\bprocess\.(env|argv|exit|cwd|stdout|stderr|hrtime)|Math\.random\(|Decimal\.set\(\{/.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });
});

describe("the core bundles for a browser", () => {
  it("esbuild bundles src/index.ts for the browser platform with no Node built-in, and it runs", async () => {
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints: [join(root, "src/index.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      minify: true,
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? "";
    expect(code).not.toMatch(/from\s*["']node:|require\(["'](fs|path|os|child_process)["']\)/);
    const core = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
    )) as typeof import("../../src/index.js");
    expect(core.toChineseCapital("10005")).toBe("壹万零伍元整");
    expect(core.ruleSets["tongzhou-2016"].id).toBe("tongzhou-2016");
  });
});
