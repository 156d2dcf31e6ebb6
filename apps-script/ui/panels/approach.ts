/** The « Démarche » panel: a guided form, one field per rubric of the approach tab. */
import { APPROACH_RUBRICS, rubricLabel, type ApproachFields } from '../../../shared/registry/approach';
import type { SidebarState } from '../../server/sidebar-api';
import { $, onClick, say } from '../dom';
import { call } from '../rpc';

const field = (key: string) => $<HTMLTextAreaElement>(`approach-${key}`);

export function initApproachPanel(): void {
  $('approach-form').replaceChildren(
    ...APPROACH_RUBRICS.flatMap((rubric) => {
      const label = document.createElement('label');
      label.htmlFor = `approach-${rubric.key}`;
      label.textContent = rubricLabel(rubric.key, 'fr');
      const input = document.createElement('textarea');
      input.id = `approach-${rubric.key}`;
      input.rows = 3;
      input.placeholder = rubric.help;
      return [label, input];
    }),
  );
  onClick($('save-approach'), async () => {
    const fields: ApproachFields = {};
    for (const rubric of APPROACH_RUBRICS) fields[rubric.key] = field(rubric.key).value;
    const result = await call('saveApproach', fields);
    say($('approach-result'), result.ok ? (result.written > 0 ? 'Démarche enregistrée dans l’onglet Démarche.' : 'Rien n’a changé.') : result.message, !result.ok);
  });
}

export async function showApproachState(state: SidebarState): Promise<void> {
  if (!state.configured) return;
  const result = await call('getApproach');
  if (!result.ok) return;
  for (const rubric of APPROACH_RUBRICS) field(rubric.key).value = result.fields[rubric.key] ?? '';
}
