// The draft a capture hands to the side panel: the selection as a W3C TextQuoteSelector, the page, the time.
import * as z from 'zod/mini';
import { MAX_OBSERVATION_TEXT, TextPositionSelector, TextQuoteSelector } from '../../shared/observation/schema';

/** Hypothesis's TextQuoteAnchor uses 32 characters of context on each side. */
export const CONTEXT_CHARS = 32;

/** What the injected reader returns from the page. */
export interface PageSelection {
  exact: string;
  prefix: string;
  suffix: string;
  title: string;
  /** Where the selection starts and ends (exclusive) in the page's text, in code points; null inside a text field. */
  start: number | null;
  end: number | null;
}

export const Draft = z.object({
  id: z.string(),
  capturedAt: z.string(),
  text: z.string(),
  quote: z.optional(TextQuoteSelector),
  position: z.optional(TextPositionSelector),
  sourceTitle: z.optional(z.string()),
  /** The page's full address; the panel drops the query string and fragment unless the user keeps them. */
  pageUrl: z.optional(z.string()),
  /** The page refused script injection: only the browser's flattened selectionText was available. */
  restricted: z.boolean(),
});
export type Draft = z.infer<typeof Draft>;

export function draftFrom(value: unknown): Draft | null {
  const parsed = Draft.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Page addresses to keep: http(s) only; without query string and fragment unless asked (they often carry ids). */
export function cleanUrl(url: string | undefined, keepFull = false): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (!keepFull) {
    parsed.search = '';
    parsed.hash = '';
  }
  const out = parsed.toString();
  return out.length <= 2048 ? out : undefined;
}

export interface CaptureInput {
  /** Read from the page through scripting (line breaks kept); null on a restricted page. */
  selection: PageSelection | null;
  /** The browser's own copy of the selection (context menu only): newlines flattened to spaces. */
  selectionText?: string;
  pageUrl?: string;
  pageTitle?: string;
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

export function buildDraft(input: CaptureInput, deps: { now: () => Date; uuid: () => string }): Draft {
  const base = {
    id: deps.uuid(),
    capturedAt: deps.now().toISOString(),
    pageUrl: input.pageUrl,
    sourceTitle: (input.selection?.title || input.pageTitle || undefined)?.slice(0, 500),
  };
  const exact = input.selection?.exact.trim() ? input.selection.exact : '';
  if (input.selection && exact) {
    const quote: TextQuoteSelector = {
      type: 'TextQuoteSelector',
      exact: clip(exact, MAX_OBSERVATION_TEXT),
      prefix: input.selection.prefix.slice(-CONTEXT_CHARS),
      suffix: input.selection.suffix.slice(0, CONTEXT_CHARS),
    };
    const { start, end } = input.selection;
    const position: TextPositionSelector | undefined = start === null || end === null ? undefined : { type: 'TextPositionSelector', start, end };
    return { ...base, text: clip(exact.trim(), MAX_OBSERVATION_TEXT), quote, ...(position && { position }), restricted: false };
  }
  const flat = input.selectionText?.trim() ?? '';
  if (flat) {
    return {
      ...base,
      text: clip(flat, MAX_OBSERVATION_TEXT),
      quote: { type: 'TextQuoteSelector', exact: clip(flat, MAX_OBSERVATION_TEXT), prefix: '', suffix: '' },
      restricted: input.selection === null,
    };
  }
  return { ...base, text: '', restricted: false };
}
