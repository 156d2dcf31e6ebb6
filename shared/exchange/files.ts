/**
 * The exchange files, made and read where the person is (the sidebar in the browser, the `repere` command in Node)
 * from the plain data the registry hands over: the codebook (.qdc, Taguette CSV), the project (.qdpx), the impact
 * data (CIDS JSON-LD); and a codebook or a coded project read back, whatever tool wrote it.
 */
import { Codebook } from '../codebook/codebook';
import type { Audience } from '../contract/words';
import type { OutwardView } from '../outward/gate';
import type { Indicator, Outcome, Theme } from '../registry/model';
import { cidsDocument } from './cids/cids';
import { codebookXml, countCodes, readCodebookXml, refiCodes, type RefiCode } from './refi-qda/codebook';
import { projectFromRegistry, type ExchangeObservation } from './refi-qda/from-registry';
import { projectBytes, readProject, type CodedSource } from './refi-qda/project';
import { readTaguetteCodebook, taguetteCodebookCsv } from './taguette';
import { strFromU8 } from 'fflate';
import { count } from '../text/plural';

export interface ExchangeFile {
  name: string;
  type: string;
  content: string | Uint8Array;
  /** What the file holds, in one French sentence. */
  summary: string;
}

const safe = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'registre';
const day = (now: Date) => now.toISOString().slice(0, 10);

export function codebookFile(data: { registryName: string; outcomes: Outcome[]; themes: Theme[] }, format: 'qdc' | 'csv', now: Date): ExchangeFile {
  const codebook = new Codebook(data.outcomes, data.themes);
  const what = `${count(data.outcomes.length, 'changement visé', 'changements visés')} et ${count(data.themes.length, 'thème', 'thèmes')}`;
  return format === 'qdc'
    ? { name: `livre-de-codes-${safe(data.registryName)}-${day(now)}.qdc`, type: 'application/xml', content: codebookXml(refiCodes(codebook)), summary: `Livre de codes REFI-QDA : ${what}.` }
    : { name: `livre-de-codes-${safe(data.registryName)}-${day(now)}.csv`, type: 'text/csv;charset=utf-8', content: taguetteCodebookCsv(codebook), summary: `Livre de codes pour Taguette : ${what}.` };
}

export function projectFile(data: { registryName: string; outcomes: Outcome[]; themes: Theme[]; audience: Audience; observations: ExchangeObservation[]; withheld: number }, now: Date): ExchangeFile {
  const { project, leftOut } = projectFromRegistry({
    registryName: data.registryName, codebook: new Codebook(data.outcomes, data.themes), observations: data.observations, audience: data.audience,
    now: now.toISOString(), withheld: data.withheld,
  });
  const internal = data.audience === 'team';
  return {
    name: `observations-${safe(data.registryName)}${internal ? '-usage-interne' : ''}-${day(now)}.qdpx`,
    type: 'application/zip',
    content: projectBytes(project),
    summary: internal
      ? `Projet REFI-QDA à usage interne : ${count(project.sources.length, 'observation', 'observations')}, y compris sans consentement ; le fichier le dit et ne doit pas sortir de la structure.`
      : `Projet REFI-QDA : ${count(project.sources.length, 'observation', 'observations')} dont l’usage le permet${leftOut > 0 ? `, ${count(leftOut, 'laissée', 'laissées')} de côté (consentement ou usage)` : ''}.`,
  };
}

export function cidsFile(data: { registryName: string; organisation?: string; outcomes: Outcome[]; themes: Theme[]; indicators: Indicator[]; view: OutwardView }, now: Date): ExchangeFile {
  const organisation = data.organisation?.trim() || data.registryName;
  const exported = cidsDocument({ organisation, codebook: new Codebook(data.outcomes, data.themes), indicators: data.indicators, view: data.view });
  const parts = [`${count(exported.reported, 'valeur publiée', 'valeurs publiées')} pour ${data.view.audienceLabel}`];
  if (exported.hidden > 0) parts.push(`${count(exported.hidden, 'masquée', 'masquées')} (moins de ${data.view.threshold} personnes, ou calculable par différence)`);
  if (exported.undated.length > 0) parts.push(`${count(exported.undated.length, 'valeur de vague d’enquête sans dates, non publiée', 'valeurs de vague d’enquête sans dates, non publiées')} (${exported.undated.join(', ')})`);
  return {
    name: `impact-cids-${safe(organisation)}-${day(now)}.jsonld`,
    type: 'application/ld+json',
    content: `${JSON.stringify(exported.document, null, 2)}\n`,
    summary: `Données d’impact CIDS : ${count(data.outcomes.length, 'changement', 'changements')}, ${count(data.indicators.length, 'indicateur', 'indicateurs')} ; ${parts.join(' ; ')}.`,
  };
}

export type ReadCodebook = { ok: true; codes: RefiCode[]; origin: string; count: number } | { ok: false; message: string };

/** A codebook file of any tool: REFI-QDA .qdc (QualCoder, NVivo, MAXQDA, ATLAS.ti, Taguette) or Taguette's CSV. */
export function readCodebookFile(name: string, bytes: Uint8Array): ReadCodebook {
  const text = strFromU8(bytes);
  const looksXml = /^\uFEFF?\s*</.test(text);
  if (/\.qdpx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    return { ok: false, message: `« ${name} » est un projet (.qdpx) : importez-le par « Importer les codages d’un projet » (repere import-codings).` };
  }
  const read = looksXml || /\.qdc$/i.test(name) ? readCodebookXml(text) : { ...readTaguetteCodebook(text), origin: 'Taguette (CSV)' };
  if (!read.ok) return { ok: false, message: `« ${name} » : ${read.message}` };
  return { ok: true, codes: read.codes, origin: read.origin, count: countCodes(read.codes) };
}

export type ReadCodings = { ok: true; codes: RefiCode[]; sources: CodedSource[]; origin: string } | { ok: false; message: string };

export function readCodingsFile(name: string, bytes: Uint8Array): ReadCodings {
  const read = readProject(bytes);
  return read.ok ? read : { ok: false, message: `« ${name} » : ${read.message}` };
}
