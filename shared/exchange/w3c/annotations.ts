/**
 * W3C Web Annotations (JSON-LD, http://www.w3.org/ns/anno.jsonld) to and from the extension's observations.
 *
 * Out: one AnnotationCollection; each observation an Annotation whose target is the page with a TextQuoteSelector
 * (exact, 32 characters of context) and a TextPositionSelector (start, end exclusive, in Unicode code points, as the
 * W3C model counts); its themes `tagging` bodies, its note a `commenting` body; the creator a pseudonym numbered in
 * the file (« Auteur 1 »), never a name. Only what the audience may receive is in it (the outward gate decides).
 *
 * In: a Hypothesis export (`{export_date, export_userid, client_version, annotations[]}`) as observations awaiting
 * consent: pseudonymised with the device's list of names before they are stored, consent not given, usage internal,
 * each id made from Hypothesis's so that importing the file again adds nothing. Hypothesis counts positions in UTF-16
 * units of the page's text; a position is kept only when it converts exactly (the text before the quote is all in its
 * prefix), otherwise the quote and its context, which is how every tool finds a passage again, stand alone.
 */
import type { Audience } from '../../contract/words';
import { Observation, type TextPositionSelector, type TextQuoteSelector } from '../../observation/schema';
import { exchangeMayHold } from '../../outward/gate';
import { analyseFields, pseudonymiseFields } from '../../pseudonymise/pseudonymise';
import { nameGuid } from '../guid';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Body = { type: 'TextualBody'; value: string; purpose: 'tagging' | 'commenting' | 'describing'; format: 'text/plain' };

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting' | 'describing';
  created: string;
  modified: string;
  creator?: { type: 'Person'; nickname: string };
  generator: { type: 'Software'; name: 'Repère' };
  body: Body[];
  target: string | { source: string; selector: Array<TextQuoteSelector | TextPositionSelector> };
}

export interface AnnotationsExport {
  document: Record<string, unknown>;
  kept: number;
  leftOut: number;
}

const textBody = (value: string, purpose: Body['purpose']): Body => ({ type: 'TextualBody', value, purpose, format: 'text/plain' });

function annotationOf(o: Observation, creator: string | undefined): W3cAnnotation {
  const body: Body[] = o.tags.map((t) => textBody(t, 'tagging'));
  if (o.note) body.push(textBody(o.note, 'commenting'));
  // The observation's own words when they are not the page's (a note typed freely, or the quote rewritten).
  if (!o.quote || o.text !== o.quote.exact) body.push(textBody(o.text, 'describing'));
  const selector: Array<TextQuoteSelector | TextPositionSelector> = [];
  if (o.quote) selector.push(o.quote);
  if (o.quote && o.position) selector.push(o.position);
  return {
    id: `urn:uuid:${o.id}`,
    type: 'Annotation',
    motivation: o.quote ? (o.note ? 'commenting' : 'highlighting') : 'describing',
    created: o.createdAt,
    modified: o.updatedAt,
    ...(creator && { creator: { type: 'Person' as const, nickname: creator } }),
    generator: { type: 'Software', name: 'Repère' },
    body,
    target: o.sourceUrl && selector.length > 0 ? { source: o.sourceUrl, selector } : o.sourceUrl ?? `urn:uuid:${o.id}`,
  };
}

export function annotationsDocument(observations: readonly Observation[], audience: Audience, exportedAt: Date): AnnotationsExport {
  const kept = observations.filter((o) => exchangeMayHold(o.consent, o.scope, audience));
  const creators = new Map<string, string>();
  const creatorOf = (author: string | undefined) => {
    if (!author) return undefined;
    if (!creators.has(author)) creators.set(author, `Auteur ${creators.size + 1}`);
    return creators.get(author);
  };
  const items = kept.map((o) => annotationOf(o, creatorOf(o.author)));
  return {
    document: {
      '@context': ANNOTATION_CONTEXT,
      id: `urn:uuid:${nameGuid(`annotations:${exportedAt.toISOString()}:${kept.map((o) => o.id).join(',')}`).toLowerCase()}`,
      type: 'AnnotationCollection',
      label: audience === 'team'
        ? 'Observations Repère — USAGE INTERNE : ne doit pas sortir de la structure'
        : `Observations Repère — consentement obtenu ou non requis, usage couvrant : ${audience === 'public' ? 'public' : 'financeurs'}`,
      total: items.length,
      first: { type: 'AnnotationPage', startIndex: 0, items },
    },
    kept: kept.length,
    leftOut: observations.length - kept.length,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Hypothesis export

interface HypothesisSelector {
  type?: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

interface HypothesisAnnotation {
  id?: string;
  created?: string;
  updated?: string;
  uri?: string;
  text?: string;
  tags?: string[];
  references?: string[];
  target?: Array<{ source?: string; selector?: HypothesisSelector[] }>;
  document?: { title?: string[] | string };
}

export interface HypothesisImport {
  observations: Observation[];
  /** Replies (they answer an annotation, they are not one). */
  replies: number;
  /** Annotations Repère could not read as an observation (empty, or unreadable). */
  unreadable: number;
  /** Positions set aside: Hypothesis's UTF-16 count does not convert without the page. */
  positionsDropped: number;
  /** Names, e-mails and phone numbers replaced by pseudonyms. */
  replaced: number;
}

const codePoints = (text: string) => [...text].length;
const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
const httpUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) && url.length <= 2048 ? url : undefined);

/** Whether a parsed JSON value is a Hypothesis export (its envelope, or a bare list of its annotations). */
export function isHypothesisExport(json: unknown): boolean {
  const list = Array.isArray(json) ? json : (json as { annotations?: unknown })?.annotations;
  const envelope = !Array.isArray(json) && typeof json === 'object' && json !== null && ('export_date' in json || 'client_version' in json);
  return Array.isArray(list) && (envelope || list.every((a) => typeof a === 'object' && a !== null && 'target' in a && 'uri' in a));
}

export function readHypothesisExport(json: unknown, options: { names?: readonly string[]; author?: string } = {}): HypothesisImport {
  const list = (Array.isArray(json) ? json : (json as { annotations?: unknown[] }).annotations ?? []) as HypothesisAnnotation[];
  const result: HypothesisImport = { observations: [], replies: 0, unreadable: 0, positionsDropped: 0, replaced: 0 };
  for (const h of list) {
    if (h.references && h.references.length > 0) {
      result.replies++;
      continue;
    }
    const selectors = h.target?.[0]?.selector ?? [];
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact.trim() !== '');
    const position = selectors.find((s) => s.type === 'TextPositionSelector' && Number.isInteger(s.start) && Number.isInteger(s.end));
    const comment = (h.text ?? '').trim();
    const title = Array.isArray(h.document?.title) ? h.document?.title[0] : h.document?.title;
    const fields = { text: quote ? quote.exact! : comment, exact: quote?.exact ?? '', prefix: quote?.prefix ?? '', suffix: quote?.suffix ?? '', title: title ?? '', note: quote ? comment : '' };
    const analysis = analyseFields(fields, { names: options.names ?? [] });
    const clean = pseudonymiseFields(fields, analysis);
    result.replaced += analysis.replacements.length;
    let kept: TextPositionSelector | undefined;
    if (quote && position) {
      // UTF-16 and code points agree on what precedes the quote only when all of it is known: the prefix reaches the start.
      const prefix = quote.prefix ?? '';
      if (position.start === prefix.length) kept = { type: 'TextPositionSelector', start: codePoints(prefix), end: codePoints(prefix) + codePoints(quote.exact!) };
      else result.positionsDropped++;
    }
    const at = h.created && !Number.isNaN(Date.parse(h.created)) ? new Date(h.created).toISOString() : new Date(0).toISOString();
    const candidate = {
      id: nameGuid(`hypothesis:${h.id ?? JSON.stringify(h)}`).toLowerCase(),
      createdAt: at,
      updatedAt: h.updated && !Number.isNaN(Date.parse(h.updated)) ? new Date(h.updated).toISOString() : at,
      kind: quote ? 'citation' : 'observation',
      text: clip(clean.text.trim(), 10_000),
      ...(quote && { quote: { type: 'TextQuoteSelector', exact: clip(clean.exact, 10_000), prefix: clip(clean.prefix, 64), suffix: clip(clean.suffix, 64) } }),
      ...(kept && { position: kept }),
      ...(clean.note && { note: clip(clean.note, 10_000) }),
      tags: [...new Set((h.tags ?? []).map((t) => String(t).trim()).filter((t) => t !== '' && t.length <= 100))].slice(0, 30),
      // Awaiting consent: nobody has said yet, so it stays inside the structure.
      consent: null,
      scope: 'interne',
      ...(httpUrl(h.uri ?? h.target?.[0]?.source) && { sourceUrl: httpUrl(h.uri ?? h.target?.[0]?.source) }),
      ...(clean.title && { sourceTitle: clip(clean.title, 500) }),
      ...(options.author && { author: options.author }),
    };
    const parsed = Observation.safeParse(candidate);
    if (parsed.success && parsed.data.text !== '') result.observations.push(parsed.data);
    else result.unreadable++;
  }
  return result;
}
