/**
 * Starting frameworks (« modèles de départ »): a theory of change with outcomes, surveys and indicators, as JSON data
 * files that people can review and translate. Every user-facing text has `fr` and `en`.
 *
 * The schema checks the shape; `templateProblems` checks coherence across the file (outcomes, survey questions,
 * conditions, scales). Both run in tests, not when the bundle loads.
 */
import * as z from 'zod';
import { frenchWords, recogniseRespondentType, termLabel } from '../contract/words';
import { SURVEY_METHODS } from '../registry/model';
import { SCALE_IDS, Source, Text } from '../scales/schema';
import { SCALES } from '../scales/index';

export { Text, Source };

// The enumerated words come from the registry's vocabulary: one list, whether typed in a sheet or in a data file.
export const OUTCOME_LEVELS = frenchWords('level');
export const SURVEY_MODES = frenchWords('surveyMode');
export const QUESTION_TYPES = ['single', 'multiple', 'likert', 'number', 'text', 'date', 'identifier'] as const;
export const INDICATOR_KINDS = frenchWords('kind');
export const METHODS = frenchWords('method');
export const DIRECTIONS = frenchWords('direction');
export const GRANULARITIES = frenchWords('granularity');
export const RESPONDENT_RULES = frenchWords('respondentRule');

/**
 * Breakdowns an indicator may ask for, and the survey question each one reads. A survey indicator may only ask for a
 * breakdown whose question exists in its survey; « vague d'enquête » and « type de répondant » are paradata (T0 / T1,
 * who answered) set at import: the respondent-type question's answers go to that one column, never to a second one.
 */
export const DISAGGREGATIONS = {
  "tranche d'âge": 'tranche_age',
  'type de répondant': null,
  "lien avec la personne aidée": 'lien_aide',
  'ancienneté': 'anciennete',
  "vague d'enquête": null,
} as const satisfies Record<string, string | null>;
export type Disaggregation = keyof typeof DISAGGREGATIONS;
/** The key of a survey's « who is answering » question, whose answers the import writes as the respondent type. */
export const RESPONDENT_TYPE_KEY = 'type_repondant';
const DISAGGREGATION_NAMES = Object.keys(DISAGGREGATIONS) as [Disaggregation, ...Disaggregation[]];

const Id = z.string().regex(/^[a-z][a-z0-9-]*$/);
const Key = z.string().regex(/^[a-z][a-z0-9_]*$/);

export const Levels = z
  .object({ fr: z.array(z.string().trim().min(1)).min(2), en: z.array(z.string().trim().min(1)).min(2) })
  .strict();

export const Question = z
  .object({
    key: Key,
    label: Text,
    type: z.enum(QUESTION_TYPES),
    /** single / multiple / likert only. Likert levels go from the lowest to the highest. */
    levels: Levels.optional(),
    /** number only: the accepted range. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** The question is an item of this validated scale: its key must be the scale's item key, its levels the scale's. */
    scale: z.enum(SCALE_IDS).optional(),
    /**
     * Not a scale item, and its favourable answer is at the low end, unlike the other items of its survey (used by the
     * straight-lining checks; never changes a computation).
     */
    reversed: z.boolean().optional(),
    /** single / likert, not a scale item: « Ne sait pas » is offered apart from the levels (never a level). */
    dontKnow: z.literal(true).optional(),
    /** Help for the interviewer or the respondent. */
    help: Text.optional(),
    /** Asked only at some waves, e.g. « T1 seulement ». */
    waves: z.array(z.enum(['T0', 'T1'])).min(1).optional(),
  })
  .strict();
export type Question = z.infer<typeof Question>;

export const Survey = z
  .object({
    id: z.string().regex(/^E\d+$/),
    name: Text,
    mode: z.enum(SURVEY_MODES),
    respondents: Text,
    sampling: Text,
    questions: z.array(Question).min(1),
  })
  .strict();
export type Survey = z.infer<typeof Survey>;

export const Outcome = z
  .object({
    id: z.string().regex(/^C\d+$/),
    stakeholder: z.string().trim().min(1),
    change: Text,
    level: z.enum(OUTCOME_LEVELS),
    activities: Text,
  })
  .strict();
export type Outcome = z.infer<typeof Outcome>;

export const IndicatorSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('enquête'), survey: z.string(), questions: z.array(Key).min(1) }).strict(),
  z.object({ type: z.literal('observations'), tags: z.array(z.string().trim().min(1)).min(1) }).strict(),
  z.object({ type: z.literal('manuel') }).strict(),
]);
export type IndicatorSource = z.infer<typeof IndicatorSource>;

export const Indicator = z
  .object({
    code: z.string().regex(/^I\d+$/),
    name: Text,
    outcome: z.string(),
    kind: z.enum(INDICATOR_KINDS),
    method: z.enum(METHODS),
    source: IndicatorSource,
    /**
     * When set, the value per respondent is this scale's final score (WHO-5: 0–100; UCLA-3: 3–9) computed by
     * `scoreScale`; `source.questions` are then exactly the scale's items, and a `condition` applies to that score.
     */
    scale: z.enum(SCALE_IDS).optional(),
    /** Grammar: `≥ n`, `> n`, `≤ n`, `< n`, `= n`, `entre a et b`, `in [« A », « B »]` (parsed by the registry). */
    condition: z.string().trim().min(1).nullable(),
    unit: z.string().trim().min(1),
    direction: z.enum(DIRECTIONS),
    granularity: z.enum(GRANULARITIES),
    disaggregation: z.array(z.enum(DISAGGREGATION_NAMES)),
    /** Below this base the figure is not shown (the display rules may be stricter, never looser). */
    minN: z.number().int().min(0),
    respondentRule: z.enum(RESPONDENT_RULES),
    baseline: z.number().nullable(),
    targets: z.array(z.object({ period: z.string().min(1), value: z.number() }).strict()),
    /** What to watch when reading or collecting this indicator (proxy answers, small n, bias). */
    note: Text.optional(),
    irisPlus: z.string().regex(/^[A-Z]{2}\d{4}$/).optional(),
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

export const Template = z
  .object({
    id: Id,
    name: Text,
    summary: Text,
    sources: z.array(Source).min(1),
    notes: Text,
    approach: z.array(z.object({ item: Text, content: Text }).strict()).min(1),
    outcomes: z.array(Outcome).min(1),
    surveys: z.array(Survey),
    indicators: z.array(Indicator).min(1),
  })
  .strict();
export type Template = z.infer<typeof Template>;

// ---------------------------------------------------------------------------------------------------------------
// Coherence

/** The condition grammar, reduced to what coherence needs (the registry's parser is the reference). */
export type ConditionShape = { kind: 'numeric' } | { kind: 'labels'; labels: string[] } | { kind: 'invalid' };

const NUM = String.raw`-?\d+(?:[.,]\d+)?`;
const NUMERIC_CONDITION = new RegExp(String.raw`^(?:(?:≥|>|≤|<|=)\s*${NUM}|entre\s+${NUM}\s+et\s+${NUM})$`);

export function conditionShape(condition: string): ConditionShape {
  const c = condition.trim();
  if (NUMERIC_CONDITION.test(c)) return { kind: 'numeric' };
  const m = /^in\s*\[(.*)\]$/.exec(c);
  if (!m) return { kind: 'invalid' };
  const body = m[1] ?? '';
  const labels: string[] = [];
  const item = /\s*«\s*([^«»]+?)\s*»\s*(,|$)/y;
  let pos = 0;
  while (pos < body.length) {
    item.lastIndex = pos;
    const it = item.exec(body);
    if (!it) return { kind: 'invalid' };
    labels.push(it[1] ?? '');
    pos = item.lastIndex;
    if (it[2] === '' && pos < body.length) return { kind: 'invalid' };
  }
  return labels.length > 0 ? { kind: 'labels', labels } : { kind: 'invalid' };
}

const CHOICE_TYPES: readonly string[] = ['single', 'multiple', 'likert'];
const SURVEY_METHOD_WORDS: readonly string[] = SURVEY_METHODS.map((id) => termLabel('method', id, 'fr'));

function dupes(xs: string[]): string[] {
  return xs.filter((x, i) => xs.indexOf(x) !== i);
}

/** Every incoherence in a template, as plain English sentences for developers (empty when coherent). */
export function templateProblems(t: Template): string[] {
  const out: string[] = [];
  const outcomeIds = t.outcomes.map((o) => o.id);
  for (const d of dupes(outcomeIds)) out.push(`outcome id ${d} is not unique`);
  for (const d of dupes(t.surveys.map((s) => s.id))) out.push(`survey id ${d} is not unique`);
  for (const d of dupes(t.indicators.map((i) => i.code))) out.push(`indicator code ${d} is not unique`);

  for (const s of t.surveys) {
    for (const d of dupes(s.questions.map((q) => q.key))) out.push(`${s.id}: question key ${d} is not unique`);
    for (const q of s.questions) {
      const where = `${s.id}.${q.key}`;
      const choice = CHOICE_TYPES.includes(q.type);
      if (choice && !q.levels) out.push(`${where}: ${q.type} question without levels`);
      if (!choice && q.levels) out.push(`${where}: ${q.type} question with levels`);
      if (q.levels) {
        if (q.levels.fr.length !== q.levels.en.length) out.push(`${where}: fr and en levels differ in number`);
        for (const d of dupes(q.levels.fr)) out.push(`${where}: level « ${d} » repeated`);
      }
      if ((q.min !== undefined || q.max !== undefined) && q.type !== 'number') out.push(`${where}: min/max on a non-number`);
      if ((q.min === undefined) !== (q.max === undefined)) out.push(`${where}: give both min and max, or neither`);
      if (q.dontKnow && (q.scale || (q.type !== 'single' && q.type !== 'likert'))) out.push(`${where}: « Ne sait pas » goes with a single choice or a home-made scale`);
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) out.push(`${where}: min > max`);
      if (q.key === RESPONDENT_TYPE_KEY) {
        for (const lang of ['fr', 'en'] as const) {
          const read = (q.levels?.[lang] ?? []).map(recogniseRespondentType);
          if (read.join('|') !== 'self|aided|proxy') out.push(`${where}: ${lang} levels must read as the person themself, helped, someone for them (read: ${read.join(', ')})`);
        }
      }
      if (q.scale) {
        const sc = SCALES[q.scale];
        const item = sc.items.find((i) => i.key === q.key);
        if (!item) out.push(`${where}: key is not an item of scale ${q.scale}`);
        else if (item.label.fr !== q.label.fr || item.label.en !== q.label.en) out.push(`${where}: label differs from the scale's wording`);
        if (q.type !== 'likert') out.push(`${where}: scale items are likert`);
        if (q.reversed !== undefined) out.push(`${where}: scale items take their direction from the scale file`);
        const fr = sc.levels.map((l) => l.fr);
        const en = sc.levels.map((l) => l.en);
        if (!q.levels || q.levels.fr.join('|') !== fr.join('|') || q.levels.en.join('|') !== en.join('|')) {
          out.push(`${where}: levels differ from scale ${q.scale}`);
        }
      }
    }
  }

  for (const ind of t.indicators) {
    const where = `indicator ${ind.code}`;
    if (!outcomeIds.includes(ind.outcome)) out.push(`${where}: outcome ${ind.outcome} does not exist`);
    for (const d of dupes(ind.disaggregation)) out.push(`${where}: breakdown ${d} repeated`);
    const src = ind.source;
    const shape = ind.condition === null ? null : conditionShape(ind.condition);
    if (shape?.kind === 'invalid') out.push(`${where}: condition « ${ind.condition} » does not follow the grammar`);
    if (ind.method === 'proportion' && ind.condition === null) out.push(`${where}: a proportion needs a condition`);
    if (ind.method === "score d'échelle" && !ind.scale) out.push(`${where}: a scale score needs a scale`);
    if (ind.method === "score d'échelle" && ind.condition !== null) out.push(`${where}: a scale score takes no condition`);
    if (ind.kind === 'qualitatif' && ind.method !== "nombre d'observations") out.push(`${where}: qualitative indicators count observations`);

    if (src.type === 'manuel') {
      if (ind.method !== 'saisie manuelle') out.push(`${where}: a manual source needs method « saisie manuelle »`);
      if (ind.scale || ind.condition !== null) out.push(`${where}: a manual entry takes no scale or condition`);
      if (ind.disaggregation.some((d) => DISAGGREGATIONS[d] !== null)) out.push(`${where}: a manual entry cannot be broken down by a question`);
      continue;
    }
    if (src.type === 'observations') {
      if (ind.method !== "nombre d'observations") out.push(`${where}: an observation source needs method « nombre d'observations »`);
      if (ind.scale || ind.condition !== null) out.push(`${where}: an observation count takes no scale or condition`);
      continue;
    }
    // enquête
    if (!SURVEY_METHOD_WORDS.includes(ind.method)) out.push(`${where}: method « ${ind.method} » cannot read a survey`);
    const survey = t.surveys.find((s) => s.id === src.survey);
    if (!survey) {
      out.push(`${where}: survey ${src.survey} does not exist`);
      continue;
    }
    const qs: Question[] = [];
    for (const k of src.questions) {
      const q = survey.questions.find((x) => x.key === k);
      if (!q) out.push(`${where}: question ${k} does not exist in survey ${survey.id}`);
      else qs.push(q);
    }
    for (const d of ind.disaggregation) {
      const key = DISAGGREGATIONS[d];
      if (key !== null && !survey.questions.some((q) => q.key === key)) {
        out.push(`${where}: breakdown « ${d} » needs question ${key} in survey ${survey.id}`);
      }
    }
    if (ind.scale) {
      const items = SCALES[ind.scale].items.map((i) => i.key);
      if (src.questions.length !== items.length || items.some((k) => !src.questions.includes(k))) {
        out.push(`${where}: must reference exactly the ${items.length} items of ${ind.scale}`);
      }
      if (qs.some((q) => q.scale !== ind.scale)) out.push(`${where}: questions are not all items of ${ind.scale}`);
      if (SCALES[ind.scale].selfReportOnly && ind.respondentRule !== 'auto-déclaration seulement') {
        out.push(`${where}: ${ind.scale} is self-report only`);
      }
      if (shape && shape.kind !== 'numeric') out.push(`${where}: a condition on a scale score is numeric`);
      continue;
    }
    if (qs.some((q) => q.scale)) out.push(`${where}: reads scale items without declaring the scale`);
    if (src.questions.length !== 1) out.push(`${where}: a non-scale survey indicator reads exactly one question`);
    const q = qs[0];
    if (!q) continue;
    if (q.type === 'text' || q.type === 'date') out.push(`${where}: cannot compute on a ${q.type} question`);
    const numeric = q.type === 'number';
    if ((ind.method === 'moyenne' || ind.method === 'médiane' || ind.method === 'somme') && !numeric && q.type !== 'likert') {
      out.push(`${where}: ${ind.method} needs a number or likert question`);
    }
    if (shape?.kind === 'numeric' && !numeric) out.push(`${where}: numeric condition on a ${q.type} question (use in [« … »])`);
    if (shape?.kind === 'labels') {
      if (numeric) out.push(`${where}: label condition on a number question`);
      for (const l of shape.labels) {
        if (!q.levels?.fr.includes(l)) out.push(`${where}: « ${l} » is not a level of ${q.key}`);
      }
      if (q.levels && shape.labels.length >= q.levels.fr.length) out.push(`${where}: condition keeps every level`);
    }
  }
  return out;
}
