/**
 * The indicator engine: from the registry, the survey answers, the observations and the manual values to the rows
 * of « Valeurs » (one per indicator × period × segment, always with n), the checks per survey wave, and the
 * person-level flags that stay inside the structure. Pure: no sheet, no clock.
 */
import { Codebook, countPersons } from '../codebook/codebook';
import { breakdownNames, recogniseRespondentType } from '../contract/words';
import type { Indicator, Question } from '../registry/model';
import { numberBounds } from '../registry/validate';
import { normaliseLabel } from '../scales/score';
import { clipInterval, type Interval, meanFromSums, meanInterval, medianInterval, sortedMedian, wilsonInterval } from '../stats/intervals';
import { mcnemar, pairedShareDifference, wilcoxonSignedRank } from '../stats/paired';
import { DASHBOARD_MIN_N, suppression } from '../stats/suppression';
import { fold } from '../text/fold';
import { type Coded, type CodedColumn, QuestionCoder, type ScaleScorer, meets, scaleScorer } from './answers';
import { surveyChecks } from './checks';
import {
  ATTRITION_SD_GAP, ATTRITION_SHARE, CEILING_SHARE, GAP_MIN_GROUP_N, GAP_POINTS, GAP_SMD, flag, nonResponseFlags,
  proxyFlags, share, smallSampleFlag, wideMarginFlag,
} from './flags';
import type { ComputeInput, ComputeResult, Flag, ObservationRow, PairsLeftOut, ShareWithInterval, ValueDetail, ValueRow } from './model';
import { type ColumnPlan, type RowClasses, SurveyColumns, TYPE_NULL, TYPE_PROXY } from './columns';
import { comparePeriods, compareSegments, periodOf } from './periods';
import { statusOf, targetFor } from './status';
import { conditionText, frList, frNumber, frPercent, outOf, personsRaising } from './text';
import { count } from '../text/plural';

const NO_SEGMENT = '';

/** Running sums for one group of answers (an interviewer, a mode). */
interface Group {
  n: number;
  k: number;
  sum: number;
  sumSquares: number;
}

class Cell {
  n = 0;
  k = 0;
  sum = 0;
  sumSquares = 0;
  values: number[] = [];
  /**
   * For a median counted per row class (exact values): answers per coding id, and each id's value. The sorted values
   * are then laid out from the counts instead of being pushed one by one and sorted (same array: equal numbers).
   */
  valueCounts: Float64Array | null = null;
  valueOf: Float64Array | null = null;
  missing = 0;
  dontKnow = 0;
  invalid = 0;
  proxyExcluded = 0;
  proxyIncluded = 0;
  unknownType = 0;
  atMax = 0;
  atMin = 0;
  distribution: number[] | null;
  /** Per interviewer and per mode id (whole-period cells only). */
  interviewers: Array<Group | undefined> | null;
  modes: Array<Group | undefined> | null;

  constructor(levels: number, interviewers: number, modes: number) {
    this.distribution = levels > 0 ? new Array<number>(levels).fill(0) : null;
    this.interviewers = interviewers > 0 ? new Array<Group | undefined>(interviewers) : null;
    this.modes = modes > 0 ? new Array<Group | undefined>(modes) : null;
  }

  get total(): number {
    return this.n + this.missing + this.dontKnow + this.invalid;
  }
}

function addToGroup(groups: Array<Group | undefined>, id: number, met: boolean, value: number, weight: number): void {
  if (id < 0) return;
  let g = groups[id];
  if (!g) groups[id] = g = { n: 0, k: 0, sum: 0, sumSquares: 0 };
  g.n += weight;
  if (met) g.k += weight;
  g.sum += value * weight;
  g.sumSquares += value * value * weight;
}

const KIND_VALUE = 0;
const KIND_MISSING = 1;
const KIND_DONT_KNOW = 2;
const KIND_INVALID = 3;
/** A question not asked at the row's wave: outside the base, counted nowhere. */
const KIND_NOT_ASKED = 4;

/** What an indicator makes of each distinct coding of its column (by coding id). */
interface CodingFacts {
  kind: Uint8Array;
  value: Float64Array;
  met: Uint8Array;
  atMax: Uint8Array;
  atMin: Uint8Array;
  /**
   * Whether every value is an integer small enough that sums and sums of squares over the whole column are exact in
   * any order: then answers can be counted per class and coding, and added as value × count.
   */
  exact: boolean;
}

function codingFacts(table: readonly Coded[], rows: number, met: (coded: Coded) => boolean, scorer: ScaleScorer | null): CodingFacts {
  const d = table.length;
  const facts: CodingFacts = { kind: new Uint8Array(d), value: new Float64Array(d), met: new Uint8Array(d), atMax: new Uint8Array(d), atMin: new Uint8Array(d), exact: true };
  let largest = 0;
  for (let i = 0; i < d; i++) {
    const coded = table[i]!;
    if (coded.kind !== 'value') {
      facts.kind[i] = coded.kind === 'missing' ? KIND_MISSING : coded.kind === 'dontKnow' ? KIND_DONT_KNOW : coded.kind === 'notAsked' ? KIND_NOT_ASKED : KIND_INVALID;
      continue;
    }
    const value = coded.value;
    facts.kind[i] = KIND_VALUE;
    facts.value[i] = value;
    facts.met[i] = met(coded) ? 1 : 0;
    if (scorer) {
      facts.atMax[i] = value >= scorer.max - 1e-9 ? 1 : 0;
      facts.atMin[i] = value <= scorer.min + 1e-9 ? 1 : 0;
    }
    if (!Number.isInteger(value) || Object.is(value, -0)) facts.exact = false;
    else largest = Math.max(largest, Math.abs(value));
  }
  if (largest * largest * Math.max(1, rows) > 2 ** 52) facts.exact = false;
  return facts;
}

/** How a survey indicator reads one row: the coded per-person value, and whether it meets the condition. */
interface Reader {
  /** The coded per-person value of each row of the survey. */
  column: CodedColumn;
  scorer: ScaleScorer | null;
  single: QuestionCoder | null;
  survey: SurveyColumns;
}

interface Context {
  input: ComputeInput;
  coders: Map<string, QuestionCoder>;
  /** Scale scorers by survey and items, shared by the indicators that read the same scale. */
  scorers: Map<string, ScaleScorer>;
  /** Each survey's answers, read column by column once. */
  columns: Map<string, SurveyColumns>;
  waves: string[];
  who: (indicator: Indicator) => string;
}

/** The smallest n that gets an interval: the indicator's own minimum, else 5. */
function minimumN(indicator: Indicator): number {
  return indicator.minN > 0 ? indicator.minN : DASHBOARD_MIN_N;
}

/** A question whose answer options each say who answered (the person, helped, someone else): the respondent type. */
function isRespondentTypeQuestion(q: Question): boolean {
  if (q.type !== 'single' || q.levels.length < 2) return false;
  const types = q.levels.map(recogniseRespondentType);
  return types.every((t) => t !== null) && new Set(types).size >= 2;
}

const WAVE_NAMES = new Set(breakdownNames('wave').map(fold));
const RESPONDENT_TYPE_BREAKDOWN = breakdownNames('respondentType')[0]!;

/**
 * The breakdowns an indicator really has. By wave when its periods are waves (or a change between waves) repeats the
 * whole group: left out. By the survey's respondent-type question reads the one respondent-type column the import
 * writes (the paradatum), whatever order the waves were imported in: one column, one meaning.
 */
function effectiveBreakdowns(indicator: Indicator, respondentTypeKeys: ReadonlySet<string>): string[] {
  const survey = indicator.source.type === 'survey' ? indicator.source.survey : '';
  const byWave = indicator.granularity === 'wave' || indicator.method === 'change';
  const out: string[] = [];
  for (const column of indicator.disaggregation) {
    if (byWave && WAVE_NAMES.has(fold(column))) continue;
    const name = respondentTypeKeys.has(`${survey}\u0000${fold(column)}`) ? RESPONDENT_TYPE_BREAKDOWN : column;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

export function computeIndicators(given: ComputeInput): ComputeResult {
  const respondentTypeKeys = new Set(given.questions.filter(isRespondentTypeQuestion).map((q) => `${q.survey}\u0000${fold(q.key)}`));
  const input: ComputeInput = { ...given, indicators: given.indicators.map((i) => ({ ...i, disaggregation: effectiveBreakdowns(i, respondentTypeKeys) })) };
  const coders = new Map<string, QuestionCoder>();
  for (const q of input.questions) coders.set(`${q.survey}\u0000${q.key}`, new QuestionCoder(q));
  const stakeholders = new Map((input.outcomes ?? []).map((o) => [o.id, o.stakeholder.trim().toLowerCase()]));
  const ctx: Context = { input, coders, scorers: new Map(), columns: new Map(), waves: [], who: (i) => stakeholders.get(i.outcome) || 'personnes' };
  // Read each survey once for every question an indicator or a check reads, every period, breakdown and paradata
  // grouping the indicators use, and the person ids (before/after pairs, people lost since the first wave).
  const plans = new Map<string, ColumnPlan>();
  const planOf = (survey: string) => {
    let plan = plans.get(survey);
    if (!plan) plans.set(survey, (plan = { coders: [], granularities: ['wave'], breakdowns: [], persons: true }));
    return plan;
  };
  const need = (survey: string, coder: QuestionCoder | undefined) => {
    if (coder) (planOf(survey).coders as QuestionCoder[]).push(coder);
  };
  for (const s of input.answers) planOf(s.survey);
  for (const indicator of input.indicators) {
    const source = indicator.source;
    if (indicator.method === 'manual' || source.type !== 'survey') continue;
    for (const key of source.questions) need(source.survey, coders.get(`${source.survey}\u0000${key}`));
    const plan = planOf(source.survey);
    (plan.granularities as Array<Indicator['granularity']>).push(indicator.method === 'change' ? 'wave' : indicator.granularity);
    (plan.breakdowns as string[]).push(...indicator.disaggregation);
  }
  for (const q of input.questions) if (q.type === 'likert' && q.levels.length >= 2) need(q.survey, coders.get(`${q.survey}\u0000${q.key}`));
  for (const [survey, plan] of plans) columnsOf(ctx, survey).prepare(plan);

  // Every wave, in order of first appearance (survey by survey, row by row), then sorted.
  const waveSet = new Set<string>();
  for (const s of input.answers) {
    const columns = columnsOf(ctx, s.survey);
    const labels = columns.rows === s.rows ? columns.periods('wave').labels : new SurveyColumns(s.rows).periods('wave').labels;
    for (const wave of labels) waveSet.add(wave);
  }
  const waves = [...waveSet].sort((a, b) => comparePeriods(a, b, input.waveOrder));
  ctx.waves = waves;

  const codebook = new Codebook(input.outcomes ?? [], input.themes ?? []);
  const values: ValueRow[] = [];
  for (const indicator of input.indicators) {
    const source = indicator.source;
    if (indicator.method === 'manual' || source.type === 'manual') values.push(...manualRows(indicator, ctx));
    else if (source.type === 'observations') {
      values.push(...(indicator.method === 'persons' ? personRows : observationRows)(indicator, source.tags, input.observations, codebook));
    }
    else {
      values.push(...(indicator.method === 'change' ? changeRows(indicator, source.survey, source.questions, ctx) : surveyRows(indicator, source.survey, source.questions, ctx)));
    }
  }
  const checks = surveyChecks(input, waves, (survey) => columnsOf(ctx, survey), (q) => ctx.coders.get(`${q.survey}\u0000${q.key}`)!);
  return { values, surveyChecks: checks.surveyChecks, personFlags: checks.personFlags };
}

function baseRow(indicator: Indicator, period: string, segment: string): ValueRow {
  return {
    indicator: indicator.code, period, segment, value: null, n: 0, low: null, high: null,
    baseline: indicator.baseline?.value ?? null, target: null, status: '', flags: [], methodText: '',
    suppressed: false, exportSuppressed: false, computed: true, detail: {},
  };
}

/** Fills target, status and suppression once the value is known. */
function finish(indicator: Indicator, row: ValueRow, people: boolean): ValueRow {
  const target = targetFor(row.period, indicator.targets);
  row.target = target?.value ?? null;
  if (people && row.n !== null) {
    const counted = indicator.method === 'proportion' || indicator.method === 'count' || indicator.method === 'persons' || row.detail.change?.kind === 'ordinal';
    const s = suppression(row.n, { k: counted ? row.detail.k : undefined, minN: indicator.minN });
    row.suppressed = s.dashboard;
    row.exportSuppressed = s.export;
    if (s.dashboard) row.flags.push(flag('suppressed', 'info', `Masqué sur le tableau de bord : moins de ${Math.max(5, indicator.minN)} personnes.`));
  }
  row.status = statusOf({
    value: row.value, insufficient: row.suppressed, direction: indicator.direction, baseline: row.baseline,
    target, period: row.period, unit: indicator.unit,
  });
  return row;
}

function definitionProblem(indicator: Indicator, message: string): ValueRow {
  const row = baseRow(indicator, '', NO_SEGMENT);
  row.n = null;
  row.flags.push(flag('missing_question', 'alerte', message));
  row.methodText = message;
  row.status = 'données insuffisantes';
  return row;
}

function columnsOf(ctx: Context, survey: string): SurveyColumns {
  let columns = ctx.columns.get(survey);
  if (!columns) ctx.columns.set(survey, (columns = new SurveyColumns(ctx.input.answers.find((a) => a.survey === survey)?.rows ?? [])));
  return columns;
}

function readerFor(indicator: Indicator, survey: string, keys: readonly string[], ctx: Context): Reader | string {
  const found: QuestionCoder[] = [];
  for (const key of keys) {
    const coder = ctx.coders.get(`${survey}\u0000${key}`);
    if (!coder) return `Question « ${key} » introuvable dans l'enquête ${survey} : vérifiez l'onglet Questions.`;
    found.push(coder);
  }
  if (found.length === 0) return `Aucune question source pour ${indicator.code}.`;
  const columns = columnsOf(ctx, survey);
  if (found.length > 1 || found[0]!.question.scale !== '') {
    const scorerKey = `${survey}\u0000${keys.join('\u0000')}`;
    let scorer = ctx.scorers.get(scorerKey);
    if (!scorer) ctx.scorers.set(scorerKey, (scorer = scaleScorer(found)));
    return { column: columns.scores(scorer), scorer, single: null, survey: columns };
  }
  return { column: columns.column(found[0]!), scorer: null, single: found[0]!, survey: columns };
}

/**
 * An indicator computed from a survey, per period and per group of each breakdown: the answers counted n (those who
 * answered, « ne sait pas » and blanks apart), k meeting the condition, Σx and Σx² for a mean and its t interval, the
 * values for a median, the answers per level of a scale; proxies left aside for a self-report indicator and counted;
 * a question not asked at a wave counts nowhere. For speed, answers are counted per class of rows (same period, groups,
 * interviewer, mode, respondent type) and coding, then each count is added to its cells once (see RowClasses).
 */
function surveyRows(indicator: Indicator, survey: string, keys: readonly string[], ctx: Context): ValueRow[] {
  const reader = readerFor(indicator, survey, keys, ctx);
  if (typeof reader === 'string') return [definitionProblem(indicator, reader)];
  const condition = indicator.condition;
  if (indicator.method === 'proportion' && !condition) return [definitionProblem(indicator, `${indicator.code} : une proportion a besoin d'une condition (ex. « in [« Oui »] » ou « ≥ 4 »).`)];
  const wanted = condition?.op === 'in' ? new Set(condition.values.map(normaliseLabel)) : undefined;
  const levels = reader.single && reader.single.question.type !== 'multiple' && reader.single.isChoice ? reader.single.question.levels.length : 0;
  // For a single choice, whether each rank meets the condition, decided once.
  const metByRank = levels > 0 && condition ? reader.single!.question.levels.map((_, i) => meets(condition, reader.single!.code(i + 1), wanted)) : null;
  const selfOnly = indicator.respondentRule === 'self';
  const keepValues = indicator.method === 'median';
  const columns = reader.survey;
  const rows = columns.rows;
  const periods = columns.periods(indicator.granularity);
  const interviewers = columns.paradata('interviewer');
  const modes = columns.paradata('mode');
  const breakdowns = indicator.disaggregation.map((column) => ({ groups: columns.segments(column), cells: [] as Array<Cell | undefined> }));
  const whole: Array<Cell | undefined> = [];
  const touched = new Array<Cell>(1 + breakdowns.length);
  const scorer = reader.scorer;
  const codes = reader.column.ids;
  const facts = codingFacts(reader.column.table, rows.length, (coded) => (metByRank ? metByRank[coded.value - 1]! : condition ? meets(condition, coded, wanted) : true), scorer);
  const kinds = facts.kind;
  let noPeriod = 0;

  /** Adds `weight` answers with coding `d` and respondent type `type` to the touched cells. */
  const add = (d: number, type: number, weight: number, interviewer: number, mode: number) => {
    if (selfOnly && type === TYPE_PROXY) {
      for (let t = 0; t < touched.length; t++) touched[t]!.proxyExcluded += weight;
      return;
    }
    const kind = kinds[d]!;
    const value = facts.value[d]!;
    const met = facts.met[d] === 1;
    for (let t = 0; t < touched.length; t++) {
      const cell = touched[t]!;
      if (type === TYPE_PROXY) cell.proxyIncluded += weight;
      else if (type === TYPE_NULL) cell.unknownType += weight;
      if (kind === KIND_MISSING) cell.missing += weight;
      else if (kind === KIND_DONT_KNOW) cell.dontKnow += weight;
      else if (kind === KIND_INVALID) cell.invalid += weight;
      else {
        cell.n += weight;
        if (met) cell.k += weight;
        cell.sum += value * weight;
        cell.sumSquares += value * value * weight;
        if (keepValues) {
          if (facts.exact) {
            if (!cell.valueCounts) {
              cell.valueCounts = new Float64Array(kinds.length);
              cell.valueOf = facts.value;
            }
            cell.valueCounts[d]! += weight;
          } else for (let w = 0; w < weight; w++) cell.values.push(value);
        }
        if (cell.distribution) cell.distribution[value - 1]! += weight;
        if (scorer) {
          if (facts.atMax[d] === 1) cell.atMax += weight;
          if (facts.atMin[d] === 1) cell.atMin += weight;
        }
        if (cell.interviewers) addToGroup(cell.interviewers, interviewer, met, value, weight);
        if (cell.modes) addToGroup(cell.modes, mode, met, value, weight);
      }
    }
  };
  /** Points the touched cells at period `p` and segments `segmentOf(j)`, creating them on first use. */
  const touch = (p: number, segments: readonly Int32Array[], at: number) => {
    touched[0] = whole[p] ?? (whole[p] = new Cell(levels, interviewers.labels.length, modes.labels.length));
    for (let j = 0; j < breakdowns.length; j++) {
      const b = breakdowns[j]!;
      const i = p * b.groups.labels.length + segments[j]![at]!;
      touched[j + 1] = b.cells[i] ?? (b.cells[i] = new Cell(levels, 0, 0));
    }
  };

  if (facts.exact) {
    // Count the answers per row class and coding, then spread each count over its cells.
    const classes: RowClasses = columns.classes(indicator.granularity, indicator.disaggregation);
    const width = kinds.length;
    const counts = new Int32Array(classes.count * width);
    const classOf = classes.ids;
    for (let i = 0; i < codes.length; i++) counts[classOf[i]! * width + codes[i]!]!++;
    for (let c = 0; c < classes.count; c++) {
      const p = classes.period[c]!;
      const base = c * width;
      // Rows where the question was not asked (another wave) count nowhere, not even as a period seen.
      let asked = 0;
      for (let d = 0; d < width; d++) if (kinds[d] !== KIND_NOT_ASKED) asked += counts[base + d]!;
      if (asked === 0) continue;
      if (p < 0) {
        noPeriod += asked;
        continue;
      }
      touch(p, classes.segments, c);
      for (let d = 0; d < width; d++) {
        const weight = counts[base + d]!;
        if (weight > 0 && kinds[d] !== KIND_NOT_ASKED) add(d, classes.type[c]!, weight, classes.interviewer[c]!, classes.mode[c]!);
      }
    }
  } else {
    // Values whose sums depend on the order of addition: row by row, in the sheet's order.
    const types = columns.types();
    const segments = breakdowns.map((b) => b.groups.ids);
    for (let i = 0; i < rows.length; i++) {
      if (kinds[codes[i]!] === KIND_NOT_ASKED) continue;
      const p = periods.ids[i]!;
      if (p < 0) {
        noPeriod++;
        continue;
      }
      touch(p, segments, i);
      add(codes[i]!, types[i]!, 1, interviewers.ids[i]!, modes.ids[i]!);
    }
  }

  const cells = new Map<string, Map<string, Cell>>();
  whole.forEach((cell, p) => cell && cells.set(periods.labels[p]!, new Map([[NO_SEGMENT, cell]])));
  for (const b of breakdowns) {
    const width = b.groups.labels.length;
    b.cells.forEach((cell, at) => cell && cells.get(periods.labels[Math.floor(at / width)]!)!.set(b.groups.labels[at % width]!, cell));
  }
  const out: ValueRow[] = [];
  const sortedPeriods = [...cells.keys()].sort((a, b) => comparePeriods(a, b, ctx.input.waveOrder));
  for (const period of sortedPeriods) {
    const bySegment = cells.get(period)!;
    const segments = [...bySegment.keys()].sort(compareSegments);
    for (const segment of segments) {
      const cell = bySegment.get(segment)!;
      const row = summarise(indicator, period, segment, cell, reader, ctx);
      if (segment === NO_SEGMENT) {
        row.flags.push(...cellChecks(indicator, cell, reader, columns.paradata('interviewer').labels, columns.paradata('mode').labels));
        if (noPeriod > 0) row.flags.push(flag('no_period', 'info', `${noPeriod} réponse${noPeriod > 1 ? 's' : ''} sans ${indicator.granularity === 'wave' ? 'vague' : 'date'}, laissée${noPeriod > 1 ? 's' : ''} hors des périodes.`));
      }
      out.push(finish(indicator, row, true));
    }
  }
  return out;
}

/** The values counted per coding id, ascending, each repeated as many times as counted. */
function sortedFromCounts(counts: Float64Array, valueOf: Float64Array): number[] {
  const ids: number[] = [];
  for (let d = 0; d < counts.length; d++) if (counts[d]! > 0) ids.push(d);
  ids.sort((a, b) => valueOf[a]! - valueOf[b]!);
  const sorted: number[] = [];
  for (const d of ids) {
    const value = valueOf[d]!;
    for (let w = counts[d]!; w > 0; w--) sorted.push(value);
  }
  return sorted;
}

/** What an indicator's values can range over: ranks 1…k, a scale's score range, a number's declared bounds. */
function boundsOf(reader: Pick<Reader, 'scorer' | 'single'>): { min: number; max: number } | null {
  if (reader.scorer) return Number.isFinite(reader.scorer.min) && Number.isFinite(reader.scorer.max) ? { min: reader.scorer.min, max: reader.scorer.max } : null;
  const q = reader.single!.question;
  if (reader.single!.isChoice) return q.type === 'multiple' ? { min: 0, max: q.levels.length } : { min: 1, max: q.levels.length };
  return q.type === 'number' ? numberBounds(q.levels) : null;
}

/**
 * The bounds of a survey indicator's values from its definition alone (no answers): for a coordinator, who pools
 * members' figures and must keep the pooled intervals inside the same scale. Null when unbounded or not from a survey.
 */
export function indicatorBounds(indicator: Indicator, questions: readonly Question[]): { min: number; max: number } | null {
  const source = indicator.source;
  if (source.type !== 'survey') return null;
  const found = source.questions.map((key) => questions.find((q) => q.survey === source.survey && q.key === key));
  if (found.length === 0 || found.some((q) => !q)) return null;
  const coders = found.map((q) => new QuestionCoder(q!));
  return boundsOf(coders.length > 1 || coders[0]!.question.scale !== '' ? { scorer: scaleScorer(coders), single: null } : { scorer: null, single: coders[0]! });
}

/**
 * The 95 % interval a value gets: none below the minimum n (« trop peu de réponses »), else the method's interval
 * kept inside the bounds of what is measured. Fills the detail that says which, and the flag that says why not.
 */
function intervalFor(indicator: Indicator, row: ValueRow, n: number, bounds: { min: number; max: number } | null, name: string, compute: () => Interval | null): Interval | null {
  const minimum = minimumN(indicator);
  if (n < minimum) {
    row.detail.intervalWithheld = true;
    row.flags.push(flag('too_few_for_interval', 'info', `Pas d'intervalle de confiance : trop peu de réponses (${n}, il en faut au moins ${minimum}).`));
    return null;
  }
  const raw = compute();
  if (!raw) return null;
  row.detail.interval = name;
  if (bounds) row.detail.bounds = bounds;
  const ci = bounds ? clipInterval(raw, bounds.min, bounds.max) : raw;
  row.low = ci.low;
  row.high = ci.high;
  return ci;
}

/** « ; entre 56 et 86 % (intervalle de confiance à 95 %) », or why there is none. */
function intervalText(row: ValueRow, ci: Interval | null, decimals: number, unit = '', none = ''): string {
  if (ci) return ` ; entre ${frNumber(ci.low, decimals)} et ${frNumber(ci.high, decimals)}${unit} (intervalle de confiance à 95 %)`;
  return row.detail.intervalWithheld ? ' ; trop peu de réponses pour un intervalle de confiance' : none;
}

/** What the counted people answered, in plain words: « ont répondu « Assez » ou « Beaucoup » », « ont un score WHO-5 ≤ 50 ». */
function conditionPhrase(condition: NonNullable<Indicator['condition']>, reader: Reader, scaleName: string | null): string {
  if (reader.scorer) return `ont un ${scaleName} ${condition.op === 'between' ? '' : 'de '}${conditionText(condition)}`;
  const q = reader.single?.isChoice && reader.single.question.type !== 'multiple' ? reader.single.question : null;
  return `ont répondu ${conditionText(condition, q?.levels)}`;
}

function summarise(indicator: Indicator, period: string, segment: string, cell: Cell, reader: Reader, ctx: Context): ValueRow {
  const row = baseRow(indicator, period, segment);
  const n = cell.n;
  const who = ctx.who(indicator);
  row.n = n;
  row.detail = { missing: cell.missing, dontKnow: cell.dontKnow };
  if (cell.distribution && reader.single) {
    row.detail.distribution = reader.single.question.levels.map((level, i) => ({ level, count: cell.distribution![i]! }));
  }
  const small = smallSampleFlag(n);
  if (small) row.flags.push(small);
  const scaleName = reader.scorer ? (reader.scorer.id === 'generic' ? 'score' : `score ${reader.scorer.label}`) : null;
  const condition = indicator.condition;
  if (n === 0) {
    row.methodText = 'Aucune réponse utilisable pour cette période.';
    return row;
  }
  const bounds = boundsOf(reader);
  switch (indicator.method) {
    case 'proportion': {
      row.value = (100 * cell.k) / n;
      row.detail.k = cell.k;
      const ci = intervalFor(indicator, row, n, { min: 0, max: 100 }, 'Wilson', () => {
        const w = wilsonInterval(cell.k, n)!;
        return { low: 100 * w.low, high: 100 * w.high };
      });
      const wide = ci ? wideMarginFlag((ci.high - ci.low) / 2) : null;
      if (wide) row.flags.push(wide);
      row.methodText = `${outOf(cell.k, n, who)} ${conditionPhrase(condition!, reader, scaleName)}${intervalText(row, ci, 0, ' %')}.`;
      break;
    }
    case 'count': {
      row.value = cell.k;
      row.detail.k = cell.k;
      row.methodText = condition ? `${cell.k} ${who} sur ${n} ${conditionPhrase(condition, reader, scaleName)}.` : `${n} réponses.`;
      break;
    }
    case 'sum': {
      row.value = cell.sum;
      row.detail.sum = cell.sum;
      row.methodText = `Somme des réponses : ${frNumber(cell.sum)} ${indicator.unit}, sur ${n} réponses.`;
      break;
    }
    case 'median': {
      const sorted = cell.valueCounts ? sortedFromCounts(cell.valueCounts, cell.valueOf!) : cell.values.slice().sort((a, b) => a - b);
      row.value = sortedMedian(sorted);
      row.detail.median = row.value;
      const ci = intervalFor(indicator, row, n, bounds, 'rangs (médiane)', () => medianInterval(sorted));
      row.methodText = `Médiane : ${frNumber(row.value!)} ${indicator.unit} sur ${n} réponses (la moitié en dessous, la moitié au-dessus)${intervalText(row, ci, 1, '', ' ; intervalle non calculable sous 6 réponses')}.`;
      break;
    }
    default: {
      // mean, and scale: the mean of the per-person scores
      const summary = meanFromSums(n, cell.sum, cell.sumSquares)!;
      row.value = summary.mean;
      row.detail.sum = cell.sum;
      row.detail.sumSquares = cell.sumSquares;
      row.detail.sd = summary.sd;
      const ci = intervalFor(indicator, row, n, bounds, 't de Student', () => meanInterval(summary));
      const what = scaleName ? `${scaleName[0]!.toUpperCase()}${scaleName.slice(1)} moyen` : 'Moyenne';
      const q = reader.single?.isChoice ? reader.single.question : null;
      const legend = q ? ` (de 1 = « ${q.levels[0]} » à ${q.levels.length} = « ${q.levels[q.levels.length - 1]} »)` : '';
      row.methodText = `${what} : ${frNumber(summary.mean)} sur ${n} ${who}${legend}${intervalText(row, ci, 1)}.`;
    }
  }
  return row;
}

/** Checks that need the whole period's answers: proxies, non-response, ceiling, gaps between interviewers and modes. */
function cellChecks(indicator: Indicator, cell: Cell, reader: Reader, interviewerNames: readonly string[], modeNames: readonly string[]): Flag[] {
  const flags = nonResponseFlags(cell.missing, cell.dontKnow, cell.invalid, cell.total);
  flags.push(...proxyFlags({ excluded: cell.proxyExcluded, included: cell.proxyIncluded, unknown: cell.unknownType, total: cell.total }));
  if (reader.scorer && cell.n > 0) {
    const shown = reader.scorer.id === 'generic' ? '' : ` ${reader.scorer.label}`;
    if (share(cell.atMax, cell.n) > CEILING_SHARE) {
      flags.push(flag('ceiling', 'alerte', `Effet plafond : ${frPercent(cell.atMax / cell.n)} au score maximal${shown} (${cell.atMax} sur ${cell.n}) : une amélioration ne pourra pas se voir chez ces personnes.`));
    }
    if (share(cell.atMin, cell.n) > CEILING_SHARE) {
      flags.push(flag('floor', 'alerte', `Effet plancher : ${frPercent(cell.atMin / cell.n)} au score minimal${shown} (${cell.atMin} sur ${cell.n}).`));
    }
  }
  const binary = indicator.method === 'proportion' || (indicator.method === 'count' && indicator.condition !== null);
  const gap = (byId: Array<Group | undefined> | null, names: readonly string[], code: 'interviewer_gap' | 'mode_gap', noun: string) => {
    const groups = new Map<string, Group>();
    byId?.forEach((g, id) => g && groups.set(names[id]!, g));
    if (groups.size < 2) return;
    const total = [...groups.values()].reduce((acc, g) => ({ n: acc.n + g.n, k: acc.k + g.k, sum: acc.sum + g.sum, sumSquares: acc.sumSquares + g.sumSquares }), { n: 0, k: 0, sum: 0, sumSquares: 0 });
    let worst: { name: string; text: string; size: number } | null = null;
    for (const [name, g] of groups) {
      const rest = { n: total.n - g.n, k: total.k - g.k, sum: total.sum - g.sum, sumSquares: total.sumSquares - g.sumSquares };
      if (g.n < GAP_MIN_GROUP_N || rest.n < GAP_MIN_GROUP_N) continue;
      if (binary) {
        const points = 100 * (g.k / g.n - rest.k / rest.n);
        if (Math.abs(points) >= GAP_POINTS && (!worst || Math.abs(points) > worst.size)) {
          worst = { name, size: Math.abs(points), text: `${frPercent(g.k / g.n)} pour ${noun} « ${name} » (n = ${g.n}) contre ${frPercent(rest.k / rest.n)} pour les autres (n = ${rest.n}), soit ${frNumber(Math.abs(points), 0)} points d'écart` };
        }
      } else {
        const a = meanFromSums(g.n, g.sum, g.sumSquares)!;
        const b = meanFromSums(rest.n, rest.sum, rest.sumSquares)!;
        const pooled = Math.sqrt(((g.n - 1) * a.sd! ** 2 + (rest.n - 1) * b.sd! ** 2) / (g.n + rest.n - 2));
        const smd = pooled > 0 ? (a.mean - b.mean) / pooled : 0;
        if (Math.abs(smd) >= GAP_SMD && (!worst || Math.abs(smd) > worst.size)) {
          worst = { name, size: Math.abs(smd), text: `moyenne ${frNumber(a.mean)} pour ${noun} « ${name} » (n = ${g.n}) contre ${frNumber(b.mean)} pour les autres (n = ${rest.n}), soit ${frNumber(Math.abs(smd), 2)} écart-type` };
        }
      }
    }
    if (worst) {
      const advice = code === 'interviewer_gap' ? 'vérifiez la façon de poser les questions (attention aux différences de public entre enquêteurs).' : 'les réponses peuvent dépendre de la façon de répondre (seul ou avec quelqu’un).';
      flags.push(flag(code, 'alerte', `Écart selon ${code === 'interviewer_gap' ? "l'enquêteur" : 'le mode de passation'} : ${worst.text} ; ${advice}`));
    }
  };
  gap(cell.interviewers, interviewerNames, 'interviewer_gap', "l'enquêteur");
  gap(cell.modes, modeNames, 'mode_gap', 'le mode');
  return flags;
}

// ---------------------------------------------------------------------------------------------------------------
// Before/after change

/** The pairs of one segment between two waves: their differences and counts, and who was left out. */
interface Pairs {
  /** after − before per pair: a number or a score, a rank on a scale, or 0/1 for a yes/no. */
  differences: number[];
  /** yes/no pairs: a = yes → yes, b = yes → no, c = no → yes, d = no → no. */
  a: number;
  b: number;
  c: number;
  d: number;
  sumBefore: number;
  sumAfter: number;
  improved: number;
  stable: number;
  worse: number;
  leftOut: PairsLeftOut;
  /** Values before of those kept, and of those who left (attrition bias). */
  keptBefore: number[];
  lostBefore: number[];
}

const newPairs = (): Pairs => ({
  differences: [], a: 0, b: 0, c: 0, d: 0, sumBefore: 0, sumAfter: 0, improved: 0, stable: 0, worse: 0, keptBefore: [], lostBefore: [],
  leftOut: { noBefore: 0, noAfter: 0, blankAfter: 0, proxyBefore: 0, proxyAfter: 0, typeChanged: 0 },
});

const signed = (x: number, decimals: number) => `${x > 0 ? '+' : ''}${frNumber(x, decimals)}`;

/** « 4 sans réponse à T0, 2 réponses par un proche à T1 »: every person a pair count leaves out, with the reason. */
function leftOutText(left: PairsLeftOut, before: string, after: string): string {
  const parts: string[] = [];
  if (left.noBefore > 0) parts.push(`${left.noBefore} sans réponse à ${before}`);
  if (left.proxyBefore > 0) parts.push(`${count(left.proxyBefore, 'réponse', 'réponses')} par un proche à ${before}`);
  if (left.noAfter > 0) parts.push(`${left.noAfter} sans réponse à ${after}`);
  if (left.blankAfter > 0) parts.push(`${left.blankAfter} sans réponse à cette question à ${after}`);
  if (left.proxyAfter > 0) parts.push(`${count(left.proxyAfter, 'réponse', 'réponses')} par un proche à ${after}`);
  if (left.typeChanged > 0) parts.push(`${left.typeChanged} ${left.typeChanged > 1 ? 'qui ont répondu elles-mêmes' : 'qui a répondu elle-même'} à une vague et par quelqu'un d'autre (ou sans le dire) à l'autre`);
  return parts.join(', ');
}

function shareOf(count: number, n: number, withInterval: boolean): ShareWithInterval {
  const ci = withInterval ? wilsonInterval(count, n) : null;
  return { count, percent: (100 * count) / n, low: ci ? 100 * ci.low : null, high: ci ? 100 * ci.high : null };
}

/**
 * Before/after change on the same people, for each wave after the first: people are paired by their person id (their
 * first answer at each wave) and each pair gives a difference after − before. Three kinds of answer, three figures:
 * - yes/no (a condition): the change in the share meeting it, in points, with Newcombe's paired interval; McNemar;
 * - ordinal (a scale of answers, no condition): the share who moved up, with the shares stable and down, each with a
 *   Wilson interval; Wilcoxon on the ranks (a mean of ranks would treat the gaps between answers as equal);
 * - a number or a score: the mean difference with its t interval (inside ± the scale's range); Wilcoxon.
 * A nominal question (choices without an order) cannot progress: refused without a condition. Every person seen at
 * either wave but not paired is counted with the reason, in the sentence and the flags.
 */
function changeRows(indicator: Indicator, survey: string, keys: readonly string[], ctx: Context): ValueRow[] {
  const reader = readerFor(indicator, survey, keys, ctx);
  if (typeof reader === 'string') return [definitionProblem(indicator, reader)];
  const condition = indicator.condition;
  const question = reader.scorer ? null : reader.single!.question;
  if (!condition && question && (question.type === 'single' || question.type === 'multiple')) {
    return [definitionProblem(indicator, `${indicator.code} : « ${question.key} » est une question à choix sans ordre entre les réponses : une évolution avant/après a besoin d'une condition (la réponse comptée, ex. « in [« Oui »] »), sinon « progresser » ne veut rien dire. Ajoutez-la dans la colonne Condition de l'onglet Indicateurs, puis lancez « Vérifier ».`)];
  }
  const kind: NonNullable<ValueDetail['change']>['kind'] = condition ? 'binary' : question?.type === 'likert' ? 'ordinal' : 'score';
  const wanted = condition?.op === 'in' ? new Set(condition.values.map(normaliseLabel)) : undefined;
  // The waves this survey's rows carry: its wave labels, not another walk over the rows.
  const own = reader.survey.periods('wave').labels;
  const waves = ctx.waves.filter((w) => own.includes(w));
  if (waves.length < 2) return [definitionProblem(indicator, `${indicator.code} : il faut au moins deux vagues (ex. T0 et T1) pour une évolution avant/après.`)];
  const selfOnly = indicator.respondentRule === 'self';
  // Every row is paired, proxies included, so that a proxy answer is counted as the reason a pair is left out.
  const pairing = reader.survey.pairing(false);
  const types = reader.survey.types();
  const width = pairing.waves.length;
  const codes = reader.column.ids;
  const table = reader.column.table;
  // Whether each distinct coding meets the condition, decided once.
  const metById = condition ? table.map((coded) => coded.kind === 'value' && meets(condition, coded, wanted)) : null;
  const breakdowns = indicator.disaggregation.map((c) => reader.survey.segments(c));
  const before = waves[0]!;
  const beforeAt = pairing.waves.indexOf(before);
  const improving = indicator.direction === 'down' ? -1 : 1;
  const out: ValueRow[] = [];
  for (const after of waves.slice(1)) {
    const afterAt = pairing.waves.indexOf(after);
    const cells = new Map<string, Pairs>();
    const cellFor = (segment: string) => {
      let p = cells.get(segment);
      if (!p) cells.set(segment, (p = newPairs()));
      return p;
    };
    cellFor(NO_SEGMENT);
    const personSegments: string[] = [NO_SEGMENT];
    for (let person = 0; person < pairing.persons; person++) {
      const first = pairing.first[person * width + beforeAt]!;
      const second = pairing.first[person * width + afterAt]!;
      if (first < 0 && second < 0) continue;
      const was = first < 0 ? null : table[codes[first]!]!;
      const is = second < 0 ? null : table[codes[second]!]!;
      // Not asked at either wave: this change does not concern the person.
      if ((was === null || was.kind === 'notAsked') && (is === null || is.kind === 'notAsked')) continue;
      let reason: keyof PairsLeftOut | null = null;
      if (selfOnly && first >= 0 && types[first] === TYPE_PROXY) reason = 'proxyBefore';
      else if (selfOnly && second >= 0 && types[second] === TYPE_PROXY) reason = 'proxyAfter';
      else if (was === null || was.kind !== 'value') reason = 'noBefore';
      else if (is === null) reason = 'noAfter';
      else if (is.kind !== 'value') reason = 'blankAfter';
      else if (types[first] !== types[second]) reason = 'typeChanged';
      const at = first >= 0 ? first : second;
      for (let j = 0; j < breakdowns.length; j++) {
        const g = breakdowns[j]!;
        personSegments[j + 1] = g.labels[g.ids[at]!]!;
      }
      for (let j = 0; j < personSegments.length; j++) {
        const p = cellFor(personSegments[j]!);
        if (reason !== null) {
          p.leftOut[reason]++;
          if (reason === 'noAfter') p.lostBefore.push(was!.value);
          continue;
        }
        const x = metById ? (metById[codes[first]!] ? 1 : 0) : was!.value;
        const y = metById ? (metById[codes[second]!] ? 1 : 0) : is!.value;
        if (metById) {
          if (x === 1 && y === 1) p.a++;
          else if (x === 1) p.b++;
          else if (y === 1) p.c++;
          else p.d++;
        }
        const move = y - x;
        p.differences.push(move);
        p.keptBefore.push(was!.value);
        p.sumBefore += x;
        p.sumAfter += y;
        if (move * improving > 0) p.improved++;
        else if (move === 0) p.stable++;
        else p.worse++;
      }
    }
    const segments = [...cells.keys()].sort(compareSegments);
    for (const segment of segments) {
      const p = cells.get(segment)!;
      const row = changeRow(indicator, reader, ctx, { kind, before, after, segment, pairs: p, conditionWords: condition ? conditionPhrase(condition, reader, null) : '' });
      if (segment === NO_SEGMENT) row.flags.push(...pairFlags(p, before, after, pairing.withoutId));
      out.push(finish(indicator, row, true));
    }
  }
  return out;
}

/** One value row of a before/after change: the figure of its kind, its interval, its test and its sentence. */
function changeRow(indicator: Indicator, reader: Reader, ctx: Context, at: { kind: NonNullable<ValueDetail['change']>['kind']; before: string; after: string; segment: string; pairs: Pairs; conditionWords: string }): ValueRow {
  const { kind, before, after, pairs: p } = at;
  const row = baseRow(indicator, after, at.segment);
  const n = p.differences.length;
  row.n = n;
  const small = smallSampleFlag(n);
  if (small) row.flags.push(small);
  const enough = n >= minimumN(indicator);
  const shares = n > 0 ? { improved: shareOf(p.improved, n, enough), stable: shareOf(p.stable, n, enough), worse: shareOf(p.worse, n, enough) } : null;
  let test: NonNullable<ValueDetail['change']>['test'];
  if (kind === 'binary') {
    const m = mcnemar(p.b, p.c);
    test = m.test.informative ? { name: 'mcnemar', p: m.test.p, method: 'mid-p', message: null } : { name: 'mcnemar', p: null, method: null, message: m.test.message };
  } else {
    const w = wilcoxonSignedRank(p.differences);
    test = w.test.informative ? { name: 'wilcoxon', p: w.test.p, method: w.test.method, message: null } : { name: 'wilcoxon', p: null, method: null, message: w.test.message };
  }
  row.detail = {
    change: { kind, before, after, pairs: n, improved: p.improved, stable: p.stable, worse: p.worse, shares, leftOut: p.leftOut, test },
  };
  if (test.p !== null) row.detail.p = test.p;
  row.detail.k = p.improved;
  const change = row.detail.change!;
  const who = ctx.who(indicator);
  const left = leftOutText(p.leftOut, before, after);
  const leftSentence = left ? ` Laissés de côté : ${left}.` : '';
  if (n === 0) {
    row.methodText = `Aucune personne avec une réponse à ${before} et à ${after}.${leftSentence}`;
    return row;
  }
  const counts = n >= 10 ? ` (${frPercent(p.improved / n)} / ${frPercent(p.stable / n)} / ${frPercent(p.worse / n)})` : '';
  const head = `Sur ${n} ${who} ayant répondu à ${before} et à ${after} : ${p.improved} ont progressé, ${p.stable} stables, ${p.worse} en baisse${counts}`;
  let figure: string;
  if (kind === 'binary') {
    change.shareBefore = (100 * p.sumBefore) / n;
    change.shareAfter = (100 * p.sumAfter) / n;
    const d = pairedShareDifference(p.a, p.b, p.c, p.d)!;
    row.value = 100 * d.difference;
    const ci = intervalFor(indicator, row, n, { min: -100, max: 100 }, 'Newcombe (apparié)', () => ({ low: 100 * d.low, high: 100 * d.high }));
    figure = ` ; ${frPercent(change.shareBefore / 100)} ${at.conditionWords} à ${before}, ${frPercent(change.shareAfter / 100)} à ${after}, soit ${signed(row.value, 0)} points${
      ci ? ` ; entre ${signed(ci.low, 0)} et ${signed(ci.high, 0)} points (intervalle de confiance à 95 %)` : intervalText(row, null, 0)}`;
  } else if (kind === 'ordinal') {
    row.value = (100 * p.improved) / n;
    const ci = intervalFor(indicator, row, n, { min: 0, max: 100 }, 'Wilson', () => ({ low: shares!.improved.low!, high: shares!.improved.high! }));
    figure = ` ; part qui a progressé : ${frPercent(p.improved / n)}${intervalText(row, ci, 0, ' %')}`;
  } else {
    const s = meanFromSums(n, p.differences.reduce((acc, x) => acc + x, 0), p.differences.reduce((acc, x) => acc + x * x, 0))!;
    change.meanBefore = p.sumBefore / n;
    change.meanAfter = p.sumAfter / n;
    row.value = s.mean;
    row.detail.sd = s.sd;
    const range = boundsOf(reader);
    const spread = range ? range.max - range.min : null;
    const ci = intervalFor(indicator, row, n, spread === null ? null : { min: -spread, max: spread }, 't de Student', () => meanInterval(s));
    figure = ` ; évolution moyenne ${signed(s.mean, 1)} (de ${frNumber(change.meanBefore)} à ${frNumber(change.meanAfter)})${
      ci ? ` ; entre ${signed(ci.low, 1)} et ${signed(ci.high, 1)} (intervalle de confiance à 95 %)` : intervalText(row, null, 1)}`;
  }
  if (test.p === null) row.flags.push(flag('test_not_informative', 'info', `Test non informatif : moins de 6 ${kind === 'binary' ? 'personnes ont changé de réponse' : 'personnes ont une réponse différente'} entre ${before} et ${after}.`));
  row.methodText = `${head}${figure}.${leftSentence}`;
  return row;
}

function pairFlags(p: Pairs, before: string, after: string, withoutId: number): Flag[] {
  const flags: Flag[] = [];
  const left = p.leftOut;
  const leftCount = left.noBefore + left.noAfter + left.blankAfter + left.proxyBefore + left.proxyAfter + left.typeChanged;
  const seen = leftCount + p.differences.length;
  if (leftCount > 0) {
    flags.push(flag('pairs_left_out', 'info', `${leftCount} personne${leftCount > 1 ? 's' : ''} sur ${seen} laissée${leftCount > 1 ? 's' : ''} hors des paires : ${leftOutText(left, before, after)}.`));
  }
  const started = left.noAfter + left.blankAfter + left.typeChanged + left.proxyAfter + p.differences.length;
  if (left.noAfter > 0) {
    const lostShare = left.noAfter / started;
    let bias = '';
    const kept = meanFromSums(p.keptBefore.length, p.keptBefore.reduce((a, x) => a + x, 0), p.keptBefore.reduce((a, x) => a + x * x, 0));
    const lost = meanFromSums(p.lostBefore.length, p.lostBefore.reduce((a, x) => a + x, 0), p.lostBefore.reduce((a, x) => a + x * x, 0));
    const all = [...p.keptBefore, ...p.lostBefore];
    const sd = meanFromSums(all.length, all.reduce((a, x) => a + x, 0), all.reduce((a, x) => a + x * x, 0))?.sd ?? null;
    if (kept && lost && sd && sd > 0 && Math.abs(lost.mean - kept.mean) / sd >= ATTRITION_SD_GAP) {
      bias = ` Les personnes perdues partaient ${lost.mean < kept.mean ? 'plus bas' : 'plus haut'} (${frNumber(Math.abs(lost.mean - kept.mean) / sd, 1)} écart-type) : risque de biais d'attrition.`;
    }
    flags.push(flag('attrition', lostShare > ATTRITION_SHARE || bias ? 'alerte' : 'info', `${left.noAfter} personne${left.noAfter > 1 ? 's' : ''} sur ${started} vue${started > 1 ? 's' : ''} à ${before} sans réponse à ${after} (${frPercent(lostShare)}).${bias}`));
  }
  if (left.typeChanged > 0) {
    flags.push(flag('pairs_type_changed', 'info', `${left.typeChanged} paire${left.typeChanged > 1 ? 's' : ''} écartée${left.typeChanged > 1 ? 's' : ''} : la personne a répondu elle-même à une vague et quelqu'un a répondu pour elle (ou le type n'est pas dit) à l'autre.`));
  }
  const proxies = left.proxyBefore + left.proxyAfter;
  if (proxies > 0) {
    flags.push(flag('proxy_excluded', 'alerte', `${proxies} personne${proxies > 1 ? 's' : ''} sur ${seen} ${proxies > 1 ? 'ont' : 'a'} répondu par un proche à l'une des vagues, laissée${proxies > 1 ? 's' : ''} de côté : cet indicateur ne compte que les réponses des personnes elles-mêmes.`));
  }
  if (withoutId > 0) {
    flags.push(flag('attrition', 'info', `${withoutId} réponse${withoutId > 1 ? 's' : ''} sans code personne : impossible de les apparier.`));
  }
  return flags;
}

// ---------------------------------------------------------------------------------------------------------------
// Observations and manual values

/** The observations of each period of an indicator (observations carry a date, not a wave: « vague » means the year). */
function observationsByPeriod(indicator: Indicator, observations: readonly ObservationRow[]): Map<string, ObservationRow[]> {
  const granularity = indicator.granularity === 'wave' ? 'year' : indicator.granularity;
  const periods = new Map<string, string | null>();
  const byPeriod = new Map<string, ObservationRow[]>();
  for (const o of observations) {
    const month = o.date.slice(0, 7);
    let period = periods.get(month);
    if (period === undefined) periods.set(month, (period = periodOf(o.date, granularity)));
    if (period === null) continue;
    const list = byPeriod.get(period);
    if (list) list.push(o);
    else byPeriod.set(period, [o]);
  }
  return new Map([...byPeriod.keys()].sort(comparePeriods).map((p) => [p, byPeriod.get(p)!]));
}

const quotedList = (tags: readonly string[], codebook: Codebook) => frList(tags.map((t) => `« ${codebook.codeOf(t)?.label ?? t} »`));

function observationRows(indicator: Indicator, tags: readonly string[], observations: readonly ObservationRow[], codebook: Codebook): ValueRow[] {
  const carries = codebook.matcher(tags);
  const asShare = indicator.unit.trim() === '%';
  const tagText = quotedList(tags, codebook);
  return [...observationsByPeriod(indicator, observations)].map(([period, inPeriod]) => {
    const n = inPeriod.length;
    const k = inPeriod.filter((o) => carries(o.tags)).length;
    const row = baseRow(indicator, period, NO_SEGMENT);
    row.detail = { k };
    if (asShare) {
      const ci = wilsonInterval(k, n)!;
      row.value = (100 * k) / n;
      row.low = 100 * ci.low;
      row.high = 100 * ci.high;
      row.n = n;
      row.methodText = `${outOf(k, n, 'observations')} portent l'étiquette ${tagText}.`;
    } else {
      row.value = k;
      row.n = k;
      row.methodText = `${k} observation${k > 1 ? 's' : ''} étiquetée${k > 1 ? 's' : ''} ${tagText} (sur ${n} saisies dans la période).`;
    }
    // Observations are not people: the small-cell rule on people does not apply to their count.
    return finish(indicator, row, false);
  });
}

/**
 * « 8 personnes sur 14 rencontrées évoquent … »: distinct pseudonymous people whose observations of the period carry
 * the themes, out of the distinct people any observation of the period is about. A person quoted three times counts
 * once; an observation without a person code counts nowhere and is said. These are people: the small-cell rules apply.
 */
function personRows(indicator: Indicator, tags: readonly string[], observations: readonly ObservationRow[], codebook: Codebook): ValueRow[] {
  const carries = codebook.matcher(tags);
  const asShare = indicator.unit.trim() === '%';
  const tagText = quotedList(tags, codebook);
  return [...observationsByPeriod(indicator, observations)].map(([period, inPeriod]) => {
    const count = countPersons(inPeriod, carries);
    const row = baseRow(indicator, period, NO_SEGMENT);
    row.n = count.n;
    row.detail = { k: count.k, persons: { k: count.k, n: count.n } };
    row.methodText = `${personsRaising(count.k, count.n)} ${count.k > 1 ? 'évoquent' : 'évoque'} ${tagText} (${count.observations} observation${count.observations > 1 ? 's' : ''} de la période ; une personne citée plusieurs fois compte une fois).`;
    if (count.n > 0) {
      if (asShare) {
        row.value = (100 * count.k) / count.n;
        if (count.n >= minimumN(indicator)) {
          const ci = wilsonInterval(count.k, count.n)!;
          row.low = 100 * ci.low;
          row.high = 100 * ci.high;
          row.detail.interval = 'Wilson';
        } else row.detail.intervalWithheld = true;
      } else row.value = count.k;
    }
    if (count.withoutPerson > 0) {
      row.flags.push(flag('no_person', 'info', `${count.withoutPerson} observation${count.withoutPerson > 1 ? 's' : ''} de la période sans code personne, non comptée${count.withoutPerson > 1 ? 's' : ''} : ajoutez le code de la personne (colonne « Personne » de l'onglet Observations).`));
    }
    return finish(indicator, row, true);
  });
}

function manualRows(indicator: Indicator, ctx: Context): ValueRow[] {
  return ctx.input.manualValues
    .filter((m) => m.indicator === indicator.code)
    .map((m) => {
      const row = baseRow(indicator, m.period, m.segment);
      row.value = m.value;
      row.n = m.n;
      row.computed = false;
      row.methodText = `Valeur saisie${m.n !== null ? ` (n = ${m.n})` : ''}.`;
      return finish(indicator, row, m.n !== null);
    });
}
