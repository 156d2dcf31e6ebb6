/**
 * Personal data in a survey file, whatever the tool: e-mail and IP addresses (and the names some tools add) are not
 * imported unless the person asks for them. Recognised by the column's header, or by its answers when most of them
 * are addresses. Each tool's own metadata columns are listed in its profile (sources/).
 */
import { fold } from '../text/fold';
import type { MetadataUse } from './types';

/** Headers that name personal data (folded). */
const PERSONAL_HEADERS = new Set(
  [
    'Adresse e-mail', 'Adresse email', 'Adresse mail', 'Adresse électronique', 'E-mail', 'Email', 'Mail', 'Courriel', 'Email Address',
    'E-mail address', 'Adresse IP', 'IP Address', 'IP', 'ipaddr', 'Network ID', 'Nom d’utilisateur', 'Username', 'User name',
  ].map(fold),
);

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[a-z]{2,}$/i;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$/i;
/** Share of the answers that must be addresses for a column to be taken for personal data by its content. */
const ADDRESS_SHARE = 0.8;

export function isPersonalHeader(header: string): boolean {
  return PERSONAL_HEADERS.has(fold(header));
}

/** Whether most answers (distinct values with their counts) are e-mail or IP addresses. */
export function holdsAddresses(distinct: ReadonlyMap<string, number>): boolean {
  let addresses = 0;
  let total = 0;
  for (const [value, count] of distinct) {
    const t = value.trim();
    total += count;
    if (EMAIL.test(t) || IPV4.test(t) || (t.includes(':') && IPV6.test(t))) addresses += count;
  }
  return total > 0 && addresses >= ADDRESS_SHARE * total;
}

/** How a tool's metadata column is used, from a profile's list (folded names); absent names are kept. */
export function metadataUses(list: Record<MetadataUse, readonly string[]>): Map<string, MetadataUse> {
  const out = new Map<string, MetadataUse>();
  for (const use of ['kept', 'personal', 'ignored'] as const) for (const name of list[use]) out.set(fold(name), use);
  return out;
}
