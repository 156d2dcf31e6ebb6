/**
 * The « Cohorte » panel. A structure joins its programme's cohort with an invitation code, then publishes: the rows
 * that would leave are shown first, one per indicator × period × group with what each carries (hidden ones « < 11 »),
 * and only « Envoyer » or « Enregistrer en fichier » lets them go. A coordinator's registry sets up its coordination
 * tabs, invites structures (the code shown once), sees where each member stands and imports publications received as
 * files. Rendered with textContent only.
 */
import type { CohortState } from '../../server/cohort/api';
import { $, onClick, say } from '../dom';
import { call } from '../rpc';
import { count } from '../../../shared/text/plural';

let previewId = '';

function cellsRow(tag: 'th' | 'td', cells: readonly string[]): HTMLTableRowElement {
  const row = document.createElement('tr');
  for (const text of cells) {
    const cell = document.createElement(tag);
    cell.textContent = text;
    if (text === '< 11') cell.className = 'hidden-cell';
    row.append(cell);
  }
  return row;
}

function show(state: CohortState): void {
  const role = state.role;
  $('cohort-member').hidden = role !== 'member';
  $('cohort-coordinator').hidden = role !== 'coordinator';
  $('cohort-join-block').hidden = role === 'coordinator';
  $('cohort-setup-block').hidden = role === 'member';
  $('cohort-join-title').textContent = role === 'member' ? 'Mettre à jour les indicateurs partagés' : 'Rejoindre une cohorte';
  $('cohort-join').textContent = role === 'member' ? 'Mettre à jour' : 'Rejoindre';
  if (state.member) {
    const m = state.member;
    $('cohort-role').textContent = `Membre de la cohorte « ${m.cohort} » sous le code ${m.member} : ${count(m.indicators, 'indicateur partagé', 'indicateurs partagés')}.` +
      (m.canPublish ? '' : ' Pour publier depuis votre compte, collez à nouveau le code d’invitation.');
  } else if (state.coordinator) {
    const c = state.coordinator;
    $('cohort-role').textContent = `Registre de la coordination (cohorte ${c.id}, jeu d’indicateurs partagés en version ${c.setVersion}) : ${count(c.members.length, 'structure invitée', 'structures invitées')}.`;
    $<HTMLInputElement>('cohort-show-names').checked = c.showNames;
    $('cohort-members').replaceChildren(
      ...c.members.map((m) => {
        const item = document.createElement('li');
        item.textContent = `${m.code} — ${m.name} : ${m.status}${m.periods ? ` (publié : ${m.periods})` : ''}${m.late ? ` ; à relancer pour ${m.late}` : ''}`;
        if (m.late) item.className = 'late';
        return item;
      }),
    );
  } else $('cohort-role').textContent = 'Ce registre ne fait partie d’aucune cohorte.';
}

export async function showCohortState(): Promise<void> {
  show(await call('getCohortState'));
}

/** A link to the file the server made, in `place` (a click downloads it; in a new tab where the frame refuses). */
function download(place: string, fileName: string, content: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = fileName;
  link.target = '_blank';
  link.textContent = `Télécharger ${fileName}`;
  $(place).replaceChildren(link);
}

export function initCohortPanel(): void {
  const result = $('cohort-result');
  onClick($('cohort-join'), async () => {
    const reply = await call('joinCohort', $<HTMLTextAreaElement>('cohort-code').value);
    say(result, reply.ok ? [reply.summary, ...reply.warnings].join('\n') : reply.message, !reply.ok);
    if (reply.ok) $<HTMLTextAreaElement>('cohort-code').value = '';
    await showCohortState();
  });
  onClick($('cohort-setup'), async () => {
    const template = $<HTMLSelectElement>('template').value;
    const lang = $<HTMLSelectElement>('lang').value === 'en' ? 'en' : 'fr';
    const reply = await call('configureCohort', { lang, ...(template && { template }) });
    say(result, reply.ok ? reply.summary : reply.message, !reply.ok);
    await showCohortState();
  });
  onClick($('publish-preview'), async () => {
    const preview = await call('previewPublication');
    $('publish-block').hidden = !preview.ok;
    $('publish-file-link').replaceChildren();
    if (!preview.ok) return say(result, preview.message, true);
    previewId = preview.id;
    say($('publish-summary'), preview.summary);
    $('publish-table').replaceChildren(cellsRow('th', preview.headers), ...preview.rows.map((r) => cellsRow('td', r)));
    $('publish-left-out').replaceChildren(
      ...preview.leftOut.map((note) => {
        const item = document.createElement('li');
        item.textContent = `Non publié — ${note}`;
        return item;
      }),
    );
    say(result, `Relisez ${preview.rows.length > 1 ? `les ${preview.rows.length} lignes` : 'la ligne'} ci-dessus : rien n’est parti.`);
  });
  onClick($('publish-send'), async () => {
    const reply = await call('sendPublication', previewId);
    say(result, reply.message, !reply.ok);
  });
  onClick($('publish-file'), async () => {
    const reply = await call('exportPublication', previewId);
    if (reply.ok) download('publish-file-link', reply.fileName, reply.content, 'application/json');
    say(result, reply.message, !reply.ok);
  });
  onClick($('cohort-invite'), async () => {
    const reply = await call('inviteCohortMember', { name: $<HTMLInputElement>('invite-name').value, contact: $<HTMLInputElement>('invite-contact').value });
    $('invite-block').hidden = !reply.ok;
    $<HTMLTextAreaElement>('invite-code').value = reply.ok ? reply.code : '';
    say(result, reply.ok ? `${reply.renewed ? 'Nouveau code' : 'Code'} d’invitation de ${reply.member} : transmettez-le à la structure.${reply.renewed ? ' L’ancien ne fonctionne plus.' : ''}` : reply.message, !reply.ok);
    await showCohortState();
  });
  $('copy-invite').addEventListener('click', () => {
    const field = $<HTMLTextAreaElement>('invite-code');
    field.select();
    void navigator.clipboard?.writeText(field.value).then(
      () => say(result, 'Code copié.'),
      () => say(result, 'Copie impossible ici : sélectionnez le code et copiez-le avec Ctrl+C.'),
    );
  });
  onClick($('cohort-compute'), async () => {
    const reply = await call('computeCohort');
    say(result, reply.ok ? reply.summary : reply.message, !reply.ok);
    await showCohortState();
  });
  $('cohort-show-names').addEventListener('change', () => {
    const box = $<HTMLInputElement>('cohort-show-names');
    void call('setCohortNamesShown', box.checked).then(async (reply) => {
      say(result, reply.ok ? (box.checked ? 'Les structures apparaissent sous leur nom dans le tableau et les graphiques de cohorte.' : 'Les structures apparaissent sous leur code.') : reply.message, !reply.ok);
      await showCohortState();
    });
  });
  onClick($('cohort-report'), async () => {
    const reply = await call('cohortReport');
    $('cohort-report-link').replaceChildren();
    if (reply.ok) download('cohort-report-link', reply.fileName, reply.content, 'text/html;charset=utf-8');
    say(result, reply.message, !reply.ok);
  });
  onClick($('publication-import'), async () => {
    const file = $<HTMLInputElement>('publication-file').files?.[0];
    if (!file) return say(result, 'Choisissez d’abord le fichier de publication reçu (.json).', true);
    const reply = await call('importPublication', await file.text());
    say(result, `${file.name} : ${reply.message}`, !reply.ok);
    await showCohortState();
  });
}
