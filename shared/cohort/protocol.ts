/**
 * The cohort's operations on the coordinator's collector (its doPost), with the endpoint protocol's rules
 * (shared/protocol/endpoint.ts): JSON sent as text/plain, the member's secret in the body, always a JSON answer.
 * - `cohort.join`: a member with its invitation's secret asks for the shared indicator set to adopt;
 * - `cohort.publish`: a member sends a publication (shared/cohort/publication.ts), idempotent by its id.
 * A publication exported as a file is this same request body, so an import makes the same checks.
 */
import * as z from 'zod';
import { ANSWER_CODES, PROTOCOL_VERSION } from '../protocol/endpoint';
import { FINGERPRINT } from './definition';
import { COHORT_ID } from './invitation';
import { Publication, schemaProblems } from './publication';

/** A publication of 20,000 rows is about 7 MB of JSON; Apps Script takes 50 MB per request. */
export const MAX_COHORT_BODY_CHARS = 10_000_000;

const token = z.string().regex(/^[0-9a-f]{64}$/);
const cohort = z.string().regex(COHORT_ID);

export const JoinRequest = z.strictObject({ v: z.literal(PROTOCOL_VERSION), op: z.literal('cohort.join'), token, cohort });
export const PublishRequest = z.strictObject({ v: z.literal(PROTOCOL_VERSION), op: z.literal('cohort.publish'), token, cohort, publication: Publication });
export type JoinRequest = z.infer<typeof JoinRequest>;
export type PublishRequest = z.infer<typeof PublishRequest>;
export type CohortRequest = JoinRequest | PublishRequest;

/** A definition tab's cells by column key, as the coordinator's registry holds them. */
const Cells = z.record(z.string().max(40), z.union([z.string().max(5_000), z.number(), z.boolean()]));
export type Cells = z.infer<typeof Cells>;

/** The shared set a member adopts: the definitions with their version, and the rows of the tabs they rely on. */
export const SharedSet = z.strictObject({
  id: cohort,
  name: z.string().max(200),
  setVersion: z.number().int().min(1),
  member: z.string().max(10),
  outcomes: z.array(Cells).max(500),
  surveys: z.array(Cells).max(100),
  questions: z.array(Cells).max(2_000),
  indicators: z.array(z.strictObject({ version: z.number().int().min(1), fingerprint: z.string().regex(FINGERPRINT), cells: Cells })).max(500),
});
export type SharedSet = z.infer<typeof SharedSet>;

export const Receipt = z.strictObject({
  publication: z.string(),
  member: z.string(),
  /** Rows written, and rows of an older publication they replaced. */
  written: z.number().int(),
  replaced: z.number().int(),
  /** The same publication was already there: nothing was written. */
  duplicate: z.boolean(),
  /** Periods left as they were: a newer publication of this member already covers them. */
  keptNewer: z.array(z.string()),
});
export type Receipt = z.infer<typeof Receipt>;

export const CohortAnswer = z.object({
  ok: z.boolean(),
  code: z.enum(ANSWER_CODES),
  message: z.string().optional(),
  cohort: SharedSet.optional(),
  receipt: Receipt.optional(),
});
export type CohortAnswer = z.infer<typeof CohortAnswer>;

/** Whether a body asks for a cohort operation (the collector then answers it here, not with the extension's protocol). */
export function isCohortBody(body: string): boolean {
  try {
    const op = (JSON.parse(body) as { op?: unknown })?.op;
    return typeof op === 'string' && op.startsWith('cohort.');
  } catch {
    return false;
  }
}

export type ParsedCohortRequest = { ok: true; value: CohortRequest } | { ok: false; code: 'bad_request' | 'too_large'; message: string };

/** Parses a cohort request (a body or a file's content); never throws. */
export function parseCohortRequest(body: string): ParsedCohortRequest {
  if (body.length > MAX_COHORT_BODY_CHARS) return { ok: false, code: 'too_large', message: 'Publication trop volumineuse (plus de 10 millions de caractères).' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, code: 'bad_request', message: 'Ce contenu n’est pas du JSON : ce n’est pas une publication Repère.' };
  }
  const op = (json as { op?: unknown } | null)?.op;
  const schema = op === 'cohort.join' ? JoinRequest : op === 'cohort.publish' ? PublishRequest : null;
  if (!schema) return { ok: false, code: 'bad_request', message: 'Ce n’est pas une publication Repère (opération de cohorte inconnue).' };
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, code: 'bad_request', message: `Publication refusée : ${schemaProblems(parsed.error).join(' ; ')}.` };
  return { ok: true, value: parsed.data };
}

/** Reads the coordinator's answer; anything else (Google's HTML pages) becomes a not_json failure. */
export function parseCohortAnswer(body: string): CohortAnswer {
  try {
    const parsed = CohortAnswer.safeParse(JSON.parse(body));
    if (parsed.success) return parsed.data;
  } catch {
    // an HTML page from Google, a proxy, a captive portal…
  }
  return { ok: false, code: 'not_json', message: 'La réponse de la coordination n’est pas au format attendu (l’adresse du collecteur est-elle la bonne ?).' };
}
