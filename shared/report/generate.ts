/**
 * The report generator: registry (as plain data) → document model → one self-contained HTML file, and the Journal's
 * line for the generation (what, for whom, which figures were hidden). Pure: the server and the CLI read the registry,
 * call this, then show, save or print what comes back.
 */
import { termLabel } from '../contract/words';
import { reportContext } from './context';
import { DOCUMENT_KINDS } from './documents/index';
import { renderHtml } from './html';
import type { ReportInput, ReportRequest } from './input';
import { longDate, MESSAGES } from './messages';
import type { ReportDocument, Section } from './model';

export interface GeneratedReport {
  document: ReportDocument;
  html: string;
  /** The Journal's line: the document, its audience and period, the quotes printed, and every figure hidden. */
  journal: string;
  /** A file name: « rapport-financeurs-T1.html ». */
  fileName: string;
  /** One sentence for the panel and the CLI: what was made, for whom, what was hidden. */
  summary: string;
}

export type ReportRefusal = { ok: false; message: string };

/** The longest Journal line written: a cell holds 50,000 characters, a person reads far fewer. */
const JOURNAL_MAX = 20_000;

/** Whether a request names a document and an audience it may be made for, with a French message when not. */
export function checkRequest(request: ReportRequest): ReportRefusal | null {
  const kind = DOCUMENT_KINDS[request.document];
  if (!kind) return { ok: false, message: `Document « ${request.document} » inconnu. Documents : ${Object.keys(DOCUMENT_KINDS).join(', ')}.` };
  if (!kind.audiences.includes(request.audience)) {
    const allowed = kind.audiences.map((a) => termLabel('audience', a, 'fr')).join(', ');
    return { ok: false, message: `Le document « ${request.document} » ne peut être fait que pour : ${allowed} (pas « ${termLabel('audience', request.audience, 'fr')} »).` };
  }
  return null;
}

const safeName = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');

function journalLine(doc: ReportDocument, request: ReportRequest): string {
  const m = MESSAGES[doc.lang];
  const head = `${m.generation(doc.title, doc.audience.label, doc.audience.threshold, request.period ?? '', (request.outcomes ?? []).join(', '))} : ${m.quotesMade(doc.quotes.length)}`;
  if (doc.hidden.length === 0) return `${head}, ${m.noneHidden}.`;
  const small = doc.hidden.filter((h) => h.reason === 'small').map((h) => h.about);
  const derivable = doc.hidden.filter((h) => h.reason === 'derivable').map((h) => h.about);
  const line = `${head}, ${m.hiddenList(doc.hidden.length, doc.audience.threshold, small.join(' ; '), derivable.join(' ; '))}.`;
  return line.length <= JOURNAL_MAX ? line : `${line.slice(0, JOURNAL_MAX - 40).replace(/ ;[^;]*$/, '')}${m.listCut}.`;
}

/** What the panel and the CLI say once the document is made. */
function summaryOf(doc: ReportDocument): string {
  const m = MESSAGES[doc.lang];
  const hidden = doc.hidden.length === 0 ? m.noneHidden : m.hiddenLogged(doc.hidden.length, doc.audience.threshold);
  return `${m.ready(doc.title, doc.audience.label)} : ${m.quotesMade(doc.quotes.length)}, ${hidden}.`;
}

function quotesIn(sections: readonly Section[]): string[] {
  const ids = new Set<string>();
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      for (const b of s.blocks) {
        if (b.kind === 'quotes') b.quotes.forEach((q) => ids.add(q.id));
        if (b.kind === 'results') b.cards.forEach((c) => c.quote && ids.add(c.quote.id));
      }
      walk(s.sections ?? []);
    }
  };
  walk(sections);
  return [...ids];
}

export function buildDocument(input: ReportInput, request: ReportRequest): ReportDocument {
  const kind = DOCUMENT_KINDS[request.document]!;
  const ctx = reportContext(input, request);
  const sections = kind.build(ctx);
  const m = ctx.m;
  return {
    kind: kind.id,
    lang: input.lang,
    title: m.documentTitle[kind.id] ?? kind.id,
    organisation: input.organisation,
    audience: { id: ctx.audience, label: ctx.audienceLabel, threshold: ctx.threshold },
    period: request.period ? m.periodUpTo(request.period) : m.periodLatest,
    date: longDate(input.lang, input.generatedAt),
    notice: m.notice(ctx.internal, ctx.threshold),
    sections,
    hidden: ctx.hidden,
    quotes: quotesIn(sections),
    toComplete: ctx.toComplete,
    layout: kind.layout,
  };
}

export function generateReport(input: ReportInput, request: ReportRequest): GeneratedReport | ReportRefusal {
  const refused = checkRequest(request);
  if (refused) return refused;
  const document = buildDocument(input, request);
  const html = renderHtml(document, MESSAGES[input.lang]);
  const parts = [request.document, termLabel('audience', request.audience, 'fr'), request.period ?? ''].filter(Boolean).map(safeName);
  return { document, html, journal: journalLine(document, request), fileName: `${parts.join('-')}.html`, summary: summaryOf(document) };
}

