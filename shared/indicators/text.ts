/** French wording of figures: decimal commas, rounded percentages, « x sur n », condition phrases, units, intervals. */
import type { Lang } from '../contract/words';
import type { Condition } from '../registry/condition';
import type { ValueDetail } from './model';

/** 1 decimal at most, French decimal comma, no trailing ,0. */
export function frNumber(x: number, decimals = 1): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(x * factor) / factor;
  return String(rounded).replace('-', '−').replace('.', ',');
}

export function frPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

export function frList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

export function frP(p: number): string {
  return p < 0.001 ? 'p < 0,001' : `p = ${frNumber(p, p < 0.01 ? 3 : 2)}`;
}

const quoted = (label: string) => `« ${label} »`;

/**
 * A condition in plain words: « « Plutôt oui » ou « Oui » », « 6 ou plus », « entre 3 et 5 ». On an ordered list of answers
 * (`levels`, lowest first) a condition on ranks names the answers: « ≥ 3 » on Pas du tout | Un peu | Assez | Beaucoup
 * reads « « Assez » ou plus ».
 */
export function conditionText(condition: Condition, levels?: readonly string[]): string {
  const level = (rank: number) => (levels && Number.isInteger(rank) && rank >= 1 && rank <= levels.length ? levels[rank - 1]! : null);
  switch (condition.op) {
    case 'in':
      return frList(condition.values.map(quoted));
    case 'between': {
      const [low, high] = [level(condition.min), level(condition.max)];
      return low && high ? `de ${quoted(low)} à ${quoted(high)}` : `entre ${frNumber(condition.min, 2)} et ${frNumber(condition.max, 2)}`;
    }
    default: {
      const named = levels ? rankCondition(condition.op, condition.value, levels.length) : null;
      if (named) return named.to === named.from ? quoted(level(named.from)!) : named.to === levels!.length ? `${quoted(level(named.from)!)} ou plus` : named.from === 1 ? `${quoted(level(named.to)!)} ou moins` : `de ${quoted(level(named.from)!)} à ${quoted(level(named.to)!)}`;
      const v = frNumber(condition.value, 2);
      return { gte: `${v} ou plus`, gt: `plus de ${v}`, lte: `${v} ou moins`, lt: `moins de ${v}`, eq: v }[condition.op];
    }
  }
}

/** The ranks 1…k a numeric condition keeps, as a range; null when it keeps none or is not about whole ranks. */
function rankCondition(op: 'gte' | 'gt' | 'lte' | 'lt' | 'eq', value: number, k: number): { from: number; to: number } | null {
  const range = { gte: [Math.ceil(value), k], gt: [Math.floor(value) + 1, k], lte: [1, Math.floor(value)], lt: [1, Math.ceil(value) - 1], eq: [value, value] }[op];
  const [from, to] = [Math.max(1, range[0]!), Math.min(k, range[1]!)];
  return Number.isInteger(from) && Number.isInteger(to) && from <= to ? { from, to } : null;
}

/** « 31 aidants sur 43 (72 %) », or without a percentage below 10 people (counts only, as the display rules ask). */
export function outOf(k: number, n: number, who: string): string {
  const base = `${k} ${who} sur ${n}`;
  return n >= 10 ? `${base} (${frPercent(k / n)})` : base;
}

/** « 8 personnes sur 14 rencontrées », « 1 personne sur 1 rencontrée »: the people raising a theme, out of those met. */
export function personsRaising(k: number, n: number): string {
  return `${k} personne${k > 1 ? 's' : ''} sur ${n} rencontrée${n > 1 ? 's' : ''}`;
}

/** Units written short beside a figure (« 19 h »); others as typed. */
const SHORT_UNITS: Record<string, string> = { heures: 'h', heure: 'h', hours: 'h', hour: 'h', minutes: 'min', minute: 'min' };

function numberIn(x: number, lang: Lang, decimals = 1, sign = false): string {
  const s = `${sign && x > 0 ? '+' : ''}${frNumber(x, decimals)}`;
  return lang === 'fr' ? s : s.replace(',', '.').replace('−', '-');
}

/** « 73,1 % », « 19 h », « 120 personnes », « 49,8 sur 100 » (a score whose bounds are known), « score de 5,2 ». */
export function figureText(x: number, unit: string, lang: Lang, bounds?: { min: number; max: number }, sign = false): string {
  const n = numberIn(x, lang, 1, sign);
  const u = unit.trim();
  if (u === '%') return lang === 'fr' ? `${n} %` : `${n}%`;
  if (u === '') return n;
  if (/^(score|points?)$/i.test(u)) {
    if (sign) return `${n} points`;
    return bounds ? `${n} ${lang === 'fr' ? 'sur' : 'out of'} ${numberIn(bounds.max, lang)}` : `${lang === 'fr' ? 'score de' : 'score'} ${n}`;
  }
  return `${n} ${SHORT_UNITS[u.toLowerCase()] ?? u}`;
}

/** What of a value's detail its wording reads: enough for the outward gate's figures as for the engine's rows. */
export type FigureDetail = Pick<ValueDetail, 'bounds' | 'intervalWithheld' | 'persons'> & { change?: Pick<NonNullable<ValueDetail['change']>, 'kind'> };

/** A value row's figure with its unit, read as its kind says: a change in points, a share who progressed… */
export function rowFigureText(row: { value: number | null; detail: FigureDetail }, unit: string, lang: Lang): string {
  if (row.value === null) return '';
  const persons = row.detail.persons;
  if (persons) {
    const people = lang === 'fr' ? personsRaising(persons.k, persons.n) : `${persons.k} ${persons.k === 1 ? 'person' : 'people'} out of ${persons.n} met`;
    return unit.trim() === '%' ? `${figureText(row.value, '%', lang)} (${people})` : people;
  }
  const change = row.detail.change;
  if (change?.kind === 'ordinal') return `${figureText(row.value, '%', lang)} ${lang === 'fr' ? 'ont progressé' : 'improved'}`;
  if (change?.kind === 'binary') return `${numberIn(row.value, lang, 0, true)} points`;
  if (change) return figureText(row.value, unit, lang, undefined, true);
  return figureText(row.value, unit, lang, row.detail.bounds);
}

/** « 62 – 82 % », « de −4,5 à −0,5 », « trop peu de réponses », or '' when the figure has no interval. */
export function intervalRangeText(row: { low: number | null; high: number | null; detail: FigureDetail }, unit: string, lang: Lang): string {
  if (row.low === null || row.high === null) return row.detail.intervalWithheld ? (lang === 'fr' ? 'trop peu de réponses' : 'too few answers') : '';
  const percent = unit.trim() === '%' || row.detail.change?.kind === 'ordinal';
  const short = SHORT_UNITS[unit.trim().toLowerCase()];
  const tail = percent ? (lang === 'fr' ? ' %' : '%') : row.detail.change || /^points?$/i.test(unit.trim()) ? ' points' : short ? ` ${short}` : '';
  const decimals = percent || row.detail.change?.kind === 'binary' ? 0 : 1;
  const [low, high] = [numberIn(row.low, lang, decimals), numberIn(row.high, lang, decimals)];
  if (row.low >= 0) return `${low} – ${high}${tail}`;
  return lang === 'fr' ? `de ${low} à ${high}${tail}` : `${low} to ${high}${tail}`;
}

/** The interval's method and the test behind a value, in words, for the notes (never in the value's sentence). */
export function statisticsNote(detail: ValueDetail): string {
  const parts: string[] = [];
  if (detail.interval) parts.push(`intervalle : ${detail.interval}`);
  else if (detail.intervalWithheld) parts.push("pas d'intervalle : trop peu de réponses");
  const test = detail.change?.test;
  if (test) {
    const name = test.name === 'mcnemar' ? 'McNemar' : 'Wilcoxon (rangs signés)';
    const how = test.method === 'exact' ? ', exact' : test.method === 'normal' ? ', approximation normale' : test.method === 'mid-p' ? ', mi-p' : '';
    parts.push(test.p === null ? `test de ${name} : ${test.message ?? 'non informatif'}` : `test de ${name}${how} : ${frP(test.p)}`);
  }
  return parts.join(' ; ');
}
