/**
 * The one place a registry calls out: a member's request to its coordinator's collector, through UrlFetchApp (the
 * `script.external_request` scope, asked only for this). The body is JSON sent as text/plain with the member's secret
 * inside, never in the URL; Google answers a web app's POST with a redirect that UrlFetchApp follows. Any answer that
 * is not the cohort protocol's JSON (a sign-in page, an error page) is a failure, said in French.
 */
import { parseCohortAnswer, type CohortAnswer } from '../../../shared/cohort/protocol';

export type CoordinatorReply = { ok: true; answer: CohortAnswer } | { ok: false; message: string };

export function postToCoordinator(collector: string, body: string): CoordinatorReply {
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(collector, { method: 'post', contentType: 'text/plain; charset=utf-8', payload: body, muteHttpExceptions: true, followRedirects: true });
  } catch {
    // Google's own words (« Address unavailable », « DNS error ») would not tell a person what to do.
    return {
      ok: false,
      message: `La coordination est injoignable à l’adresse ${collector} : vérifiez la connexion à Internet et l’adresse du code d’invitation. Rien n’a été envoyé ; vous pouvez aussi publier par fichier.`,
    };
  }
  const status = response.getResponseCode();
  if (status !== 200) {
    return { ok: false, message: `La coordination a répondu par une erreur (HTTP ${status}) à l’adresse ${collector} : son collecteur est-il bien déployé en application web ? Rien n’a été enregistré.` };
  }
  const answer = parseCohortAnswer(response.getContentText());
  if (answer.code === 'not_json') return { ok: false, message: answer.message ?? 'Réponse de la coordination illisible.' };
  return { ok: true, answer };
}
