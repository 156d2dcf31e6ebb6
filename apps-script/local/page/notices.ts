/** The page's notices: the file read again or open in a spreadsheet program, what a tab allows, an edit's outcome. */
import type { ReloadCount } from '../disk-workbook';

function clock(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')} h ${String(d.getMinutes()).padStart(2, '0')}`;
}

function show(id: string, text: string | null): void {
  const element = document.getElementById(id)!;
  element.textContent = text ?? '';
  element.hidden = !text;
}

let seenChanges: number | null = null;

/** Says the workbook was read again when the count moved since the page opened (not for what it found at opening). */
export function showExternalChanges(changes: ReloadCount): void {
  if (seenChanges !== null && changes.count > seenChanges && changes.at) {
    show('reloaded', `Classeur rechargé : modifié en dehors de Repère (${clock(changes.at)}). La page montre le fichier tel qu’il est maintenant.`);
  }
  seenChanges = changes.count;
}

export function showOpenElsewhere(text: string | null): void {
  show('open-elsewhere', text);
}

export function showTabKind(kind: 'input' | 'computed' | 'log' | null): void {
  show(
    'tab-kind',
    kind === 'computed'
      ? 'Onglet calculé par Repère : en lecture seule ici, il est réécrit à chaque « Calculer ». Modifiez les onglets Changements, Indicateurs ou Valeurs, puis calculez.'
      : kind === 'log'
        ? 'Journal tenu par Repère : en lecture seule, il se remplit tout seul.'
        : null,
  );
  for (const id of ['add-row', 'delete-row', 'undo']) (document.getElementById(id) as HTMLButtonElement).hidden = kind !== 'input';
}

/** The outcome of an edit, in the live region: an error stays until the next edit. */
export function showEditResult(text: string, isError: boolean): void {
  const element = document.getElementById('edit-result')!;
  element.textContent = text;
  element.classList.toggle('error', isError);
}
