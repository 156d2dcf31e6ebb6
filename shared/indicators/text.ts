/** French wording of figures: decimal commas, rounded percentages, « x sur n », condition phrases. */
import type { Condition } from '../registry/condition';

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

/** « ≥ 6 », « entre 3 et 5 », « Plutôt oui ou Oui ». */
export function conditionText(condition: Condition): string {
  switch (condition.op) {
    case 'in':
      return frList(condition.values);
    case 'between':
      return `entre ${frNumber(condition.min, 2)} et ${frNumber(condition.max, 2)}`;
    default:
      return `${{ gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' }[condition.op]} ${frNumber(condition.value, 2)}`;
  }
}

/** « 31 aidants sur 43 (72 %) », or without a percentage below 10 people (counts only, as the display rules ask). */
export function outOf(k: number, n: number, who: string): string {
  const base = `${k} ${who} sur ${n}`;
  return n >= 10 ? `${base} (${frPercent(k / n)})` : base;
}
