/** The embedded charts of a tab, drawn as SVG from the same specification and marks as the workbook's PNG images. */
import { chartLayout } from '../../../shared/charts/layout';
import { specFromSheetsChart } from '../../../shared/charts/sheets';
import { chartSvg, SVG_NAMESPACE, type SvgNode } from '../../../shared/charts/svg';
import type { ChartsView } from '../chart-tables';

/** SVG nodes from the plain tree: attributes set one by one, text only through text nodes. */
function svgElement(node: SvgNode): SVGElement {
  const element = document.createElementNS(SVG_NAMESPACE, node.name);
  for (const [key, value] of Object.entries(node.attributes)) if (key !== 'xmlns') element.setAttribute(key, String(value));
  if (node.text !== undefined) element.textContent = node.text;
  for (const child of node.children ?? []) element.appendChild(svgElement(child));
  return element;
}

/**
 * Shows the charts held by the tab `name`, or, on a dashboard, those of its charts tab (`beside`: that tab's names in
 * either language; the first tab with charts if it was renamed).
 */
export function renderCharts(charts: ChartsView, name: string, beside: readonly string[] | null): void {
  const section = document.getElementById('charts')!;
  const list = document.getElementById('chart-list')!;
  const isDashboard = beside !== null;
  const own = isDashboard ? undefined : charts.sheets.find((s) => s.name === name);
  const holder = own ?? (isDashboard ? (charts.sheets.find((s) => beside.includes(s.name)) ?? charts.sheets[0]) : undefined);
  section.hidden = !holder;
  // On the tab holding them, the charts come first (their data tables are under them); on the dashboard, beside it.
  const wrap = document.getElementById('grid-wrap')!;
  wrap.classList.toggle('charts-first', !!own && !isDashboard);
  wrap.classList.toggle('charts-beside', isDashboard && !!holder);
  list.replaceChildren(
    ...(holder?.charts ?? []).map((chart) => {
      const figure = document.createElement('figure');
      figure.dataset['chartId'] = String(chart.chartId);
      figure.appendChild(svgElement(chartSvg(chartLayout(specFromSheetsChart(chart.type, chart.options, chart.table)))));
      return figure;
    }),
  );
}
