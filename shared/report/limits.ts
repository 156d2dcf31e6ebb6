/**
 * The limits of the evaluation, written from what the registry knows: the design (no comparison group; before/after
 * and regression to the mean), the checks of each survey wave (proxies, response rate, people lost — their counts
 * through the gate), the flags of the indicators in scope (interviewer or mode gaps, ceiling, non-response, a test
 * that cannot conclude — named, never counted), small numbers and the figures hidden.
 */
import type { FlagCode } from '../indicators/model';
import type { ReportContext } from './context';
import { count, percent, say } from './messages';
import type { Text } from './model';

/** « I5 (soutien) et I7 (solitude) ». */
function names(ctx: ReportContext, codes: readonly string[]): string {
  const list = codes.map((code) => {
    const indicator = ctx.indicator(code);
    return indicator?.name ? `${code} (${indicator.name})` : code;
  });
  if (list.length <= 1) return list.join('');
  const and = ctx.m.and;
  return `${list.slice(0, -1).join(', ')}${and}${list[list.length - 1]}`;
}

/** The indicators in scope whose values carry one of `codes`. */
function flagged(ctx: ReportContext, codes: readonly FlagCode[]): string[] {
  const inScope = new Set(ctx.indicators.map((i) => i.code));
  const found = new Set<string>();
  for (const row of ctx.input.values) if (inScope.has(row.indicator) && row.flags.some((f) => codes.includes(f.code))) found.add(row.indicator);
  return ctx.indicators.map((i) => i.code).filter((code) => found.has(code));
}

/** The surveys the indicators in scope read. */
export function surveysInScope(ctx: ReportContext): string[] {
  const ids = new Set<string>();
  for (const i of ctx.indicators) if (i.source.type === 'survey') ids.add(i.source.survey.toLowerCase());
  return ctx.input.surveys.map((s) => s.id).filter((id) => ids.has(id.toLowerCase()));
}

export function limits(ctx: ReportContext, hiddenInDocument: () => number): Text[] {
  const m = ctx.m;
  const out: Text[] = [say(m.noComparison)];
  const paired = ctx.indicators.some((i) => i.method === 'change');
  if (paired) out.push(say(m.regression));
  const surveys = new Set(surveysInScope(ctx).map((s) => s.toLowerCase()));
  const checks = ctx.input.surveyChecks.filter((c) => surveys.has(c.survey.toLowerCase()));
  const selfOnly = ctx.indicators.filter((i) => i.respondentRule === 'self' && i.source.type === 'survey').map((i) => i.code);
  const withProxies = ctx.indicators.filter((i) => i.respondentRule === 'proxy' && i.source.type === 'survey').map((i) => i.code);
  for (const check of checks) {
    const wave = checks.filter((c) => c.survey === check.survey).length > 1 || checks.length > 1 ? `${check.survey} ${check.wave}`.trim() : check.wave;
    if (check.proxies > 0) {
      const share = ctx.count(check.proxies, check.typeKnown, `${check.survey} ${check.wave} : réponses par un proche`, (k) => percent(ctx.lang, (100 * k) / check.typeKnown));
      const sentence: Text = [m.proxyLimit(wave), share, ...(selfOnly.length > 0 ? [m.proxySelf(names(ctx, selfOnly))] : []), ...(withProxies.length > 0 ? [m.proxyMixed(names(ctx, withProxies))] : []), '.'];
      out.push(sentence);
    }
    if (check.attrition && check.attrition.lost > 0) {
      const a = check.attrition;
      const lost = ctx.count(a.lost, a.seen, `${check.survey} ${check.wave} : perdus de vue`, (k) => `${count(ctx.lang, k)} ${m.people(k)} (${percent(ctx.lang, (100 * k) / a.seen)})`);
      const seen = ctx.count(a.seen, null, `${check.survey} ${a.since} : personnes vues`, (k) => count(ctx.lang, k));
      out.push(say(`${m.attritionLimit(a.since, check.wave)} (${check.survey}) : `, lost, m.attritionOf, seen, m.attritionTail));
    }
    if (check.invited !== null && check.responseRate !== null && check.responseRate < 0.5) {
      const rate = ctx.count(check.respondents, check.invited, `${check.survey} ${check.wave} : taux de réponse`, (k) => percent(ctx.lang, (100 * k) / check.invited!));
      out.push(say(`${m.responseRate}`, rate, ` (${wave})`, m.responseLow));
    }
  }
  if (checks.length > 0 && checks.every((c) => c.invited === null)) out.push(say(m.responseUnknown));
  const largest = Math.max(0, ...checks.map((c) => c.respondents));
  if (checks.length > 0 && largest < 100) {
    const n = ctx.count(largest, null, 'plus grande vague : répondants', (k) => `${count(ctx.lang, k)} ${m.answers(k)}`);
    out.push(say(m.smallNumbers, n, m.smallNumbersTail));
  }
  const gaps: Array<[FlagCode[], (names: string) => string]> = [
    [['interviewer_gap'], m.interviewerGap],
    [['mode_gap'], m.modeGap],
    [['ceiling', 'floor'], m.ceiling],
    [['item_nonresponse'], m.nonResponse],
    [['test_not_informative'], m.notInformative],
  ];
  for (const [codes, sentence] of gaps) {
    const list = flagged(ctx, codes);
    if (list.length > 0) out.push(say(sentence(names(ctx, list))));
  }
  if (ctx.input.surveys.length > 0) out.push(say(m.selfReported));
  const hidden = hiddenInDocument();
  if (hidden > 0) out.push(say(m.hiddenFigures(hidden, ctx.threshold)));
  return out;
}
