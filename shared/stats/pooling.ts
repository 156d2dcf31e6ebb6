/**
 * Figures that can be pooled honestly: each keeps the counts it was made from, and pooling adds counts (Σk / Σn, Σx /
 * Σn), never averages averages.
 */

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
