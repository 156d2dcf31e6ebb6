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

/**
 * W3C Web Annotation TextPositionSelector: where the quote sits in the page's text, `end` exclusive, counted in Unicode
 * code points as the W3C model asks (not the UTF-16 units JavaScript strings count).
 */
export const TextPositionSelector = z.strictObject({
  type: z.literal('TextPositionSelector'),
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
});
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

/**
 * A person's pseudonymous code (« P-017 », « A012 »), the same one the surveys' « Identifiant personne » holds: letters,
 * digits, « . », « _ », « - », with at least one digit, so that a first name cannot be typed in its place.
 */
export const PERSON_CODE = /^(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export const Observation = z.strictObject({
  id: z.uuid(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  kind: z.enum(OBSERVATION_KINDS),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_OBSERVATION_TEXT)),
  quote: z.optional(TextQuoteSelector),
  position: z.optional(TextPositionSelector),
  /** Who the observation is about, as a pseudonymous code: counts distinct people who raise a theme. */
  personId: z.optional(z.string().check(z.regex(PERSON_CODE))),
  /** What the person who captured it says about it, apart from the quoted text (the W3C export's comment). */
  note: z.optional(z.string().check(z.maxLength(MAX_OBSERVATION_TEXT))),
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
