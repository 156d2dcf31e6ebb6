// Sends one protocol request to a collector: text/plain JSON, token in the body, any non-JSON answer is a failure.
import type { EndpointRequest } from '../../shared/protocol/endpoint';
import { PROTOCOL_VERSION, parseAnswer } from '../../shared/protocol/endpoint';
import type { SendResult } from './state';

export const REQUEST_TIMEOUT_MS = 25_000;

export type FetchLike = (input: string, init: RequestInit) => Promise<{ text(): Promise<string> }>;

export async function postRequest(
  endpoint: string,
  request: EndpointRequest,
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
): Promise<SendResult> {
  let body: string;
  try {
    const res = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=utf-8' },
      body: JSON.stringify(request),
      redirect: 'follow',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    body = await res.text();
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    return name === 'TimeoutError' || name === 'AbortError'
      ? { ok: false, code: 'timeout', message: 'timeout' }
      : { ok: false, code: 'network', message: err instanceof Error ? err.message : String(err) };
  }
  return parseAnswer(body);
}

export function putObservationsRequest(secret: string, records: unknown[]): EndpointRequest {
  return { v: PROTOCOL_VERSION, op: 'putObservations', token: secret, records };
}

export function pingRequest(secret: string): EndpointRequest {
  return { v: PROTOCOL_VERSION, op: 'ping', token: secret };
}
