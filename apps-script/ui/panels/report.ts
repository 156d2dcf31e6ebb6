/**
 * The « Rapports » panel: choose the document, who it is for, the period and (optionally) the outcomes; « Aperçu »
 * asks the server to make it and show it in a modal dialog (print, download, new tab there). The document can also be
 * made here as a file to open in a new tab or download, where the dialog cannot. Rendered with textContent.
 */
import type { ReportSetup } from '../../server/report-api';
import type { ReportRequest } from '../../../shared/report/input';
import { $, fileLink, onClick, option, say } from '../dom';
import { call, CHANGED_EVENT } from '../rpc';

let setup: ReportSetup | null = null;

/** What each audience may see, said before anything is made. */
const AUDIENCE_NOTES: Record<string, string> = {
  funders: 'Hors de la structure : aucun chiffre sur moins de 11 personnes ; citations seulement avec l’accord de la personne et un usage « financeurs » ou « public ».',
  public: 'Diffusion large : aucun chiffre sur moins de 11 personnes ; citations seulement avec l’accord de la personne et un usage « public ».',
  team: 'Pour l’équipe seulement : chiffres sur moins de 5 personnes masqués ; à ne pas diffuser.',
};

function request(): ReportRequest {
  const outcomes = [...document.querySelectorAll<HTMLInputElement>('#report-outcomes input:checked')].map((input) => input.value);
  return {
    document: $<HTMLSelectElement>('report-document').value as ReportRequest['document'],
    audience: $<HTMLSelectElement>('report-audience').value as ReportRequest['audience'],
    period: $<HTMLSelectElement>('report-period').value,
    ...(outcomes.length > 0 && { outcomes }),
  };
}

function showAudiences(): void {
  const doc = setup?.documents.find((d) => d.id === $<HTMLSelectElement>('report-document').value);
  const select = $<HTMLSelectElement>('report-audience');
  select.replaceChildren(...(doc?.audiences ?? []).map((a) => option(a.id, a.label)));
  if (doc) select.value = doc.defaultAudience;
  showAudienceNote();
}

function showAudienceNote(): void {
  $('report-audience-note').textContent = AUDIENCE_NOTES[$<HTMLSelectElement>('report-audience').value] ?? '';
}

function showToComplete(list: readonly string[]): void {
  $('report-to-complete').replaceChildren(
    ...list.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
}

async function refresh(): Promise<void> {
  setup = await call('getReportSetup');
  const documentSelect = $<HTMLSelectElement>('report-document');
  const chosen = documentSelect.value;
  documentSelect.replaceChildren(...setup.documents.map((d) => option(d.id, d.label)));
  if (chosen) documentSelect.value = chosen;
  showAudiences();
  const period = $<HTMLSelectElement>('report-period');
  const current = period.value;
  period.replaceChildren(option('', 'Valeurs les plus récentes'), ...setup.periods.map((p) => option(p, p)));
  period.value = setup.periods.includes(current) ? current : '';
  const checked = new Set([...document.querySelectorAll<HTMLInputElement>('#report-outcomes input:checked')].map((i) => i.value));
  $('report-outcome-list').replaceChildren(
    ...setup.outcomes.map((o) => {
      const label = document.createElement('label');
      label.className = 'check';
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.value = o.id;
      input.checked = checked.has(o.id);
      label.append(input, document.createTextNode(` ${o.label}`));
      return label;
    }),
  );
  if (!setup.configured) say($('report-result'), 'Le registre n’est pas encore configuré : commencez par « Configurer ».', true);
}

async function preview(): Promise<void> {
  const reply = await call('showReportPreview', request());
  if (!reply.ok) return say($('report-result'), reply.message, true);
  say($('report-result'), `${reply.summary} L’aperçu s’ouvre par-dessus le tableur.`);
  showToComplete(reply.toComplete);
}

/** The same document as a file, made here: to open in a new tab or download where the dialog cannot. */
async function asFile(): Promise<void> {
  const reply = await call('generateReportFile', request());
  if (!reply.ok) return say($('report-result'), reply.message, true);
  const url = URL.createObjectURL(new Blob([reply.html], { type: 'text/html;charset=utf-8' }));
  const item = document.createElement('li');
  item.append(document.createTextNode(`${reply.fileName} : `), fileLink('Ouvrir dans un nouvel onglet', url, { newTab: true }), document.createTextNode(' · '), fileLink('Télécharger', url, { download: reply.fileName }));
  $('report-files').prepend(item);
  say($('report-result'), `${reply.summary} Ouvrez-le, puis imprimez-le (Ctrl+P, « Enregistrer au format PDF ») ou enregistrez-le : il s’ouvre dans Google Docs, Word ou LibreOffice.`);
  showToComplete(reply.toComplete);
}

export function initReportPanel(): void {
  $('report-document').addEventListener('change', showAudiences);
  $('report-audience').addEventListener('change', showAudienceNote);
  onClick($('report-preview'), preview);
  onClick($('report-file'), asFile);
  $('report-section').addEventListener('toggle', () => {
    if (($('report-section') as HTMLDetailsElement).open) void refresh().catch(() => undefined);
  });
  // A computation brings new periods; a set-up, new outcomes.
  document.addEventListener(CHANGED_EVENT, (event) => {
    if (['computeRegistry', 'configureRegistry'].includes(String((event as CustomEvent).detail))) void showReportState().catch(() => undefined);
  });
}

/** After a setup or a computation: the outcomes and periods may have changed. */
export async function showReportState(): Promise<void> {
  if (($('report-section') as HTMLDetailsElement).open) await refresh();
}
