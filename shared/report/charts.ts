/**
 * The charts of a document: the dashboard's chart specifications (shared/charts), drawn from the figures the gate lets
 * this audience see — a hidden figure reaches the chart as suppressed, its period kept on the axis « (< 11) » — and
 * rendered to SVG markup by the same layout and drawing as the local page and the workbook's images. In a document the
 * chart's title states its finding (« 92 % en T1 (n = 24), en hausse depuis T0 »), the indicator under it; its text
 * alternative says both.
 */
import { chartLayout } from '../charts/layout';
import { chartSpecifications, type ChartSpecification } from '../charts/specs';
import { chartSvg, svgMarkup } from '../charts/svg';
import type { ValueDetail, ValueRow } from '../indicators/model';
import type { ReportContext } from './context';
import { aboutOf } from './figures';
import type { ReportChart } from './model';

/** A figure from the gate as the chart specifications read a value row: hidden → suppressed, no sentence, no flag. */
function chartRows(ctx: ReportContext): ValueRow[] {
  return ctx.view.figures.map((f) => {
    const row = ctx.rowOf.get(f)!;
    return {
      indicator: f.indicator, period: f.period, segment: f.segment, value: f.value, n: f.n, low: f.low, high: f.high,
      baseline: row.baseline, target: row.target, status: f.status, flags: [], methodText: '',
      suppressed: f.hidden, exportSuppressed: f.hidden, computed: true, detail: f.detail as ValueDetail,
    };
  });
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function reportChart(spec: ChartSpecification, drawn: ReportChart['drawn']): ReportChart {
  const title = capitalised(spec.finding);
  const alt = `${spec.title} : ${spec.finding}`;
  const layout = chartLayout({ ...spec, title, finding: spec.title }, { compact: true });
  const svg = chartSvg(layout);
  svg.attributes['aria-label'] = alt;
  return { key: spec.key, title, alt, svg: svgMarkup(svg), width: Math.round(layout.width), height: Math.round(layout.height), drawn };
}

/**
 * Each indicator's charts, in the registry's order: its main chart (evolution, or change for a before/after
 * indicator), then its breakdowns and its answers by level when `all`.
 */
export function reportCharts(ctx: ReportContext, options: { all: boolean }): Map<string, ReportChart[]> {
  const rows = chartRows(ctx);
  const specs = chartSpecifications(ctx.indicators, rows, ctx.lang, ctx.input.questions, { threshold: ctx.threshold });
  const out = new Map<string, ReportChart[]>();
  for (const spec of specs) {
    const list = out.get(spec.indicator) ?? [];
    if (!options.all && list.length > 0) continue;
    // What the chart draws: the indicator's shown figures of its kind (overall for a line, groups for bars); the gate
    // passes k only where it clears the threshold both ways.
    const drawn = ctx.view.figures
      .filter((f) => f.indicator === spec.indicator && !f.hidden && (spec.kind === 'segments' ? f.segment !== '' : f.segment === ''))
      .map((f) => ({ about: aboutOf(f), n: f.n, ...(f.detail.k !== undefined && { k: f.detail.k }) }));
    list.push(reportChart(spec, drawn));
    out.set(spec.indicator, list);
  }
  return out;
}
