/**
 * The evaluation report, for funders and partners, in the order an evaluation is read: synthèse, le besoin et le
 * public, la démarche, méthode, résultats par changement visé, paroles, limites, enseignements et décisions, annexes.
 * Every section is present; one with nothing to show says why.
 */
import { termId, termLabel } from '../../contract/words';
import { conditionText } from '../../indicators/text';
import { outwardBreakdown } from '../../outward/gate';
import type { Indicator } from '../../registry/model';
import { scaleById } from '../../scales';
import { reportCharts } from '../charts';
import type { ReportContext } from '../context';
import { figureInline, intervalInline } from '../figures';
import { limits, surveysInScope } from '../limits';
import { count, longDate, percent, say } from '../messages';
import type { Block, Inline, Section, Text } from '../model';
import { QUOTES_PER_THEME, quoteRuleText } from '../../outward/quotes';
import { quoteView, documentQuotes, type QuoteSelection } from '../quotes';
import type { DocumentKindSpec } from './index';
import { currentOf, decisionsInScope, decisionsTable, indicatorTitle, keyIndicators, resultCard } from './parts';

const KEY_RESULTS = 5;

const empty = (reason: string): Block => ({ kind: 'empty', reason: say(reason) });

function synthese(ctx: ReportContext, quotes: QuoteSelection): Section {
  const blocks: Block[] = [];
  const question = ctx.rubric('question');
  if (question) blocks.push({ kind: 'paragraph', text: say(question), tone: 'lead' });
  const key = keyIndicators(ctx, KEY_RESULTS, { shownOnly: false });
  if (key.length === 0) blocks.push(empty(ctx.m.noValues));
  else blocks.push({ kind: 'results', cards: key.map((i) => resultCard(ctx, i, { quotes, withOutcome: true })) });
  return { id: 'synthese', title: ctx.m.section.synthese, blocks };
}

/** Who answered each wave, and the share answered by a relative, through the gate. */
function respondents(ctx: ReportContext): Block[] {
  const m = ctx.m;
  const blocks: Block[] = [];
  for (const id of surveysInScope(ctx)) {
    const survey = ctx.input.surveys.find((s) => s.id === id)!;
    const checks = ctx.input.surveyChecks.filter((c) => c.survey.toLowerCase() === id.toLowerCase());
    if (checks.length === 0) continue;
    const items: Text[] = checks.map((c) => {
      const who = ctx.count(c.respondents, null, `${c.survey} ${c.wave} : répondants`, (k) => count(ctx.lang, k));
      const line: Inline[] = [m.respondents(c.wave), who, who.kind === 'shown' ? m.respondentsTail(c.respondents) : m.respondentsHidden];
      if (c.proxies > 0) {
        line.push(' ; ', m.proxyShare, ctx.count(c.proxies, c.typeKnown, `${c.survey} ${c.wave} : réponses par un proche`, (k) => percent(ctx.lang, (100 * k) / c.typeKnown)));
      }
      return line;
    });
    blocks.push({ kind: 'paragraph', text: say(m.surveyLine(survey.id, survey.name)) }, { kind: 'list', items });
  }
  return blocks;
}

/** Who answered by each breakdown (relationship, age band…), at the first period it was computed for. */
function composition(ctx: ReportContext): Block[] {
  const blocks: Block[] = [];
  const seen = new Set<string>();
  for (const indicator of ctx.indicators) {
    const history = ctx.history(indicator.code);
    for (const overall of history) {
      const rows = ctx.view.figures.filter((f) => f.indicator === indicator.code && f.period === overall.period && f.segment !== '');
      const columns = [...new Set(rows.map((f) => f.segment.slice(0, f.segment.indexOf(' = '))))];
      for (const column of columns) {
        if (seen.has(column) || column === '') continue;
        const parts = rows.filter((f) => f.segment.startsWith(`${column} = `)).map((f) => ({ f, row: ctx.rowOf.get(f)! }));
        const totalRow = ctx.rowOf.get(overall)!;
        if (totalRow.n === null || parts.some((p) => p.row.n === null)) continue;
        seen.add(column);
        const about = `${indicator.code} ${overall.period} : ${column}`;
        const safe = outwardBreakdown(totalRow.n, parts.map((p) => p.row.n!), ctx.audience);
        // Nothing to show (every group hidden): no table, the hidden groups noted all the same.
        if (safe.parts.every((c) => c.hidden)) {
          parts.forEach((p) => ctx.hide(`${about} = ${p.f.segment.slice(column.length + 3)}`, 'small'));
          continue;
        }
        safe.parts.forEach((c, i) => c.hidden && ctx.hide(`${about} = ${parts[i]!.f.segment.slice(column.length + 3)}`, safe.derivable.includes(i) ? 'derivable' : 'small'));
        const name = ctx.input.questions.find((q) => q.key === column)?.label || column;
        blocks.push({
          kind: 'table',
          caption: ctx.m.composition(name, overall.period),
          head: [name, ctx.m.peopleHead],
          rows: parts.map((p, i) => {
            const c = safe.parts[i]!;
            const label = p.f.segment.slice(column.length + 3);
            const cell: Inline = c.hidden
              ? { kind: 'hidden', text: ctx.m.hidden(ctx.threshold), about: `${about} = ${label}` }
              : { kind: 'shown', text: `${count(ctx.lang, c.k!)} (${percent(ctx.lang, (100 * c.k!) / totalRow.n!)})`, about: `${about} = ${label}`, n: totalRow.n!, k: c.k! };
            return [say(label), [cell]];
          }),
        });
      }
      break; // the first period with groups says who answered at the start
    }
  }
  return blocks;
}

function baselines(ctx: ReportContext): Block[] {
  const items: Text[] = [];
  for (const indicator of ctx.indicators) {
    if (indicator.method === 'change') continue;
    const first = ctx.history(indicator.code)[0];
    if (!first || ctx.history(indicator.code).length < 2) continue;
    const interval = intervalInline(ctx, first, indicator.unit);
    items.push(say(`${indicatorTitle(indicator)} : `, figureInline(ctx, indicator, first), ` ${ctx.m.startingPoint(first.period)}`, ...(interval.length > 0 ? ['. ', ...interval] : []), '.'));
  }
  return items.length > 0 ? [{ kind: 'paragraph', text: say(ctx.m.baselineLevels) }, { kind: 'list', items }] : [];
}

function publicSection(ctx: ReportContext): Section {
  const blocks = [...respondents(ctx), ...composition(ctx), ...baselines(ctx)];
  return { id: 'public', title: ctx.m.section.public, blocks: blocks.length > 0 ? blocks : [empty(ctx.m.noSurveys)] };
}

function demarche(ctx: ReportContext): Section {
  const m = ctx.m;
  const blocks: Block[] = [];
  const question = ctx.rubric('question');
  if (question) blocks.push({ kind: 'paragraph', text: say(question), tone: 'lead' });
  else {
    blocks.push(empty(m.noQuestion));
    // A framework's question still to adapt is already noted by the rubric.
    if (!ctx.toComplete.some((t) => t.includes(termLabel('approachItem', 'question', ctx.lang)))) ctx.toComplete.push(m.toCompleteQuestion);
  }
  const definitions: Array<{ term: string; text: Text }> = [];
  for (const [id, term] of [['scope', m.scope], ['stakeholders', m.stakeholders]] as const) {
    const text = ctx.rubric(id);
    if (text) definitions.push({ term, text: say(text) });
  }
  if (definitions.length > 0) blocks.push({ kind: 'definitions', items: definitions });
  blocks.push({ kind: 'paragraph', text: say(m.theory) });
  if (ctx.outcomes.length === 0) blocks.push(empty(m.noOutcomes));
  else {
    blocks.push({
      kind: 'list',
      items: ctx.outcomes.map((o) => {
        const measures = ctx.indicators.filter((i) => i.outcome === o.id).map((i) => `${indicatorTitle(i)}${ctx.primaries.includes(i.code) ? ` (${m.primaryMark})` : ''}`);
        const level = o.level ? termLabel('level', o.level as never, ctx.lang) : '';
        return say(m.outcomeLine(o.id, o.change, level), ...(measures.length > 0 ? [` — ${m.measuredBy}${measures.join(' ; ')}`] : []));
      }),
    });
  }
  blocks.push({ kind: 'paragraph', text: say(ctx.primaries.length > 0 ? m.primaries(ctx.primaries.join(', ')) : m.noPrimaries), tone: 'note' });
  return { id: 'demarche', title: m.section.demarche, blocks };
}

function methode(ctx: ReportContext): Section {
  const m = ctx.m;
  const blocks: Block[] = [];
  const surveys = surveysInScope(ctx).map((id) => ctx.input.surveys.find((s) => s.id === id)!);
  // Design: before/after when a change indicator pairs people, else repeated or single measures.
  const wavesOf = (id: string) => ctx.input.surveyChecks.filter((c) => c.survey.toLowerCase() === id.toLowerCase() && c.wave !== '').map((c) => c.wave);
  const designs: Text[] = surveys.map((s) => {
    const waves = wavesOf(s.id);
    const paired = ctx.indicators.some((i) => i.method === 'change' && i.source.type === 'survey' && i.source.survey.toLowerCase() === s.id.toLowerCase());
    const list = waves.join(m.then);
    return say(`${s.id} : `, paired && waves.length >= 2 ? m.beforeAfter(list) : waves.length >= 2 ? m.repeated(waves.join(', ')) : m.single(waves[0] ?? s.wave));
  });
  blocks.push({ kind: 'paragraph', text: say(m.design) }, designs.length > 0 ? { kind: 'list', items: designs } : empty(m.noSurveyDesign));
  if (surveys.length > 0) {
    blocks.push({ kind: 'paragraph', text: say(m.whoAsked) });
    const items: Text[] = [];
    for (const s of surveys) {
      const mode = s.mode ? termId('surveyMode', s.mode) : null;
      const facts = [s.mode ? m.mode(mode ? termLabel('surveyMode', mode, ctx.lang) : s.mode) : '', s.tool ? m.tool(s.tool) : '', s.sampling ? m.sampling(s.sampling.replace(/[\s.]+$/, '')) : m.samplingMissing].filter(Boolean);
      items.push(say(`${m.surveyLine(s.id, s.name)} — ${facts.join(' ; ')}.`));
      for (const c of ctx.input.surveyChecks.filter((x) => x.survey.toLowerCase() === s.id.toLowerCase())) {
        const line: Inline[] = [m.respondents(c.wave), ctx.count(c.respondents, null, `${c.survey} ${c.wave} : répondants`, (k) => `${count(ctx.lang, k)} ${m.answers(k)}`), ' ; '];
        if (c.invited !== null) {
          line.push(m.responseRate, ctx.count(c.respondents, c.invited, `${c.survey} ${c.wave} : taux de réponse`, (k) => `${count(ctx.lang, k)}${m.responseRateOf(count(ctx.lang, c.invited!))} (${percent(ctx.lang, (100 * k) / c.invited!)})`));
        } else line.push(m.invitedUnknown);
        if (c.proxies > 0) line.push(' ; ', m.proxyShare, ctx.count(c.proxies, c.typeKnown, `${c.survey} ${c.wave} : réponses par un proche`, (k) => percent(ctx.lang, (100 * k) / c.typeKnown)));
        line.push('.');
        items.push(line);
      }
    }
    blocks.push({ kind: 'list', items });
    const interviewers = ctx.rubric('interviewers');
    const selfOnly = surveys.every((s) => termId('surveyMode', s.mode ?? '') === 'self');
    blocks.push({ kind: 'definitions', items: [{ term: m.interviewers, text: say(interviewers ?? (selfOnly ? m.selfAdministered : m.interviewersMissing)) }] });
    blocks.push({ kind: 'paragraph', text: say(m.instruments) }, { kind: 'list', items: instruments(ctx) });
  }
  const period = ctx.rubric('period');
  const waves = [...new Set(ctx.input.surveyChecks.map((c) => c.wave).filter(Boolean))];
  const periodText: Inline[] = [...(period ? [period, ' '] : []), ...(waves.length > 0 ? [m.wavesSeen(waves.join(', '))] : [])];
  if (periodText.length > 0) blocks.push({ kind: 'definitions', items: [{ term: m.periodCovered, text: periodText }] });
  blocks.push({ kind: 'paragraph', text: say(m.methodsNote), tone: 'note' });
  return { id: 'methode', title: m.section.methode, blocks };
}

/** The validated scales the indicators in scope read (with source and licence), then the home-made questions. */
function instruments(ctx: ReportContext): Text[] {
  const m = ctx.m;
  const read = new Set(ctx.indicators.flatMap((i) => (i.source.type === 'survey' ? i.source.questions.map((q) => `${i.source.type === 'survey' ? i.source.survey : ''}\u0000${q}`.toLowerCase()) : [])));
  const questions = ctx.input.questions.filter((q) => read.has(`${q.survey}\u0000${q.key}`.toLowerCase()));
  const items: Text[] = [];
  for (const id of [...new Set(questions.map((q) => q.scale).filter(Boolean))]) {
    const scale = scaleById(id);
    if (!scale) continue;
    items.push(say(m.scaleLine(scale.name[ctx.lang], scale.licence[ctx.lang]), ` ${m.scaleSource}${scale.sources.map((s) => `${s.label} (${s.url})`).join(' ; ')}.`));
  }
  const homemade = questions.filter((q) => !q.scale).length;
  if (homemade > 0) items.push(say(m.homemade(homemade)));
  return items;
}

function resultats(ctx: ReportContext): Section {
  const charts = reportCharts(ctx, { all: false });
  const sections: Section[] = ctx.outcomes.map((o) => {
    const indicators = ctx.indicators.filter((i) => i.outcome === o.id);
    const blocks: Block[] = [];
    for (const indicator of indicators) {
      blocks.push({ kind: 'results', cards: [resultCard(ctx, indicator)] });
      for (const chart of charts.get(indicator.code) ?? []) blocks.push({ kind: 'chart', chart });
    }
    return { id: `resultats-${o.id}`, title: `${o.id} — ${o.change}`, blocks: blocks.length > 0 ? blocks : [empty(ctx.m.noIndicatorsFor)] };
  });
  const hasValues = ctx.indicators.some((i) => currentOf(ctx, i.code).current !== null);
  return {
    id: 'resultats', title: ctx.m.section.resultats,
    blocks: ctx.outcomes.length === 0 ? [empty(ctx.m.noOutcomes)] : hasValues ? [] : [empty(ctx.m.noValues)],
    sections,
  };
}

function paroles(ctx: ReportContext, quotes: QuoteSelection): Section {
  const m = ctx.m;
  const total = ctx.input.observations.length;
  if (quotes.eligible === 0) return { id: 'paroles', title: m.section.paroles, blocks: [empty(m.noQuotes(total, ctx.audienceLabel))] };
  // Theme by theme as the rule chose them, whether or not the synthèse already printed one beside a key result.
  const sections: Section[] = quotes.themes
    .filter((t) => t.quotes.length > 0)
    .map((t) => {
      const outcome = ctx.outcome(t.code.outcome);
      const title = t.code.kind === 'outcome' ? `${t.code.id} — ${t.code.label}` : `${outcome ? `${outcome.id} › ` : ''}${t.code.label}`;
      return { id: `paroles-${t.code.id}`, title, blocks: [{ kind: 'quotes', quotes: t.quotes.map((q) => quoteView(ctx, q.id)) }] };
    });
  const rule = `${m.quotesAmong(quotes.eligible, ctx.audienceLabel)} ${quoteRuleText(QUOTES_PER_THEME, ctx.lang)}`;
  return { id: 'paroles', title: m.section.paroles, blocks: [{ kind: 'paragraph', text: say(rule), tone: 'note' }], sections };
}

function decisions(ctx: ReportContext): Section {
  const list = decisionsInScope(ctx, (d) => d.status !== 'dropped');
  return { id: 'decisions', title: ctx.m.section.decisions, blocks: list.length > 0 ? [decisionsTable(ctx, list)] : [empty(ctx.m.noDecisions)] };
}

/** « proportion ; compte : « Assez » ou « Beaucoup » à la question « … » ; unité % ; sens souhaité : hausse… » */
function dictionaryEntry(ctx: ReportContext, i: Indicator): Text {
  const p = ctx.m.dictionaryParts;
  const lang = ctx.lang;
  const parts: string[] = [];
  const outcome = ctx.outcome(i.outcome);
  if (outcome) parts.push(`${p.outcome} : ${outcome.id}`);
  parts.push(`${p.method} : ${termLabel('method', i.method, lang)}`);
  if (i.source.type === 'survey') {
    const source = i.source;
    const labels = source.questions.map((key) => ctx.input.questions.find((q) => q.survey.toLowerCase() === source.survey.toLowerCase() && q.key === key)?.label ?? key);
    parts.push(`${p.source} : ${termLabel('sourceType', 'survey', lang)} ${source.survey}`, `${p.questions} : ${labels.map((l) => `« ${l} »`).join(', ')}`);
    if (i.condition) {
      const levels = source.questions.length === 1 ? ctx.input.questions.find((q) => q.key === source.questions[0])?.levels : undefined;
      parts.push(`${p.condition} : ${conditionText(i.condition, levels)}`);
    }
  } else if (i.source.type === 'observations') parts.push(`${p.source} : ${termLabel('sourceType', 'observations', lang)}`, `${p.tags} : ${i.source.tags.join(', ')}`);
  else parts.push(`${p.source} : ${termLabel('sourceType', 'manual', lang)}`);
  if (i.unit) parts.push(`${p.unit} : ${i.unit}`);
  parts.push(`${p.direction} : ${termLabel('direction', i.direction, lang)}`);
  if (i.targets.length > 0) parts.push(`${p.targets} : ${i.targets.map((t) => `${t.period} : ${t.value}`).join(' ; ')}`);
  if (i.disaggregation.length > 0) parts.push(`${p.breakdown} : ${i.disaggregation.join(', ')}`);
  parts.push(`${p.respondents} : ${termLabel('respondentRule', i.respondentRule, lang)}`);
  if (i.minN > 0) parts.push(`${p.minN} : ${i.minN}`);
  return say(`${parts.join(' ; ')}.`);
}

function annexes(ctx: ReportContext, hiddenCount: () => number): Section {
  const m = ctx.m;
  const dictionary: Section = {
    id: 'dictionnaire', title: m.section.dictionnaire,
    blocks: ctx.indicators.length > 0 ? [{ kind: 'definitions', items: ctx.indicators.map((i) => ({ term: indicatorTitle(i), text: dictionaryEntry(ctx, i) })) }] : [empty(m.noOutcomes)],
  };
  const privacy: Section = {
    id: 'confidentialite', title: m.section.confidentialite,
    blocks: [{ kind: 'list', items: [...m.privacy(ctx.threshold, ctx.internal).map((t) => say(t)), say(m.hiddenCount(hiddenCount()))] }],
  };
  const provenance: Section = {
    id: 'provenance', title: m.section.provenance,
    blocks: [{
      kind: 'list',
      items: [
        say(m.provenance(ctx.input.organisation, longDate(ctx.lang, ctx.input.generatedAt))),
        ...surveysInScope(ctx).map((id) => {
          const s = ctx.input.surveys.find((x) => x.id === id)!;
          const waves = ctx.input.surveyChecks.filter((c) => c.survey === id).map((c) => c.wave).filter(Boolean);
          return say(m.surveyProvenance(id, s.tool, waves.join(', ')));
        }),
        say(m.observationProvenance(ctx.input.observations.length)),
      ],
    }],
  };
  return { id: 'annexes', title: m.section.annexes, blocks: [], sections: [dictionary, privacy, provenance], newPage: true };
}

export const RAPPORT: DocumentKindSpec = {
  id: 'rapport',
  defaultAudience: 'funders',
  audiences: ['funders', 'public', 'team'],
  layout: 'pages',
  build(ctx) {
    const quotes = documentQuotes(ctx);
    const sections = [synthese(ctx, quotes), publicSection(ctx), demarche(ctx), methode(ctx), resultats(ctx), paroles(ctx, quotes)];
    // Limits and annexes count what was hidden, so they are written last, in their place.
    const decisionSection = decisions(ctx);
    const limitSection: Section = { id: 'limites', title: ctx.m.section.limites, blocks: [] };
    limitSection.blocks.push({ kind: 'list', items: limits(ctx, () => ctx.hidden.length) });
    return [...sections, limitSection, decisionSection, annexes(ctx, () => ctx.hidden.length)];
  },
};
