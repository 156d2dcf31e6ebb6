// Pooling the cohort, as plain functions: counts added (never averages of averages), one version at a time with the
// reason said for what is set aside, totals only where they add up, a change pooled from five members on and shown
// side by side below, and the forest plot's drawing.
import { describe, expect, it } from 'vitest';
import { chartLayout } from '../../../shared/charts/layout';
import { specFromSheetsChart, sheetsOptions } from '../../../shared/charts/sheets';
import { cohortCharts } from '../../../shared/cohort/charts';
import { dashboardLines } from '../../../shared/cohort/dashboard';
import { poolCohort, type CohortDefinition, type Pooled, type ReceivedTable } from '../../../shared/cohort/pooling';

const DEF: CohortDefinition = { code: 'I1', name: 'Soutien', unit: '%', who: 'aidants', version: 2, history: { '1': 'aaaaaaaaaaaaaaaa', '2': 'bbbbbbbbbbbbbbbb' } };
const CHANGE: CohortDefinition = { code: 'I2', name: 'Bien-être', unit: 'score', who: 'aidants', version: 1, history: { '1': 'cccccccccccccccc' } };
const HOURS: CohortDefinition = { code: 'I3', name: 'Personnes accompagnées', unit: 'personnes', who: 'aidants', version: 1, history: { '1': 'dddddddddddddddd' } };

type Cells = Record<string, string | number>;

/** A row of « Agrégats reçus » as the collector writes it (French words, « < 11 » for a hidden figure, '' for none). */
function row(over: Cells): Cells {
  return { member: 'S01', indicator: 'I1', version: 2, definition: 'bbbbbbbbbbbbbbbb', period: 'T0', before: '', segment: '', measure: 'proportion', changeKind: '', suppressed: '', n: 40, k: 20, value: 50, low: 35, high: 65, ...over };
}

const HIDDEN = { suppressed: '< 11', n: '', k: '', value: '', low: '', high: '' };

/** The tab's values and columns, its columns in another order than the rows' keys (as people may move them). */
function table(rows: readonly Cells[]): ReceivedTable {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].reverse();
  return { values: rows.map((r) => keys.map((k) => r[k] ?? '')), columns: new Map(keys.map((k, i) => [k, i])) };
}

describe('pooling the cohort', () => {
  it('adds the counts: 90 of 100 and 10 of 100 make 100 of 200, not an average of 90 % and 10 % weighted otherwise', () => {
    const pooling = poolCohort([DEF], table([
      row({ member: 'S01', k: 90, n: 100, value: 90 }),
      row({ member: 'S02', k: 10, n: 100, value: 10 }),
      row({ member: 'S03', ...HIDDEN }),
    ]));
    const { figures } = pooling;
    const [f] = figures;
    expect(f!.pooled).toMatchObject({ kind: 'proportion', k: 100, n: 200, value: 50 });
    expect(f!.excluded.hidden).toBe(1);
    expect(pooling.members(f!).map((m) => [m.member, m.hidden, m.n])).toEqual([['S01', false, 100], ['S02', false, 100], ['S03', true, null]]);
    const [line] = dashboardLines(figures, [DEF], 3);
    expect(line).toMatchObject({ members: '2 sur 3', n: 200, pooled: '100 aidants sur 200 (50 %)', excluded: '1 structure à moins de 11 personnes (« < 11 ») : non comptée' });
    // Members this different: a large intraclass correlation, and a much wider corrected interval.
    expect(line!.clustering).toMatch(/^ICC 0,\d+, effet de plan \d+,\d+ : les 200 personnes comptent comme \d+ indépendantes/);
  });

  it('pools each version apart, and sets aside a figure whose definition is not that version’s', () => {
    const { figures } = poolCohort([DEF], table([
      row({ member: 'S01' }),
      row({ member: 'S02', version: 1, definition: 'aaaaaaaaaaaaaaaa' }),
      row({ member: 'S03', definition: 'eeeeeeeeeeeeeeee' }),
    ]));
    expect(figures.map((f) => [f.version, f.current, f.contributing])).toEqual([[2, true, 1], [1, false, 1]]);
    const [current, old] = dashboardLines(figures, [DEF], 3);
    expect(current!.excluded).toBe('S02 a publié la version 1 : pas mise en commun avec la version 2 (voir sa ligne) ; S03 : définition appliquée différente de la version 2 partagée, pas mise en commun (rejoindre à nouveau la cohorte la remet à jour)');
    expect(old!.method).toMatch(/^Ancienne version \(en cours : 2\)\./);
  });

  it('keeps a pooled mean’s intervals, the one corrected for clustering too, inside the scale', () => {
    const WHO5: CohortDefinition = { code: 'I4', name: 'Bien-être', unit: 'score', who: 'aidants', version: 1, history: { '1': 'ffffffffffffffff' }, bounds: { min: 0, max: 100 } };
    // Two members far apart: an intraclass correlation near 1, and a corrected interval that would pass 0 unclipped.
    const mean = (member: string, m: number) => row({ member, indicator: 'I4', version: 1, definition: 'ffffffffffffffff', measure: 'moyenne', n: 40, k: '', value: m, sum: 40 * m, sumSquares: 40 * (m * m + 25) });
    const [figure] = poolCohort([WHO5], table([mean('S01', 8), mean('S02', 92)])).figures;
    expect(figure!.pooled).toMatchObject({ kind: 'mean', n: 80, value: 50 });
    const pooled = figure!.pooled as Extract<Pooled, { kind: 'mean' }>;
    expect(pooled.clustering!.deff).toBeGreaterThan(30);
    expect(pooled.adjusted).toEqual({ low: 0, high: 100 });
    const [unbounded] = poolCohort([{ ...WHO5, bounds: null }], table([mean('S01', 8), mean('S02', 92)])).figures;
    expect((unbounded!.pooled as typeof pooled).adjusted!.low).toBeLessThan(0);
  });

  it('adds totals of what adds up, and shows a median of medians only', () => {
    const rows = [row({ indicator: 'I3', version: 1, definition: 'dddddddddddddddd', measure: 'valeur', value: 120, n: '', k: '' }), row({ member: 'S02', indicator: 'I3', version: 1, definition: 'dddddddddddddddd', measure: 'valeur', value: 80, n: '', k: '' })];
    const [total] = dashboardLines(poolCohort([HOURS], table(rows)).figures, [HOURS], 2);
    expect(total!.pooled).toBe('200 personnes au total');
    expect(total!.median).toBe('100 personnes (2 structures : trop peu pour décrire l’écart entre elles)');
  });

  it('pools a change by random effects from five members, and shows fewer side by side with no pooled test', () => {
    const change = (member: string, value: number) => row({ member, indicator: 'I2', version: 1, definition: 'cccccccccccccccc', measure: 'évolution', changeKind: 'score', period: 'T1', before: 'T0', value, low: value - 6, high: value + 6, n: 30, k: '' });
    const four = poolCohort([CHANGE], table(['S01', 'S02', 'S03', 'S04'].map((m, i) => change(m, 10 + i))));
    expect(dashboardLines(four.figures, [CHANGE], 4)[0]!.pooled).toBe('Pas de mise en commun : 4 structures (il en faut 5) ; chacune avec son intervalle dans « Graphiques de cohorte »');
    // Received out of order: the chart puts them in their codes' order.
    const five = poolCohort([CHANGE], table(['S03', 'S01', 'S05', 'S02', 'S04'].map((m) => change(m, 10 + Number(m[2]) - 1))));
    const [line] = dashboardLines(five.figures, [CHANGE], 5);
    expect(line!.period).toBe('T0 → T1');
    expect(line!.pooled).toBe('+12 points de score en moyenne (effets aléatoires, 5 structures)');
    expect(line!.clustering).toMatch(/^Écart entre structures : τ² = 0, I² = 0 %/);

    // The forest plot: every member's change with its interval, the pooled one as a diamond, 0 drawn dashed.
    const [spec] = cohortCharts([CHANGE], five);
    expect(spec!.kind).toBe('forest');
    expect(spec!.table.map((r) => r[0])).toEqual(['Évolution par structure', 'S01 (n = 30)', 'S02 (n = 30)', 'S03 (n = 30)', 'S04 (n = 30)', 'S05 (n = 30)', 'Ensemble (effets aléatoires, 5 structures)']);
    const back = specFromSheetsChart('COMBO', sheetsOptions(spec!), spec!.table);
    expect(back.kind).toBe('forest');
    const layout = chartLayout(back);
    expect(layout.marks.filter((m) => m.kind === 'dot')).toHaveLength(5);
    expect(layout.marks.filter((m) => m.kind === 'polyline')).toHaveLength(1);
    expect(layout.marks.some((m) => m.kind === 'line' && m.dashed)).toBe(true);
  });

  it('reads « Agrégats reçus » as the collector wrote it, and says which members published which periods', () => {
    const pooling = poolCohort([DEF], table([row({ member: 'S02', period: '2026', receivedAt: '2026-05-01T00:00:00.000Z', ...HIDDEN }), row({ member: 'S09', indicator: 'X1' }), row({ member: '', indicator: '' })]));
    expect(pooling.figures).toHaveLength(1);
    expect(pooling.figures[0]).toMatchObject({ period: '2026', measure: 'proportion', contributing: 0, excluded: { hidden: 1 } });
    expect(pooling.unknown).toEqual(['X1']);
    expect(pooling.published).toEqual([{ member: 'S02', period: '2026', receivedAt: Date.parse('2026-05-01') }, { member: 'S09', period: 'T0', receivedAt: NaN }]);
  });
});
