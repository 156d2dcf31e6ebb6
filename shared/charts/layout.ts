/**
 * Geometry of a chart specification as plain marks (text, rectangles, lines, polylines, dots) in pixels, so the
 * local page only turns marks into SVG nodes (text through text nodes) and the drawing rules are unit-tested:
 * the indicator as title and the finding under it, top left; axis labels of at least 20 px; horizontal text; bars
 * from 0; each 95 % interval drawn as a whisker from its low to its high bound; Likert bars diverging around 0 with
 * the neutral level apart; null (suppressed) values drawn nowhere. The page scales the drawing to its width.
 */
import { isPooledLabel, type ChartSpecification } from './specs';

export type Mark =
  | { kind: 'text'; x: number; y: number; text: string; size: number; anchor: 'start' | 'middle' | 'end'; bold?: boolean }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; label: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dashed: boolean }
  | { kind: 'polyline'; points: Array<[number, number]>; stroke: string; width: number; dashed: boolean }
  | { kind: 'dot'; x: number; y: number; r: number; fill: string; label: string };

export interface ChartLayout {
  width: number;
  height: number;
  /** What the chart says, for those who do not see it: the indicator and the finding. */
  title: string;
  marks: Mark[];
}

export const TITLE_SIZE = 24;
export const LABEL_SIZE = 20;
/** Every drawing is this wide; the page scales it down to its column. */
export const LAYOUT_WIDTH = 680;
const LEFT = 90;
const RIGHT = 40;
const LINE_HEIGHT = 1.3;
const INTERVAL_LABEL = { fr: 'Intervalle de confiance à 95 %', en: '95% confidence interval' };

const fmt = (x: number) => String(Math.round(x * 10) / 10).replace('.', ',');
const niceCeil = (x: number) => (x <= 0 ? 10 : x <= 10 ? Math.ceil(x) : Math.ceil(x / 10) * 10);

/** Splits a text into lines of at most `width` pixels, estimating a character at 0.55 em, 0.62 in bold (no DOM to measure). */
export function wrap(text: string, size: number, width: number, bold = false): string[] {
  const perLine = Math.max(8, Math.floor(width / (size * (bold ? 0.62 : 0.55))));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The title and the finding under it, wrapped; returns where the plot may start. */
function heading(spec: ChartSpecification, width: number): { marks: Mark[]; bottom: number } {
  const marks: Mark[] = [];
  let y = 10;
  for (const line of wrap(spec.title, TITLE_SIZE, width - 32, true)) {
    y += TITLE_SIZE * LINE_HEIGHT;
    marks.push({ kind: 'text', x: 16, y, text: line, size: TITLE_SIZE, anchor: 'start', bold: true });
  }
  for (const line of wrap(spec.finding, LABEL_SIZE, width - 32)) {
    y += LABEL_SIZE * LINE_HEIGHT;
    marks.push({ kind: 'text', x: 16, y, text: line, size: LABEL_SIZE, anchor: 'start' });
  }
  return { marks, bottom: y + 16 };
}

const isBound = (spec: ChartSpecification, i: number) => spec.series[i]!.role === 'low' || spec.series[i]!.role === 'high';

/** One legend entry per series, the two bounds of an interval as one « intervalle » entry. */
function legend(spec: ChartSpecification, top: number, width: number): { marks: Mark[]; bottom: number } {
  const marks: Mark[] = [];
  let x = LEFT;
  let y = top;
  const english = /\(95% CI\)/.test(spec.table[0]!.map(String).join(' '));
  const entries: Array<{ text: string; colour: string; whisker: boolean }> = [];
  spec.table[0]!.slice(1).forEach((h, i) => {
    const s = spec.series[i]!;
    if (s.role === 'high') return;
    entries.push(s.role === 'low' ? { text: INTERVAL_LABEL[english ? 'en' : 'fr'], colour: s.colour, whisker: true } : { text: String(h ?? ''), colour: s.colour, whisker: false });
  });
  for (const entry of entries) {
    const w = 34 + entry.text.length * 11;
    if (x + w > width - RIGHT && x > LEFT) {
      x = LEFT;
      y += 32;
    }
    if (entry.whisker) marks.push({ kind: 'line', x1: x + 11, y1: y - 17, x2: x + 11, y2: y + 1, stroke: entry.colour, width: 3, dashed: false });
    else marks.push({ kind: 'rect', x, y: y - 15, width: 22, height: 16, fill: entry.colour, label: entry.text });
    marks.push({ kind: 'text', x: x + 30, y, text: entry.text, size: LABEL_SIZE, anchor: 'start' });
    x += w + 20;
  }
  return { marks, bottom: y + 16 };
}

/** The interval columns of a table, or null: [low index, high index] among the series. */
function boundsOf(spec: ChartSpecification): [number, number] | null {
  const low = spec.series.findIndex((s) => s.role === 'low');
  const high = spec.series.findIndex((s) => s.role === 'high');
  return low >= 0 && high >= 0 ? [low, high] : null;
}

function line(spec: ChartSpecification, options: LayoutOptions): ChartLayout {
  const rows = spec.table.slice(1);
  const width = Math.max(LAYOUT_WIDTH, LEFT + RIGHT + rows.length * 180);
  const head = heading(spec, width);
  const top = head.bottom + 40;
  const plotH = options.compact ? 200 : 300;
  const numbers = rows.flatMap((r) => r.slice(1)).filter((v): v is number => typeof v === 'number');
  const min = spec.min ?? 0;
  const max = spec.max ?? niceCeil(Math.max(0, ...numbers) * 1.1);
  const y = (v: number) => top + plotH - ((v - min) / (max - min || 1)) * plotH;
  const step = (width - LEFT - RIGHT) / Math.max(rows.length, 1);
  const x = (i: number) => LEFT + step * (i + 0.5);
  const marks: Mark[] = [...head.marks];
  for (const tick of [min, (min + max) / 2, max]) {
    marks.push({ kind: 'line', x1: LEFT, y1: y(tick), x2: width - RIGHT, y2: y(tick), stroke: '#E0E0E0', width: 1, dashed: false });
    marks.push({ kind: 'text', x: LEFT - 10, y: y(tick) + 7, text: fmt(tick), size: LABEL_SIZE, anchor: 'end' });
  }
  marks.push({ kind: 'text', x: LEFT, y: top - 14, text: spec.axisTitle, size: LABEL_SIZE, anchor: 'start' });
  rows.forEach((r, i) => marks.push({ kind: 'text', x: x(i), y: top + plotH + 30, text: String(r[0] ?? ''), size: LABEL_SIZE, anchor: 'middle' }));
  const interval = boundsOf(spec);
  if (interval) {
    // The interval at each period: a whisker from the low to the high bound, with caps.
    rows.forEach((r, i) => {
      const [lo, hi] = [r[interval[0] + 1], r[interval[1] + 1]];
      if (typeof lo !== 'number' || typeof hi !== 'number') return;
      const colour = spec.series[interval[0]]!.colour;
      marks.push({ kind: 'line', x1: x(i), y1: y(lo), x2: x(i), y2: y(hi), stroke: colour, width: 3, dashed: false });
      for (const v of [lo, hi]) marks.push({ kind: 'line', x1: x(i) - 10, y1: y(v), x2: x(i) + 10, y2: y(v), stroke: colour, width: 3, dashed: false });
    });
  }
  spec.series.forEach((s, c) => {
    if (isBound(spec, c)) return;
    // A null breaks the line: a hidden period is never bridged.
    let run: Array<[number, number]> = [];
    const flush = () => {
      if (run.length >= 2) marks.push({ kind: 'polyline', points: run, stroke: s.colour, width: s.role === 'target' ? 2 : 3, dashed: s.role === 'target' });
      run = [];
    };
    rows.forEach((r, i) => {
      const v = r[c + 1];
      if (typeof v !== 'number') return flush();
      run.push([x(i), y(v)]);
      if (s.role === 'value') marks.push({ kind: 'dot', x: x(i), y: y(v), r: 6, fill: s.colour, label: `${String(r[0])} : ${fmt(v)}` });
    });
    flush();
  });
  const { marks: keys, bottom } = legend(spec, top + plotH + 75, width);
  return { width, height: bottom + 16, title: `${spec.title} : ${spec.finding}`, marks: [...marks, ...keys] };
}

/** Horizontal bars, each category's label above its bar (long labels stay horizontal and readable). */
function bars(spec: ChartSpecification, options: LayoutOptions): ChartLayout {
  const rows = spec.table.slice(1);
  const width = LAYOUT_WIDTH;
  const head = heading(spec, width);
  const rowH = options.compact ? 60 : 70;
  const top = head.bottom + 40;
  const marks: Mark[] = [...head.marks];
  const likert = spec.stacked;
  const sided = spec.series.map((s, i) => ({ s, i })).filter(({ s }) => !s.neutral);
  const neutral = spec.series.findIndex((s) => s.neutral);
  const plotRight = width - RIGHT - (neutral >= 0 ? 170 : 0);
  const interval = likert ? null : boundsOf(spec);
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
  const largest = Math.max(0, ...rows.flatMap((r) => [r[1], ...(interval ? [r[interval[1] + 1]] : [])]).map((v) => (typeof v === 'number' ? v : 0)));
  const extent = likert ? niceCeil(Math.max(...sideTotals.flatMap((t) => [t.neg, t.pos]))) : spec.max ?? niceCeil(largest * 1.1);
  const zero = likert ? (LEFT + plotRight) / 2 : LEFT;
  const scale = (likert ? (plotRight - LEFT) / 2 : plotRight - LEFT - 80) / (extent || 1);
  const plotBottom = top + rows.length * rowH;
  marks.push({ kind: 'line', x1: zero, y1: top, x2: zero, y2: plotBottom, stroke: '#5F6368', width: 1, dashed: false });
  const ticks = likert ? [-extent, 0, extent] : [0, extent];
  for (const t of ticks) marks.push({ kind: 'text', x: zero + t * scale, y: plotBottom + 28, text: fmt(Math.abs(t)), size: LABEL_SIZE, anchor: 'middle' });
  marks.push({ kind: 'text', x: LEFT, y: top - 14, text: spec.axisTitle, size: LABEL_SIZE, anchor: 'start' });
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
      let end = zero + v * scale;
      const [lo, hi] = interval ? [r[interval[0] + 1], r[interval[1] + 1]] : [null, null];
      if (typeof lo === 'number' && typeof hi === 'number') {
        // The interval across the bar's end: a whisker from the low to the high bound, with caps.
        const colour = spec.series[interval![0]]!.colour;
        const mid = yBar + barH / 2;
        marks.push({ kind: 'line', x1: zero + lo * scale, y1: mid, x2: zero + hi * scale, y2: mid, stroke: colour, width: 3, dashed: false });
        for (const b of [lo, hi]) marks.push({ kind: 'line', x1: zero + b * scale, y1: mid - 12, x2: zero + b * scale, y2: mid + 12, stroke: colour, width: 3, dashed: false });
        end = Math.max(end, zero + hi * scale);
      }
      marks.push({ kind: 'text', x: end + 10, y: yBar + 23, text: fmt(v), size: LABEL_SIZE, anchor: 'start' });
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
  return { width, height: bottom + 16, title: `${spec.title} : ${spec.finding}`, marks: [...marks, ...keys] };
}

/**
 * A forest plot: one line per member, its label above, its change as a dot between the whiskers of its interval, on an
 * axis that holds 0 (drawn dashed: no change); the pooled estimate at the bottom as a diamond across its interval.
 */
function forest(spec: ChartSpecification): ChartLayout {
  const rows = spec.table.slice(1);
  const width = LAYOUT_WIDTH;
  const head = heading(spec, width);
  const rowH = 60;
  const top = head.bottom + 40;
  const marks: Mark[] = [...head.marks];
  const interval = boundsOf(spec);
  const numbers = rows.flatMap((r) => [r[1], ...(interval ? [r[interval[0] + 1], r[interval[1] + 1]] : [])]).filter((v): v is number => typeof v === 'number');
  const reach = niceCeil(Math.max(1, ...numbers.map(Math.abs)) * 1.05);
  const [min, max] = [Math.min(0, ...numbers) < 0 ? -reach : 0, reach];
  const x = (v: number) => LEFT + ((v - min) / (max - min)) * (width - LEFT - RIGHT);
  const plotBottom = top + rows.length * rowH;
  marks.push({ kind: 'line', x1: x(0), y1: top - 6, x2: x(0), y2: plotBottom, stroke: '#5F6368', width: 1, dashed: true });
  for (const t of [min, 0, max]) marks.push({ kind: 'text', x: x(t), y: plotBottom + 28, text: fmt(t), size: LABEL_SIZE, anchor: 'middle' });
  marks.push({ kind: 'text', x: LEFT, y: top - 14, text: spec.axisTitle, size: LABEL_SIZE, anchor: 'start' });
  const colour = spec.series[0]!.colour;
  const whisker = interval ? spec.series[interval[0]]!.colour : colour;
  rows.forEach((r, k) => {
    const label = String(r[0] ?? '');
    const yLabel = top + k * rowH + 22;
    const mid = yLabel + 20;
    marks.push({ kind: 'text', x: LEFT, y: yLabel, text: label, size: LABEL_SIZE, anchor: 'start', ...(isPooledLabel(label) && { bold: true }) });
    const v = r[1];
    if (typeof v !== 'number') return;
    const [lo, hi] = interval ? [r[interval[0] + 1], r[interval[1] + 1]] : [null, null];
    const bounded = typeof lo === 'number' && typeof hi === 'number';
    if (isPooledLabel(label) && bounded) {
      marks.push({ kind: 'polyline', points: [[x(lo), mid], [x(v), mid - 12], [x(hi), mid], [x(v), mid + 12], [x(lo), mid]], stroke: colour, width: 3, dashed: false });
    } else {
      if (bounded) {
        marks.push({ kind: 'line', x1: x(lo), y1: mid, x2: x(hi), y2: mid, stroke: whisker, width: 3, dashed: false });
        for (const b of [lo, hi]) marks.push({ kind: 'line', x1: x(b), y1: mid - 10, x2: x(b), y2: mid + 10, stroke: whisker, width: 3, dashed: false });
      }
      marks.push({ kind: 'dot', x: x(v), y: mid, r: 7, fill: colour, label: `${label} : ${fmt(v)}` });
    }
    // The figure beside its interval: to its right, or to its left when the right edge is too near.
    const right = x(bounded ? hi : v) + 12;
    const roomRight = right + fmt(v).length * LABEL_SIZE * 0.6 <= width;
    marks.push({ kind: 'text', x: roomRight ? right : x(bounded ? lo : v) - 12, y: mid + 7, text: fmt(v), size: LABEL_SIZE, anchor: roomRight ? 'start' : 'end' });
  });
  const { marks: keys, bottom } = legend(spec, plotBottom + 70, width);
  return { width, height: bottom + 16, title: `${spec.title} : ${spec.finding}`, marks: [...marks, ...keys] };
}

/** `compact`: a shorter plot, for a chart printed in a document among text (the labels keep their size). */
export interface LayoutOptions {
  compact?: boolean;
}

export function chartLayout(spec: ChartSpecification, options: LayoutOptions = {}): ChartLayout {
  return spec.type === 'LINE' ? line(spec, options) : spec.kind === 'forest' ? forest(spec) : bars(spec, options);
}
