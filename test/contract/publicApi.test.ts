import { describe, expect, it } from "vitest";

describe("public API", () => {
  it("the root entry exports exactly these names (a new export shows up here as a diff)", async () => {
    const names = Object.keys(await import("../../src/index.js")).sort();
    expect(names).toMatchSnapshot();
  });

  it("the rules entry (exitfund/rules) exports exactly these names", async () => {
    const names = Object.keys(await import("../../src/rules/index.js")).sort();
    expect(names).toMatchSnapshot();
  });

  it("the node entry exports exactly these names", async () => {
    const names = Object.keys(await import("../../src/node/index.js")).sort();
    expect(names).toMatchSnapshot();
  });
});
