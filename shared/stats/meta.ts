/**
 * Pooling members' effects when they may truly differ: the DerSimonian–Laird random-effects estimate (1986), as
 * statsmodels' combine_effects(method_re="dl") computes it. Each member brings an estimate and its variance; the
 * between-member variance τ² is estimated by moments, and the pooled estimate weighs each member by 1 / (vᵢ + τ²).
 */
import { normalCdf } from './distributions';
import { Z95, type Interval } from './intervals';

export interface Effect {
  estimate: number;
  variance: number;
}

export interface RandomEffects extends Interval {
  estimate: number;
  se: number;
  /** Between-member variance, and the share of the spread it explains (I², 0–1). */
  tau2: number;
  i2: number;
  /** Cochran's Q and its degrees of freedom (members − 1). */
  q: number;
  df: number;
  /** Two-sided p of the pooled estimate against 0 (normal). */
  p: number;
  members: number;
}

/** Null with fewer than two effects or a variance that is not positive. */
export function derSimonianLaird(effects: readonly Effect[]): RandomEffects | null {
  const k = effects.length;
  if (k < 2 || effects.some((e) => !(e.variance > 0) || !Number.isFinite(e.estimate))) return null;
  const w = effects.map((e) => 1 / e.variance);
  const sw = w.reduce((s, x) => s + x, 0);
  const fixed = effects.reduce((s, e, i) => s + w[i]! * e.estimate, 0) / sw;
  const q = effects.reduce((s, e, i) => s + w[i]! * (e.estimate - fixed) ** 2, 0);
  const df = k - 1;
  const c = sw - w.reduce((s, x) => s + x * x, 0) / sw;
  const tau2 = Math.max(0, (q - df) / c);
  const wr = effects.map((e) => 1 / (e.variance + tau2));
  const swr = wr.reduce((s, x) => s + x, 0);
  const estimate = effects.reduce((s, e, i) => s + wr[i]! * e.estimate, 0) / swr;
  const se = Math.sqrt(1 / swr);
  return {
    estimate, se, low: estimate - Z95 * se, high: estimate + Z95 * se, tau2, i2: q > 0 ? Math.max(0, (q - df) / q) : 0, q, df,
    p: 2 * (1 - normalCdf(Math.abs(estimate / se))), members: k,
  };
}
