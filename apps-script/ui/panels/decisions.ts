/**
 * The « Décisions » panel: a small form for what the figures led the team to change (one row of the « Décisions »
 * tab), read back by the report (« Enseignements et décisions ») and, while open, the team view.
 */
import { $, onClick, option, say } from '../dom';
import { call } from '../rpc';

async function refresh(): Promise<void> {
  const setup = await call('getReportSetup');
  const subject = $<HTMLSelectElement>('decision-subject');
  const current = subject.value;
  subject.replaceChildren(option('', 'Toute la démarche'), ...setup.subjects.map((s) => option(s.id, s.label)));
  subject.value = setup.subjects.some((s) => s.id === current) ? current : '';
  const status = $<HTMLSelectElement>('decision-status');
  const chosen = status.value;
  status.replaceChildren(...setup.statuses.map((s) => option(s, s)));
  if (chosen) status.value = chosen;
}

async function add(): Promise<void> {
  const field = (id: string) => $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id).value;
  const reply = await call('addDecision', {
    date: field('decision-date'), subject: field('decision-subject'), learnt: field('decision-learnt'), change: field('decision-change'),
    who: field('decision-who'), status: field('decision-status'),
  });
  say($('decision-result'), reply.message, !reply.ok);
  if (reply.ok) for (const id of ['decision-learnt', 'decision-change']) $<HTMLTextAreaElement>(id).value = '';
}

export function initDecisionPanel(): void {
  onClick($('add-decision'), add);
  $('decision-section').addEventListener('toggle', () => {
    if (($('decision-section') as HTMLDetailsElement).open) void refresh().catch(() => undefined);
  });
}
