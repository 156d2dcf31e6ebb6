/**
 * The registry's impact model in the Common Impact Data Standard (CIDS 3.2.1, JSON-LD, Basic Tier): the organisation,
 * its outcomes (cids:Outcome) with the codebook's themes (cids:Theme), its indicators (cids:Indicator) and, for each
 * calendar period, an indicator report (cids:IndicatorReport) with its value as an i72:Measure. Figures come from the
 * outward gate only: a figure it hides leaves no report. Identifiers are stable
 * (the codes' exchange GUIDs, name-based UUIDs otherwise), so a second export describes the same things.
 */
import type { Codebook } from '../../codebook/codebook';
import { periodMonths } from '../../indicators/periods';
import type { OutwardFigure, OutwardView } from '../../outward/gate';
import type { Indicator } from '../../registry/model';
import { nameGuid } from '../guid';

export const CIDS_CONTEXT = 'https://ontology.commonapproach.org/contexts/cidsContext.jsonld';

export interface CidsExport {
  document: { '@context': string; '@graph': Array<Record<string, unknown>> };
  /** Figures with a value in the file. */
  reported: number;
  /** Figures the gate hid (too few people, or derivable): no report for them. */
  hidden: number;
  /** Values of survey waves, which carry no dates: CIDS reports need a period. */
  undated: string[];
}

const iri = (kind: string, key: string) => `urn:uuid:${nameGuid(`${kind}:${key}`).toLowerCase()}`;

/** The first and last instant of a calendar period, in UTC (« 2026-T1 » → 2026-01-01T00:00:00Z … 2026-03-31T23:59:59Z). */
export function periodTimes(period: string): { start: string; end: string } | null {
  const months = periodMonths(period);
  if (!months) return null;
  const start = new Date(Date.UTC(Math.floor(months.first / 12), months.first % 12, 1));
  const end = new Date(Date.UTC(Math.floor(months.last / 12), (months.last % 12) + 1, 1) - 1000);
  const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');
  return { start: iso(start), end: iso(end) };
}

const numberText = (x: number) => String(Math.round(x * 10) / 10);

export function cidsDocument(input: { organisation: string; codebook: Codebook; indicators: readonly Indicator[]; view: OutwardView }): CidsExport {
  const { codebook, view } = input;
  const org = iri('organisation', input.organisation);
  const codeIri = (guid: string) => `urn:uuid:${guid.toLowerCase()}`;
  const outcomes = codebook.codes.filter((c) => c.kind === 'outcome');
  const indicatorIri = (code: string) => iri('indicator', `${input.organisation}:${code}`);
  const graph: Array<Record<string, unknown>> = [];
  const reportsOf = new Map<string, string[]>();
  let reported = 0;
  let hidden = 0;
  const undated: string[] = [];
  const reports: Array<Record<string, unknown>> = [];
  for (const figure of view.figures as readonly OutwardFigure[]) {
    const indicator = input.indicators.find((i) => i.code === figure.indicator);
    if (!indicator || figure.segment !== '') continue;
    if (figure.hidden) {
      // A hidden figure leaves no report at all: an empty value would still say « something was measured here ».
      hidden++;
      continue;
    }
    // Nothing computed (an indicator the registry check refused, a period without data): nothing to report.
    if (figure.value === null) continue;
    const times = periodTimes(figure.period);
    if (!times) {
      undated.push(`${figure.indicator} ${figure.period}`);
      continue;
    }
    const id = iri('report', `${input.organisation}:${figure.indicator}:${figure.period}`);
    const list = reportsOf.get(indicator.code) ?? [];
    list.push(id);
    reportsOf.set(indicator.code, list);
    reported++;
    const n = figure.n !== null ? ` ; n = ${figure.n}` : '';
    const interval = figure.low !== null && figure.high !== null ? ` ; intervalle de confiance à 95 % : ${numberText(figure.low)} – ${numberText(figure.high)}` : '';
    reports.push({
      '@id': id, '@type': 'cids:IndicatorReport', hasName: `${indicator.code} — ${figure.period}`, forIndicator: indicatorIri(indicator.code),
      forOrganization: org, startedAtTime: times.start, endedAtTime: times.end,
      value: { '@type': 'i72:Measure', hasNumericalValue: numberText(figure.value) },
      hasComment: `Calculé par Repère, pour ${view.audienceLabel}${n}${interval}.`,
    });
  }
  graph.push({
    '@id': org, '@type': 'cids:Organization', hasLegalName: input.organisation,
    hasOutcome: outcomes.map((o) => codeIri(o.guid)), hasIndicator: input.indicators.map((i) => indicatorIri(i.code)),
  });
  for (const theme of codebook.codes.filter((c) => c.kind === 'theme')) {
    graph.push({ '@id': codeIri(theme.guid), '@type': 'cids:Theme', hasName: theme.label, hasDescription: theme.description || theme.label });
  }
  for (const outcome of outcomes) {
    graph.push({
      '@id': codeIri(outcome.guid), '@type': 'cids:Outcome', hasName: outcome.id, hasDescription: outcome.label, forOrganization: org,
      forTheme: codebook.themesOf(outcome.id).map((t) => codeIri(t.guid)),
      hasIndicator: input.indicators.filter((i) => i.outcome === outcome.id).map((i) => indicatorIri(i.code)),
    });
  }
  for (const indicator of input.indicators) {
    const outcome = outcomes.find((o) => o.id === indicator.outcome);
    graph.push({
      '@id': indicatorIri(indicator.code), '@type': 'cids:Indicator', hasName: `${indicator.code} — ${indicator.name}`, hasDescription: indicator.name || indicator.code,
      unitDescription: indicator.unit || 'nombre', forOrganization: org, forOutcome: outcome ? [codeIri(outcome.guid)] : [],
      hasIndicatorReport: reportsOf.get(indicator.code) ?? [],
    });
  }
  graph.push(...reports);
  return { document: { '@context': CIDS_CONTEXT, '@graph': graph }, reported, hidden, undated };
}
