// exitfund/browser — the core and the rules API (`exitfund` and `exitfund/rules`) as one self-contained ES module
// (dependencies inlined, no Node built-in) for a page without a bundler: dist/browser/exitfund.js.
export * from "./index.js";
export * from "./rules/index.js";
