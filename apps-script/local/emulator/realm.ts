// Builds values in the script's own realm: the bundle runs in a node:vm context, where `instanceof Date`/`Array`/
// `Error` only recognise that context's constructors. The host passes them in; by default, the host's are used.

export interface RealmConstructors {
  Date?: DateConstructor;
  Array?: ArrayConstructor;
  Error?: ErrorConstructor;
}

export interface Realm {
  date(ms: number): Date;
  array<T>(items: readonly T[]): T[];
  error(message: string): Error;
}

export function makeRealm(ctors: RealmConstructors = {}): Realm {
  const D = ctors.Date ?? Date;
  const A = ctors.Array ?? Array;
  const E = ctors.Error ?? Error;
  return {
    date: (ms) => new D(ms),
    array: (items) => A.from(items),
    error: (message) => {
      const e = new E(message);
      // Google's errors print as "Exception: …".
      e.name = 'Exception';
      return e;
    },
  };
}
