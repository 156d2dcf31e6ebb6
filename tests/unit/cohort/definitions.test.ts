// The cohort's shared set and its bookkeeping, as plain functions: invitation codes, fingerprints and versions, the
// member's adoption plan, where a publication's rows go at the coordinator, and who is late.
import { describe, expect, it } from 'vitest';
import { planAdoption } from '../../../shared/cohort/adopt';
import { definitionFingerprint, nextVersions, withVersions } from '../../../shared/cohort/definition';
import { formatInvitationCode, nextMemberCode, parseInvitationCode } from '../../../shared/cohort/invitation';
import { memberStandings } from '../../../shared/cohort/members';
import type { SharedSet } from '../../../shared/cohort/protocol';
import type { Publication, PublishedRow } from '../../../shared/cohort/publication';
import { receivePlan } from '../../../shared/cohort/receive';
import { parseCondition } from '../../../shared/registry/condition';
import { indicator, question } from '../indicators/build';

const SECRET = 'a'.repeat(64);

describe('the invitation code', () => {
  it('reads back what it holds, and refuses anything else with a French message', () => {
    const code = formatInvitationCode({ collector: 'https://script.google.com/macros/s/X/exec', cohortId: 'COH-0A1B2C3D', secret: SECRET });
    expect(parseInvitationCode(`  ${code}\n`)).toEqual({ ok: true, value: { collector: 'https://script.google.com/macros/s/X/exec', cohortId: 'COH-0A1B2C3D', secret: SECRET } });
    for (const bad of ['', 'repere1:abc@https://x', code.replace('COH-', 'COX-'), code.replace(SECRET, 'zz'), code.replace('https://', 'ftp://')]) {
      expect(parseInvitationCode(bad)).toMatchObject({ ok: false, message: expect.stringMatching(/^Ce code d’invitation n’est pas reconnu/) });
    }
  });

  it('gives each member the next free code', () => {
    expect(nextMemberCode([])).toBe('S01');
    expect(nextMemberCode(['S01', 's02', 'S04'])).toBe('S03');
  });
});

describe('a definition’s version', () => {
  const questions = [question('q')];
  const base = indicator({ method: 'proportion', condition: (parseCondition('≥ 3') as { ok: true; condition: never }).condition });

  it('changes its fingerprint when what it counts changes, not when it is renamed', () => {
    const print = definitionFingerprint(base, questions);
    expect(definitionFingerprint({ ...base, name: 'Autre nom', code: 'X9', targets: [{ period: '2026', value: 50 }] }, questions)).toBe(print);
    expect(definitionFingerprint({ ...base, condition: (parseCondition('≥ 4') as { ok: true; condition: never }).condition }, questions)).not.toBe(print);
    expect(definitionFingerprint(base, [question('q', { label: 'Autre formulation' })])).not.toBe(print);
    expect(definitionFingerprint({ ...base, granularity: 'year' }, questions)).not.toBe(print);
  });

  it('starts at 1, goes up by one when the definition changed, and keeps the fingerprint of every version', () => {
    const versions = nextVersions([
      { row: 2, code: 'I1', version: null, fingerprint: '', current: 'aaaa' },
      { row: 3, code: 'I2', version: 1, fingerprint: 'bbbb', current: 'bbbb' },
      { row: 4, code: 'I3', version: 2, fingerprint: 'cccc', current: 'dddd' },
    ]);
    expect(versions).toEqual([
      { row: 2, code: 'I1', version: 1, fingerprint: 'aaaa', changed: true },
      { row: 3, code: 'I2', version: 1, fingerprint: 'bbbb', changed: false },
      { row: 4, code: 'I3', version: 3, fingerprint: 'dddd', changed: true },
    ]);
    expect(withVersions({ I3: { '2': 'cccc' } }, versions)).toEqual({ I1: { '1': 'aaaa' }, I2: { '1': 'bbbb' }, I3: { '2': 'cccc', '3': 'dddd' } });
  });
});

describe('adopting the shared set', () => {
  const set: SharedSet = {
    id: 'COH-0A1B2C3D', name: 'Programme', setVersion: 3, member: 'S02',
    outcomes: [{ id: 'C1', stakeholder: 'aidants', change: 'Répit', level: 'résultat' }],
    surveys: [{ id: 'E1', name: 'Suivi' }],
    questions: [{ survey: 'E1', key: 'q', label: 'Vous sentez-vous soutenu ?', type: 'échelle', levels: 'Non | Oui', scale: '', reversed: '', waves: '' }],
    indicators: [
      { version: 2, fingerprint: '1111111111111111', cells: { code: 'I1', name: 'Soutien', outcome: 'C1', method: 'proportion', kind: 'quantitatif', condition: 'in [« Oui »]' } },
      { version: 1, fingerprint: '2222222222222222', cells: { code: 'I2', name: 'Autre', outcome: 'C1', method: 'moyenne', kind: 'quantitatif' } },
    ],
  };
  const rows = (cells: Array<Record<string, unknown>>) => ({ tab: 'T', sheetId: 1, columns: {}, rows: cells.map((c, i) => ({ row: i + 2, cells: c })) });

  it('adds what is missing, translated into the registry’s language, with the cohort’s id and version', () => {
    const plan = planAdoption(set, {}, new Map(), 'en');
    expect(plan.appends.outcomes).toEqual([{ id: 'C1', stakeholder: 'carers', change: 'Répit', level: 'outcome' }]);
    expect(plan.appends.indicators[0]).toMatchObject({ code: 'I1', method: 'proportion', kind: 'quantitative', cohortCode: 'I1', cohort: 'COH-0A1B2C3D', cohortVersion: 2 });
    expect(plan.adopted).toEqual({ I1: { code: 'I1', version: 2, fingerprint: '1111111111111111' }, I2: { code: 'I2', version: 1, fingerprint: '2222222222222222' } });
  });

  it('links a local copy of the same definition, adds the shared one beside a different local one, and updates what it adopted before', () => {
    const member = {
      indicators: rows([
        { code: 'I1', method: 'proportion', cohort: '' },
        { code: 'I2', method: 'somme', cohort: '' },
        { code: 'X1', method: 'moyenne', cohort: 'COH-0A1B2C3D', cohortCode: 'I9' },
      ]),
      questions: rows([{ survey: 'E1', key: 'q', label: 'Ancienne formulation', type: 'échelle', levels: 'Non | Oui' }]),
      outcomes: rows([{ id: 'C1', change: 'Le nôtre' }]),
    };
    const plan = planAdoption(set, member, new Map([[2, '1111111111111111'], [3, 'ffffffffffffffff']]), 'fr');
    expect(plan.updates.indicators).toEqual([{ row: 2, cells: { cohortCode: 'I1', cohort: 'COH-0A1B2C3D', cohortVersion: 2 } }]);
    expect(plan.appends.indicators.map((r) => r['code'])).toEqual(['I2-C']);
    expect(plan.updates.questions).toEqual([{ row: 2, cells: { label: 'Vous sentez-vous soutenu ?' } }]);
    expect(plan.appends.outcomes).toEqual([]);
    expect(plan.counts).toMatchObject({ added: 1, linked: 1, updated: 0, questionsUpdated: 1 });
  });
});

describe('where a publication’s rows go', () => {
  const row = (period: string): PublishedRow => ({
    indicator: 'I1', version: 1, definition: '1111111111111111', period, before: null, segment: null, measure: 'proportion', changeKind: null, hidden: false,
    n: 20, k: 11, value: 55, low: 1, high: 2, sum: null, sumSquares: null, distribution: null, improved: null, stable: null, worse: null, proxyShare: null, responseRate: null,
  });
  const publication = (id: string, at: string, periods: string[]): Publication => ({
    format: 'repere.cohorte.publication', id: id.repeat(64), cohort: 'COH-0A1B2C3D', generatedAt: at, audience: 'cohorte', threshold: 11, rows: periods.map(row),
  });
  const stored = [
    { row: 2, member: 'S01', period: 'T0', publication: 'a'.repeat(64), generatedAt: Date.parse('2026-03-01T00:00:00Z') },
    { row: 3, member: 'S01', period: 'T1', publication: 'b'.repeat(64), generatedAt: Date.parse('2026-09-01T00:00:00Z') },
    { row: 4, member: 'S02', period: 'T0', publication: 'c'.repeat(64), generatedAt: Date.parse('2026-03-02T00:00:00Z') },
  ];

  it('replaces the member’s rows of the periods it covers, and nobody else’s', () => {
    expect(receivePlan(stored, 'S01', publication('d', '2026-04-01T00:00:00Z', ['T0']))).toEqual({ duplicate: false, replaced: [2], keptNewer: [], rows: [row('T0')] });
  });

  it('writes nothing for a publication already there, and never lets an older one overwrite a newer one', () => {
    expect(receivePlan(stored, 'S01', publication('b', '2026-09-01T00:00:00Z', ['T1']))).toMatchObject({ duplicate: true, rows: [] });
    expect(receivePlan(stored, 'S01', publication('e', '2026-05-01T00:00:00Z', ['T0', 'T1']))).toEqual({ duplicate: false, replaced: [2], keptNewer: ['T1'], rows: [row('T0')] });
  });
});

describe('who is late', () => {
  it('names the periods other members published and this one not yet', () => {
    const standings = memberStandings(
      [{ code: 'S01', active: true, joined: true }, { code: 'S02', active: true, joined: true }, { code: 'S03', active: true, joined: false }, { code: 'S04', active: false, joined: true }],
      [{ member: 'S01', period: '2026-T1', receivedAt: 1 }, { member: 'S01', period: '2026-T2', receivedAt: 5 }, { member: 'S02', period: '2026-T1', receivedAt: 2 }],
    );
    expect(standings.map((s) => [s.code, s.status, s.late.join(','), s.lastPublication])).toEqual([
      ['S01', 'upToDate', '', 5],
      ['S02', 'late', '2026-T2', 2],
      ['S03', 'invited', '2026-T1,2026-T2', null],
      ['S04', 'revoked', '', null],
    ]);
  });
});
