/**
 * Finds what identifies a person in a text (emails, phone numbers, names) and replaces it with numbered placeholders
 * (« [Personne 1] », « [Courriel 1] », « [Téléphone 1] »), the same value getting the same placeholder everywhere.
 * Pure: the browser extension runs it before anything leaves the browser; the name list and the originals stay local.
 */

export type FindingKind = 'email' | 'phone' | 'name';

export interface Finding {
  kind: FindingKind;
  /** The text as found. */
  value: string;
  start: number;
  end: number;
  /** Why it was found: a listed name or the capitalised-word heuristic (names only). */
  source: 'pattern' | 'list' | 'heuristic';
}

export interface PseudonymiseOptions {
  /** Names the user listed (people supported, relatives): always replaced, whatever their case. */
  names?: readonly string[];
  /** The capitalised-word heuristic (on by default). */
  heuristic?: boolean;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** French numbers (01 23 45 67 89, 01.23.45.67.89, +33 6 12 34 56 78, 0033…) and international ones (+44 20 7946 0958). */
const PHONE = /(?<![\p{L}\p{N}])(?:(?:\+|00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){6,13}|0[1-9](?:[\s.-]?\d{2}){4})(?![\p{L}\p{N}])/gu;

/** Capitalised words that are not names: French words that start sentences or titles, days, months, places of care. */
const COMMON_WORDS = new Set(
  `le la les l un une des du de d au aux ce cet cette ces il elle ils elles on nous vous je j tu me moi mon ma mes son sa ses
  leur leurs notre nos votre vos qui que quoi quand comme comment pourquoi où ou et mais donc or ni car si alors puis
  ensuite enfin aussi après avant depuis pendant pour par avec sans sous sur dans chez entre vers contre selon malgré
  oui non merci bonjour bonsoir cordialement bonne bon très tout toute tous toutes rien personne chaque aucun aucune
  hier aujourd aujourd'hui demain ce matin soir lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars
  avril mai juin juillet août septembre octobre novembre décembre madame monsieur mademoiselle mme mlle m docteur
  dr maître mère père fille fils sœur frère mamie papi grand maman papa objet re tr fwd réf date note france paris
  lyon marseille europe internet noël pâques the a an and of to in on for with from dear hi hello regards thanks
  mr mrs ms miss`.split(/\s+/u),
);
/** A title makes the next capitalised word a name even at a sentence start (« Mme Dupont dit… »). */
const TITLES = new Set(['m', 'mme', 'mlle', 'madame', 'monsieur', 'mademoiselle', 'dr', 'docteur', 'maître', 'mr', 'mrs', 'ms']);

const CAPITALISED = /\p{Lu}[\p{Ll}'’-]*\p{Ll}(?:-\p{Lu}\p{Ll}+)*/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function overlaps(taken: readonly Finding[], start: number, end: number): boolean {
  return taken.some((f) => start < f.end && end > f.start);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the word at `index` starts a sentence: start of text or line, or after . ! ? … « — or a colon. */
function startsSentence(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /[\s\u00A0"«“(]/u.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?…:;—–-]/u.test(text[i]!);
}

function previousWord(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 20), index);
  const m = /([\p{L}]+)\.?[\s\u00A0]+$/u.exec(before);
  return m ? m[1]!.toLowerCase() : '';
}

function isCommon(word: string): boolean {
  const lower = word.toLowerCase();
  return COMMON_WORDS.has(lower) || COMMON_WORDS.has(lower.split(/['’]/u)[0]!);
}

/** Runs of capitalised words that look like names, skipping sentence starts and common words. */
function heuristicNames(text: string, taken: readonly Finding[]): Finding[] {
  const words: { start: number; end: number; word: string }[] = [];
  for (const m of text.matchAll(CAPITALISED)) {
    const start = m.index;
    const end = start + m[0].length;
    if ((start > 0 && WORD_CHAR.test(text[start - 1]!)) || (end < text.length && WORD_CHAR.test(text[end]!))) continue;
    words.push({ start, end, word: m[0] });
  }
  const out: Finding[] = [];
  let i = 0;
  while (i < words.length) {
    // Group consecutive capitalised words separated by a single space (« Marie Dupont », « Jean-Pierre Martin »).
    let j = i;
    while (j + 1 < words.length && /^[ \u00A0]$/u.test(text.slice(words[j]!.end, words[j + 1]!.start))) j++;
    let run = words.slice(i, j + 1);
    i = j + 1;
    while (run.length > 0 && isCommon(run[0]!.word)) run = run.slice(1);
    if (run.length === 0) continue;
    const first = run[0]!;
    const afterTitle = TITLES.has(previousWord(text, first.start));
    if (!afterTitle && startsSentence(text, first.start) && run.length < 2) continue;
    while (run.length > 0 && isCommon(run.at(-1)!.word)) run = run.slice(0, -1);
    if (run.length === 0) continue;
    const start = run[0]!.start;
    const end = run.at(-1)!.end;
    if (overlaps(taken, start, end) || overlaps(out, start, end)) continue;
    out.push({ kind: 'name', value: text.slice(start, end), start, end, source: 'heuristic' });
  }
  return out;
}

/** Everything that identifies a person in `text`, in text order, never overlapping. */
export function findSensitive(text: string, options: PseudonymiseOptions = {}): Finding[] {
  const found: Finding[] = [];
  const add = (kind: FindingKind, start: number, end: number, source: Finding['source']) => {
    if (!overlaps(found, start, end)) found.push({ kind, value: text.slice(start, end), start, end, source });
  };
  for (const m of text.matchAll(EMAIL)) add('email', m.index, m.index + m[0].length, 'pattern');
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits >= 9 && digits <= 15) add('phone', m.index, m.index + m[0].length, 'pattern');
  }
  const names = [...new Set((options.names ?? []).map((n) => n.trim()).filter((n) => n.length > 1))];
  // Longest first, so « Marie Dupont » wins over « Marie ».
  names.sort((a, b) => b.length - a.length);
  for (const name of names) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(re)) add('name', m.index, m.index + m[0].length, 'list');
  }
  if (options.heuristic !== false) found.push(...heuristicNames(text, found));
  return found.sort((a, b) => a.start - b.start);
}

const LABELS: Record<FindingKind, string> = { name: 'Personne', email: 'Courriel', phone: 'Téléphone' };

/** The key under which a value gets its placeholder: case and spacing do not make a different person. */
export function valueKey(kind: FindingKind, value: string): string {
  return `${kind}:${value.toLowerCase().replace(/[\s.\-()]+/g, kind === 'phone' ? '' : ' ')}`;
}

/** Numbers placeholders per kind in order of first appearance across all the given findings. */
export function placeholdersFor(findings: readonly Finding[]): Map<string, string> {
  const map = new Map<string, string>();
  const counts: Record<FindingKind, number> = { name: 0, email: 0, phone: 0 };
  for (const f of findings) {
    const key = valueKey(f.kind, f.value);
    if (!map.has(key)) map.set(key, `[${LABELS[f.kind]} ${++counts[f.kind]}]`);
  }
  return map;
}

/** Replaces the findings whose value key is accepted by their placeholder. */
export function applyPlaceholders(
  text: string,
  findings: readonly Finding[],
  placeholders: ReadonlyMap<string, string>,
  accepted: (key: string) => boolean = () => true,
): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    const key = valueKey(f.kind, f.value);
    const placeholder = placeholders.get(key);
    if (!placeholder || !accepted(key) || f.start < at) continue;
    out += text.slice(at, f.start) + placeholder;
    at = f.end;
  }
  return out + text.slice(at);
}

/** One-call form: every finding replaced. */
export function pseudonymise(text: string, options: PseudonymiseOptions = {}): string {
  const findings = findSensitive(text, options);
  return applyPlaceholders(text, findings, placeholdersFor(findings));
}

export interface Replacement {
  key: string;
  kind: FindingKind;
  value: string;
  placeholder: string;
}

export interface FieldsAnalysis<F extends string> {
  findings: Record<F, Finding[]>;
  placeholders: Map<string, string>;
  /** Each distinct value once, in order of first appearance: what the user accepts or undoes. */
  replacements: Replacement[];
}

/**
 * Analyses several texts of one record together (the note, the quote with its context, the page title), so that a
 * person keeps the same placeholder in all of them. Fields are numbered in the order given.
 */
export function analyseFields<F extends string>(fields: Record<F, string>, options: PseudonymiseOptions = {}): FieldsAnalysis<F> {
  const findings = {} as Record<F, Finding[]>;
  const all: Finding[] = [];
  for (const name of Object.keys(fields) as F[]) {
    findings[name] = findSensitive(fields[name], options);
    all.push(...findings[name]);
  }
  const placeholders = placeholdersFor(all);
  const replacements: Replacement[] = [];
  const seen = new Set<string>();
  for (const f of all) {
    const key = valueKey(f.kind, f.value);
    if (seen.has(key)) continue;
    seen.add(key);
    replacements.push({ key, kind: f.kind, value: f.value, placeholder: placeholders.get(key)! });
  }
  return { findings, placeholders, replacements };
}

/** The fields with every replacement applied except those whose key the user chose to keep. */
export function pseudonymiseFields<F extends string>(
  fields: Record<F, string>,
  analysis: FieldsAnalysis<F>,
  kept: ReadonlySet<string> = new Set(),
): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const name of Object.keys(fields) as F[]) {
    out[name] = applyPlaceholders(fields[name], analysis.findings[name], analysis.placeholders, (key) => !kept.has(key));
  }
  return out;
}
