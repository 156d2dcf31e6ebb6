/**
 * Validated scales shipped with Repère: only instruments that are free to use (see each file's `licence`).
 * Licensed instruments (Zarit and derivatives, EQ-5D, SWEMWBS/WEMWBS) are never shipped: templates explain why.
 */
import * as z from 'zod';
import { SCALE_IDS } from './ids';

export { SCALE_IDS, type ScaleId } from './ids';

export const Text = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
export type Text = z.infer<typeof Text>;

/** https only; a regex because z.url() needs URL, which Apps Script lacks. */
export const HttpsUrl = z.string().max(2048).regex(/^https:\/\/[^\s/$.?#][^\s]*$/);

export const Source = z.object({ label: z.string().trim().min(1), url: HttpsUrl }).strict();
export type Source = z.infer<typeof Source>;

const Range = z.object({ min: z.number(), max: z.number() }).strict();

export const Scale = z
  .object({
    id: z.enum(SCALE_IDS),
    name: Text,
    construct: Text,
    instructions: Text,
    period: Text,
    items: z.array(z.object({ key: z.string().regex(/^[a-z][a-z0-9_]*$/), label: Text }).strict()).min(1),
    /** Ordered from the lowest score to the highest. */
    levels: z.array(z.object({ score: z.number().int(), fr: z.string().min(1), en: z.string().min(1) }).strict()).min(2),
    /** Whether a higher score is a better (wellbeing) or worse (loneliness) state. */
    higherIs: z.enum(['better', 'worse']),
    scoring: z
      .object({
        raw: Range,
        /** score = raw × multiplier. */
        multiplier: z.number().positive(),
        score: Range,
        unit: z.string().min(1),
        rule: Text,
        missing: Text,
      })
      .strict(),
    /** Bands on the final score (inclusive bounds), ordered and contiguous. */
    interpretation: z.array(z.object({ min: z.number(), max: z.number(), label: Text }).strict()).min(1),
    interpretationNote: Text,
    sources: z.array(Source).min(1),
    licence: Text,
    wordingStatus: Text,
    /** Subjective construct: proxy answers give « non calculable (proxy) ». */
    selfReportOnly: z.boolean(),
  })
  .strict();
export type Scale = z.infer<typeof Scale>;
