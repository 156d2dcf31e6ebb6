/** Typed calls to the server through google.script.run: renaming a server function breaks the sidebar's build. */
import type * as CohortApi from '../server/cohort/api';
import type * as ExchangeApi from '../server/exchange-api';
import type * as ImportApi from '../server/import-api';
import type * as QuestionnaireApi from '../server/questionnaire-api';
import type * as ReportApi from '../server/report-api';
import type * as SidebarApi from '../server/sidebar-api';

type Api = typeof SidebarApi & typeof ImportApi & typeof QuestionnaireApi & typeof ReportApi & typeof CohortApi & typeof ExchangeApi;
type ApiName = keyof Api & string;
type ApiFn<K extends ApiName> = Api[K] extends (...args: infer A) => infer R ? (...args: A) => R : never;

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

/** Dispatched on the document, with the function's name as detail, after each call the server answered. */
export const CHANGED_EVENT = 'repere:called';

export function call<K extends ApiName>(fn: K, ...args: Parameters<ApiFn<K>>): Promise<ReturnType<ApiFn<K>>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => {
        resolve(value as ReturnType<ApiFn<K>>);
        document.dispatchEvent(new CustomEvent(CHANGED_EVENT, { detail: fn }));
      })
      .withFailureHandler(reject);
    (runner[fn] as (...a: unknown[]) => void)(...args);
  });
}

/** Google's own failure, e.g. several signed-in accounts: a message a person can act on. */
export function failureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/PERMISSION_DENIED|reading from storage/i.test(text)) {
    return 'Google refuse l’accès : vous êtes sans doute connecté à plusieurs comptes Google. Ouvrez le tableur dans une fenêtre privée avec un seul compte.';
  }
  return `Le registre n’a pas pu répondre (${text}). Réessayez ; si cela persiste, rechargez la page du tableur.`;
}
