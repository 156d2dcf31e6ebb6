/**
 * The collector's secret: generated here, shown to the people who connect the extension as a connection code, and
 * checked on every request. The collector keeps only its SHA-256 (script properties of the bound copy); the secret
 * itself stays in the user properties of whoever generated it, so that person's sidebar can show it again.
 */
import { constantTimeEqual, formatConnectionCode } from '../../shared/protocol/connection-code';
import { sha256Hex } from '../../shared/crypto/sha256';

const SECRET_HASH = 'repere.collectorSecretSha256';
const SECRET = 'repere.collectorSecret';

export type ConnectionCodeResult = { ok: true; code: string; endpoint: string } | { ok: false; message: string };

function newSecret(): string {
  // Two v4 UUIDs carry 244 random bits; hashing gives a fixed 64-hex-character secret.
  return sha256Hex(`${Utilities.getUuid()}${Utilities.getUuid()}`);
}

export function secretMatches(token: string): boolean {
  const stored = PropertiesService.getScriptProperties().getProperty(SECRET_HASH) ?? '';
  return stored.length > 0 && constantTimeEqual(sha256Hex(token), stored);
}

export function isCollectorConfigured(): boolean {
  return (PropertiesService.getScriptProperties().getProperty(SECRET_HASH) ?? '') !== '';
}

function webAppUrl(): string | null {
  return ScriptApp.getService().getUrl() || null;
}

/** The code this user can give to the extension; creates the secret on first use, or renews it when asked. */
export function connectionCode(renew: boolean): ConnectionCodeResult {
  const endpoint = webAppUrl();
  if (!endpoint) {
    return {
      ok: false,
      message:
        'Le collecteur n’est pas encore déployé. Dans l’éditeur de script : Déployer › Nouveau déploiement › Application web (exécuter en tant que « Moi », accès « Tout le monde »), puis rouvrez ce panneau.',
    };
  }
  const userProps = PropertiesService.getUserProperties();
  let secret = userProps.getProperty(SECRET) ?? '';
  if (renew || !secret || !secretMatches(secret)) {
    secret = newSecret();
    PropertiesService.getScriptProperties().setProperty(SECRET_HASH, sha256Hex(secret));
    userProps.setProperty(SECRET, secret);
  }
  return { ok: true, code: formatConnectionCode({ endpoint, secret }), endpoint };
}
