import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleSets } from "../../src/rule-sets/index.js";
import { ruleSetMarkdown } from "../../src/rule-sets/doc.js";
import { jsonSchema, schemaNames } from "../../src/rules/jsonSchema.js";

const docs = join(import.meta.dirname, "../../docs");

describe("generated docs are up to date (regenerate with the command in each file's first line)", () => {
  it("docs/rule-sets/tongzhou-2016.md is `exitfund rules --format md`", () => {
    expect(readFileSync(join(docs, "rule-sets/tongzhou-2016.md"), "utf8")).toBe(
      ruleSetMarkdown(ruleSets["tongzhou-2016"]),
    );
  });

  it("docs/rule-set.schema.json is `exitfund schema rules`", () => {
    expect(JSON.parse(readFileSync(join(docs, "rule-set.schema.json"), "utf8"))).toEqual(jsonSchema("rules"));
  });

  it.each(schemaNames().filter((name) => name !== "rules"))(
    "docs/schemas/%s.schema.json is `exitfund schema %s`",
    (name) => {
      expect(JSON.parse(readFileSync(join(docs, `schemas/${name}.schema.json`), "utf8"))).toEqual(jsonSchema(name));
    },
  );
});

describe("the CLI reference", () => {
  it("docs/cli.md is generated from the help texts (npx tsx scripts/generate-cli-doc.ts)", async () => {
    const { cliReference } = await import("../../src/node/run.js");
    expect(readFileSync(join(docs, "cli.md"), "utf8")).toBe(cliReference("en"));
  });

  it("docs/cli.zh.md is generated from the same help texts, in Chinese", async () => {
    const { cliReference } = await import("../../src/node/run.js");
    expect(readFileSync(join(docs, "cli.zh.md"), "utf8")).toBe(cliReference("zh"));
  });
});
