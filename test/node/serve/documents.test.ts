import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explain } from "../../../src/rules/explain.js";
import { schemaNames } from "../../../src/rules/jsonSchema.js";
import { serveOptions } from "../../../src/node/commands/serve.js";
import { startServer } from "../../../src/node/serve/http.js";
import { POST_HANDLERS } from "../../../src/node/serve/documents.js";
import { defaultRuleSet, ruleSets } from "../../../src/rule-sets/index.js";
import { defaultProgramme } from "../../../src/rules/default.js";
import { fakeIo, runCliCapture } from "../../support/cli.js";
import { enterpriseCase } from "../../fixtures/cases.js";
import { tempDir } from "../formats/support.js";
import { postJson, sampleSlice, send, testServer } from "./support.js";

const ROOT = join(import.meta.dirname, "../../..");
const FIXED_RATES = JSON.parse(readFileSync(join(ROOT, "test/fixtures/rule-sets/fixed-rates.json"), "utf8")) as object;

let server: Awaited<ReturnType<typeof testServer>>;
let dir: string;
const slice = sampleSlice();
const casesText = JSON.stringify({ cases: slice.cases });

beforeAll(async () => {
  server = await testServer();
  dir = await tempDir();
  await writeFile(join(dir, "cases.json"), casesText);
  await writeFile(join(dir, "ledger.json"), JSON.stringify({ ledger: slice.ledger }));
  await writeFile(join(dir, "fixed-rates.json"), JSON.stringify(FIXED_RATES));
});
afterAll(async () => {
  await server.close();
});

/** The CLI's stdout for `argv` with the slice's cases on standard input. */
async function cli(argv: readonly string[], stdin = casesText) {
  return await runCliCapture(argv, { stdin, cwd: dir });
}

describe("each endpoint answers the document the CLI prints, byte for byte", () => {
  it.each([
    ["compute", {}, ["--format", "json"]],
    ["compute", { explain: true }, ["--format", "json", "--explain"]],
    ["compute", { rules: "tongzhou-2016" }, ["--format", "json", "--rules", "tongzhou-2016"]],
    ["budget", {}, ["--format", "json"]],
    [
      "budget",
      { by: ["township", "payer", "year"], cap: "20000000", payer: "district" },
      ["--format", "json", "--by", "township,payer,year", "--cap", "20000000", "--payer", "district"],
    ],
    ["budget", { by: "payer,track" }, ["--format", "json", "--by", "payer,track"]],
    [
      "compare",
      { rules: "tongzhou-2016", against: "(fixed-rates inline)" },
      ["--format", "json", "--rules", "tongzhou-2016", "--against", "fixed-rates.json"],
    ],
  ] as const)("POST /%s with %o", async (endpoint, options, flags) => {
    const expected = await cli([endpoint, "-", ...flags]);
    const given = "against" in options ? { ...options, against: FIXED_RATES } : options;
    const reply = await postJson(server.url, `/${endpoint}`, { cases: slice.cases, ...given });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(reply.text).toBe(expected.stdout);
    expect(reply.headers["exitfund-exit-status"]).toBe(String(expected.code));
  });

  it("POST /compute takes a bare array too, and a cases file as it is", async () => {
    const expected = await cli(["compute", "-", "--format", "json"]);
    expect((await postJson(server.url, "/compute", slice.cases)).text).toBe(expected.stdout);
    const file = { note: "a note", cases: slice.cases };
    expect((await postJson(server.url, "/compute", file)).text).toBe(expected.stdout);
  });

  it("POST /compute with skipInvalid lists the invalid cases as --skip-invalid does (status 200, exit 1)", async () => {
    const cases = [enterpriseCase, { ...enterpriseCase, id: "E-2", employees: -1 }, { kind: "nothing", id: "X" }];
    const expected = await cli(["compute", "-", "--format", "json", "--skip-invalid"], JSON.stringify(cases));
    const reply = await postJson(server.url, "/compute", { cases, skipInvalid: true });
    expect(reply.status).toBe(200);
    // The CLI names standard input, the server the body's key; both count the entries from 1.
    expect(expected.stdout).toContain('"path": "(stdin) › entry 2 › employees"');
    expect(reply.text).toBe(expected.stdout.replaceAll('"(stdin) › entry', '"cases › entry'));
    expect(expected.code).toBe(1);
    expect(reply.headers["exitfund-exit-status"]).toBe("1");
  });

  it("POST /verify = exitfund verify --format json (findings: exit status 1)", async () => {
    const text = readFileSync(join(ROOT, "examples/verify/declarations.json"), "utf8");
    for (const [options, flags] of [
      [{}, []],
      [{ explain: true }, ["--explain"]],
    ] as const) {
      const expected = await cli(["verify", "-", "--format", "json", ...flags], text);
      const body = JSON.parse(text) as unknown;
      const reply = await postJson(
        server.url,
        "/verify",
        Array.isArray(body) ? { cases: body, ...options } : { ...(body as object), ...options },
      );
      expect(reply.status).toBe(200);
      expect(reply.text).toBe(expected.stdout);
      expect(reply.headers["exitfund-exit-status"]).toBe(String(expected.code));
    }
  });

  it("POST /audit = exitfund audit --ledger --format json (the planted discrepancies of the slice)", async () => {
    for (const [options, flags] of [
      [{}, []],
      [{ tolerance: "5" }, ["--tolerance", "5"]],
    ] as const) {
      const expected = await cli(["audit", "cases.json", "--ledger", "ledger.json", "--format", "json", ...flags]);
      expect(expected.code).toBe(1);
      const reply = await postJson(server.url, "/audit", { cases: slice.cases, ledger: slice.ledger, ...options });
      expect(reply.status).toBe(200);
      expect(reply.text).toBe(expected.stdout);
      expect(reply.headers["exitfund-exit-status"]).toBe("1");
    }
  });

  it("POST /explain gives each case's account as compute --explain --format table --lang prints it", async () => {
    for (const lang of ["zh", "en"] as const) {
      const table = await runCliCapture(["compute", "-", "--format", "table", "--explain", "--lang", lang], {
        stdin: casesText,
        cwd: dir,
      });
      const reply = await postJson(server.url, "/explain", { cases: slice.cases, lang });
      expect(reply.status).toBe(200);
      const document = reply.json() as { lang: string; explanations: { id: string; text: string }[] };
      expect(document.lang).toBe(lang);
      expect(document.explanations.map((entry) => entry.id)).toEqual(slice.cases.map((c) => c.id));
      for (const entry of document.explanations) expect(table.stdout).toContain(`\n${entry.text}`);
    }
    const some = await postJson(server.url, "/explain", { cases: slice.cases, case: [slice.cases[2]?.id] });
    const texts = (some.json() as { explanations: { text: string }[] }).explanations.map((entry) => entry.text);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(slice.cases[2]?.id);
    expect(explain).toBeTypeOf("function");
  });

  it("GET /rules/{id} = exitfund rules --rules <id> --format json; GET /schemas/{name} = exitfund schema <name>", async () => {
    const rules = await send(server.url, { path: "/rules/tongzhou-2016" });
    expect(rules.status).toBe(200);
    expect(rules.text).toBe((await cli(["rules", "--rules", "tongzhou-2016", "--format", "json"])).stdout);
    for (const name of schemaNames()) {
      const schema = await send(server.url, { path: `/schemas/${name}` });
      expect(schema.status).toBe(200);
      expect(schema.text).toBe((await cli(["schema", name])).stdout);
    }
    const list = (await send(server.url, { path: "/rules" })).json() as { default: string; ruleSets: { id: string }[] };
    expect(list.default).toBe("tongzhou-2016");
    expect(list.ruleSets.map((r) => r.id)).toEqual(["tongzhou-2016"]);
    expect((await send(server.url, { path: "/schemas" })).json()).toEqual({ schemas: [...schemaNames()] });
  });

  it("a rule set inline computes as the same file given to --rules", async () => {
    const expected = await cli(["compute", "-", "--format", "json", "--rules", "fixed-rates.json"]);
    const reply = await postJson(server.url, "/compute", { cases: slice.cases, rules: FIXED_RATES });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(expected.stdout);
  });
});

describe("the server's --rules and --programme", () => {
  it("a district's extension over HTTP: the changping programme and rule set, as the CLI computes them", async () => {
    const flags = [
      "--rules",
      "examples/changping-2015/rules.json",
      "--programme",
      "examples/changping-2015/programme.mjs",
    ];
    const options = await serveOptions([...flags, "--port", "0"], fakeIo({ cwd: ROOT }).io);
    if (options === undefined) throw new Error("options expected");
    const district = await startServer(options);
    try {
      const text = readFileSync(join(ROOT, "examples/changping-2015/cases.json"), "utf8");
      for (const [endpoint, extra] of [
        ["compute", ["--explain"]],
        ["budget", ["--by", "township,payer"]],
      ] as const) {
        const expected = await runCliCapture([endpoint, "-", "--format", "json", ...flags, ...extra], {
          stdin: text,
          cwd: ROOT,
        });
        const body = {
          ...(JSON.parse(text) as object),
          ...(endpoint === "compute" ? { explain: true } : { by: "township,payer" }),
        };
        const reply = await postJson(district.url, `/${endpoint}`, body);
        expect(reply.status).toBe(200);
        expect(reply.text).toBe(expected.stdout);
      }
      const list = (await send(district.url, { path: "/rules" })).json() as {
        default: string;
        ruleSets: { id: string }[];
      };
      expect(list.default).toBe("changping-2015");
      expect(list.ruleSets.map((r) => r.id)).toEqual(["tongzhou-2016", "changping-2015"]);
      const rules = await send(district.url, { path: "/rules/changping-2015" });
      expect(rules.text).toBe((await runCliCapture(["rules", "--format", "json", ...flags], { cwd: ROOT })).stdout);
      const schema = await send(district.url, { path: "/schemas/enterprise-exit" });
      expect(schema.text).toContain("vacatedLandOnTime");
      expect(schema.text).toBe(
        (
          await runCliCapture(["schema", "enterprise-exit", "--programme", "examples/changping-2015/programme.mjs"], {
            cwd: ROOT,
          })
        ).stdout,
      );
    } finally {
      await district.close();
    }
  });
});

describe("the time limit inside a computation", () => {
  it("compute checks the deadline every few hundred cases, and stops when it throws", () => {
    const context = {
      programme: defaultProgramme,
      ruleSet: defaultRuleSet,
      ruleSets: new Map(Object.entries(ruleSets)),
    };
    const cases = Array.from({ length: 2000 }, (_, index) => ({ ...enterpriseCase, id: `E-${index}` }));
    let calls = 0;
    POST_HANDLERS.compute({ cases }, context, () => {
      calls += 1;
    });
    expect(calls).toBeGreaterThan(4);
    let checked = 0;
    expect(() =>
      POST_HANDLERS.compute({ cases }, context, () => {
        checked += 1;
        if (checked === 3) throw new Error("past the deadline");
      }),
    ).toThrow("past the deadline");
    expect(checked).toBe(3);
  });
});

describe("the server's language", () => {
  it("serve's options carry the CLI's --lang (the internal-error line is said in it)", async () => {
    for (const lang of ["zh", "en"] as const) {
      const options = await serveOptions(["--port", "0"], { ...fakeIo({ cwd: ROOT }).io, lang });
      expect(options?.lang).toBe(lang);
    }
  });
});
