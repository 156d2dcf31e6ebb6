// CIDS export: the impact model and its reported figures, validated offline against CIDS's own Basic Tier SHACL shapes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import datasetFactory from '@rdfjs/dataset';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { Codebook } from '../../../shared/codebook/codebook';
import { CIDS_CONTEXT, cidsDocument, periodTimes } from '../../../shared/exchange/cids/cids';
import type { ValueRow } from '../../../shared/indicators/model';
import { outwardFigures } from '../../../shared/outward/gate';
import type { Outcome, Theme } from '../../../shared/registry/model';
import { indicator } from '../indicators/build';

const FIXTURES = path.resolve('tests/fixtures/cids');
const context = JSON.parse(readFileSync(path.join(FIXTURES, 'cidsContext.jsonld'), 'utf8'));
const shapes = datasetFactory.dataset(new Parser().parse(readFileSync(path.join(FIXTURES, 'cids.basictier.shacl.ttl'), 'utf8')));

async function shaclReport(document: object) {
  const documentLoader = async (url: string) => {
    if (url === CIDS_CONTEXT) return { contextUrl: null, document: context, documentUrl: url };
    throw new Error(`no network in tests: ${url}`);
  };
  const nquads = await jsonld.toRDF(document, { format: 'application/n-quads', documentLoader });
  const data = datasetFactory.dataset(new Parser({ format: 'N-Quads' }).parse(nquads));
  const report = await new SHACLValidator(shapes).validate(data);
  return { conforms: report.conforms, triples: data.size, problems: report.results.map((r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join('; ')}`), nquads };
}

const outcomes: Outcome[] = [{ id: 'C1', stakeholder: 'aidants', change: 'Les aidants se sentent moins seuls', level: 'outcome', guid: 'A1B2C3D4-0000-4000-8000-000000000001', row: 2 }];
const themes: Theme[] = [{ id: 'T1', outcome: 'C1', label: 'Rompre l’isolement', description: '', colour: '', guid: 'A1B2C3D4-0000-4000-8000-000000000011', row: 2 }];
const codebook = new Codebook(outcomes, themes);
const indicators = [
  indicator({ code: 'I1', name: 'Part des aidants moins seuls', unit: '%', method: 'proportion', granularity: 'year' }),
  indicator({ code: 'I2', name: 'Aidants qui évoquent la rupture de l’isolement', unit: 'personnes', method: 'persons', source: { type: 'observations', tags: ['T1'] }, granularity: 'quarter' }),
];
const row = (over: Partial<ValueRow>): ValueRow => ({
  indicator: 'I1', period: '2025', segment: '', value: 62, n: 40, low: 46.5, high: 75.3, baseline: null, target: null, status: '', flags: [], methodText: '',
  suppressed: false, exportSuppressed: false, computed: true, detail: { k: 25 }, ...over,
});
const values = [
  row({}),
  row({ period: 'T0', value: 55, n: 30, detail: { k: 16 } }),
  row({ indicator: 'I2', period: '2025-T4', value: 14, n: 31, low: null, high: null, detail: { k: 14, persons: { k: 14, n: 31 } } }),
  row({ indicator: 'I2', period: '2026-T1', value: 8, n: 14, low: null, high: null, detail: { k: 8, persons: { k: 8, n: 14 } } }),
];

describe('CIDS export', () => {
  it('describes the organisation, outcomes, themes, indicators and reports as CIDS’s Basic Tier shapes require', async () => {
    const view = outwardFigures(values, 'funders');
    const exported = cidsDocument({ organisation: 'Répit 44', codebook, indicators, view });
    expect(exported).toMatchObject({ reported: 2, hidden: 1, undated: ['I1 T0'] });
    const report = await shaclReport(exported.document);
    expect(report.problems).toEqual([]);
    expect(report.conforms).toBe(true);
    expect(report.nquads).toContain('<http://ontology.eil.utoronto.ca/ISO21972/iso21972#hasNumericalValue> "62"');
    expect(report.nquads).toContain('<http://www.w3.org/ns/prov#startedAtTime> "2025-10-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>');
    // 8 people out of 14: hidden for funders, so no report carries it.
    expect(JSON.stringify(exported.document)).not.toContain('2026-T1');
  });

  it('is refused by the same shapes when a required property is missing (the check can fail)', async () => {
    const exported = cidsDocument({ organisation: 'Répit 44', codebook, indicators, view: outwardFigures(values, 'funders') });
    const broken = { ...exported.document, '@graph': exported.document['@graph'].map((node) => (node['@type'] === 'cids:Indicator' ? { ...node, unitDescription: undefined } : node)) };
    const report = await shaclReport(broken);
    expect(report.conforms).toBe(false);
    expect(report.problems.join('\n')).toContain('https://ontology.commonapproach.org/cids#unitDescription: Less than 1 values');
  });

  it('keeps the same identifiers from one export to the next', () => {
    const ids = () => cidsDocument({ organisation: 'Répit 44', codebook, indicators, view: outwardFigures(values, 'funders') }).document['@graph'].map((n) => n['@id']);
    expect(ids()).toEqual(ids());
    expect(ids()).toContain('urn:uuid:a1b2c3d4-0000-4000-8000-000000000001');
  });

  it('turns calendar periods into instants', () => {
    expect(periodTimes('2026-T1')).toEqual({ start: '2026-01-01T00:00:00Z', end: '2026-03-31T23:59:59Z' });
    expect(periodTimes('2026-02')).toEqual({ start: '2026-02-01T00:00:00Z', end: '2026-02-28T23:59:59Z' });
    expect(periodTimes('2026-S2')).toEqual({ start: '2026-07-01T00:00:00Z', end: '2026-12-31T23:59:59Z' });
    expect(periodTimes('T0')).toBeNull();
  });
});
