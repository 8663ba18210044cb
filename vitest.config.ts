import { join } from "node:path";
import { defineConfig } from "vitest/config";

const src = (file: string) => join(import.meta.dirname, "src", file);

// Two projects: the unit tests on the sources, and the package checks (test/package/), which run on the packed
// tarball installed into scratch consumer projects; their global setup packs and installs once, and only when
// one of them is queued.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    // A beforeAll that computes the sample district takes seconds, more on a loaded CI box.
    hookTimeout: 60_000,
    setupFiles: ["test/support/setup.ts"],
    projects: [
      {
        extends: true,
        // A unit test (or an example programme it loads) that imports the package by name gets the sources.
        resolve: {
          alias: [
            { find: /^exitfund$/, replacement: src("index.ts") },
            { find: /^exitfund\/rules$/, replacement: src("rules/index.ts") },
            { find: /^exitfund\/node$/, replacement: src("node/index.ts") },
          ],
        },
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/package/**"] },
      },
      {
        extends: true,
        test: {
          name: "package",
          include: ["test/package/**/*.test.ts"],
          globalSetup: ["test/package/setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
