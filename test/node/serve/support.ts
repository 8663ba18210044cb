import { readFileSync } from "node:fs";
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { ruleSets, defaultRuleSet } from "../../../src/rule-sets/index.js";
import { defaultProgramme } from "../../../src/rules/default.js";
import type { RuleSet } from "../../../src/parameters/types.js";
import { startServer, type RunningServer, type ServeOptions } from "../../../src/node/serve/http.js";

const ROOT = join(import.meta.dirname, "../../..");

/** Every route of `exitfund serve`, as OpenAPI writes them. */
export const ROUTES = [
  "/compute",
  "/verify",
  "/audit",
  "/budget",
  "/compare",
  "/explain",
  "/rules",
  "/rules/{id}",
  "/schemas",
  "/schemas/{name}",
  "/openapi.json",
  "/health",
] as const;

/** A server on a free loopback port with the defaults of `exitfund serve`, its log lines kept. */
export async function testServer(
  overrides: Partial<Omit<ServeOptions, "log">> = {},
): Promise<RunningServer & { readonly log: string[] }> {
  const log: string[] = [];
  const running = await startServer({
    host: "127.0.0.1",
    port: 0,
    cors: [],
    maxBody: 16 * 1024 * 1024,
    timeout: 30_000,
    concurrency: 4,
    context: {
      programme: defaultProgramme,
      ruleSet: defaultRuleSet,
      ruleSets: new Map<string, RuleSet>(Object.entries(ruleSets)),
    },
    ...overrides,
    log: (line) => log.push(line),
  });
  return Object.assign(running, { log });
}

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly json: () => unknown;
}

/** One HTTP request with full control of its headers (Host, a missing Content-Type, chunked bodies). */
export function send(
  url: string,
  options: {
    readonly method?: string;
    readonly path: string;
    readonly headers?: { readonly [name: string]: string | number };
    /** A body, or chunks sent one after another (chunked, no Content-Length). */
    readonly body?: string | Uint8Array | readonly (string | Uint8Array)[];
    readonly agent?: Agent | false;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const target = new URL(options.path, url);
    const body = options.body;
    const request = httpRequest(
      target,
      {
        method: options.method ?? (body === undefined ? "GET" : "POST"),
        headers: {
          ...(typeof body === "string" || body instanceof Uint8Array
            ? { "Content-Length": Buffer.byteLength(body) }
            : {}),
          ...options.headers,
        },
        agent: options.agent ?? false,
      },
      (response) => {
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    if (Array.isArray(body)) for (const chunk of body) request.write(chunk);
    else if (body !== undefined) request.write(body);
    request.end();
  });
}

/** POSTs JSON text (`Content-Type: application/json`). */
export function postJson(url: string, path: string, body: unknown, headers: { [name: string]: string } = {}) {
  return send(url, {
    path,
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** The sample district's file `name` (examples/tongzhou-2016), parsed. */
export function example(name: string): { [key: string]: unknown } {
  return JSON.parse(readFileSync(join(ROOT, "examples/tongzhou-2016", name), "utf8")) as { [key: string]: unknown };
}

type Case = { readonly id: string; readonly kind: string; readonly exitedEnterprises?: readonly { id: string }[] };

/**
 * A small slice of the sample district, every kind: the transfer listing the fewest enterprises and those, the cases of the
 * planted discrepancies, and a few of each other kind; with the ledger rows of those cases and the planted
 * unknown-case rows.
 */
export function sampleSlice(): { cases: Case[]; ledger: { caseId: string }[] } {
  const cases = example("cases.json").cases as Case[];
  const planted = new Set(
    (example("planted-discrepancies.json").discrepancies as { caseId: string }[]).map((d) => d.caseId),
  );
  const transfers = cases
    .filter((c) => c.kind === "township-transfer")
    .sort((a, b) => (a.exitedEnterprises?.length ?? 0) - (b.exitedEnterprises?.length ?? 0))
    .slice(0, 1);
  const listed = new Set(transfers.flatMap((t) => (t.exitedEnterprises ?? []).map((e) => e.id)));
  const firsts = new Set(
    ["structure-clearance", "village-compensation", "enterprise-exit"].flatMap((kind) =>
      cases
        .filter((c) => c.kind === kind)
        .slice(0, 4)
        .map((c) => c.id),
    ),
  );
  const chosen = cases.filter(
    (c) => transfers.includes(c) || listed.has(c.id) || planted.has(c.id) || firsts.has(c.id),
  );
  const ids = new Set(chosen.map((c) => c.id));
  const known = new Set(cases.map((c) => c.id));
  const ledger = (example("ledger.json").ledger as { caseId: string }[]).filter(
    (row) => ids.has(row.caseId) || !known.has(row.caseId),
  );
  return { cases: chosen, ledger };
}
