import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test as property } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { auditOutcomes } from "../../src/audit/audit.js";
import { parseLedger } from "../../src/audit/ledger.js";
import { budget } from "../../src/batch/budget.js";
import { computeBatch } from "../../src/batch/compute.js";
import { ZERO } from "../../src/money/decimal.js";
import { formatAmount } from "../../src/money/format.js";
import { toChineseCapital } from "../../src/money/capital.js";
import { REPORT_HELP, runReport } from "../../src/node/commands/report.js";
import { escapeHtml } from "../../src/node/report/escape.js";
import { REPORT_CSP } from "../../src/node/report/page.js";
import { barChart, CHART } from "../../src/node/report/svg.js";
import { fakeIo, tempFiles } from "../audit/support.js";
import { FIXED_RATES, FIXED_RATES_FILE } from "../support/fixedRates.js";
import { clearanceCase, enterpriseCase, villageCase } from "../fixtures/cases.js";

// Under the test rule set fixed-rates: E-1 875,000.00 municipal (台湖镇); E-2 612,500.00 district (台湖镇);
// C-1 9,220.00 district (张家湾镇); V-1 540,000.00 district (宋庄镇).
const CASES = [
  enterpriseCase,
  { ...enterpriseCase, id: "E-2", municipalOutcome: "not-granted" },
  clearanceCase,
  villageCase,
];
const LEDGER = [
  { caseId: "E-1", payer: "municipal", amount: "875000.00", paidOn: "2016-12-20", voucher: "V1" },
  { caseId: "E-2", payer: "district", amount: "600000.00", paidOn: "2016-12-20", voucher: "V2" },
  { caseId: "V-1", payer: "district", amount: "540000.00", paidOn: "2016-12-20" },
];
const HOSTILE = `<script>alert("x")</script> & "quoted" evil`;
// A bidi override written raw in JSON is refused at reading (control-character); escapeHtml's own property below
// checks that none would reach the page.
const BIDI = `台湖\u202Eevil\u202C镇`;
const LONG = `长${"乡".repeat(9_999)}`;
const folder = tempFiles({
  "cases.json": { cases: CASES },
  "ledger.json": LEDGER,
  "hostile.json": {
    cases: [
      { ...enterpriseCase, id: `E-<b>&"'`, township: HOSTILE },
      { ...villageCase, township: LONG },
    ],
  },
  "bidi.json": { cases: [{ ...enterpriseCase, township: BIDI }] },
});

async function run(args: readonly string[], tty = false) {
  const capture = fakeIo({ cwd: folder, tty });
  const rules = args.includes("--help") ? [] : ["--rules", FIXED_RATES_FILE];
  const code = await runReport([...args, ...rules], capture.io);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

async function page(args: readonly string[]): Promise<string> {
  const out = join(folder, `page-${Math.random().toString(36).slice(2)}.html`);
  const result = await run([...args, "--out", out]);
  expect(result.stderr).toBe(`exitfund: wrote ${out}\n`);
  expect(result.code).toBe(0);
  return readFileSync(out, "utf8");
}

const inline = (html: string, tag: "style" | "script") =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((match) => match[1] ?? "");
const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("exitfund report", () => {
  it("writes one self-contained page: a strict CSP that allows exactly its own style and script, nothing to load", async () => {
    const html = await page(["cases.json"]);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBe(REPORT_CSP.replaceAll("'", "&#39;"));
    expect(REPORT_CSP).toMatch(/^default-src 'none'; /);
    const [style, ...otherStyles] = inline(html, "style");
    const [script, ...otherScripts] = inline(html, "script");
    expect([otherStyles, otherScripts]).toEqual([[], []]);
    expect(REPORT_CSP).toContain(`style-src ${sha(style ?? "")};`);
    expect(REPORT_CSP).toContain(`script-src ${sha(script ?? "")};`);
    // Nothing that could fetch: no link, img, iframe, object, src or href other than in-page anchors, no URL.
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i);
    expect(html).not.toMatch(/\s(src|srcset|action|style)=/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].every((match) => match[1]?.startsWith("#"))).toBe(true);
    expect(html).not.toMatch(/https?:|url\(|@import|@font-face/i);
  });

  it("shows every total in figures and 大写 as compute and budget have them (by payer, township, kind, year, track)", async () => {
    const html = await page(["cases.json"]);
    const document = computeBatch(CASES, { ruleSet: FIXED_RATES });
    expect(document.totals.total).toBe("2036720.00");
    expect(html).toContain(`<div class="fig">¥${formatAmount(document.totals.total)}</div>`);
    expect(html).toContain(toChineseCapital(document.totals.total, { prefix: "人民币" }));
    expect(html).toContain(toChineseCapital("875000.00", { prefix: "人民币" })); // the municipal part
    for (const [township, amounts] of Object.entries(document.totals.byTownship)) {
      const row = new RegExp(
        `<tr data-key="${township}"><td class="name"><bdi>${township}</bdi></td><td class="num">(\\d+)</td><td class="num">([^<]+)</td><td class="num">([^<]+)</td><td class="num" data-amount="">([^<]+)</td>`,
      ).exec(html);
      expect(row?.slice(2)).toEqual([
        formatAmount(amounts.municipal),
        formatAmount(amounts.district),
        formatAmount(amounts.total),
      ]);
    }
    for (const id of [
      "by-payer",
      "by-township",
      "by-kind",
      "by-year",
      "by-track",
      "verification-by-township",
      "parameters",
      "cases-table",
    ])
      expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(
      /<tr data-key="2016"><td>2016年 <span class="en">2016<\/span><\/td><td class="num" data-amount="">2,036,720.00<\/td>/,
    );
    // Four bars of the township chart's one series, the largest (台湖镇, 1,487,500.00) drawn at full length.
    expect(html).toContain(
      `data-key="台湖镇" data-series="合计 total" data-amount="1487500.00" x="${CHART.labelWidth}" y="8" width="400.00"`,
    );
    expect(html).not.toContain('id="audit"');
    expect(html).not.toContain('id="allocation"');
  });

  it("shows the receipt of its figures: version, programme, rule set, both hashes whole and selectable, in Chinese first", async () => {
    const html = await page(["cases.json"]);
    const { receipt } = computeBatch(CASES, { ruleSet: FIXED_RATES });
    const section = /<section[^>]* id="receipt">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(section).toContain('<h2>回执 <span class="en">Receipt</span></h2>');
    const shown: readonly (readonly [string, string])[] = [
      ["exitfund", receipt.exitfund],
      ["programme", receipt.programme],
      ["ruleSet.id", receipt.ruleSet.id],
      ["ruleSet.version", receipt.ruleSet.version],
    ];
    for (const [name, value] of shown) expect(section).toContain(`data-receipt="${name}">${value}<`);
    expect(section).toContain(`<code class="hash" data-receipt="ruleSet.sha256">${receipt.ruleSet.sha256}</code>`);
    expect(section).toContain(`<code class="hash" data-receipt="input.sha256">${receipt.input.sha256}</code>`);
    expect(section).toMatch(/<th>规则集 SHA-256 <span class="en">rule set SHA-256<\/span><\/th>/);
    expect(inline(html, "style").join("")).toMatch(/code\.hash\{[^}]*user-select:all/);
    expect(html).toContain('<a href="#receipt">回执 <span class="en">receipt</span></a>');
  });

  it("lists every case with its explanation in zh and en, and the illustrative parameters first", async () => {
    const html = await page(["cases.json"]);
    expect(html.match(/<tbody class="case" data-id="/g)).toHaveLength(CASES.length);
    expect(html).toContain('<pre class="x-zh" lang="zh-CN">E-1 · 企业调整退出奖励 · 台湖镇');
    expect(html).toContain('<pre class="x-en" lang="en">E-1 · enterprise exit · 台湖镇');
    expect(
      html.indexOf('id="illustrative"') === -1 ? html.indexOf("本规则集没有示例值") : html.indexOf('id="illustrative"'),
    ).toBeLessThan(html.indexOf('id="parameters"'));
  });

  it("--ledger adds the audit summary of auditOutcomes; --cap the budget allocation (district by default)", async () => {
    const html = await page(["cases.json", "--ledger", "ledger.json", "--cap", "100000.01"]);
    const document = computeBatch(CASES, { ruleSet: FIXED_RATES });
    const rows = parseLedger(LEDGER, FIXED_RATES.rounding);
    if (!rows.ok) throw new Error("ledger");
    const audit = auditOutcomes({
      ruleSet: FIXED_RATES,
      outcomes: document.results,
      ledger: rows.rows,
      tolerance: ZERO,
      receipt: document.receipt,
    });
    expect(html).toContain(
      `<tr data-key="total"><th>合计 <span class="en">total</span></th><td class="num">${formatAmount(audit.totals.owed)}</td><td class="num">${formatAmount(audit.totals.paid)}</td><td class="num">${formatAmount(audit.totals.difference)}</td></tr>`,
    );
    for (const type of Object.keys(audit.counts).filter((key) => (audit.counts as Record<string, number>)[key]! > 0))
      expect(html).toContain(`<tr data-key="${type}">`);
    expect(html).toContain('id="allocation"');
    // The lead sentence says the kinds paid in full (足额) come first.
    expect(html).toContain("先足额拨付腾地经费申报核定，余额按应付比例分配");
    expect(html).toContain("paid first in full to land-clearing fee declaration, the rest pro rata");
    expect(html).toContain(toChineseCapital("100000.01", { prefix: "人民币" }));
    // The allocation by township sums to the cap exactly.
    const allocated = [
      ...html.matchAll(
        /<tr data-key="[^"]+"><td class="name"><bdi>[^<]+<\/bdi><\/td><td class="num">[^<]+<\/td><td class="num" data-amount="">([^<]+)<\/td>/g,
      ),
    ]
      .filter((match) => html.indexOf(match[0]) > html.indexOf('id="allocation-by-township"'))
      .map((match) => BigInt((match[1] ?? "").replaceAll(",", "").replace(".", "")));
    expect(allocated.reduce((a, b) => a + b, 0n)).toBe(10000001n);
    // …and township by township it is `budget`'s allocation under the same (loaded, non-bundled) rule set: the
    // kinds that rule set pays in full come first, as `exitfund budget --rules` pays them.
    const groups = budget(document.results, { cap: "100000.01", payer: "district", ruleSet: FIXED_RATES }).allocation
      ?.groups;
    expect(groups?.length).toBeGreaterThan(0);
    for (const group of groups ?? []) {
      const row = html.indexOf(
        `<tr data-key="${escapeHtml(group.key.township ?? "")}">`,
        html.indexOf('id="allocation-by-township"'),
      );
      expect(html.slice(row, row + 400)).toContain(
        `<td class="num" data-amount="">${formatAmount(group.allocated)}</td>`,
      );
    }
  });

  it("escapes every user-given string: markup, quotes and ampersands shown, never obeyed (a bidi control is refused when read); long names whole", async () => {
    const html = await page(["hostile.json", "--case-limit", "1"]);
    expect(html.match(/<script>/g)).toHaveLength(1); // the page's own
    expect(html).not.toContain("<b>");
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; evil");
    const bidi = await run(["bidi.json", "--out", "bidi.html"]);
    expect(bidi.code).toBe(2);
    expect(bidi.stderr).toContain("holds the control character U+202E (RIGHT-TO-LEFT OVERRIDE)");
    expect(html).toContain(`<bdi>E-&lt;b&gt;&amp;&quot;&#39;</bdi>`);
    expect(html).toContain(`<bdi>${LONG}</bdi>`); // in the township table, whole
    expect(html).toContain(`>${[...LONG].slice(0, 13).join("")}…</text>`); // shortened in the chart
    // --case-limit 1: one case listed, and the page says how many are not.
    expect(html.match(/<tbody class="case" data-id="/g)).toHaveLength(1);
    expect(html).toContain("另有 1 个案件未列出");
  });

  it("refuses --out equal to an input, and bad input, writing nothing", async () => {
    const cases = join(folder, "cases.json");
    const before = readFileSync(cases, "utf8");
    const same = await run(["cases.json", "--out", "cases.json"]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("is the input <cases>");
    const ledger = await run(["cases.json", "--ledger", "ledger.json", "--out", "ledger.json"]);
    expect(ledger.code).toBe(2);
    expect(readFileSync(cases, "utf8")).toBe(before);
    writeFileSync(
      join(folder, "bad.json"),
      JSON.stringify([
        { ...enterpriseCase, employees: -1 },
        { ...villageCase, id: "" },
      ]),
    );
    const bad = await run(["bad.json", "--out", "bad.html"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("bad.json › entry 1 › employees");
    expect(bad.stderr).toContain("bad.json › entry 2 › id");
    expect(existsSync(join(folder, "bad.html"))).toBe(false);
    const badLedger = await run(["bad.json", "--ledger", "cases.json", "--out", "bad.html"]);
    expect(badLedger.code).toBe(2);
    expect(badLedger.stderr).toContain("bad.json › entry 1 › employees"); // the problems of both files at once
    expect(badLedger.stderr).toMatch(/cases\.json/);
    for (const args of [
      ["cases.json", "--payer", "district", "--out", "x.html"],
      ["cases.json", "--cap", "10", "--payer", "city", "--out", "x.html"],
      ["cases.json", "--case-limit", "-1", "--out", "x.html"],
      ["cases.json", "--out", "x.json"],
    ]) {
      const result = await run(args);
      expect(result.code, args.join(" ")).toBe(2);
    }
    expect(existsSync(join(folder, "x.html"))).toBe(false);
    expect((await run(["cases.json"], true)).stderr).toContain("--out <file>.html");
  });

  it("--help in zh and en", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${REPORT_HELP.en}\n`);
    expect(REPORT_HELP.zh).toMatch(/单个自包含网页/);
  });
});

describe("escapeHtml", () => {
  const hostile = fc.string({
    unit: fc.oneof(
      fc.constantFrom("<", ">", '"', "'", "&", "&amp;", "\u202E", "\u2066", "\u061C", "\u001B", "\u0085", "\u0000"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    ),
  });
  property.prop([hostile])("leaves no markup character and no control or bidi character", (text) => {
    const escaped = escapeHtml(text);
    expect(escaped).not.toMatch(/[<>"']/);
    expect(escaped).not.toMatch(
      /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/,
    );
    expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
  });
});

describe("barChart", () => {
  const amount = fc
    .bigInt({ min: 0n, max: 10n ** 15n })
    .map((fen) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`);
  property.prop([fc.array(amount, { minLength: 1, maxLength: 20 })])(
    "each bar is amount ÷ largest × the bar area (to 0.005), the largest at full length",
    (amounts) => {
      const svg = barChart(
        "t",
        [{ name: "s", className: "c" }],
        amounts.map((value, index) => ({ key: String(index), label: `#${index}`, values: [value] })),
      );
      const widths = [...svg.matchAll(/data-amount="([^"]+)" x="\d+" y="[\d.]+" width="([\d.]+)"/g)].map((match) =>
        Number(match[2]),
      );
      expect(widths).toHaveLength(amounts.length);
      const max = Math.max(...amounts.map(Number));
      amounts.forEach((value, index) => {
        const expected = max === 0 ? 0 : (Number(value) / max) * CHART.barArea;
        expect(Math.abs((widths[index] ?? -1) - expected)).toBeLessThanOrEqual(0.005 + expected * 1e-12);
      });
      if (max > 0) expect(Math.max(...widths)).toBe(CHART.barArea);
    },
  );
});
