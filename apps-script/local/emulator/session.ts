// Session, ScriptApp and Logger: the user, the script's time zone and web-app URL, and a log the host can read.

import type { Ctx } from './context';

export class User {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _email: string,
  ) {
    this._calls = _ctx.calls;
  }
  getEmail(): string {
    return this._email;
  }
}

export class SessionImpl {
  readonly _calls;
  constructor(private readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
  }
  getActiveUser(): User {
    return new User(this._ctx, this._ctx.userEmail);
  }
  getEffectiveUser(): User {
    return new User(this._ctx, this._ctx.userEmail);
  }
  getScriptTimeZone(): string {
    return this._ctx.model.timeZone;
  }
  getActiveUserLocale(): string {
    // Google returns the language only ("fr").
    return this._ctx.model.locale.split(/[_-]/)[0] ?? 'fr';
  }
  getTemporaryActiveUserKey(): string {
    return Buffer.from(this._ctx.userEmail).toString('base64url');
  }
}

export class Service {
  readonly _calls;
  constructor(private readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
  }
  getUrl(): string {
    return this._ctx.webAppUrl;
  }
  isEnabled(): boolean {
    return this._ctx.webAppUrl !== '';
  }
}

export class ScriptAppImpl {
  readonly _calls;
  readonly AuthMode;
  constructor(private readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
    this.AuthMode = _ctx.enums.AuthMode;
  }
  getService(): Service {
    return new Service(this._ctx);
  }
  getScriptId(): string {
    return 'local-repere-script';
  }
}

export class LoggerImpl {
  readonly _calls;
  constructor(private readonly _ctx: Ctx) {
    this._calls = _ctx.calls;
  }
  log(data: unknown, ...values: unknown[]): LoggerImpl {
    let text = typeof data === 'string' ? data : JSON.stringify(data) ?? String(data);
    // Logger.log("a %s b", x) formats like Java's String.format.
    if (values.length) {
      let i = 0;
      text = text.replace(/%[sdf]/g, () => String(values[i++]));
    }
    this._ctx.logs.push(text);
    return this;
  }
  getLog(): string {
    return this._ctx.logs.join('\n');
  }
  clear(): void {
    this._ctx.logs.length = 0;
  }
}
