/**
 * Before/after tests on the same people: Wilcoxon signed-rank for scores, McNemar for yes/no with the interval of the
 * change in the yes share (Newcombe, paired), and the rule that says when too few pairs make any test uninformative.
 */
import { normalCdf } from './distributions';
import { Z95, wilsonInterval } from './intervals';

/** Below this many usable pairs (non-zero differences, or discordant pairs) no two-sided exact p can reach .05. */
export const MIN_INFORMATIVE_PAIRS = 6;
/** Up to this many non-zero differences the signed-rank p is exact (all 2ⁿ sign patterns, ties included). */
export const WILCOXON_EXACT_MAX_N = 25;

export type PairedTest =
  | { informative: true; name: 'wilcoxon' | 'mcnemar'; method: 'exact' | 'normal' | 'mid-p'; statistic: number; p: number; usable: number }
  | { informative: false; name: 'wilcoxon' | 'mcnemar'; usable: number; message: string };

export const NOT_INFORMATIVE_MESSAGE = 'test non informatif (n trop faible)';

export interface SignedRank {
  /** Non-zero differences kept. */
  n: number;
  zeros: number;
  wPlus: number;
  wMinus: number;
  /** Matched-pairs rank-biserial correlation (W⁺ − W⁻)/(W⁺ + W⁻) (Kerby 2014). */
  rankBiserial: number | null;
  ties: boolean;
}

/** Ranks |dᵢ| of the non-zero differences with mid-ranks for ties (zero differences dropped: Wilcoxon's rule). */
export function signedRanks(differences: readonly number[]): SignedRank & { ranks: number[] } {
  const kept = differences.filter((d) => d !== 0);
  const order = kept.map((d, i) => ({ a: Math.abs(d), i })).sort((x, y) => x.a - y.a);
  const ranks = new Array<number>(kept.length).fill(0);
  let ties = false;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.a === order[start]!.a) end++;
    if (end > start) ties = true;
    const mid = (start + end + 2) / 2;
    for (let j = start; j <= end; j++) ranks[order[j]!.i] = mid;
    start = end + 1;
  }
  let wPlus = 0;
  let wMinus = 0;
  ranks.forEach((r, i) => (kept[i]! > 0 ? (wPlus += r) : (wMinus += r)));
  const total = wPlus + wMinus;
  return { n: kept.length, zeros: differences.length - kept.length, wPlus, wMinus, rankBiserial: total > 0 ? (wPlus - wMinus) / total : null, ties, ranks };
}

/**
 * Exact two-sided p of the signed-rank statistic: the share of the 2ⁿ equally likely sign patterns whose W⁺ is at
 * least as far from its mean as the observed one. Mid-ranks are doubled to integers, so ties are handled exactly.
 */
export function wilcoxonExactP(ranks: readonly number[], wPlus: number): number {
  const doubled = ranks.map((r) => Math.round(r * 2));
  const max = doubled.reduce((s, r) => s + r, 0);
  const count = new Array<number>(max + 1).fill(0);
  count[0] = 1;
  for (const r of doubled) for (let s = max; s >= r; s--) count[s]! += count[s - r]!;
  const observed = Math.round(wPlus * 2);
  const distance = Math.abs(observed - max / 2);
  let extreme = 0;
  for (let s = 0; s <= max; s++) if (Math.abs(s - max / 2) >= distance - 1e-9) extreme += count[s]!;
  return Math.min(1, extreme / 2 ** doubled.length);
}

/** Normal approximation with the tie correction Σ(t³ − t)/48 and a continuity correction of ½. */
export function wilcoxonNormalP(ranks: readonly number[], wPlus: number): { z: number; p: number } {
  const n = ranks.length;
  const mean = (n * (n + 1)) / 4;
  const groups = new Map<number, number>();
  for (const r of ranks) groups.set(r, (groups.get(r) ?? 0) + 1);
  let tieSum = 0;
  groups.forEach((t) => (tieSum += t * t * t - t));
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  const gap = Math.abs(wPlus - mean);
  const z = sd > 0 ? Math.max(0, gap - 0.5) / sd : 0;
  return { z, p: Math.min(1, 2 * (1 - normalCdf(z))) };
}

/** Wilcoxon signed-rank test on after − before differences; « non informatif » below six non-zero differences. */
export function wilcoxonSignedRank(differences: readonly number[]): { summary: SignedRank; test: PairedTest } {
  const { ranks, ...summary } = signedRanks(differences);
  if (summary.n < MIN_INFORMATIVE_PAIRS) {
    return { summary, test: { informative: false, name: 'wilcoxon', usable: summary.n, message: NOT_INFORMATIVE_MESSAGE } };
  }
  if (summary.n <= WILCOXON_EXACT_MAX_N) {
    return { summary, test: { informative: true, name: 'wilcoxon', method: 'exact', statistic: summary.wPlus, p: wilcoxonExactP(ranks, summary.wPlus), usable: summary.n } };
  }
  const { p } = wilcoxonNormalP(ranks, summary.wPlus);
  return { summary, test: { informative: true, name: 'wilcoxon', method: 'normal', statistic: summary.wPlus, p, usable: summary.n } };
}

/**
 * McNemar's test from the discordant pairs only (b = yes→no, c = no→yes): exact binomial p and mid-p (exact minus half
 * the probability of the observed table), which Fagerland et al. (2013) recommend. Uses mid-p as the reported p.
 */
export function mcnemar(b: number, c: number): { exact: number; midP: number; test: PairedTest } {
  const n = b + c;
  const m = Math.min(b, c);
  let pmf = 2 ** -n;
  let cdf = 0;
  let atM = 0;
  for (let i = 0; i <= m; i++) {
    cdf += pmf;
    if (i === m) atM = pmf;
    pmf = (pmf * (n - i)) / (i + 1);
  }
  const exact = n === 0 ? 1 : Math.min(1, 2 * cdf);
  const midP = n === 0 ? 1 : Math.min(1, 2 * (cdf - atM / 2));
  const test: PairedTest =
    n < MIN_INFORMATIVE_PAIRS
      ? { informative: false, name: 'mcnemar', usable: n, message: NOT_INFORMATIVE_MESSAGE }
      : { informative: true, name: 'mcnemar', method: 'mid-p', statistic: b, p: midP, usable: n };
  return { exact, midP, test };
}

/**
 * The change in a yes/no share between two waves on the same people, after − before = (c − b)/n, with its 95 %
 * interval by Newcombe's hybrid score method for paired data (1998, method 10): the Wilson intervals of the two shares
 * combined by « square and add », corrected for the correlation between the two answers of each person (φ, shrunk
 * towards 0 by n/2 when positive). a = yes → yes, b = yes → no, c = no → yes, d = no → no. Null when n = 0.
 */
export function pairedShareDifference(a: number, b: number, c: number, d: number, z = Z95): { difference: number; low: number; high: number } | null {
  const n = a + b + c + d;
  if (n <= 0) return null;
  const after = (a + c) / n;
  const before = (a + b) / n;
  const afterCi = wilsonInterval(a + c, n, z)!;
  const beforeCi = wilsonInterval(a + b, n, z)!;
  const margins = [a + c, b + d, a + b, c + d];
  let phi = 0;
  if (margins.every((m) => m > 0)) {
    const product = Math.sqrt(margins[0]! * margins[1]! * margins[2]! * margins[3]!);
    const cross = a * d - b * c;
    phi = cross > n / 2 ? (cross - n / 2) / product : cross < 0 ? cross / product : 0;
  }
  const combine = (x: number, y: number) => Math.sqrt(Math.max(0, x * x + y * y - 2 * phi * x * y));
  const difference = after - before;
  return {
    difference,
    low: Math.max(-1, difference - combine(after - afterCi.low, beforeCi.high - before)),
    high: Math.min(1, difference + combine(before - beforeCi.low, afterCi.high - after)),
  };
}
