/**
 * What the coordinator checks before it writes a publication, and where its rows go. The checks are the member's
 * own, made again: the rows pass through the same outward gate (shared/outward/gate.ts), and a publication in which
 * the gate would hide a figure that arrived shown — fewer than 11 people, a complement under 11, a group derivable
 * from the total and the others, a distribution or a split with a small count — is refused whole. Rows are replaced
 * per member and period by a newer publication, never duplicated: the same publication twice changes nothing, an
 * older one never overwrites a newer one.
 */
import type { ValueRow } from '../indicators/model';
import { outwardFigures } from '../outward/gate';
import type { Indicator, Question } from '../registry/model';
import type { Publication, PublishedRow } from './publication';
import { segmentRefusal } from './segments';

const segmentText = (r: PublishedRow) => (r.segment ? `${r.segment.column} = ${r.segment.value}` : '');
const where = (r: PublishedRow) => `${r.indicator} (version ${r.version}) ${r.period}${r.segment ? `, ${segmentText(r)}` : ''}`;

/** A published row as the gate reads figures: a hidden one counts as a small cell. */
function asValueRow(r: PublishedRow): ValueRow {
  const counted = r.measure === 'proportion' || r.measure === 'count' || r.changeKind === 'ordinal';
  const n = r.hidden ? 0 : r.n;
  return {
    indicator: `${r.indicator}\u0000${r.version}`, period: r.period, segment: segmentText(r), value: r.value, n, low: r.low, high: r.high,
    baseline: null, target: null, status: '', flags: [], methodText: '', suppressed: false, exportSuppressed: false, computed: true,
    detail: {
      ...(counted && !r.hidden && { k: r.changeKind === 'ordinal' ? r.improved ?? 0 : r.k ?? 0 }),
      ...(r.distribution && { distribution: r.distribution.map((count, i) => ({ level: String(i), count })) }),
      ...(r.changeKind && {
        change: {
          kind: r.changeKind, before: r.before ?? '', after: r.period, pairs: n ?? 0, improved: r.improved ?? 0, stable: r.stable ?? 0, worse: r.worse ?? 0,
          shares: r.improved === null ? null : { improved: { count: r.improved, percent: 0, low: null, high: null }, stable: { count: r.stable ?? 0, percent: 0, low: null, high: null }, worse: { count: r.worse ?? 0, percent: 0, low: null, high: null } },
          leftOut: { noBefore: 0, noAfter: 0, blankAfter: 0, proxyBefore: 0, proxyAfter: 0, typeChanged: 0 },
          test: { name: 'wilcoxon', p: null, method: null, message: null },
        },
      }),
    },
  };
}

/** Why a publication may not be written (empty when it may), in French, naming the rows. */
export function privacyProblems(publication: Publication): string[] {
  const rows = publication.rows;
  const view = outwardFigures(rows.map(asValueRow), 'cohort');
  const problems: string[] = [];
  view.figures.forEach((figure, i) => {
    const r = rows[i]!;
    if (r.hidden) {
      const numbers = [r.n, r.k, r.value, r.low, r.high, r.sum, r.sumSquares, r.improved, r.stable, r.worse];
      if (numbers.some((x) => x !== null) || r.distribution !== null) problems.push(`${where(r)} : chiffre masqué qui porte pourtant des nombres`);
      return;
    }
    if (figure.hidden) problems.push(`${where(r)} : ${view.hidden.find((h) => h.indicator === `${r.indicator}\u0000${r.version}` && h.period === r.period && h.segment === segmentText(r))?.reason === 'derivable' ? 'déductible du total et des autres groupes' : 'moins de 11 personnes (ou son complément)'}, il aurait dû être masqué`);
    else if (r.distribution && !figure.detail.distribution) problems.push(`${where(r)} : répartition avec une modalité de moins de 11 personnes`);
    else if (r.improved !== null && !figure.detail.change?.shares) problems.push(`${where(r)} : progression / stabilité / baisse avec un compte de moins de 11 personnes`);
    else if (r.n === null && r.measure !== 'value') problems.push(`${where(r)} : chiffre sans n`);
  });
  return problems.slice(0, 10);
}

/** Groups whose labels do not come from the current shared definition (current versions only). */
export function segmentProblems(publication: Publication, current: ReadonlyMap<string, { version: number; indicator: Indicator }>, questions: readonly Question[]): string[] {
  const problems: string[] = [];
  for (const r of publication.rows) {
    const definition = current.get(r.indicator);
    if (!r.segment || !definition || definition.version !== r.version) continue;
    const why = segmentRefusal(definition.indicator, questions, r.segment.column, r.segment.value);
    if (why) problems.push(`${where(r)} : ${why}`);
  }
  return [...new Set(problems)].slice(0, 10);
}

/** A row of « Agrégats reçus » as read: enough to find the member's earlier rows per period. */
export interface StoredRow {
  row: number;
  member: string;
  period: string;
  publication: string;
  /** When the member prepared that publication (ms since the epoch; NaN if unreadable). */
  generatedAt: number;
}

export interface ReceivePlan {
  duplicate: boolean;
  /** Rows of this member's older publications for the periods this one covers: replaced. */
  replaced: number[];
  /** Periods a newer publication of this member already covers: left as they are. */
  keptNewer: string[];
  /** The rows to write. */
  rows: PublishedRow[];
}

export function receivePlan(stored: readonly StoredRow[], member: string, publication: Publication): ReceivePlan {
  const mine = stored.filter((s) => s.member === member);
  if (mine.some((s) => s.publication === publication.id)) return { duplicate: true, replaced: [], keptNewer: [], rows: [] };
  const at = Date.parse(publication.generatedAt);
  const periods = [...new Set(publication.rows.map((r) => r.period))];
  const keptNewer = periods.filter((p) => mine.some((s) => s.period === p && s.generatedAt > at));
  const kept = new Set(keptNewer);
  return {
    duplicate: false,
    replaced: mine.filter((s) => periods.includes(s.period) && !kept.has(s.period)).map((s) => s.row),
    keptNewer,
    rows: publication.rows.filter((r) => !kept.has(r.period)),
  };
}
