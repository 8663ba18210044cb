import { dec, ZERO } from "../../money/decimal.js";
import { formatWan } from "../../money/format.js";
import { escapeHtml, shortened } from "./escape.js";

/** One series of a bar chart: its name (for the legend) and its CSS class (its colour). */
export interface Series {
  readonly name: string;
  readonly className: string;
}

/** One category of a bar chart: its key (for tests and links), its label, and one money amount per series. */
export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly values: readonly string[];
}

/** The drawing's geometry, in SVG user units. */
export const CHART = { width: 680, labelWidth: 170, barArea: 400, barHeight: 14, gap: 8, top: 8 } as const;

/**
 * A horizontal bar chart as inline SVG: each bar's length is amount ÷ the largest amount × {@link CHART}.barArea
 * (computed exactly, written to 2 decimals), the figure beside it in 万元; each bar carries its key, series and
 * amount as data attributes. Negative amounts draw no bar. Labels longer than 14 characters are shortened (the
 * table beside the chart has them whole).
 */
export function barChart(title: string, series: readonly Series[], bars: readonly Bar[]): string {
  const max = bars
    .flatMap((bar) => bar.values.map((value) => dec(value)))
    .reduce((top, value) => (value.gt(top) ? value : top), ZERO);
  const rowHeight = series.length * CHART.barHeight + CHART.gap;
  const legend = series.length > 1 ? 20 : 0;
  const height = CHART.top + legend + bars.length * rowHeight;
  const parts: string[] = [];
  if (legend > 0)
    series.forEach((one, index) => {
      const x = CHART.labelWidth + index * 140;
      parts.push(
        `<rect class="${one.className}" x="${x}" y="${CHART.top}" width="12" height="12"/><text class="legend" x="${x + 16}" y="${CHART.top + 10}">${escapeHtml(one.name)}</text>`,
      );
    });
  bars.forEach((bar, row) => {
    const y = CHART.top + legend + row * rowHeight;
    parts.push(
      `<text class="label" x="${CHART.labelWidth - 6}" y="${y + (series.length * CHART.barHeight) / 2 + 4}" text-anchor="end"><title>${escapeHtml(shortened(bar.label, 200))}</title>${escapeHtml(shortened(bar.label, 14))}</text>`,
    );
    bar.values.forEach((value, index) => {
      const amount = dec(value);
      const length = max.isZero() || amount.isNegative() ? "0.00" : amount.div(max).times(CHART.barArea).toFixed(2);
      const top = y + index * CHART.barHeight;
      const one = series[index] as Series;
      parts.push(
        `<rect class="bar ${one.className}" data-key="${escapeHtml(bar.key)}" data-series="${escapeHtml(one.name)}" data-amount="${escapeHtml(value)}" x="${CHART.labelWidth}" y="${top}" width="${length}" height="${CHART.barHeight - 2}"/>`,
        `<text class="value" x="${dec(length)
          .plus(CHART.labelWidth + 4)
          .toFixed(2)}" y="${top + CHART.barHeight - 4}">${escapeHtml(formatWan(value))}</text>`,
      );
    });
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${CHART.width} ${height}" width="${CHART.width}" height="${height}"><title>${escapeHtml(title)}</title>${parts.join("")}</svg>`;
}
