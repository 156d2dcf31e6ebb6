/**
 * The « Vérifier » advice on questionnaires: the wording and design rules of `wording-rules.json` applied to the
 * registry's surveys and questions. Advice only, never an error: each names the cell and says how to fix it.
 */
import * as z from 'zod';
import type { Lang } from '../contract/words';
import type { Indicator, Question, Registry } from '../registry/model';
import { SCALE_IDS } from '../scales/ids';
import { fold } from '../text/fold';
import { gridRuns } from './instrument';
import { fill } from './texts';
import rulesFile from './wording-rules.json';

const Words = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();
const ExampleQuestion = z
  .object({ key: z.string().optional(), label: z.string().min(1), type: z.string(), levels: z.string().optional(), scale: z.string().optional() })
  .strict();
const Rule = z
  .object({
    id: z.string().regex(/^[a-z-]+$/),
    kind: z.enum(['label-pattern', 'long-question', 'unbalanced-scale', 'no-neutral-no-dont-know', 'long-grid', 'change-without-person-code', 'unlicensed-scale']),
    title: Words,
    message: Words,
    params: z.record(z.string(), z.unknown()),
    example: z
      .object({
        survey: z.object({ mode: z.string() }).strict().optional(),
        questions: z.array(ExampleQuestion).min(1),
        indicators: z.array(z.object({ method: z.string(), questions: z.array(z.string()) }).strict()).optional(),
      })
      .strict(),
  })
  .strict();
export const WordingRules = z.object({ about: z.string(), rules: z.array(Rule).min(1) }).strict();
export type WordingRule = z.infer<typeof Rule>;

/** Checked by a test against `WordingRules`, not when the bundle loads. */
export const WORDING_RULES = (rulesFile as z.infer<typeof WordingRules>).rules;

export interface Advice {
  rule: string;
  tab: 'questions' | 'indicators' | 'surveys';
  row: number;
  /** The contract key of the column the advice is about. */
  column: string;
  message: string;
}

export interface AdviceInput {
  lang: Lang;
  registry: Pick<Registry, 'surveys' | 'questions' | 'indicators'>;
  approach: ReadonlyArray<{ item: string; content: string }>;
}

/** Lowercase, straight apostrophes, single spaces; accents kept (« où » is not « ou »). */
function lower(text: string): string {
  return text.replace(/[\u2019\u2018\u02bc]/g, "'").replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLowerCase();
}

function withoutParentheses(text: string): string {
  let out = text;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/\([^()]*\)/g, ' ');
  }
  return out.replace(/\s+/g, ' ').trim();
}
const regexes = (list: unknown) => (list as string[]).map((p) => new RegExp(p, 'iu'));
const words = (list: unknown) => list as string[];

/** A validated scale's items keep their authors' wording: wording advice would be advice to break the scale. */
const isScaleItem = (q: Question) => q.scale !== '';
const isChoice = (q: Question) => (q.type === 'likert' || q.type === 'single') && q.levels.length >= 2;

function wordCount(label: string): number {
  return withoutParentheses(label).split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

/** Whether a word list entry starts a word of the text (short entries must be the whole word). */
function hasWord(text: string, entry: string): boolean {
  const escaped = entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const end = entry.length <= 4 ? `(?=[\\s,.;:!?)'(]|$)` : '';
  return new RegExp(`(^|[\\s'(])${escaped}${end}`, 'iu').test(text);
}

type Polarity = 'positive' | 'negative' | 'neutral';

function polarity(level: string, params: Record<string, unknown>): Polarity {
  const t = lower(level);
  if (regexes(params.neutral).some((r) => r.test(t))) return 'neutral';
  if (words(params.negative).some((w) => hasWord(t, w))) return 'negative';
  const positive = words(params.positive).find((w) => hasWord(t, w));
  if (!positive) return 'neutral';
  // « un peu satisfait » is a little satisfied; « peu satisfait » is not satisfied.
  const before = t.slice(0, t.search(new RegExp(positive.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu'))).replace(/\bun peu\b/g, '');
  return words(params.negators).some((n) => hasWord(before, n)) ? 'negative' : 'positive';
}

function indicatorsReading(indicators: readonly Indicator[], q: Question): Indicator[] {
  return indicators.filter((i) => i.source.type === 'survey' && i.source.survey.toLowerCase() === q.survey.toLowerCase() && i.source.questions.some((k) => fold(k) === fold(q.key)));
}

export function questionnaireAdvice(input: AdviceInput, rules: readonly WordingRule[] = WORDING_RULES): Advice[] {
  const { lang, registry } = input;
  const out: Advice[] = [];
  const questionAdvice = (rule: WordingRule, q: Question, column: string, values: Record<string, string | number> = {}) =>
    out.push({ rule: rule.id, tab: 'questions', row: q.row, column, message: fill(rule.message[lang], { label: q.label || q.key, ...values }) });

  for (const rule of rules) {
    const p = rule.params;
    switch (rule.kind) {
      case 'label-pattern': {
        const patterns = regexes(p.patterns);
        const except = regexes(p.except ?? []);
        for (const q of registry.questions) {
          if (isScaleItem(q) || q.label === '') continue;
          const text = lower(p.outsideParentheses ? withoutParentheses(q.label) : q.label);
          if (except.some((r) => r.test(text))) continue;
          const match = patterns.map((r) => r.exec(text)).find((m) => m !== null);
          if (match) questionAdvice(rule, q, 'label', { match: match[0].replace(/^[\s'(]+|[\s)]+$/g, '') });
        }
        break;
      }
      case 'long-question': {
        const max = Number(p.maxWords);
        for (const q of registry.questions) {
          if (isScaleItem(q)) continue;
          const n = wordCount(q.label);
          if (n > max) questionAdvice(rule, q, 'label', { words: n, max });
        }
        break;
      }
      case 'unbalanced-scale': {
        for (const q of registry.questions) {
          if (isScaleItem(q) || !isChoice(q) || q.levels.length < 3) continue;
          const counts = { positive: 0, negative: 0, neutral: 0 };
          for (const level of q.levels) counts[polarity(level, p)]++;
          if (counts.positive > 0 && counts.negative > 0 && counts.positive !== counts.negative) questionAdvice(rule, q, 'levels', { positive: counts.positive, negative: counts.negative });
        }
        break;
      }
      case 'no-neutral-no-dont-know': {
        const unsure = regexes(p.unsure);
        const neutral = regexes(p.neutral);
        for (const q of registry.questions) {
          if (isScaleItem(q) || !isChoice(q) || (q.nonAnswers ?? []).length > 0) continue;
          if (q.levels.some((l) => neutral.some((r) => r.test(lower(l))))) continue;
          const opinion = unsure.some((r) => r.test(lower(q.label)));
          const proxy = indicatorsReading(registry.indicators, q).some((i) => i.respondentRule === 'proxy');
          if (!opinion && !proxy) continue;
          const why = (opinion ? p.whyOpinion : p.whyProxy) as Record<Lang, string>;
          questionAdvice(rule, q, 'levels', { why: why[lang] });
        }
        break;
      }
      case 'long-grid': {
        const max = Number(p.maxRows);
        const modes = words(p.modes);
        for (const survey of registry.surveys) {
          if (!survey.mode || !modes.includes(survey.mode)) continue;
          const own = registry.questions.filter((q) => q.survey.toLowerCase() === survey.id.toLowerCase());
          for (const run of gridRuns(own, max + 1)) questionAdvice(rule, run[0]!, 'levels', { rows: run.length, max, last: run[run.length - 1]!.label });
        }
        break;
      }
      case 'change-without-person-code': {
        for (const survey of registry.surveys) {
          const own = registry.questions.filter((q) => q.survey.toLowerCase() === survey.id.toLowerCase());
          if (own.some((q) => q.type === 'identifier')) continue;
          const change = registry.indicators.find((i) => i.method === 'change' && i.source.type === 'survey' && i.source.survey.toLowerCase() === survey.id.toLowerCase());
          if (change) out.push({ rule: rule.id, tab: 'indicators', row: change.row, column: 'method', message: fill(rule.message[lang], { indicator: change.code, survey: survey.id }) });
        }
        break;
      }
      case 'unlicensed-scale': {
        const free = new Set<string>(SCALE_IDS);
        const licenceWords = words(p.licenceWords);
        const licences = input.approach.filter((row) => licenceWords.some((w) => fold(row.item).includes(w))).map((row) => fold(`${row.item} ${row.content}`));
        const holders = p.holders as Record<string, string>;
        const seen = new Set<string>();
        for (const q of registry.questions) {
          const scale = fold(q.scale);
          if (scale === '' || free.has(scale) || licences.some((l) => l.includes(scale))) continue;
          const once = `${fold(q.survey)}\u0000${scale}`;
          if (seen.has(once)) continue;
          seen.add(once);
          const holder = holders[scale] ?? (p.unknownHolder as Record<Lang, string>)[lang];
          questionAdvice(rule, q, 'scale', { survey: q.survey, scale: q.scale, holder });
        }
        break;
      }
    }
  }
  return out;
}
