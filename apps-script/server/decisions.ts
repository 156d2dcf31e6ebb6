/**
 * The « Décisions » tab: what the figures led the team to change. Read whole for the reports and the team view;
 * written one row at a time by the sidebar's small form (appended, never rewritten: people type into this tab).
 */
import { termId, termLabel, type DecisionStatus, type Lang } from '../../shared/contract/words';
import type { Decision } from '../../shared/report/input';
import { appendRecords, type CellValue, type TabFinder } from './registry';
import { readTab } from './registry-read';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** A date cell as YYYY-MM-DD (a Date as the spreadsheet holds it, or a typed dd/mm/yyyy), else ''. */
function dayOf(value: unknown): string {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  const t = text(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  return fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : '';
}

export function readDecisions(tabs: TabFinder): Decision[] {
  return (readTab(tabs, 'decisions')?.rows ?? [])
    .map(({ cells }) => ({
      date: dayOf(cells.date),
      subject: text(cells.subject),
      learnt: text(cells.learnt),
      change: text(cells.change),
      who: text(cells.who),
      status: termId('decisionStatus', text(cells.status)),
    }))
    .filter((d) => d.learnt !== '' || d.change !== '');
}

export interface DecisionInput {
  /** YYYY-MM-DD (the form's date field); '' for today. */
  date?: string;
  subject?: string;
  learnt?: string;
  change?: string;
  who?: string;
  status?: string;
}

/** The row written for a decision, or what is wrong with it (in French). */
export function decisionRow(input: DecisionInput, lang: Lang, today: Date): { ok: true; row: Record<string, CellValue> } | { ok: false; message: string } {
  const learnt = text(input.learnt);
  const change = text(input.change);
  if (learnt === '' && change === '') return { ok: false, message: 'Écrivez au moins ce que vous avez appris ou ce que vous changez.' };
  const typed = text(input.date);
  const day = typed === '' ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
  if (typed !== '' && !day) return { ok: false, message: `Date « ${typed} » illisible : choisissez-la dans le calendrier (ou laissez vide pour aujourd’hui).` };
  const status: DecisionStatus | null = text(input.status) === '' ? 'toDecide' : termId('decisionStatus', text(input.status));
  if (!status) return { ok: false, message: `Statut « ${text(input.status)} » inconnu : à décider, en cours, faite ou abandonnée.` };
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return { ok: true, row: { date, subject: text(input.subject), learnt, change, who: text(input.who), status: termLabel('decisionStatus', status, lang) } };
}

export function appendDecision(tabs: TabFinder, row: Record<string, CellValue>): number {
  const tab = tabs.tab('decisions');
  return tab ? appendRecords(tab, [row]) : 0;
}
