/**
 * The endpoint protocol between the extension and the collector (the registry's doPost). Requests are JSON sent as
 * text/plain (Apps Script web apps answer no CORS preflight); answers are always JSON, since Apps Script cannot set
 * a status code, and a client treats anything else (Google's HTML error and sign-in pages) as a failure.
 */
// zod/mini: the extension's background imports this module too, and must stay small.
import * as z from 'zod/mini';
import { Observation } from '../observation/schema';

export const PROTOCOL_VERSION = 1;
export const MAX_BATCH = 50;
/** Well above 50 full observations, well below what a Sheets call can take. */
export const MAX_BODY_CHARS = 1_000_000;

const token = z.string().check(z.minLength(16), z.maxLength(200));

export const EndpointRequest = z.discriminatedUnion('op', [
  z.strictObject({ v: z.literal(PROTOCOL_VERSION), op: z.literal('ping'), token }),
  z.strictObject({ v: z.literal(PROTOCOL_VERSION), op: z.literal('getTags'), token }),
  z.strictObject({
    v: z.literal(PROTOCOL_VERSION),
    op: z.literal('putObservations'),
    token,
    // Records are checked one by one so that one bad record is rejected alone, not the batch.
    records: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH)),
  }),
]);
export type EndpointRequest = z.infer<typeof EndpointRequest>;

export const ANSWER_CODES = [
  'ok',
  'bad_request',
  'unauthorized',
  'not_configured',
  'too_large',
  'rate_limited',
  'busy',
  'internal',
  'not_json',
] as const;
export type AnswerCode = (typeof ANSWER_CODES)[number];

export const RejectedRecord = z.object({ id: z.string(), code: z.string(), message: z.string() });
export type RejectedRecord = z.infer<typeof RejectedRecord>;

export const TAG_KINDS = ['outcome', 'theme', 'indicator'] as const;
export const Tag = z.object({ id: z.string(), label: z.string(), kind: z.enum(TAG_KINDS) });
export type Tag = z.infer<typeof Tag>;

export const EndpointAnswer = z.object({
  ok: z.boolean(),
  code: z.enum(ANSWER_CODES),
  message: z.optional(z.string()),
  accepted: z.optional(z.array(z.string())),
  duplicates: z.optional(z.array(z.string())),
  rejected: z.optional(z.array(RejectedRecord)),
  /** Records written with a change the sender should know of (characters replaced by « � »). */
  warnings: z.optional(z.array(RejectedRecord)),
  tags: z.optional(z.array(Tag)),
  registry: z.optional(z.string()),
});
export type EndpointAnswer = z.infer<typeof EndpointAnswer>;

export type ParsedRequest = { ok: true; value: EndpointRequest } | { ok: false; code: AnswerCode; message: string };

/** Parses a request body; never throws. */
export function parseRequest(body: string): ParsedRequest {
  if (body.length > MAX_BODY_CHARS) return { ok: false, code: 'too_large', message: 'Requête trop volumineuse.' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, code: 'bad_request', message: 'Le corps de la requête n’est pas du JSON.' };
  }
  const parsed = EndpointRequest.safeParse(json);
  if (!parsed.success) {
    return { ok: false, code: 'bad_request', message: 'Requête non conforme au protocole Repère.' };
  }
  return { ok: true, value: parsed.data };
}

/** Reads a collector answer; anything that is not protocol JSON becomes a not_json failure. */
export function parseAnswer(body: string): EndpointAnswer {
  try {
    const parsed = EndpointAnswer.safeParse(JSON.parse(body));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: an HTML page from Google, a proxy, a captive portal…
  }
  return { ok: false, code: 'not_json', message: 'La réponse du registre n’est pas au format attendu.' };
}

export type RecordCheck = { ok: true; record: Observation } | { ok: false; rejected: RejectedRecord };

/** Validates one record of a putObservations batch. */
export function checkRecord(raw: unknown): RecordCheck {
  const parsed = Observation.safeParse(raw);
  if (parsed.success) return { ok: true, record: parsed.data };
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '';
  const field = parsed.error.issues[0]?.path.join('.') || 'enregistrement';
  return {
    ok: false,
    rejected: { id, code: 'invalid_record', message: `Observation refusée : le champ « ${field} » n’est pas valide.` },
  };
}
