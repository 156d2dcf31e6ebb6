// Runs one task at a time: a trigger during a run queues exactly one more run (never two sync runs at once).
export type LockRunner = <T>(name: string, task: () => Promise<T>) => Promise<T>;

/** navigator.locks where available (shared by the worker and the pages of the extension's origin), else in-process. */
export const webLock: LockRunner = (name, task) => {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  return locks ? (locks.request(name, () => task()) as Promise<Awaited<ReturnType<typeof task>>>) : task();
};

export function coalescing<T>(task: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const run = (): Promise<T> => {
    if (!current) {
      current = task().finally(() => {
        current = null;
      });
      return current;
    }
    if (!queued) {
      queued = current
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return run();
        });
    }
    return queued;
  };
  return run;
}
