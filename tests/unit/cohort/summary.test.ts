// The cohort summary for funders, from pooled figures only: no member's code, name or own figure; n beside every figure
// and, as for every outward document of the report generator, no figure from fewer than 11 people nor one whose
// complement is; a figure hidden everywhere printed « moins de 11 personnes »; no median of fewer than five members (it
// would be one member's figure); a change pooled from five members on; never an old version beside the current one;
// rendered by the report generator's renderer, every text escaped.
import { describe, expect, it } from 'vitest';
import { poolCohort, type CohortDefinition, type ReceivedTable } from '../../../shared/cohort/pooling';
import { cohortSummary } from '../../../shared/cohort/summary';
import { renderHtml } from '../../../shared/report/html';
import { MESSAGES } from '../../../shared/report/messages';
import type { ReportDocument, Text } from '../../../shared/report/model';
import { allSections, shownFigures, visibleText } from '../report/build';

const SHARE: CohortDefinition = { code: 'I1', name: 'Soutien <script>alert(1)</script>', unit: '%', who: 'aidants', version: 2, history: { '1': 'aaaaaaaaaaaaaaaa', '2': 'bbbbbbbbbbbbbbbb' } };
const CHANGE: CohortDefinition = { code: 'I2', name: 'Bien-être', unit: 'score', who: 'aidants', version: 1, history: { '1': 'cccccccccccccccc' } };
const MEMBERS = ['S01', 'S02', 'S03', 'S04', 'S05', 'S06'];
const T = 11;

type Cells = Record<string, string | number>;
const share = (over: Cells): Cells => ({ member: 'S01', indicator: 'I1', version: 2, definition: 'bbbbbbbbbbbbbbbb', period: 'T0', before: '', segment: '', measure: 'proportion', changeKind: '', suppressed: '', n: 40, k: 20, value: 50, low: 35, high: 65, ...over });
const HIDDEN = { suppressed: '< 11', n: '', k: '', value: '', low: '', high: '' };
const change = (member: string, value: number): Cells =>
  share({ member, indicator: 'I2', version: 1, definition: 'cccccccccccccccc', measure: 'évolution', changeKind: 'score', period: 'T1', before: 'T0', value, low: value - 6, high: value + 6, n: 30, k: '', improved: 18, stable: 8, worse: 4 });

function table(rows: readonly Cells[]): ReceivedTable {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { values: rows.map((r) => keys.map((k) => r[k] ?? '')), columns: new Map(keys.map((k, i) => [k, i])) };
}

function summary(rows: readonly Cells[], members = MEMBERS.length): ReportDocument {
  const pooling = poolCohort([SHARE, CHANGE], table(rows));
  return cohortSummary({ programme: 'Programme Répit 2026', cohort: 'COH-0000ABCD', date: '1 décembre 2026', members, definitions: [SHARE, CHANGE], figures: pooling.figures });
}

/** Every sentence or cell the document prints. */
function texts(doc: ReportDocument): Text[] {
  return allSections(doc).flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : b.kind === 'table' ? b.rows.flat() : b.kind === 'empty' ? [b.reason] : [])),
  );
}

const printed = (doc: ReportDocument) => texts(doc).map((t) => t.map((i) => (typeof i === 'string' ? i : i.text)).join('')).join('\n');
const html = (doc: ReportDocument) => renderHtml(doc, MESSAGES.fr);

describe('the cohort summary for funders', () => {
  const rows = [
    ...MEMBERS.map((member, i) => share({ member, k: 10 + 5 * i, n: 40 })),
    share({ member: 'S01', period: 'T1', ...HIDDEN }),
    share({ member: 'S02', period: 'T1', ...HIDDEN }),
    // S06 stayed on version 1: never beside version 2.
    share({ member: 'S06', period: 'T1', version: 1, definition: 'aaaaaaaaaaaaaaaa', k: 30, n: 35, value: 85.7 }),
    ...MEMBERS.slice(0, 5).map((member, i) => change(member, 8 + i)),
  ];
  const doc = summary(rows);
  const text = printed(doc);
  const page = visibleText(html(doc));

  it('prints the counts added across structures with n, the interval, the corrected interval and the median of five or more', () => {
    const table = doc.sections.find((s) => s.id === 'resultats')!.blocks[0]!;
    expect(table.kind).toBe('table');
    const [t0] = table.kind === 'table' ? table.rows : [];
    const k = [10, 15, 20, 25, 30, 35].reduce((a, b) => a + b, 0);
    expect(t0!.map((cell) => cell.map((i) => (typeof i === 'string' ? i : i.text)).join(''))).toEqual([
      'I1 — Soutien <script>alert(1)</script>', 'T0', '6 sur 6', `${k} aidants sur 240 (${Math.round((100 * k) / 240)} %)`, expect.stringMatching(/^\d+ à \d+ %$/),
      expect.stringMatching(/^\d+ à \d+ % \(effet de plan \d,\d\d\)$/), expect.stringMatching(/^\d+ % ; la moitié des structures entre \d+ et \d+ %$/),
    ]);
  });

  it('passes the report generator’s outward checks: every figure shown stands on 11 people or more, and so does its complement', () => {
    const figures = shownFigures(doc);
    expect(figures.map((f) => f.about)).toEqual(expect.arrayContaining(['I1 T0', 'I2 T0 → T1']));
    for (const f of figures) {
      if (f.n !== null) expect(f.n, f.about).toBeGreaterThanOrEqual(T);
      if (f.k !== undefined) expect([f.k, f.n! - f.k].every((c) => c >= T), f.about).toBe(true);
    }
    expect(doc).toMatchObject({ kind: 'cohort-summary', audience: { id: 'funders', threshold: T }, quotes: [] });
  });

  it('names no structure and prints no structure’s own figure', () => {
    for (const out of [text, page]) {
      expect(out).not.toMatch(/\bS0\d\b/);
      // S06's version-1 figure (30 of 35) appears nowhere; the old version is only said to be left out.
      expect(out).not.toContain('30 aidants sur 35');
      expect(out).toContain('Versions antérieures publiées, laissées hors de cette synthèse : I1.');
    }
  });

  it('prints a figure hidden in every structure as « moins de 11 personnes », and lists it for the Journal', () => {
    expect(text).toContain('moins de 11 personnes dans chaque structure');
    expect(page).toContain('moins de 11 personnes dans chaque structure');
    expect(doc.hidden).toEqual([{ about: 'I1 T1', reason: 'small' }]);
  });

  it('pools a change by random effects from five structures, and below five says each follows its own', () => {
    expect(text).toMatch(/I2 — Bien-être, de T0 à T1 : \+\d+(,\d)? points de score en moyenne \(de \+[\d,]+ à \+[\d,]+\), estimation à effets aléatoires sur 5 structures/);
    expect(text).toContain('90 aidants sur 150 suivis ont progressé (60 %)');
    const four = printed(summary(MEMBERS.slice(0, 4).map((m, i) => change(m, 8 + i))));
    expect(four).toContain('I2 — Bien-être, de T0 à T1 : 4 structures : trop peu pour une estimation commune (il en faut 5), chacune suit sa propre évolution');
    expect(four).not.toContain('effets aléatoires sur');
    // One structure's figure is its own: not given as the cohort's.
    const single = summary([share({ member: 'S01', k: 25, n: 40 }), share({ member: 'S02', ...HIDDEN })]);
    expect(printed(single)).toContain('une seule structure : pas de chiffre de cohorte');
    expect(visibleText(html(single))).not.toContain('25 aidants sur 40');
    // Fewer than five structures: no median (it would be one structure’s own figure).
    expect(printed(summary(MEMBERS.slice(0, 3).map((member) => share({ member }))))).toContain('trop peu de structures (3) pour une médiane');
  });

  it('is rendered by the report generator as one self-contained French HTML file, every text escaped', () => {
    const file = html(doc);
    expect(file).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(file).not.toContain('<script>');
    expect(file).toContain('Soutien &lt;script&gt;alert(1)&lt;/script&gt;');
    // Nothing loaded from elsewhere: the only links are the contents' to its own sections.
    expect(file).not.toMatch(/\b(src|href)="(?!#)/);
    expect(page).toContain('Destinataires : financeurs');
    expect(page).toContain('Périodes : T0, T1 · 1 décembre 2026');
  });

  it('says so when nothing was published yet', () => {
    const empty = summary([]);
    expect(printed(empty)).toContain('Aucune structure n’a encore publié de chiffre des indicateurs partagés.');
    expect(visibleText(html(empty))).toContain('Aucune période publiée');
  });
});
