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
 * structure, a cell is hidden when the numerator or the denominator is below 11. `minN` is the indicator's own floor,
 * which may only make the rule stricter.
 */
export function suppression(n: number, options: { k?: number; minN?: number } = {}): Suppression {
  const floor = Math.max(DASHBOARD_MIN_N, options.minN ?? 0);
  const smallest = options.k === undefined ? n : Math.min(n, options.k);
  return { dashboard: n < floor, export: n < Math.max(EXPORT_MIN_N, options.minN ?? 0) || smallest < EXPORT_MIN_N };
}
