/**
 * The report page's only style and script, inline. The page's Content-Security-Policy allows exactly these two
 * (by their SHA-256), so nothing else can run or load; the page works without the script (every case is listed,
 * both languages of each explanation are shown), and prints on A4 with a page break before each section, table
 * headers repeated on every page and page numbers in the footer.
 */
export const REPORT_STYLE = `
:root{--ink:#1d2733;--muted:#5b6773;--rule:#d5dbe1;--head:#eef2f5;--total:#2f6690;--declared:#a7b8c8;--approved:#2f6690;--warn:#b3261e;--warnbg:#fdf0ee;--ok:#2e7d32;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","Noto Sans SC",sans-serif;color:var(--ink);line-height:1.45}
body{margin:0 auto;max-width:1000px;padding:16px 24px 48px;font-size:14px;counter-reset:section}
h1{font-size:22px;margin:8px 0 4px}
h2{font-size:18px;border-bottom:2px solid var(--total);padding-bottom:4px;margin:28px 0 10px;counter-increment:section}
h2::before{content:counter(section) "  ";color:var(--total)}
h3{font-size:15px;margin:16px 0 6px}
.en{color:var(--muted);font-weight:normal}
code{font-family:"Noto Sans Mono","DejaVu Sans Mono",monospace;font-size:.92em}
.meta,.note{color:var(--muted)}
.warn{border-left:4px solid var(--warn);background:var(--warnbg);padding:8px 12px;margin:10px 0}
.ok{color:var(--ok)}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.card{flex:1 1 200px;border:1px solid var(--rule);border-radius:6px;padding:10px 12px}
.card.grand{flex-basis:100%;border-color:var(--total)}
.card .what{color:var(--muted)}
.card .fig{font-size:20px;font-weight:bold;font-variant-numeric:tabular-nums}
.card.grand .fig{font-size:26px;color:var(--total)}
.cap{font-size:.95em}
nav ol{columns:2;margin:8px 0;padding-left:20px}
nav a{color:var(--total);text-decoration:none}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:13px}
th,td{border:1px solid var(--rule);padding:3px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
thead th{background:var(--head);font-weight:600}
tfoot th,tfoot td{background:var(--head);font-weight:bold}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;overflow-wrap:normal}
td.name{max-width:16em}
p.total{margin:4px 0}
p.total .fig{font-weight:bold;font-variant-numeric:tabular-nums;margin:0 6px}
figure{margin:8px 0 12px}
figcaption{color:var(--muted);font-size:12px}
svg.chart{max-width:100%;height:auto;font-size:11px}
svg .label,svg .legend{fill:var(--ink)}
svg .value{fill:var(--muted);font-size:10px}
.s-total{fill:var(--total)}.s-declared{fill:var(--declared)}.s-approved{fill:var(--approved)}
.badge{display:inline-block;border-radius:3px;padding:0 4px;font-size:11px;white-space:nowrap;border:1px solid}
.badge.official{color:var(--ok);border-color:var(--ok)}
.badge.reported{color:#8a5a00;border-color:#8a5a00}
.badge.illustrative{color:#fff;background:var(--warn);border-color:var(--warn);font-weight:bold}
.badge.illustrative .en{color:#fff}
.illustrative{border:2px solid var(--warn);background:var(--warnbg);border-radius:6px;padding:4px 14px 8px;margin:8px 0 14px}
.illustrative h3{color:var(--warn)}
.illustrative li{margin:2px 0;overflow-wrap:anywhere}
.illustrative .value{white-space:pre-wrap;font-family:"Noto Sans Mono","DejaVu Sans Mono",monospace;font-size:.9em}
.params tr.st-illustrative td{background:var(--warnbg)}
table.params,table.sources{table-layout:fixed}
.params col.c-name{width:26%}.params col.c-from{width:11%}.params col.c-value{width:29%}.params col.c-status{width:12%}.params col.c-source{width:22%}
.sources col.c-id{width:8%}.sources col.c-title{width:69%}.sources col.c-date{width:12%}.sources col.c-status{width:11%}
td.date{white-space:nowrap;overflow-wrap:normal}
.params td.value{font-family:"Noto Sans Mono","DejaVu Sans Mono",monospace;font-size:11px;white-space:pre-wrap}
td .badge{white-space:normal}
.unit{color:var(--muted)}
td.again code{color:var(--muted)}
table.receipt th{text-align:left;white-space:nowrap;padding-right:1em}
code.hash{word-break:break-all;user-select:all;-webkit-user-select:all}
.controls{position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid var(--rule);display:flex;gap:16px;align-items:center;flex-wrap:wrap}
.controls input{font:inherit;padding:3px 6px;width:22em}
.controls button{font:inherit;padding:2px 10px}
.controls button[aria-pressed=true]{background:var(--total);color:#fff;border:1px solid var(--total)}
table.cases{table-layout:fixed}
.cases col.w11{width:11%}.cases col.w12{width:12%}.cases col.w13{width:13%}.cases col.w14{width:14%}.cases col.w20{width:20%}.cases col.w24{width:24%}
.cases td{font-size:12px}
.cases td.num{white-space:normal;overflow-wrap:anywhere}
.cases tbody.case tr:first-child td{border-bottom:none}
.cases tr.why td{border-top:none;padding-top:0}
.cases tbody.case:nth-of-type(even) td{background:#fafbfc}
.track{color:var(--muted)}
details summary{cursor:pointer;color:var(--total);white-space:nowrap}
details summary{font-size:12px}
details pre{white-space:pre-wrap;overflow-wrap:anywhere;font-family:inherit;font-size:12px;background:#fff;border:1px solid var(--rule);padding:6px 8px;margin:4px 0}
html.zh .x-en,html.en .x-zh{display:none}
@page{size:A4;margin:14mm 12mm 16mm 12mm;@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";font-size:8pt;color:#5b6773}}
@media print{
body{max-width:none;padding:0;font-size:10pt}
section{break-before:page}
section:first-of-type{break-before:auto}
html.summary-only #cases{display:none}
h2,h3,p.note{break-after:avoid}
figure,.card,.warn,p,li,tr{break-inside:avoid}
.block{break-inside:auto}
thead{display:table-header-group}
tfoot{display:table-row-group}
table{font-size:8.5pt}
.cases td{font-size:8pt}
.controls,.why,nav,.print-choice{display:none}
a{color:inherit}
.warn,.illustrative,.badge,thead th,tfoot td,tfoot th,.params tr.st-illustrative td{print-color-adjust:exact;-webkit-print-color-adjust:exact}
svg.chart{width:100%}
}
`;

export const REPORT_SCRIPT = `
(function () {
  "use strict";
  var root = document.documentElement;
  var initial = root.getAttribute("data-lang") === "en" ? "en" : "zh";
  root.classList.add(initial);
  var printing = document.getElementById("print-choice");
  if (printing) printing.hidden = false;
  var controls = document.getElementById("controls");
  var search = document.getElementById("case-search");
  var shown = document.getElementById("case-count");
  var table = document.getElementById("cases-table");
  if (!controls || !search || !shown || !table) return;
  controls.hidden = false;
  var rows = Array.prototype.slice.call(table.tBodies);
  var texts = rows.map(function (body) {
    var text = "";
    var cells = body.rows[0].cells;
    for (var i = 0; i < cells.length; i += 1) text += " " + cells[i].textContent;
    return text.toLowerCase();
  });
  function count() {
    var n = 0;
    for (var i = 0; i < rows.length; i += 1) if (!rows[i].hidden) n += 1;
    shown.textContent = "显示 " + n.toLocaleString("en") + " / " + rows.length.toLocaleString("en") + " · showing " + n.toLocaleString("en") + " of " + rows.length.toLocaleString("en");
  }
  search.addEventListener("input", function () {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    for (var i = 0; i < rows.length; i += 1) {
      var text = texts[i];
      rows[i].hidden = !words.every(function (word) { return text.indexOf(word) !== -1; });
    }
    count();
  });
  var whole = document.getElementById("print-cases");
  if (whole) {
    root.classList.toggle("summary-only", !whole.checked);
    whole.addEventListener("change", function () { root.classList.toggle("summary-only", !whole.checked); });
  }
  var buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-lang]"));
  buttons.forEach(function (button) {
    button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === initial));
    button.addEventListener("click", function () {
      var lang = button.getAttribute("data-lang");
      root.classList.remove("zh", "en");
      root.classList.add(lang);
      buttons.forEach(function (other) { other.setAttribute("aria-pressed", String(other === button)); });
    });
  });
  count();
})();
`;
