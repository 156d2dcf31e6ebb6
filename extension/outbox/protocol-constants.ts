// The endpoint protocol's constants, restated without its zod schemas for the background (a test checks they match).
import type { AnswerCode } from '../../shared/protocol/endpoint';

export const PROTOCOL_VERSION = 1;
export const MAX_BATCH = 50;
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
] as const satisfies readonly AnswerCode[];
