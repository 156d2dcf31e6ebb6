/** Stable GUIDs made from a name, for exchange files whose identifiers must not change from one export to the next. */
import { sha256Hex } from '../crypto/sha256';

/** RFC 9562 version 8 from SHA-256: the same name, the same GUID (upper case, as REFI-QDA writes them). */
export function nameGuid(name: string): string {
  const h = sha256Hex(name);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}
