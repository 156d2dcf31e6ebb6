/**
 * A member's publication, built from its computed figures: only the indicators adopted from the cohort's shared set
 * (with the definition unchanged since), only groups whose labels come from the shared definition, and every figure
 * through the outward gate for the audience « cohorte » (shared/outward/gate.ts): fewer than 11 people, a complement
 * under 11 or a group derivable from the others, and the figure leaves as « < 11 », its numbers withheld. What the
 * rows may hold is fixed by the publication schema; what they say is exactly what the member sees before sending.
 */
import type { Measure } from '../contract/words';
import type { SurveyCheck, ValueRow } from '../indicators/model';
import { outwardFigures, outwardShare, type HiddenReason, type OutwardFigure } from '../outward/gate';
import type { Indicator, Question } from '../registry/model';
import { PUBLICATION_FORMAT, PeriodLabel, publicationId, sortedRows, type Publication, type PublishedRow } from './publication';
import { segmentRefusal, splitSegment } from './segments';

/** An indicator of the member adopted from the shared set, its definition unchanged since (fingerprints equal). */
export interface AdoptedIndicator {
  indicator: Indicator;
  sharedCode: string;
  version: number;
  fingerprint: string;
}

export interface PublicationInput {
  cohort: string;
  adopted: readonly AdoptedIndicator[];
  values: readonly ValueRow[];
  surveyChecks: readonly SurveyCheck[];
  questions: readonly Question[];
  generatedAt: string;
}

export interface PublicationDraft {
  publication: Publication;
  /** What was hidden and why, by shared code, for the Journal line. */
  hidden: Array<{ indicator: string; period: string; segment: string; reason: HiddenReason }>;
  /** What is not published at all, and why, in French. */
  leftOut: string[];
}

// Distinct people who raise a theme are a count of people (k of the n met): pooled by adding counts, like any count.
const MEASURES: Record<Indicator['method'], Measure> = {
  proportion: 'proportion', mean: 'mean', scale: 'mean', median: 'median', count: 'count', sum: 'sum', change: 'change', observations: 'value', persons: 'count', manual: 'value',
};

const EMPTY: Omit<PublishedRow, 'indicator' | 'version' | 'definition' | 'period' | 'before' | 'segment' | 'measure' | 'changeKind' | 'hidden'> = {
  n: null, k: null, value: null, low: null, high: null, sum: null, sumSquares: null, distribution: null, improved: null, stable: null, worse: null, proxyShare: null, responseRate: null,
};

const round = (x: number | null | undefined, decimals = 6): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** decimals) / 10 ** decimals);

/** A qualifying share as it leaves: a whole percent, or « < 11 » when it counts too few people. */
function share(part: number, whole: number): number | '< 11' | null {
  const s = outwardShare(part, whole, 'cohort');
  return s.hidden ? '< 11' : s.percent === null ? null : Math.round(s.percent);
}

/** The response rate and the share answered by someone else, from the checks of the wave the figure is about. */
function qualifiers(adopted: AdoptedIndicator, period: string, checks: readonly SurveyCheck[]): Pick<PublishedRow, 'proxyShare' | 'responseRate'> {
  const source = adopted.indicator.source;
  const waveFigure = adopted.indicator.granularity === 'wave' || adopted.indicator.method === 'change';
  const check = source.type === 'survey' && waveFigure ? checks.find((c) => c.survey === source.survey && c.wave === period) : undefined;
  if (!check) return { proxyShare: null, responseRate: null };
  return { proxyShare: share(check.proxies, check.typeKnown), responseRate: check.invited ? share(check.respondents, check.invited) : null };
}

function numbersOf(figure: OutwardFigure, measure: Measure): Partial<PublishedRow> {
  const d = figure.detail;
  const out: Partial<PublishedRow> = { n: figure.n, value: round(figure.value), low: round(figure.low), high: round(figure.high) };
  if ((measure === 'proportion' || measure === 'count') && d.k !== undefined) out.k = d.k;
  if (measure === 'mean') {
    out.sum = round(d.sum ?? null);
    out.sumSquares = round(d.sumSquares ?? null);
  }
  if (measure === 'sum') out.sum = round(d.sum ?? figure.value);
  if (d.distribution) out.distribution = d.distribution.map((l) => l.count);
  const shares = d.change?.shares;
  if (shares) {
    out.improved = shares.improved.count;
    out.stable = shares.stable.count;
    out.worse = shares.worse.count;
  }
  return out;
}

export function buildPublication(input: PublicationInput): PublicationDraft {
  const leftOut: string[] = [];
  const byCode = new Map(input.adopted.map((a) => [a.indicator.code, a]));
  const kept: ValueRow[] = [];
  const refused = new Set<string>();
  for (const row of input.values) {
    const adopted = byCode.get(row.indicator);
    if (!adopted) continue;
    if (row.period === '') {
      leftOut.push(`${adopted.sharedCode} : la définition n’a pas pu être calculée (${row.methodText})`);
      continue;
    }
    if (!PeriodLabel.safeParse(row.period).success) {
      leftOut.push(`${adopted.sharedCode} ${row.period} : cette période ne peut pas être publiée (20 caractères au plus, lettres, chiffres et tirets)`);
      continue;
    }
    if (!row.computed && row.n === null) {
      leftOut.push(`${adopted.sharedCode} ${row.period} : valeur saisie sans n ; indiquez dans « Valeurs » combien de personnes elle concerne pour la publier`);
      continue;
    }
    const segment = splitSegment(row.segment);
    if (segment) {
      const why = segmentRefusal(adopted.indicator, input.questions, segment.column, segment.value);
      if (why) {
        const key = `${adopted.sharedCode}\u0000${segment.column}`;
        if (!refused.has(key)) leftOut.push(`${adopted.sharedCode}, groupes « ${segment.column} » : non publiés, ${why}`);
        refused.add(key);
        continue;
      }
    }
    kept.push(row);
  }
  // Groups of a column partly refused are all left out: the rest could otherwise be subtracted from the total.
  const rows = kept.filter((row) => {
    const segment = splitSegment(row.segment);
    return !segment || !refused.has(`${byCode.get(row.indicator)!.sharedCode}\u0000${segment.column}`);
  });

  const view = outwardFigures(rows, 'cohort', (code) => byCode.get(code)?.indicator.minN ?? 0);
  const published: PublishedRow[] = view.figures.map((figure, i) => {
    const adopted = byCode.get(rows[i]!.indicator)!;
    const measure = MEASURES[adopted.indicator.method];
    const segment = splitSegment(figure.segment);
    const change = rows[i]!.detail.change;
    return {
      indicator: adopted.sharedCode,
      version: adopted.version,
      definition: adopted.fingerprint,
      period: figure.period,
      before: change ? change.before : null,
      segment,
      measure,
      changeKind: change ? change.kind : null,
      hidden: figure.hidden,
      ...EMPTY,
      ...(figure.hidden ? {} : numbersOf(figure, measure)),
      ...qualifiers(adopted, figure.period, input.surveyChecks),
    };
  });
  const sorted = sortedRows(published);
  return {
    publication: {
      format: PUBLICATION_FORMAT,
      id: publicationId(input.cohort, sorted),
      cohort: input.cohort,
      generatedAt: input.generatedAt,
      audience: 'cohorte',
      threshold: 11,
      rows: sorted,
    },
    hidden: view.hidden.map((h) => ({ ...h, indicator: byCode.get(h.indicator)!.sharedCode })),
    leftOut,
  };
}
