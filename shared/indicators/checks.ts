/**
 * Quality checks per survey wave: response rate against the people invited, people lost since the first wave, margin
 * of error, who answered (for someone else, or not said), and careless-answering patterns (straight-lining on a grid
 * that holds a reversed item; agreeing with statements and with their declared opposites). Patterns raise
 * person-level flags that stay inside the structure, naming the answer sheet by what the team knows; the wave only
 * gets counts. A check that cannot run says so. Nothing is ever deleted.
 */
import { fold } from '../text/fold';
import type { Indicator, Question } from '../registry/model';
import { marginOfError } from '../stats/intervals';
import type { CodedColumn, QuestionCoder } from './answers';
import { SurveyColumns, TYPE_NULL, TYPE_OTHER, TYPE_PROXY } from './columns';
import { ATTRITION_SHARE, PROXY_SHARE, RESPONSE_RATE_LOW, flag, share } from './flags';
import type { AnswerRow, ComputeInput, Flag, PersonFlag, SurveyCheck } from './model';
import { comparePeriods } from './periods';
import { frNumber, frPercent } from './text';

/** A grid needs at least this many answered Likert items before identical answers mean anything. */
export const STRAIGHT_LINE_MIN_ITEMS = 5;
/** Double agreement: agreeing with a reversed item and a plain one in at least this share of such pairs … */
export const ACQUIESCENCE_SHARE = 0.5;
/** … over at least this many pairs. */
export const ACQUIESCENCE_MIN_PAIRS = 2;

interface GridItem {
  /** The item's coding id in each row of the survey. */
  ids: Int32Array;
  /** Per coding id: whether it is a value, its relative position on the scale (0 → 1), whether it agrees. */
  answered: Uint8Array;
  relative: Float64Array;
  agreed: Uint8Array;
  reversed: boolean;
}

/** Agreement = one of the two top levels on a scale of 4 or more, the top level on shorter ones. */
function agrees(rank: number, width: number): boolean {
  return width >= 4 ? rank >= width - 1 : rank === width;
}

function gridItem(column: CodedColumn, width: number, reversed: boolean): GridItem {
  const d = column.table.length;
  const item: GridItem = { ids: column.ids, answered: new Uint8Array(d), relative: new Float64Array(d), agreed: new Uint8Array(d), reversed };
  for (let id = 0; id < d; id++) {
    const c = column.table[id]!;
    if (c.kind !== 'value') continue;
    item.answered[id] = 1;
    item.relative[id] = (c.value - 1) / (width - 1);
    item.agreed[id] = agrees(c.value, width) ? 1 : 0;
  }
  return item;
}

const FREQUENCY = /\b(jamais|rarement|parfois|souvent|toujours|fois|temps|never|rarely|sometimes|often|always|times?)\b/;
const AGREEMENT = /\b(accord|d'accord|agree|disagree|oui|yes|vrai|faux|true|false)\b|tout a fait/;

/**
 * Whether a scale's answers say how much one agrees with a statement (« Pas du tout d'accord » … « Tout à fait
 * d'accord », « Non » … « Oui »): the only answers where saying yes to everything is acquiescence. Frequency scales
 * (« Jamais » … « Souvent ») never are: feeling both lonely often and well often is possible.
 */
export function isAgreementScale(levels: readonly string[]): boolean {
  const folded = levels.map(fold);
  return !folded.some((l) => FREQUENCY.test(l)) && folded.some((l) => AGREEMENT.test(l));
}

/**
 * The statements measuring one thing, where a reversed item is the opposite of the others: the items of one
 * multi-item indicator (a scale score), or of one validated scale. Only such pairs can show agreeing with opposites.
 */
function constructs(survey: string, questions: readonly Question[], indicators: readonly Indicator[]): Question[][] {
  const out: Question[][] = [];
  const seen = new Set<string>();
  const add = (items: Question[]) => {
    const key = items.map((q) => q.key).sort().join('\u0000');
    if (items.length >= 2 && !seen.has(key)) {
      seen.add(key);
      out.push(items);
    }
  };
  for (const indicator of indicators) {
    const source = indicator.source;
    if (source.type !== 'survey' || source.survey !== survey) continue;
    add(source.questions.map((k) => questions.find((q) => q.key === k)).filter((q): q is Question => q !== undefined));
  }
  for (const scale of new Set(questions.map((q) => q.scale).filter((s) => s !== ''))) add(questions.filter((q) => q.scale === scale));
  return out;
}

/** A construct usable for acquiescence: agreement items, at least one reversed and one plain. */
function acquiescenceItems(construct: readonly Question[]): Question[] | null {
  const items = construct.filter((q) => q.type === 'likert' && q.levels.length >= 2 && isAgreementScale(q.levels));
  return items.some((q) => q.reversed) && items.some((q) => !q.reversed) ? items : null;
}

/** Per row, reversed and plain answered items in the low 16 bits, agreeing ones in the high 16 (an item adds one step). */
function countItems(rowCount: number, items: readonly GridItem[]): { reversed: Uint32Array; plain: Uint32Array } {
  const reversed = new Uint32Array(rowCount);
  const plain = new Uint32Array(rowCount);
  for (const item of items) {
    const step = new Uint32Array(item.answered.length);
    for (let d = 0; d < step.length; d++) if (item.answered[d] === 1) step[d] = 1 + item.agreed[d]! * 0x10000;
    const counts = item.reversed ? reversed : plain;
    for (let i = 0; i < rowCount; i++) counts[i]! += step[item.ids[i]!]!;
  }
  return { reversed, plain };
}

/**
 * Which rows are flagged, item by item over the whole survey (tight loops over typed arrays): straight-lining = at
 * least STRAIGHT_LINE_MIN_ITEMS answered grid items, one of them reversed, all at the same relative position;
 * acquiescence = over the (reversed, plain) pairs of items within each construct, agreeing with both in at least
 * ACQUIESCENCE_SHARE of at least ACQUIESCENCE_MIN_PAIRS pairs. personFlagsOf then words the flags of those rows.
 */
function flaggedRows(rowCount: number, grid: readonly GridItem[], groups: ReadonlyArray<readonly GridItem[]>): Uint8Array {
  // Grid items: answered reversed / plain items per row, and whether all answers sit at the same relative position.
  const gridCounts = { reversed: new Uint32Array(rowCount), plain: new Uint32Array(rowCount) };
  const position = new Float64Array(rowCount).fill(-1);
  const differs = new Uint8Array(rowCount);
  for (const { ids, relative, answered, reversed } of grid) {
    const counts = reversed ? gridCounts.reversed : gridCounts.plain;
    for (let i = 0; i < rowCount; i++) {
      const id = ids[i]!;
      if (answered[id] !== 1) continue;
      counts[i]!++;
      const r = relative[id]!;
      const p = position[i]!;
      if (p < 0) position[i] = r;
      else if (Math.abs(r - p) > 1e-9) differs[i] = 1;
    }
  }
  const pairs = new Float64Array(rowCount);
  const double = new Float64Array(rowCount);
  for (const group of groups) {
    const { reversed, plain } = countItems(rowCount, group);
    for (let i = 0; i < rowCount; i++) {
      pairs[i]! += (reversed[i]! & 0xffff) * (plain[i]! & 0xffff);
      double[i]! += (reversed[i]! >>> 16) * (plain[i]! >>> 16);
    }
  }
  const flagged = new Uint8Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const reversedAnswered = gridCounts.reversed[i]! & 0xffff;
    const straight = reversedAnswered + (gridCounts.plain[i]! & 0xffff) >= STRAIGHT_LINE_MIN_ITEMS && differs[i] === 0 && reversedAnswered > 0;
    const acquiescent = pairs[i]! >= ACQUIESCENCE_MIN_PAIRS && double[i]! / pairs[i]! >= ACQUIESCENCE_SHARE;
    if (straight || acquiescent) flagged[i] = 1;
  }
  return flagged;
}

/** How the team finds an answer sheet: the person's code, else the row of the imported file, never a fingerprint. */
export function answerSheetName(row: AnswerRow): string {
  if (row.personId) return `personne ${row.personId}`;
  if (row.sourceRow) return `ligne ${row.sourceRow}${row.sourceFile ? ` de ${row.sourceFile}` : ''}`;
  return `réponse ${row.responseId}`;
}

const NO_FLAGS: readonly PersonFlag[] = [];

/** The careless-answering flags of row `i` of a survey. */
export function personFlagsOf(survey: string, wave: string, row: AnswerRow, i: number, grid: readonly GridItem[], groups: ReadonlyArray<readonly GridItem[]> = []): readonly PersonFlag[] {
  let answered = 0;
  let position = -1;
  let same = true;
  let reversedAnswered = 0;
  for (const item of grid) {
    const id = item.ids[i]!;
    if (item.answered[id] !== 1) continue;
    answered++;
    const relative = item.relative[id]!;
    if (position < 0) position = relative;
    else if (Math.abs(relative - position) > 1e-9) same = false;
    if (item.reversed) reversedAnswered++;
  }
  let pairs = 0;
  let double = 0;
  for (const group of groups) {
    const counts = { reversed: [0, 0], plain: [0, 0] };
    for (const item of group) {
      const id = item.ids[i]!;
      if (item.answered[id] !== 1) continue;
      const side = item.reversed ? counts.reversed : counts.plain;
      side[0]!++;
      side[1]! += item.agreed[id]!;
    }
    pairs += counts.reversed[0]! * counts.plain[0]!;
    double += counts.reversed[1]! * counts.plain[1]!;
  }
  const straight = answered >= STRAIGHT_LINE_MIN_ITEMS && same && reversedAnswered > 0;
  const acquiescent = pairs >= ACQUIESCENCE_MIN_PAIRS && double / pairs >= ACQUIESCENCE_SHARE;
  if (!straight && !acquiescent) return NO_FLAGS;
  const flags: PersonFlag[] = [];
  const base = { survey, wave, responseId: row.responseId, personId: row.personId, who: answerSheetName(row) };
  if (straight) {
    flags.push({ ...base, code: 'straight_lining', message: `Même réponse à toutes les questions de la grille (${answered}), y compris une question formulée à l'envers : réponses à revoir ; envisager une passation assistée.` });
  }
  if (acquiescent) {
    flags.push({ ...base, code: 'acquiescence', message: `D'accord avec des affirmations opposées (${double} paires sur ${pairs}) : tendance possible à acquiescer ; envisager une passation assistée.` });
  }
  return flags;
}

/** « « Un proche » (2), « Papa » »: the answers that named no known respondent type, most frequent first. */
function unrecognisedList(texts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return sorted.map(([t, n]) => `« ${t} »${n > 1 ? ` (${n})` : ''}`).join(', ') + (counts.size > 5 ? '…' : '');
}

/**
 * The checks of each survey wave: n against the people invited (response rate), people seen at the first wave and
 * missing at this one (attrition), the margin of error n allows, the share answered by someone else and the answers
 * naming no known respondent type, and the answer sheets flagged for careless answering (then the count per wave, the
 * sheets themselves as person-level flags). `columnsOf` and `coderOf` hand back the survey's columns and coders the
 * indicators already used, so each cell is coded once per computation.
 */
export function surveyChecks(
  input: ComputeInput,
  waves: readonly string[],
  columnsOf: (survey: string) => SurveyColumns,
  coderOf: (question: Question) => QuestionCoder,
): { surveyChecks: SurveyCheck[]; personFlags: PersonFlag[] } {
  const checks: SurveyCheck[] = [];
  const personFlags: PersonFlag[] = [];
  for (const { survey, rows } of input.answers) {
    const columns = columnsOf(survey);
    const questions = input.questions.filter((q: Question) => q.survey === survey);
    const itemOf = new Map<Question, GridItem>();
    const item = (q: Question) => {
      let found = itemOf.get(q);
      if (!found) itemOf.set(q, (found = gridItem(columns.column(coderOf(q)), q.levels.length, q.reversed)));
      return found;
    };
    const grid = questions.filter((q) => q.type === 'likert' && q.levels.length >= 2).map(item);
    const opposites = constructs(survey, questions, input.indicators).map(acquiescenceItems).filter((items): items is Question[] => items !== null);
    const groups = opposites.map((items) => items.map(item));
    const flagged = flaggedRows(rows.length, grid, groups);
    const types = columns.rows === rows ? columns.types() : null;
    const registered = input.surveys.find((s) => s.id === survey);
    // Rows by wave ('' when none), waves in order of first appearance; each row's wave read from the survey's ids.
    const byWave = new Map<string, number[]>();
    const waveGroups = columns.rows === rows ? columns.periods('wave') : null;
    const listOf: Array<number[] | undefined> = [];
    for (let i = 0; i < rows.length; i++) {
      const id = waveGroups ? waveGroups.ids[i]! + 1 : -1;
      let list = id >= 0 ? listOf[id] : undefined;
      if (!list) {
        const wave = id > 0 ? (waveGroups!.labels[id - 1] ?? '') : id === 0 ? '' : (rows[i]!.wave ?? '');
        list = byWave.get(wave);
        if (!list) byWave.set(wave, (list = []));
        if (id >= 0) listOf[id] = list;
      }
      list.push(i);
    }
    const ordered = [...byWave.keys()].sort((a, b) => comparePeriods(a, b, waves));
    // People seen at the first wave, by their person number: each later wave says how many of them it lost.
    const firstWave = ordered.find((w) => w !== '');
    const persons = columns.rows === rows ? columns.persons() : new SurveyColumns(rows).persons();
    const seenFirst = new Uint8Array(persons.count);
    let firstCount = 0;
    for (const i of firstWave === undefined ? [] : byWave.get(firstWave)!) {
      const p = persons.ids[i]!;
      if (p >= 0 && seenFirst[p] === 0) {
        seenFirst[p] = 1;
        firstCount++;
      }
    }
    for (const wave of ordered) {
      const waveRows = byWave.get(wave)!;
      const flags: Flag[] = [];
      let attrition: SurveyCheck['attrition'] = null;
      const n = waveRows.length;
      const invited = registered && registered.invited !== null && (registered.wave === '' || registered.wave === wave || byWave.size === 1) ? registered.invited : null;
      const responseRate = invited ? n / invited : null;
      if (responseRate === null) {
        flags.push(flag('response_rate', 'info', "Nombre de personnes invitées non renseigné (onglet Enquêtes) : taux de réponse non calculable."));
      } else {
        flags.push(flag('response_rate', responseRate < RESPONSE_RATE_LOW ? 'alerte' : 'info', `Taux de réponse ${frPercent(responseRate)} (${n} sur ${invited} invités)${responseRate < RESPONSE_RATE_LOW ? ' : comparez les répondants aux personnes invitées (âge, site…) avant de généraliser.' : '.'}`));
      }
      if (wave !== '' && wave !== firstWave && firstCount > 0) {
        const here = new Uint8Array(persons.count);
        let kept = 0;
        for (const i of waveRows) {
          const p = persons.ids[i]!;
          if (p >= 0 && seenFirst[p] === 1 && here[p] === 0) {
            here[p] = 1;
            kept++;
          }
        }
        const lost = firstCount - kept;
        const lostShare = lost / firstCount;
        attrition = { since: firstWave!, seen: firstCount, lost };
        flags.push(flag('attrition', lostShare > ATTRITION_SHARE ? 'alerte' : 'info', `${lost} personne${lost > 1 ? 's' : ''} sur ${firstCount} vue${firstCount > 1 ? 's' : ''} à ${firstWave} sans réponse à ${wave} (${frPercent(lostShare)})${lostShare > ATTRITION_SHARE ? ' : comparez les personnes perdues aux autres avant de lire une évolution.' : '.'}`));
      }
      const margin = marginOfError(n);
      if (margin !== null) flags.push(flag('wide_margin', margin > 10 ? 'alerte' : 'info', `Avec ${n} réponses, une proportion est connue à ± ${frNumber(margin, 0)} points près au mieux.`));
      let proxies = 0;
      let known = 0;
      let unknown = 0;
      let straight = 0;
      let acquiescent = 0;
      const unrecognised: string[] = [];
      for (const i of waveRows) {
        const row = rows[i]!;
        const type = types ? types[i]! : row.respondentType === null ? TYPE_NULL : row.respondentType === 'proxy' ? TYPE_PROXY : TYPE_OTHER;
        if (type === TYPE_NULL) {
          unknown++;
          if (row.unrecognisedType) unrecognised.push(row.unrecognisedType);
        } else {
          known++;
          if (type === TYPE_PROXY) proxies++;
        }
        if (flagged[i] === 0) continue;
        for (const f of personFlagsOf(survey, wave, row, i, grid, groups)) {
          personFlags.push(f);
          if (f.code === 'straight_lining') straight++;
          else acquiescent++;
        }
      }
      const proxyShare = known > 0 ? proxies / known : null;
      if (proxyShare !== null && proxyShare > PROXY_SHARE) {
        flags.push(flag('proxy_share', 'alerte', `${frPercent(proxyShare)} des questionnaires remplis par un proche à la place de la personne (${proxies} sur ${known}) : ne mélangez pas ces réponses avec celles des personnes elles-mêmes.`));
      }
      if (unrecognised.length > 0) {
        flags.push(flag('respondent_type_unknown', 'alerte', `Type de répondant non reconnu pour ${unrecognised.length} questionnaire${unrecognised.length > 1 ? 's' : ''} : ${unrecognisedList(unrecognised)}. Repère ne devine pas : écrivez « lui-même », « aidé » ou « pour autrui » dans la colonne « Type de répondant » de l'onglet des réponses.`));
      }
      if (unknown > unrecognised.length) {
        const blank = unknown - unrecognised.length;
        flags.push(flag('respondent_type_unknown', 'info', `Type de répondant non renseigné pour ${blank} questionnaire${blank > 1 ? 's' : ''}.`));
      }
      if (grid.length >= STRAIGHT_LINE_MIN_ITEMS && grid.some((g) => g.reversed)) {
        if (straight > 0) flags.push(flag('straight_lining', 'alerte', `${straight} questionnaire${straight > 1 ? 's' : ''} (${frPercent(share(straight, n))}) avec la même réponse partout, question inversée comprise : à revoir (liste « Contrôles »).`));
      } else {
        flags.push(flag('check_unavailable', 'info', `Contrôle des réponses identiques impossible : il faut une grille d'au moins ${STRAIGHT_LINE_MIN_ITEMS} questions à échelle dont une déclarée « Inversée » (onglet Questions).`));
      }
      if (groups.length > 0) {
        if (acquiescent > 0) flags.push(flag('acquiescence', 'alerte', `${acquiescent} questionnaire${acquiescent > 1 ? 's' : ''} (${frPercent(share(acquiescent, n))}) d'accord avec des affirmations opposées : à revoir (liste « Contrôles »).`));
      } else {
        flags.push(flag('check_unavailable', 'info', "Contrôle d'acquiescement impossible : aucune affirmation déclarée « Inversée » (onglet Questions) face à d'autres affirmations de la même échelle, avec des réponses d'accord ou pas d'accord. Sans paire d'affirmations opposées, dire oui à tout ne se voit pas."));
      }
      checks.push({ survey, wave, respondents: n, invited, responseRate, proxyShare, proxies, typeKnown: known, attrition, flags });
    }
  }
  return { surveyChecks: checks, personFlags };
}
