// The report page in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) opens
// the page `exitfund report` wrote for the sample district, with every request routed and refused: the page must load
// nothing, log no error, show the totals and draw the bars the library computes, filter its case table, switch its
// explanations to English, and print on A4 with the page count its own layout implies. In CI (CI=true) a missing
// Chromium fails the test; elsewhere it skips it. REPORT_ARTIFACTS=<dir> keeps the screenshot and the PDF there.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budget } from "../../src/batch/budget.js";
import { computeBatch, type ComputeDocument } from "../../src/batch/compute.js";
import { formatAmount } from "../../src/money/format.js";
import { runReport } from "../../src/node/commands/report.js";
import { CHART } from "../../src/node/report/svg.js";
import { explain } from "../../src/rules/explain.js";
import { fakeIo } from "../support/cli.js";

const CHROMIUM = "/usr/bin/chromium";
const inCi = process.env.CI === "true";
const haveChromium = existsSync(CHROMIUM);
const ROOT = resolve(import.meta.dirname, "../..");
const SAMPLE = join(ROOT, "examples", "tongzhou-2016");
const CAP = "800000000";
/** The page's origin: every request is routed, this page is the only answer, anything else is refused and recorded. */
const PAGE_URL = "http://report.invalid/report.html";

/** A4 less the page's @page margins (14 mm top, 16 mm bottom, 12 mm each side), in CSS pixels. */
const MM = 96 / 25.4;
const CONTENT = { width: (210 - 24) * MM, height: (297 - 14 - 16) * MM };

/**
 * The number of A4 pages the page's print layout takes, worked out from its layout (run in the page, print media
 * emulated at the printable width): each section starts a page (the first one after the page's header); its rows,
 * figures, paragraphs and list items are not split, so one that would cross the foot of a page moves to the next
 * (with the table's header repeated above a row; a table's first row takes the table along; the headings and notes
 * before it that may not end a page, break-after: avoid, move with it); the footer is in the page margin. Page-side JavaScript (the tests are compiled without the DOM's types).
 */
const PRINTED_PAGES = `(height) => {
  const sections = [...document.querySelectorAll("body > section")].filter(
    (section) => getComputedStyle(section).display !== "none",
  );
  const ATOMS = "h2, h3, p, figure, li, tr, .card, .warn";
  const header = document.querySelector("body > header");
  const result = sections.map((section, at) => {
    const starts = at === 0 && header !== null ? [header, section] : [section];
    const origin = starts[0].getBoundingClientRect().top;
    const atoms = starts
      .flatMap((part) => [...part.querySelectorAll(ATOMS)])
      .filter(
        (element) =>
          element.parentElement.closest(ATOMS) === null &&
          element.closest("thead") === null &&
          getComputedStyle(element).display !== "none",
      );
    let pages = 1;
    let shift = 0;
    atoms.forEach((atom, index) => {
      const box = atom.getBoundingClientRect();
      if (box.bottom - origin + shift <= pages * height + 0.5) return;
      // A table's first row does not stay behind its header: the whole table moves (and a heading just before it).
      const table = atom.tagName === "TR" ? atom.closest("table") : null;
      const opening = table !== null && table.tHead !== null && table.tBodies[0]?.rows[0] === atom;
      // Headings and notes that must not end a page (break-after: avoid) move along with what follows them.
      let kept = index;
      while (kept > 0 && getComputedStyle(atoms[kept - 1]).breakAfter === "avoid") kept -= 1;
      const heading = kept < index ? atoms[kept] : undefined;
      const first = heading ?? (opening ? table : atom);
      const head = table !== null && !opening && heading === undefined ? table.tHead : null;
      const repeated = head === null ? 0 : head.getBoundingClientRect().height;
      shift += pages * height + repeated - (first.getBoundingClientRect().top - origin + shift);
      pages += 1;
    });
    return { id: section.id, pages };
  });
  return { pages: result.reduce((sum, section) => sum + section.pages, 0), sections: result };
}`;

/** The township chart's bars: key, length attribute, drawn length (page-side JavaScript). */
const TOWNSHIP_BARS = `[...document.querySelectorAll("#totals rect.bar")]
  .filter((rect) => rect.closest("figure").previousElementSibling.id === "by-township")
  .map((rect) => ({ key: rect.dataset.key, width: Number(rect.getAttribute("width")), drawn: rect.getBBox().width }))`;

describe.skipIf(!haveChromium && !inCi)("the report page in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  let folder: string;
  let html: string;
  let document: ComputeDocument;
  const requests: string[] = [];
  const problems: string[] = [];

  /** Opens the page at PAGE_URL in `tab`: every request routed, the page the only answer, anything else refused. */
  async function open(tab: Page): Promise<void> {
    await tab.route("**/*", (route) =>
      route.request().url() === PAGE_URL
        ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html })
        : route.abort("blockedbyclient"),
    );
    await tab.goto(PAGE_URL, { waitUntil: "load", timeout: 240_000 });
  }

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI=true but Chromium is missing at ${CHROMIUM}`);
    folder = mkdtempSync(join(tmpdir(), "exitfund-report-"));
    const capture = fakeIo({ cwd: ROOT });
    const code = await runReport(
      [
        join(SAMPLE, "cases.json"),
        "--ledger",
        join(SAMPLE, "ledger.json"),
        "--cap",
        CAP,
        "--out",
        join(folder, "report.html"),
      ],
      capture.io,
    );
    expect(capture.stderr()).toContain("wrote");
    expect(code).toBe(0);
    html = readFileSync(join(folder, "report.html"), "utf8");
    const sample = JSON.parse(readFileSync(join(SAMPLE, "cases.json"), "utf8")) as { cases: unknown[] };
    document = computeBatch(sample.cases);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    page.on("request", (request) => {
      if (request.url() !== PAGE_URL) requests.push(request.url());
    });
    await open(page);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  it("loads nothing and logs no error, opened over HTTP (every request routed) and as a file", async () => {
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    const file = await browser.newPage();
    const fileProblems: string[] = [];
    const fileRequests: string[] = [];
    file.on("pageerror", (error) => fileProblems.push(error.message));
    file.on("console", (message) => {
      if (message.type() === "error") fileProblems.push(message.text());
    });
    const url = pathToFileURL(join(folder, "report.html")).href;
    file.on("request", (request) => {
      if (request.url() !== url) fileRequests.push(request.url());
    });
    await file.goto(url, { waitUntil: "load", timeout: 240_000 });
    expect(await file.locator("#controls").isVisible()).toBe(true); // the script ran under the page's CSP
    await file.close();
    expect([fileRequests, fileProblems]).toEqual([[], []]);
  });

  it("shows the library's totals, and draws each township's bar at total ÷ largest × the bar area", async () => {
    const totals = document.totals;
    expect(await page.locator('.card[data-total="total"] .fig').textContent()).toBe(`¥${formatAmount(totals.total)}`);
    expect(await page.locator('.card[data-total="municipal"] .fig').textContent()).toBe(
      `¥${formatAmount(totals.municipal)}`,
    );
    expect(await page.locator('.card[data-total="district"] .fig').textContent()).toBe(
      `¥${formatAmount(totals.district)}`,
    );
    const townships = Object.entries(totals.byTownship);
    expect(await page.locator("#by-township tbody tr").count()).toBe(townships.length);
    const bars = (await page.evaluate(TOWNSHIP_BARS)) as { key: string; width: number; drawn: number }[];
    const largest = Math.max(...townships.map(([, amounts]) => Number(amounts.total)));
    expect(bars.map((bar) => bar.key).sort()).toEqual(townships.map(([township]) => township).sort());
    for (const [township, amounts] of townships) {
      const row = page.locator(`#by-township tbody tr[data-key="${township}"] td`);
      expect(await row.nth(4).textContent()).toBe(formatAmount(amounts.total));
      const bar = bars.find((one) => one.key === township);
      const expected = (Number(amounts.total) / largest) * CHART.barArea;
      expect(Math.abs((bar?.width ?? -1) - expected)).toBeLessThan(0.006);
      expect(Math.abs((bar?.drawn ?? -1) - expected)).toBeLessThan(0.006);
    }
    // The allocation under the cap: Σ allocated = min(cap, owed) as budget() has it, in the page's footer row.
    const allocation = budget(document.results, { cap: CAP, payer: "district" }).allocation;
    expect(await page.locator("#allocation-by-township tfoot td").nth(1).textContent()).toBe(
      formatAmount(allocation?.allocated ?? ""),
    );
  });

  it("filters the case table as one types, and switches the explanations to English", async () => {
    const rows = page.locator("#cases-table tbody");
    expect(await rows.count()).toBe(document.results.length);
    await page.fill("#case-search", "宋庄镇");
    const expected = document.results.filter((outcome) => outcome.township === "宋庄镇");
    expect(await page.locator("#cases-table tbody:not([hidden])").count()).toBe(expected.length);
    expect(await page.locator("#case-count").textContent()).toContain(
      `${expected.length} / ${document.results.length.toLocaleString("en")}`,
    );
    await page.fill("#case-search", "E-2016-0001");
    expect(await page.locator("#cases-table tbody:not([hidden])").count()).toBe(1);
    const first = document.results[0];
    if (first === undefined) throw new Error("no case");
    const row = page.locator(`#cases-table tbody[data-id="${first.id}"]`);
    await row.locator("summary").click();
    expect(await row.locator(".x-zh").isVisible()).toBe(true);
    expect(await row.locator(".x-en").isVisible()).toBe(false);
    expect(await row.locator(".x-zh").textContent()).toBe(explain({ ...first, trace: [] }, { lang: "zh" }));
    await page.click('button[data-lang="en"]');
    expect(await row.locator(".x-zh").isVisible()).toBe(false);
    expect(await row.locator(".x-en").isVisible()).toBe(true);
    expect(await row.locator(".x-en").textContent()).toBe(explain({ ...first, trace: [] }, { lang: "en" }));
    await page.click('button[data-lang="zh"]');
    await page.fill("#case-search", "");
    expect(await page.locator("#cases-table tbody:not([hidden])").count()).toBe(document.results.length);
  });

  it("takes a screenshot, and prints on A4 with the page count its layout implies", async () => {
    const keep = process.env.REPORT_ARTIFACTS;
    const out = keep === undefined ? folder : resolve(keep);
    mkdirSync(out, { recursive: true });
    // A fresh tab: the page as a reader opens it (the other tests typed, clicked and scrolled in theirs).
    const fresh = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    fresh.on("request", (request) => {
      if (request.url() !== PAGE_URL) requests.push(request.url());
    });
    await open(fresh);
    const png = await fresh.screenshot({ path: join(out, "report.png") });
    expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join("")).toBe("PNG");
    const pdf = await fresh.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(out, "report.pdf"), pdf);
    const printed = (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    await fresh.setViewportSize({ width: Math.floor(CONTENT.width), height: 1400 });
    await fresh.emulateMedia({ media: "print" });
    const layout = (await fresh.evaluate(`(${PRINTED_PAGES})(${CONTENT.height})`)) as {
      pages: number;
      sections: { id: string; pages: number }[];
    };
    await fresh.close();
    expect(requests).toEqual([]);
    // The case list is left out of the printout unless asked for (the summary sections only).
    expect(layout.sections.map((section) => section.id)).toEqual([
      "totals",
      "tracks",
      "verification",
      "audit",
      "allocation",
      "rules",
      "receipt",
    ]);
    expect({ printed, sections: layout.sections }).toEqual({ printed: layout.pages, sections: layout.sections });
  });
});
