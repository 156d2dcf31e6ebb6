/**
 * The team view, internal: every indicator's latest figure (hidden under 5 people), whether it could appear in a
 * document for funders, the flags about the way the team collects (interviewers, proxies, non-response, people lost)
 * and the decisions still open. Person-level flags are not in it: nothing the generator reads can carry them.
 */
import { termLabel } from '../../contract/words';
import { AUDIENCE_THRESHOLD, outwardFigures, teamNotes } from '../../outward/gate';
import type { ReportContext } from '../context';
import { aboutOf, figureInline, intervalInline, nInline } from '../figures';
import { say } from '../messages';
import type { Block, Text } from '../model';
import type { DocumentKindSpec } from './index';
import { currentOf, decisionsInScope, decisionsTable, indicatorTitle, isOpen } from './parts';

function indicatorsTable(ctx: ReportContext): Block {
  const m = ctx.m;
  // The same rows through the gate for funders: which of the team's figures could leave the structure.
  const outward = outwardFigures([...ctx.rowOf.values()], 'funders', (code) => ctx.indicator(code)?.minN ?? 0);
  const leaves = new Map(outward.figures.map((f) => [aboutOf(f), !f.hidden]));
  const rows: Text[][] = [];
  for (const indicator of ctx.indicators) {
    const { current } = currentOf(ctx, indicator.code);
    if (!current) {
      rows.push([say(indicatorTitle(indicator)), say(''), say(m.noValueForPeriod), say(''), say(''), say(''), say('')]);
      continue;
    }
    const interval = intervalInline(ctx, current, indicator.unit).filter((part) => typeof part !== 'string');
    rows.push([
      say(indicatorTitle(indicator)),
      say(current.period),
      [figureInline(ctx, indicator, current)],
      interval.length > 0 ? interval : say(''),
      nInline(ctx, current).filter((part) => typeof part !== 'string'),
      say(!current.hidden && current.status !== '' ? termLabel('status', current.status, ctx.lang) : ''),
      say(leaves.get(aboutOf(current)) ? m.outwardOk : m.outwardHidden(AUDIENCE_THRESHOLD.funders)),
    ]);
  }
  return { kind: 'table', caption: m.teamCaption(ctx.threshold), head: m.teamHead, rows };
}

function collection(ctx: ReportContext): Block {
  const items: Text[] = [];
  const seen = new Set<string>();
  const add = (where: string, message: string) => {
    if (seen.has(message)) return;
    seen.add(message);
    items.push(say(ctx.m.flagWhere(where), message));
  };
  for (const check of ctx.input.surveyChecks) for (const flag of teamNotes(check.flags, ctx.audience)) add(`${check.survey} ${check.wave}`.trim(), flag.message);
  for (const indicator of ctx.indicators) {
    const { current } = currentOf(ctx, indicator.code);
    if (!current) continue;
    const row = ctx.rowOf.get(current)!;
    for (const flag of teamNotes(row.flags, ctx.audience)) add(`${indicator.code} (${current.period})`, flag.message);
  }
  return items.length > 0 ? { kind: 'list', items } : { kind: 'empty', reason: say(ctx.m.noCollectionFlags) };
}

export const EQUIPE: DocumentKindSpec = {
  id: 'equipe',
  defaultAudience: 'team',
  audiences: ['team'],
  layout: 'pages',
  build(ctx) {
    const m = ctx.m;
    const open = decisionsInScope(ctx, isOpen);
    return [
      { id: 'indicateurs', title: m.section.indicateurs, blocks: ctx.indicators.length > 0 ? [indicatorsTable(ctx)] : [{ kind: 'empty', reason: say(m.noOutcomes) }] },
      { id: 'collecte', title: m.section.collecte, blocks: [collection(ctx)] },
      { id: 'ouvertes', title: m.section.ouvertes, blocks: [open.length > 0 ? decisionsTable(ctx, open) : { kind: 'empty', reason: say(m.noOpenDecisions) }] },
    ];
  },
};
