import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";

// The package's builds. `npm run build` runs them through scripts/build.ts, which also writes the declarations
// (tsc) and the JSON Schemas.
// - ESM (dist/**/*.js) and CommonJS (dist/**/*.cjs), one file per source module: every entry (exitfund,
//   exitfund/node, the bin) shares the same module instances — one core, so one InvalidInputError — and
//   `sideEffects: false` lets a bundler keep only the modules an app imports.
// - The browser build (dist/browser/exitfund.js): the root and rules entries (src/browser.ts) with their dependencies inlined, for a
//   `<script type="module">` on a page with no bundler.
// A build warning fails the build: nothing is hidden.

/** Keeps each source module its own output file: a relative import stays an import of the emitted `.js`/`.cjs`. */
export function oneFilePerModule(): Plugin {
  return {
    name: "one-file-per-module",
    setup(build) {
      const extension = build.initialOptions.format === "cjs" ? ".cjs" : ".js";
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === "entry-point") return undefined;
        // JSON (the bundled rule set, package.json) is inlined into the module that imports it: Node's ESM
        // loader cannot import JSON without an import attribute, and a bundler then sees plain JavaScript.
        if (args.path.endsWith(".json")) return undefined;
        const source = resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
        if (!args.path.endsWith(".js") || !existsSync(source))
          return {
            errors: [
              { text: `relative import "${args.path}" must name a module's .js file (no ${relative(".", source)})` },
            ],
          };
        return { path: args.path.replace(/\.js$/, extension), external: true };
      });
    },
  };
}

/** Turns esbuild's warnings into errors, so a warning fails the build instead of scrolling by. */
export function failOnWarnings(): Plugin {
  return {
    name: "fail-on-warnings",
    setup(build) {
      build.onEnd(async (result) => {
        if (result.warnings.length === 0) return;
        const shown = await build.esbuild.formatMessages(result.warnings, { kind: "warning" });
        throw new Error(`${result.warnings.length} build warning(s); a warning fails the build:\n${shown.join("")}`);
      });
    },
  };
}

const common: Options = {
  target: "es2022",
  removeNodeProtocol: false, // `node:fs` stays unmistakably Node-only for bundlers and other runtimes
  clean: false, // scripts/build.ts empties dist/ once, before every build
  esbuildOptions(options) {
    options.charset = "utf8"; // Chinese text stays readable (and smaller) in the output
  },
};

export default defineConfig([
  {
    ...common,
    entry: ["src/**/*.ts", "!src/node/cli.ts"],
    format: ["esm", "cjs"],
    outDir: "dist",
    splitting: false,
    shims: true, // import.meta.url in the CommonJS build
    sourcemap: true,
    dts: false, // scripts/build.ts: tsc writes a .d.ts beside each module, copied to .d.cts for CommonJS
    esbuildPlugins: [oneFilePerModule(), failOnWarnings()],
  },
  {
    ...common,
    entry: { "node/cli": "src/node/cli.ts" },
    format: ["esm"],
    outDir: "dist",
    splitting: false,
    sourcemap: true,
    dts: false,
    banner: { js: "#!/usr/bin/env node" },
    esbuildPlugins: [oneFilePerModule(), failOnWarnings()],
  },
  {
    ...common,
    entry: { exitfund: "src/browser.ts" },
    format: ["esm"],
    outDir: "dist/browser",
    platform: "browser",
    noExternal: [/.*/],
    splitting: false,
    minify: true,
    sourcemap: false,
    dts: false,
    esbuildPlugins: [failOnWarnings()],
  },
]);
