// The coordinator's dashboard through the built bundle, from six member registries that published their suppressed
// aggregates (tests/fixtures/cohort): counts added, never averages of averages; the members' median apart; clustering
// stated; a before/after change pooled by random effects from five members on, side by side below; who is late; and
// a definition changed by the coordinator never pooled with the old one, with the reason said.
import { beforeAll, describe, expect, it } from 'vitest';
import { cohort, importFile, records, type Cohort } from './cohort-helpers';
import { succeeded, type TestRegistry } from './runtime';

const MEMBERS = ['S01', 'S02', 'S03', 'S04', 'S05', 'S06'];
let c: Cohort;
const members = new Map<string, TestRegistry>();

async function join(code: string, waves: readonly string[]): Promise<TestRegistry> {
  const member = c.member(`Structure ${code}`);
  succeeded(member.run('configureRegistry', { lang: 'fr' }));
  succeeded(member.run('joinCohort', c.invite(`Structure ${code}`)));
  for (const wave of waves) await importFile(member, `tests/fixtures/cohort/${code.toLowerCase()}-${wave.toLowerCase()}.csv`, wave);
  return member;
}

function publish(member: TestRegistry) {
  return succeeded(member.run('sendPublication', succeeded(member.run('previewPublication')).id));
}

const line = (indicator: string, period: string, segment = '', version?: number) =>
  records(c.coordinator, 'cohortDashboard').find((r) => String(r['Indicateur']).startsWith(`${indicator} — `) && r['Période'] === period && r['Groupe'] === segment && (version === undefined || r['Version'] === version))!;

beforeAll(async () => {
  c = cohort();
  for (const code of MEMBERS) {
    // S06 has not sent its follow-up yet.
    const member = await join(code, code === 'S06' ? ['T0'] : ['T0', 'T1']);
    members.set(code, member);
    publish(member);
  }
  succeeded(c.coordinator.run('computeRegistry'));
}, 120_000);

describe('the cohort dashboard', () => {
  it('adds the members’ counts for a proportion, and takes the median of their figures apart', () => {
    const received = records(c.coordinator, 'receivedAggregates').filter((r) => r['Indicateur'] === 'I5' && r['Période'] === 'T0' && r['Groupe'] === '' && r['Masqué'] === '');
    expect(received.length).toBeGreaterThanOrEqual(4);
    const k = received.reduce((s, r) => s + Number(r['k']), 0);
    const n = received.reduce((s, r) => s + Number(r['n']), 0);
    const i5 = line('I5', 'T0');
    expect(i5['Structures']).toBe(`${received.length} sur 6`);
    expect(i5['n']).toBe(n);
    expect(i5['Ensemble des personnes']).toBe(`${k} aidants sur ${n} (${Math.round((100 * k) / n)} %)`);
    expect(String(i5['Intervalle (IC 95 %)'])).toMatch(/^\d+ à \d+ %$/);
    expect(String(i5['Médiane des structures'])).toMatch(/^\d+ % ; la moitié des structures entre \d+ et \d+ % \(\d structures\)$/);
    expect(String(i5['Effet de grappe'])).toMatch(/^ICC \d,\d+, effet de plan \d,\d+ : les \d+ personnes comptent comme \d+ indépendantes ; intervalle corrigé \d+ à \d+ %\.$/);
    expect(String(i5['Non mis en commun'])).toBe(`${6 - received.length} structures à moins de 11 personnes (« < 11 ») : non comptées`);
    expect(String(i5['Calcul'])).toContain('Σk / Σn');
    // A median does not add up: the members' median only.
    expect(line('I4', 'T0')['Ensemble des personnes']).toBe('Une médiane ne s’additionne pas : voir la médiane des structures.');
  });

  it('pools a before/after change by random effects from five members, and draws it as a forest plot', () => {
    const i12 = line('I12', 'T0 → T1');
    expect(String(i12['Ensemble des personnes'])).toMatch(/^\+\d+(,\d)? points de score en moyenne \(effets aléatoires, 5 structures\)/);
    expect(String(i12['Effet de grappe'])).toMatch(/^Écart entre structures : τ² = [\d,]+, I² = \d+ %/);
    const charts = c.coordinator.model.sheets.find((s) => s.name === 'Graphiques de cohorte')!;
    const forest = charts.charts.find((chart) => String(chart.options['title']).startsWith('I12 — '))!;
    expect(forest).toBeDefined();
    const cell = (row: number, col: number) => charts.cells[row - 1]?.[col - 1]?.v;
    const start = Number(/^[A-Z]+(\d+)/.exec(forest.ranges[0]!)![1]);
    expect(cell(start, 1)).toBe('Évolution par structure');
    const labels = Array.from({ length: 7 }, (_, i) => String(cell(start + 1 + i, 1)));
    expect(labels.slice(0, 5).every((l, i) => l.startsWith(`S0${i + 1} (n = `))).toBe(true);
    expect(labels[5]).toBe('Ensemble (effets aléatoires, 5 structures)');
  });

  it('shows every member under its code, in code order, never ranked; a hidden figure reads « < 11 »', () => {
    const charts = c.coordinator.model.sheets.find((s) => s.name === 'Graphiques de cohorte')!;
    const texts = charts.cells.map((row) => String(row?.[0]?.v ?? ''));
    expect(texts.some((t) => /^S0\d : < 11$/.test(t))).toBe(true);
    // Each chart's members in code order, whatever their figures.
    const tables = texts.join('\n').split(/\n(?=Structure\n|Évolution par structure\n)/).map((block) => block.split('\n').filter((t) => /^S0\d/.test(t)).map((t) => t.slice(0, 3)));
    for (const codes of tables) expect(codes).toEqual([...codes].sort());
    expect(JSON.stringify(charts.cells)).not.toContain('Structure S0');
    const dashboard = JSON.stringify(records(c.coordinator, 'cohortDashboard'));
    expect(dashboard).not.toContain('Structure S0');
  });

  it('says who is late, for which period', () => {
    const s06 = records(c.coordinator, 'members').find((m) => m['Code'] === 'S06')!;
    expect(s06).toMatchObject({ Statut: 'en retard', 'Périodes publiées': 'T0', 'À relancer pour': 'T1' });
    expect(records(c.coordinator, 'members').filter((m) => m['Statut'] === 'à jour').map((m) => m['Code'])).toEqual(['S01', 'S02', 'S03', 'S04', 'S05']);
  });

  it('never pools two versions of a definition: a member still on the old one is set aside, and the line says why', () => {
    // The coordinator changes I13's condition: its version goes up at the next reading of the set.
    const shared = c.coordinator.model.sheets.find((s) => s.name === 'Indicateurs partagés')!;
    const header = shared.cells[0]!.map((cell) => String(cell?.v ?? ''));
    const row = shared.cells.findIndex((r) => r?.[header.indexOf('Code')]?.v === 'I13');
    shared.cells[row]![header.indexOf('Condition')]!.v = 'in [« Tout à fait »]';
    succeeded(c.coordinator.run('computeRegistry'));
    expect(records(c.coordinator, 'sharedIndicators').find((r) => r['Code'] === 'I13')!['Version']).toBe(2);
    // S02 to S05 take the new definition and publish again; S01 publishes without joining again.
    for (const code of ['S02', 'S03', 'S04', 'S05']) {
      const member = members.get(code)!;
      succeeded(member.run('joinCohort', c.invite(`Structure ${code}`)));
      publish(member);
    }
    publish(members.get('S01')!);
    succeeded(c.coordinator.run('computeRegistry'));
    const current = line('I13', 'T1', '', 2);
    expect(current['Structures']).toMatch(/^[0-4] sur 6$/);
    expect(String(current['Non mis en commun'])).toContain('S01 a publié la version 1 : pas mise en commun avec la version 2 (voir sa ligne)');
    const old = line('I13', 'T1', '', 1);
    expect(String(old['Calcul'])).toMatch(/^Ancienne version \(en cours : 2\)\./);
    expect(String(old['Non mis en commun'])).toMatch(/a publié la version 2 : pas mise en commun avec la version 1/);
  });

  it('names the structures only when the coordinator chooses to, for a table shared with the members themselves', () => {
    const chartsText = () => JSON.stringify(c.coordinator.model.sheets.find((s) => s.name === 'Graphiques de cohorte')!.cells);
    succeeded(c.coordinator.run('setCohortNamesShown', true));
    expect(chartsText()).toMatch(/Structure S01 \(n = \d+\)/);
    expect(JSON.stringify(records(c.coordinator, 'cohortDashboard'))).toContain('Structure S01 a publié la version 1');
    expect(c.coordinator.run('getCohortState')).toMatchObject({ coordinator: { showNames: true } });
    succeeded(c.coordinator.run('setCohortNamesShown', false));
    expect(chartsText()).not.toContain('Structure S0');
    expect(JSON.stringify(records(c.coordinator, 'cohortDashboard'))).toContain('S01 a publié la version 1');
    expect(JSON.stringify(records(c.coordinator, 'cohortDashboard'))).not.toContain('Structure S0');
  });
});
