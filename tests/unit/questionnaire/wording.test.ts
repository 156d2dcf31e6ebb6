import { describe, expect, it } from 'vitest';
import type { Indicator, Question, Registry } from '../../../shared/registry/model';
import { readLevels } from '../../../shared/registry/levels';
import { termId } from '../../../shared/contract/words';
import { questionnaireAdvice, WORDING_RULES, WordingRules, type WordingRule } from '../../../shared/questionnaire/checks';
import rulesFile from '../../../shared/questionnaire/wording-rules.json';
import { templateInput } from './helpers';

/** The registry a rule's example describes: one survey E1 with its questions (and indicators). */
function exampleRegistry(rule: WordingRule): Pick<Registry, 'surveys' | 'questions' | 'indicators'> {
  const example = rule.example;
  const questions: Question[] = example.questions.map((q, i) => {
    const { levels, nonAnswers } = readLevels(q.levels ?? '');
    return { survey: 'E1', key: q.key ?? `q${i + 1}`, label: q.label, type: q.type as Question['type'], levels, nonAnswers, scale: q.scale ?? '', reversed: false, waves: [], row: i + 2 };
  });
  const indicators: Indicator[] = (example.indicators ?? []).map((ind, i) => ({
    code: `I${i + 1}`, name: 'Indicateur', outcome: 'C1', kind: 'quantitative', method: ind.method as Indicator['method'],
    source: { type: 'survey', survey: 'E1', questions: ind.questions }, condition: null, unit: '', direction: 'up', baseline: null, targets: [],
    granularity: 'wave', disaggregation: [], minN: 5, respondentRule: 'self', cohortCode: '', cohort: '', cohortVersion: null, irisPlus: '', row: i + 2,
  }));
  const mode = example.survey ? termId('surveyMode', example.survey.mode) : 'self';
  return { surveys: [{ id: 'E1', name: 'Enquête', wave: '', invited: null, mode, row: 2 }], questions, indicators };
}

describe('wording and design advice', () => {
  it('reads its rules from a data file that matches their schema, French first', () => {
    expect(WordingRules.safeParse(rulesFile).success).toBe(true);
    for (const rule of WORDING_RULES) expect(Object.keys(rule.message)).toEqual(['fr', 'en']);
  });

  for (const rule of WORDING_RULES) {
    it(`« ${rule.title.fr} » fires on its example, with a French message that says what to do`, () => {
      const advice = questionnaireAdvice({ lang: 'fr', registry: exampleRegistry(rule), approach: [] }).filter((a) => a.rule === rule.id);
      expect(advice.length, rule.id).toBeGreaterThan(0);
      expect(advice[0]!.message).not.toMatch(/\{\w+\}/);
      expect(advice[0]!.row).toBeGreaterThanOrEqual(2);
    });
  }

  for (const template of ['aidants', 'bien-vieillir', 'generique']) {
    it(`stays silent on the « ${template} » template’s own questions`, () => {
      const input = templateInput(template);
      expect(questionnaireAdvice(input).map((a) => a.message)).toEqual([]);
    });
  }

  it('says which words of the audience’s everyday language to use, and where', () => {
    const rule = WORDING_RULES.find((r) => r.id === 'jargon')!;
    const [advice] = questionnaireAdvice({ lang: 'fr', registry: exampleRegistry(rule), approach: [] }).filter((a) => a.rule === 'jargon');
    expect(advice).toEqual({ rule: 'jargon', tab: 'questions', row: 2, column: 'label', message: expect.stringContaining('« dispositif »') });
  });

  it('leaves validated scale items alone, and knows a licence written in « Démarche »', () => {
    const rule = WORDING_RULES.find((r) => r.id === 'unlicensed-scale')!;
    const registry = exampleRegistry(rule);
    expect(questionnaireAdvice({ lang: 'fr', registry, approach: [] }).map((a) => a.rule)).toEqual(['unlicensed-scale']);
    expect(questionnaireAdvice({ lang: 'fr', registry, approach: [{ item: 'Licence Zarit', content: 'Mapi, licence n° 1234 jusqu’au 31/12/2027' }] })).toEqual([]);
  });

  it('advises « Ne sait pas » when a relative may answer for the person', () => {
    const registry = exampleRegistry(WORDING_RULES.find((r) => r.id === 'change-without-person-code')!);
    const proxy = { ...registry, indicators: registry.indicators.map((i) => ({ ...i, method: 'proportion' as const, respondentRule: 'proxy' as const })) };
    expect(questionnaireAdvice({ lang: 'fr', registry: proxy, approach: [] }).map((a) => a.message)).toEqual([
      expect.stringContaining('un proche peut répondre à la place de la personne'),
    ]);
  });
});
