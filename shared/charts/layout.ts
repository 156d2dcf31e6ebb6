/**
 * Geometry of a chart specification as plain marks (text, rectangles, lines, polylines, dots) in pixels, so the
 * local page only turns marks into SVG nodes (text through text nodes) and the drawing rules are unit-tested:
 * title top left, axis labels of at least 20 px, horizontal text, bars from 0, Likert bars diverging around 0 with the
 * neutral level apart, null (suppressed) values drawn nowhere.
 */
import type { ChartSpecification } from './specs';

export type Mark =
  | { kind: 'text'; x: number; y: number; text: string; size: number; anchor: 'start' | 'middle' | 'end'; bold?: boolean }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; label: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dashed: boolean }
  | { kind: 'polyline'; points: Array<[number, number]>; stroke: string; width: number; dashed: boolean }
  | { kind: 'dot'; x: number; y: number; r: number; fill: string; label: string };

export interface ChartLayout {
  width: number;
  height: number;
  title: string;
  marks: Mark[];
}

export const TITLE_SIZE = 24;
export const LABEL_SIZE = 20;
const LEFT = 90;
const RIGHT = 40;
const TITLE_Y = 34;

const fmt = (x: number) => String(Math.round(x * 10) / 10).replace('.', ',');
const niceCeil = (x: number) => (x <= 0 ? 10 : x <= 10 ? Math.ceil(x) : Math.ceil(x / 10) * 10);

function legend(spec: ChartSpecification, top: number, width: number): { marks: Mark[]; bottom: number } {
  const marks: Mark[] = [];
  let x = LEFT;
  let y = top;
  spec.table[0]!.slice(1).forEach((h, i) => {
    const text = String(h ?? '');
    const w = 34 + text.length * 11;
    if (x + w > width - RIGHT && x > LEFT) {
      x = LEFT;
      y += 32;
    }
    const s = spec.series[i]!;
    marks.push({ kind: 'rect', x, y: y - 15, width: 22, height: 16, fill: s.colour, label: text });
    marks.push({ kind: 'text', x: x + 30, y, text, size: LABEL_SIZE, anchor: 'start' });
    x += w + 20;
  });
  return { marks, bottom: y + 16 };
}

function line(spec: ChartSpecification): ChartLayout {
  const rows = spec.table.slice(1);
  const width = Math.max(900, LEFT + RIGHT + rows.length * 210);
  const top = 70;
  const plotH = 300;
  const numbers = rows.flatMap((r) => r.slice(1)).filter((v): v is number => typeof v === 'number');
  const min = spec.min ?? 0;
  const max = spec.max ?? niceCeil(Math.max(0, ...numbers) * 1.1);
  const y = (v: number) => top + plotH - ((v - min) / (max - min || 1)) * plotH;
  const step = (width - LEFT - RIGHT) / Math.max(rows.length, 1);
  const x = (i: number) => LEFT + step * (i + 0.5);
  const marks: Mark[] = [];
  for (const tick of [min, (min + max) / 2, max]) {
    marks.push({ kind: 'line', x1: LEFT, y1: y(tick), x2: width - RIGHT, y2: y(tick), stroke: '#E0E0E0', width: 1, dashed: false });
    marks.push({ kind: 'text', x: LEFT - 10, y: y(tick) + 7, text: fmt(tick), size: LABEL_SIZE, anchor: 'end' });
  }
  marks.push({ kind: 'text', x: LEFT, y: top - 12, text: spec.axisTitle, size: LABEL_SIZE, anchor: 'start' });
  rows.forEach((r, i) => marks.push({ kind: 'text', x: x(i), y: top + plotH + 30, text: String(r[0] ?? ''), size: LABEL_SIZE, anchor: 'middle' }));
  spec.series.forEach((s, c) => {
    // A null breaks the line: a hidden period is never bridged.
    let run: Array<[number, number]> = [];
    const flush = () => {
      if (run.length >= 2) marks.push({ kind: 'polyline', points: run, stroke: s.colour, width: s.dashed ? 2 : 3, dashed: s.dashed });
      run = [];
    };
    rows.forEach((r, i) => {
      const v = r[c + 1];
      if (typeof v !== 'number') return flush();
      run.push([x(i), y(v)]);
      if (!s.dashed) marks.push({ kind: 'dot', x: x(i), y: y(v), r: 5, fill: s.colour, label: `${String(r[0])} : ${fmt(v)}` });
    });
    flush();
  });
  const { marks: keys, bottom } = legend(spec, top + plotH + 75, width);
  return { width, height: bottom + 16, title: spec.title, marks: [...marks, ...keys] };
}

/** Horizontal bars, each category's label above its bar (long labels stay horizontal and readable). */
function bars(spec: ChartSpecification): ChartLayout {
  const rows = spec.table.slice(1);
  const width = 900;
  const rowH = 70;
  const top = 70;
  const marks: Mark[] = [];
  const likert = spec.stacked;
  const sided = spec.series.map((s, i) => ({ s, i })).filter(({ s }) => !s.neutral);
  const neutral = spec.series.findIndex((s) => s.neutral);
  const plotRight = width - RIGHT - (neutral >= 0 ? 170 : 0);
  const sideTotals = rows.map((r) => {
    let neg = 0;
    let pos = 0;
    for (const { i } of sided) {
      const v = r[i + 1];
      if (typeof v !== 'number') continue;
      if (v < 0) neg -= v;
      else pos += v;
    }
    return { neg, pos };
  });
  const extent = likert
    ? niceCeil(Math.max(...sideTotals.flatMap((t) => [t.neg, t.pos])))
    : spec.max ?? niceCeil(Math.max(0, ...rows.map((r) => (typeof r[1] === 'number' ? r[1] : 0))) * 1.1);
  const zero = likert ? (LEFT + plotRight) / 2 : LEFT;
  const scale = (likert ? (plotRight - LEFT) / 2 : plotRight - LEFT - 80) / (extent || 1);
  const plotBottom = top + rows.length * rowH;
  marks.push({ kind: 'line', x1: zero, y1: top, x2: zero, y2: plotBottom, stroke: '#5F6368', width: 1, dashed: false });
  const ticks = likert ? [-extent, 0, extent] : [0, extent];
  for (const t of ticks) marks.push({ kind: 'text', x: zero + t * scale, y: plotBottom + 28, text: fmt(Math.abs(t)), size: LABEL_SIZE, anchor: 'middle' });
  marks.push({ kind: 'text', x: LEFT, y: top - 12, text: spec.axisTitle, size: LABEL_SIZE, anchor: 'start' });
  rows.forEach((r, k) => {
    const label = String(r[0] ?? '');
    const yLabel = top + k * rowH + 22;
    const yBar = yLabel + 8;
    const barH = 30;
    marks.push({ kind: 'text', x: LEFT, y: yLabel, text: label, size: LABEL_SIZE, anchor: 'start' });
    if (!likert) {
      const v = r[1];
      if (typeof v !== 'number') return;
      marks.push({ kind: 'rect', x: zero, y: yBar, width: v * scale, height: barH, fill: spec.series[0]!.colour, label: `${label} : ${fmt(v)}` });
      marks.push({ kind: 'text', x: zero + v * scale + 8, y: yBar + 23, text: fmt(v), size: LABEL_SIZE, anchor: 'start' });
      return;
    }
    // Lower levels leftwards from 0, nearest the centre first; upper levels rightwards, nearest first.
    const lower = sided.filter(({ i }) => typeof r[i + 1] === 'number' && (r[i + 1] as number) < 0).reverse();
    const upper = sided.filter(({ i }) => typeof r[i + 1] === 'number' && (r[i + 1] as number) > 0);
    let left = zero;
    for (const { s, i } of lower) {
      const w = -(r[i + 1] as number) * scale;
      left -= w;
      marks.push({ kind: 'rect', x: left, y: yBar, width: w, height: barH, fill: s.colour, label: `${String(spec.table[0]![i + 1])} : ${fmt(-(r[i + 1] as number))} %` });
    }
    let right = zero;
    for (const { s, i } of upper) {
      const w = (r[i + 1] as number) * scale;
      marks.push({ kind: 'rect', x: right, y: yBar, width: w, height: barH, fill: s.colour, label: `${String(spec.table[0]![i + 1])} : ${fmt(r[i + 1] as number)} %` });
      right += w;
    }
    const n = neutral >= 0 ? r[neutral + 1] : null;
    if (typeof n === 'number' && n > 0) {
      const w = Math.max(1, n * scale);
      marks.push({ kind: 'rect', x: plotRight + 40, y: yBar, width: w, height: barH, fill: spec.series[neutral]!.colour, label: `${String(spec.table[0]![neutral + 1])} : ${fmt(n)} %` });
    }
  });
  const { marks: keys, bottom } = legend(spec, plotBottom + 70, width);
  return { width, height: bottom + 16, title: spec.title, marks: [...marks, ...keys] };
}

export function chartLayout(spec: ChartSpecification): ChartLayout {
  const layout = spec.type === 'LINE' ? line(spec) : bars(spec);
  layout.marks.unshift({ kind: 'text', x: 16, y: TITLE_Y, text: spec.title, size: TITLE_SIZE, anchor: 'start', bold: true });
  layout.width = Math.max(layout.width, 16 + spec.title.length * 13);
  return layout;
}
