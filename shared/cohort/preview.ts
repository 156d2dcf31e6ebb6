/**
 * A publication as the member reads it before confirming: one line per row, with exactly what the row carries — the
 * indicator and its version, the period, the group, n and the counts, the qualifying shares — and « < 11 » where a
 * figure is hidden. The sidebar's table and `repere publish` print these same cells.
 */
import { termLabel } from '../contract/words';
import { frNumber } from '../indicators/text';
import type { PublishedRow } from './publication';
import { count } from '../text/plural';

export const PREVIEW_HEADERS = ['Indicateur', 'Version', 'Période', 'Groupe', 'Mesure', 'n', 'Comptes et chiffre', 'Pour autrui', 'Taux de réponse'] as const;

const num = (x: number) => (Number.isInteger(x) ? String(x) : frNumber(x, 2));
const opt = (x: number | null) => (x === null ? '' : num(x));
const pct = (x: number | '< 11' | null) => (x === null ? '' : x === '< 11' ? '< 11' : `${x} %`);

function counts(r: PublishedRow): string {
  if (r.hidden) return '< 11';
  const parts: string[] = [];
  if (r.k !== null) parts.push(`k = ${r.k}`);
  if (r.sum !== null && r.measure !== 'sum') parts.push(`somme ${num(r.sum)}, somme des carrés ${num(r.sumSquares ?? 0)}`);
  if (r.distribution) parts.push(`répartition ${r.distribution.join(' | ')}`);
  if (r.improved !== null) parts.push(`progressé ${r.improved}, stables ${r.stable}, en baisse ${r.worse}`);
  if (r.value !== null) parts.push(`valeur ${num(r.value)}${r.low !== null && r.high !== null ? ` [${num(r.low)} ; ${num(r.high)}]` : ''}`);
  return parts.join(' ; ');
}

export function previewCells(r: PublishedRow): string[] {
  return [
    r.indicator,
    String(r.version),
    r.before ? `${r.before} → ${r.period}` : r.period,
    r.segment ? `${r.segment.column} = ${r.segment.value}` : 'ensemble',
    termLabel('measure', r.measure, 'fr'),
    r.hidden ? '< 11' : opt(r.n),
    counts(r),
    pct(r.proxyShare),
    pct(r.responseRate),
  ];
}

/** « 120 lignes (I1, I2, I3 ; 2026-T1, 2026-T2), dont 14 masquées (< 11) ». */
export function publicationSummary(rows: readonly PublishedRow[]): string {
  const indicators = [...new Set(rows.map((r) => r.indicator))];
  const periods = [...new Set(rows.map((r) => r.period))];
  const hidden = rows.filter((r) => r.hidden).length;
  return `${count(rows.length, 'ligne', 'lignes')}${rows.length ? ` (${indicators.join(', ')} ; ${periods.join(', ')})` : ''}, dont ${count(hidden, 'masquée', 'masquées')} (< 11)`;
}
