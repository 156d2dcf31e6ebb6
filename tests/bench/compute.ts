/**
 * compute.vs_single_pass: computing every indicator of the three starting frameworks over 100,000 generated answers
 * (questionnaires, « réponses », spread over the frameworks' surveys), divided by one plain pass that reads and sums
 * every cell of the same rows, in the same run.
 */
import { computeIndicators } from '../../shared/indicators/compute';
import type { AnswerRow, ComputeInput, ObservationRow, SurveyAnswers } from '../../shared/indicators/model';
import { parseCondition } from '../../shared/registry/condition';
import { termId, type RespondentType, type VocabularyKey } from '../../shared/contract/words';
import type { Indicator, Question } from '../../shared/registry/model';
import { TEMPLATES } from '../../shared/templates/index';
import { DISAGGREGATIONS, type Template } from '../../shared/templates/schema';

const ANSWERS = 100_000;

/** A framework's French word as the registry reads it. */
const id = <T extends string>(key: VocabularyKey, word: string) => termId(key, word) as T;

/** A framework as the registry would read it once applied. */
export function registryOf(t: Template): Pick<ComputeInput, 'indicators' | 'questions' | 'surveys' | 'outcomes'> {
  const questions: Question[] = t.surveys.flatMap((s) =>
    s.questions.map((q, i) => ({
      survey: s.id, key: q.key, label: q.label.fr, type: q.type, levels: q.levels?.fr ?? [], scale: q.scale ?? '', reversed: q.reversed ?? false, waves: q.waves ?? [], row: i + 2,
    })),
  );
  const indicators: Indicator[] = t.indicators.map((i, row) => {
    const parsed = i.condition === null ? null : parseCondition(i.condition);
    return {
      code: i.code, name: i.name.fr, outcome: i.outcome, kind: i.kind === 'quantitatif' ? 'quantitative' : 'qualitative',
      method: id<Indicator['method']>('method', i.method),
      source: i.source.type === 'enquête' ? { type: 'survey', survey: i.source.survey, questions: i.source.questions } : i.source.type === 'observations' ? { type: 'observations', tags: i.source.tags } : { type: 'manual' },
      condition: parsed && parsed.ok ? parsed.condition : null, unit: i.unit, direction: id<Indicator['direction']>('direction', i.direction),
      baseline: i.baseline === null ? null : { value: i.baseline, period: '' }, targets: i.targets,
      granularity: id<Indicator['granularity']>('granularity', i.granularity), disaggregation: i.disaggregation.map((d) => DISAGGREGATIONS[d] ?? 'vague'),
      minN: i.minN, respondentRule: i.respondentRule === 'auto-déclaration seulement' ? 'self' : 'proxy', cohortCode: '', irisPlus: i.irisPlus ?? '', row: row + 2,
    } as Indicator;
  });
  return {
    indicators, questions,
    surveys: t.surveys.map((s, i) => ({ id: s.id, name: s.name.fr, wave: '', invited: 2000, mode: s.mode, row: i + 2 })),
    outcomes: t.outcomes.map((o, i) => ({ id: o.id, stakeholder: o.stakeholder, change: o.change.fr, level: o.level, guid: '', row: i + 2 })),
  };
}

/** Answers spread evenly over `waves`, the same people (by person code) at each wave. */
export function generate(questionsPerSurvey: Map<string, Question[]>, rowsPerSurvey: number, waves: readonly string[] = ['T0', 'T1']): SurveyAnswers[] {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed % n;
  };
  const types: Array<RespondentType | null> = ['self', 'self', 'self', 'self', 'self', 'self', 'aided', 'aided', 'proxy', null];
  return [...questionsPerSurvey].map(([survey, questions]) => {
    const rows: AnswerRow[] = [];
    for (let i = 0; i < rowsPerSurvey; i++) {
      const perWave = Math.ceil(rowsPerSurvey / waves.length);
      const person = i % perWave;
      const wave = waves[Math.floor(i / perWave)]!;
      const answers: Record<string, string | number | null> = {};
      for (const q of questions) {
        const r = rand(100);
        if (r < 3) answers[q.key] = null;
        else if (r < 5 && q.levels.length > 0) answers[q.key] = 'Ne sait pas';
        else if (q.type === 'number') answers[q.key] = rand(q.key === 'fatigue' ? 11 : 60);
        else if (q.levels.length > 0) answers[q.key] = q.levels[rand(q.levels.length)]!;
        else answers[q.key] = 'Une réponse libre assez courte.';
      }
      rows.push({
        responseId: `${survey}-${i}`, wave, date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        respondentType: types[rand(types.length)]!, mode: ['papier', 'en ligne', 'entretien'][rand(3)]!, interviewer: ['Amina', 'Luc', 'Chantal', 'Noé'][rand(4)]!,
        personId: `p${person}`, answers, segments: { vague: wave },
      });
    }
    return { survey, rows };
  });
}

function observations(count: number): ObservationRow[] {
  const tags = ['répit', 'épuisement', 'liens sociaux', 'solitude', 'témoignage', 'autre'];
  return Array.from({ length: count }, (_, i) => ({
    id: `o${i}`, date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`, tags: [tags[i % tags.length]!, tags[(i * 7) % tags.length]!],
    consent: 'obtenu', scope: 'interne', personId: null,
  }));
}

/**
 * The baseline: one pass that reads every cell once and adds it up. `parse` false: numbers as such, text by its
 * length (no parsing at all, the cheapest honest pass); true: every cell through Number(), as a spreadsheet SUM would.
 */
function singlePass(inputs: readonly ComputeInput[], parse = false): number {
  let sum = 0;
  for (const input of inputs) {
    for (const s of input.answers) {
      for (const row of s.rows) {
        const answers = row.answers;
        for (const key in answers) {
          const v = answers[key];
          if (typeof v === 'number') sum += v;
          else if (v !== null && v !== undefined) {
            if (!parse) sum += v.length;
            else {
              const x = Number(v);
              if (x === x) sum += x;
            }
          }
        }
      }
    }
  }
  return sum;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** The median duration of `repeats` runs, in ms. */
export function time(run: () => unknown, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function benchInputs(): ComputeInput[] {
  const registries = TEMPLATES.map(registryOf);
  const surveys = registries.reduce((s, r) => s + r.surveys.length, 0);
  const rowsPerSurvey = Math.ceil(ANSWERS / surveys);
  return registries.map((r) => {
    const bySurvey = new Map<string, Question[]>();
    for (const q of r.questions) bySurvey.set(q.survey, [...(bySurvey.get(q.survey) ?? []), q]);
    return { ...r, manualValues: [], answers: generate(bySurvey, rowsPerSurvey), observations: observations(2000), waveOrder: ['T0', 'T1'] };
  });
}

export async function benchCompute(): Promise<Array<{ metric: string; value: number; unit: string; target: string }>> {
  const inputs = benchInputs();
  const cells = inputs.reduce((s, i) => s + i.answers.reduce((a, x) => a + x.rows.length * Object.keys(x.rows[0]!.answers).length, 0), 0);
  const answers = inputs.reduce((s, i) => s + i.answers.reduce((a, x) => a + x.rows.length, 0), 0);
  const computeAll = () => inputs.map((i) => computeIndicators(i));
  // Warm every path up so the JIT has compiled them before timing.
  for (let i = 0; i < 5; i++) {
    computeAll();
    singlePass(inputs);
    singlePass(inputs, true);
  }
  const computeMs = time(computeAll, 15);
  const passMs = time(() => singlePass(inputs), 51);
  const parsingPassMs = time(() => singlePass(inputs, true), 51);
  const indicators = inputs.reduce((s, i) => s + i.indicators.length, 0);
  const round = (x: number) => Math.round(x * 100) / 100;
  return [
    { metric: 'compute.vs_single_pass', value: round(computeMs / passMs), unit: 'ratio', target: '<= 5' },
    { metric: 'compute.vs_single_parsing_pass', value: round(computeMs / parsingPassMs), unit: 'ratio (baseline converts every cell with Number())', target: 'information' },
    { metric: 'compute.all_indicators_ms', value: round(computeMs), unit: `ms (${indicators} indicators, ${answers} answers, ${cells} cells)`, target: 'information' },
    { metric: 'compute.single_pass_ms', value: round(passMs), unit: 'ms', target: 'information' },
  ];
}
