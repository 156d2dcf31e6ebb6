/**
 * Checks every row of the registry's definition tabs and reports each problem with its cell and a fix, in French.
 * Invalid rows are left out of the result; valid rows still work, so a registry with errors still opens.
 */
import type { TabKey } from '../contract/tabs';
import { parseCondition } from './condition';
import { readLevels } from './levels';
import { SURVEY_METHODS, type Indicator, type IndicatorSource, type ManualValue, type Outcome, type Question, type Registry, type Survey, type Theme } from './model';
import { parseTargets, PERIOD } from './targets';
import { isYes, termId, termLabel, termLabels, type Lang, type VocabularyKey } from '../contract/words';
import { fold } from '../text/fold';

/** The rows of one tab as read from the sheet, with where each known column sits. */
export interface TabRows {
  /** The tab's current name, as people see it. */
  tab: string;
  sheetId: number;
  /** Column key → column letter (A, B, …). */
  columns: Record<string, string>;
  rows: Array<{ row: number; cells: Record<string, unknown> }>;
}

export type RegistrySnapshot = Partial<Record<Extract<TabKey, 'outcomes' | 'themes' | 'indicators' | 'surveys' | 'questions' | 'values'>, TabRows>> & { lang: Lang };

export interface Problem {
  severity: 'error' | 'warning';
  tab: string;
  sheetId: number;
  /** A1 address of the cell, e.g. F7. */
  cell: string;
  /** « Indicateurs!F7 : … » */
  message: string;
}

export interface Validation {
  registry: Registry;
  problems: Problem[];
}

const text = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : String(value).trim());

function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const t = text(value).replace(/\s/g, '').replace(',', '.').replace(/%$/, '');
  return t !== '' && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

const list = (value: unknown): string[] => text(value).split(',').map((s) => s.trim()).filter(Boolean);

/** A French noun and its gender, so messages agree: « méthode inconnue », « code manquant ». */
interface Noun {
  name: string;
  feminine?: boolean;
}
const agree = (noun: Noun, word: string) => (noun.feminine ? `${word}e` : word);
const N = {
  id: { name: 'identifiant' },
  level: { name: 'niveau' },
  mode: { name: 'mode' },
  survey: { name: 'enquête', feminine: true },
  key: { name: 'clé', feminine: true },
  type: { name: 'type' },
  code: { name: 'code' },
  outcome: { name: 'changement' },
  kind: { name: 'nature', feminine: true },
  method: { name: 'méthode', feminine: true },
  source: { name: 'source', feminine: true },
  direction: { name: 'sens souhaité' },
  granularity: { name: 'périodicité', feminine: true },
  respondentRule: { name: 'règle de répondants', feminine: true },
  indicator: { name: 'indicateur' },
  label: { name: 'libellé' },
  period: { name: 'période', feminine: true },
} satisfies Record<string, Noun>;

class Checker {
  readonly problems: Problem[] = [];
  private rowHasError = false;
  constructor(private readonly rows: TabRows, private readonly lang: Lang) {}

  startRow(): void {
    this.rowHasError = false;
  }
  get ok(): boolean {
    return !this.rowHasError;
  }
  address(key: string, row: number): string {
    return `${this.rows.columns[key] ?? 'A'}${row}`;
  }
  report(severity: Problem['severity'], key: string, row: number, message: string): void {
    if (severity === 'error') this.rowHasError = true;
    const cell = this.address(key, row);
    this.problems.push({ severity, tab: this.rows.tab, sheetId: this.rows.sheetId, cell, message: `${this.rows.tab}!${cell} : ${message}` });
  }
  required(key: string, row: number, value: unknown, what: Noun): string {
    const t = text(value);
    if (t === '') this.report('error', key, row, `${what.name} ${agree(what, 'manquant')}. Remplissez cette cellule ou supprimez la ligne.`);
    return t;
  }
  term<T extends string>(vocabulary: VocabularyKey, key: string, row: number, value: unknown, what: Noun, fallback: T | null): T | null {
    const t = text(value);
    const choices = `Valeurs possibles : ${termLabels(vocabulary, this.lang).join(', ')}.`;
    if (t === '') {
      if (fallback === null) this.report('error', key, row, `${what.name} ${agree(what, 'manquant')}. ${choices}`);
      return fallback;
    }
    const id = termId(vocabulary, t);
    if (id === null) this.report('error', key, row, `${what.name} « ${t} » ${agree(what, 'inconnu')}. ${choices}`);
    return id as T | null;
  }
}

function nonEmptyRows(rows: TabRows | undefined): TabRows['rows'] {
  return (rows?.rows ?? []).filter((r) => Object.values(r.cells).some((v) => text(v) !== ''));
}

/** Flags repeated ids: the second and later occurrences, pointing at the first. */
function uniqueIds<T>(checker: Checker, items: Array<{ id: string; row: number; item: T }>, key: string, what: Noun): T[] {
  const first = new Map<string, number>();
  const kept: T[] = [];
  for (const { id, row, item } of items) {
    const seen = first.get(id.toLowerCase());
    if (seen !== undefined) {
      checker.report('error', key, row, `${what.name} « ${id} » en double (déjà ${agree(what, 'utilisé')} ligne ${seen}). Donnez ${what.feminine ? 'une' : 'un'} ${what.name} unique à chaque ligne.`);
    } else {
      first.set(id.toLowerCase(), row);
      kept.push(item);
    }
  }
  return kept;
}

function readOutcomes(snapshot: RegistrySnapshot, problems: Problem[]): Outcome[] {
  const tab = snapshot.outcomes;
  if (!tab) return [];
  const c = new Checker(tab, snapshot.lang);
  const read: Array<{ id: string; row: number; item: Outcome }> = [];
  for (const { row, cells } of nonEmptyRows(tab)) {
    c.startRow();
    const id = c.required('id', row, cells.id, N.id);
    const change = text(cells.change);
    if (change === '') c.report('warning', 'change', row, 'changement visé non décrit : écrivez ce qui doit changer pour les personnes.');
    const level = c.term<string>('level', 'level', row, cells.level, N.level, '');
    const guid = exchangeGuid(c, row, cells.guid);
    if (c.ok) read.push({ id, row, item: { id, stakeholder: text(cells.stakeholder), change, level: level || null, guid, row } });
  }
  const kept = uniqueIds(c, read, 'id', N.id);
  problems.push(...c.problems);
  return kept;
}

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/** A code's exchange GUID as REFI-QDA writes it (upper case, no braces); a broken one is reported, never guessed. */
function exchangeGuid(c: Checker, row: number, value: unknown): string {
  const guid = text(value);
  if (guid === '') return '';
  if (!GUID.test(guid)) {
    c.report('warning', 'guid', row, `identifiant d’échange « ${guid} » illisible : videz la cellule, Repère en donnera un nouveau au prochain export (les logiciels d’analyse qualitative verront un nouveau code).`);
    return '';
  }
  return guid.replace(/[{}]/g, '').toUpperCase();
}

/** « #1e88e5 », « 1E88E5 » or « #abc » → « #1E88E5 »; null when it is not a colour. */
export function readColour(typed: string): string | null {
  const hex = typed.trim().replace(/^#/, '');
  if (/^[0-9a-f]{6}$/i.test(hex)) return `#${hex.toUpperCase()}`;
  if (/^[0-9a-f]{3}$/i.test(hex)) return `#${[...hex].map((d) => d + d).join('').toUpperCase()}`;
  return null;
}

function readThemes(snapshot: RegistrySnapshot, outcomes: Outcome[], problems: Problem[]): Theme[] {
  const tab = snapshot.themes;
  if (!tab) return [];
  const c = new Checker(tab, snapshot.lang);
  const outcomeIds = new Map(outcomes.map((o) => [o.id.toLowerCase(), o.id]));
  const read: Array<{ id: string; row: number; item: Theme }> = [];
  for (const { row, cells } of nonEmptyRows(tab)) {
    c.startRow();
    const id = c.required('id', row, cells.id, N.id);
    if (id && outcomeIds.has(id.toLowerCase())) c.report('error', 'id', row, `identifiant « ${id} » déjà pris par un changement visé : un thème et un changement ne peuvent porter le même code. Choisissez-en un autre (ex. T1).`);
    if (id.includes(',')) c.report('error', 'id', row, `identifiant « ${id} » : pas de virgule (les thèmes d’une observation sont séparés par des virgules).`);
    const typedOutcome = c.required('outcome', row, cells.outcome, N.outcome);
    const outcome = outcomeIds.get(typedOutcome.toLowerCase()) ?? typedOutcome;
    if (typedOutcome && !outcomeIds.has(typedOutcome.toLowerCase())) c.report('error', 'outcome', row, `changement « ${typedOutcome} » absent de l’onglet Changements. Choisissez un identifiant existant dans la liste.`);
    const label = c.required('label', row, cells.label, N.label);
    let colour = '';
    if (text(cells.colour) !== '') {
      const read = readColour(text(cells.colour));
      if (read === null) c.report('warning', 'colour', row, `couleur « ${text(cells.colour)} » illisible : écrivez-la en #RRVVBB (ex. #1E88E5), ou videz la cellule.`);
      else colour = read;
    }
    const guid = exchangeGuid(c, row, cells.guid);
    if (c.ok) read.push({ id, row, item: { id, outcome, label, description: text(cells.description), colour, guid, row } });
  }
  const kept = uniqueIds(c, read, 'id', N.id);
  problems.push(...c.problems);
  return kept;
}

function readSurveys(snapshot: RegistrySnapshot, problems: Problem[]): Survey[] {
  const tab = snapshot.surveys;
  if (!tab) return [];
  const c = new Checker(tab, snapshot.lang);
  const read: Array<{ id: string; row: number; item: Survey }> = [];
  for (const { row, cells } of nonEmptyRows(tab)) {
    c.startRow();
    const id = c.required('id', row, cells.id, N.id);
    if (id && !/^[A-Za-z0-9_-]{1,40}$/.test(id)) c.report('error', 'id', row, `identifiant « ${id} » : lettres, chiffres, « - » et « _ » seulement (40 au plus).`);
    let invited: number | null = null;
    if (text(cells.invited) !== '') {
      invited = numberOf(cells.invited);
      if (invited === null || invited <= 0 || !Number.isInteger(invited)) {
        c.report('error', 'invited', row, `« ${text(cells.invited)} » n’est pas un nombre de personnes. Écrivez un nombre entier, ex. 120.`);
        invited = null;
      }
    }
    const mode = c.term<string>('surveyMode', 'mode', row, cells.mode, N.mode, '');
    if (c.ok) read.push({ id, row, item: { id, name: text(cells.name), wave: text(cells.wave), invited, mode: mode || null, row } });
  }
  const kept = uniqueIds(c, read, 'id', N.id);
  problems.push(...c.problems);
  return kept;
}

function readQuestions(snapshot: RegistrySnapshot, surveys: Survey[], problems: Problem[]): Question[] {
  const tab = snapshot.questions;
  if (!tab) return [];
  const c = new Checker(tab, snapshot.lang);
  const surveyIds = new Set(surveys.map((s) => s.id.toLowerCase()));
  const read: Array<{ id: string; row: number; item: Question }> = [];
  for (const { row, cells } of nonEmptyRows(tab)) {
    c.startRow();
    const survey = c.required('survey', row, cells.survey, N.survey);
    if (survey && !surveyIds.has(survey.toLowerCase())) c.report('error', 'survey', row, `enquête « ${survey} » absente de l’onglet Enquêtes. Ajoutez-la ou corrigez l’identifiant.`);
    const key = c.required('key', row, cells.key, N.key);
    const type = c.term<Question['type']>('questionType', 'type', row, cells.type, N.type, null);
    const { levels, nonAnswers } = readLevels(text(cells.levels));
    if (type === 'likert' && levels.length < 2) c.report('error', 'levels', row, 'une échelle a besoin de ses modalités, de la plus basse à la plus haute, séparées par « | ».');
    if (type === 'number' && levels.length > 0 && numberBounds(levels) === null) {
      c.report('error', 'levels', row, `bornes « ${text(cells.levels)} » illisibles : pour un nombre, écrivez la plus petite et la plus grande valeur possibles, ex. « 0 | 10 », ou laissez vide.`);
    }
    if (c.ok && type) {
      read.push({
        id: `${survey} / ${key}`,
        row,
        item: {
          survey, key, label: text(cells.label), type, levels, ...(nonAnswers.length > 0 && { nonAnswers }),
          scale: text(cells.scale).toLowerCase(), reversed: isYes(text(cells.reversed)), waves: list(cells.waves), row,
        },
      });
    }
  }
  const kept = uniqueIds(c, read, 'key', N.key);
  problems.push(...c.problems);
  return kept;
}

/** A number question's « Modalités »: its smallest and largest possible values (« 0 | 10 »); null when unreadable. */
export function numberBounds(levels: readonly string[]): { min: number; max: number } | null {
  if (levels.length !== 2) return null;
  const [min, max] = levels.map(numberOf);
  return min !== null && min !== undefined && max !== null && max !== undefined && min < max ? { min, max } : null;
}

type Method = Indicator['method'];
/** Which question types each survey-based method can work from. */
const FITTING_TYPES: Record<string, ReadonlyArray<Question['type']>> = {
  proportion: ['number', 'single', 'multiple', 'likert', 'date'],
  mean: ['number', 'likert'],
  median: ['number', 'likert'],
  sum: ['number'],
  scale: ['likert', 'number'],
  change: ['number', 'likert', 'single'],
  count: ['identifier', 'timestamp', 'date', 'number', 'single', 'multiple', 'likert', 'text'],
};

function readIndicators(snapshot: RegistrySnapshot, outcomes: Outcome[], themes: Theme[], surveys: Survey[], questions: Question[], problems: Problem[]): Indicator[] {
  const tab = snapshot.indicators;
  if (!tab) return [];
  // What an observations indicator may name: a theme or an outcome, by its id or its label.
  const codebook = new Set([...outcomes.flatMap((o) => [o.id, o.change]), ...themes.flatMap((t) => [t.id, t.label])].map(fold));
  const c = new Checker(tab, snapshot.lang);
  const outcomeIds = new Set(outcomes.map((o) => o.id.toLowerCase()));
  const surveyIds = new Set(surveys.map((s) => s.id.toLowerCase()));
  const read: Array<{ id: string; row: number; item: Indicator }> = [];
  for (const { row, cells } of nonEmptyRows(tab)) {
    c.startRow();
    const code = c.required('code', row, cells.code, N.code);
    const name = text(cells.name);
    if (name === '') c.report('warning', 'name', row, 'indicateur sans nom : écrivez en clair ce qu’il mesure.');
    const outcome = c.required('outcome', row, cells.outcome, N.outcome);
    if (outcome && !outcomeIds.has(outcome.toLowerCase())) {
      c.report('error', 'outcome', row, `changement « ${outcome} » absent de l’onglet Changements. Choisissez un identifiant existant dans la liste.`);
    }
    const kind = c.term<Indicator['kind']>('kind', 'kind', row, cells.kind, N.kind, 'quantitative');
    const method = c.term<Method>('method', 'method', row, cells.method, N.method, null);
    const defaultSource = method === 'observations' || method === 'persons' ? 'observations' : method === 'manual' ? 'manual' : 'survey';
    const sourceType = c.term<IndicatorSource['type']>('sourceType', 'sourceType', row, cells.sourceType, N.source, defaultSource);
    let source: IndicatorSource = { type: 'manual' };
    if (method && sourceType) {
      if ((method === 'observations' || method === 'persons') && sourceType !== 'observations') c.report('error', 'sourceType', row, `la méthode « ${text(cells.method)} » se calcule sur la source « observations ».`);
      if (method === 'manual' && sourceType !== 'manual') c.report('error', 'sourceType', row, 'une saisie manuelle a pour source « manuel ».');
      if ((SURVEY_METHODS as readonly string[]).includes(method) && sourceType !== 'survey') c.report('error', 'sourceType', row, `la méthode « ${text(cells.method)} » se calcule sur une enquête : choisissez la source « enquête ».`);
    }
    if (sourceType === 'survey') {
      const survey = c.required('survey', row, cells.survey, N.survey);
      if (survey && !surveyIds.has(survey.toLowerCase())) c.report('error', 'survey', row, `enquête « ${survey} » absente de l’onglet Enquêtes. Ajoutez-la ou corrigez l’identifiant.`);
      const keys = list(cells.questions);
      if (keys.length === 0) c.report('error', 'questions', row, 'indiquez la ou les clés des questions utilisées (onglet Questions), séparées par des virgules.');
      const known = questions.filter((q) => q.survey.toLowerCase() === survey.toLowerCase());
      for (const key of keys) {
        const question = known.find((q) => q.key.toLowerCase() === key.toLowerCase());
        if (!question) {
          if (surveyIds.has(survey.toLowerCase())) c.report('error', 'questions', row, `question « ${key} » absente de l’enquête ${survey} (onglet Questions).`);
        } else if (method && FITTING_TYPES[method] && !FITTING_TYPES[method]!.includes(question.type)) {
          c.report('error', 'method', row, `la méthode « ${text(cells.method)} » ne convient pas à la question « ${key} » (${termLabel('questionType', question.type, snapshot.lang)}). Choisissez une proportion ou un effectif, ou une autre question.`);
        }
      }
      if (method === 'scale' && keys.length < 2) c.report('error', 'questions', row, 'un score d’échelle additionne plusieurs items : indiquez toutes les questions de l’échelle.');
      const nominal = keys.length === 1 ? known.find((q) => q.key.toLowerCase() === keys[0]!.toLowerCase() && (q.type === 'single' || q.type === 'multiple')) : undefined;
      if (method === 'change' && nominal && text(cells.condition) === '') {
        c.report('error', 'condition', row, `« ${nominal.key} » est une question à choix sans ordre entre les réponses : une évolution avant/après a besoin d’une condition, la réponse comptée (ex. « in [« Oui »] »). Sans ordre, « progresser » ne veut rien dire.`);
      }
      source = { type: 'survey', survey, questions: keys };
    } else if (sourceType === 'observations') {
      source = { type: 'observations', tags: list(cells.tags) };
      if (method === 'persons' && source.tags.length === 0) {
        c.report('error', 'tags', row, 'indiquez le ou les thèmes dont on compte les personnes qui les évoquent (identifiants de l’onglet Thèmes, ou d’un changement), séparés par des virgules.');
      }
      // Free tags are how observations were counted before the codebook; a count of people names themes.
      for (const tag of method === 'persons' ? source.tags : []) {
        if (!codebook.has(fold(tag))) c.report('warning', 'tags', row, `thème « ${tag} » absent des onglets Thèmes et Changements : seules les observations étiquetées exactement ainsi compteront.`);
      }
    }
    let condition = null;
    if (text(cells.condition) !== '') {
      const parsed = parseCondition(text(cells.condition));
      if (parsed.ok) condition = parsed.condition;
      else c.report('error', 'condition', row, parsed.message);
    } else if (method === 'proportion') {
      c.report('error', 'condition', row, 'une proportion a besoin d’une condition : quelle réponse compte ? Ex. « ≥ 4 » ou « in [« Oui », « Plutôt oui »] ».');
    }
    const direction = c.term<Indicator['direction']>('direction', 'direction', row, cells.direction, N.direction, 'up');
    const granularity = c.term<Indicator['granularity']>('granularity', 'granularity', row, cells.granularity, N.granularity, 'year');
    const respondentRule = c.term<Indicator['respondentRule']>('respondentRule', 'respondentRule', row, cells.respondentRule, N.respondentRule, 'self');
    let baseline: Indicator['baseline'] = null;
    const baselineValue = text(cells.baselineValue);
    const baselinePeriod = text(cells.baselinePeriod);
    if (baselineValue !== '') {
      const value = numberOf(cells.baselineValue);
      if (value === null) c.report('error', 'baselineValue', row, `valeur de référence « ${baselineValue} » : écrivez un nombre (ex. 62,5).`);
      else if (baselinePeriod === '') c.report('error', 'baselinePeriod', row, 'valeur de référence sans période : indiquez de quand elle date (ex. 2025).');
      else baseline = { value, period: baselinePeriod };
    }
    if (baselinePeriod !== '' && !PERIOD.test(baselinePeriod)) c.report('error', 'baselinePeriod', row, `période « ${baselinePeriod} » illisible. Exemples : 2025, 2025-T4, 2025-S2, 2025-03.`);
    const targets = parseTargets(text(cells.targets));
    if (!targets.ok) c.report('error', 'targets', row, targets.message);
    // A figure about people needs at least 5 of them; a volume of activity or of quotes is not about people.
    const floor = method !== null && ((SURVEY_METHODS as readonly string[]).includes(method) || method === 'persons') ? 5 : 0;
    let minN = floor;
    if (text(cells.minN) !== '') {
      const n = numberOf(cells.minN);
      if (n === null || !Number.isInteger(n) || n < floor) {
        c.report('error', 'minN', row, floor > 0
          ? `n minimum « ${text(cells.minN)} » : écrivez un nombre entier d’au moins 5 (une valeur sur moins de 5 personnes n’est jamais affichée).`
          : `n minimum « ${text(cells.minN)} » : écrivez un nombre entier (0 si la valeur ne porte pas sur des personnes).`);
      } else minN = n;
    }
    if (c.ok && method && kind && direction && granularity && respondentRule) {
      read.push({
        id: code,
        row,
        item: {
          code, name, outcome, kind, method, source, condition, unit: text(cells.unit), direction, baseline,
          targets: targets.ok ? targets.targets : [], granularity, disaggregation: list(cells.disaggregation), minN, respondentRule,
          cohortCode: text(cells.cohortCode), cohort: text(cells.cohort), cohortVersion: numberOf(cells.cohortVersion), irisPlus: text(cells.irisPlus), row,
        },
      });
    }
  }
  const kept = uniqueIds(c, read, 'code', N.code);
  problems.push(...c.problems);
  return kept;
}

function readManualValues(snapshot: RegistrySnapshot, indicators: Indicator[], problems: Problem[]): ManualValue[] {
  const tab = snapshot.values;
  if (!tab) return [];
  const c = new Checker(tab, snapshot.lang);
  const codes = new Set(indicators.map((i) => i.code.toLowerCase()));
  const values: ManualValue[] = [];
  for (const { row, cells } of nonEmptyRows(tab)) {
    if (termId('valueOrigin', text(cells.origin)) !== 'manual') continue;
    c.startRow();
    const indicator = c.required('indicator', row, cells.indicator, N.indicator);
    if (indicator && !codes.has(indicator.toLowerCase())) c.report('error', 'indicator', row, `indicateur « ${indicator} » absent de l’onglet Indicateurs (ou invalide).`);
    const period = c.required('period', row, cells.period, N.period);
    const value = numberOf(cells.value);
    if (value === null) c.report('error', 'value', row, `valeur « ${text(cells.value)} » : écrivez un nombre.`);
    const n = text(cells.n) === '' ? null : numberOf(cells.n);
    if (text(cells.n) !== '' && (n === null || n < 0)) c.report('error', 'n', row, `n « ${text(cells.n)} » : écrivez un nombre de personnes.`);
    if (c.ok && value !== null) values.push({ indicator, period, segment: text(cells.segment), value, n, row });
  }
  problems.push(...c.problems);
  return values;
}

export function validateRegistry(snapshot: RegistrySnapshot): Validation {
  const problems: Problem[] = [];
  const outcomes = readOutcomes(snapshot, problems);
  const themes = readThemes(snapshot, outcomes, problems);
  const surveys = readSurveys(snapshot, problems);
  const questions = readQuestions(snapshot, surveys, problems);
  const indicators = readIndicators(snapshot, outcomes, themes, surveys, questions, problems);
  const manualValues = readManualValues(snapshot, indicators, problems);
  return { registry: { outcomes, themes, indicators, surveys, questions, manualValues }, problems };
}
