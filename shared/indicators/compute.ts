/**
 * The indicator engine: from the registry, the survey answers, the observations and the manual values to the rows
 * of « Valeurs » (one per indicator × period × segment, always with n), the checks per survey wave, and the
 * person-level flags that stay inside the structure. Pure: no sheet, no clock.
 */
import type { Indicator, Question } from '../registry/model';
import { normaliseLabel } from '../scales/score';
import { meanFromSums, meanInterval, medianInterval, sortedMedian, wilsonInterval } from '../stats/intervals';
import { mcnemar, wilcoxonSignedRank } from '../stats/paired';
import { suppression } from '../stats/suppression';
import { type Coded, QuestionCoder, type ScaleScorer, meets, scaleScorer } from './answers';
import { surveyChecks } from './checks';
import {
  ATTRITION_SD_GAP, ATTRITION_SHARE, CEILING_SHARE, GAP_MIN_GROUP_N, GAP_POINTS, GAP_SMD, flag, nonResponseFlags,
  proxyFlags, share, smallSampleFlag, wideMarginFlag,
} from './flags';
import type { AnswerRow, ComputeInput, ComputeResult, Flag, ObservationRow, ValueDetail, ValueRow } from './model';
import { comparePeriods, periodOf } from './periods';
import { statusOf, targetFor } from './status';
import { conditionText, frNumber, frP, frPercent, outOf } from './text';

const NO_SEGMENT = '';
const UNKNOWN_SEGMENT = 'non renseigné';

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
  missing = 0;
  dontKnow = 0;
  invalid = 0;
  proxyExcluded = 0;
  proxyIncluded = 0;
  unknownType = 0;
  atMax = 0;
  atMin = 0;
  distribution: number[] | null;
  interviewers: Map<string, Group> | null;
  modes: Map<string, Group> | null;

  constructor(levels: number, withGroups: boolean) {
    this.distribution = levels > 0 ? new Array<number>(levels).fill(0) : null;
    this.interviewers = withGroups ? new Map() : null;
    this.modes = withGroups ? new Map() : null;
  }

  get total(): number {
    return this.n + this.missing + this.dontKnow + this.invalid;
  }
}

function addToGroup(groups: Map<string, Group>, key: string, met: boolean, value: number): void {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { n: 0, k: 0, sum: 0, sumSquares: 0 }));
  g.n++;
  if (met) g.k++;
  g.sum += value;
  g.sumSquares += value * value;
}

/** How a survey indicator reads one row: the coded per-person value, and whether it meets the condition. */
interface Reader {
  read(row: AnswerRow): Coded;
  scorer: ScaleScorer | null;
  single: QuestionCoder | null;
}

interface Context {
  input: ComputeInput;
  coders: Map<string, QuestionCoder>;
  waves: string[];
  who: (indicator: Indicator) => string;
}

export function computeIndicators(input: ComputeInput): ComputeResult {
  const coders = new Map<string, QuestionCoder>();
  for (const q of input.questions) coders.set(`${q.survey}\u0000${q.key}`, new QuestionCoder(q));
  const waveSet = new Set<string>();
  for (const s of input.answers) for (const r of s.rows) if (r.wave !== null) waveSet.add(r.wave);
  const waves = [...waveSet].sort((a, b) => comparePeriods(a, b, input.waveOrder));
  const stakeholders = new Map((input.outcomes ?? []).map((o) => [o.id, o.stakeholder.trim().toLowerCase()]));
  const ctx: Context = { input, coders, waves, who: (i) => stakeholders.get(i.outcome) || 'personnes' };

  const values: ValueRow[] = [];
  for (const indicator of input.indicators) {
    const source = indicator.source;
    if (indicator.method === 'manual' || source.type === 'manual') values.push(...manualRows(indicator, ctx));
    else if (source.type === 'observations') values.push(...observationRows(indicator, source.tags, input.observations));
    else {
      const rows = input.answers.find((a) => a.survey === source.survey)?.rows ?? [];
      values.push(...(indicator.method === 'change' ? changeRows(indicator, source.survey, source.questions, rows, ctx) : surveyRows(indicator, source.survey, source.questions, rows, ctx)));
    }
  }
  const checks = surveyChecks(input, waves);
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
    const s = suppression(row.n, { k: indicator.method === 'proportion' || indicator.method === 'count' ? row.detail.k : undefined, minN: indicator.minN });
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

function readerFor(indicator: Indicator, survey: string, keys: readonly string[], ctx: Context): Reader | string {
  const found: QuestionCoder[] = [];
  for (const key of keys) {
    const coder = ctx.coders.get(`${survey}\u0000${key}`);
    if (!coder) return `Question « ${key} » introuvable dans l'enquête ${survey} : vérifiez l'onglet Questions.`;
    found.push(coder);
  }
  if (found.length === 0) return `Aucune question source pour ${indicator.code}.`;
  if (found.length > 1 || found[0]!.question.scale !== '') {
    const scorer = scaleScorer(found);
    return { read: (row) => scorer.score(row.answers), scorer, single: null };
  }
  const coder = found[0]!;
  const key = coder.question.key;
  return { read: (row) => coder.code(row.answers[key]), scorer: null, single: coder };
}

function segmentValue(row: AnswerRow, column: string): string {
  const own = row.segments[column];
  if (own !== undefined && own !== '') return own;
  const answer = row.answers[column];
  return answer === null || answer === undefined || answer === '' ? UNKNOWN_SEGMENT : String(answer);
}

function periodOfRow(row: AnswerRow, granularity: Indicator['granularity']): string | null {
  if (granularity === 'wave') return row.wave;
  return row.date ? periodOf(row.date, granularity) : null;
}

function surveyRows(indicator: Indicator, survey: string, keys: readonly string[], rows: readonly AnswerRow[], ctx: Context): ValueRow[] {
  const reader = readerFor(indicator, survey, keys, ctx);
  if (typeof reader === 'string') return [definitionProblem(indicator, reader)];
  const condition = indicator.condition;
  if ((indicator.method === 'proportion') && !condition) return [definitionProblem(indicator, `${indicator.code} : une proportion a besoin d'une condition (ex. « in [« Oui »] » ou « ≥ 4 »).`)];
  const wanted = condition?.op === 'in' ? new Set(condition.values.map(normaliseLabel)) : undefined;
  const levels = reader.single && reader.single.question.type !== 'multiple' && reader.single.isChoice ? reader.single.question.levels.length : 0;
  const selfOnly = indicator.respondentRule === 'self';
  const cells = new Map<string, Map<string, Cell>>();
  let noPeriod = 0;

  const cellFor = (period: string, segment: string): Cell => {
    let bySegment = cells.get(period);
    if (!bySegment) cells.set(period, (bySegment = new Map()));
    let cell = bySegment.get(segment);
    if (!cell) bySegment.set(segment, (cell = new Cell(levels, segment === NO_SEGMENT)));
    return cell;
  };
  const segmentCells: Cell[] = [];

  for (const row of rows) {
    const period = periodOfRow(row, indicator.granularity);
    if (period === null) {
      noPeriod++;
      continue;
    }
    segmentCells.length = 0;
    segmentCells.push(cellFor(period, NO_SEGMENT));
    for (const column of indicator.disaggregation) segmentCells.push(cellFor(period, `${column} = ${segmentValue(row, column)}`));
    if (selfOnly && row.respondentType === 'proxy') {
      for (const cell of segmentCells) cell.proxyExcluded++;
      continue;
    }
    const coded = reader.read(row);
    let met = false;
    let value = 0;
    if (coded.kind === 'value') {
      value = coded.value;
      met = condition ? meets(condition, coded, wanted) : true;
    }
    for (const cell of segmentCells) {
      if (row.respondentType === 'proxy') cell.proxyIncluded++;
      else if (row.respondentType === null) cell.unknownType++;
      if (coded.kind === 'missing') cell.missing++;
      else if (coded.kind === 'dontKnow') cell.dontKnow++;
      else if (coded.kind === 'invalid') cell.invalid++;
      else {
        cell.n++;
        if (met) cell.k++;
        cell.sum += value;
        cell.sumSquares += value * value;
        cell.values.push(value);
        if (cell.distribution) cell.distribution[value - 1]!++;
        if (reader.scorer) {
          if (value >= reader.scorer.max - 1e-9) cell.atMax++;
          if (value <= reader.scorer.min + 1e-9) cell.atMin++;
        }
        if (cell.interviewers && row.interviewer) addToGroup(cell.interviewers, row.interviewer, met, value);
        if (cell.modes && row.mode) addToGroup(cell.modes, row.mode, met, value);
      }
    }
  }

  const out: ValueRow[] = [];
  const periods = [...cells.keys()].sort((a, b) => comparePeriods(a, b, ctx.input.waveOrder));
  for (const period of periods) {
    const bySegment = cells.get(period)!;
    const segments = [...bySegment.keys()].sort((a, b) => (a === NO_SEGMENT ? -1 : b === NO_SEGMENT ? 1 : a.localeCompare(b, 'fr', { numeric: true })));
    for (const segment of segments) {
      const cell = bySegment.get(segment)!;
      const row = summarise(indicator, period, segment, cell, reader, ctx);
      if (segment === NO_SEGMENT) {
        row.flags.push(...cellChecks(indicator, cell, reader));
        if (noPeriod > 0) row.flags.push(flag('no_period', 'info', `${noPeriod} réponse${noPeriod > 1 ? 's' : ''} sans ${indicator.granularity === 'wave' ? 'vague' : 'date'}, laissée${noPeriod > 1 ? 's' : ''} hors des périodes.`));
      }
      out.push(finish(indicator, row, true));
    }
  }
  return out;
}

function levelsLegend(q: Question): string {
  return `1 = « ${q.levels[0]} » … ${q.levels.length} = « ${q.levels[q.levels.length - 1]} »`;
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
  const conditionPhrase = condition
    ? reader.scorer
      ? `ont un ${scaleName} ${conditionText(condition)}`
      : condition.op === 'in'
        ? `ont répondu ${conditionText(condition)}`
        : reader.single?.isChoice
          ? `ont choisi un niveau ${conditionText(condition)} (${levelsLegend(reader.single.question)})`
          : `ont répondu ${conditionText(condition)}`
    : '';
  if (n === 0) {
    row.methodText = 'Aucune réponse utilisable pour cette période.';
    return row;
  }
  switch (indicator.method) {
    case 'proportion': {
      const ci = wilsonInterval(cell.k, n)!;
      row.value = (100 * cell.k) / n;
      row.low = 100 * ci.low;
      row.high = 100 * ci.high;
      row.detail.k = cell.k;
      const wide = wideMarginFlag((row.high - row.low) / 2);
      if (wide) row.flags.push(wide);
      row.methodText = `${outOf(cell.k, n, who)} ${conditionPhrase} ; intervalle de confiance à 95 % (Wilson) : ${frNumber(row.low, 0)} à ${frNumber(row.high, 0)} %.`;
      break;
    }
    case 'count': {
      row.value = cell.k;
      row.detail.k = cell.k;
      row.methodText = condition ? `${cell.k} ${who} sur ${n} ${conditionPhrase}.` : `${n} réponses.`;
      break;
    }
    case 'sum': {
      row.value = cell.sum;
      row.detail.sum = cell.sum;
      row.methodText = `Somme des réponses : ${frNumber(cell.sum)} ${indicator.unit}, sur ${n} réponses.`;
      break;
    }
    case 'median': {
      const sorted = cell.values.slice().sort((a, b) => a - b);
      const ci = medianInterval(sorted);
      row.value = sortedMedian(sorted);
      row.detail.median = row.value;
      if (ci) {
        row.low = ci.low;
        row.high = ci.high;
      }
      row.methodText = `Médiane : ${frNumber(row.value!)} ${indicator.unit} sur ${n} réponses (la moitié en dessous, la moitié au-dessus) ; ${
        ci ? `intervalle de confiance à 95 % : ${frNumber(ci.low)} à ${frNumber(ci.high)}.` : 'intervalle non calculable sous 6 réponses.'
      }`;
      break;
    }
    default: {
      // mean, and scale: the mean of the per-person scores
      const summary = meanFromSums(n, cell.sum, cell.sumSquares)!;
      const ci = meanInterval(summary);
      row.value = summary.mean;
      row.detail.sum = cell.sum;
      row.detail.sumSquares = cell.sumSquares;
      row.detail.sd = summary.sd;
      row.detail.median = sortedMedian(cell.values.slice().sort((a, b) => a - b));
      if (ci) {
        row.low = ci.low;
        row.high = ci.high;
      }
      const what = scaleName ? `${scaleName[0]!.toUpperCase()}${scaleName.slice(1)} moyen` : 'Moyenne';
      const legend = reader.single?.isChoice ? ` (niveaux codés ${levelsLegend(reader.single.question)})` : '';
      row.methodText = `${what} : ${frNumber(summary.mean)} sur ${n} ${who}${legend} ; ${
        ci ? `intervalle de confiance à 95 % (t de Student) : ${frNumber(ci.low)} à ${frNumber(ci.high)}.` : 'intervalle non calculable sous 2 réponses.'
      }`;
    }
  }
  return row;
}

/** Checks that need the whole period's answers: proxies, non-response, ceiling, gaps between interviewers and modes. */
function cellChecks(indicator: Indicator, cell: Cell, reader: Reader): Flag[] {
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
  const gap = (groups: Map<string, Group> | null, code: 'interviewer_gap' | 'mode_gap', noun: string) => {
    if (!groups || groups.size < 2) return;
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
  gap(cell.interviewers, 'interviewer_gap', "l'enquêteur");
  gap(cell.modes, 'mode_gap', 'le mode');
  return flags;
}

// ---------------------------------------------------------------------------------------------------------------
// Before/after change

interface WaveAnswer {
  coded: Coded;
  row: AnswerRow;
}

const selfReport = (t: AnswerRow['respondentType']) => (t === 'proxy' ? 'proxy' : t === null ? null : 'self');

function changeRows(indicator: Indicator, survey: string, keys: readonly string[], rows: readonly AnswerRow[], ctx: Context): ValueRow[] {
  const reader = readerFor(indicator, survey, keys, ctx);
  if (typeof reader === 'string') return [definitionProblem(indicator, reader)];
  const condition = indicator.condition;
  const wanted = condition?.op === 'in' ? new Set(condition.values.map(normaliseLabel)) : undefined;
  const waves = ctx.waves.filter((w) => rows.some((r) => r.wave === w));
  if (waves.length < 2) return [definitionProblem(indicator, `${indicator.code} : il faut au moins deux vagues (ex. T0 et T1) pour une évolution avant/après.`)];
  const selfOnly = indicator.respondentRule === 'self';
  const people = new Map<string, Map<string, WaveAnswer>>();
  let withoutId = 0;
  let proxyExcluded = 0;
  for (const row of rows) {
    if (row.wave === null) continue;
    if (row.personId === null || row.personId === '') {
      withoutId++;
      continue;
    }
    if (selfOnly && row.respondentType === 'proxy') {
      proxyExcluded++;
      continue;
    }
    let byWave = people.get(row.personId);
    if (!byWave) people.set(row.personId, (byWave = new Map()));
    if (!byWave.has(row.wave)) byWave.set(row.wave, { coded: reader.read(row), row });
  }
  const before = waves[0]!;
  const improving = indicator.direction === 'down' ? -1 : 1;
  const out: ValueRow[] = [];
  for (const after of waves.slice(1)) {
    type Pairs = { differences: number[]; b: number; c: number; improved: number; stable: number; worse: number; lost: number; typeChanged: number; missing: number; keptBefore: number[]; lostBefore: number[] };
    const cells = new Map<string, Pairs>();
    const cellFor = (segment: string) => {
      let p = cells.get(segment);
      if (!p) cells.set(segment, (p = { differences: [], b: 0, c: 0, improved: 0, stable: 0, worse: 0, lost: 0, typeChanged: 0, missing: 0, keptBefore: [], lostBefore: [] }));
      return p;
    };
    cellFor(NO_SEGMENT);
    for (const byWave of people.values()) {
      const first = byWave.get(before);
      if (!first || first.coded.kind !== 'value') continue;
      const segments = [NO_SEGMENT, ...indicator.disaggregation.map((c) => `${c} = ${segmentValue(first.row, c)}`)];
      const second = byWave.get(after);
      for (const segment of segments) {
        const p = cellFor(segment);
        if (!second) {
          p.lost++;
          p.lostBefore.push(first.coded.value);
        } else if (selfReport(first.row.respondentType) !== selfReport(second.row.respondentType)) p.typeChanged++;
        else if (second.coded.kind !== 'value') p.missing++;
        else {
          p.keptBefore.push(first.coded.value);
          if (condition) {
            const was = meets(condition, first.coded, wanted);
            const is = meets(condition, second.coded, wanted);
            if (was && !is) p.b++;
            else if (!was && is) p.c++;
            const move = (is ? 1 : 0) - (was ? 1 : 0);
            p.differences.push(move);
            if (move * improving > 0) p.improved++;
            else if (move === 0) p.stable++;
            else p.worse++;
          } else {
            const d = second.coded.value - first.coded.value;
            p.differences.push(d);
            if (d * improving > 0) p.improved++;
            else if (d === 0) p.stable++;
            else p.worse++;
          }
        }
      }
    }
    const segments = [...cells.keys()].sort((a, b) => (a === NO_SEGMENT ? -1 : b === NO_SEGMENT ? 1 : a.localeCompare(b, 'fr', { numeric: true })));
    for (const segment of segments) {
      const p = cells.get(segment)!;
      const row = baseRow(indicator, after, segment);
      const n = p.differences.length;
      row.n = n;
      const small = smallSampleFlag(n);
      if (small) row.flags.push(small);
      let testText: string;
      let test: NonNullable<ValueDetail['change']>['test'];
      if (condition) {
        const m = mcnemar(p.b, p.c);
        row.value = n > 0 ? (100 * (p.c - p.b)) / n : null;
        test = m.test.informative ? { name: 'mcnemar', p: m.test.p, method: 'mid-p', message: null } : { name: 'mcnemar', p: null, method: null, message: m.test.message };
        testText = m.test.informative ? `McNemar (mid-p) ${frP(m.test.p)}` : m.test.message;
      } else {
        const w = wilcoxonSignedRank(p.differences);
        const s = meanFromSums(n, p.differences.reduce((a, x) => a + x, 0), p.differences.reduce((a, x) => a + x * x, 0));
        row.value = s ? s.mean : null;
        const ci = s ? meanInterval(s) : null;
        if (ci) {
          row.low = ci.low;
          row.high = ci.high;
        }
        test = w.test.informative ? { name: 'wilcoxon', p: w.test.p, method: w.test.method, message: null } : { name: 'wilcoxon', p: null, method: null, message: w.test.message };
        testText = w.test.informative ? `Wilcoxon (${w.test.method === 'exact' ? 'exact' : 'approximation normale'}) ${frP(w.test.p)}` : w.test.message;
      }
      if (test.p === null) row.flags.push(flag('test_not_informative', 'info', `Test non informatif : moins de 6 ${condition ? 'personnes ont changé de réponse' : 'personnes ont un score différent'} entre ${before} et ${after}.`));
      row.detail = { change: { pairs: n, improved: p.improved, stable: p.stable, worse: p.worse, test } };
      const who = ctx.who(indicator);
      const shares = n >= 10 ? ` (${frPercent(p.improved / n)} / ${frPercent(p.stable / n)} / ${frPercent(p.worse / n)})` : '';
      const average = row.value === null ? '' : condition
        ? ` ; part ${conditionText(condition)} : ${row.value >= 0 ? '+' : ''}${frNumber(row.value, 0)} points`
        : ` ; évolution moyenne ${row.value >= 0 ? '+' : ''}${frNumber(row.value)}${row.low !== null ? ` (intervalle de confiance à 95 % : ${frNumber(row.low)} à ${frNumber(row.high!)})` : ''}`;
      row.methodText = n === 0
        ? `Aucune personne avec une réponse à ${before} et à ${after}.`
        : `Sur ${n} ${who} ayant répondu à ${before} et à ${after} : ${p.improved} ont progressé, ${p.stable} stables, ${p.worse} en baisse${shares}${average} ; ${testText}.`;
      if (segment === NO_SEGMENT) row.flags.push(...pairFlags(p, before, after, withoutId, proxyExcluded));
      out.push(finish(indicator, row, true));
    }
  }
  return out;
}

function pairFlags(p: { lost: number; typeChanged: number; missing: number; keptBefore: number[]; lostBefore: number[]; differences: number[] }, before: string, after: string, withoutId: number, proxyExcluded: number): Flag[] {
  const flags: Flag[] = [];
  const started = p.lost + p.typeChanged + p.missing + p.differences.length;
  if (p.lost > 0) {
    const lostShare = p.lost / started;
    let bias = '';
    const kept = meanFromSums(p.keptBefore.length, p.keptBefore.reduce((a, x) => a + x, 0), p.keptBefore.reduce((a, x) => a + x * x, 0));
    const lost = meanFromSums(p.lostBefore.length, p.lostBefore.reduce((a, x) => a + x, 0), p.lostBefore.reduce((a, x) => a + x * x, 0));
    const all = [...p.keptBefore, ...p.lostBefore];
    const sd = meanFromSums(all.length, all.reduce((a, x) => a + x, 0), all.reduce((a, x) => a + x * x, 0))?.sd ?? null;
    if (kept && lost && sd && sd > 0 && Math.abs(lost.mean - kept.mean) / sd >= ATTRITION_SD_GAP) {
      bias = ` Les personnes perdues partaient ${lost.mean < kept.mean ? 'plus bas' : 'plus haut'} (${frNumber(Math.abs(lost.mean - kept.mean) / sd, 1)} écart-type) : risque de biais d'attrition.`;
    }
    flags.push(flag('attrition', lostShare > ATTRITION_SHARE || bias ? 'alerte' : 'info', `${p.lost} personne${p.lost > 1 ? 's' : ''} sur ${started} vue${started > 1 ? 's' : ''} à ${before} sans réponse à ${after} (${frPercent(lostShare)}).${bias}`));
  }
  if (p.typeChanged > 0) {
    flags.push(flag('pairs_type_changed', 'info', `${p.typeChanged} paire${p.typeChanged > 1 ? 's' : ''} écartée${p.typeChanged > 1 ? 's' : ''} : la personne a répondu elle-même à une vague et quelqu'un a répondu pour elle à l'autre.`));
  }
  if (proxyExcluded > 0) {
    flags.push(flag('proxy_excluded', 'info', `${proxyExcluded} réponse${proxyExcluded > 1 ? 's' : ''} donnée${proxyExcluded > 1 ? 's' : ''} pour autrui exclue${proxyExcluded > 1 ? 's' : ''} : cet indicateur ne compte que les personnes qui répondent elles-mêmes.`));
  }
  if (withoutId > 0) {
    flags.push(flag('attrition', 'info', `${withoutId} réponse${withoutId > 1 ? 's' : ''} sans identifiant de personne : impossible de les apparier.`));
  }
  return flags;
}

// ---------------------------------------------------------------------------------------------------------------
// Observations and manual values

function observationRows(indicator: Indicator, tags: readonly string[], observations: readonly ObservationRow[]): ValueRow[] {
  const wanted = new Set(tags.map(normaliseLabel));
  // Observations carry a date, not a wave: a « vague » granularity falls back to the year.
  const granularity = indicator.granularity === 'wave' ? 'year' : indicator.granularity;
  const cells = new Map<string, { n: number; k: number }>();
  for (const o of observations) {
    const period = periodOf(o.date, granularity);
    if (period === null) continue;
    let cell = cells.get(period);
    if (!cell) cells.set(period, (cell = { n: 0, k: 0 }));
    cell.n++;
    if (o.tags.some((t) => wanted.has(normaliseLabel(t)))) cell.k++;
  }
  const asShare = indicator.unit.trim() === '%';
  const tagText = tags.map((t) => `« ${t} »`).join(' ou ');
  return [...cells.keys()].sort(comparePeriods).map((period) => {
    const cell = cells.get(period)!;
    const row = baseRow(indicator, period, NO_SEGMENT);
    row.detail = { k: cell.k };
    if (asShare) {
      const ci = wilsonInterval(cell.k, cell.n)!;
      row.value = (100 * cell.k) / cell.n;
      row.low = 100 * ci.low;
      row.high = 100 * ci.high;
      row.n = cell.n;
      row.methodText = `${outOf(cell.k, cell.n, 'observations')} portent l'étiquette ${tagText}.`;
    } else {
      row.value = cell.k;
      row.n = cell.k;
      row.methodText = `${cell.k} observation${cell.k > 1 ? 's' : ''} étiquetée${cell.k > 1 ? 's' : ''} ${tagText} (sur ${cell.n} saisies dans la période).`;
    }
    // Observations are not people: the small-cell rule on people does not apply to their count.
    return finish(indicator, row, false);
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
