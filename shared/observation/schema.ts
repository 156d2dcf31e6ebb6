/** The observation record: what the extension captures, stores, exports and sends to the collector. */
import * as z from 'zod';

export const OBSERVATION_KINDS = ['citation', 'observation', 'anecdote', 'chiffre'] as const;
export const CONSENTS = ['obtenu', 'non obtenu', 'non requis'] as const;
export const SCOPES = ['interne', 'financeurs', 'public'] as const;

export const MAX_OBSERVATION_TEXT = 10_000;

/** http(s) only; a regex because z.url() needs URL, which Apps Script lacks. */
const httpUrl = z.string().max(2048).regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i);
const isoDateTime = z.iso.datetime({ offset: true });

/** W3C Web Annotation TextQuoteSelector: the exact quote with 32 characters of context on each side. */
export const TextQuoteSelector = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().max(MAX_OBSERVATION_TEXT),
    prefix: z.string().max(64),
    suffix: z.string().max(64),
  })
  .strict();

export const Observation = z
  .object({
    id: z.uuid(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    kind: z.enum(OBSERVATION_KINDS),
    text: z.string().trim().min(1).max(MAX_OBSERVATION_TEXT),
    quote: TextQuoteSelector.optional(),
    stakeholder: z.string().max(100).optional(),
    tags: z.array(z.string().min(1).max(100)).max(30),
    /** No default: null means nobody said, and such a quote never leaves the structure. */
    consent: z.enum(CONSENTS).nullable(),
    scope: z.enum(SCOPES),
    sourceTitle: z.string().max(500).optional(),
    sourceUrl: httpUrl.optional(),
    author: z.string().max(100).optional(),
  })
  .strict();

export type Observation = z.infer<typeof Observation>;
