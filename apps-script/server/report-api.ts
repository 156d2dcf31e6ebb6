/**
 * The « Rapports » panel and `repere report`: what can be generated (documents, audiences, periods, outcomes), the
 * generation itself — the registry read, the indicators computed in memory (nothing written but the Journal's line),
 * the shared generator run — shown in a modal dialog (« Aperçu ») or handed back as a file; and the « Décisions »
 * form. Every generation is logged in the Journal: what, for whom, which figures were hidden.
 */
import { termLabel, termLabels, type Audience } from '../../shared/contract/words';
import { computeIndicators } from '../../shared/indicators/compute';
import { comparePeriods } from '../../shared/indicators/periods';
import { DOCUMENT_KINDS } from '../../shared/report/documents/index';
import { generateReport } from '../../shared/report/generate';
import type { DocumentKind, ReportInput, ReportRequest } from '../../shared/report/input';
import { MESSAGES } from '../../shared/report/messages';
import { approachRows } from './approach';
import { readAnswers, readObservationRecords } from './compute-read';
import { appendDecision, decisionRow, readDecisions, type DecisionInput } from './decisions';
import { logToJournal } from './journal';
import { TabLayouts, type TabFinder } from './registry';
import { readRegistry } from './registry-read';
import { previewPage } from './report-preview';
import { currentUser, registryLang, registrySpreadsheet, underLock, type Failure, type Spreadsheet } from './spreadsheet';

const NOT_SET_UP: Failure = { ok: false, message: 'Le registre n’est pas encore configuré : commencez par « Configurer ».' };

/** The registry as the generator reads it, the indicators computed from the data as they are now. */
function reportInput(ss: Spreadsheet, tabs: TabFinder): ReportInput {
  const lang = registryLang();
  const { registry, snapshot } = readRegistry(ss, lang, tabs);
  const answers = readAnswers(tabs, registry.surveys, registry.questions);
  const records = readObservationRecords(tabs);
  const result = computeIndicators({ ...registry, answers, observations: records });
  const surveyCells = new Map((snapshot.surveys?.rows ?? []).map((r) => [r.row, r.cells]));
  return {
    lang,
    organisation: ss.getName(),
    generatedAt: new Date().toISOString(),
    approach: approachRows(ss),
    outcomes: registry.outcomes,
    themes: registry.themes,
    indicators: registry.indicators,
    surveys: registry.surveys.map((s) => ({ ...s, sampling: String(surveyCells.get(s.row)?.['sampling'] ?? '').trim(), tool: String(surveyCells.get(s.row)?.['tool'] ?? '').trim() })),
    questions: registry.questions,
    values: result.values,
    surveyChecks: result.surveyChecks,
    // What a document may quote of each observation, and nothing else (never its note or where it was written).
    observations: records.map(({ id, date, kind, text, stakeholder, tags, consent, scope, toQuote, personId }) => ({ id, date, kind, text, stakeholder, tags, consent, scope, toQuote, personId })),
    decisions: readDecisions(tabs),
  };
}

export interface ReportSetup {
  configured: boolean;
  documents: Array<{ id: DocumentKind; label: string; audiences: Array<{ id: Audience; label: string }>; defaultAudience: Audience }>;
  /** Periods with computed values, in order (the « Période » list); empty before the first computation. */
  periods: string[];
  outcomes: Array<{ id: string; label: string }>;
  /** For the decisions form: what a decision may be about, and its statuses. */
  subjects: Array<{ id: string; label: string }>;
  statuses: string[];
}

export function getReportSetup(): ReportSetup {
  const ss = registrySpreadsheet();
  const tabs = new TabLayouts(ss);
  const lang = registryLang();
  const m = MESSAGES[lang];
  const documents = Object.values(DOCUMENT_KINDS).map((k) => ({
    id: k.id as DocumentKind,
    label: m.documentTitle[k.id] ?? k.id,
    audiences: k.audiences.map((a) => ({ id: a, label: termLabel('audience', a, lang) })),
    defaultAudience: k.defaultAudience,
  }));
  if (!tabs.tab('indicators')) return { configured: false, documents, periods: [], outcomes: [], subjects: [], statuses: termLabels('decisionStatus', lang) };
  const { registry, snapshot } = readRegistry(ss, lang, tabs);
  const periods = [...new Set((snapshot.values?.rows ?? []).map((r) => String(r.cells['period'] ?? '').trim()).filter(Boolean))].sort((a, b) => comparePeriods(a, b));
  return {
    configured: true,
    documents,
    periods,
    outcomes: registry.outcomes.map((o) => ({ id: o.id, label: `${o.id} — ${o.change}` })),
    subjects: [...registry.outcomes.map((o) => ({ id: o.id, label: `${o.id} — ${o.change}` })), ...registry.indicators.map((i) => ({ id: i.code, label: `${i.code} — ${i.name}` }))],
    statuses: termLabels('decisionStatus', lang),
  };
}

export interface ReportFile {
  ok: true;
  html: string;
  fileName: string;
  title: string;
  /** One sentence for the panel and the CLI: what was made, for whom, what was hidden. */
  summary: string;
  /** What to complete in the registry before sending it. */
  toComplete: string[];
  hidden: number;
  quotes: number;
}

/** The request as it crossed google.script.run: only known documents and audiences. */
function readRequest(raw: unknown): ReportRequest | Failure {
  const given = (raw ?? {}) as Partial<Record<keyof ReportRequest, unknown>>;
  const document = String(given.document ?? 'rapport') as DocumentKind;
  const kind = DOCUMENT_KINDS[document];
  if (!kind) return { ok: false, message: `Document « ${document} » inconnu. Documents : ${Object.keys(DOCUMENT_KINDS).join(', ')}.` };
  const audience = (given.audience === undefined || given.audience === '' ? kind.defaultAudience : String(given.audience)) as Audience;
  const outcomes = Array.isArray(given.outcomes) ? given.outcomes.map(String).filter(Boolean) : [];
  const period = typeof given.period === 'string' ? given.period.trim() : '';
  return { document, audience, ...(period && { period }), ...(outcomes.length > 0 && { outcomes }) };
}

function generate(raw: unknown): ReportFile | Failure {
  const request = readRequest(raw);
  if ('ok' in request) return request;
  return underLock(() => {
    const ss = registrySpreadsheet();
    const tabs = new TabLayouts(ss);
    if (!tabs.tab('indicators')) return NOT_SET_UP;
    const input = reportInput(ss, tabs);
    const made = generateReport(input, request);
    if ('ok' in made) return made;
    logToJournal(ss, currentUser('sidebar'), 'report', made.journal, tabs);
    const doc = made.document;
    const hidden = doc.hidden.length;
    return { ok: true as const, html: made.html, fileName: made.fileName, title: `${doc.title} — ${doc.organisation}`, summary: made.summary, toComplete: doc.toComplete, hidden, quotes: doc.quotes.length };
  });
}

/** The document as a file (the CLI writes it; the panel's fallback opens it in a new tab). */
export function generateReportFile(request: ReportRequest): ReportFile | Failure {
  return generate(request);
}

/** « Aperçu »: the document in a modal dialog, with « Imprimer / PDF », « Télécharger (.html) » and a new-tab fallback. */
export function showReportPreview(request: ReportRequest): Omit<ReportFile, 'html'> | Failure {
  const made = generate(request);
  if (!made.ok) return made;
  const page = HtmlService.createHtmlOutput(previewPage(made.html, made.fileName)).setWidth(900).setHeight(680);
  SpreadsheetApp.getUi().showModalDialog(page, made.title);
  const { html: _html, ...rest } = made;
  return rest;
}

/** The sidebar's « Décisions » form: one row appended, then a Journal line. */
export function addDecision(input: DecisionInput): { ok: true; message: string } | Failure {
  return underLock(() => {
    const ss = registrySpreadsheet();
    const tabs = new TabLayouts(ss);
    if (!tabs.tab('decisions')) return { ok: false as const, message: 'L’onglet « Décisions » manque : relancez « Configurer » (il ajoute ce qui manque sans rien effacer).' };
    const made = decisionRow(input ?? {}, registryLang(), new Date());
    if (!made.ok) return made;
    appendDecision(tabs, made.row);
    const what = String(made.row['change'] || made.row['learnt']);
    logToJournal(ss, currentUser('sidebar'), 'decision', `Décision notée${made.row['subject'] ? ` (${String(made.row['subject'])})` : ''} : ${what.length > 120 ? `${what.slice(0, 117)}…` : what}`, tabs);
    return { ok: true as const, message: 'Décision ajoutée à l’onglet « Décisions » : les rapports et la vue d’équipe la reprennent.' };
  });
}
