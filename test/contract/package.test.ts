// Package conventions that need no build: the manifest, the licence, the README's sections, and the two esbuild
// plugins of tsup.config.ts (a warning fails the build; each module stays its own file). The packed tarball
// itself is checked in test/package/.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type BuildOptions } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { failOnWarnings, oneFilePerModule } from "../../tsup.config.js";

const root = join(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, unknown>;

describe("package.json", () => {
  it("says what the package is and where it lives: licence, repository, homepage, bugs, keywords, engines", () => {
    expect(manifest.license).toBe("MIT");
    expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(manifest.repository).toMatchObject({ type: "git", url: expect.stringMatching(/^git\+https:\/\//) });
    expect(manifest.homepage).toEqual(expect.stringMatching(/^https:\/\//));
    expect(manifest.bugs).toMatchObject({ url: expect.stringMatching(/^https:\/\//) });
    expect((manifest.keywords as string[]).length).toBeGreaterThan(3);
    expect(manifest.engines).toEqual({ node: ">=20" });
    expect(manifest.sideEffects).toBe(false);
  });

  it("every Node entry gives types first, for ESM (.d.ts) and CommonJS (.d.cts) separately", () => {
    const exports = manifest.exports as Record<string, unknown>;
    for (const subpath of [".", "./rules", "./node"]) {
      const target = exports[subpath] as Record<string, Record<string, string>>;
      expect(Object.keys(target), subpath).toEqual(["import", "require"]);
      expect(Object.keys(target.import ?? {}), subpath).toEqual(["types", "default"]);
      expect(target.import?.types, subpath).toMatch(/\.d\.ts$/);
      expect(target.require?.types, subpath).toMatch(/\.d\.cts$/);
      expect(target.require?.default, subpath).toMatch(/\.cjs$/);
    }
    expect(exports["./browser"]).toEqual({ types: "./dist/browser.d.ts", default: "./dist/browser/exitfund.js" });
    expect(exports["./schemas/*.json"]).toBe("./dist/json-schema/*.json");
  });

  it("npm test builds without --silent (a warning fails the build) and CI installs Chromium", () => {
    const scripts = manifest.scripts as Record<string, string>;
    expect(scripts.test).toContain("npm run build");
    expect(Object.values(scripts).join("\n")).not.toContain("--silent");
    const ci = readFileSync(join(root, ".ci/run"), "utf8");
    expect(ci).toMatch(/apt-get update\n/);
    expect(ci).toMatch(/apt-get install -y chromium libreoffice-calc poppler-utils fonts-noto-cjk\n/);
  });
});

describe("README", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  it.each(["## Install", "## Use in Node", "## Use in a browser", "## CLI", "## Stability and versioning"])(
    "has the section %s",
    (heading) => {
      expect(readme.split("\n")).toContain(heading);
    },
  );

  it("states the versioning rule: a changed amount is a breaking change (and the changesets say so too)", () => {
    expect(readme).toContain("any change to a computed amount is a breaking change");
    expect(readFileSync(join(root, ".changeset/README.md"), "utf8")).toContain("any change to a computed amount");
  });
});

describe("the build's esbuild plugins (tsup.config.ts)", () => {
  const folder = mkdtempSync(join(tmpdir(), "exitfund-plugins-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    writeFileSync(join(folder, name), text);
    return join(folder, name);
  };

  it("failOnWarnings: a build with a warning fails and shows the warning", async () => {
    const entry = write("warns.ts", "export const twice = { x: 1, x: 2 };\n");
    await expect(
      build({ entryPoints: [entry], bundle: true, write: false, logLevel: "silent", plugins: [failOnWarnings()] }),
    ).rejects.toThrow(/1 build warning\(s\); a warning fails the build:[\s\S]*Duplicate key "x"/);
    const clean = write("clean.ts", "export const once = { x: 1 };\n");
    const result = await build({ entryPoints: [clean], bundle: true, write: false, plugins: [failOnWarnings()] });
    expect(result.errors).toEqual([]);
  });

  it("oneFilePerModule: a relative import stays an import of the module's own output file; JSON is inlined", async () => {
    write("other.ts", "export const other = 1;\n");
    write("data.json", '{ "answer": 42 }\n');
    const entry = write(
      "main.ts",
      'import { other } from "./other.js";\nimport data from "./data.json";\nexport const sum = other + data.answer;\n',
    );
    const options: BuildOptions = { entryPoints: [entry], bundle: true, write: false, logLevel: "silent" };
    const esm = await build({ ...options, format: "esm", plugins: [oneFilePerModule()] });
    const esmText = esm.outputFiles?.[0]?.text ?? "";
    expect(esmText).toContain('from "./other.js"');
    expect(esmText).toContain("answer: 42");
    expect(esmText).not.toContain("other = 1");
    const cjs = await build({ ...options, format: "cjs", plugins: [oneFilePerModule()] });
    expect(cjs.outputFiles?.[0]?.text ?? "").toContain('require("./other.cjs")');
  });

  it("oneFilePerModule: an import without .js, or of a missing module, fails the build", async () => {
    const options: BuildOptions = { bundle: true, write: false, logLevel: "silent", plugins: [oneFilePerModule()] };
    const bare = write("bare.ts", 'export { other } from "./other";\n');
    await expect(build({ ...options, entryPoints: [bare] })).rejects.toThrow(/must name a module's \.js file/);
    const missing = write("missing.ts", 'export { gone } from "./gone.js";\n');
    await expect(build({ ...options, entryPoints: [missing] })).rejects.toThrow(/must name a module's \.js file/);
  });
});
