/**
 * Scoring of the free validated scales. Pure: no platform API (runs in Apps Script, the extension and Node).
 *
 * Answers are keyed by the scale's item keys (`who5_1`…`who5_5`, `ucla3_1`…`ucla3_3`; template questions that feed a
 * scale use these keys). An answer may be:
 *  - a level label, French or English, tolerant of case, accents, apostrophes (’ vs '), inner and trailing spaces;
 *  - a number, or a numeric string, equal to one of the scale's level scores (WHO-5: 0–5; UCLA-3: 1–3);
 *  - null, undefined, an empty string, or a non-answer (« Ne sait pas », « Non concerné », « Préfère ne pas
 *    répondre », their English equivalents): counted as missing, never as a midpoint.
 *
 * Missing items: both scales give no score when any item is missing (see each scale file's `scoring.missing`).
 * An answer that is neither a level nor a non-answer is reported as invalid rather than silently dropped.
 */
import { fold } from '../text/fold';
import { isMissingAnswer } from '../survey/values';
import { SCALES, scaleById } from './index';
import type { Scale, ScaleId } from './schema';

export type ScaleAnswer = string | number | null | undefined;

export type ScoreResult =
  | { ok: true; raw: number; score: number; unit: string }
  | { ok: false; reason: 'missing_items'; missing: string[] }
  | { ok: false; reason: 'invalid_answers'; invalid: { item: string; value: string }[] }
  | { ok: false; reason: 'unknown_scale' };

/** Lower case, no accents, straight apostrophes, single spaces, no trailing full stop. */
export function normaliseLabel(s: string): string {
  return fold(s).replace(/[\s.!]+$/, '');
}

type Lookup = Map<string, number>;
const lookups = new Map<ScaleId, Lookup>();

function lookupFor(scale: Scale): Lookup {
  let m = lookups.get(scale.id);
  if (!m) {
    m = new Map();
    for (const l of scale.levels) {
      m.set(normaliseLabel(l.fr), l.score);
      m.set(normaliseLabel(l.en), l.score);
    }
    lookups.set(scale.id, m);
  }
  return m;
}

type Parsed = { kind: 'missing' } | { kind: 'score'; value: number } | { kind: 'invalid'; value: string };

function parseAnswer(scale: Scale, a: ScaleAnswer): Parsed {
  if (a === null || a === undefined) return { kind: 'missing' };
  const scores = scale.levels.map((l) => l.score);
  if (typeof a === 'number') {
    return Number.isInteger(a) && scores.includes(a) ? { kind: 'score', value: a } : { kind: 'invalid', value: String(a) };
  }
  const n = normaliseLabel(a);
  if (n === '' || isMissingAnswer(n)) return { kind: 'missing' };
  const byLabel = lookupFor(scale).get(n);
  if (byLabel !== undefined) return { kind: 'score', value: byLabel };
  if (/^-?\d+$/.test(n)) {
    const v = Number(n);
    if (scores.includes(v)) return { kind: 'score', value: v };
  }
  return { kind: 'invalid', value: a };
}

/**
 * Score one person's answers to a scale. `answers` may hold other keys (the rest of the questionnaire): only the
 * scale's items are read.
 */
export function scoreScale(scaleId: string, answers: Readonly<Record<string, ScaleAnswer>>): ScoreResult {
  const scale = scaleById(scaleId);
  if (!scale) return { ok: false, reason: 'unknown_scale' };
  const missing: string[] = [];
  const invalid: { item: string; value: string }[] = [];
  let raw = 0;
  for (const item of scale.items) {
    const own = Object.prototype.hasOwnProperty.call(answers, item.key) ? answers[item.key] : undefined;
    const p = parseAnswer(scale, own);
    if (p.kind === 'missing') missing.push(item.key);
    else if (p.kind === 'invalid') invalid.push({ item: item.key, value: p.value });
    else raw += p.value;
  }
  if (invalid.length > 0) return { ok: false, reason: 'invalid_answers', invalid };
  if (missing.length > 0) return { ok: false, reason: 'missing_items', missing };
  return { ok: true, raw, score: raw * scale.scoring.multiplier, unit: scale.scoring.unit };
}

/** The interpretation band of a final score, or undefined when out of range. */
export function interpretScore(scaleId: ScaleId, score: number): { fr: string; en: string } | undefined {
  return SCALES[scaleId].interpretation.find((b) => score >= b.min && score <= b.max)?.label;
}
