/**
 * The outward gate: the one place that decides what of the computed figures, and which quotes, may leave the
 * structure — a funder report, a one-page pitch, a team view, a cohort publication, an export. Every such output takes
 * its figures from `outwardFigures` and its quotes through `quoteMayLeave`; nothing else may decide.
 *
 * - The audience is explicit and sets the threshold: « équipe » 5 people, « financeurs », « public », « cohorte » 11,
 *   never below the indicator's own minimum n.
 * - A figure about people is hidden when its n, its k or its complement n − k is under the threshold (11 people out of
 *   12 identifies the one who answered otherwise); a distribution or an improved / stable / worse split leaves only if
 *   each of its counts and their complements clear it too.
 * - A figure that could be derived from the shown ones is hidden with the first (secondary suppression): in a
 *   breakdown whose whole group is shown, one hidden group could be recomputed as the total minus the others, so the
 *   smallest shown group of that breakdown is hidden too.
 * - A hidden figure reads « moins de 11 personnes », never a blank, never 0.
 * - Sentences and flags are not passed on: they carry counts (« 1 réponse par un proche ») an output must not show.
 * - A quote leaves only with consent « obtenu » or « non requis » and a usage that covers the audience.
 * Person-level flags never reach the gate: nothing here can carry them.
 */
import { termLabel, type Audience, type Consent, type Scope } from '../contract/words';
import type { Status, ValueDetail, ValueRow } from '../indicators/model';
import { DASHBOARD_MIN_N, EXPORT_MIN_N, suppression } from '../stats/suppression';

/** Small-cell threshold per audience. */
export const AUDIENCE_THRESHOLD: Readonly<Record<Audience, number>> = { team: DASHBOARD_MIN_N, funders: EXPORT_MIN_N, public: EXPORT_MIN_N, cohort: EXPORT_MIN_N };

/** The smallest usage scope a quote needs to reach an audience (a cohort receives aggregates, never quotes). */
const SCOPE_NEEDED: Readonly<Record<Audience, Scope | null>> = { team: 'interne', funders: 'financeurs', public: 'public', cohort: null };
const SCOPE_ORDER: readonly Scope[] = ['interne', 'financeurs', 'public'];

export type HiddenReason = 'small' | 'derivable';

/** A figure as it may leave: numbers only, the hidden ones emptied and named. */
export interface OutwardFigure {
  indicator: string;
  period: string;
  segment: string;
  hidden: boolean;
  /** « moins de 11 personnes » when hidden, else ''. */
  note: string;
  value: number | null;
  n: number | null;
  low: number | null;
  high: number | null;
  status: Status;
  /**
   * What of the detail is safe: the interval's method, p, the sums a mean is made of (to pool it: they say no more than
   * the mean and its interval), and counts that clear the threshold.
   */
  detail: Pick<ValueDetail, 'k' | 'persons' | 'interval' | 'intervalWithheld' | 'p' | 'distribution' | 'bounds' | 'sum' | 'sumSquares' | 'sd'> & {
    change?: Pick<NonNullable<ValueDetail['change']>, 'kind' | 'before' | 'after' | 'shares' | 'pairs'>;
  };
}

export interface OutwardView {
  audience: Audience;
  /** The audience's name as printed on the output (« financeurs »). */
  audienceLabel: string;
  threshold: number;
  figures: OutwardFigure[];
  /** What was hidden and why, for the Journal line of the generation. */
  hidden: Array<{ indicator: string; period: string; segment: string; reason: HiddenReason }>;
}

/** What a hidden figure says: « moins de 11 personnes ». */
export function hiddenText(audience: Audience): string {
  return `moins de ${AUDIENCE_THRESHOLD[audience]} personnes`;
}

/** Counts that clear the threshold on both sides (0 is a count too: « nobody » is as telling as « everybody »). */
function countsClear(counts: readonly number[], n: number, threshold: number): boolean {
  return counts.every((c) => c >= threshold && n - c >= threshold);
}

function safeDetail(row: ValueRow, threshold: number): OutwardFigure['detail'] {
  const d = row.detail;
  const n = row.n ?? 0;
  const out: OutwardFigure['detail'] = {};
  if (d.k !== undefined) out.k = d.k;
  // k people out of n met: both already cleared with the row (k, n and n − k), or the row is hidden.
  if (d.persons) out.persons = d.persons;
  if (d.interval !== undefined) out.interval = d.interval;
  if (d.intervalWithheld) out.intervalWithheld = true;
  if (d.p !== undefined) out.p = d.p;
  if (d.bounds) out.bounds = d.bounds;
  if (d.sum !== undefined) out.sum = d.sum;
  if (d.sumSquares !== undefined) out.sumSquares = d.sumSquares;
  if (d.sd !== undefined) out.sd = d.sd;
  if (d.distribution && countsClear(d.distribution.map((l) => l.count), d.distribution.reduce((s, l) => s + l.count, 0), threshold)) out.distribution = d.distribution;
  if (d.change) {
    const { kind, before, after, shares, pairs } = d.change;
    const clear = shares !== null && countsClear([shares.improved.count, shares.stable.count, shares.worse.count], n, threshold);
    out.change = { kind, before, after, pairs, shares: clear ? shares : null };
  }
  return out;
}

/** Whether a row's own counts keep it in: n, and k with its complement when the figure counts people meeting something. */
function passesAlone(row: ValueRow, threshold: number, minN: number): boolean {
  if (row.n === null) return true; // not about people (observations, a manual value without n)
  const counted = row.detail.k !== undefined && (row.detail.change === undefined || row.detail.change.kind === 'ordinal');
  return !suppression(row.n, { k: counted ? row.detail.k : undefined, minN, threshold }).export;
}

/**
 * The figures an audience may see. `minN` gives each indicator's own minimum (never lowering the audience's
 * threshold). Rows are grouped by indicator and period; within a group, segments « colonne = valeur » of one column
 * partition the whole group (an answer without a value counts as « non renseigné »), which is what makes one hidden
 * segment derivable from the total and the others.
 */
export function outwardFigures(rows: readonly ValueRow[], audience: Audience, minN: (indicator: string) => number = () => 0): OutwardView {
  const threshold = AUDIENCE_THRESHOLD[audience];
  const hidden = new Map<ValueRow, HiddenReason>();
  for (const row of rows) if (!passesAlone(row, threshold, minN(row.indicator))) hidden.set(row, 'small');

  const groups = new Map<string, ValueRow[]>();
  for (const row of rows) {
    const key = `${row.indicator}\u0000${row.period}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  for (const group of groups.values()) {
    const total = group.find((r) => r.segment === '');
    if (!total || hidden.has(total)) continue;
    const byColumn = new Map<string, ValueRow[]>();
    for (const row of group) {
      if (row.segment === '') continue;
      const column = row.segment.slice(0, Math.max(0, row.segment.indexOf(' = ')));
      const list = byColumn.get(column);
      if (list) list.push(row);
      else byColumn.set(column, [row]);
    }
    for (const segments of byColumn.values()) {
      if (segments.filter((r) => hidden.has(r)).length !== 1) continue;
      const shown = segments.filter((r) => !hidden.has(r)).sort((a, b) => (a.n ?? 0) - (b.n ?? 0));
      if (shown[0]) hidden.set(shown[0], 'derivable');
    }
  }

  const note = hiddenText(audience);
  return {
    audience,
    audienceLabel: termLabel('audience', audience, 'fr'),
    threshold,
    figures: rows.map((row) => {
      const isHidden = hidden.has(row);
      return {
        indicator: row.indicator, period: row.period, segment: row.segment, hidden: isHidden, note: isHidden ? note : '',
        value: isHidden ? null : row.value, n: isHidden ? null : row.n, low: isHidden ? null : row.low, high: isHidden ? null : row.high,
        status: row.status, detail: isHidden ? {} : safeDetail(row, threshold),
      };
    }),
    hidden: rows.filter((r) => hidden.has(r)).map((r) => ({ indicator: r.indicator, period: r.period, segment: r.segment, reason: hidden.get(r)! })),
  };
}

/**
 * A share of people that qualifies a figure (the share answered by someone else, a response rate): it may leave only
 * when the people it counts and the others both clear the audience's threshold, else it is hidden too.
 */
export function outwardShare(part: number, whole: number, audience: Audience): { percent: number | null; hidden: boolean } {
  if (whole <= 0) return { percent: null, hidden: false };
  return countsClear([part], whole, AUDIENCE_THRESHOLD[audience]) ? { percent: (100 * part) / whole, hidden: false } : { percent: null, hidden: true };
}

/** Whether a quote may reach an audience: consent « obtenu » or « non requis », and a usage that covers it. */
export function quoteMayLeave(consent: Consent | null, scope: Scope, audience: Audience): boolean {
  const needed = SCOPE_NEEDED[audience];
  if (needed === null || (consent !== 'obtenu' && consent !== 'non requis')) return false;
  return SCOPE_ORDER.indexOf(scope) >= SCOPE_ORDER.indexOf(needed);
}

/**
 * Whether an exchange file for `audience` (a REFI-QDA project for an evaluator, annotations) may hold an observation:
 * for a file that stays inside the structure (« usage interne », chosen explicitly and written on the file) every
 * observation the registry holds, as the registry itself does; for anyone outside, only what `quoteMayLeave` allows.
 */
export function exchangeMayHold(consent: Consent | null, scope: Scope, audience: Audience): boolean {
  return audience === 'team' || quoteMayLeave(consent, scope, audience);
}
