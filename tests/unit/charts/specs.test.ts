import { describe, expect, it } from 'vitest';
import { chartLayout, type Mark } from '../../../shared/charts/layout';
import { sheetsOptions, specFromSheetsChart } from '../../../shared/charts/sheets';
import { chartSpecifications, INDICATOR_COLOURS, type ChartSpecification } from '../../../shared/charts/specs';
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
const texts = (marks: Mark[]) => marks.filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text').map((m) => m.text);
const lines = (marks: Mark[]) => marks.filter((m): m is Extract<Mark, { kind: 'line' }> => m.kind === 'line');

describe('chart specifications', () => {
  it('evolution: titled with the indicator, the finding in words, the interval as two series drawn as whiskers, and the target', () => {
    const specs = chartSpecifications([I3], [
      row({ period: '2025-T4', value: 61.5, n: 39, low: 46, high: 75, target: 70 }),
      row({ period: '2026-T1', value: 72, n: 43, low: 57.3, high: 83.3, target: 70, status: 'atteint' }),
    ]);
    const line = byKind(specs, 'evolution')!;
    expect(line.type).toBe('LINE');
    expect(line.title).toBe('I3 — Part des aidants qui ont pu prendre du temps pour eux dans le mois');
    expect(line.finding).toBe('72 % en 2026-T1 (n = 43), en hausse depuis 2025-T4 (61,5 %)');
    expect(line.table).toEqual([
      ['Période', '%', 'Borne basse (IC 95 %)', 'Borne haute (IC 95 %)', 'Cible'],
      ['2025-T4 (n = 39)', 61.5, 46, 75, 70],
      ['2026-T1 (n = 43)', 72, 57.3, 83.3, 70],
    ]);
    expect(line.series.map((s) => s.role)).toEqual(['value', 'low', 'high', 'target']);
    expect([line.min, line.max]).toEqual([0, 100]);
    // Drawn: the title and the finding on top, a whisker with two caps per period for the interval.
    const layout = chartLayout(line);
    expect(texts(layout.marks).slice(0, 2).join(' ')).toContain('I3 — Part des aidants');
    expect(texts(layout.marks)).toContain('Intervalle de confiance à 95 %');
    const whiskers = lines(layout.marks).filter((l) => l.x1 === l.x2 && l.stroke === line.series[1]!.colour);
    expect(whiskers).toHaveLength(3); // one per period, one in the legend
  });

  it('never shows a suppressed value: its period stays on the axis with no point, and the finding uses the last shown value', () => {
    const specs = chartSpecifications([I3], [
      row({ period: 'T0', value: 40, n: 30 }),
      row({ period: 'T1', value: 99, n: 3, low: 10, high: 100, suppressed: true, detail: { distribution: [{ level: 'a', count: 1 }, { level: 'b', count: 2 }] } }),
      row({ period: 'T1', segment: 'site = Nord', value: 100, n: 2, suppressed: true }),
    ]);
    const line = byKind(specs, 'evolution')!;
    expect(line.table[2]).toEqual(['T1 (< 5)', null, null, null]);
    // The later period is said hidden, not passed over as if T0 were the latest measure.
    expect(line.finding).toBe('40 % en T0 (n = 30), première mesure ; T1 : moins de 5 personnes');
    // An earlier period hidden: the shown one is not « the first measure ».
    const later = byKind(chartSpecifications([I3], [row({ period: 'T0', value: 99, n: 3, suppressed: true }), row({ period: 'T1', value: 40, n: 30 })]), 'evolution')!;
    expect(later.finding).toBe('40 % en T1 (n = 30), T0 : moins de 5 personnes');
    expect(JSON.stringify(specs)).not.toContain('99');
    expect(byKind(specs, 'segments')).toBeUndefined();
    expect(byKind(specs, 'likert')).toBeUndefined();
    const layout = chartLayout(line);
    expect(layout.marks.filter((m) => m.kind === 'dot')).toHaveLength(1);
    expect(layout.marks.filter((m) => m.kind === 'polyline')).toHaveLength(0);
  });

  it('segments: the answer labels (never the column’s key), no whole-group bar, each group with its interval, the question as axis', () => {
    const lien = question('lien_aide', { type: 'single', label: 'Quel est votre lien avec la personne que vous aidez ?', levels: ['Conjoint', 'Enfant', 'Ami'] });
    const specs = chartSpecifications([I3], [
      row({ period: 'T0', value: 50, n: 40 }),
      row({ period: 'T0', segment: 'lien_aide = Conjoint', value: 45, n: 20, low: 26, high: 66 }),
      row({ period: 'T1', value: 60, n: 40 }),
      row({ period: 'T1', segment: 'lien_aide = Conjoint', value: 55, n: 20, low: 34, high: 74 }),
      row({ period: 'T1', segment: 'lien_aide = Enfant', value: 65, n: 20, low: 43, high: 82 }),
      row({ period: 'T1', segment: 'lien_aide = Ami', value: 0, n: 3, suppressed: true }),
    ], 'fr', [lien]);
    const bars = byKind(specs, 'segments')!;
    expect(bars.type).toBe('COMBO');
    expect(bars.table).toEqual([
      ['Quel est votre lien avec la personne que vous aidez ?', '%', 'Borne basse (IC 95 %)', 'Borne haute (IC 95 %)'],
      ['Conjoint (n = 20)', 55, 34, 74],
      ['Enfant (n = 20)', 65, 43, 82],
    ]);
    expect(JSON.stringify(bars)).not.toContain('lien_aide');
    expect(JSON.stringify(bars.table)).not.toContain('Ensemble');
    expect(bars.finding).toBe('de 55 % (Conjoint) à 65 % (Enfant) selon « Quel est votre lien avec la personne que vous aidez ? », en T1');
    expect(bars.min).toBe(0);
    const layout = chartLayout(bars);
    expect(lines(layout.marks).filter((l) => l.y1 === l.y2 && l.stroke === bars.series[1]!.colour)).toHaveLength(2);
  });

  it('change: a before/after indicator is drawn as change — who progressed, stayed, went down — never as a first measure', () => {
    const ind = indicator({ code: 'I12', name: 'Évolution du bien-être WHO-5', method: 'change', unit: 'score', direction: 'up', source: { type: 'survey', survey: 'E1', questions: ['f'] } });
    const rows = [...times(14, (p) => [answer({ f: 40 }, { wave: 'T0', personId: `p${p}` }), answer({ f: p < 10 ? 60 : p < 12 ? 40 : 20 }, { wave: 'T1', personId: `p${p}` })]).flat()];
    const result = computeIndicators(input({ questions: [question('f', { type: 'number', levels: ['0', '100'] })], indicators: [ind], answers: [{ survey: 'E1', rows }] }));
    const specs = chartSpecifications([ind], result.values);
    expect(specs.map((s) => s.kind)).toEqual(['change']);
    const chart = specs[0]!;
    expect(chart.table.map((r) => r[0])).toEqual(['Évolution T0 → T1', 'ont progressé (10)', 'stables (2)', 'en baisse (2)']);
    expect(chart.table[1]![1]).toBeCloseTo(71.4, 1);
    expect(chart.series.map((s) => s.role)).toEqual(['value', 'low', 'high']);
    expect(chart.finding).toMatch(/^\+11,4 points en moyenne entre T0 et T1 \(n = 14\) : 71 % ont progressé$/);
    expect(chart.finding).not.toContain('première mesure');
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
    expect(likert.finding).toBe('75 % répondent « Souvent » ou plus en T1 (n = 40)');
    // Geometry: lower levels left of 0, upper right, neutral apart to the right of the plot.
    const layout = chartLayout(likert);
    const bars = layout.marks.filter((m): m is Extract<typeof m, { kind: 'rect' }> => m.kind === 'rect' && m.height === 30);
    const zero = lines(layout.marks)[0]!.x1;
    const last = (prefix: string) => bars.filter((r) => r.label.startsWith(prefix)).pop()!;
    expect(last('Jamais :').x + last('Jamais :').width).toBeLessThanOrEqual(zero);
    expect(last('Rarement :').x + last('Rarement :').width).toBeCloseTo(zero);
    expect(last('Souvent :').x).toBeCloseTo(zero);
    const sided = bars.filter((r) => !r.label.startsWith('Parfois'));
    expect(last('Parfois (neutre) :').x).toBeGreaterThan(Math.max(...sided.map((r) => r.x + r.width)));
  });

  it('computes from the engine: a Likert proportion gets its charts, each titled with its indicator and a finding', () => {
    const ind = indicator({ code: 'I5', name: 'Part des aidants qui se sentent soutenus', condition: { op: 'in', values: AGREE.slice(2) } as never, disaggregation: ['site', "vague d'enquête"] });
    const rows = [
      ...times(24, (i) => answer({ q: AGREE[i % 4]! }, { wave: 'T0', segments: { site: i % 2 ? 'Nord' : 'Sud', "vague d'enquête": 'T0' } })),
      ...times(32, (i) => answer({ q: AGREE[(i % 3) + 1]! }, { wave: 'T1', segments: { site: i % 2 ? 'Nord' : 'Sud', "vague d'enquête": 'T1' } })),
    ];
    const result = computeIndicators(input({ indicators: [ind], questions: [question('q')], answers: [{ survey: 'E1', rows }] }));
    const specs = chartSpecifications([ind], result.values);
    // The wave breakdown of an indicator per wave repeats the whole group: no chart for it.
    expect(specs.map((s) => s.kind)).toEqual(['evolution', 'segments', 'likert']);
    for (const spec of specs) {
      expect(spec.title).toBe('I5 — Part des aidants qui se sentent soutenus');
      expect(spec.finding).toMatch(/\d/);
    }
  });

  it('manual counts: a line without interval, the unit beside the figure, one colour per indicator from a colour-blind-safe palette', () => {
    const I1 = indicator({ code: 'I1', name: 'Aidants accompagnés', unit: 'personnes', method: 'manual' });
    const I2 = indicator({ code: 'I2', name: 'Heures de répit', unit: 'heures', method: 'manual' });
    const specs = chartSpecifications([I3, I1, I2], [
      row({ indicator: 'I1', value: 120, n: null, low: null, high: null, computed: false }),
      row({ indicator: 'I2', value: 19, n: null, low: null, high: null, computed: false }),
    ]);
    expect(specs).toHaveLength(2);
    expect(specs[0]!.table).toEqual([['Période', 'personnes'], ['2026-T1', 120]]);
    expect([specs[0]!.title, specs[0]!.finding]).toEqual(['I1 — Aidants accompagnés', '120 personnes en 2026-T1, première mesure']);
    expect(specs[1]!.finding).toBe('19 h en 2026-T1, première mesure');
    expect(specs[0]!.series[0]!.colour).toBe(INDICATOR_COLOURS[1]);
  });

  it('round-trips through the native chart options and the data range, so the page draws what Sheets draws', () => {
    const specs = chartSpecifications([I3], [
      row({ period: 'T0', value: 50, n: 40, detail: { distribution: [{ level: 'Non', count: 10 }, { level: 'Oui', count: 30 }] } }),
      row({ period: 'T0', segment: 'site = Nord', value: 45, n: 20 }),
      row({ period: 'T0', segment: 'site = Sud', value: 55, n: 20 }),
    ]);
    expect(specs.map((s) => s.kind)).toEqual(['evolution', 'segments', 'likert']);
    for (const spec of specs) {
      const options = JSON.parse(JSON.stringify(sheetsOptions(spec))) as Record<string, unknown>;
      expect(options).toMatchObject({ title: spec.title, subtitle: spec.finding });
      const table = spec.table.map((r) => r.map((c) => (c === null ? '' : c)));
      expect(specFromSheetsChart(spec.type, options, table)).toEqual(spec);
    }
  });

  it('English', () => {
    const [spec] = chartSpecifications([I3], [row({ value: 72, n: 43 })], 'en');
    expect(spec!.finding).toBe('72% in 2026-T1 (n = 43), first measure');
    expect(spec!.table[0]).toEqual(['Period', '%', 'Lower bound (95% CI)', 'Upper bound (95% CI)']);
  });
});
