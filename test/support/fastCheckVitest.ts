// `@fast-check/vitest` for mutation runs (vitest.mutation.config.ts aliases the package name to this file).
//
// @fast-check/vitest 0.5.0 builds its `test` at import by walking every chain of vitest's modifiers (`skip`,
// `only`, `concurrent`, `sequential`, `fails`, `todo`, …; each getter makes a fresh chain, and 0.5.0 follows every
// order of them): under vitest 4.1 that import takes 1.5–2 s of CPU, mostly garbage collection (measured with
// --cpu-prof, docs/quality.md "Cost of a mutant"). Stryker starts a fresh vitest worker for every mutant, so every
// mutant covered by a property test paid it again. The tests of src/ use only `fc` and `test.prop(arbitraries,
// params?)(name, property, timeout?)`; this file gives exactly those, the same way the package runs them: the test
// is named "<name> (with seed=<seed>)" (Stryker's test ids, and so the committed verdicts, keep their names), the
// seed is the parameter's, else fast-check's global one (test/support/setup.ts), else a random one; the property
// runs through fc.assert with fast-check's global settings; vitest's beforeEach/afterEach hooks run around every
// generated case after the first, as the package does. Everyday runs (vitest.config.ts) keep the package itself.
import * as fc from "fast-check";
import { TestRunner, test as vitestTest, type TestContext } from "vitest";
import type { test as packageTest } from "@fast-check/vitest";

type Hook = (context: TestContext, suite: unknown) => unknown;
type Suite = { suite?: Suite; file?: Suite; filepath?: string };

function suiteChain(suite: Suite): Suite[] {
  const chain: Suite[] = [];
  let current: Suite | undefined = suite;
  while (current !== undefined) {
    chain.push(current);
    if ("filepath" in current) break;
    current = current.suite ?? current.file;
  }
  return chain;
}

function hooksOf(suite: Suite, kind: "beforeEach" | "afterEach"): Hook[] {
  const hooks = suiteChain(suite).map(
    (each) => (TestRunner.getSuiteHooks(each as never) as unknown as Record<string, Hook[]>)[kind] ?? [],
  );
  // beforeEach from the file down, afterEach from the innermost suite up (reversed within a suite), as vitest does.
  return kind === "beforeEach" ? hooks.reverse().flat() : hooks.flatMap((list) => [...list].reverse());
}

type Register = (name: string, body: () => Promise<void>, timeout?: number) => void;

/** `test.prop`, registering through `register` (vitest's `test`; test/support/fastCheckVitest.test.ts passes its own). */
export const propWith = (register: Register) => (arbitraries: unknown, params?: fc.Parameters<unknown>) => {
  return (label: string, property: (...values: never[]) => unknown, timeout?: number): void => {
    const record = !Array.isArray(arbitraries);
    const arbs = (
      record ? [fc.record(arbitraries as Record<string, fc.Arbitrary<unknown>>)] : arbitraries
    ) as fc.Arbitrary<unknown>[];
    const settings: fc.Parameters<unknown> = { ...params };
    if (settings.seed === undefined)
      settings.seed = fc.readConfigureGlobal().seed ?? Date.now() ^ (Math.random() * 2 ** 32);
    const run = (...values: unknown[]) => Promise.resolve((property as (...v: unknown[]) => unknown)(...values));
    const instance = (fc.asyncProperty as (...args: unknown[]) => fc.IAsyncPropertyWithHooks<unknown[]>)(...arbs, run);
    register(
      `${label} (with seed=${settings.seed})`,
      async () => {
        const current = TestRunner.getCurrentTest();
        const suite = (current?.suite ?? current?.file) as Suite | undefined;
        if (current === undefined || suite === undefined) throw new Error("test.prop: no running vitest test");
        const before = hooksOf(suite, "beforeEach");
        const after = hooksOf(suite, "afterEach");
        const cleanups: (() => unknown)[] = [];
        if (before.length > 0 || after.length > 0) {
          let first = true;
          instance.beforeEach(async (previous) => {
            await previous();
            if (first) {
              first = false;
              return;
            }
            for (const hook of after) await hook(current.context, suite);
            for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
            for (const hook of before) {
              const result = await hook(current.context, suite);
              if (typeof result === "function") cleanups.push(result as () => unknown);
            }
          });
        }
        try {
          await fc.assert(instance, settings as fc.Parameters<unknown[]>);
        } finally {
          for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
        }
      },
      timeout,
    );
  };
};
const prop = propWith((name, body, timeout) => vitestTest(name, body, timeout));

const test = new Proxy(vitestTest, {
  get: (target, key, receiver) => (key === "prop" ? prop : Reflect.get(target, key, receiver)),
}) as unknown as typeof packageTest;

export { fc, test, test as it };
