// TypeDoc (npm run docs → docs/api/, Markdown, git-ignored): the reference of every public entry. The entries are
// those of package.json `exports`: `./dist/<path>.d.ts` is documented from `src/<path>.ts`.
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const entryPoints = [
  ...new Set(
    Object.values(manifest.exports)
      .map((target) => target?.import?.types)
      .filter((types) => typeof types === "string")
      .map((types) => types.replace(/^\.\/dist\//, "src/").replace(/\.d\.ts$/, ".ts")),
  ),
];

/** @type {Partial<import("typedoc").TypeDocOptions & import("typedoc-plugin-markdown").PluginOptions>} */
export default {
  name: "exitfund",
  entryPoints,
  tsconfig: "tsconfig.build.json",
  plugin: ["typedoc-plugin-markdown", "./scripts/typedoc-entry-names.mjs"],
  out: "docs/api",
  readme: "none",
  // No links to source lines: they need a hosted git remote, and a clone (or a checkout without one) has none.
  disableSources: true,
  excludePrivate: true,
  excludeInternal: true,
  sort: ["kind", "alphabetical"],
  validation: { notExported: true, invalidLink: true, notDocumented: false },
  // A type the API uses but does not export, or a broken link, fails `npm run docs` (and npm test).
  treatWarningsAsErrors: true,
};
