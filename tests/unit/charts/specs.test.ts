import { describe, expect, it } from 'vitest';
import { chartLayout } from '../../../shared/charts/layout';
import { sheetsOptions, specFromSheetsChart } from '../../../shared/charts/sheets';
import { chartSpecifications, INDICATOR_COLOURS, titleWords, type ChartSpecification } from '../../../shared/charts/specs';
import { computeIndicators } from '../../../shared/indicators/compute';
import type { ValueRow } from '../../../shared/indicators/model';
import { AGREE, answer, indicator, input, question, times } from '../indicators/build';

function row(over: Partial<ValueRow>): ValueRow {
  return {
    indicator: 'I3', period: '2026-T1', segment: '', value: 50, n: 40, low: 35, high: 65, baseline: null, target: null, status: '',
    flags: [], methodText: '', suppressed: false, exportSuppressed: false, computed: true, detail: {}, ...over,
  };
}

const I3 = indicator({ code: 'I3', name: 'Part des aidants qui ont pu prendre du temps pour eux dans le mois', unit: '%' });
const byKind = (specs: ChartSpecification[], kind: string) => specs.find((s) => s.kind === kind);

describe('chart specifications', () => {
  it('evolution: a line per period with the interval as two dashed series and the target, titled with the finding', () => {
    const specs = chartSpecifications([I3], [
      row({ period: '2025-T4', value: 61.5, n: 39, low: 46, high: 75, target: 70 }),
      row({ period: '2026-T1', value: 72, n: 43, low: 57.3, high: 83.3, target: 70, status: 'atteint' }),
    ]);
    const line = byKind(specs, 'evolution')!;
    expect(line.type).toBe('LINE');
    expect(line.table).toEqual([
      ['Période', '%', 'Borne basse (IC 95 %)', 'Borne haute (IC 95 %)', 'Cible'],
      ['2025-T4 (n = 39)', 61.5, 46, 75, 70],
      ['2026-T1 (n = 43)', 72, 57.3, 83.3, 70],
    ]);
    expect(line.series.map((s) => s.dashed)).toEqual([false, true, true, true]);
    expect(line.title).toBe('I3 : 72 % des aidants en 2026-T1 (n = 43), en hausse, atteint');
    expect([line.min, line.max]).toEqual([0, 100]);
  });

  it('never shows a suppressed value: its period stays on the axis with no point, and titles use the last shown value', () => {
    const specs = chartSpecifications([I3], [
      row({ period: 'T0', value: 40, n: 30 }),
      row({ period: 'T1', value: 99, n: 3, low: 10, high: 100, suppressed: true, detail: { distribution: [{ level: 'a', count: 1 }, { level: 'b', count: 2 }] } }),
      row({ period: 'T1', segment: 'site = Nord', value: 100, n: 2, suppressed: true }),
    ]);
    const line = byKind(specs, 'evolution')!;
    expect(line.table[2]).toEqual(['T1 (< 5)', null, null, null]);
    expect(line.title).toContain('40 %');
    expect(JSON.stringify(specs)).not.toContain('99');
    expect(byKind(specs, 'segments')).toBeUndefined();
    expect(byKind(specs, 'likert')).toBeUndefined();
    const layout = chartLayout(line);
    expect(layout.marks.filter((m) => m.kind === 'dot')).toHaveLength(1);
    expect(layout.marks.filter((m) => m.kind === 'polyline')).toHaveLength(0);
  });

  it('segments: bars for the latest period with segments, « Ensemble » first, from 0', () => {
    const specs = chartSpecifications([I3], [
      row({ period: 'T0', value: 50, n: 40 }),
      row({ period: 'T0', segment: 'site = Nord', value: 45, n: 20 }),
      row({ period: 'T1', value: 60, n: 40 }),
      row({ period: 'T1', segment: 'site = Nord', value: 55, n: 20 }),
      row({ period: 'T1', segment: 'site = Sud', value: 65, n: 20 }),
      row({ period: 'T1', segment: 'site = Est', value: 0, n: 3, suppressed: true }),
    ]);
    const bars = byKind(specs, 'segments')!;
    expect(bars.type).toBe('BAR');
    expect(bars.table).toEqual([['Groupe', '%'], ['Ensemble (n = 40)', 60], ['Nord (n = 20)', 55], ['Sud (n = 20)', 65]]);
    expect(bars.title).toBe('I3 : de 55 % à 65 % selon les groupes en T1');
    expect(bars.min).toBe(0);
  });

  it('likert: diverging shares (lower levels negative), the neutral level last and apart, n per bar', () => {
    const levels = ['Jamais', 'Rarement', 'Parfois', 'Souvent', 'Tout le temps'];
    const dist = (counts: number[]) => ({ distribution: levels.map((level, i) => ({ level, count: counts[i]! })) });
    const specs = chartSpecifications([I3], [
      row({ period: 'T0', detail: dist([4, 6, 10, 12, 8]) }),
      row({ period: 'T1', detail: dist([2, 3, 5, 20, 10]) }),
    ]);
    const likert = byKind(specs, 'likert')!;
    expect(likert.stacked).toBe(true);
    expect(likert.table[0]).toEqual(['Période', 'Jamais', 'Rarement', 'Souvent', 'Tout le temps', 'Parfois (neutre)']);
    expect(likert.table[2]).toEqual(['T1 (n = 40)', -5, -7.5, 50, 25, 12.5]);
    expect(likert.series.map((s) => s.neutral)).toEqual([false, false, false, false, true]);
    expect(likert.title).toBe('I3 : 75 % répondent « Souvent » ou plus en T1 (n = 40)');
    // Geometry: lower levels left of 0, upper right, neutral apart to the right of the plot.
    const layout = chartLayout(likert);
    const bars = layout.marks.filter((m): m is Extract<typeof m, { kind: 'rect' }> => m.kind === 'rect' && m.height === 30);
    const zero = (layout.marks.find((m) => m.kind === 'line') as { x1: number }).x1;
    const last = (prefix: string) => bars.filter((r) => r.label.startsWith(prefix)).pop()!;
    expect(last('Jamais :').x + last('Jamais :').width).toBeLessThanOrEqual(zero);
    expect(last('Rarement :').x + last('Rarement :').width).toBeCloseTo(zero);
    expect(last('Souvent :').x).toBeCloseTo(zero);
    const sided = bars.filter((r) => !r.label.startsWith('Parfois'));
    expect(last('Parfois (neutre) :').x).toBeGreaterThan(Math.max(...sided.map((r) => r.x + r.width)));
  });

  it('computes from the engine: a Likert proportion gets its three charts and every title has 6 to 12 words', () => {
    const ind = indicator({ code: 'I5', name: 'Part des aidants qui se sentent soutenus', condition: { op: 'in', values: AGREE.slice(2) } as never, disaggregation: ['site'] });
    const rows = [
      ...times(12, (i) => answer({ q: AGREE[i % 4]! }, { wave: 'T0', segments: { site: i % 2 ? 'Nord' : 'Sud' } })),
      ...times(16, (i) => answer({ q: AGREE[(i % 3) + 1]! }, { wave: 'T1', segments: { site: i % 2 ? 'Nord' : 'Sud' } })),
    ];
    const result = computeIndicators(input({ indicators: [ind], questions: [question('q')], answers: [{ survey: 'E1', rows }] }));
    const specs = chartSpecifications([ind], result.values);
    expect(specs.map((s) => s.kind)).toEqual(['evolution', 'segments', 'likert']);
    for (const spec of specs) {
      expect(titleWords(spec.title), spec.title).toBeGreaterThanOrEqual(6);
      expect(titleWords(spec.title), spec.title).toBeLessThanOrEqual(12);
      expect(spec.title.startsWith('I5 : ')).toBe(true);
    }
  });

  it('manual counts: a line without interval, one colour per indicator from a colour-blind-safe palette', () => {
    const I1 = indicator({ code: 'I1', name: 'Aidants accompagnés', unit: 'personnes', method: 'manual' });
    const specs = chartSpecifications([I3, I1], [row({ indicator: 'I1', value: 120, n: null, low: null, high: null, computed: false })]);
    expect(specs).toHaveLength(1);
    expect(specs[0]!.table).toEqual([['Période', 'personnes'], ['2026-T1', 120]]);
    expect(specs[0]!.title).toBe('I1 : 120 personnes en 2026-T1, première mesure');
    expect(specs[0]!.series[0]!.colour).toBe(INDICATOR_COLOURS[1]);
  });

  it('round-trips through the native chart options and the data range, so the page draws what Sheets draws', () => {
    const specs = chartSpecifications([I3], [
      row({ period: 'T0', value: 50, n: 40, detail: { distribution: [{ level: 'Non', count: 10 }, { level: 'Oui', count: 30 }] } }),
      row({ period: 'T0', segment: 'site = Nord', value: 45, n: 20 }),
    ]);
    for (const spec of specs) {
      const options = JSON.parse(JSON.stringify(sheetsOptions(spec))) as Record<string, unknown>;
      const table = spec.table.map((r) => r.map((c) => (c === null ? '' : c)));
      expect(specFromSheetsChart(spec.type, options, table)).toEqual(spec);
    }
  });

  it('English titles', () => {
    const [spec] = chartSpecifications([I3], [row({ value: 72, n: 43 })], 'en');
    expect(spec!.title).toBe('I3 : 72% in 2026-T1 (n = 43), first measure');
  });
});
