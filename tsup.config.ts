import { defineConfig } from "tsup";

// Three entries: the browser-safe core, the Node-only readers/writers, and the CLI bin.
export default defineConfig([
  {
    entry: { index: "src/index.ts", "node/index": "src/node/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: false,
    target: "es2022",
    splitting: false,
  },
  {
    entry: { cli: "src/node/cli.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
