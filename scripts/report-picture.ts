// Makes docs/report.png: the top of the report page `exitfund report` writes for the sample district (with its
// ledger and a cap), in headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM=<path>), every request refused.
//   npx tsx scripts/report-picture.ts
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { processIo, runCli } from "../src/node/run.js";

const root = resolve(import.meta.dirname, "..");
const sample = join(root, "examples", "tongzhou-2016");
const folder = mkdtempSync(join(tmpdir(), "exitfund-picture-"));
const page = join(folder, "report.html");
try {
  const code = await runCli(
    [
      "report",
      join(sample, "cases.json"),
      "--ledger",
      join(sample, "ledger.json"),
      "--cap",
      "800000000",
      "--out",
      page,
    ],
    processIo(),
  );
  if (code !== 0) throw new Error(`exitfund report exited ${code}`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 960, height: 1180 }, deviceScaleFactor: 1 });
    const html = readFileSync(page, "utf8");
    await tab.route("**/*", (route) =>
      route.request().url() === "http://report.invalid/"
        ? route.fulfill({ contentType: "text/html; charset=utf-8", body: html })
        : route.abort(),
    );
    await tab.goto("http://report.invalid/", { timeout: 240_000 });
    await tab.screenshot({ path: join(root, "docs", "report.png") });
  } finally {
    await browser.close();
  }
  process.stdout.write("wrote docs/report.png\n");
} finally {
  rmSync(folder, { recursive: true, force: true });
}
