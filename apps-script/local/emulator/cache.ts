// CacheService: in-memory caches (not saved with the workbook, like Google's) whose expiry follows the injected
// clock, with Google's limits (key 250 chars, value 100 KB, TTL ≤ 6 hours).

import { fail, type Ctx } from './context';

const MAX_TTL = 21_600;
const DEFAULT_TTL = 600;
const MAX_KEY = 250;
const MAX_VALUE = 100 * 1024;

export type CacheStore = Map<string, { value: string; expiresAt: number }>;

export class Cache {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _store: CacheStore,
  ) {
    this._calls = _ctx.calls;
  }
  _now(): number {
    return this._ctx.now().getTime();
  }
  _get(key: string): string | null {
    const e = this._store.get(String(key));
    if (!e) return null;
    if (e.expiresAt <= this._now()) {
      this._store.delete(String(key));
      return null;
    }
    return e.value;
  }
  _put(key: string, value: unknown, ttl: number | undefined): void {
    const k = String(key);
    const v = String(value);
    const t = ttl === undefined ? DEFAULT_TTL : Number(ttl);
    if (k.length > MAX_KEY) fail(this._ctx, 'Argument too large: key');
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE) fail(this._ctx, 'Argument too large: value');
    if (!(t >= 1) || t > MAX_TTL) fail(this._ctx, 'Invalid argument: expirationInSeconds');
    this._store.set(k, { value: v, expiresAt: this._now() + t * 1000 });
  }
  get(key: string): string | null {
    return this._get(key);
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of Array.from(keys)) {
      const v = this._get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this._put(key, value, expirationInSeconds);
  }
  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    for (const k of Object.keys(values)) this._put(k, values[k], expirationInSeconds);
  }
  remove(key: string): void {
    this._store.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of Array.from(keys)) this._store.delete(String(k));
  }
}

export class CacheServiceImpl {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _stores: Record<'script' | 'document' | 'user', CacheStore>,
  ) {
    this._calls = _ctx.calls;
  }
  getScriptCache(): Cache {
    return new Cache(this._ctx, this._stores.script);
  }
  getDocumentCache(): Cache {
    return new Cache(this._ctx, this._stores.document);
  }
  getUserCache(): Cache {
    return new Cache(this._ctx, this._stores.user);
  }
}
