// The words for each outbox error and sync status code. The background stores codes with a message in its own
// language; pages word them again from their catalogue, so what a person reads follows the page's language.
import { t, type Messages } from '../i18n';

const KEYS: Record<string, keyof Messages['outbox']> = {
  network: 'network',
  timeout: 'timeout',
  not_json: 'notJson',
  busy: 'busy',
  rate_limited: 'rateLimited',
  internal: 'internal',
  not_configured: 'notConfigured',
  too_large: 'tooLarge',
  bad_request: 'badRequest',
  not_confirmed: 'notConfirmed',
  unauthorized: 'unauthorized',
  unpaired: 'notPaired',
  no_permission: 'noPermission',
};

/** The catalogue's text for an error or status code, or undefined for a code it does not know (a collector reason). */
export function outboxMessage(code: string | undefined, messages: Messages = t): string | undefined {
  const key = code ? KEYS[code] : undefined;
  return key ? messages.outbox[key] : undefined;
}
