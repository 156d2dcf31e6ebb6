/**
 * « Publier à la coordination », the member's side: the figures of the adopted indicators are computed (nothing is
 * written), turned into a publication through the outward gate (shared/cohort/publish.ts), and shown row by row. The
 * member then sends it to the coordinator's collector or saves it as a file; either way the publication is built
 * again and must be the one shown (same id), and the Journal says what left, when, and to whom.
 */
import { definitionFingerprint } from '../../../shared/cohort/definition';
import { PREVIEW_HEADERS, previewCells, publicationSummary } from '../../../shared/cohort/preview';
import { buildPublication, type AdoptedIndicator, type PublicationDraft } from '../../../shared/cohort/publish';
import type { Receipt } from '../../../shared/cohort/protocol';
import { computeIndicators } from '../../../shared/indicators/compute';
import { PROTOCOL_VERSION } from '../../../shared/protocol/endpoint';
import { fold } from '../../../shared/text/fold';
import { readAnswers, readObservations } from '../compute-read';
import { logToJournal } from '../journal';
import { findTab, TabLayouts } from '../registry';
import { readRegistry } from '../registry-read';
import { currentUser, registryLang, registrySpreadsheet, type Failure } from '../spreadsheet';
import { postToCoordinator } from './fetch';
import { memberSecret, membership, type Membership } from './state';

export interface PublicationPreview {
  ok: true;
  id: string;
  cohort: string;
  member: string;
  collector: string;
  headers: string[];
  rows: string[][];
  hidden: number;
  /** What is not published and why. */
  leftOut: string[];
  summary: string;
}

interface Prepared {
  membership: Membership;
  secret: string;
  draft: PublicationDraft;
}

const NOT_A_MEMBER: Failure = { ok: false, message: 'Ce registre n’a rejoint aucune cohorte : collez d’abord le code d’invitation de la coordination (« Rejoindre une cohorte »).' };

function prepare(): Prepared | Failure {
  const m = membership();
  if (!m) return NOT_A_MEMBER;
  const secret = memberSecret(m.id);
  if (!secret) {
    return { ok: false, message: 'Votre compte n’a pas le code de publication de cette cohorte : collez à nouveau le code d’invitation (« Rejoindre une cohorte ») ; vos indicateurs ne changeront pas.' };
  }
  const ss = registrySpreadsheet();
  if (!findTab(ss, 'indicators')) return { ok: false, message: 'Le registre n’est pas configuré.' };
  const lang = registryLang();
  const tabs = new TabLayouts(ss);
  const { registry } = readRegistry(ss, lang, tabs);
  const answers = readAnswers(tabs, registry.surveys, registry.questions);
  const result = computeIndicators({ ...registry, answers, observations: readObservations(tabs) });
  const adopted: AdoptedIndicator[] = [];
  const leftOut: string[] = [];
  for (const [sharedCode, a] of Object.entries(m.adopted)) {
    const indicator = registry.indicators.find((i) => fold(i.code) === fold(a.code) && i.cohort === m.id);
    if (!indicator) leftOut.push(`${sharedCode} : absent de l’onglet Indicateurs (ou en erreur : lancez « Vérifier ») ; rejoignez à nouveau la cohorte pour le retrouver`);
    else if (definitionFingerprint(indicator, registry.questions) !== a.fingerprint) {
      leftOut.push(`${sharedCode} (${indicator.code}) : sa définition a été modifiée dans votre registre depuis l’adoption (méthode, questions, condition…) : pas publié. Rejoignez à nouveau la cohorte pour reprendre la définition partagée`);
    } else adopted.push({ indicator, sharedCode, version: a.version, fingerprint: a.fingerprint });
  }
  const draft = buildPublication({ cohort: m.id, adopted, values: result.values, surveyChecks: result.surveyChecks, questions: registry.questions, generatedAt: new Date().toISOString() });
  draft.leftOut.unshift(...leftOut);
  return { membership: m, secret, draft };
}

function previewOf(p: Prepared): PublicationPreview {
  const rows = p.draft.publication.rows;
  return {
    ok: true,
    id: p.draft.publication.id,
    cohort: p.membership.name,
    member: p.membership.member,
    collector: p.membership.collector,
    headers: [...PREVIEW_HEADERS],
    rows: rows.map(previewCells),
    hidden: rows.filter((r) => r.hidden).length,
    leftOut: p.draft.leftOut,
    summary: `À publier pour « ${p.membership.name} » (vous y êtes ${p.membership.member}) : ${publicationSummary(rows)}. Rien d’autre ne part : ni réponse, ni code de personne, ni citation.`,
  };
}

export function previewPublication(): PublicationPreview | Failure {
  const p = prepare();
  return 'draft' in p ? previewOf(p) : p;
}

/** The publication again, which must be the one the member saw. */
function confirmed(id: string): Prepared | Failure {
  const p = prepare();
  if (!('draft' in p)) return p;
  if (p.draft.publication.id !== id) return { ok: false, message: 'Les chiffres ont changé depuis l’aperçu (un import, une modification) : relisez le nouvel aperçu avant de publier. Rien n’a été envoyé.' };
  if (p.draft.publication.rows.length === 0) return { ok: false, message: 'Rien à publier : aucun chiffre des indicateurs partagés n’est encore calculable. Rien n’a été envoyé.' };
  return p;
}

function requestBody(p: Prepared): string {
  return JSON.stringify({ v: PROTOCOL_VERSION, op: 'cohort.publish', token: p.secret, cohort: p.membership.id, publication: p.draft.publication });
}

function hiddenList(p: Prepared): string {
  const hidden = p.draft.hidden.slice(0, 20).map((h) => `${h.indicator} ${h.period}${h.segment ? ` (${h.segment})` : ''}`);
  return hidden.length ? ` Masqués : ${hidden.join(', ')}${p.draft.hidden.length > hidden.length ? '…' : ''}.` : '';
}

export type SendResult = { ok: true; message: string; receipt: Receipt | null } | Failure;

export function sendPublication(id: string): SendResult {
  const p = confirmed(String(id ?? ''));
  if (!('draft' in p)) return p;
  const ss = registrySpreadsheet();
  const who = currentUser('sidebar');
  const what = `Publication ${p.draft.publication.id.slice(0, 12)} pour la cohorte « ${p.membership.name} » (${p.membership.member}, ${p.membership.collector}) : ${publicationSummary(p.draft.publication.rows)}.${hiddenList(p)}`;
  const reply = postToCoordinator(p.membership.collector, requestBody(p));
  if (!reply.ok || !reply.answer.ok) {
    const message = reply.ok ? reply.answer.message ?? 'La coordination a refusé la publication.' : reply.message;
    logToJournal(ss, who, 'publication', `Envoi refusé ou impossible — ${what} Réponse : ${message}`);
    return { ok: false, message };
  }
  const receipt = reply.answer.receipt ?? null;
  logToJournal(ss, who, 'publication', `Envoyée à la coordination — ${what} Réponse : ${reply.answer.message ?? 'reçue'}`);
  return { ok: true, message: reply.answer.message ?? 'Publication reçue par la coordination.', receipt };
}

export type ExportResult = { ok: true; fileName: string; content: string; message: string } | Failure;

/** The same publication as a file, for a member that cannot call out: the coordinator imports it. */
export function exportPublication(id: string): ExportResult {
  const p = confirmed(String(id ?? ''));
  if (!('draft' in p)) return p;
  const day = p.draft.publication.generatedAt.slice(0, 10);
  const fileName = `publication-${p.membership.member}-${day}.json`;
  logToJournal(registrySpreadsheet(), currentUser('sidebar'), 'publication',
    `Exportée en fichier (${fileName}) pour la coordination — Publication ${p.draft.publication.id.slice(0, 12)}, cohorte « ${p.membership.name} » (${p.membership.member}) : ${publicationSummary(p.draft.publication.rows)}.${hiddenList(p)}`);
  return {
    ok: true,
    fileName,
    content: `${requestBody(p)}\n`,
    message: `Fichier ${fileName} prêt : envoyez-le à la coordination seulement (il contient votre code de publication), qui l’importera. Il contient ${publicationSummary(p.draft.publication.rows)}.`,
  };
}
