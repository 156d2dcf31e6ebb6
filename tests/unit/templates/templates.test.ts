import { describe, expect, it } from 'vitest';
import { TEMPLATES, templateById } from '../../../shared/templates/index';
import { RESPONDENT_TYPE_KEY, Template, conditionShape, templateProblems } from '../../../shared/templates/schema';
import { recogniseRespondentType } from '../../../shared/contract/words';
import { SCALES } from '../../../shared/scales/index';
import bienVieillir from '../../../shared/templates/bien-vieillir.json';
import aidants from '../../../shared/templates/aidants.json';
import generique from '../../../shared/templates/generique.json';

const RAW = { 'bien-vieillir': bienVieillir, aidants, generique } as const;

describe('templates', () => {
  it('ships the three starting frameworks, found by id', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['bien-vieillir', 'aidants', 'generique']);
    expect(templateById('aidants')?.name.fr).toBe('Aidants : répit et soutien');
    expect(templateById('nope')).toBeUndefined();
  });

  for (const [id, raw] of Object.entries(RAW)) {
    describe(id, () => {
      it('parses with the schema', () => {
        const r = Template.safeParse(raw);
        expect(r.success ? [] : r.error.issues).toEqual([]);
      });

      it('is coherent', () => {
        expect(templateProblems(Template.parse(raw))).toEqual([]);
      });

      const t = Template.parse(raw);

      it('cites https sources', () => {
        for (const s of t.sources) expect(s.url).toMatch(/^https:\/\//);
      });

      it('has unique indicator codes, each pointing at an existing outcome', () => {
        const codes = t.indicators.map((i) => i.code);
        expect(new Set(codes).size).toBe(codes.length);
        for (const i of t.indicators) expect(t.outcomes.map((o) => o.id)).toContain(i.outcome);
      });

      it('gives every proportion a condition, and every scale score all items of its scale', () => {
        for (const i of t.indicators) {
          if (i.method === 'proportion') expect(i.condition, i.code).not.toBeNull();
          if (i.method === "score d'échelle") {
            expect(i.scale, i.code).toBeDefined();
            const items = SCALES[i.scale!].items.map((x) => x.key);
            expect(i.source.type === 'enquête' ? [...i.source.questions].sort() : [], i.code).toEqual([...items].sort());
          }
        }
      });

      it('points survey indicators at questions of the named survey', () => {
        for (const i of t.indicators) {
          if (i.source.type !== 'enquête') continue;
          const src = i.source;
          const survey = t.surveys.find((s) => s.id === src.survey);
          expect(survey, i.code).toBeDefined();
          for (const k of src.questions) expect(survey!.questions.map((q) => q.key), `${i.code} ${k}`).toContain(k);
        }
      });

      it('leaves no licensed scale in the questions', () => {
        const text = JSON.stringify(t.surveys).toLowerCase();
        for (const banned of ['zarit', 'eq-5d', 'wemwbs', 'euroqol']) expect(text).not.toContain(banned);
      });

      it('has a user-facing note on licences and proxies', () => {
        expect(t.notes.fr.length).toBeGreaterThan(100);
        expect(t.approach.some((a) => a.item.fr === 'Question évaluative')).toBe(true);
      });
    });
  }

  it('bien-vieillir asks the direct loneliness question alongside UCLA-3', () => {
    const t = templateById('bien-vieillir')!;
    const keys = t.surveys[0]!.questions.map((q) => q.key);
    expect(keys).toContain('seul_frequence');
    expect(keys).toEqual(expect.arrayContaining(['ucla3_1', 'ucla3_2', 'ucla3_3']));
    expect(t.surveys[0]!.questions.find((q) => q.key === 'seul_frequence')!.label.fr).toBe(
      'À quelle fréquence vous sentez-vous seul(e) ?',
    );
  });

  it('aidants has a manual « heures de répit délivrées » and explains why Zarit is not shipped', () => {
    const t = templateById('aidants')!;
    expect(t.indicators.some((i) => i.source.type === 'manuel' && /heures de répit délivrées/i.test(i.name.fr))).toBe(true);
    expect(t.notes.fr).toMatch(/Zarit/);
    expect(t.notes.fr).toMatch(/Mapi/);
  });
});

describe('who answered, in every framework', () => {
  const options = TEMPLATES.flatMap((t) =>
    t.surveys.flatMap((s) => s.questions.filter((q) => q.key === RESPONDENT_TYPE_KEY).flatMap((q) => (['fr', 'en'] as const).flatMap((lang) => q.levels![lang].map((label, i) => ({ where: `${t.id} ${s.id} ${lang}`, label, i }))))),
  );

  it('asks it in each framework, the aidants one included, with three options in each language', () => {
    for (const t of TEMPLATES) expect(options.filter((o) => o.where.startsWith(`${t.id} `)).length, t.id).toBeGreaterThanOrEqual(6);
  });

  it.each(options.map((o) => [o.where, o.label, o.i] as const))('%s: « %s » reads as the type at its place', (_where, label, i) => {
    expect(recogniseRespondentType(label)).toBe((['self', 'aided', 'proxy'] as const)[i]);
  });
});

describe('coherence checker', () => {
  const base = Template.parse(aidants);
  const clone = (): Template => JSON.parse(JSON.stringify(base)) as Template;

  it('flags a missing outcome, an unknown question, a proportion without condition and a duplicate code', () => {
    const t = clone();
    t.indicators[2]!.outcome = 'C9';
    t.indicators[3]!.source = { type: 'enquête', survey: 'E1', questions: ['inconnue'] };
    t.indicators[4]!.condition = null;
    t.indicators[5]!.code = t.indicators[6]!.code;
    const p = templateProblems(t).join('\n');
    expect(p).toMatch(/outcome C9 does not exist/);
    expect(p).toMatch(/question inconnue does not exist/);
    expect(p).toMatch(/proportion needs a condition/);
    expect(p).toMatch(/not unique/);
  });

  it('flags a scale score that does not reference every item, and a label not among the levels', () => {
    const t = clone();
    const who5 = t.indicators.find((i) => i.method === "score d'échelle")!;
    who5.source = { type: 'enquête', survey: 'E1', questions: ['who5_1', 'who5_2'] };
    t.indicators.find((i) => i.code === 'I5')!.condition = 'in [« Énormément »]';
    const p = templateProblems(t).join('\n');
    expect(p).toMatch(/exactly the 5 items of who5/);
    expect(p).toMatch(/« Énormément » is not a level/);
  });
});

describe('conditionShape', () => {
  it('reads the grammar', () => {
    expect(conditionShape('≥ 4')).toEqual({ kind: 'numeric' });
    expect(conditionShape('entre 2 et 3,5')).toEqual({ kind: 'numeric' });
    expect(conditionShape('in [« Oui », « Plutôt oui »]')).toEqual({ kind: 'labels', labels: ['Oui', 'Plutôt oui'] });
    expect(conditionShape("in [« S'est un peu améliorée »]")).toEqual({ kind: 'labels', labels: ["S'est un peu améliorée"] });
    expect(conditionShape('>= 4').kind).toBe('invalid');
    expect(conditionShape('in ["Oui"]').kind).toBe('invalid');
    expect(conditionShape('in [« Oui » « Non »]').kind).toBe('invalid');
  });
});
