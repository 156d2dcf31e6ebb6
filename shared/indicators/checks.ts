/**
 * Quality checks per survey wave: response rate against the people invited, margin of error, share of answers given
 * for someone else, and careless-answering patterns (straight-lining on a grid that holds a reversed item, agreeing
 * with an item and with its reverse). Patterns raise person-level flags that stay inside the structure; the wave
 * only gets counts. Nothing is ever deleted.
 */
import type { Question } from '../registry/model';
import { marginOfError } from '../stats/intervals';
import type { CodedColumn, QuestionCoder } from './answers';
import { type SurveyColumns, TYPE_NULL, TYPE_OTHER, TYPE_PROXY } from './columns';
import { PROXY_SHARE, RESPONSE_RATE_LOW, flag, share } from './flags';
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

const NO_FLAGS: readonly PersonFlag[] = [];

/**
 * Which rows personFlagsOf would flag, computed item by item over the whole survey (tight loops over typed arrays
 * instead of one call and one walk over the grid per row); personFlagsOf then writes the flags of those rows only.
 */
function flaggedRows(rowCount: number, grid: readonly GridItem[]): Uint8Array {
  // Per row, reversed and plain items apart: answered items in the low 16 bits, agreeing ones in the high 16 (a
  // survey has far fewer than 65,536 items), so an answered cell costs one addition instead of three counters.
  const reversedCounts = new Uint32Array(rowCount);
  const plainCounts = new Uint32Array(rowCount);
  const position = new Float64Array(rowCount).fill(-1);
  const differs = new Uint8Array(rowCount);
  for (const item of grid) {
    const { ids, relative, agreed } = item;
    // What an answer with each coding id adds to its row's counts (0: not a value).
    const step = new Uint32Array(item.answered.length);
    for (let d = 0; d < step.length; d++) if (item.answered[d] === 1) step[d] = 1 + agreed[d]! * 0x10000;
    const counts = item.reversed ? reversedCounts : plainCounts;
    for (let i = 0; i < rowCount; i++) {
      const id = ids[i]!;
      const add = step[id]!;
      if (add === 0) continue;
      counts[i]! += add;
      const r = relative[id]!;
      const p = position[i]!;
      if (p < 0) position[i] = r;
      else if (Math.abs(r - p) > 1e-9) differs[i] = 1;
    }
  }
  const flagged = new Uint8Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const reversedAnswered = reversedCounts[i]! & 0xffff;
    const plainAnswered = plainCounts[i]! & 0xffff;
    const pairs = reversedAnswered * plainAnswered;
    const straight = reversedAnswered + plainAnswered >= STRAIGHT_LINE_MIN_ITEMS && differs[i] === 0 && reversedAnswered > 0;
    const acquiescent = pairs >= ACQUIESCENCE_MIN_PAIRS && ((reversedCounts[i]! >>> 16) * (plainCounts[i]! >>> 16)) / pairs >= ACQUIESCENCE_SHARE;
    if (straight || acquiescent) flagged[i] = 1;
  }
  return flagged;
}

/** The careless-answering flags of row `i` of a survey. */
export function personFlagsOf(survey: string, wave: string, row: AnswerRow, i: number, grid: readonly GridItem[]): readonly PersonFlag[] {
  let answered = 0;
  let position = -1;
  let same = true;
  let reversedAnswered = 0;
  let plainAnswered = 0;
  let reversedAgreed = 0;
  let plainAgreed = 0;
  for (let g = 0; g < grid.length; g++) {
    const item = grid[g]!;
    const id = item.ids[i]!;
    if (item.answered[id] !== 1) continue;
    answered++;
    const relative = item.relative[id]!;
    if (position < 0) position = relative;
    else if (Math.abs(relative - position) > 1e-9) same = false;
    const agreed = item.agreed[id]!;
    if (item.reversed) {
      reversedAnswered++;
      reversedAgreed += agreed;
    } else {
      plainAnswered++;
      plainAgreed += agreed;
    }
  }
  const pairs = reversedAnswered * plainAnswered;
  const double = reversedAgreed * plainAgreed;
  const straight = answered >= STRAIGHT_LINE_MIN_ITEMS && same && reversedAnswered > 0;
  const acquiescent = pairs >= ACQUIESCENCE_MIN_PAIRS && double / pairs >= ACQUIESCENCE_SHARE;
  if (!straight && !acquiescent) return NO_FLAGS;
  const flags: PersonFlag[] = [];
  const base = { survey, wave, responseId: row.responseId, personId: row.personId };
  if (straight) {
    flags.push({ ...base, code: 'straight_lining', message: `Même réponse à toutes les questions de la grille (${answered}), y compris une question formulée à l'envers : réponses à revoir ; envisager une passation assistée.` });
  }
  if (acquiescent) {
    flags.push({ ...base, code: 'acquiescence', message: `D'accord avec des affirmations opposées (${double} paires sur ${pairs}) : tendance possible à acquiescer ; envisager une passation assistée.` });
  }
  return flags;
}

/**
 * `columnsOf` and `coderOf` hand back the survey's columns and coders the indicators already used, so each cell is
 * coded once per computation.
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
    const grid: GridItem[] = input.questions
      .filter((q: Question) => q.survey === survey && q.type === 'likert' && q.levels.length >= 2)
      .map((q) => gridItem(columns.column(coderOf(q)), q.levels.length, q.reversed));
    const flagged = flaggedRows(rows.length, grid);
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
    for (const wave of ordered) {
      const waveRows = byWave.get(wave)!;
      const flags: Flag[] = [];
      const n = waveRows.length;
      const invited = registered && registered.invited !== null && (registered.wave === '' || registered.wave === wave || byWave.size === 1) ? registered.invited : null;
      const responseRate = invited ? n / invited : null;
      if (responseRate === null) {
        flags.push(flag('response_rate', 'info', "Nombre de personnes invitées non renseigné (onglet Enquêtes) : taux de réponse non calculable."));
      } else {
        flags.push(flag('response_rate', responseRate < RESPONSE_RATE_LOW ? 'alerte' : 'info', `Taux de réponse ${frPercent(responseRate)} (${n} sur ${invited} invités)${responseRate < RESPONSE_RATE_LOW ? ' : comparez les répondants aux personnes invitées (âge, site…) avant de généraliser.' : '.'}`));
      }
      const margin = marginOfError(n);
      if (margin !== null) flags.push(flag('wide_margin', margin > 10 ? 'alerte' : 'info', `Avec ${n} réponses, une proportion est connue à ± ${frNumber(margin, 0)} points près au mieux.`));
      let proxies = 0;
      let known = 0;
      let unknown = 0;
      let straight = 0;
      let acquiescent = 0;
      for (const i of waveRows) {
        const type = types ? types[i]! : rows[i]!.respondentType === null ? TYPE_NULL : rows[i]!.respondentType === 'proxy' ? TYPE_PROXY : TYPE_OTHER;
        if (type === TYPE_NULL) unknown++;
        else {
          known++;
          if (type === TYPE_PROXY) proxies++;
        }
        if (flagged[i] === 0) continue;
        for (const f of personFlagsOf(survey, wave, rows[i]!, i, grid)) {
          personFlags.push(f);
          if (f.code === 'straight_lining') straight++;
          else acquiescent++;
        }
      }
      const proxyShare = known > 0 ? proxies / known : null;
      if (proxyShare !== null && proxyShare > PROXY_SHARE) {
        flags.push(flag('proxy_share', 'alerte', `${frPercent(proxyShare)} des questionnaires remplis pour autrui (${proxies} sur ${known}) : ne mélangez pas ces réponses avec celles des personnes elles-mêmes.`));
      }
      if (unknown > 0) flags.push(flag('respondent_type_unknown', 'info', `Type de répondant non renseigné pour ${unknown} questionnaire${unknown > 1 ? 's' : ''}.`));
      if (straight > 0) flags.push(flag('straight_lining', 'alerte', `${straight} questionnaire${straight > 1 ? 's' : ''} (${frPercent(share(straight, n))}) avec la même réponse partout, question inversée comprise : à revoir (liste interne).`));
      if (acquiescent > 0) flags.push(flag('acquiescence', 'alerte', `${acquiescent} questionnaire${acquiescent > 1 ? 's' : ''} (${frPercent(share(acquiescent, n))}) d'accord avec des affirmations opposées : à revoir (liste interne).`));
      checks.push({ survey, wave, respondents: n, invited, responseRate, proxyShare, flags });
    }
  }
  return { surveyChecks: checks, personFlags };
}
