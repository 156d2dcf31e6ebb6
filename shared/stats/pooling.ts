/**
 * Figures that can be pooled honestly: each keeps the counts it was made from, and pooling adds counts (Σk / Σn, Σx /
 * Σn), never averages averages. People of one member resemble each other: the design effect of that clustering says
 * how much wider the pooled interval is, and the members' own figures give the spread across members.
 */
import { meanFromSums, meanInterval, wilsonInterval, type Interval } from './intervals';

export interface ProportionParts {
  k: number;
  n: number;
}

export interface MeanParts {
  n: number;
  sum: number;
  sumSquares: number;
}

export function poolProportions(parts: readonly ProportionParts[]): ProportionParts {
  return parts.reduce((acc, p) => ({ k: acc.k + p.k, n: acc.n + p.n }), { k: 0, n: 0 });
}

export function poolMeans(parts: readonly MeanParts[]): MeanParts {
  return parts.reduce((acc, p) => ({ n: acc.n + p.n, sum: acc.sum + p.sum, sumSquares: acc.sumSquares + p.sumSquares }), { n: 0, sum: 0, sumSquares: 0 });
}

/** Quantile of numbers sorted ascending, linear between order statistics (Hyndman & Fan type 7, numpy's default). */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (h - below) * (sorted[above]! - sorted[below]!);
}

/** The figure in the middle of the members' figures and the quartiles around it, each member counting once. */
export function memberSpread(values: ArrayLike<number>): { median: number; q1: number; q3: number; members: number } | null {
  const sorted = new Float64Array(values as ArrayLike<number>).sort();
  if (sorted.length === 0) return null;
  return { median: sortedQuantile(sorted, 0.5)!, q1: sortedQuantile(sorted, 0.25)!, q3: sortedQuantile(sorted, 0.75)!, members: sorted.length };
}

export interface Clustering {
  /** Intraclass correlation (one-way ANOVA estimator), 0 when the estimate is negative. */
  icc: number;
  /** Design effect 1 + ICC × (mean cluster size − 1): how many times fewer independent people the pooled n is worth. */
  deff: number;
  meanSize: number;
  clusters: number;
}

/** What the clustering needs of the members, added up: their count, Σn, Σx, Σx², Σ(Σxᵢ)²/nᵢ and Σnᵢ². */
export interface ClusterTotals {
  clusters: number;
  n: number;
  sum: number;
  sumSquares: number;
  /** Σ over members of (their Σx)² / their n. */
  sumSquaredOverN: number;
  /** Σ over members of their n². */
  nSquared: number;
}

export function clusterTotals(groups: readonly MeanParts[]): ClusterTotals {
  const t: ClusterTotals = { clusters: 0, n: 0, sum: 0, sumSquares: 0, sumSquaredOverN: 0, nSquared: 0 };
  for (const g of groups) addCluster(t, g.n, g.sum, g.sumSquares);
  return t;
}

/** Adds one member's n, Σx, Σx² to running totals (a member with nobody is not a cluster). */
export function addCluster(t: ClusterTotals, n: number, sum: number, sumSquares: number): void {
  if (n <= 0) return;
  t.clusters++;
  t.n += n;
  t.sum += sum;
  t.sumSquares += sumSquares;
  t.sumSquaredOverN += (sum * sum) / n;
  t.nSquared += n * n;
}

/**
 * How much people of the same member resemble each other, from each member's n, Σx and Σx² (a proportion: Σx = Σx² =
 * k): the one-way ANOVA estimator ρ = (MSB − MSW) / (MSB + (n₀ − 1) MSW), n₀ = (N − Σnᵢ²/N) / (g − 1), and the design
 * effect of clustering 1 + ρ(m̄ − 1), m̄ = N / g (Kish). Null with fewer than two members or no one left to vary.
 */
export function clustering(groups: readonly MeanParts[] | ClusterTotals): Clustering | null {
  const t = 'clusters' in groups ? groups : clusterTotals(groups);
  const { clusters, n: N } = t;
  if (clusters < 2 || N <= clusters) return null;
  const between = t.sumSquaredOverN - (t.sum * t.sum) / N;
  const within = t.sumSquares - t.sumSquaredOverN;
  const msb = Math.max(0, between) / (clusters - 1);
  const msw = Math.max(0, within) / (N - clusters);
  const n0 = (N - t.nSquared / N) / (clusters - 1);
  const denominator = msb + (n0 - 1) * msw;
  const icc = denominator > 0 ? Math.max(0, (msb - msw) / denominator) : 0;
  const meanSize = N / clusters;
  return { icc, deff: 1 + icc * (meanSize - 1), meanSize, clusters };
}

/**
 * The interval of a pooled figure corrected for clustering: as wide as the effective sample n / deff of independent
 * people gives (Kish). A proportion: Wilson on k/deff out of n/deff; a mean: t on n/deff people with the pooled SD.
 */
export function effectiveProportionInterval(k: number, n: number, deff: number): Interval | null {
  return wilsonInterval(k / deff, n / deff);
}

export function effectiveMeanInterval(parts: MeanParts, deff: number): Interval | null {
  const summary = meanFromSums(parts.n, parts.sum, parts.sumSquares);
  return summary ? meanInterval({ ...summary, n: parts.n / deff }) : null;
}
