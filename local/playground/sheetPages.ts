// Playground pages that show spreadsheets as people see them in Sheets: each tab as a table, with its
// charts drawn (Chartist, in the browser, from the ranges each chart shows). Used for the CRM's report
// tabs and for the board workbook.
import { escapeHtml } from '../emulator/html';
import type { Spreadsheet } from '../emulator/spreadsheet';
import { parseA1 } from '../emulator/a1';
import { isDate } from '../emulator/wallClock';

interface ChartData {
  title: string;
  type: string;
  labels: string[];
  series: { name: string; data: (number | null)[] }[];
}

const show = (v: unknown, format?: string) => {
  if (isDate(v)) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    if (format?.includes('%')) return `${(v * 100).toFixed(format.includes('.0') ? 1 : 0)}%`;
    return Number.isInteger(v)
      ? v.toLocaleString('en-US')
      : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  return String(v ?? '');
};

/** The labels and series a chart shows, read from its ranges (first column labels, a header row first). */
function chartData(
  ss: Spreadsheet,
  sheetName: string,
  chart: {
    spec: { type: string; ranges: { sheetName: string; a1: string }[]; options: Record<string, unknown> };
  },
): ChartData {
  const columns: unknown[][] = [];
  for (const r of chart.spec.ranges) {
    const sheet = ss.sheets.find((s) => s.name === (r.sheetName || sheetName));
    if (!sheet) continue;
    const b = parseA1(r.a1, Math.max(1, Math.min(sheet.maxRows, sheet.lastRowIndex())), sheet.maxColumns);
    for (let c = 0; c < b.numCols; c++) {
      const col: unknown[] = [];
      for (let i = 0; i < b.numRows; i++) col.push(sheet.cellAt(b.row + i, b.col + c).v);
      columns.push(col);
    }
  }
  const [labels = [], ...series] = columns;
  const rows = Math.max(0, labels.length - 1);
  return {
    title: String(chart.spec.options.title ?? ''),
    type: chart.spec.type,
    labels: labels.slice(1, rows + 1).map((v) => show(v)),
    series: series.map((s) => ({
      name: show(s[0]),
      data: s.slice(1, rows + 1).map((v) => (typeof v === 'number' ? v : null)),
    })),
  };
}

/** One tab as an HTML table (up to `maxRows` rows), with its charts as placeholders Chartist fills. */
function tabHtml(ss: Spreadsheet, name: string, maxRows: number): string {
  const sheet = ss.sheets.find((s) => s.name === name)!;
  const last = Math.min(sheet.lastRowIndex(), maxRows);
  const width = sheet.lastColumnIndex();
  const rows: string[] = [];
  const frozen: string[] = [];
  for (let r = 1; r <= last; r++) {
    const cells: string[] = [];
    // Frozen rows stay at the top of the box as it scrolls, as the spreadsheet keeps them.
    const pin = r <= sheet.frozenRows ? ` class="frozen" style="top:${(r - 1) * ROW_PX}px"` : '';
    for (let c = 1; c <= width; c++) {
      const cell = sheet.cellAt(r, c);
      const text = escapeHtml(show(cell.v, cell.nf));
      cells.push(cell.fw === 'bold' ? `<th scope="col"${pin}>${text}</th>` : `<td${pin}>${text}</td>`);
    }
    (r <= sheet.frozenRows ? frozen : rows).push(`<tr>${cells.join('')}</tr>`);
  }
  const charts = sheet.charts.map((ch) => {
    const data = chartData(ss, name, ch);
    return `<figure class="chart"><figcaption>${escapeHtml(data.title)}</figcaption><div class="ct-chart" data-chart="${escapeHtml(JSON.stringify(data))}"></div>${legend(data)}</figure>`;
  });
  // The cells scroll in their own box: focusable, so the keyboard scrolls it too (axe: scrollable-region-focusable).
  return `<section aria-labelledby="tab-${sheet.id}"><h2 id="tab-${sheet.id}">${escapeHtml(name)}</h2><div class="charts">${charts.join('')}</div><div class="table" tabindex="0" role="region" aria-label="${escapeHtml(name)} cells"><table>${frozen.length ? `<thead>${frozen.join('')}</thead>` : ''}<tbody>${rows.join('')}</tbody></table></div></section>`;
}

/** The height of a frozen row in the cells' box (one line of 12 px text and its padding): the next one's place. */
const ROW_PX = 22;

/** Chartist's series letters, in the order it colours series (and pie slices). */
const SERIES = 'abcdefghijklmno';
/** Chartist's default colours for those series, for the legend's swatches. */
const COLOURS = [
  '#d70206',
  '#f05b4f',
  '#f4c63d',
  '#d17905',
  '#453d3f',
  '#59922b',
  '#0544d3',
  '#6b0392',
  '#e6805e',
];

/** What each colour of a chart stands for: its series, or a pie's slices. */
function legend(d: ChartData): string {
  const names = d.type === 'PIE' ? d.labels : d.series.map((s) => s.name);
  const items = names.map(
    (n, i) =>
      `<li><span class="swatch s-${SERIES[i % SERIES.length]}" aria-hidden="true"></span>${escapeHtml(n)}</li>`,
  );
  return `<ul class="legend" aria-label="Legend">${items.join('')}</ul>`;
}

const SWATCH_CSS = COLOURS.map((c, i) => `.s-${SERIES[i]}{background:${c}}`).join('');

const SCRIPT = `<script>
// Value axes with thousands separators, as the spreadsheet shows the figures (2,500,000, not 2500000).
const grouped = (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : v);
for (const el of document.querySelectorAll('.ct-chart')) {
  const d = JSON.parse(el.dataset.chart);
  const data = { labels: d.labels, series: d.series.map((s) => s.data) };
  if (d.type === 'PIE') new Chartist.PieChart(el, { labels: d.labels, series: d.series[0] ? d.series[0].data.map((v) => v || 0) : [] }, { height: 240 });
  else if (d.type === 'LINE') new Chartist.LineChart(el, data, { height: 240, showPoint: false, axisY: { offset: 70, labelInterpolationFnc: grouped } });
  else if (d.type === 'BAR') new Chartist.BarChart(el, data, { height: 240, horizontalBars: true, axisY: { offset: 70 }, axisX: { offset: 40, labelInterpolationFnc: grouped } });
  else new Chartist.BarChart(el, data, { height: 240, axisY: { offset: 70, labelInterpolationFnc: grouped }, axisX: { offset: 40 } });
}
</script>`;

/** A page showing the given tabs of a spreadsheet, with their charts drawn. */
export function spreadsheetPage(
  title: string,
  ss: Spreadsheet,
  tabs: readonly string[],
  note = '',
  maxRows = 120,
): string {
  const body = tabs.filter((t) => ss.sheets.some((s) => s.name === t)).map((t) => tabHtml(ss, t, maxRows));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/vendor/chartist.css">
<style>body{font-family:Arial,sans-serif;margin:16px;color:#202124}nav a{margin-right:12px}table{border-collapse:collapse;font-size:12px}
td,th{border:1px solid #dadce0;padding:3px 6px;text-align:left}th{background:#f1f3f4}
.frozen{position:sticky;z-index:1;background:#fff}th.frozen{background:#f1f3f4}.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;width:460px}.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 12px;padding:0;margin:4px 0 0;font-size:12px}
.swatch{display:inline-block;width:10px;height:10px;margin-right:4px}${SWATCH_CSS}figcaption{font-weight:bold;font-size:13px}section{margin-bottom:32px}.table{overflow:auto;max-height:480px}</style></head>
<body><nav aria-label="Playground"><a href="/">Deals and sidebar</a><a href="/reports">Report tabs</a><a href="/board">Board workbook</a></nav>
<main><h1>${escapeHtml(title)}</h1>${note ? `<p>${escapeHtml(note)}</p>` : ''}${body.join('') || '<p>Nothing to show yet.</p>'}</main>
<script src="/vendor/chartist.js"></script>${SCRIPT}</body></html>`;
}
