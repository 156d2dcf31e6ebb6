// Checks a pairing with a `ping` and says, in French, what went wrong if it did not work.
import { pingRequest } from '../outbox/transport';
import type { SendResult } from '../outbox/state';
import type { EndpointRequest } from '../../shared/protocol/endpoint';
import type { Connection } from '../../shared/protocol/connection-code';
import { t } from '../i18n';

const pairingText = t.pairing;

export type CheckResult = { ok: true; message: string } | { ok: false; code: string; message: string };

export function describePing(result: SendResult): CheckResult {
  if (result.ok) {
    const name = 'registry' in result && result.registry ? result.registry : null;
    return { ok: true, message: name ? pairingText.connectedTo(name) : pairingText.connected };
  }
  const messages: Record<string, string> = {
    unauthorized: pairingText.unauthorized,
    not_json: pairingText.notJson,
    network: pairingText.network,
    timeout: pairingText.timeout,
    not_configured: pairingText.notConfigured,
    busy: pairingText.busy,
    rate_limited: pairingText.busy,
  };
  return { ok: false, code: result.code, message: messages[result.code] ?? pairingText.other(result.code) };
}

export async function checkConnection(
  connection: Connection,
  post: (endpoint: string, request: EndpointRequest) => Promise<SendResult>,
): Promise<CheckResult> {
  return describePing(await post(connection.endpoint, pingRequest(connection.secret)));
}
