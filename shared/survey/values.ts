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

/** The longest of them, and what they start with: most cells (ids, times, numbers, sentences) are told apart at once. */
const MISSING_LONGEST = Math.max(...[...MISSING_ANSWERS].map((m) => m.length)) + 8;
const STARTS_WITH_LETTER = /^\s*\p{L}/u;

export function isMissingAnswer(text: string): boolean {
  if (text.length > MISSING_LONGEST || !STARTS_WITH_LETTER.test(text)) return false;
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
  /** iso and ymd: year first, unambiguous; slash: day and month in an order the column decides. */
  kind: 'iso' | 'ymd' | 'slash';
  /** iso, ymd: year, month, day; slash: first, second, year as written. */
  a: number;
  b: number;
  c: number;
  time: string | null;
  /** '' (local time), 'Z', or an offset « +01:00 »: applied when the cell is written, never dropped. */
  zone: string;
}

// A zone as the tools write it: Z, UTC, GMT, UTC+1, GMT+2, UTC+5:30, +01:00, +0100, and the two names French
// spreadsheets use.
const ZONE = String.raw`(Z|CEST|CET|(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}(?::?\d{2})?)`;
// 8:00, 08:00:00, 8h00, 08:00:00.118, then AM/PM (a.m., pm) and a zone, each optional.
const TIME = String.raw`(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:[.,]\d+)?(?:\s*([AaPp])\.?\s?[Mm]\.?)?(?:\s*${ZONE})?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T ]${TIME})?$`);
// Google Forms' own download writes 2024/01/10 8:00:00 UTC+1 (French) or 2024/01/10 8:00:00 AM GMT+1 (English).
const YMD = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:,?\s+${TIME})?$`);
const SLASH = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:,?[ T]|\s+-\s+|\s+à\s+)${TIME})?$`);

export function dateParts(text: string): DateParts | null {
  const t = text.trim();
  if (t.length < 6 || t.length > 48) return null;
  let m = ISO.exec(t);
  if (m) return withTime('iso', +m[1]!, +m[2]!, +m[3]!, m, 4);
  m = YMD.exec(t);
  if (m) return withTime('ymd', +m[1]!, +m[2]!, +m[3]!, m, 4);
  m = SLASH.exec(t);
  if (!m) return null;
  let year = +m[4]!;
  if (m[4]!.length === 2) year += 2000;
  return withTime('slash', +m[1]!, +m[3]!, year, m, 5);
}

/** The time groups start at `at`: hour, minutes, seconds, meridiem, zone. */
function withTime(kind: DateParts['kind'], a: number, b: number, c: number, m: RegExpExecArray, at: number): DateParts | null {
  if (m[at] === undefined) return { kind, a, b, c, time: null, zone: '' };
  let hour = +m[at]!;
  const meridiem = m[at + 3]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  const zone = m[at + 4] === undefined ? '' : zoneOffset(m[at + 4]!);
  if (zone === null) return null;
  return { kind, a, b, c, time: `${pad(hour)}:${m[at + 1]}:${m[at + 2] ?? '00'}`, zone };
}

/** « UTC+1 » → « +01:00 », « GMT » → « Z », « +0530 » → « +05:30 »; null for an offset no place has. */
function zoneOffset(zone: string): string | null {
  const z = zone.replace(/\s/g, '').toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 'Z';
  if (z === 'CET') return '+01:00';
  if (z === 'CEST') return '+02:00';
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return null;
  const hours = +m[2]!;
  const minutes = +(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return hours === 0 && minutes === 0 ? 'Z' : `${m[1]}${pad(hours)}:${pad(minutes)}`;
}

/** The ISO form of a date (« 2026-11-26 ») or timestamp (« 2026-11-26T14:03:12+01:00 »), or null if no such day exists. */
export function isoDate(parts: DateParts, order: DateOrder): string | null {
  const [year, month, day] = parts.kind !== 'slash' ? [parts.a, parts.b, parts.c] : order === 'dmy' ? [parts.c, parts.b, parts.a] : [parts.c, parts.a, parts.b];
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
