import { fc, test } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { clearanceCase, enterpriseCase, transferCase, villageCase } from "../../fixtures/cases.js";
import { runCliCapture } from "../../support/cli.js";
import { send, testServer } from "./support.js";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer({ maxBody: 64 * 1024 });
});
afterAll(async () => {
  await server.close();
});

const ENDPOINTS = ["/compute", "/verify", "/audit", "/budget", "/compare", "/explain"] as const;
const STATUSES = new Set([200, 400, 413, 422]);

/** A case of some kind with some of its fields removed or replaced by arbitrary JSON: valid or not. */
const someCase = fc
  .tuple(
    fc.constantFrom<object>(enterpriseCase, clearanceCase, villageCase, transferCase),
    fc.array(fc.tuple(fc.string({ maxLength: 14 }), fc.option(fc.jsonValue({ maxDepth: 2 }))), { maxLength: 3 }),
    fc.integer({ min: 0, max: 20 }),
  )
  .map(([base, changes, suffix]) => {
    const out: { [key: string]: unknown } = { ...base, id: `X-${suffix}` };
    const keys = Object.keys(base);
    for (const [key, value] of changes) {
      const target = keys.includes(key) || key.length === 0 ? key : (keys[key.length % keys.length] ?? key);
      if (value === null) delete out[target];
      else out[target] = value;
    }
    return out;
  });

/** Bodies: arbitrary bytes, arbitrary JSON, and requests with cases that are valid or nearly so. */
const body = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? "null"),
  fc.string({ maxLength: 60 }),
  fc
    .record({
      cases: fc.array(someCase, { maxLength: 4 }),
      explain: fc.boolean(),
      ledger: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
    })
    .map((request) => JSON.stringify(request)),
  fc.array(someCase, { maxLength: 4 }).map((cases) => JSON.stringify(cases)),
);

/** Whether `body` is UTF-8 JSON at all (an oracle independent of the server's reader). */
function readsAsJson(body: string | Uint8Array): boolean {
  try {
    const text = typeof body === "string" ? body : new TextDecoder("utf-8", { fatal: true }).decode(body);
    JSON.parse(text.replace(/^\uFEFF/, ""));
    return true;
  } catch {
    return false;
  }
}

describe("whatever the body, the answer is a document or a JSON error with its code, never a crash", () => {
  test.prop([fc.constantFrom(...ENDPOINTS), body], { numRuns: 150 })("POST any endpoint", async (path, given) => {
    const reply = await send(server.url, { path, body: given, headers: { "Content-Type": "application/json" } });
    expect(STATUSES.has(reply.status), `${reply.status} ${reply.text.slice(0, 300)}`).toBe(true);
    expect(reply.headers["content-type"]).toBe("application/json; charset=utf-8");
    const answer = reply.json() as { code?: unknown; message?: unknown; zh?: unknown; issues?: unknown };
    if (!readsAsJson(given)) expect(reply.status, reply.text.slice(0, 300)).toBe(400);
    if (reply.status === 200) return;
    expect(answer.code).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(answer.message).toEqual(expect.any(String));
    expect(answer.zh).toEqual(expect.any(String));
    if (reply.status === 422) expect((answer.issues as unknown[]).length).toBeGreaterThan(0);
  });
});

/** The CLI's JSON for standard input as the server says it for `{ "cases": [...] }`: the entries of the body's `cases`. */
function asBody(text: string): string {
  return text.replaceAll("(stdin) › entry", "cases › entry");
}

describe("for any cases, POST /compute answers what the CLI prints for them", () => {
  test.prop([fc.array(someCase, { minLength: 1, maxLength: 4 }), fc.boolean()], { numRuns: 25 })(
    "200 with the CLI's document, or 422 with the problems it lists",
    async (cases, skipInvalid) => {
      const text = JSON.stringify(cases);
      const cli = await runCliCapture(
        ["compute", "-", "--format", "json", ...(skipInvalid ? ["--skip-invalid"] : [])],
        { stdin: text },
      );
      const reply = await send(server.url, {
        path: "/compute",
        body: JSON.stringify({ cases, skipInvalid }),
        headers: { "Content-Type": "application/json" },
      });
      if (cli.code === 2) {
        expect(reply.status).toBe(422);
        const reference = await runCliCapture(["compute", "-", "--format", "json", "--skip-invalid"], { stdin: text });
        const listed = JSON.parse(asBody(reference.stdout)) as { errors: unknown[] };
        expect((reply.json() as { issues: unknown[] }).issues).toEqual(listed.errors);
      } else {
        expect(reply.status).toBe(200);
        expect(reply.text).toBe(asBody(cli.stdout));
        expect(reply.headers["exitfund-exit-status"]).toBe(String(cli.code));
      }
    },
  );
});
