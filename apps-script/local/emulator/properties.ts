// PropertiesService: three string stores kept in the workbook model (so they are saved with it), with Google's
// size limits (9 KB per value, 500 KB per store).

import { fail, type Ctx } from './context';
import { touch } from './model';

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

type StoreName = 'script' | 'document' | 'user';

export class Properties {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _name: StoreName,
  ) {
    this._calls = _ctx.calls;
  }
  _store(): Record<string, string> {
    return this._ctx.model.properties[this._name];
  }
  _check(next: Record<string, string>): void {
    let total = 0;
    for (const [k, v] of Object.entries(next)) {
      if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES) fail(this._ctx, 'Argument too large: value');
      total += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8');
    }
    if (total > MAX_STORE_BYTES) fail(this._ctx, 'You have exceeded the property storage quota. Please remove some properties and try again.');
  }
  getProperty(key: string): string | null {
    const v = this._store()[String(key)];
    return v === undefined ? null : v;
  }
  setProperty(key: string, value: string): Properties {
    if (key === null || key === undefined || String(key) === '') fail(this._ctx, 'Invalid argument: key');
    const next = { ...this._store(), [String(key)]: String(value) };
    this._check(next);
    this._ctx.model.properties[this._name] = next;
    touch(this._ctx.model);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    const next: Record<string, string> = deleteAllOthers ? {} : { ...this._store() };
    for (const k of Object.keys(properties)) next[k] = String(properties[k]);
    this._check(next);
    this._ctx.model.properties[this._name] = next;
    touch(this._ctx.model);
    return this;
  }
  getProperties(): Record<string, string> {
    return { ...this._store() };
  }
  getKeys(): string[] {
    return this._ctx.realm.array(Object.keys(this._store()));
  }
  deleteProperty(key: string): Properties {
    const next = { ...this._store() };
    delete next[String(key)];
    this._ctx.model.properties[this._name] = next;
    touch(this._ctx.model);
    return this;
  }
  deleteAllProperties(): Properties {
    this._ctx.model.properties[this._name] = {};
    touch(this._ctx.model);
    return this;
  }
}

export class PropertiesServiceImpl {
  readonly _calls;
  constructor(private readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
  }
  getScriptProperties(): Properties {
    return new Properties(this._ctx, 'script');
  }
  getDocumentProperties(): Properties {
    return new Properties(this._ctx, 'document');
  }
  getUserProperties(): Properties {
    return new Properties(this._ctx, 'user');
  }
}
