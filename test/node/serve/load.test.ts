import { Agent, request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterpriseCase } from "../../fixtures/cases.js";
import { postJson, sampleSlice, send, testServer, type Reply } from "./support.js";

/**
 * The load test (bounded: a few seconds on loopback, a free port): 50 clients at once keep getting the right
 * documents; a burst of malformed, oversized, mistyped and abandoned requests is refused each as it should be;
 * then the 50 clients get the right documents again, with no socket left open and memory bounded.
 */

const CLIENTS = 50;
const ROUNDS = 2;
const MAX_BODY = 256 * 1024;

let server: Awaited<ReturnType<typeof testServer>>;
const cases = sampleSlice().cases.slice(0, 6);
const expected = new Map<string, string>();
const REQUESTS = [
  { path: "/compute", body: { cases } },
  { path: "/budget", body: { cases, by: ["township", "payer"] } },
  { path: "/compute", body: { cases: [enterpriseCase], explain: true } },
  { path: "/explain", body: { cases: cases.slice(0, 3), lang: "zh" } },
] as const;

beforeAll(async () => {
  server = await testServer({ concurrency: CLIENTS, maxBody: MAX_BODY, timeout: 20_000 });
  for (const { path, body } of REQUESTS) {
    const reply = await postJson(server.url, path, body);
    expect(reply.status).toBe(200);
    expected.set(path + JSON.stringify(body), reply.text);
  }
  expected.set("/rules/tongzhou-2016", (await send(server.url, { path: "/rules/tongzhou-2016" })).text);
});
afterAll(async () => {
  await server.close();
});

/** `CLIENTS` clients at once, each on its own keep-alive connection, each making `ROUNDS` rounds of every request. */
async function clientsAgree(): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  let answered = 0;
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let round = 0; round < ROUNDS; round += 1) {
          const { path, body } = REQUESTS[(client + round) % REQUESTS.length] ?? REQUESTS[0];
          const text = JSON.stringify(body);
          const reply = await send(server.url, {
            path,
            body: text,
            headers: { "Content-Type": "application/json" },
            agent,
          });
          expect(reply.status).toBe(200);
          expect(reply.text).toBe(expected.get(path + text));
          const rules = await send(server.url, { path: "/rules/tongzhou-2016", agent });
          expect(rules.text).toBe(expected.get("/rules/tongzhou-2016"));
          answered += 2;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return answered;
}

/** A request whose client gives up halfway through its body. */
function abandoned(url: string): Promise<void> {
  return new Promise((done) => {
    const request = httpRequest(new URL("/compute", url), {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": 10_000 },
      agent: false,
    });
    request.on("error", () => done());
    request.write('{"cases": [');
    setTimeout(() => {
      request.destroy();
      done();
    }, 20);
  });
}

describe("under load", () => {
  it("50 clients, then a burst of bad requests, then 50 clients again: right answers, recovered, nothing leaked", async () => {
    const before = process.memoryUsage().rss;
    expect(await clientsAgree()).toBe(CLIENTS * ROUNDS * 2);

    const oversized = JSON.stringify({ cases: [], note: "x".repeat(MAX_BODY) });
    const burst: Promise<unknown>[] = [];
    const statuses: number[] = [];
    const keep = (reply: Reply) => void statuses.push(reply.status);
    for (let index = 0; index < 40; index += 1) {
      burst.push(postJson(server.url, "/compute", `{"cases": [${index}`).then(keep));
      burst.push(postJson(server.url, "/compute", '{"cases": [], "cases": []}').then(keep));
      burst.push(postJson(server.url, "/compute", oversized).then(keep));
      burst.push(
        send(server.url, {
          path: "/compute",
          body: [oversized.slice(0, 100_000), oversized.slice(100_000, 200_000), oversized.slice(200_000)],
          headers: { "Content-Type": "application/json" },
        }).then(keep),
      );
      burst.push(
        send(server.url, { path: "/compute", body: "[]", headers: { "Content-Type": "text/csv" } }).then(keep),
      );
      burst.push(postJson(server.url, "/compute", { cases: [{ kind: "enterprise-exit" }] }).then(keep));
      burst.push(send(server.url, { path: `/no/such/route/${index}` }).then(keep));
      burst.push(abandoned(server.url));
    }
    await Promise.all(burst);
    const count = (status: number) => statuses.filter((s) => s === status).length;
    expect(count(400)).toBe(80);
    expect(count(413)).toBe(80);
    expect(count(415)).toBe(40);
    expect(count(422)).toBe(40);
    expect(count(404)).toBe(40);
    expect(statuses).toHaveLength(280);

    expect(await clientsAgree()).toBe(CLIENTS * ROUNDS * 2);
    expect(server.inFlight()).toBe(0);
    // Every connection ends: the clients' closed, the refused ones closed by the server.
    const open = () => new Promise<number>((done) => server.server.getConnections((_, n) => done(n)));
    for (let tries = 0; tries < 200 && (await open()) > 0; tries += 1) await new Promise((w) => setTimeout(w, 10));
    expect(await open()).toBe(0);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });
});
