// The packed package in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// loads a page from a local server that imports (1) the self-contained `exitfund/browser` build and (2) an esbuild
// bundle of an app importing the root entry, computes the sample district's cases, and hands back a SHA-256 of the
// whole JSON document and of every outcome. Node computes the same with the installed package: the JSON must be
// byte-identical, its receipt included; and Web Crypto's SHA-256 of the canonical JSON (rule set, cases, texts with
// astral characters and a lone surrogate) is the hash the core computes synchronously. In CI (CI=true) a missing Chromium fails the test; elsewhere it skips it.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleApp, packed } from "./support.js";

const CHROMIUM = "/usr/bin/chromium";
const inCi = process.env.CI === "true";
const haveChromium = existsSync(CHROMIUM);

/** Chromium on a machine whose network is closed: no background traffic, a profile of its own. */
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface PageResult {
  readonly documentSha: string;
  readonly documentLength: number;
  readonly outcomeShas: readonly string[];
  readonly ids: readonly string[];
  readonly totals: string;
  readonly errors: string;
  readonly ruleSet: string;
  /** The document's receipt (SHA-256 in plain TypeScript, synchronous). */
  readonly receipt: string;
  /** The same hashes by the platform's digest (Web Crypto in the page, node:crypto in Node) of the canonical JSON. */
  readonly digests: { readonly ruleSet: string; readonly input: string; readonly astral: string };
  /** receiptOf's input hash of cases with astral, CJK and lone-surrogate texts (the sync hash). */
  readonly astral: string;
}

/** The computation both sides run (the page's copy is this function's source text). */
async function computeSample(
  exitfund: {
    computeBatch(cases: readonly unknown[]): {
      results: readonly { id: string }[];
      totals: unknown;
      errors: unknown;
      ruleSet: unknown;
      receipt: { ruleSet: { sha256: string }; input: { sha256: string } };
    };
    receiptOf(cases: readonly unknown[]): { input: { sha256: string } };
    canonicalJson(value: unknown): string;
    ruleSets: { readonly [id: string]: { toJSON(): unknown } };
  },
  casesText: string,
  sha256: (text: string) => Promise<string>,
): Promise<PageResult> {
  const sample = JSON.parse(casesText) as unknown[] | { cases: unknown[] };
  const cases = Array.isArray(sample) ? sample : sample.cases;
  const document = exitfund.computeBatch(cases);
  const json = JSON.stringify(document);
  // Texts of every UTF-8 length, a surrogate pair, and a lone surrogate (both encoders write U+FFFD for it).
  const astralCases = [{ name: "𠀋𡈽 乡镇 é ☃ 😀", note: "\ud800 alone", n: 1 }, { "键 😀": ["\u0000", "\u2028"] }];
  const outcomeShas: string[] = [];
  for (const outcome of document.results) outcomeShas.push(await sha256(JSON.stringify(outcome)));
  return {
    documentSha: await sha256(json),
    documentLength: json.length,
    outcomeShas,
    ids: document.results.map((outcome) => outcome.id),
    totals: JSON.stringify(document.totals),
    errors: JSON.stringify(document.errors),
    ruleSet: JSON.stringify(document.ruleSet),
    receipt: JSON.stringify(document.receipt),
    digests: {
      ruleSet: await sha256(exitfund.canonicalJson(exitfund.ruleSets["tongzhou-2016"]?.toJSON())),
      input: await sha256(exitfund.canonicalJson(cases)),
      astral: await sha256(exitfund.canonicalJson(astralCases)),
    },
    astral: exitfund.receiptOf(astralCases).input.sha256,
  };
}

/**
 * A district's extension built with the rules API (a new field, a parameter valued in a rule set that extends the
 * bundled one, a wrapped payment), computing the sample's first enterprise cases: the page's copy is this source.
 */
function extensionSample(exitfund: Record<string, any>, casesText: string): string {
  const rate = exitfund.parameter.decimal("page.bonusRate", "按时退出奖励比例 on-time bonus rate", "share");
  const exit = exitfund.extendDomain(exitfund.domains.enterpriseExit, {
    fields: { onTime: exitfund.field.boolean("按时退出 exited on time").optional() },
    parameters: [rate],
    payment: (inner: any) => (facts: any, ctx: any) =>
      exitfund.chain(inner(facts, ctx), (paid: any) =>
        exitfund.of({
          ...paid,
          district: facts.onTime
            ? paid.district.plus(exitfund.roundMoney(paid.municipal.plus(paid.district).times(ctx.read(rate))))
            : paid.district,
        }),
      ),
  });
  const programme = exitfund.programme(exit);
  const ruleSet = exitfund.loadRuleSet(
    {
      id: "page-2016",
      version: "1",
      title: "页面扩展 an extension in a page",
      validFrom: "2016-01-01",
      extends: "tongzhou-2016",
      sources: [],
      parameters: {
        "page.bonusRate": {
          status: "illustrative",
          source: "X",
          note: "a test value",
          values: [{ from: "2015-01-01", value: "0.05" }],
        },
      },
    },
    { programme },
  );
  const sample = JSON.parse(casesText) as { cases: { kind: string }[] };
  const cases = sample.cases
    .filter((value) => value.kind === "enterprise-exit")
    .slice(0, 200)
    .map((value, index) => ({ ...value, onTime: index % 2 === 0 }));
  return JSON.stringify(exitfund.computeBatch(cases, { ruleSet, programme }));
}

function page(script: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>exitfund in Chromium</title><link rel="icon" href="data:,"></head>
<body><p id="status">computing…</p>
<script type="module">
${script}
const computeSample = ${computeSample.toString()};
const sha256 = async (text) => [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))]
  .map((byte) => byte.toString(16).padStart(2, "0")).join("");
try {
  const casesText = await (await fetch("/cases.json")).text();
  window.exitfundResult = await computeSample(exitfund, casesText, sha256);
  document.getElementById("status").textContent = "done: " + window.exitfundResult.ids.length + " outcomes";
} catch (error) {
  window.exitfundError = String(error && error.stack || error);
}
</script></body></html>
`;
}

describe.skipIf(!haveChromium && !inCi)("the packed package in headless Chromium", () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let profile: string;
  let expected: PageResult;
  let expectedExtension: string;

  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(`${CHROMIUM} is missing: CI needs Chromium (.ci/run installs Debian's chromium)`);
    const installed = packed().installed;
    const bundled = await bundleApp("browser-app", `export * from "exitfund";\n`);
    const casesText = readFileSync(join(installed, "examples", "tongzhou-2016", "cases.json"), "utf8");
    const routes = new Map<string, { type: string; body: string | Buffer }>([
      [
        "/exitfund.js",
        { type: "text/javascript", body: readFileSync(join(installed, "dist", "browser", "exitfund.js")) },
      ],
      ["/bundled.js", { type: "text/javascript", body: bundled.code }],
      ["/cases.json", { type: "application/json", body: casesText }],
      ["/browser.html", { type: "text/html", body: page(`import * as exitfund from "/exitfund.js";`) }],
      ["/bundled.html", { type: "text/html", body: page(`import * as exitfund from "/bundled.js";`) }],
      [
        "/extension.html",
        {
          type: "text/html",
          body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>an extension</title><link rel="icon" href="data:,"></head><body>
<script type="module">
import * as exitfund from "/exitfund.js";
const extensionSample = ${extensionSample.toString()};
try {
  window.exitfundResult = extensionSample(exitfund, await (await fetch("/cases.json")).text());
} catch (error) {
  window.exitfundError = String(error && error.stack || error);
}
</script></body></html>`,
        },
      ],
    ]);
    server = createServer((request, response) => {
      const route = routes.get(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
      if (route === undefined) return void response.writeHead(404).end();
      response.writeHead(200, { "content-type": `${route.type}; charset=utf-8` }).end(route.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    profile = mkdtempSync(join(tmpdir(), "exitfund-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
    });

    // Node: the same computation with the installed package's ESM entry.
    const exitfund = (await import(pathToFileURL(join(installed, "dist", "index.js")).href)) as Parameters<
      typeof computeSample
    >[0];
    expected = await computeSample(exitfund, casesText, async (text) =>
      createHash("sha256").update(text).digest("hex"),
    );
    const rules = (await import(pathToFileURL(join(installed, "dist", "rules", "index.js")).href)) as object;
    expectedExtension = extensionSample({ ...exitfund, ...rules }, casesText);
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server === undefined ? resolve(undefined) : server.close(resolve)));
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  it.each([
    ["the self-contained exitfund/browser build, loaded with <script type=module>", "browser"],
    ["an esbuild bundle of an app importing the root entry", "bundled"],
  ])("%s computes the sample district byte-identically to Node", async (_what, build) => {
    const tab = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    tab.on("request", (request) => requests.push(request.url()));
    tab.on("pageerror", (error) => problems.push(error.message));
    tab.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await tab.goto(`${origin}/${build}.html`);
    await tab.waitForFunction(() => "exitfundResult" in globalThis || "exitfundError" in globalThis, null, {
      timeout: 240_000,
    });
    const failed = await tab.evaluate(() => (globalThis as { exitfundError?: string }).exitfundError);
    expect(failed).toBeUndefined();
    const result = await tab.evaluate(() => (globalThis as unknown as { exitfundResult: PageResult }).exitfundResult);
    await tab.close();

    expect(problems).toEqual([]);
    expect(requests.every((url) => url.startsWith(`${origin}/`))).toBe(true); // nothing fetched from elsewhere
    expect(result.ids.length).toBeGreaterThan(3000);
    expect(result.ids).toEqual(expected.ids);
    const differing = result.outcomeShas.flatMap((sha, index) =>
      sha === expected.outcomeShas[index] ? [] : [result.ids[index]],
    );
    expect(differing).toEqual([]);
    expect(result.totals).toBe(expected.totals);
    expect(result.errors).toBe(expected.errors);
    expect(result.ruleSet).toBe(expected.ruleSet);
    // The receipt computed in the page is Node's; Web Crypto's digest of the canonical JSON is the sync hash.
    expect(result.receipt).toBe(expected.receipt);
    const receipt = JSON.parse(result.receipt) as { ruleSet: { sha256: string }; input: { sha256: string } };
    expect(result.digests).toEqual({
      ruleSet: receipt.ruleSet.sha256,
      input: receipt.input.sha256,
      astral: result.astral,
    });
    expect(result.digests).toEqual(expected.digests);
    expect(result.astral).toBe(expected.astral);
    expect({ sha: result.documentSha, length: result.documentLength }).toEqual({
      sha: expected.documentSha,
      length: expected.documentLength,
    });
  });
  it("the rules API in exitfund/browser: an extension built in the page computes byte-identically to Node", async () => {
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on("pageerror", (error) => problems.push(error.message));
    await tab.goto(`${origin}/extension.html`);
    await tab.waitForFunction(() => "exitfundResult" in globalThis || "exitfundError" in globalThis, null, {
      timeout: 120_000,
    });
    const failed = await tab.evaluate(() => (globalThis as { exitfundError?: string }).exitfundError);
    expect(failed).toBeUndefined();
    const result = await tab.evaluate(() => (globalThis as unknown as { exitfundResult: string }).exitfundResult);
    await tab.close();
    expect(problems).toEqual([]);
    const document = JSON.parse(result) as { results: unknown[]; ruleSet: { id: string }; errors: unknown[] };
    expect(document.results).toHaveLength(200);
    expect(document.errors).toEqual([]);
    expect(document.ruleSet.id).toBe("page-2016");
    expect(result).toBe(expectedExtension);
  });
});
