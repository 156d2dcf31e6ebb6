/**
 * How one answer cell reads: a French or English number, a date or timestamp in the formats survey tools export, or
 * a « don't know » that counts as a missing answer. Regexes are compiled once, here.
 */
import { fold } from '../text/fold';

/** Answers that say « no answer » rather than choosing a level; counted apart, never as a level. */
const MISSING_ANSWERS = new Set(
  [
    'Ne sait pas', 'Je ne sais pas', 'NSP', 'NSPP', 'N/A', 'NA', 'N.A.', 'Refus', 'Refuse', 'Refusé', 'Sans avis', 'Sans opinion',
    'Ne se prononce pas', 'Ne souhaite pas répondre', 'Préfère ne pas répondre', 'Je préfère ne pas répondre', 'Sans réponse',
    'Non réponse', 'Non-réponse', "Don't know", 'Do not know', 'DK', 'Prefer not to say', 'Prefer not to answer', 'Refused',
    'No opinion', 'Not applicable', 'Non concerné', 'Non concernée', 'Sans objet',
  ].map(fold),
);

export function isMissingAnswer(text: string): boolean {
  return MISSING_ANSWERS.has(fold(text).replace(/[\s.!]+$/, ''));
}

// French thousands use a space, NBSP or narrow NBSP; the decimal mark is a comma or a point.
const NUMBER = /^[+-]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?$|^[+-]?[.,]\d+$/;
const THOUSANDS = /[ \u00a0\u202f]/g;

/** The number a cell holds, or null. « 1 234,5 » → 1234.5; « 3.5 » → 3.5; « 1,234 » reads the French way: 1.234. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (t === '' || !NUMBER.test(t)) return null;
  const value = Number(t.replace(THOUSANDS, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

export type DateOrder = 'dmy' | 'mdy';

/** What a date-looking cell is made of, before deciding which part is the day. */
export interface DateParts {
  kind: 'iso' | 'slash';
  /** iso: year, month, day; slash: first, second, year as written. */
  a: number;
  b: number;
  c: number;
  time: string | null;
  zone: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:,?[ T]|\s+-\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;

export function dateParts(text: string): DateParts | null {
  const t = text.trim();
  if (t.length < 6 || t.length > 40) return null;
  let m = ISO.exec(t);
  if (m) {
    const time = m[4] === undefined ? null : `${m[4]}:${m[5]}:${m[6] ?? '00'}`;
    return { kind: 'iso', a: +m[1]!, b: +m[2]!, c: +m[3]!, time, zone: m[7] ?? '' };
  }
  m = SLASH.exec(t);
  if (!m) return null;
  let year = +m[4]!;
  if (m[4]!.length === 2) year += 2000;
  let time: string | null = null;
  if (m[5] !== undefined) {
    let hour = +m[5];
    const meridiem = m[8]?.toLowerCase();
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
    }
    time = `${pad(hour)}:${m[6]}:${m[7] ?? '00'}`;
  }
  return { kind: 'slash', a: +m[1]!, b: +m[3]!, c: year, time, zone: '' };
}

/** The ISO form of a date (« 2026-11-26 ») or timestamp (« 2026-11-26T14:03:12 »), or null if no such day exists. */
export function isoDate(parts: DateParts, order: DateOrder): string | null {
  const [year, month, day] = parts.kind === 'iso' ? [parts.a, parts.b, parts.c] : order === 'dmy' ? [parts.c, parts.b, parts.a] : [parts.c, parts.a, parts.b];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (parts.time === null) return date;
  const [h, mi, s] = parts.time.split(':').map(Number) as [number, number, number];
  if (h > 23 || mi > 59 || s > 59) return null;
  return `${date}T${parts.time}${parts.zone}`;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
