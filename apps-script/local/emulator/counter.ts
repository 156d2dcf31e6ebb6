// Counts every emulated service call by "Class.method", so tests and benchmarks can assert that code batches its
// reads and writes the way Apps Script needs.

export class CallCounter {
  private readonly counts = new Map<string, number>();

  hit(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Sum over every method, or over the methods of one class ("Range"). */
  total(className?: string): number {
    let n = 0;
    for (const [k, v] of this.counts) if (!className || k.startsWith(className + '.')) n += v;
    return n;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

export interface Counted {
  readonly _calls: CallCounter;
}

/**
 * Wraps every public prototype method of an emulated class so that each call is counted as `label.method`.
 * Internal helpers start with "_" and are not counted, so one emulated call counts once.
 */
export function instrument(cls: { prototype: object }, label: string): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const original = desc.value as (...args: unknown[]) => unknown;
    const key = `${label}.${name}`;
    Object.defineProperty(proto, name, {
      ...desc,
      value: function (this: Counted, ...args: unknown[]) {
        this._calls.hit(key);
        return original.apply(this, args);
      },
    });
  }
}
