/**
 * The « Questionnaires » panel: for a survey and a wave, makes the Google Form (on the server, through FormApp), or
 * prepares here, from the survey's instrument, the XLSForm, the paper questionnaire or the interview guide, each
 * offered as a file to download and, for the printable ones, to open in a new tab. Rendered with textContent.
 */
import { interviewGuide } from '../../../shared/questionnaire/guide';
import type { Instrument } from '../../../shared/questionnaire/instrument';
import { paperQuestionnaire } from '../../../shared/questionnaire/paper';
import { xlsFormBytes } from '../../../shared/questionnaire/xlsform';
import { $, fileLink as link, onClick, option, say } from '../dom';
import { call } from '../rpc';

type Document = 'xlsform' | 'paper' | 'guide';

const survey = () => $<HTMLSelectElement>('q-survey').value;
const wave = () => $<HTMLInputElement>('q-wave').value.trim();
let waves = new Map<string, string>();

const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');

/** The instrument the server builds from the registry, rendered here into the chosen document. */
async function prepare(kind: Document): Promise<void> {
  const output = $('questionnaire-result');
  if (!survey()) return say(output, 'Choisissez d’abord une enquête (onglet Enquêtes).', true);
  const reply = await call('getInstrument', { survey: survey(), wave: wave() });
  if (!reply.ok) return say(output, reply.message, true);
  const instrument: Instrument = reply.instrument;
  const large = $<HTMLInputElement>('q-large').checked;
  const base = [kind === 'guide' ? 'guide-entretien' : 'questionnaire', safe(instrument.survey.id), safe(instrument.wave)].filter(Boolean).join('-');
  const file =
    kind === 'xlsform'
      ? { name: `${base}.xlsx`, blob: new Blob([xlsFormBytes(instrument) as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), what: 'XLSForm pour KoboToolbox, ODK ou Enketo' }
      : {
          name: `${base}${large ? '-gros-caracteres' : ''}.html`,
          blob: new Blob([kind === 'guide' ? interviewGuide(instrument, { largePrint: large }) : paperQuestionnaire(instrument, { largePrint: large })], { type: 'text/html;charset=utf-8' }),
          what: kind === 'guide' ? 'guide d’entretien' : 'questionnaire papier',
        };
  const url = URL.createObjectURL(file.blob);
  const item = document.createElement('li');
  item.append(document.createTextNode(`${file.name} (${file.what}) : `), link('Télécharger', url, { download: file.name }));
  if (kind !== 'xlsform') item.append(document.createTextNode(' · '), link('Ouvrir pour imprimer', url, { newTab: true }));
  $('questionnaire-files').prepend(item);
  const missing = instrument.missing.length > 0 ? ` À compléter avant de l’envoyer : ${instrument.missing.join(' ')}` : '';
  say(output, `${file.name} est prêt.${missing}`);
  if (kind === 'xlsform') item.querySelector('a')?.click();
}

function showForms(forms: Array<{ survey: string; wave: string; title: string; editUrl: string; publishedUrl: string; tab: string | null }>): void {
  $('questionnaire-forms').replaceChildren(
    ...forms.map((f) => {
      const item = document.createElement('li');
      item.append(
        document.createTextNode(`${f.title}${f.tab ? ` → onglet « ${f.tab} »` : ''} : `),
        link('lien à envoyer', f.publishedUrl, { newTab: true }),
        document.createTextNode(' · '),
        link('modifier', f.editUrl, { newTab: true }),
      );
      return item;
    }),
  );
}

async function refresh(): Promise<void> {
  const setup = await call('getQuestionnaireSetup');
  const select = $<HTMLSelectElement>('q-survey');
  const current = select.value;
  waves = new Map(setup.surveys.map((s) => [s.id, s.wave]));
  select.replaceChildren(...setup.surveys.map((s) => option(s.id, s.name ? `${s.id} — ${s.name}` : s.id)));
  if (current && waves.has(current)) select.value = current;
  if (!wave() && select.value) $<HTMLInputElement>('q-wave').value = waves.get(select.value) ?? '';
  showForms(setup.forms);
  if (!setup.configured) say($('questionnaire-result'), 'Le registre n’est pas encore configuré : commencez par « Configurer ».', true);
}

async function createForm(): Promise<void> {
  const output = $('questionnaire-result');
  if (!survey()) return say(output, 'Choisissez d’abord une enquête (onglet Enquêtes).', true);
  const made = await call('createQuestionnaireForm', { survey: survey(), wave: wave() });
  if (!made.ok) return say(output, made.message, true);
  const missing = made.missing.length > 0 ? ` À compléter dans le formulaire avant de l’envoyer : ${made.missing.join(' ')}` : '';
  say(output, `Formulaire Google « ${made.title} » créé et publié ; ses réponses arrivent dans l’onglet « ${made.tab ?? '?'} », à importer depuis « Importer des réponses ».${missing}`);
  await refresh();
}

export function initQuestionnairePanel(): void {
  $('q-survey').addEventListener('change', () => ($<HTMLInputElement>('q-wave').value = waves.get(survey()) ?? ''));
  onClick($('q-google-form'), createForm);
  onClick($('q-xlsform'), () => prepare('xlsform'));
  onClick($('q-paper'), () => prepare('paper'));
  onClick($('q-guide'), () => prepare('guide'));
  $('questionnaire-section').addEventListener('toggle', () => {
    if (($('questionnaire-section') as HTMLDetailsElement).open) void refresh().catch(() => undefined);
  });
}

/** After a setup: the surveys may have changed. */
export async function showQuestionnaireState(): Promise<void> {
  if (($('questionnaire-section') as HTMLDetailsElement).open) await refresh();
}
