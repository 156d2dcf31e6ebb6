/** Periods of a value: month 2026-03, quarter 2026-T1, half-year 2026-S1, year 2026, or a survey wave. */
import type { Indicator } from '../registry/model';

/** The period an ISO date falls in, or null when the date is unreadable. */
export function periodOf(isoDate: string, granularity: Exclude<Indicator['granularity'], 'wave'>): string | null {
  const m = /^(\d{4})-(\d{2})/.exec(isoDate);
  if (!m) return null;
  const year = m[1]!;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  switch (granularity) {
    case 'month':
      return `${year}-${m[2]}`;
    case 'quarter':
      return `${year}-T${Math.ceil(month / 3)}`;
    case 'half':
      return `${year}-S${month <= 6 ? 1 : 2}`;
    case 'year':
      return year;
  }
}

/** First and last month (year × 12 + month − 1) a calendar period covers; null for a wave. Accepts Q/H spellings. */
export function periodMonths(period: string): { first: number; last: number } | null {
  const m = /^(\d{4})(?:-(?:([TQ])([1-4])|([SH])([12])|(0[1-9]|1[0-2])))?$/.exec(period.trim());
  if (!m) return null;
  const base = Number(m[1]) * 12;
  if (m[3]) return { first: base + (Number(m[3]) - 1) * 3, last: base + Number(m[3]) * 3 - 1 };
  if (m[5]) return { first: base + (Number(m[5]) - 1) * 6, last: base + Number(m[5]) * 6 - 1 };
  if (m[6]) return { first: base + Number(m[6]) - 1, last: base + Number(m[6]) - 1 };
  return { first: base, last: base + 11 };
}

/** French order with numbers compared as numbers (T2 before T10); one collator, built once. */
export const naturalOrder = new Intl.Collator('fr', { numeric: true }).compare;

/** Segments in natural order, everyone ('') first. */
export function compareSegments(a: string, b: string): number {
  return a === '' ? -1 : b === '' ? 1 : naturalOrder(a, b);
}

/** Sorts periods: calendar ones by time, waves by the given order, else naturally (T2 before T10). */
export function comparePeriods(a: string, b: string, waveOrder?: readonly string[]): number {
  const ma = periodMonths(a);
  const mb = periodMonths(b);
  if (ma && mb) return ma.first - mb.first || ma.last - mb.last;
  if (waveOrder) {
    const ia = waveOrder.indexOf(a);
    const ib = waveOrder.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia - ib;
  }
  return naturalOrder(a, b);
}
