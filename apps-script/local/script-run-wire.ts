/**
 * What crosses google.script.run, as Google does it: plain data only. A Date or a function makes the call fail (the
 * classic bug of returning getValues() with date cells), undefined in an array becomes null.
 */

export class WireError extends Error {}

export function toWire(value: unknown, path = 'valeur'): unknown {
  if (value === null || value === undefined) return value ?? null;
  const kind = Object.prototype.toString.call(value);
  if (kind === '[object Date]') throw new WireError(`${path} : un objet Date ne peut pas passer par google.script.run (envoyez une chaîne ISO).`);
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new WireError(`${path} : type ${typeof value} non transmissible par google.script.run.`);
  }
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => (item === undefined ? null : toWire(item, `${path}[${i}]`)));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toWire(item, `${path}.${key}`);
  return out;
}
