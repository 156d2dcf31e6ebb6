/**
 * The observation record: what the extension captures, stores, exports and sends to the collector. Written with
 * zod/mini (same types, same `parse`/`safeParse`) so the extension's background stays small.
 */
import * as z from 'zod/mini';
import { CONSENT_WORDS, OBSERVATION_KIND_WORDS, SCOPE_WORDS, idsOf, type Consent, type Scope } from '../contract/words';

/** The values the record allows: the ids of the contract's words (contract/words.ts). */
export const OBSERVATION_KINDS = idsOf(OBSERVATION_KIND_WORDS);
export const CONSENTS = idsOf(CONSENT_WORDS);
export const SCOPES = idsOf(SCOPE_WORDS);

export const MAX_OBSERVATION_TEXT = 10_000;

/** http(s) only; a regex because z.url() needs URL, which Apps Script lacks. */
const httpUrl = z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i));
const isoDateTime = z.iso.datetime({ offset: true });
const short = (max: number) => z.string().check(z.maxLength(max));

/** W3C Web Annotation TextQuoteSelector: the exact quote with 32 characters of context on each side. */
export const TextQuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: short(MAX_OBSERVATION_TEXT),
  prefix: short(64),
  suffix: short(64),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

export const Observation = z.strictObject({
  id: z.uuid(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  kind: z.enum(OBSERVATION_KINDS),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_OBSERVATION_TEXT)),
  quote: z.optional(TextQuoteSelector),
  stakeholder: z.optional(short(100)),
  tags: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(30)),
  /** No default: null means nobody said, and such a quote never leaves the structure. */
  consent: z.nullable(z.enum(CONSENTS)),
  scope: z.enum(SCOPES),
  sourceTitle: z.optional(short(500)),
  sourceUrl: z.optional(httpUrl),
  author: z.optional(short(100)),
  /** The day the fact happened (YYYY-MM-DD), when it differs from the day it was written down. */
  factDate: z.optional(z.iso.date()),
});

export type Observation = z.infer<typeof Observation>;

/**
 * A quote or observation may leave the structure (funders, public) only with consent obtained or not required;
 * otherwise its usage is internal whatever was asked.
 */
export function allowedScope(consent: Consent | null, scope: Scope): Scope {
  return consent === 'obtenu' || consent === 'non requis' ? scope : 'interne';
}
