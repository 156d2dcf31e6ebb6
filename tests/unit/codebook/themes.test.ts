// Themes and counts: the codebook (outcomes, then their themes), distinct people who raise a theme, the quote rule.
import { describe, expect, it } from 'vitest';
import { Codebook, countPersons } from '../../../shared/codebook/codebook';
import type { ObservationRow } from '../../../shared/indicators/model';
import { computeIndicators } from '../../../shared/indicators/compute';
import { rowFigureText } from '../../../shared/indicators/text';
import { outwardFigures } from '../../../shared/outward/gate';
import { quoteRuleText, selectQuotes, type QuoteCandidate } from '../../../shared/outward/quotes';
import type { Outcome, Theme } from '../../../shared/registry/model';
import { validateRegistry, type TabRows } from '../../../shared/registry/validate';
import { indicator, input } from '../indicators/build';

const outcomes: Outcome[] = [
  { id: 'C1', stakeholder: 'aidants', change: 'Les aidants se sentent moins seuls', level: 'outcome', guid: '', row: 2 },
  { id: 'C2', stakeholder: 'aidants', change: 'Les aidants prennent du répit', level: 'outcome', guid: '', row: 3 },
];
const theme = (id: string, outcome: string, label: string): Theme => ({ id, outcome, label, description: '', colour: '', guid: '', row: 2 });
const themes = [theme('T1', 'C1', 'Rompre l’isolement'), theme('T2', 'C1', 'Parler à d’autres aidants'), theme('T3', 'C2', 'Souffler')];
const codebook = new Codebook(outcomes, themes);

let n = 0;
function obs(personId: string | null, tags: string[], date = '2026-03-10', over: Partial<ObservationRow> = {}): ObservationRow {
  n++;
  return { id: `o${n}`, date, tags, consent: 'obtenu', scope: 'financeurs', personId, ...over };
}

describe('the codebook', () => {
  it('lists each outcome followed by its themes', () => {
    expect(codebook.codes.map((c) => c.id)).toEqual(['C1', 'T1', 'T2', 'C2', 'T3']);
  });

  it('reads a tag by id or label, whatever the case and accents', () => {
    expect(codebook.codeOf('t1')?.id).toBe('T1');
    expect(codebook.codeOf('ROMPRE L’ISOLEMENT')?.id).toBe('T1');
    expect(codebook.codeOf("rompre l'isolement")?.id).toBe('T1');
    expect(codebook.codeOf('ailleurs')).toBeNull();
  });

  it('an outcome is carried by its themes; a theme only by itself; a free word by the same word', () => {
    expect(codebook.matcher(['C1'])(['Parler à d’autres aidants'])).toBe(true);
    expect(codebook.matcher(['T1'])(['T2'])).toBe(false);
    expect(codebook.matcher(['T1'])(['C1'])).toBe(false);
    expect(codebook.matcher(['transport'])(['Transport'])).toBe(true);
  });
});

describe('distinct people who raise a theme', () => {
  it('counts the same person quoted three times once', () => {
    const mentions = [obs('P-1', ['T1']), obs('P-1', ['T1']), obs('p-1', ['T1', 'T3']), obs('P-2', ['T3'])];
    expect(countPersons(mentions, codebook.matcher(['T1']))).toEqual({ k: 1, n: 2, withoutPerson: 0, observations: 3 });
  });

  it('says « 8 personnes sur 14 rencontrées » in the value, the dashboard figure and the computation text', () => {
    const raising = Array.from({ length: 8 }, (_, i) => [obs(`P-${i}`, ['T1']), obs(`P-${i}`, ['Rompre l’isolement'])]).flat();
    const others = Array.from({ length: 6 }, (_, i) => obs(`Q-${i}`, ['T3']));
    const result = computeIndicators(input({
      outcomes, themes,
      indicators: [indicator({ method: 'persons', source: { type: 'observations', tags: ['T1'] }, unit: 'personnes', granularity: 'year', minN: 5 })],
      observations: [...raising, ...others, obs(null, ['T1'])],
    }));
    const row = result.values[0]!;
    expect(row).toMatchObject({ period: '2026', value: 8, n: 14, suppressed: false, detail: { k: 8, persons: { k: 8, n: 14 } } });
    expect(rowFigureText(row, 'personnes', 'fr')).toBe('8 personnes sur 14 rencontrées');
    expect(row.methodText).toBe('8 personnes sur 14 rencontrées évoquent « Rompre l’isolement » (17 observations de la période ; une personne citée plusieurs fois compte une fois).');
    expect(row.flags.map((f) => f.message)).toEqual(['1 observation de la période sans code personne, non comptée : ajoutez le code de la personne (colonne « Personne » de l\'onglet Observations).']);
    // 8 and 14 − 8 = 6 are under 11: nothing of it leaves for funders.
    expect(outwardFigures(result.values, 'funders').figures[0]).toMatchObject({ hidden: true, note: 'moins de 11 personnes', value: null });
    expect(outwardFigures(result.values, 'team').figures[0]).toMatchObject({ hidden: false, value: 8, detail: { persons: { k: 8, n: 14 } } });
  });

  it('hides a figure on fewer than 5 people met, and gives a share with its interval when the unit is %', () => {
    const few = computeIndicators(input({ outcomes, themes, indicators: [indicator({ method: 'persons', source: { type: 'observations', tags: ['C1'] }, unit: '%', granularity: 'year' })], observations: [obs('A1', ['T2']), obs('A2', ['T3'])] }));
    expect(few.values[0]).toMatchObject({ suppressed: true, n: 2, detail: { intervalWithheld: true } });
    const many = Array.from({ length: 30 }, (_, i) => obs(`B${i}`, i < 12 ? ['T2'] : ['T3']));
    const share = computeIndicators(input({ outcomes, themes, indicators: [indicator({ method: 'persons', source: { type: 'observations', tags: ['C1'] }, unit: '%', granularity: 'year' })], observations: many })).values[0]!;
    expect(share.value).toBeCloseTo(40, 9);
    expect(share.low).toBeGreaterThan(0);
    expect(share.high).toBeLessThan(100);
    expect(rowFigureText(share, '%', 'fr')).toBe('40 % (12 personnes sur 30 rencontrées)');
    // 12 and 18 clear 11: it may leave.
    expect(outwardFigures([share], 'funders').figures[0]!.hidden).toBe(false);
  });

  it('counts per period', () => {
    const rows = computeIndicators(input({
      outcomes, themes,
      indicators: [indicator({ method: 'persons', source: { type: 'observations', tags: ['T3'] }, unit: 'personnes', granularity: 'quarter' })],
      observations: [obs('A1', ['T3'], '2026-01-05'), obs('A1', ['T3'], '2026-02-05'), obs('A2', ['T1'], '2026-02-06'), obs('A1', ['T3'], '2026-04-01')],
    })).values;
    expect(rows.map((r) => [r.period, r.value, r.n])).toEqual([['2026-T1', 1, 2], ['2026-T2', 1, 1]]);
  });
});

function tab(name: string, columns: string[], rows: Array<Record<string, unknown>>): TabRows {
  return { tab: name, sheetId: 1, columns: Object.fromEntries(columns.map((c, i) => [c, String.fromCharCode(65 + i)])), rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

describe('the « Thèmes » tab', () => {
  it('reads themes and says what is wrong, cell by cell', () => {
    const snapshot = {
      lang: 'fr' as const,
      outcomes: tab('Changements', ['id', 'change', 'guid'], [{ id: 'C1', change: 'Moins seuls', guid: '{a1b2c3d4-0000-4000-8000-000000000001}' }]),
      themes: tab('Thèmes', ['id', 'outcome', 'label', 'description', 'colour', 'guid'], [
        { id: 'T1', outcome: 'c1', label: 'Isolement', colour: '1e88e5' },
        { id: 'T2', outcome: 'C9', label: 'Ailleurs' },
        { id: 'C1', outcome: 'C1', label: 'Doublon' },
        { id: 'T3', outcome: 'C1', label: 'Couleur', colour: 'bleu', guid: 'pas-un-guid' },
      ]),
    };
    const { registry, problems } = validateRegistry(snapshot);
    expect(registry.outcomes[0]!.guid).toBe('A1B2C3D4-0000-4000-8000-000000000001');
    expect(registry.themes.map((t) => [t.id, t.outcome, t.colour, t.guid])).toEqual([['T1', 'C1', '#1E88E5', ''], ['T3', 'C1', '', '']]);
    expect(problems.map((p) => p.message)).toEqual([
      'Thèmes!B3 : changement « C9 » absent de l’onglet Changements. Choisissez un identifiant existant dans la liste.',
      'Thèmes!A4 : identifiant « C1 » déjà pris par un changement visé : un thème et un changement ne peuvent porter le même code. Choisissez-en un autre (ex. T1).',
      'Thèmes!E5 : couleur « bleu » illisible : écrivez-la en #RRVVBB (ex. #1E88E5), ou videz la cellule.',
      'Thèmes!F5 : identifiant d’échange « pas-un-guid » illisible : videz la cellule, Repère en donnera un nouveau au prochain export (les logiciels d’analyse qualitative verront un nouveau code).',
    ]);
  });

  it('asks a « personnes distinctes » indicator for its themes and warns of one the codebook does not know', () => {
    const snapshot = {
      lang: 'fr' as const,
      outcomes: tab('Changements', ['id', 'change'], [{ id: 'C1', change: 'Moins seuls' }]),
      indicators: tab('Indicateurs', ['code', 'name', 'outcome', 'method', 'tags'], [
        { code: 'I1', name: 'Évoquent', outcome: 'C1', method: 'personnes distinctes qui évoquent le thème', tags: '' },
        { code: 'I2', name: 'Évoquent', outcome: 'C1', method: 'personnes distinctes qui évoquent le thème', tags: 'C1, transport' },
      ]),
    };
    const { registry, problems } = validateRegistry(snapshot);
    expect(problems.map((p) => `${p.severity} ${p.message}`)).toEqual([
      'error Indicateurs!E2 : indiquez le ou les thèmes dont on compte les personnes qui les évoquent (identifiants de l’onglet Thèmes, ou d’un changement), séparés par des virgules.',
      'warning Indicateurs!E3 : thème « transport » absent des onglets Thèmes et Changements : seules les observations étiquetées exactement ainsi compteront.',
    ]);
    expect(registry.indicators.map((i) => [i.code, i.method, i.source, i.minN])).toEqual([['I2', 'persons', { type: 'observations', tags: ['C1', 'transport'] }, 5]]);
  });
});

describe('the quote rule', () => {
  const quote = (id: string, over: Partial<QuoteCandidate>): QuoteCandidate => ({
    id, kind: 'citation', text: `Citation ${id}`, date: '2026-01-01', tags: ['T1'], consent: 'obtenu', scope: 'financeurs', toQuote: false, personId: null, ...over,
  });

  it('takes consented quotes whose usage covers the audience, marked ones first, then the most recent, one per person', () => {
    const candidates = [
      quote('old', { date: '2025-05-01' }),
      quote('new', { date: '2026-04-01' }),
      quote('marked', { date: '2024-01-01', toQuote: true }),
      quote('no-consent', { consent: null, date: '2027-01-01' }),
      quote('internal', { scope: 'interne', date: '2027-01-01' }),
      quote('refused', { consent: 'non obtenu', date: '2027-01-01' }),
      quote('same-person-a', { personId: 'P-9', date: '2026-03-01' }),
      quote('same-person-b', { personId: 'p-9', date: '2026-03-02' }),
      quote('note', { kind: 'observation', date: '2027-01-01' }),
      quote('other-theme', { tags: ['T3'], date: '2026-01-02' }),
      quote('outcome', { tags: ['C1'] }),
    ];
    const chosen = selectQuotes(candidates, codebook, 'funders');
    expect(chosen.map((t) => [t.code.id, t.quotes.map((q) => q.id), t.available])).toEqual([
      ['C1', ['outcome'], 1],
      ['T1', ['marked', 'new', 'same-person-b'], 5],
      ['T3', ['other-theme'], 1],
    ]);
    // A cohort receives aggregates only, never quotes.
    expect(selectQuotes(candidates, codebook, 'cohort')).toEqual([]);
    expect(quoteRuleText()).toContain('d’abord celles que l’équipe a marquées « à citer », puis les plus récentes');
  });
});
