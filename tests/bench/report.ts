/**
 * report.ms: the evaluation report (document model and self-contained HTML) of a registry with 40 indicators, 4
 * periods and 500 observations, for funders; report.vs_compute: that time over the computation of the same registry's
 * indicators, in the same run (target ≤ 1: making the document costs no more than computing what it shows);
 * report.html_kb: the size of the HTML file (target ≤ 400 KB). The registry is the three starting frameworks side by
 * side (ids prefixed so they do not collide), 40 of their indicators, 500 answers per survey and wave.
 */
import type { Consent, Scope } from '../../shared/contract/words';
import { computeIndicators } from '../../shared/indicators/compute';
import type { ComputeInput, ObservationRow } from '../../shared/indicators/model';
import type { Question } from '../../shared/registry/model';
import { generateReport } from '../../shared/report/generate';
import type { ReportInput } from '../../shared/report/input';
import { TEMPLATES } from '../../shared/templates/index';
import type { Measure } from './run';
import { generate, registryOf, time } from './compute';

const INDICATORS = 40;
const WAVES = ['T0', 'T1', 'T2', 'T3'];
const ANSWERS_PER_WAVE = 500;
const OBSERVATIONS = 500;

/** The frameworks as one registry: outcome, survey and indicator ids prefixed by the framework's letter. */
function registry(): Pick<ComputeInput, 'indicators' | 'questions' | 'surveys' | 'outcomes'> {
  const parts = TEMPLATES.map(registryOf).map((r, t) => {
    const p = 'ABC'[t]!;
    return {
      outcomes: r.outcomes!.map((o) => ({ ...o, id: `${p}${o.id}` })),
      surveys: r.surveys.map((s) => ({ ...s, id: `${p}${s.id}`, invited: 800 })),
      questions: r.questions.map((q) => ({ ...q, survey: `${p}${q.survey}` })),
      indicators: r.indicators.map((i) => ({
        ...i, code: `${p}${i.code}`, outcome: `${p}${i.outcome}`,
        source: i.source.type === 'survey' ? { ...i.source, survey: `${p}${i.source.survey}` } : i.source,
      })),
    };
  });
  return {
    outcomes: parts.flatMap((r) => r.outcomes), surveys: parts.flatMap((r) => r.surveys), questions: parts.flatMap((r) => r.questions),
    indicators: parts.flatMap((r) => r.indicators).slice(0, INDICATORS),
  };
}

/** Quotes and field notes tagged with the outcomes, most with consent, under every usage. */
function observations(outcomes: readonly string[]): Array<ObservationRow & { text: string; kind: 'citation' | 'observation' }> {
  const consents: Array<Consent | null> = ['obtenu', 'obtenu', 'non requis', 'non obtenu', null];
  const scopes: Scope[] = ['financeurs', 'public', 'interne'];
  return Array.from({ length: OBSERVATIONS }, (_, i) => ({
    id: `o${i}`, date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    tags: [outcomes[i % outcomes.length]!], consent: consents[i % consents.length]!, scope: scopes[i % scopes.length]!, personId: `p${i % 180}`,
    kind: i % 4 === 3 ? 'observation' : 'citation',
    text: `Depuis que je viens le mardi, je souffle un peu plus et je dors mieux (témoignage ${i}).`,
  }));
}

export async function benchReport(): Promise<Measure[]> {
  const r = registry();
  const bySurvey = new Map<string, Question[]>();
  for (const q of r.questions) bySurvey.set(q.survey, [...(bySurvey.get(q.survey) ?? []), q]);
  const notes = observations(r.outcomes!.map((o) => o.id));
  const input: ComputeInput = {
    ...r, manualValues: [], answers: generate(bySurvey, ANSWERS_PER_WAVE * WAVES.length, WAVES),
    observations: notes.map(({ id, date, tags, consent, scope, personId }) => ({ id, date, tags, consent, scope, personId })), waveOrder: WAVES,
  };
  const computed = computeIndicators(input);
  const report: ReportInput = {
    lang: 'fr', organisation: 'Banc d’essai', generatedAt: '2026-12-01T10:00:00Z',
    approach: [
      { item: 'Question évaluative', content: 'Les aidants que nous accompagnons arrivent-ils à souffler, et leur bien-être se maintient-il ?' },
      { item: "Promesse d'impact (indicateurs principaux)", content: `${r.indicators[0]!.code} et ${r.indicators[5]!.code}.` },
    ],
    outcomes: r.outcomes!, themes: [], indicators: r.indicators, questions: r.questions,
    surveys: r.surveys.map((s) => ({ ...s, sampling: 'Toutes les personnes accompagnées', tool: 'Google Forms' })),
    values: computed.values, surveyChecks: computed.surveyChecks,
    observations: notes.map(({ id, date, kind, text, tags, consent, scope, personId }) => ({ id, date, kind, text, stakeholder: 'aidants', tags, consent, scope, toQuote: id.endsWith('7'), personId })),
    decisions: r.outcomes!.slice(0, 6).map((o, i) => ({
      date: `2026-0${1 + i}-15`, subject: o.id, learnt: 'Les aidants viennent surtout le samedi.', change: 'Ouvrir le samedi matin.', who: 'Coordinatrice', status: i % 2 === 0 ? 'inProgress' : 'toDecide',
    })),
    waveOrder: WAVES,
  };
  const make = () => generateReport(report, { document: 'rapport', audience: 'funders' });
  // Warm both paths up so the JIT has compiled them before timing.
  for (let i = 0; i < 3; i++) {
    computeIndicators(input);
    make();
  }
  const computeMs = time(() => computeIndicators(input), 9);
  const reportMs = time(make, 9);
  const made = make();
  if ('ok' in made) throw new Error(made.message);
  const bytes = Buffer.byteLength(made.html, 'utf8');
  const round = (x: number) => Math.round(x * 100) / 100;
  const answers = input.answers.reduce((s, a) => s + a.rows.length, 0);
  return [
    { metric: 'report.ms', value: round(reportMs), unit: `ms (évaluation pour financeurs : ${r.indicators.length} indicateurs, ${WAVES.length} périodes, ${OBSERVATIONS} observations, ${answers} réponses)`, target: 'information' },
    { metric: 'report.vs_compute', value: round(reportMs / computeMs), unit: `ratio (calcul du même registre : ${round(computeMs)} ms)`, target: '<= 1' },
    { metric: 'report.html_kb', value: Math.round((bytes / 1024) * 10) / 10, unit: `KB (${made.document.hidden.length} chiffres masqués, ${made.document.quotes.length} citations)`, target: '<= 400' },
  ];
}
