/** 95 % intervals for the figures Repère shows: Wilson for proportions, t for means, order statistics for medians. */
import { tQuantile } from './distributions';

export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for k successes out of n (never the Wald interval, whose coverage is erratic at small n;
 * Brown, Cai & DasGupta 2001). Null when n = 0.
 */
export function wilsonInterval(k: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface MeanSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); null when n < 2. */
  sd: number | null;
}

/** Mean and sample SD from a count, a sum and a sum of squares (so that pooled figures add counts). */
export function meanFromSums(n: number, sum: number, sumSquares: number): MeanSummary | null {
  if (n <= 0) return null;
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: null };
  const variance = Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
  return { n, mean, sd: Math.sqrt(variance) };
}

/** Student t interval for a mean: x̄ ± t(0.975, n − 1) · s/√n. Null when n < 2. */
export function meanInterval(summary: MeanSummary, level = 0.95): Interval | null {
  if (summary.n < 2 || summary.sd === null) return null;
  const half = tQuantile(1 - (1 - level) / 2, summary.n - 1) * (summary.sd / Math.sqrt(summary.n));
  return { low: summary.mean - half, high: summary.mean + half };
}

/**
 * An interval kept inside the bounds of what is measured: a mean of 0–100 scores from two people has a t interval of
 * −147 to 259, which says nothing a reader can use past 0 and 100. Either bound may be infinite (no bound known).
 */
export function clipInterval(interval: Interval, min: number, max: number): Interval {
  return { low: Math.min(max, Math.max(min, interval.low)), high: Math.max(min, Math.min(max, interval.high)) };
}

/** Median of numbers already sorted ascending. */
export function sortedMedian(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Distribution-free interval for a median from order statistics: the ranks (l, n + 1 − l) with the largest l such
 * that P(Binomial(n, ½) ≤ l − 1) ≤ 2.5 %, so coverage is at least 95 %. Null below n = 6, where no pair of order
 * statistics reaches 95 % (1 − 2/2⁶ is the first above it).
 */
export function medianInterval(sorted: readonly number[], level = 0.95): (Interval & { lowRank: number; highRank: number; coverage: number }) | null {
  const n = sorted.length;
  const alpha = (1 - level) / 2;
  // Walk the Binomial(n, ½) CDF once, in log space (2⁻ⁿ underflows beyond n ≈ 1000).
  let l = 0;
  let tail = 0;
  let logPmf = -n * Math.LN2;
  let cdf = 0;
  for (let candidate = 1; candidate <= (n + 1) >> 1; candidate++) {
    cdf += Math.exp(logPmf);
    if (cdf > alpha) break;
    l = candidate;
    tail = cdf;
    logPmf += Math.log(n - candidate + 1) - Math.log(candidate);
  }
  if (l === 0) return null;
  const u = n + 1 - l;
  return { low: sorted[l - 1]!, high: sorted[u - 1]!, lowRank: l, highRank: u, coverage: 1 - 2 * tail };
}

/** Half-width of the Wilson interval at p = ½ in points: the margin of error a sample of n can promise. */
export function marginOfError(n: number): number | null {
  const interval = wilsonInterval(n / 2, n);
  return interval ? ((interval.high - interval.low) / 2) * 100 : null;
}
