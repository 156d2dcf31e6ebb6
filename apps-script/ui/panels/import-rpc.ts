/** Typed google.script.run calls to the survey-import functions (apps-script/server/import-api.ts). */
import type * as Api from '../../server/import-api';

type ApiName = keyof typeof Api & string;
type ApiFn<K extends ApiName> = (typeof Api)[K] extends (...args: infer A) => infer R ? (...args: A) => R : never;

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

export function importCall<K extends ApiName>(fn: K, ...args: Parameters<ApiFn<K>>): Promise<ReturnType<ApiFn<K>>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler((value) => resolve(value as ReturnType<ApiFn<K>>)).withFailureHandler(reject);
    (runner[fn] as (...a: unknown[]) => void)(...args);
  });
}
