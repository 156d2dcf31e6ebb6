/**
 * The local page: shows the workbook's tabs as grids, refreshed whenever the sidebar changes something, and the
 * embedded charts as SVG (read from the emulated sheet's chart specs and their data ranges) under the charts tab
 * and the dashboard. Text reaches the page only through textContent and SVG text nodes.
 */
import { chartLayout, type Mark } from '../../../shared/charts/layout';
import { specFromSheetsChart } from '../../../shared/charts/sheets';
import type { ChartCell } from '../../../shared/charts/specs';
import { tabSpec } from '../../../shared/contract/tabs';
import { columnIndex, columnLetter } from '../../../shared/sheet/a1';

interface SheetView {
  name: string;
  hidden: boolean;
  rows: string[][];
}
interface ChartsView {
  sheets: Array<{ name: string; charts: Array<{ chartId: number; type: string; options: Record<string, unknown>; table: ChartCell[][] }> }>;
}
interface WorkbookView {
  path: string;
  active: { sheet: string; cell: string } | null;
  sheets: SheetView[];
}

let selected = '';
let charts: ChartsView = { sheets: [] };
/** Tabs under which the charts are shown, besides the tab holding them. */
const DASHBOARD_NAMES = Object.values(tabSpec('dashboard').label);
const SVG = 'http://www.w3.org/2000/svg';
/** The selection last shown, so a later refresh does not pull the person back to it. */
let shownSelection = '';
let highlight: { row: number; column: number } | null = null;
let scrollPending = false;

/** "F7" → row 7, column 6. */
function cellPosition(a1: string): { row: number; column: number } | null {
  const match = /^([A-Z]+)(\d+)/.exec(a1);
  if (!match) return null;
  return { row: Number(match[2]), column: columnIndex(match[1]!) };
}

function renderGrid(sheet: SheetView | undefined): void {
  const table = document.getElementById('grid') as HTMLTableElement;
  table.replaceChildren();
  if (!sheet) return;
  // An empty row may arrive as null (a hole in the sheet's rows, serialised).
  sheet.rows = Array.from(sheet.rows, (r) => r ?? []);
  const width = Math.max(1, highlight?.column ?? 0, ...sheet.rows.map((r) => r.length));
  while (highlight && sheet.rows.length < highlight.row) sheet.rows.push([]);
  const head = table.createTHead().insertRow();
  head.appendChild(document.createElement('th'));
  for (let c = 0; c < width; c++) {
    const th = document.createElement('th');
    th.textContent = columnLetter(c + 1);
    head.appendChild(th);
  }
  const body = table.createTBody();
  sheet.rows.forEach((row, r) => {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.textContent = String(r + 1);
    tr.appendChild(th);
    for (let c = 0; c < width; c++) {
      const td = tr.insertCell();
      // A long note stays readable without stretching its whole row: the full text is in the tooltip.
      const text = row[c] ?? '';
      const content = document.createElement('div');
      content.className = 'cell';
      content.textContent = text;
      if (text.length > 120) td.title = text;
      td.append(content);
      if (highlight && highlight.row === r + 1 && highlight.column === c + 1) {
        td.className = 'selected';
        if (scrollPending) td.scrollIntoView({ block: 'center', inline: 'center' });
        scrollPending = false;
      }
    }
  });
}

function svgNode(name: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function markNode(mark: Mark): SVGElement {
  switch (mark.kind) {
    case 'text': {
      const node = svgNode('text', { x: mark.x, y: mark.y, 'font-size': mark.size, 'text-anchor': mark.anchor, fill: '#202124', ...(mark.bold && { 'font-weight': 'bold' }) });
      node.textContent = mark.text;
      return node;
    }
    case 'rect': {
      const node = svgNode('rect', { x: mark.x, y: mark.y, width: Math.max(0, mark.width), height: mark.height, fill: mark.fill });
      const tip = svgNode('title', {});
      tip.textContent = mark.label;
      node.appendChild(tip);
      return node;
    }
    case 'line':
      return svgNode('line', { x1: mark.x1, y1: mark.y1, x2: mark.x2, y2: mark.y2, stroke: mark.stroke, 'stroke-width': mark.width, ...(mark.dashed && { 'stroke-dasharray': '6 4' }) });
    case 'polyline':
      return svgNode('polyline', { points: mark.points.map((p) => p.join(',')).join(' '), fill: 'none', stroke: mark.stroke, 'stroke-width': mark.width, ...(mark.dashed && { 'stroke-dasharray': '6 4' }) });
    case 'dot': {
      const node = svgNode('circle', { cx: mark.x, cy: mark.y, r: mark.r, fill: mark.fill });
      const tip = svgNode('title', {});
      tip.textContent = mark.label;
      node.appendChild(tip);
      return node;
    }
  }
}

function renderCharts(): void {
  const section = document.getElementById('charts')!;
  const list = document.getElementById('chart-list')!;
  const holder = charts.sheets.find((s) => s.name === selected) ?? (DASHBOARD_NAMES.includes(selected) ? charts.sheets[0] : undefined);
  section.hidden = !holder;
  list.replaceChildren(
    ...(holder?.charts ?? []).map((chart) => {
      const layout = chartLayout(specFromSheetsChart(chart.type, chart.options, chart.table));
      const figure = document.createElement('figure');
      figure.dataset['chartId'] = String(chart.chartId);
      const svg = svgNode('svg', { width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`, role: 'img' });
      svg.setAttribute('aria-label', layout.title);
      svg.append(...layout.marks.map(markNode));
      figure.appendChild(svg);
      return figure;
    }),
  );
}

function renderTabs(view: WorkbookView): void {
  const visible = view.sheets.filter((s) => !s.hidden);
  if (!visible.some((s) => s.name === selected)) selected = visible[0]?.name ?? '';
  const tabs = document.getElementById('tabs')!;
  tabs.replaceChildren(
    ...visible.map((sheet) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-selected', String(sheet.name === selected));
      button.textContent = sheet.name;
      button.addEventListener('click', () => {
        selected = sheet.name;
        highlight = null;
        renderTabs(view);
      });
      return button;
    }),
  );
  renderGrid(visible.find((s) => s.name === selected));
  renderCharts();
}

/** The server's per-run token, sent with every call: the server answers nothing without it. */
const headers = { 'X-Repere-Token': document.querySelector<HTMLMetaElement>('meta[name="repere-page-token"]')!.content };

async function refresh(): Promise<void> {
  const [view, chartsView] = await Promise.all([
    fetch('/api/workbook', { headers }).then((r) => r.json() as Promise<WorkbookView>),
    fetch('/api/charts', { headers }).then((r) => r.json() as Promise<ChartsView>),
  ]);
  charts = chartsView;
  document.getElementById('workbook-path')!.textContent = `Classeur : ${view.path}`;
  const selection = view.active ? `${view.active.sheet}!${view.active.cell}` : '';
  if (view.active && selection !== shownSelection) {
    shownSelection = selection;
    selected = view.active.sheet;
    highlight = cellPosition(view.active.cell);
    scrollPending = true;
  }
  renderTabs(view);
}

window.addEventListener('message', (event) => {
  if (event.origin === location.origin && event.data === 'repere:changed') void refresh();
});
// The extension writes through /exec too: refresh now and then.
setInterval(() => void refresh(), 3000);
void refresh();
