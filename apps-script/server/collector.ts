/**
 * The collector web app: doPost receives the extension's observations with the endpoint protocol (and, in a
 * coordinator's registry, the cohort's requests: apps-script/server/cohort/collector.ts), doGet answers a health check. Every answer is JSON (Apps Script cannot set a status code); nothing is ever thrown to Google, whose
 * error page would reach the client as HTML.
 */
import { isCohortBody, type CohortAnswer } from '../../shared/cohort/protocol';
import { RECORD_LANG, termLabel } from '../../shared/contract/words';
import { parseRequest, type EndpointAnswer, type EndpointRequest, type Tag } from '../../shared/protocol/endpoint';
import { cohortAnswer } from './cohort/collector';
import { logToJournal } from './journal';
import { writeObservations } from './observations';
import { isCollectorConfigured, secretMatches } from './pairing';
import { bindTab, columnValues } from './registry';
import { BusyError, registrySpreadsheet, withWriteLock } from './spreadsheet';
import { count } from '../../shared/text/plural';

/** Requests per minute per registry; a member of staff syncing by hand stays far below. */
const RATE_LIMIT_PER_MINUTE = 120;

function reply(answer: EndpointAnswer | CohortAnswer): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(answer)).setMimeType(ContentService.MimeType.JSON);
}

export function doGet(): GoogleAppsScript.Content.TextOutput {
  return reply({ ok: true, code: 'ok', message: 'Collecteur Repère : envoyez les observations en POST.' });
}

export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  try {
    return reply(answer(e?.postData?.contents ?? ''));
  } catch (err) {
    if (err instanceof BusyError) return reply({ ok: false, code: 'busy', message: 'Le registre est occupé : nouvel essai bientôt.' });
    console.error(err);
    return reply({ ok: false, code: 'internal', message: 'Erreur interne du registre : nouvel essai plus tard.' });
  }
}

const RATE_LIMITED: EndpointAnswer = { ok: false, code: 'rate_limited', message: 'Trop d’envois en une minute : nouvel essai bientôt.' };

function answer(body: string): EndpointAnswer | CohortAnswer {
  // A member structure publishing to its cohort (a coordinator's registry): its own protocol and its own secret.
  if (isCohortBody(body)) return withinRate() ? cohortAnswer(body, 'collector', termLabel('actor', 'collector', RECORD_LANG)) : RATE_LIMITED;
  const parsed = parseRequest(body);
  if (!parsed.ok) return { ok: false, code: parsed.code, message: parsed.message };
  if (!isCollectorConfigured()) {
    return { ok: false, code: 'not_configured', message: 'Ce registre n’a pas encore de code de connexion : ouvrez le panneau Repère du tableur.' };
  }
  if (!secretMatches(parsed.value.token)) {
    return { ok: false, code: 'unauthorized', message: 'Code de connexion refusé : copiez le code actuel depuis le panneau Repère du tableur.' };
  }
  if (!withinRate()) return RATE_LIMITED;
  return handle(parsed.value);
}

function withinRate(): boolean {
  const cache = CacheService.getScriptCache();
  const key = `repere.rate.${Math.floor(Date.now() / 60_000)}`;
  const count = Number(cache.get(key) ?? '0') + 1;
  cache.put(key, String(count), 120);
  return count <= RATE_LIMIT_PER_MINUTE;
}

function handle(request: EndpointRequest): EndpointAnswer {
  const ss = registrySpreadsheet();
  switch (request.op) {
    case 'ping':
      return { ok: true, code: 'ok', registry: ss.getName() };
    case 'getTags':
      return { ok: true, code: 'ok', tags: registryTags(ss) };
    case 'putObservations': {
      const written = withWriteLock(() => {
        const result = writeObservations(ss, request.records, new Date());
        if (result) {
          const replaced = result.warnings.length > 0 ? ` ${result.warnings.length} avec des caractères illisibles remplacés par « � ».` : '';
          logToJournal(ss, termLabel('actor', 'collector', RECORD_LANG), 'sync',
            `${count(request.records.length, 'observation reçue', 'observations reçues')} : ${count(result.accepted.length, 'enregistrée', 'enregistrées')}, ${count(result.duplicates.length, 'déjà présente', 'déjà présentes')}, ${count(result.rejected.length, 'refusée', 'refusées')}.${replaced}`);
        }
        return result;
      });
      if (!written) {
        return { ok: false, code: 'not_configured', message: 'Le registre n’a pas d’onglet Observations : lancez « Configurer » dans le panneau Repère.' };
      }
      return { ok: true, code: 'ok', ...written };
    }
  }
}

/** Outcomes, their themes and indicators, for tagging observations in the extension. */
function registryTags(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Tag[] {
  const tags: Tag[] = [];
  const outcomes = bindTab(ss, 'outcomes');
  if (outcomes) {
    const labels = columnValues(outcomes, 'change');
    columnValues(outcomes, 'id').forEach((id, i) => id !== '' && tags.push({ id: String(id), label: String(labels[i] ?? ''), kind: 'outcome' }));
  }
  const themes = bindTab(ss, 'themes');
  if (themes) {
    const labels = columnValues(themes, 'label');
    columnValues(themes, 'id').forEach((id, i) => id !== '' && tags.push({ id: String(id), label: String(labels[i] ?? ''), kind: 'theme' }));
  }
  const indicators = bindTab(ss, 'indicators');
  if (indicators) {
    const names = columnValues(indicators, 'name');
    columnValues(indicators, 'code').forEach((code, i) => code !== '' && tags.push({ id: String(code), label: String(names[i] ?? ''), kind: 'indicator' }));
  }
  return tags;
}
