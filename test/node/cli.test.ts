import { describe, expect, it } from "vitest";
import type { RuleSetJson } from "../../src/parameters/types.js";
import { bundledRuleSetJson } from "../../src/rule-sets/index.js";
import { runCliCapture } from "../support/cli.js";

describe("exitfund CLI", () => {
  it("--version prints the package version", async () => {
    const result = await runCliCapture(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each(["compute", "verify", "rules", "schema"])("%s --help prints usage on stdout and exits 0", async (command) => {
    const result = await runCliCapture([command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`exitfund ${command}`);
  });

  it("an unknown command exits 2 with the list of commands on stderr", async () => {
    const result = await runCliCapture(["comptue"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command");
    expect(result.stdout).toBe("");
  });

  const KNOWN =
    "compute, verify, audit, budget, compare, report, demo, rules, template, serve, test, schema, verify-receipt";

  it.each([
    [
      ["--lang", "zh", "help", "comptue"],
      `exitfund：未知命令 "comptue"（是否想输入 compute？）；可用命令：${KNOWN}（参见 exitfund --help）\n`,
    ],
    [
      ["help", "--lang", "en", "nosuch"],
      `exitfund: unknown command "nosuch"; commands: ${KNOWN} (see exitfund --help)\n`,
    ],
    [
      ["help", "comptue", "--lang", "en"],
      `exitfund: unknown command "comptue" (did you mean compute?); commands: ${KNOWN} (see exitfund --help)\n`,
    ],
    [
      ["help", "compute", "extra", "--lang", "en"],
      'exitfund: help takes one command name; got "compute", "extra" (a subcommand\'s help: exitfund <command> <subcommand> --help)\n(see exitfund --help)\n',
    ],
    [
      ["--lang", "zh", "help", "rules", "tempalte"],
      'exitfund：help 只接受一个命令名，收到 "rules"、"tempalte"（子命令的说明：exitfund <命令> <子命令> --help）\n（参见 exitfund --help）\n',
    ],
  ])("exitfund %j exits 2, says what is wrong on stderr and prints no help", async (argv, stderr) => {
    const result = await runCliCapture(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(stderr);
    expect(result.stdout).toBe("");
  });

  it.each([["help"], ["help", "help"], ["help", "--help"], ["help", "-h"]])(
    "exitfund %j prints the overview and exits 0",
    async (...argv) => {
      const result = await runCliCapture([...argv, "--lang", "en"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^exitfund \d+\.\d+\.\d+ — /);
      expect(result.stdout).toContain("Commands:");
      expect(result.stderr).toBe("");
    },
  );

  it.each([
    ["template", "en"],
    ["diff", "en"],
    ["template", "zh"],
  ])("exitfund help rules %s --lang %s prints what the subcommand's --help prints, exit 0", async (sub, lang) => {
    const result = await runCliCapture(["help", "rules", sub, "--lang", lang]);
    const direct = await runCliCapture(["rules", sub, "--help", "--lang", lang]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(`exitfund rules ${sub}`);
    expect(result.stdout).toBe(direct.stdout);
  });

  it("exitfund help compute prints the help of compute and exits 0", async () => {
    const result = await runCliCapture(["help", "compute", "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^exitfund compute <cases>/);
  });

  it("an unknown option exits 2 and names the options the command takes", async () => {
    const result = await runCliCapture(["rules", "--fromat", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--format");
  });

  it("rules --format json prints the resolved rule set exactly in the rule-set format", async () => {
    const result = await runCliCapture(["rules", "--format", "json"]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toEqual(JSON.parse(JSON.stringify(bundledRuleSetJson.get("tongzhou-2016") as RuleSetJson)));
    expect(printed.parameters["reward.municipal.min"]).toMatchObject({ status: "reported", source: "S1" });
    expect(printed.parameters["reward.small.taxScale"]).toMatchObject({ status: "illustrative" });
  });

  it("rules --rules <file> with extends prints the merged rule set", async () => {
    const result = await runCliCapture([
      "rules",
      "--rules",
      "test/fixtures/rule-sets/extends-cutoff.json",
      "--format",
      "json",
    ]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed.id).toBe("my-district");
    expect(printed.parameters["clearance.cutoffDate"].values[0].value).toBe("2016-03-01");
    expect(printed.parameters["reward.municipal.min"].values[0].value).toBe("500000");
  });

  it("a malformed rule set exits 2 with every problem and no number", async () => {
    const result = await runCliCapture(["rules", "--rules", "test/fixtures/rule-sets/malformed.json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('parameters["transfer.coverage"]');
    expect(result.stderr).toContain('parameters["reward.municipal.min"].values[0].value');
    expect(result.stderr).toContain("validFrom");
  });

  it("schema enterprise-exit prints a JSON Schema with the Chinese labels", async () => {
    const result = await runCliCapture(["schema", "enterprise-exit"]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toContain("json-schema.org");
    expect(schema.properties.energySavedTce.description).toBe("节能量（吨标煤）");
    expect(schema.required).toContain("exitMode");
    expect(schema.additionalProperties).toBe(false);
  });

  it.each(["structure-clearance", "village-compensation", "township-transfer", "ledger", "rules"])(
    "schema %s prints a JSON Schema",
    async (name) => {
      const result = await runCliCapture(["schema", name]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).type).toBe("object");
    },
  );

  it("schema of an unknown kind exits 2", async () => {
    expect((await runCliCapture(["schema", "enterprise"])).code).toBe(2);
  });

  it("compute on a malformed case exits 2, lists every problem with index and path, and writes no results", async () => {
    const result = await runCliCapture(["compute", "-"], {
      stdin: JSON.stringify([
        { kind: "enterprise-exit", id: "E-1", exitMode: "partial" },
        { kind: "nope", id: "X" },
      ]),
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("(stdin) › entry 1 › exitMode (E-1)");
    expect(result.stderr).toContain("(stdin) › entry 1 › township (E-1)");
    expect(result.stderr).toContain("(stdin) › entry 2 › kind (X)");
  });

  it("compute on a file that is not JSON exits 2", async () => {
    const result = await runCliCapture(["compute", "-"], { stdin: "{ not json" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not valid JSON");
  });

  it("compute on a missing file exits 2", async () => {
    const result = await runCliCapture(["compute", "no-such-file.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no such file");
  });
});
