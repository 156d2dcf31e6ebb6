/**
 * What a member publishes to its cohort, as a schema with no room for anything else: one row per indicator × period ×
 * group with counts, n, the definition's version and the flags that qualify the figure. No field can carry an
 * answer, a person id, a name or a text longer than a label: every text is a code, a period, a version's fingerprint
 * or a group's label of at most 40 characters on one line, every other value a number, and every object is closed
 * (an unknown key is refused, not dropped). The coordinator checks a publication against this schema and against the
 * outward gate before writing anything (shared/cohort/receive.ts).
 */
import * as z from 'zod';
import { termIds } from '../contract/words';
import { sha256Hex } from '../crypto/sha256';
import { comparePeriods, compareSegments, naturalOrder } from '../indicators/periods';
import { FINGERPRINT } from './definition';
import { COHORT_ID } from './invitation';

export const PUBLICATION_FORMAT = 'repere.cohorte.publication';
/** A publication's rows: 40 indicators × 8 periods × a few dozen groups, with room to spare. */
export const MAX_PUBLICATION_ROWS = 20_000;
export const LABEL_MAX = 40;

/** An indicator's code, as in « Indicateurs » (I1, AID-2, bien_etre.3). */
export const IndicatorCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,23}$/);
/** A period or a wave: 2026, 2026-T1, 2026-03, T0, « entrée », « 6 mois ». */
export const PeriodLabel = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N} ._/'’-]{0,23}$/u);
/** A group's column or answer label: one short line (no control character), no markup, no formula. */
export const Label = z.string().max(LABEL_MAX).regex(/^[^=+@<>{}[\]\\\p{Cc}][^<>{}[\]\\\p{Cc}]*$/u);
const Count = z.number().int().min(0).max(10_000_000);
const Figure = z.number().min(-1e12).max(1e12);
/** A qualifying share in percent, or « < 11 » when it counts too few people to be said. */
const Share = z.union([z.number().min(0).max(100), z.literal('< 11')]).nullable();

export const PublishedRow = z.strictObject({
  indicator: IndicatorCode,
  version: z.number().int().min(1).max(100_000),
  definition: z.string().regex(FINGERPRINT),
  period: PeriodLabel,
  /** Before/after changes: the wave compared with (the period is the wave after). */
  before: PeriodLabel.nullable(),
  segment: z.strictObject({ column: Label.min(1), value: Label.min(1) }).nullable(),
  measure: z.enum(termIds('measure')),
  /** binary: a yes/no share in points; ordinal: the share who moved up a scale; score: a mean difference. */
  changeKind: z.enum(['binary', 'ordinal', 'score']).nullable(),
  /** Hidden before sending (« < 11 »): fewer than 11 people, or derivable from the other figures. */
  hidden: z.boolean(),
  n: Count.nullable(),
  k: Count.nullable(),
  value: Figure.nullable(),
  low: Figure.nullable(),
  high: Figure.nullable(),
  sum: Figure.nullable(),
  sumSquares: Figure.nullable(),
  /** Answers per level of the question, lowest first (only when every count and its complement clear 11). */
  distribution: z.array(Count).max(11).nullable(),
  improved: Count.nullable(),
  stable: Count.nullable(),
  worse: Count.nullable(),
  proxyShare: Share,
  responseRate: Share,
});
export type PublishedRow = z.infer<typeof PublishedRow>;

export const Publication = z.strictObject({
  format: z.literal(PUBLICATION_FORMAT),
  /** The SHA-256 of the cohort and the rows: the same content always has the same id (idempotence). */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  cohort: z.string().regex(COHORT_ID),
  generatedAt: z.iso.datetime(),
  audience: z.literal('cohorte'),
  threshold: z.literal(11),
  rows: z.array(PublishedRow).max(MAX_PUBLICATION_ROWS),
});
export type Publication = z.infer<typeof Publication>;

const segmentText = (r: PublishedRow) => (r.segment ? `${r.segment.column} = ${r.segment.value}` : '');

/** Rows in one order (I2 before I10, periods in time order, the whole group first), so the same content has one id. */
export function sortedRows(rows: readonly PublishedRow[]): PublishedRow[] {
  return [...rows].sort((a, b) => naturalOrder(a.indicator, b.indicator) || a.version - b.version || comparePeriods(a.period, b.period) || compareSegments(segmentText(a), segmentText(b)));
}

/** The publication's id: what it says, not when it was prepared. */
export function publicationId(cohort: string, rows: readonly PublishedRow[]): string {
  return sha256Hex(JSON.stringify({ cohort, rows: sortedRows(rows) }));
}

/** Where a publication broke the schema, in French: the first problems, with the row and the field. */
export function schemaProblems(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => {
    const path = issue.path;
    const rowAt = path[0] === 'rows' && typeof path[1] === 'number' ? `ligne ${path[1] + 1}` : '';
    const field = path.filter((p) => typeof p === 'string' && p !== 'rows').join('.');
    if (issue.code === 'unrecognized_keys') {
      return `${rowAt ? `${rowAt} : ` : ''}champ${issue.keys.length > 1 ? 's' : ''} non autorisé${issue.keys.length > 1 ? 's' : ''} « ${issue.keys.join(' », « ')} » (une publication ne contient que des comptes)`;
    }
    return `${rowAt ? `${rowAt}, ` : ''}champ « ${field || 'publication'} » non valide`;
  });
}
