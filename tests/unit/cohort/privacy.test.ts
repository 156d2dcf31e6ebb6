// What leaves a member for its cohort, by properties: for random member data run through the real indicator engine,
// no published row carries a value from fewer than 11 people (n, k and its complement, a distribution's counts, a
// progressed / stable / worse split, a qualifying share), no hidden group can be recomputed from the total and the
// others, and the coordinator's own checks accept it. The schema refuses any field able to carry an answer, a person
// id, a name or a text longer than a label.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionFingerprint } from '../../../shared/cohort/definition';
import { Publication, type PublishedRow } from '../../../shared/cohort/publication';
import { buildPublication } from '../../../shared/cohort/publish';
import { privacyProblems } from '../../../shared/cohort/receive';
import { computeIndicators } from '../../../shared/indicators/compute';
import type { AnswerRow } from '../../../shared/indicators/model';
import type { Question } from '../../../shared/registry/model';
import { parseCondition } from '../../../shared/registry/condition';
import { AGREE, indicator, input, question, survey } from '../indicators/build';

const QUESTIONS: Question[] = [
  question('q'),
  question('lien', { type: 'single', levels: ['Conjoint', 'Enfant', 'Autre'] }),
  question('age', { type: 'single', levels: ['Moins de 65 ans', '65 ans et plus'] }),
  question('score', { type: 'number', levels: [] }),
  question('interv', { type: 'text', levels: [] }),
];
const condition = (text: string) => (parseCondition(text) as { ok: true; condition: NonNullable<ReturnType<typeof indicator>['condition']> }).condition;
const INDICATORS = [
  indicator({ code: 'I1', method: 'proportion', condition: condition('≥ 3'), disaggregation: ['lien', 'age'], minN: 11 }),
  indicator({ code: 'I2', method: 'mean', source: { type: 'survey', survey: 'E1', questions: ['score'] }, unit: 'score', disaggregation: ['age'] }),
  indicator({ code: 'I3', method: 'median', disaggregation: ['lien'] }),
  indicator({ code: 'I4', method: 'change', disaggregation: [] }),
  indicator({ code: 'I5', method: 'count', condition: condition('in [« Plutôt d\'accord », « Tout à fait d\'accord »]'), disaggregation: ['lien', 'interv'] }),
];

interface Person {
  lien: number;
  age: number;
  answers: Array<number | null>;
  score: number;
  proxy: boolean;
  twice: boolean;
}

const person = fc.record({
  lien: fc.integer({ min: 0, max: 2 }),
  age: fc.integer({ min: 0, max: 1 }),
  answers: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { freq: 8 }), { minLength: 2, maxLength: 2 }),
  score: fc.integer({ min: 0, max: 10 }),
  proxy: fc.boolean().map((b) => b && Math.random() < 0.3),
  twice: fc.boolean(),
});

function answersOf(people: readonly Person[]): AnswerRow[] {
  const rows: AnswerRow[] = [];
  people.forEach((p, i) => {
    for (const [w, wave] of (['T0', 'T1'] as const).entries()) {
      if (w === 1 && !p.twice) continue;
      const level = p.answers[w];
      rows.push({
        responseId: `r${i}-${wave}`, wave, date: '2026-03-01', respondentType: p.proxy ? 'proxy' : 'self', mode: null, interviewer: null, personId: `P${i}`,
        answers: { q: level === null || level === undefined ? null : AGREE[level]!, lien: QUESTIONS[1]!.levels[p.lien]!, age: QUESTIONS[2]!.levels[p.age]!, score: p.score + w, interv: `Enquêteur ${i % 3}` },
        segments: {},
      });
    }
  });
  return rows;
}

function publish(people: readonly Person[], invited: number | null) {
  const result = computeIndicators(input({ indicators: INDICATORS, questions: QUESTIONS, surveys: [survey({ invited })], answers: [{ survey: 'E1', rows: answersOf(people) }] }));
  const adopted = INDICATORS.map((i) => ({ indicator: i, sharedCode: `C-${i.code}`, version: 2, fingerprint: definitionFingerprint(i, QUESTIONS) }));
  return { result, draft: buildPublication({ cohort: 'COH-0A1B2C3D', adopted, values: result.values, surveyChecks: result.surveyChecks, questions: QUESTIONS, generatedAt: '2026-06-01T10:00:00.000Z' }) };
}

const clear = (count: number, whole: number) => count >= 11 && whole - count >= 11;
const group = (r: PublishedRow) => `${r.indicator}\u0000${r.version}\u0000${r.period}`;

describe('what a member publishes', () => {
  it('never carries a value from fewer than 11 people, nor a hidden group derivable from the others', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 0, maxLength: 90 }), fc.option(fc.integer({ min: 0, max: 150 })), (people, invited) => {
        const { result, draft } = publish(people, invited);
        const publication = draft.publication;
        expect(Publication.safeParse(publication).success).toBe(true);
        expect(privacyProblems(publication)).toEqual([]);
        for (const r of publication.rows) {
          if (r.hidden) {
            expect([r.n, r.k, r.value, r.low, r.high, r.sum, r.sumSquares, r.distribution, r.improved, r.stable, r.worse].every((x) => x === null)).toBe(true);
            continue;
          }
          expect(r.n).toBeGreaterThanOrEqual(11);
          if (r.k !== null) expect(clear(r.k, r.n!)).toBe(true);
          for (const count of r.distribution ?? []) expect(clear(count, r.n!)).toBe(true);
          if (r.changeKind === 'ordinal' || r.improved !== null) for (const count of [r.improved, r.stable, r.worse]) if (count !== null) expect(clear(count, r.n!)).toBe(true);
          if (r.changeKind === 'ordinal') expect(r.value === null || clear(Math.round((r.value * r.n!) / 100), r.n!)).toBe(true);
        }
        for (const check of result.surveyChecks) {
          const row = publication.rows.find((r) => r.period === check.wave && typeof r.proxyShare === 'number');
          if (row) expect(clear(check.proxies, check.typeKnown)).toBe(true);
          const rate = publication.rows.find((r) => r.period === check.wave && typeof r.responseRate === 'number');
          if (rate) expect(clear(check.respondents, check.invited!)).toBe(true);
        }
        // Beside a shown whole group, the groups of one column are all shown, or at least two are hidden.
        const totals = new Map(publication.rows.filter((r) => r.segment === null).map((r) => [group(r), r]));
        const columns = new Map<string, PublishedRow[]>();
        for (const r of publication.rows) if (r.segment) columns.set(`${group(r)}\u0000${r.segment.column}`, [...(columns.get(`${group(r)}\u0000${r.segment.column}`) ?? []), r]);
        for (const [key, rows] of columns) {
          const total = totals.get(key.split('\u0000').slice(0, 3).join('\u0000'));
          if (total && !total.hidden) expect(rows.filter((r) => r.hidden).length).not.toBe(1);
        }
        // Interviewers are people: a breakdown naming them never leaves, even hidden.
        expect(publication.rows.some((r) => r.segment?.column === 'interv')).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('publishes a figure the gate lets through with its counts, under the shared code and version', () => {
    const people = Array.from({ length: 40 }, (_, i): Person => ({ lien: i % 3, age: i % 2, answers: [i % 4, (i + 1) % 4], score: i % 10, proxy: false, twice: true }));
    const { draft } = publish(people, 60);
    const total = draft.publication.rows.find((r) => r.indicator === 'C-I1' && r.period === 'T0' && r.segment === null)!;
    // Nobody answered for someone else: 0 is a count too, under 11, so the share says « < 11 » rather than 0 %.
    expect(total).toMatchObject({ version: 2, measure: 'proportion', hidden: false, n: 40, k: 20, responseRate: 67, proxyShare: '< 11' });
    expect(draft.leftOut).toEqual(['C-I5, groupes « interv » : non publiés, la ventilation « interv » n’est pas une question à réponses prévues']);
  });
});

describe('the publication schema', () => {
  const people = Array.from({ length: 40 }, (_, i): Person => ({ lien: i % 3, age: i % 2, answers: [i % 4, (i + 1) % 4], score: i % 10, proxy: false, twice: true }));
  const valid = publish(people, 60).draft.publication;
  const ANSWER_FIELDS = ['answers', 'answer', 'responses', 'responseId', 'personId', 'person', 'name', 'nom', 'quote', 'citation', 'text', 'comment', 'email', 'values', 'raw', 'rows'];
  const anything = fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()), fc.dictionary(fc.string(), fc.string()), fc.constant(null));

  it('accepts what the member builds', () => {
    expect(Publication.safeParse(valid).success).toBe(true);
  });

  it('refuses any field it does not know, wherever it is put', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ANSWER_FIELDS), anything, fc.constantFrom('top', 'row', 'segment'), fc.nat(), (field, value, where, at) => {
        const copy = structuredClone(valid) as Record<string, unknown> & { rows: Array<Record<string, unknown>> };
        const rows = copy.rows;
        const row = rows[at % rows.length]!;
        if (where === 'top') copy[field === 'rows' ? 'rows2' : field] = value;
        else if (where === 'row') row[field] = value;
        else {
          const withSegment = rows.find((r) => r['segment'] !== null)!;
          (withSegment['segment'] as Record<string, unknown>)[field] = value;
        }
        expect(Publication.safeParse(copy).success).toBe(false);
      }),
    );
  });

  it('refuses a text longer than a label, on several lines or shaped like a formula, in any text field', () => {
    const texts = fc.oneof(
      fc.string({ minLength: 41, maxLength: 300 }),
      fc.tuple(fc.string({ maxLength: 15 }), fc.constantFrom('\n', '\r', '\t'), fc.string({ maxLength: 15 })).map(([a, b, c]) => `${a}${b}${c}`),
      fc.string({ maxLength: 20 }).map((s) => `=${s}`),
    );
    fc.assert(
      fc.property(texts, fc.constantFrom('indicator', 'period', 'before', 'column', 'value'), fc.nat(), (text, field, at) => {
        const copy = structuredClone(valid);
        const rows = copy.rows.filter((r) => r.segment !== null && r.before === null);
        const row = rows[at % rows.length]!;
        if (field === 'column' || field === 'value') (row.segment as Record<string, string>)[field] = text;
        else (row as unknown as Record<string, string>)[field] = text;
        expect(Publication.safeParse(copy).success).toBe(false);
      }),
    );
  });

  it('refuses a count that is not a whole number, and a list of values in place of counts', () => {
    for (const [field, value] of [['n', 12.5], ['k', -1], ['n', '40'], ['distribution', ['Plutôt d’accord']], ['distribution', Array(12).fill(11)], ['value', [1, 2, 3]]] as const) {
      const copy = structuredClone(valid);
      (copy.rows[0] as unknown as Record<string, unknown>)[field] = value;
      expect(Publication.safeParse(copy).success, `${field} = ${JSON.stringify(value)}`).toBe(false);
    }
  });
});
