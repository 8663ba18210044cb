import { createHash } from "node:crypto";
import { DISCREPANCY_LABELS, PAYER_LABELS, STATUS_LABELS } from "../../audit/labels.js";
import { DISCREPANCY_TYPES } from "../../audit/types.js";
import { dec, ZERO } from "../../money/decimal.js";
import { formatAmount, formatWan } from "../../money/format.js";
import type { ParameterJson, ParameterValueJson, ScaleJson } from "../../parameters/types.js";
import type { Status } from "../../trace/types.js";
import type { Label } from "../../vocabulary.js";
import { capitalOf } from "../xlsx/verificationView.js";
import type { AuditDocument } from "../../audit/types.js";
import type { BudgetAllocation } from "../../batch/budget.js";
import type { AllocationSummary, AmountRow, PayerRow, ReportData, VerificationSummary } from "./build.js";
import { escapeHtml as esc, userText } from "./escape.js";
import { barChart, type Bar } from "./svg.js";
import { REPORT_SCRIPT, REPORT_STYLE } from "./assets.js";

/** Discrepancy lines listed one by one in the audit section; beyond, the page says how many more there are. */
export const DISCREPANCY_LIMIT = 500;

const STATUS_BADGE: { readonly [S in Status]: Label } = {
  official: { zh: "官方", en: "official" },
  reported: { zh: "报道", en: "reported" },
  illustrative: { zh: "示例值", en: "illustrative" },
};

/** The SHA-256 source of an inline script or style for the Content-Security-Policy. */
function hashOf(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The page's Content-Security-Policy: nothing may load; only the page's own style and script run (by hash). */
export const REPORT_CSP = `default-src 'none'; style-src ${hashOf(REPORT_STYLE)}; script-src ${hashOf(REPORT_SCRIPT)}; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;

/**
 * 报告页面 · the report as one self-contained HTML page: its style and script inline (allowed by hash in a strict
 * Content-Security-Policy), its charts inline SVG, every user-given name escaped; it loads nothing.
 */
export function reportHtml(data: ReportData, lang: "zh" | "en" = "zh"): string {
  const sections = [
    totalsSection(data),
    trackSection(data),
    ...(data.verification === undefined ? [] : [verificationSection(data, data.verification)]),
    ...(data.audit === undefined ? [] : [auditSection(data, data.audit)]),
    ...(data.allocation?.document.allocation === undefined
      ? []
      : [allocationSection(data, data.allocation, data.allocation.document.allocation)]),
    ruleSetSection(data),
    receiptSection(data),
    casesSection(data),
  ];
  return `<!doctype html>
<html lang="zh-CN" data-lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="exitfund report">
<title>${esc(data.title)} · ${esc(data.ruleSet.id)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
${header(data)}
${sections.map((section, index) => section.replace("<section ", `<section data-index="${index + 1}" `)).join("\n")}
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

/** A money figure with thousands separators at the rule set's scale. */
function money(data: ReportData, amount: string): string {
  return formatAmount(amount, data.ruleSet.rounding.scale);
}

function num(data: ReportData, amount: string, attributes = ""): string {
  return `<td class="num"${attributes}>${money(data, amount)}</td>`;
}

function both(label: Label): string {
  return label.zh === label.en ? esc(label.zh) : `${esc(label.zh)} <span class="en">${esc(label.en)}</span>`;
}

/** A rule set's title: the Chinese, and the English (shown with the page's English) when it differs. */
function titleHtml(titles: { readonly zh: string; readonly en: string }): string {
  return titles.zh === titles.en ? esc(titles.zh) : `${esc(titles.zh)} <span class="en">${esc(titles.en)}</span>`;
}

function th(zh: string, en: string, numeric = false): string {
  return `<th${numeric ? ' class="num"' : ""}>${esc(zh)}<br><span class="en">${esc(en)}</span></th>`;
}

/** 大写 of a total, beside its figure. */
function capital(data: ReportData, label: Label, amount: string, key: string): string {
  return `<p class="total" data-total="${esc(key)}"><span class="what">${both(label)}</span> <span class="fig">¥${money(data, amount)}</span> <span class="cap">${esc(capitalOf(amount))}</span></p>`;
}

function header(data: ReportData): string {
  const { ruleSet, document } = data;
  const totals = document.totals;
  const illustrative = illustrativeValues(data).length;
  const warning =
    data.basis === "official"
      ? ""
      : `<div class="warn" role="note"><strong>${data.basis === "illustrative" ? "注意：本报告的金额使用了示例参数（illustrative），仅供测算，不是官方金额，不得作为拨付依据。" : "注意：本报告的部分参数来自媒体报道（reported），尚未经官方文件确认。"}</strong><br><span class="en">${data.basis === "illustrative" ? `The amounts use illustrative parameters (${illustrative} listed under “规则集与参数 · Rule set and parameters”): placeholders for planning, not official figures.` : "Some parameters are reported in the press, not yet confirmed by an official text."}</span></div>`;
  return `<header>
<h1>${esc(data.title)}</h1>
<p class="meta">规则集 <span class="en">rule set</span> <code>${esc(ruleSet.id)}</code> v${esc(ruleSet.version)} · ${titleHtml(ruleSet.titles)} · 案件 <span class="en">cases</span> ${count(document.results.length)} · 金额单位：元 <span class="en">amounts in yuan</span></p>
${warning}
<div class="cards">
<div class="card grand" data-total="total"><div class="what">合计 <span class="en">total</span></div><div class="fig">¥${money(data, totals.total)}</div><div class="cap">${esc(capitalOf(totals.total))}</div><div class="wan">${esc(formatWan(totals.total))}</div></div>
<div class="card" data-total="municipal"><div class="what">市级 <span class="en">municipal</span></div><div class="fig">¥${money(data, totals.municipal)}</div><div class="cap">${esc(capitalOf(totals.municipal))}</div></div>
<div class="card" data-total="district"><div class="what">区级 <span class="en">district</span></div><div class="fig">¥${money(data, totals.district)}</div><div class="cap">${esc(capitalOf(totals.district))}</div></div>
</div>
<nav><ol>${tocEntries(data)}</ol></nav>
<p class="print-choice" id="print-choice" hidden><label><input type="checkbox" id="print-cases"> 打印时包含案件明细 <span class="en">print the list of every case too (${count(data.cases.rows.length)} rows; by default the printout is the summary sections)</span></label></p>
</header>`;
}

function tocEntries(data: ReportData): string {
  const entries: [string, string, string][] = [
    ["totals", "资金汇总", "programme totals"],
    ["tracks", "按资金渠道", "split by track"],
    ...(data.verification === undefined
      ? []
      : [["verification", "腾地经费核定", "verification"] as [string, string, string]]),
    ...(data.audit === undefined ? [] : [["audit", "资金审计", "audit of the ledger"] as [string, string, string]]),
    ...(data.allocation === undefined
      ? []
      : [["allocation", "预算分配", "budget allocation"] as [string, string, string]]),
    ["rules", "规则集与参数", "rule set and parameters"],
    ["receipt", "回执", "receipt"],
    ["cases", "案件明细", "every case"],
  ];
  return entries
    .map(([id, zh, en]) => `<li><a href="#${id}">${esc(zh)} <span class="en">${esc(en)}</span></a></li>`)
    .join("");
}

function sectionHead(id: string, zh: string, en: string, note = ""): string {
  return `<section id="${id}"><h2>${esc(zh)} <span class="en">${esc(en)}</span></h2>${note === "" ? "" : `<p class="note">${note}</p>`}`;
}

function amountTable(
  data: ReportData,
  id: string,
  head: [string, string],
  rows: readonly AmountRow[],
  total: string,
): string {
  const body = rows
    .map(
      (row) =>
        `<tr data-key="${esc(row.key)}"><td>${row.label.zh === row.label.en ? userText(row.label.zh) : both(row.label)}</td>${num(data, row.amount, ' data-amount=""')}<td class="num">${esc(formatWan(row.amount, { decimals: 4 }))}</td></tr>`,
    )
    .join("");
  return `<table id="${id}"><thead><tr>${th(head[0], head[1])}${th("金额（元）", "amount (yuan)", true)}${th("万元", "10k yuan", true)}</tr></thead><tbody>${body}</tbody><tfoot><tr data-key="total"><th>合计 <span class="en">total</span></th>${num(data, total)}<td class="num">${esc(formatWan(total, { decimals: 4 }))}</td></tr></tfoot></table>`;
}

function payerTable(
  data: ReportData,
  id: string,
  head: [string, string],
  rows: readonly PayerRow[],
  user: boolean,
): string {
  const totals = data.document.totals;
  const body = rows
    .map(
      (row) =>
        `<tr data-key="${esc(row.key)}"><td class="name">${user ? userText(row.label.zh) : both(row.label)}</td><td class="num">${count(row.cases)}</td>${num(data, row.amounts.municipal)}${num(data, row.amounts.district)}${num(data, row.amounts.total, ' data-amount=""')}</tr>`,
    )
    .join("");
  return `<table id="${id}"><thead><tr>${th(head[0], head[1])}${th("案件数", "cases", true)}${th("市级", "municipal", true)}${th("区级", "district", true)}${th("合计", "total", true)}</tr></thead><tbody>${body}</tbody><tfoot><tr data-key="total"><th>合计 <span class="en">total</span></th><td class="num">${count(data.document.results.length)}</td>${num(data, totals.municipal)}${num(data, totals.district)}${num(data, totals.total)}</tr></tfoot></table>`;
}

const TOTAL_SERIES = [{ name: "合计 total", className: "s-total" }] as const;

function chartOf(title: string, rows: readonly Bar[]): string {
  return `<figure>${barChart(title, TOTAL_SERIES, rows)}<figcaption>${esc(title)}（万元 · 10k yuan）</figcaption></figure>`;
}

function totalsSection(data: ReportData): string {
  const totals = data.document.totals;
  const label = (row: AmountRow | PayerRow) =>
    row.label.zh === row.label.en ? row.label.zh : `${row.label.zh} ${row.label.en}`;
  return `${sectionHead("totals", "资金汇总", "Programme totals")}
<h3>按付款方 <span class="en">by payer</span></h3>
${amountTable(data, "by-payer", ["付款方", "payer"], data.byPayer, totals.total)}
${chartOf(
  "按付款方 by payer",
  data.byPayer.map((row) => ({ key: row.key, label: label(row), values: [row.amount] })),
)}
${data.byPayer.map((row) => capital(data, row.label, row.amount, `payer:${row.key}`)).join("\n")}
${capital(data, { zh: "合计", en: "total" }, totals.total, "grand")}
<div class="block">
<h3>按乡镇 <span class="en">by township</span></h3>
${payerTable(data, "by-township", ["乡镇", "township"], data.byTownship, true)}
${chartOf(
  "按乡镇 by township",
  data.byTownship.map((row) => ({ key: row.key, label: row.key, values: [row.amounts.total] })),
)}
${capital(data, { zh: "乡镇合计", en: "total of the townships" }, totals.total, "township")}
</div>
<div class="block">
<h3>按类别 <span class="en">by kind</span></h3>
${payerTable(data, "by-kind", ["类别", "kind"], data.byKind, false)}
${chartOf(
  "按类别 by kind",
  data.byKind.map((row) => ({ key: row.key, label: row.label.zh, values: [row.amounts.total] })),
)}
</div>
<div class="block">
<h3>按年度 <span class="en">by year</span></h3>
<p class="note">年度为案件选取参数的日期所在年度（退出完成、申报、腾退日期；转移支付为其财政年度）。<span class="en">The year of each case's selecting date (exit completed, declared, cleared; a transfer's fiscal year).</span></p>
${amountTable(data, "by-year", ["年度", "year"], data.byYear, totals.total)}
${chartOf(
  "按年度 by year",
  data.byYear.map((row) => ({ key: row.key, label: row.label.zh, values: [row.amount] })),
)}
</div>
</section>`;
}

function trackSection(data: ReportData): string {
  return `${sectionHead("tracks", "按资金渠道", "Split by track", '企业奖励按奖励类别（市级奖励、比照市级标准的区级奖励、区级小企业综合奖励等）列示，其他类别各为一条渠道。<span class="en">Enterprise rewards by their track; every other kind is its own budget line.</span>')}
${amountTable(data, "by-track", ["渠道", "track"], data.byTrack, data.document.totals.total)}
${chartOf(
  "按资金渠道 by track",
  data.byTrack.map((row) => ({ key: row.key, label: row.label.zh, values: [row.amount] })),
)}
</section>`;
}

function verificationSection(data: ReportData, v: VerificationSummary): string {
  const rows = v.byTownship
    .map(
      (row) =>
        `<tr data-key="${esc(row.township)}"><td class="name">${userText(row.township)}</td><td class="num">${count(row.declarations)}</td>${num(data, row.declared)}${num(data, row.approved, ' data-amount=""')}${num(data, row.difference)}</tr>`,
    )
    .join("");
  const findings = v.findings
    .map(
      (row) =>
        `<tr data-key="${esc(row.code)}"><td>${both(row.label)}</td><td><code>${esc(row.code)}</code></td><td class="num">${count(row.items)}</td></tr>`,
    )
    .join("");
  return `${sectionHead("verification", "腾地经费核定", "Verification of the land-clearing declarations", `${count(v.declarations)} 份申报，${count(v.items)} 项；${count(v.itemsWithFindings)} 项有问题，${count(v.items - v.itemsWithFindings)} 项核定无误。<span class="en">${count(v.declarations)} declarations, ${count(v.items)} items; ${count(v.itemsWithFindings)} items with findings, ${count(v.items - v.itemsWithFindings)} verified clean.</span>`)}
<h3>申报与核定（按乡镇） <span class="en">declared vs approved, by township</span></h3>
<table id="verification-by-township"><thead><tr>${th("乡镇", "township")}${th("申报数", "declarations", true)}${th("申报金额", "declared", true)}${th("核定金额", "approved", true)}${th("差额", "approved − declared", true)}</tr></thead><tbody>${rows}</tbody><tfoot><tr data-key="total"><th>合计 <span class="en">total</span></th><td class="num">${count(v.declarations)}</td>${num(data, v.totals.declared)}${num(data, v.totals.approved)}${num(data, v.totals.difference)}</tr></tfoot></table>
<figure>${barChart(
    "申报与核定 declared vs approved",
    [
      { name: "申报 declared", className: "s-declared" },
      { name: "核定 approved", className: "s-approved" },
    ],
    v.byTownship.map((row) => ({ key: row.township, label: row.township, values: [row.declared, row.approved] })),
  )}<figcaption>申报与核定（万元） <span class="en">declared vs approved (10k yuan)</span></figcaption></figure>
${capital(data, { zh: "核定金额合计", en: "approved total" }, v.totals.approved, "approved")}
${capital(data, { zh: "申报金额合计", en: "declared total" }, v.totals.declared, "declared")}
<div class="block">
<h3>问题类型 <span class="en">findings by type</span></h3>
${v.findings.length === 0 ? '<p>无问题。<span class="en">No findings.</span></p>' : `<table id="findings"><thead><tr>${th("问题", "finding")}${th("代码", "code")}${th("项数", "items", true)}</tr></thead><tbody>${findings}</tbody></table>`}
</div>
</section>`;
}

function auditSection(data: ReportData, audit: AuditDocument): string {
  const byType = DISCREPANCY_TYPES.flatMap((type) => {
    const lines = audit.discrepancies.filter((d) => d.type === type);
    if (lines.length === 0) return [];
    const sum = (pick: (line: (typeof lines)[number]) => string) =>
      lines.reduce((acc, line) => acc.plus(pick(line)), ZERO).toString();
    return [
      `<tr data-key="${type}"><td>${esc(DISCREPANCY_LABELS[type].zh)} <span class="en">${esc(DISCREPANCY_LABELS[type].en)}</span></td><td class="num">${count(lines.length)}</td>${num(
        data,
        sum((l) => l.owed),
      )}${num(
        data,
        sum((l) => l.paid),
      )}${num(
        data,
        sum((l) => l.difference),
      )}</tr>`,
    ];
  }).join("");
  const statuses = (["clean", "within-tolerance", "discrepant"] as const)
    .map(
      (status) =>
        `${esc(STATUS_LABELS[status].zh)} <span class="en">${esc(STATUS_LABELS[status].en)}</span> ${count(audit.reconciliation.filter((entry) => entry.status === status).length)}`,
    )
    .join(" · ");
  const listed = audit.discrepancies.slice(0, DISCREPANCY_LIMIT);
  const lines = listed
    .map(
      (d) =>
        `<tr><td>${userText(d.caseId)}</td><td>${esc(DISCREPANCY_LABELS[d.type].zh)} <span class="en">${esc(d.type)}</span></td><td>${esc(PAYER_LABELS[d.payer])}</td>${num(data, d.owed)}${num(data, d.paid)}${num(data, d.difference)}<td>${(d.vouchers ?? []).map(userText).join(", ")}</td></tr>`,
    )
    .join("");
  const more = audit.discrepancies.length - listed.length;
  return `${sectionHead("audit", "资金审计", "Audit of the payment ledger", `按规则集重新计算每个案件，与拨付台账逐笔核对；差额 = 已付 − 应付；容差 ${esc(audit.tolerance)} 元。<span class="en">Every case recomputed and compared with the ledger; difference = paid − owed; tolerance ${esc(audit.tolerance)} yuan.</span>`)}
<table id="audit-totals"><thead><tr>${th("", "")}${th("应付", "owed", true)}${th("已付", "paid", true)}${th("差额", "difference", true)}</tr></thead><tbody><tr data-key="total"><th>合计 <span class="en">total</span></th>${num(data, audit.totals.owed)}${num(data, audit.totals.paid)}${num(data, audit.totals.difference)}</tr></tbody></table>
${capital(data, { zh: "应付合计", en: "owed" }, audit.totals.owed, "owed")}
${capital(data, { zh: "已付合计", en: "paid" }, audit.totals.paid, "paid")}
<p>案件 <span class="en">cases</span> ${count(audit.reconciliation.length)}：${statuses}</p>
<h3>差异类型 <span class="en">discrepancies by type</span></h3>
${byType === "" ? '<p>台账与每个案件一致，无差异。<span class="en">The ledger matches every case.</span></p>' : `<table id="discrepancy-types"><thead><tr>${th("类型", "type")}${th("笔数", "lines", true)}${th("应付", "owed", true)}${th("已付", "paid", true)}${th("差额", "difference", true)}</tr></thead><tbody>${byType}</tbody></table>`}
${listed.length === 0 ? "" : `<div class="block"><h3>差异明细 <span class="en">every discrepancy</span></h3><table id="discrepancies"><thead><tr>${th("案件", "case")}${th("类型", "type")}${th("付款方", "payer")}${th("应付", "owed", true)}${th("已付", "paid", true)}${th("差额", "difference", true)}${th("凭证", "vouchers")}</tr></thead><tbody>${lines}</tbody></table>${more > 0 ? `<p class="warn">另有 ${count(more)} 笔差异未在此列出，请用 <code>exitfund audit --format xlsx</code> 查看全部。<span class="en">${count(more)} more discrepancy lines are not listed here: <code>exitfund audit --format xlsx</code> has them all.</span></p>` : ""}</div>`}
</section>`;
}

function allocationSection(data: ReportData, summary: AllocationSummary, allocation: BudgetAllocation): string {
  const payer = PAYER_LABELS[allocation.payer];
  const rows = summary.byTownship
    .map(
      (row) =>
        `<tr data-key="${esc(row.township)}"><td class="name">${userText(row.township)}</td>${num(data, row.owed)}${num(data, row.allocated, ' data-amount=""')}${num(data, row.shortfall)}</tr>`,
    )
    .join("");
  const shortfall = dec(allocation.owed).minus(allocation.allocated).toString();
  const full = allocation.fullKinds.map((kind) => data.programme.entry(kind)?.domain.labels ?? { zh: kind, en: kind });
  const how =
    full.length === 0
      ? {
          zh: "按应付比例分配到每个案件",
          en: "split pro rata among the cases it owes",
        }
      : {
          zh: `先足额拨付${full.map((label) => esc(label.zh)).join("、")}，余额按应付比例分配`,
          en: `paid first in full to ${full.map((label) => esc(label.en)).join(", ")}, the rest pro rata`,
        };
  return `${sectionHead("allocation", "预算分配", "Budget allocation under the cap", `${esc(payer)}资金上限 ¥${money(data, allocation.cap)}，${how.zh}（最大余数法，精确到分），合计分配 = min(上限, 应付)。<span class="en">The ${esc(allocation.payer)} cap ${money(data, allocation.cap)} ${how.en} (largest remainder, to the fen); Σ allocated = min(cap, owed). ${count(allocation.remainder.length)} cases received an extra fen.</span>`)}
${(allocation.warnings ?? []).map((warning) => `<p class="warn" role="note">注意：${esc(warning.zh)}<br><span class="en">${esc(warning.message)}</span></p>\n`).join("")}<table id="allocation-by-township"><thead><tr>${th("乡镇", "township")}${th("应付", "owed", true)}${th("分配", "allocated", true)}${th("缺口", "shortfall", true)}</tr></thead><tbody>${rows}</tbody><tfoot><tr data-key="total"><th>合计 <span class="en">total</span></th>${num(data, allocation.owed)}${num(data, allocation.allocated)}${num(data, shortfall)}</tr></tfoot></table>
<figure>${barChart(
    "应付与分配 owed vs allocated",
    [
      { name: "应付 owed", className: "s-declared" },
      { name: "分配 allocated", className: "s-approved" },
    ],
    summary.byTownship.map((row) => ({ key: row.township, label: row.township, values: [row.owed, row.allocated] })),
  )}<figcaption>应付与分配（万元） <span class="en">owed vs allocated (10k yuan)</span></figcaption></figure>
${capital(data, { zh: "资金上限", en: "cap" }, allocation.cap, "cap")}
${capital(data, { zh: "分配合计", en: "allocated" }, allocation.allocated, "allocated")}
</section>`;
}

interface IllustrativeValue {
  readonly name: string;
  readonly from: string;
  readonly value: string;
  readonly note: string;
}

function illustrativeValues(data: ReportData): IllustrativeValue[] {
  return Object.entries(data.ruleSet.toJSON().parameters).flatMap(([name, parameter]) =>
    parameter.values
      .filter((value) => (value.status ?? parameter.status) === "illustrative")
      .map((value) => ({
        name,
        from: value.from,
        value: valueText(value.value),
        note: value.note ?? parameter.note ?? "",
      })),
  );
}

/** A parameter value as people read it: a scale as its brackets, a table as one `key: value` line per entry. */
function valueText(value: ParameterValueJson): string {
  if (value === null) return "—";
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if (isScale(value))
    return `${value.type}: ${value.brackets.map((bracket) => `≥ ${bracket.threshold} → ${bracket.rate ?? bracket.amount ?? ""}`).join("; ")}`;
  return Object.entries(value)
    .map(([key, entry]) => `${key}: ${typeof entry === "object" ? `${entry.rate} / ${entry.unit}` : String(entry)}`)
    .join("\n");
}

function isScale(value: object): value is ScaleJson {
  return Object.hasOwn(value, "brackets") && Array.isArray((value as { brackets?: unknown }).brackets);
}

function badge(status: Status): string {
  return `<span class="badge ${status}">${esc(STATUS_BADGE[status].zh)} <span class="en">${esc(STATUS_BADGE[status].en)}</span></span>`;
}

function ruleSetSection(data: ReportData): string {
  const json = data.ruleSet.toJSON();
  const labels = new Map(data.programme.parameters.map((handle) => [handle.name, handle]));
  const illustrative = illustrativeValues(data);
  const params = Object.entries(json.parameters)
    .flatMap(([name, parameter]: [string, ParameterJson]) =>
      parameter.values.map((value, index) => {
        const status = value.status ?? parameter.status;
        const handle = labels.get(name);
        const cite = [value.source ?? parameter.source, value.clause ?? parameter.clause]
          .filter((part) => part !== undefined)
          .join(" · ");
        return `<tr class="st-${status}">${index === 0 ? `<td><code>${esc(name)}</code>${handle === undefined ? "" : `<br>${esc(handle.label)}`}</td>` : `<td class="again"><code>${esc(name)}</code></td>`}<td class="date">${esc(value.from)}</td><td class="value">${esc(valueText(value.value))}${handle === undefined || handle.unit === "" ? "" : ` <span class="unit">${esc(handle.unit)}</span>`}</td><td>${badge(status)}</td><td>${esc(cite)}</td></tr>`;
      }),
    )
    .join("");
  const sources = json.sources
    .map(
      (source) =>
        `<tr><td>${esc(source.id)}</td><td>${esc(source.title)}</td><td class="date">${esc(source.issuedOn)}</td><td>${badge(source.status)}</td></tr>`,
    )
    .join("");
  const box =
    illustrative.length === 0
      ? '<p class="ok">本规则集没有示例值。<span class="en">This rule set has no illustrative values.</span></p>'
      : `<div class="illustrative" id="illustrative"><h3>示例值（非官方数字）<span class="en">Illustrative values — placeholders, not official figures</span></h3><p>以下 ${count(illustrative.length)} 个参数值没有公开文件依据，仅为使规则可以运行而设；使用前须以本地正式标准替换。<span class="en">No public text states these ${count(illustrative.length)} values; they exist so that the rules can run. Configure your own before relying on any result that uses them.</span></p><ul>${illustrative.map((one) => `<li><code>${esc(one.name)}</code> 自 <span class="en">from</span> ${esc(one.from)}：<span class="value">${esc(one.value)}</span>${one.note === "" ? "" : ` — ${esc(one.note)}`}</li>`).join("")}</ul></div>`;
  return `${sectionHead("rules", "规则集与参数", "Rule set and parameters", `<code>${esc(data.ruleSet.id)}</code> v${esc(data.ruleSet.version)} · ${titleHtml(data.ruleSet.titles)} · 自 <span class="en">valid from</span> ${esc(data.ruleSet.validFrom)} · 舍入 <span class="en">rounding</span> ${esc(data.ruleSet.rounding.mode)} ${data.ruleSet.rounding.scale}`)}
${box}
<h3>全部参数 <span class="en">every parameter</span></h3>
<table id="parameters" class="params"><colgroup><col class="c-name"><col class="c-from"><col class="c-value"><col class="c-status"><col class="c-source"></colgroup><thead><tr>${th("参数", "parameter")}${th("生效日期", "from")}${th("值", "value")}${th("状态", "status")}${th("来源 · 条款", "source · clause")}</tr></thead><tbody>${params}</tbody></table>
<div class="block"><h3>来源 <span class="en">sources</span></h3>
<table id="sources" class="sources"><colgroup><col class="c-id"><col class="c-title"><col class="c-date"><col class="c-status"></colgroup><thead><tr>${th("编号", "id")}${th("文件", "title")}${th("日期", "issued")}${th("状态", "status")}</tr></thead><tbody>${sources}</tbody></table></div>
</section>`;
}

/**
 * 回执 · the receipt of the page's figures (docs/auditors.md): exitfund version, programme, rule set and the full
 * SHA-256 of the rule set and of the input cases, each hash selectable whole, and how to check it again.
 */
function receiptSection(data: ReportData): string {
  const receipt = data.document.receipt;
  const hash = (value: string, name: string) => `<code class="hash" data-receipt="${name}">${esc(value)}</code>`;
  const rows: [string, string, string][] = [
    ["软件版本", "exitfund version", `<code data-receipt="exitfund">${esc(receipt.exitfund)}</code>`],
    ["方案", "programme", `<code data-receipt="programme">${esc(receipt.programme)}</code>`],
    [
      "规则集",
      "rule set",
      `<code data-receipt="ruleSet.id">${esc(receipt.ruleSet.id)}</code> v<span data-receipt="ruleSet.version">${esc(receipt.ruleSet.version)}</span>`,
    ],
    ["规则集 SHA-256", "rule set SHA-256", hash(receipt.ruleSet.sha256, "ruleSet.sha256")],
    ["输入 SHA-256", "input SHA-256", hash(receipt.input.sha256, "input.sha256")],
  ];
  return `${sectionHead("receipt", "回执", "Receipt", '本页每一个金额都由以下软件版本、方案和规则集，从以下输入案件计算得出。<span class="en">Every figure on this page was computed by this exitfund version, programme and rule set from these input cases.</span>')}
<table id="receipt-table" class="receipt"><tbody>${rows.map(([zh, en, value]) => `<tr><th>${esc(zh)} <span class="en">${esc(en)}</span></th><td>${value}</td></tr>`).join("")}</tbody></table>
<p class="note">规则集 SHA-256：解析后规则集（<code>exitfund rules --format json</code>）规范 JSON 的哈希；输入 SHA-256：本报告计算的全部案件（按文件顺序）规范 JSON 列表的哈希。核对：<code>exitfund verify-receipt &lt;结果文件&gt; --cases &lt;案件文件&gt;</code>（见 <code>docs/auditors.md</code>）。<span class="en">The rule set's hash is of the canonical JSON of the resolved rule set; the input's, of the canonical JSON list of every case this report computed, in file order. Check a written result with exitfund verify-receipt (docs/auditors.md).</span></p>
</section>`;
}

function casesSection(data: ReportData): string {
  const { rows, total, limit } = data.cases;
  const withAllocation = data.allocation !== undefined;
  const columns = withAllocation ? 8 : 7;
  // One <tbody> per case: its row of figures, and a row with its explanation (closed until opened).
  const body = rows
    .map((row) => {
      const o = row.outcome;
      return `<tbody class="case" data-id="${esc(o.id)}"><tr><td class="id">${userText(o.id)}</td><td class="name">${userText(o.township)}</td><td>${both(row.kind)}${row.track === undefined ? "" : `<br><span class="track">${both(row.track)}</span>`}</td>${num(data, o.amounts.municipal)}${num(data, o.amounts.district)}${num(data, o.amounts.total)}${withAllocation ? (row.allocated === undefined ? '<td class="num">—</td>' : num(data, row.allocated)) : ""}<td>${badge(o.basis)}${o.estimate ? '<br><span class="badge reported">估算 <span class="en">estimate</span></span>' : ""}</td></tr><tr class="why"><td colspan="${columns}"><details><summary>说明 <span class="en">why</span></summary><pre class="x-zh" lang="zh-CN">${esc(row.zh)}</pre><pre class="x-en" lang="en">${esc(row.en)}</pre></details></td></tr></tbody>`;
    })
    .join("\n");
  const capped =
    total > rows.length
      ? `<p class="warn" id="cases-capped">本表列出前 ${count(rows.length)} 个案件（按输入顺序），另有 ${count(total - rows.length)} 个案件未列出（上限 ${count(limit)}，可用 <code>--case-limit</code> 调整）；全部案件见 <code>exitfund compute --format xlsx</code>。<span class="en">The first ${count(rows.length)} cases (input order) are listed; ${count(total - rows.length)} more are not (limit ${count(limit)}, --case-limit changes it): <code>exitfund compute --format xlsx</code> has every case.</span></p>`
      : "";
  const widths = withAllocation ? [13, 11, 20, 11, 11, 11, 11, 12] : [14, 12, 24, 12, 12, 12, 14];
  return `${sectionHead("cases", "案件明细", "Every case", `每个案件的金额和说明（点击“说明”展开；说明不含逐步计算过程，完整过程见 <code>exitfund compute --explain</code>）。<span class="en">Each case's amounts and its account (open “why”; the step-by-step figures are in <code>exitfund compute --explain</code>).</span>`)}
${capped}
<div class="controls" id="controls" hidden><label>搜索 <span class="en">search</span> <input id="case-search" type="search" placeholder="编号、乡镇、类别… id, township, kind…" autocomplete="off"></label> <span id="case-count" aria-live="polite"></span> <span class="langs">说明语言 <span class="en">explanations</span>: <button type="button" data-lang="zh" aria-pressed="true">中文</button> <button type="button" data-lang="en" aria-pressed="false">English</button></span></div>
<table id="cases-table" class="cases"><colgroup>${widths.map((width) => `<col class="w${width}">`).join("")}</colgroup><thead><tr>${th("编号", "id")}${th("乡镇", "township")}${th("类别 · 渠道", "kind · track")}${th("市级", "municipal", true)}${th("区级", "district", true)}${th("合计", "total", true)}${withAllocation ? th("分配", "allocated", true) : ""}${th("依据", "basis")}</tr></thead>
${body}
</table>
</section>`;
}

function count(n: number): string {
  return n.toLocaleString("en");
}
