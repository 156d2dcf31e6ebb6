/**
 * Where a value stands against its baseline and target, in the indicator's desired direction.
 *
 * The rule, for a direction « hausse » (mirrored for « baisse »):
 * - no value, or a value hidden because too few people answered → données insuffisantes;
 * - value at or beyond the target → atteint;
 * - the target's own period (or a later one) and the target not reached → non atteint;
 * - an earlier period: from the baseline, at least half the way to the target → en bonne voie; less, or no baseline
 *   to measure the way from → à surveiller;
 * - no target: better than the baseline → en bonne voie, otherwise à surveiller;
 * - « stabilité »: within the tolerance of the target (or of the baseline when there is no target) → atteint; outside
 *   it → non atteint at the target's period, à surveiller before;
 * - neither target nor baseline → '' (nothing to judge against).
 * Tolerance for « stabilité »: 5 points for a value in %, else 5 % of the reference.
 * The point estimate is compared, not its interval: the interval and n sit beside the status on the dashboard.
 */
import type { Indicator } from '../registry/model';
import type { Target } from '../registry/targets';
import type { Status } from './model';
import { periodMonths } from './periods';

export const ON_TRACK_SHARE = 0.5;
export const STABLE_TOLERANCE_POINTS = 5;
export const STABLE_TOLERANCE_RELATIVE = 0.05;

/**
 * The target that applies to a period: the target of that very period; else, for calendar periods, the nearest one
 * ending after it (the next milestone), or failing that the last one already past.
 */
export function targetFor(period: string, targets: readonly Target[]): Target | null {
  const exact = targets.find((t) => t.period === period);
  if (exact) return exact;
  const months = periodMonths(period);
  if (!months) return null;
  const dated = targets
    .map((t) => ({ t, m: periodMonths(t.period) }))
    .filter((x): x is { t: Target; m: { first: number; last: number } } => x.m !== null)
    .sort((a, b) => a.m.last - b.m.last);
  const next = dated.find((x) => x.m.last >= months.last);
  return next ? next.t : dated.length > 0 ? dated[dated.length - 1]!.t : null;
}

/** Whether the target's deadline is reached at `period` (the period ends at or after the target's period). */
function deadlineReached(period: string, target: Target): boolean {
  if (period === target.period) return true;
  const a = periodMonths(period);
  const b = periodMonths(target.period);
  return a !== null && b !== null && a.last >= b.last;
}

export function stableTolerance(reference: number, unit: string): number {
  return unit.trim() === '%' ? STABLE_TOLERANCE_POINTS : Math.abs(reference) * STABLE_TOLERANCE_RELATIVE;
}

export function statusOf(args: {
  value: number | null;
  insufficient: boolean;
  direction: Indicator['direction'];
  baseline: number | null;
  target: Target | null;
  period: string;
  unit: string;
}): Status {
  const { value, direction, baseline, target, period, unit } = args;
  if (value === null || args.insufficient) return 'données insuffisantes';
  if (direction === 'stable') {
    const reference = target?.value ?? baseline;
    if (reference === null) return '';
    if (Math.abs(value - reference) <= stableTolerance(reference, unit) + 1e-12) return 'atteint';
    return target && deadlineReached(period, target) ? 'non atteint' : 'à surveiller';
  }
  const sign = direction === 'up' ? 1 : -1;
  if (!target) {
    if (baseline === null) return '';
    return sign * (value - baseline) > 0 ? 'en bonne voie' : 'à surveiller';
  }
  if (sign * (value - target.value) >= 0) return 'atteint';
  if (deadlineReached(period, target)) return 'non atteint';
  if (baseline === null || sign * (target.value - baseline) <= 0) return 'à surveiller';
  const progress = (value - baseline) / (target.value - baseline);
  return progress >= ON_TRACK_SHARE ? 'en bonne voie' : 'à surveiller';
}
