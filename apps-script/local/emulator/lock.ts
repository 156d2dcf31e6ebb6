// LockService for a single process: a lock is free, held by this execution, or held by a simulated other
// execution that the host sets up (LockHooks) to exercise contention paths. Nothing ever waits for real.

import { fail, type Ctx } from './context';

export type LockKind = 'script' | 'document' | 'user';
type Holder = 'self' | 'other' | null;

export class LockState {
  readonly holders: Record<LockKind, Holder> = { script: null, document: null, user: null };
}

/** Host-side hooks. */
export interface LockHooks {
  /** A simulated other execution takes the lock: tryLock returns false, waitLock throws, until released. */
  holdByOther(kind: LockKind): void;
  releaseOther(kind: LockKind): void;
  /** Who holds each lock now. */
  state(): Record<LockKind, Holder>;
  /** End of an execution: Apps Script releases the locks the script still holds. */
  endExecution(): void;
}

export function lockHooks(state: LockState): LockHooks {
  return {
    holdByOther: (kind) => {
      state.holders[kind] = 'other';
    },
    releaseOther: (kind) => {
      if (state.holders[kind] === 'other') state.holders[kind] = null;
    },
    state: () => ({ ...state.holders }),
    endExecution: () => {
      for (const k of Object.keys(state.holders) as LockKind[]) if (state.holders[k] === 'self') state.holders[k] = null;
    },
  };
}

export class Lock {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _state: LockState,
    private readonly _kind: LockKind,
  ) {
    this._calls = _ctx.calls;
  }
  _take(): boolean {
    const h = this._state.holders[this._kind];
    if (h === 'other') return false;
    this._state.holders[this._kind] = 'self';
    return true;
  }
  tryLock(timeoutInMillis: number): boolean {
    if (!(Number(timeoutInMillis) >= 0)) fail(this._ctx, 'Invalid argument: timeoutInMillis');
    return this._take();
  }
  waitLock(timeoutInMillis: number): void {
    if (!(Number(timeoutInMillis) >= 0)) fail(this._ctx, 'Invalid argument: timeoutInMillis');
    if (!this._take()) fail(this._ctx, 'Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean {
    return this._state.holders[this._kind] === 'self';
  }
  releaseLock(): void {
    if (this._state.holders[this._kind] === 'self') this._state.holders[this._kind] = null;
  }
}

export class LockServiceImpl {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _state: LockState,
  ) {
    this._calls = _ctx.calls;
  }
  getScriptLock(): Lock {
    return new Lock(this._ctx, this._state, 'script');
  }
  getDocumentLock(): Lock {
    return new Lock(this._ctx, this._state, 'document');
  }
  getUserLock(): Lock {
    return new Lock(this._ctx, this._state, 'user');
  }
}
