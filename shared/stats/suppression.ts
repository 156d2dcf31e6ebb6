/** Small-cell rules: a figure from too few people is hidden, more strictly for anything leaving the structure. */

/** Below this many people a figure is hidden on the structure's own dashboard. */
export const DASHBOARD_MIN_N = 5;
/** Below this many people (numerator or denominator) a figure is hidden in reports, exports and the cohort. */
export const EXPORT_MIN_N = 11;

export interface Suppression {
  /** Hidden on the internal dashboard. */
  dashboard: boolean;
  /** Hidden in anything that leaves the structure. */
  export: boolean;
}

/**
 * Whether a figure from `n` people must be hidden. For a proportion pass the numerator `k` too: outside the
 * structure, a cell is hidden when the numerator, the denominator or the complement (n − k) is below the threshold:
 * 11 people out of 12 identifies the one who answered otherwise. `minN` is the indicator's own floor, which may only
 * make the rule stricter. This is the rule for one figure; what leaves the structure also goes through the outward
 * gate (shared/outward/gate.ts), which hides the figures that could be derived from the others.
 */
export function suppression(n: number, options: { k?: number; minN?: number; threshold?: number } = {}): Suppression {
  const floor = Math.max(DASHBOARD_MIN_N, options.minN ?? 0);
  const threshold = Math.max(options.threshold ?? EXPORT_MIN_N, options.minN ?? 0);
  const k = options.k;
  const smallest = k === undefined ? n : Math.min(n, k, n - k);
  return { dashboard: n < floor, export: n < threshold || smallest < (options.threshold ?? EXPORT_MIN_N) };
}
