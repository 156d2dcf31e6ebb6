/**
 * The one-page pitch, for a funder meeting or a partner: the evaluative question, three headline figures framed as
 * « 7 aidants sur 10 » with an icon array, one quote, one chart, and what the team is improving. It fits one A4 page:
 * texts are kept short (a long question, title, quote or decision is cut at a word, « […] »), at most three decisions.
 */
import { reportCharts } from '../charts';
import type { ReportContext } from '../context';
import { say } from '../messages';
import type { Block, Section } from '../model';
import { documentQuotes, shortened, takeQuotes } from '../quotes';
import type { DocumentKindSpec } from './index';
import { decisionsInScope, indicatorTitle, keyIndicators, resultCard } from './parts';

const HEADLINES = 3;
const QUESTION_LENGTH = 320;
const TITLE_LENGTH = 90;
const QUOTE_LENGTH = 200;
const DECISION_LENGTH = 100;
const DECISIONS = 3;

export const UNE_PAGE: DocumentKindSpec = {
  id: 'une-page',
  defaultAudience: 'funders',
  audiences: ['funders', 'public', 'team'],
  layout: 'one-page',
  build(ctx: ReportContext): Section[] {
    const m = ctx.m;
    const question = ctx.rubric('question');
    const headline = keyIndicators(ctx, HEADLINES, { shownOnly: true, sharesFirst: true });
    const quotes = documentQuotes(ctx);
    // The quote speaks to the first headline's outcome when one does, else it is the most recent.
    const quote = takeQuotes(ctx, quotes, headline[0]?.outcome ?? null, 1, QUOTE_LENGTH)[0] ?? takeQuotes(ctx, quotes, null, 1, QUOTE_LENGTH)[0];
    const charts = reportCharts(ctx, { all: false });
    // A headline's chart, one that shows a change over time (two periods or more drawn) when one does.
    const candidates = headline.map((i) => charts.get(i.code)?.[0]).filter((c) => c !== undefined);
    const chart = candidates.find((c) => c.drawn.length >= 2) ?? candidates[0];
    const improving = decisionsInScope(ctx, (d) => d.status === 'inProgress' || d.status === 'done').slice(0, DECISIONS);
    const empty = (reason: string): Block => ({ kind: 'empty', reason: say(reason) });
    return [
      { id: 'question', title: m.section.question, blocks: [question ? { kind: 'paragraph', text: say(shortened(question, QUESTION_LENGTH, m.truncated)), tone: 'lead' } : empty(m.noQuestion)] },
      {
        id: 'chiffres', title: m.section.chiffres,
        blocks: [
          headline.length > 0
            ? { kind: 'results', cards: headline.map((i) => ({ ...resultCard(ctx, i, { icons: true, brief: true }), title: shortened(indicatorTitle(i), TITLE_LENGTH, '…') })) }
            : empty(m.noHeadline),
        ],
      },
      { id: 'parole', title: m.section.parole, blocks: [quote ? { kind: 'quotes', quotes: [quote] } : empty(m.noQuotes(ctx.input.observations.length, ctx.audienceLabel))] },
      { id: 'graphique', title: m.section.graphique, blocks: [chart ? { kind: 'chart', chart } : empty(m.noChart)] },
      {
        id: 'ameliorons', title: m.section.ameliorons,
        blocks: [improving.length > 0 ? { kind: 'list', items: improving.map((d) => say(shortened(d.change || d.learnt, DECISION_LENGTH, m.truncated))) } : empty(m.noImprovements)],
      },
    ];
  },
};
