import { request as httpRequest } from "node:http";
import { createConnection } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliCapture } from "../../support/cli.js";
import { enterpriseCase } from "../../fixtures/cases.js";
import { ruleSets, defaultRuleSet } from "../../../src/rule-sets/index.js";
import { defaultProgramme } from "../../../src/rules/default.js";
import type { RuleSet } from "../../../src/parameters/types.js";
import { postJson, send, testServer, type Reply } from "./support.js";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer({ maxBody: 4096 });
});
afterAll(async () => {
  await server.close();
});

/** An error answer: JSON with a stable code and its message in English and Chinese. */
function expectError(reply: Reply, status: number, code: string): { [key: string]: unknown } {
  expect(reply.status).toBe(status);
  expect(reply.headers["content-type"]).toBe("application/json; charset=utf-8");
  const body = reply.json() as { [key: string]: unknown };
  expect(body.code).toBe(code);
  expect(body.message).toEqual(expect.any(String));
  expect(body.zh).toMatch(/[\u4e00-\u9fff]/);
  return body;
}

/** Waits until `check` holds (a server state reached by another request). */
async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; !check(); tries += 1) {
    if (tries > 500) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A POST whose body is left unfinished until `finish()` is called: the request stays in flight. */
function pending(url: string, path = "/compute") {
  const finishers: (() => void)[] = [];
  const reply = new Promise<Reply>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const request = httpRequest(new URL(path, url), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      agent: false,
    });
    request.on("response", (response) => {
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
      });
    });
    request.on("error", reject);
    request.write(`[${JSON.stringify(enterpriseCase)}`);
    finishers.push(() => request.end("]"));
  });
  return { reply, finish: () => finishers.forEach((finish) => finish()) };
}

describe("routes and methods", () => {
  it("an unknown route is 404 naming the routes; an unknown rule set or schema is 404 listing the known ones", async () => {
    expect(expectError(await send(server.url, { path: "/calculate" }), 404, "not-found").message).toContain("/compute");
    for (const path of ["/rules/nope", "/rules/__proto__", "/rules/toString"])
      expect(expectError(await send(server.url, { path }), 404, "unknown-rule-set").message).toContain("tongzhou-2016");
    for (const path of ["/schemas/constructor", "/schemas/cases"])
      expect(expectError(await send(server.url, { path }), 404, "unknown-schema").message).toContain("ledger");
  });

  it("a wrong method is 405 with Allow", async () => {
    const get = await send(server.url, { path: "/compute" });
    expectError(get, 405, "method-not-allowed");
    expect(get.headers.allow).toBe("POST, OPTIONS");
    for (const [method, path] of [
      ["POST", "/health"],
      ["DELETE", "/rules/tongzhou-2016"],
      ["PUT", "/openapi.json"],
    ] as const) {
      const reply = await send(server.url, {
        method,
        path,
        body: "{}",
        headers: { "Content-Type": "application/json" },
      });
      expectError(reply, 405, "method-not-allowed");
      expect(reply.headers.allow).toBe("GET, HEAD, OPTIONS");
    }
  });

  it("CONNECT (a proxy's method) is 405 in JSON too, not a connection dropped without an answer", async () => {
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = createConnection({ host: "127.0.0.1", port: Number(port) }, () =>
        socket.write("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"),
      );
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      socket.on("close", () => resolve(text));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as { [key: string]: unknown };
    expect(body.code).toBe("method-not-allowed");
    expect(body.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("GET /health and HEAD answer; OPTIONS without CORS says what is allowed", async () => {
    const health = await send(server.url, { path: "/health" });
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({
      status: "ok",
      version: expect.any(String),
      ruleSet: { id: "tongzhou-2016", version: "1" },
      inFlight: 0,
    });
    const head = await send(server.url, { method: "HEAD", path: "/rules/tongzhou-2016" });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    const options = await send(server.url, { method: "OPTIONS", path: "/compute" });
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("POST, OPTIONS");
  });
});

describe("bodies", () => {
  it("a body that is not application/json (UTF-8) is 415", async () => {
    for (const headers of [
      {},
      { "Content-Type": "text/plain" },
      { "Content-Type": "application/x-www-form-urlencoded" },
      { "Content-Type": "application/json; charset=gb18030" },
    ])
      expectError(await send(server.url, { path: "/compute", body: "[]", headers }), 415, "unsupported-media-type");
    const ok = await send(server.url, {
      path: "/compute",
      body: JSON.stringify([enterpriseCase]),
      headers: { "Content-Type": "Application/JSON; charset=UTF-8" },
    });
    expect(ok.status).toBe(200);
  });

  it("malformed JSON, a key given twice, an empty body, bytes not UTF-8 are 400 with the problems listed", async () => {
    const malformed = expectError(await postJson(server.url, "/compute", '{"cases": ['), 400, "malformed-json");
    expect(malformed.issues).toEqual([expect.objectContaining({ path: "(body)", code: "not-json" })]);
    const twice = expectError(
      await postJson(server.url, "/compute", '{"cases": [], "explain": true, "explain": false}'),
      400,
      "duplicate-key",
    );
    expect(twice.issues).toEqual([expect.objectContaining({ path: "(body) › explain", code: "duplicate-key" })]);
    // In a case, the key given twice is at its entry, counted from 1 as the problems of the cases are.
    for (const [text, path] of [
      ['[{"id": "A"}, {"id": "B", "id": "C"}]', "(body) › entry 2 › id"],
      ['{"cases": [{"id": "A"}, {"id": "B", "id": "C"}]}', "(body) › cases › entry 2 › id"],
    ] as const)
      expect(expectError(await postJson(server.url, "/compute", text), 400, "duplicate-key").issues).toEqual([
        expect.objectContaining({ path, code: "duplicate-key" }),
      ]);
    expectError(await postJson(server.url, "/compute", "  \n"), 400, "empty-body");
    const latin1 = expectError(
      await send(server.url, {
        path: "/compute",
        body: Buffer.from([0x5b, 0x22, 0xe9, 0x22, 0x5d]),
        headers: { "Content-Type": "application/json" },
      }),
      400,
      "not-utf-8",
    );
    expect((latin1.issues as { code: string }[])[0]?.code).toBe("not-utf-8");
    // Valid JSON whose text no file of cases may hold is refused with the code the CLI gives a file.
    const nul = expectError(
      await postJson(server.url, "/compute", '[{"kind": "enterprise-exit", "township": "台湖\\u0000镇"}]'),
      400,
      "control-character",
    );
    expect(nul.issues).toEqual([
      expect.objectContaining({ path: "(body) › entry 1 › township", code: "control-character" }),
    ]);
  });

  it("a body over --max-body is 413, by its declared length or as it streams in", async () => {
    const big = JSON.stringify({ cases: [], note: "x".repeat(10_000) });
    const declared = expectError(await postJson(server.url, "/compute", big), 413, "body-too-large");
    expect(declared.message).toContain("4096");
    const chunked = await send(server.url, {
      path: "/compute",
      body: [big.slice(0, 3000), big.slice(3000, 6000), big.slice(6000)],
      headers: { "Content-Type": "application/json" },
    });
    expectError(chunked, 413, "body-too-large");
    expect(chunked.headers.connection).toBe("close");
    expect((await send(server.url, { path: "/health" })).status).toBe(200);
  });
});

describe("422: bad input never produces a number", () => {
  it("invalid cases: the issues the CLI's JSON lists for the same cases (codes, zh and en)", async () => {
    const cases = [enterpriseCase, { ...enterpriseCase, id: "E-2", employees: -1 }, { kind: "nothing", id: "X" }];
    const cli = await runCliCapture(["compute", "-", "--format", "json", "--skip-invalid"], {
      stdin: JSON.stringify(cases),
    });
    const errors = (JSON.parse(cli.stdout) as { errors: unknown[] }).errors;
    expect(errors.length).toBeGreaterThan(1);
    const body = expectError(await postJson(server.url, "/compute", cases), 422, "invalid-input");
    // An array body: its entries, counted from 1 as the CLI counts those of standard input.
    expect(body.issues).toEqual(
      (errors as { path: string }[]).map((error) => ({ ...error, path: error.path.replace(/^\(stdin\) › /, "") })),
    );
    expect((body.issues as { path: string }[]).map((issue) => issue.path)).toEqual([
      "entry 2 › employees",
      "entry 3 › kind",
    ]);
    expect(body).not.toHaveProperty("results");
    for (const issue of body.issues as { code: string; zh: string }[]) {
      expect(issue.code).toMatch(/^[a-z0-9-]+$/);
      expect(issue.zh).toEqual(expect.any(String));
    }
  });

  it("a request shape that is wrong names the key: unknown options, a missing ledger, a bad dimension, an unknown rule set", async () => {
    const paths = async (path: string, body: unknown) =>
      (
        expectError(await postJson(server.url, path, body), 422, "invalid-input").issues as {
          path: string;
          code: string;
        }[]
      ).map((issue) => `${issue.path} ${issue.code}`);
    expect(await paths("/compute", { cases: [], explian: true })).toEqual(["explian unknown-field"]);
    expect(await paths("/compute", '"a string"')).toEqual([" not-an-object"]);
    expect(await paths("/audit", [enterpriseCase])).toEqual([" not-an-object"]);
    expect(await paths("/audit", { cases: [enterpriseCase] })).toEqual([expect.stringMatching(/^ledger /)]);
    expect(await paths("/budget", { cases: [enterpriseCase], by: "township,county" })).toEqual([
      "by unknown-dimension",
    ]);
    expect(await paths("/budget", { cases: [enterpriseCase], cap: "100" })).toEqual(["payer cap-needs-payer"]);
    expect(await paths("/compute", { cases: [enterpriseCase], rules: "beijing-2099" })).toEqual([
      "rules unknown-rule-set",
    ]);
    expect(await paths("/compare", { cases: [enterpriseCase], rules: "x", against: "y" })).toEqual([
      "rules unknown-rule-set",
      "against unknown-rule-set",
    ]);
    expect(await paths("/explain", { cases: [enterpriseCase], case: ["E-404"] })).toEqual(["case[0] unknown-case"]);
    expect(await paths("/verify", { cases: [] })).toEqual(["cases no-cases"]);
    const inline = await paths("/compute", {
      cases: [enterpriseCase],
      rules: { id: "mine", extends: "tongzhou-2016" },
    });
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.every((line) => line.startsWith("rules"))).toBe(true);
  });

  it("a case id given twice names the other entry counted from 1 too; index stays 0-based", async () => {
    for (const [body, path, also] of [
      [[enterpriseCase, enterpriseCase], "entry 2 › id", "also at entry 1 › id"],
      [{ cases: [enterpriseCase, enterpriseCase] }, "cases › entry 2 › id", "also at cases › entry 1 › id"],
    ] as const) {
      const issues = expectError(await postJson(server.url, "/compute", body), 422, "invalid-input").issues as {
        path: string;
        index: number;
        message: string;
        zh: string;
      }[];
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toBe(path);
      expect(issues[0]?.index).toBe(1);
      expect(issues[0]?.message).toContain(`(${also})`);
      expect(issues[0]?.zh).toContain(`（另见 ${also.replace("also at ", "")}）`);
    }
  });

  it("an audit lists the problems of the cases, the ledger and the tolerance at once", async () => {
    const lines = (
      expectError(
        await postJson(server.url, "/audit", {
          cases: [{ ...enterpriseCase, employees: -1 }],
          ledger: [{ caseId: "E-1", payer: "city", amount: "1", paidOn: "2016-13-01" }],
          tolerance: "0.001",
        }),
        422,
        "invalid-input",
      ).issues as { path: string }[]
    ).map((issue) => issue.path);
    expect(lines).toEqual(
      expect.arrayContaining([
        "cases › entry 1 › employees",
        "tolerance",
        "ledger › entry 1 › payer",
        "ledger › entry 1 › paidOn",
      ]),
    );
  });

  it("more problems than are listed: the first 200 and a count of the rest", async () => {
    const many = Array.from({ length: 60 }, (_, index) => ({
      ...enterpriseCase,
      id: `E-${index}`,
      employees: -1,
      landAreaM2: "x",
      energySavedTce: "y",
      extra: 1,
    }));
    const big = await testServer();
    try {
      const body = expectError(await postJson(big.url, "/compute", many), 422, "invalid-input");
      expect(body.issues).toHaveLength(200);
      expect(body.issuesOmitted).toBe(40);
    } finally {
      await big.close();
    }
  });
});

describe("limits: concurrency and time", () => {
  it("beyond --concurrency is 503 busy with Retry-After; /health still answers; the request in flight finishes", async () => {
    const small = await testServer({ concurrency: 1 });
    try {
      const first = pending(small.url);
      await until(() => small.inFlight() === 1);
      const busy = await postJson(small.url, "/compute", [enterpriseCase]);
      expectError(busy, 503, "busy");
      expect(busy.headers["retry-after"]).toBe("1");
      expect((await send(small.url, { path: "/health" })).status).toBe(200);
      first.finish();
      expect((await first.reply).status).toBe(200);
      expect((await postJson(small.url, "/compute", [enterpriseCase])).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it("a request slower than --timeout is 503 timeout with Retry-After, and the server goes on", async () => {
    const quick = await testServer({ timeout: 300 });
    try {
      const slow = pending(quick.url);
      const reply = await slow.reply;
      expectError(reply, 503, "timeout");
      expect(reply.headers["retry-after"]).toBe("5");
      expect((await postJson(quick.url, "/compute", [enterpriseCase])).status).toBe(200);
      expect(quick.inFlight()).toBe(0);
    } finally {
      await quick.close();
    }
  });

  it("a computation past the time limit is stopped between cases (503), not answered late", async () => {
    const quick = await testServer({ timeout: 50 });
    try {
      const cases = Array.from({ length: 3000 }, (_, index) => ({ ...enterpriseCase, id: `E-${index}` }));
      expectError(await postJson(quick.url, "/compute", cases), 503, "timeout");
    } finally {
      await quick.close();
    }
  });
});

describe("security: the token, CORS and the Host header", () => {
  const TOKEN = "s3cret-token-0123456789";

  it("with a token every route but /health needs Authorization: Bearer <token>", async () => {
    const guarded = await testServer({ token: TOKEN });
    try {
      const none = expectError(await postJson(guarded.url, "/compute", [enterpriseCase]), 401, "token-required");
      expect(none).not.toHaveProperty("results");
      const missing = await send(guarded.url, { path: "/rules" });
      expect(missing.status).toBe(401);
      expect(missing.headers["www-authenticate"]).toBe('Bearer realm="exitfund"');
      for (const header of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, TOKEN])
        expectError(
          await postJson(guarded.url, "/compute", [enterpriseCase], { Authorization: header }),
          401,
          "token-wrong",
        );
      expectError(await send(guarded.url, { path: "/nowhere" }), 401, "token-required");
      const ok = await postJson(guarded.url, "/compute", [enterpriseCase], { Authorization: `Bearer ${TOKEN}` });
      expect(ok.status).toBe(200);
      expect((await send(guarded.url, { path: "/health" })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it("CORS: an allowed origin gets its preflight answered and Access-Control-Allow-Origin; another gets neither", async () => {
    const shared = await testServer({ cors: ["https://budget.example.gov.cn", "http://localhost:3000"] });
    try {
      const preflight = await send(shared.url, {
        method: "OPTIONS",
        path: "/compute",
        headers: {
          Origin: "https://budget.example.gov.cn",
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "content-type",
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers["access-control-allow-origin"]).toBe("https://budget.example.gov.cn");
      expect(preflight.headers["access-control-allow-methods"]).toBe("POST, OPTIONS");
      expect(preflight.headers["access-control-allow-headers"]).toBe("Content-Type, Authorization");
      expect(preflight.headers.vary).toBe("Origin");
      const refused = await send(shared.url, {
        method: "OPTIONS",
        path: "/compute",
        headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
      });
      expectError(refused, 403, "origin-not-allowed");
      expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
      const allowed = await postJson(shared.url, "/compute", [enterpriseCase], { Origin: "http://localhost:3000" });
      expect(allowed.status).toBe(200);
      expect(allowed.headers["access-control-allow-origin"]).toBe("http://localhost:3000");
      const other = await postJson(shared.url, "/compute", [enterpriseCase], { Origin: "http://localhost:3001" });
      expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await shared.close();
    }
  });

  it("bound to loopback without a token, a request addressed to another host name is 403 (DNS rebinding)", async () => {
    for (const host of ["evil.example", "evil.example:80", "192.168.1.5:8080"])
      expectError(await send(server.url, { path: "/health", headers: { Host: host } }), 403, "host-not-allowed");
    for (const host of ["localhost", `localhost:${server.port}`, `127.0.0.1:${server.port}`, "[::1]:80"])
      expect((await send(server.url, { path: "/health", headers: { Host: host } })).status).toBe(200);
    const guarded = await testServer({ token: TOKEN });
    try {
      const named = await send(guarded.url, {
        path: "/health",
        headers: { Host: "exitfund.internal", Authorization: `Bearer ${TOKEN}` },
      });
      expect(named.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe("the request log", () => {
  it("one line per request on the log: time, method, path, status, ms; never the body", async () => {
    const logged = await testServer();
    try {
      await postJson(logged.url, "/compute", [{ ...enterpriseCase, name: "秘密企业 secret-name" }]);
      await send(logged.url, { path: "/nowhere?q=secret-query" });
      await until(() => logged.log.length === 2);
      expect(logged.log[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z POST \/compute 200 \d+ms$/);
      expect(logged.log[1]).toMatch(/ GET \/nowhere 404 \d+ms$/);
      expect(logged.log.join("\n")).not.toMatch(/secret/);
    } finally {
      await logged.close();
    }
  });

  for (const [lang, said] of [
    [
      "zh",
      /^exitfund serve：处理 POST \/compute 时发生内部错误（exitfund 的缺陷，请报告）：Error: boom-internal\n\s+at /u,
    ],
    [
      "en",
      /^exitfund serve: internal error on POST \/compute \(a bug in exitfund; please report it\): Error: boom-internal\n\s+at /u,
    ],
  ] as const)
    it(`an unexpected error is logged in ${lang} with its stack trace, answered 500 internal`, async () => {
      let broken = false;
      const context = {
        get programme() {
          if (broken) throw new Error("boom-internal");
          return defaultProgramme;
        },
        ruleSet: defaultRuleSet,
        ruleSets: new Map<string, RuleSet>(Object.entries(ruleSets)),
      };
      const failing = await testServer({ context, lang });
      try {
        broken = true;
        expectError(await postJson(failing.url, "/compute", [enterpriseCase]), 500, "internal");
        await until(() => failing.log.length === 2);
        const line = failing.log.find((logged) => logged.includes("boom-internal")) ?? "";
        expect(line).toMatch(said);
      } finally {
        await failing.close();
      }
    });
});
