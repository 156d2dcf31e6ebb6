/**
 * Reads a collector answer in the background with zod/mini. The protocol's own schema (shared/protocol/endpoint.ts) is
 * written with classic zod, which alone would double the background's size; this reader is typed against it and a
 * unit test checks that both read the same answers the same way.
 */
import * as z from 'zod/mini';
import type { EndpointAnswer } from '../../shared/protocol/endpoint';
import { ANSWER_CODES } from './protocol-constants';

const Answer = z.object({
  ok: z.boolean(),
  code: z.enum(ANSWER_CODES),
  message: z.optional(z.string()),
  accepted: z.optional(z.array(z.string())),
  duplicates: z.optional(z.array(z.string())),
  rejected: z.optional(z.array(z.object({ id: z.string(), code: z.string(), message: z.string() }))),
  tags: z.optional(z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(['outcome', 'indicator']) }))),
  registry: z.optional(z.string()),
});

/** Reads a collector answer; anything that is not protocol JSON becomes a not_json failure (never throws). */
export function readAnswer(body: string): EndpointAnswer {
  try {
    const parsed = Answer.safeParse(JSON.parse(body));
    if (parsed.success) return parsed.data satisfies EndpointAnswer;
  } catch {
    // fall through: an HTML page from Google, a proxy, a captive portal…
  }
  return { ok: false, code: 'not_json', message: 'La réponse du registre n’est pas au format attendu.' };
}
