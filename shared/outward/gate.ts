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
 * - Counts about people outside the values (who answered a wave, how many through a proxy, how many were lost, a
 *   breakdown of the respondents) follow the same rules: `outwardCount` for one count or share, `outwardBreakdown`
 *   for the parts of a whole (with the secondary suppression above).
 * - The flags about the way the team collects (their sentences carry counts) reach the team only: `teamNotes`.
 * Person-level flags never reach the gate: nothing here can carry them.
 */
import { termLabel, type Audience, type Consent, type Scope } from '../contract/words';
import type { Flag, FlagCode, Status, ValueDetail, ValueRow } from '../indicators/model';
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
    change?: Pick<NonNullable<ValueDetail['change']>, 'kind' | 'before' | 'after' | 'pairs' | 'shares' | 'shareBefore' | 'shareAfter' | 'meanBefore' | 'meanAfter'>;
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
  // k passes only where it clears the threshold both ways: a mean's or a score change's k (the people who improved)
  // is not what decided the figure could leave.
  if (d.k !== undefined && countsClear([d.k], n, threshold)) out.k = d.k;
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
    const { kind, before, after, pairs, shares, shareBefore, shareAfter, meanBefore, meanAfter } = d.change;
    const clear = shares !== null && countsClear([shares.improved.count, shares.stable.count, shares.worse.count], n, threshold);
    out.change = { kind, before, after, pairs, shares: clear ? shares : null };
    // The shares meeting the condition at each wave are counts of the same pairs: they leave on the same terms.
    if (shareBefore !== undefined && shareAfter !== undefined && countsClear([Math.round((shareBefore * n) / 100), Math.round((shareAfter * n) / 100)], n, threshold)) {
      Object.assign(out.change, { shareBefore, shareAfter });
    }
    if (meanBefore !== undefined && meanAfter !== undefined) Object.assign(out.change, { meanBefore, meanAfter });
  }
  return out;
}

/** Whether a row's own counts keep it in: n, and k with its complement when the figure counts people meeting something. */
function passesAlone(row: ValueRow, threshold: number, minN: number): boolean {
  if (row.n === null) return true; // not about people (observations, a manual value without n)
  // Distinct people raising a theme are people meeting something too, whether or not the row also carries k.
  const k = row.detail.k ?? row.detail.persons?.k;
  const counted = k !== undefined && (row.detail.change === undefined || row.detail.change.kind === 'ordinal');
  return !suppression(row.n, { k: counted ? k : undefined, minN, threshold }).export;
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

/** A count of people (or a share: `k` people out of `n`) as it may leave. */
export interface OutwardCount {
  hidden: boolean;
  /** « moins de 11 personnes » when hidden, else ''. */
  note: string;
  k: number | null;
  n: number | null;
}

function countView(shown: boolean, k: number, n: number | null, audience: Audience): OutwardCount {
  return shown ? { hidden: false, note: '', k, n } : { hidden: true, note: hiddenText(audience), k: null, n: null };
}

/**
 * One count of people, alone (`n` null: « 26 personnes ont répondu ») or as a share of a whole (« 9 réponses sur 26
 * données par un proche »): it leaves when the count, the whole and what the whole leaves out (n − k) all clear the
 * audience's threshold — 24 answers out of 26 invited would name the 2 who did not answer.
 */
export function outwardCount(k: number, n: number | null, audience: Audience): OutwardCount {
  const t = AUDIENCE_THRESHOLD[audience];
  return countView(n === null ? k >= t : countsClear([k], n, t) && n >= t, k, n, audience);
}

/**
 * A share of people that qualifies a figure (the share answered by someone else, a response rate): it may leave only
 * when the people it counts and the others both clear the audience's threshold, else it is hidden too.
 */
export function outwardShare(part: number, whole: number, audience: Audience): { percent: number | null; hidden: boolean } {
  if (whole <= 0) return { percent: null, hidden: false };
  return outwardCount(part, whole, audience).hidden ? { percent: null, hidden: true } : { percent: (100 * part) / whole, hidden: false };
}

/** Whether a quote may reach an audience: consent « obtenu » or « non requis », and a usage that covers it. */
export function quoteMayLeave(consent: Consent | null, scope: Scope, audience: Audience): boolean {
  const needed = SCOPE_NEEDED[audience];
  if (needed === null || (consent !== 'obtenu' && consent !== 'non requis')) return false;
  return SCOPE_ORDER.indexOf(scope) >= SCOPE_ORDER.indexOf(needed);
}

/**
 * The parts of a whole (respondents by relationship, by age band…): each part as `outwardCount(part, total)`, and,
 * since the whole is shown, a lone hidden part would be the total minus the others: the smallest shown part is then
 * hidden too. A whole under the threshold hides everything.
 */
export function outwardBreakdown(total: number, parts: readonly number[], audience: Audience): { total: OutwardCount; parts: OutwardCount[]; derivable: number[] } {
  const t = AUDIENCE_THRESHOLD[audience];
  const shownTotal = total >= t;
  const shown = parts.map((part) => shownTotal && countsClear([part], total, t));
  const derivable: number[] = [];
  let totalShown = shownTotal;
  if (shown.filter((s) => !s).length === 1 && shownTotal) {
    const smallest = parts.map((part, i) => ({ part, i })).filter(({ i }) => shown[i]).sort((a, b) => a.part - b.part)[0];
    if (smallest) {
      shown[smallest.i] = false;
      derivable.push(smallest.i);
    } else totalShown = false; // a lone part is the whole
  }
  return { total: countView(totalShown, total, null, audience), parts: parts.map((part, i) => countView(shown[i]!, part, total, audience)), derivable };
}

/** The flags about how the team collects: who answered, interviewers, modes, non-response, people lost. */
export const COLLECTION_FLAGS: readonly FlagCode[] = [
  'response_rate', 'attrition', 'proxy_share', 'proxy_excluded', 'respondent_type_unknown', 'interviewer_gap', 'mode_gap',
  'item_nonresponse', 'dont_know', 'invalid_answers', 'pairs_left_out', 'pairs_type_changed', 'no_period', 'missing_question',
];

/**
 * What the team reads about its own collection: the flags' sentences, which carry counts (« 2 questionnaires sans type
 * de répondant »), to act on. They stay in the structure: any other audience gets none.
 */
export function teamNotes(flags: readonly Flag[], audience: Audience): Flag[] {
  return audience === 'team' ? flags.filter((f) => COLLECTION_FLAGS.includes(f.code)) : [];
}

/**
 * Whether an exchange file for `audience` (a REFI-QDA project for an evaluator, annotations) may hold an observation:
 * for a file that stays inside the structure (« usage interne », chosen explicitly and written on the file) every
 * observation the registry holds, as the registry itself does; for anyone outside, only what `quoteMayLeave` allows.
 */
export function exchangeMayHold(consent: Consent | null, scope: Scope, audience: Audience): boolean {
  return audience === 'team' || quoteMayLeave(consent, scope, audience);
}
