/**
 * A survey import as a transaction over several executions. `begin` (under the script lock) binds or creates the
 * survey's responses tab and its question columns, reads the response ids once, grows the grid once, and records a
 * reservation (import id, start row, file hash, expiry) in the document properties; each `chunk` is then one
 * setValues at a place known in advance (no metadata lookup); `finish` writes the Journal line where
 * read = inserted + already present + rejected. A reservation refuses a second import of the same survey, lets the
 * same person resume the same file, and expires when abandoned. Until it finishes, the import's Journal line says how
 * many of the file's answers are in the tab — counting them itself, so a chunk costs no call for it — and how to
 * resume; `finish` rewrites that line with the final counts.
 */
import { COLUMN_METADATA_KEY, QUESTION_METADATA_KEY, TOOL_COLUMN_METADATA_KEY, tabSpec } from '../../shared/contract/tabs';
import { PERSONAL_DATA, RECORD_LANG, isTermId, termLabel, termLabelOrNotGiven, type Lang } from '../../shared/contract/words';
import { columnLetter } from '../../shared/sheet/a1';
import { MAX_CELL_CHARS, textCell } from '../../shared/sheet/cell';
import {
  QUESTION_FIELD,
  chunkRows,
  type BeginImportRequest,
  type BeginImportResult,
  type FinishImportRequest,
  type FinishImportResult,
  type ImportChunkRequest,
  type ImportChunkResult,
  type ImportFailure,
  type ImportQuotesRequest,
  type ImportQuotesResult,
} from '../../shared/survey/chunk';
import { readMapping, type ImportMapping } from '../../shared/survey/mapping';
import { rewriteJournalLine, settleJournalLine, type CountingDetails } from './journal';
import { appendRecords, bindTab, columnValues, ensureColumns, ensureRows, tagColumn, taggedColumns, type CellValue } from './registry';
import { ensureContractColumns, emptyReport } from './setup';
import { ColumnWidths } from './sheet-layout';
import type { Spreadsheet } from './spreadsheet';
import { findOrCreateResponsesTab } from './survey-import';
import { count } from '../../shared/text/plural';

/** An abandoned import (sidebar closed) frees its survey after this long without a chunk. */
export const RESERVATION_TTL_MS = 10 * 60 * 1000;
const RESERVATION_PREFIX = 'repere.import.';
const MAPPING_PREFIX = 'repere.mapping.';
const SURVEY_ID = /^[A-Za-z0-9_-]{1,40}$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** What a chunk needs to know, kept between executions: where to write and how to type each column. */
interface Reservation {
  id: string;
  user: string;
  hash: string;
  file: string;
  wave: string;
  sheet: string;
  start: number;
  first: number;
  /** One letter per column from `first`: t text, n number, v answer (number or text), d date, i import time, - not ours. */
  kinds: string;
  /** Field names, to name a column in a message. */
  fields: string[];
  planned: number;
  written: number;
  keys: number;
  present: number;
  startedAt: number;
  expires: number;
  /** The import's line in the Journal, and what identifies it there (kept across a resumption). */
  journalRow: number;
  journalMarker: string;
  /** Taken over from an interrupted import of the same file. */
  resumed: boolean;
}

const fail = (message: string): ImportFailure => ({ ok: false, message });
/** Answers read to fit the columns' widths: enough to see what they hold. */
const FIT_SAMPLE_ROWS = 200;
const props = () => PropertiesService.getDocumentProperties();

function readReservation(surveyId: string): Reservation | null {
  const raw = props().getProperty(RESERVATION_PREFIX + surveyId);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Reservation;
  } catch {
    return null;
  }
}

function saveReservation(surveyId: string, r: Reservation): void {
  props().setProperty(RESERVATION_PREFIX + surveyId, JSON.stringify(r));
}

/**
 * The Journal line of an import under way: what is in the tab — the answers already present, and those of the rows
 * reserved whose import time (written with every row) is filled — and how to resume if it stopped.
 */
function progressLine(r: Reservation, surveyId: string): CountingDetails | string {
  // The count is a formula's while the import runs: the words around it cannot agree with it, so they need none.
  const before = `Import de « ${r.file} » → ${r.sheet}${r.wave ? ` (vague ${r.wave})` : ''} commencé, pas terminé. Réponses du fichier déjà dans l’onglet : `;
  const after =
    ` sur ${r.keys}. ` +
    `S’il a été interrompu, relancez l’import du même fichier dans l’enquête ${surveyId} : il reprendra après les réponses déjà écrites, sans doublon. ${r.journalMarker}`;
  if (r.planned === 0) return `${before}${r.present}${after}`;
  const importedAt = columnLetter(r.first + r.fields.indexOf('importedAt'));
  const range = `'${r.sheet.replace(/'/g, "''")}'!$${importedAt}$${r.start}:$${importedAt}$${r.start + r.planned - 1}`;
  return { before, plus: r.present, range, after };
}

function time(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')} h ${String(d.getMinutes()).padStart(2, '0')}`;
}

/* ------------------------------------------------------------ mapping remembered per survey */

/** Document properties hold 9 KB per value: a long mapping drops Likert levels first, then corrections. */
export function saveMapping(surveyId: string, mapping: unknown): void {
  if (!SURVEY_ID.test(surveyId)) return;
  const clean = readMapping(mapping);
  let json = JSON.stringify(clean);
  if (json.length > 8_500) {
    for (const c of Object.values(clean.corrections)) delete c.levels;
    json = JSON.stringify(clean);
  }
  if (json.length > 8_500) json = JSON.stringify({ ...clean, corrections: {} });
  if (json.length <= 8_500) props().setProperty(MAPPING_PREFIX + surveyId, json);
}

export function loadMapping(surveyId: string): ImportMapping {
  const raw = SURVEY_ID.test(surveyId) ? props().getProperty(MAPPING_PREFIX + surveyId) : null;
  try {
    return readMapping(raw ? JSON.parse(raw) : null);
  } catch {
    return readMapping(null);
  }
}

/* ------------------------------------------------------------ begin */

function checkBegin(input: BeginImportRequest): string | null {
  if (!input || typeof input !== 'object') return 'Import refusé : demande mal formée.';
  if (typeof input.surveyId !== 'string' || !SURVEY_ID.test(input.surveyId)) return 'L’identifiant d’enquête ne peut contenir que des lettres, chiffres, « - » et « _ » (40 au plus).';
  if (typeof input.fileName !== 'string' || input.fileName === '' || input.fileName.length > 255) return 'Import refusé : nom de fichier manquant ou trop long.';
  if (typeof input.fileHash !== 'string' || !HEX64.test(input.fileHash)) return 'Import refusé : empreinte du fichier mal formée.';
  if (typeof input.wave !== 'string' || input.wave.length > 100) return 'Import refusé : vague trop longue (100 caractères au plus).';
  if (!Array.isArray(input.keys) || input.keys.length > 1_000_000 || !input.keys.every((k) => typeof k === 'string' && k !== '' && k.length <= 300)) return 'Import refusé : identifiants de réponses mal formés.';
  if (!Array.isArray(input.questions) || input.questions.length === 0 || input.questions.length > 1_000) return 'Import refusé : le fichier doit avoir entre 1 et 1 000 questions.';
  const seen = new Set<string>();
  for (const q of input.questions) {
    if (!q || typeof q.key !== 'string' || q.key === '' || q.key.length > 500 || typeof q.label !== 'string') return 'Import refusé : question mal formée.';
    if (q.role !== undefined && q.role !== 'metadata' && q.role !== 'personal') return 'Import refusé : question mal formée.';
    if (seen.has(q.key)) return `Import refusé : la question « ${q.key} » apparaît deux fois.`;
    seen.add(q.key);
  }
  return null;
}

export function beginImport(ss: Spreadsheet, input: BeginImportRequest, lang: Lang, who: string): BeginImportResult | ImportFailure {
  const problem = checkBegin(input);
  if (problem) return fail(problem);
  const now = Date.now();
  const held = readReservation(input.surveyId);
  let resumed = false;
  if (held && held.expires > now) {
    if (held.hash !== input.fileHash || held.user !== who) {
      return fail(
        `Un import de l’enquête ${input.surveyId} est déjà en cours (fichier « ${held.file} », commencé à ${time(held.startedAt)} par ${held.user}). ` +
          `Attendez qu’il se termine ; s’il a été interrompu, vous pourrez importer à nouveau après ${time(held.expires)}.`,
      );
    }
    // « Repris » only when rows of that interrupted import were written: a plain re-import is not a resumption.
    resumed = held.written > 0;
  } else if (held && held.written < held.planned) {
    resumed = held.hash === input.fileHash && held.written > 0;
  }
  // Another file takes the survey over from an abandoned import: its line stops counting, since the new rows may fill
  // the range it had reserved.
  if (held && held.hash !== input.fileHash) settleJournalLine(ss, { row: held.journalRow, marker: held.journalMarker });
  if (input.mapping !== undefined) saveMapping(input.surveyId, input.mapping);
  addSurveyRow(ss, input);

  const { sheet } = findOrCreateResponsesTab(ss, input.surveyId, lang);
  const spec = tabSpec('responses');
  // Metadata of this tab only (the registry's other tabs hold hundreds of tagged columns).
  let contract = taggedColumns(sheet, COLUMN_METADATA_KEY);
  if (spec.columns.some((c) => !contract.has(c.key))) {
    ensureContractColumns(ss, sheet, spec, lang, emptyReport());
    contract = taggedColumns(sheet, COLUMN_METADATA_KEY);
  }
  const tab = { sheet, columns: new Map([...contract].filter(([key]) => spec.columns.some((c) => c.key === key))), textKeys: new Set<string>(), untagged: new Set<string>() };
  // Question columns, and the tool's own columns apart (the computation reads only the first). A column written
  // before under the other key stays where it is.
  const questions = taggedColumns(sheet, QUESTION_METADATA_KEY);
  for (const [key, column] of taggedColumns(sheet, TOOL_COLUMN_METADATA_KEY)) if (!questions.has(key)) questions.set(key, column);
  const fresh = input.questions.filter((q) => !questions.has(q.key));
  if (fresh.length > 0) {
    const at = Math.max(sheet.getLastColumn(), ...tab.columns.values(), ...questions.values()) + 1;
    ensureColumns(sheet, at + fresh.length - 1);
    const header = (q: BeginImportRequest['questions'][number]) => {
      const label = q.label || q.key;
      return q.role === 'personal' ? `${label} (${PERSONAL_DATA[lang]})` : label;
    };
    sheet.getRange(1, at, 1, fresh.length).setValues([fresh.map((q) => textCell(header(q)))]).setFontWeight('bold').setWrap(true);
    fresh.forEach((q, i) => {
      tagColumn(sheet, at + i, q.role === undefined ? QUESTION_METADATA_KEY : TOOL_COLUMN_METADATA_KEY, q.key);
      questions.set(q.key, at + i);
    });
  }
  const types = new Map(input.questions.map((q) => [q.key, q.type]));
  const byColumn = new Map<number, string>();
  for (const [key, column] of tab.columns) byColumn.set(column, key);
  for (const q of input.questions) byColumn.set(questions.get(q.key)!, QUESTION_FIELD + q.key);
  const first = Math.min(...byColumn.keys());
  const last = Math.max(...byColumn.keys());
  const fields: string[] = [];
  let kinds = '';
  for (let c = first; c <= last; c++) {
    const field = byColumn.get(c) ?? '';
    fields.push(field);
    kinds += kindOf(field, types);
  }
  for (const q of fresh) {
    if (q.type === 'date' || q.type === 'timestamp') {
      sheet.getRange(2, questions.get(q.key)!, sheet.getMaxRows() - 1, 1).setNumberFormat(q.type === 'date' ? 'dd/mm/yyyy' : 'dd/mm/yyyy hh:mm:ss');
    }
  }

  // The ids already written, read once; an answer repeated in the file counts as already present too.
  const existing = new Set(columnValues(tab, 'responseId').map(String));
  const present: number[] = [];
  for (let i = 0; i < input.keys.length; i++) {
    const key = input.keys[i]!;
    if (existing.has(key)) present.push(i);
    else existing.add(key);
  }
  const planned = input.keys.length - present.length;
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  if (planned > 0) ensureRows(sheet, start + planned - 1);
  const id = Utilities.getUuid();
  const reservation: Reservation = {
    id,
    user: who,
    hash: input.fileHash,
    file: input.fileName,
    wave: input.wave,
    sheet: sheet.getName(),
    start,
    first,
    kinds,
    fields,
    planned,
    written: 0,
    keys: input.keys.length,
    present: present.length,
    startedAt: now,
    expires: now + RESERVATION_TTL_MS,
    // The same file again after an interruption goes on with the interrupted import's Journal line.
    journalRow: held?.hash === input.fileHash ? held.journalRow : 0,
    journalMarker: held?.hash === input.fileHash && held.journalMarker ? held.journalMarker : `[import ${id.slice(0, 8)}]`,
    resumed,
  };
  reservation.journalRow = rewriteJournalLine(ss, { row: reservation.journalRow, marker: reservation.journalMarker }, who, 'import', progressLine(reservation, input.surveyId));
  saveReservation(input.surveyId, reservation);
  return { ok: true, importId: reservation.id, tab: reservation.sheet, fields, present, planned, written: 0, chunkRows: chunkRows(fields.length), resumed };
}


function kindOf(field: string, types: Map<string, string>): string {
  if (field === '') return '-';
  if (field.startsWith(QUESTION_FIELD)) {
    const type = types.get(field.slice(QUESTION_FIELD.length));
    return type === 'date' || type === 'timestamp' ? 'd' : 'v';
  }
  if (field === 'sourceRow') return 'n';
  if (field === 'importedAt') return 'i';
  if (field === 'answeredAt') return 'd';
  return 't';
}

/** A survey not yet in « Enquêtes » gets its row (id, name, tool, wave); an existing one is left as people wrote it. */
function addSurveyRow(ss: Spreadsheet, input: BeginImportRequest): void {
  const surveys = bindTab(ss, 'surveys');
  if (!surveys || !surveys.columns.has('id')) return;
  const ids = new Set(columnValues(surveys, 'id').map((v) => String(v).trim()));
  if (ids.has(input.surveyId)) return;
  appendRecords(surveys, [{ id: input.surveyId, name: (input.surveyName ?? '').trim() || input.surveyId, tool: input.tool, wave: input.wave }]);
}

/* ------------------------------------------------------------ chunks */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO date as the Date Sheets stores; a date without a zone is read in the script's (the spreadsheet's) zone. */
function dateCell(iso: string): Date | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  if (m[7]) return new Date(iso);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}

function live(surveyId: string, importId: unknown): Reservation | ImportFailure {
  const r = readReservation(surveyId);
  if (!r || r.id !== importId) {
    return fail('Cet import n’est plus en cours (il a été repris ou a expiré). Relancez l’import du même fichier : les réponses déjà écrites seront reconnues, rien ne sera doublé.');
  }
  return r;
}

export function writeImportChunk(ss: Spreadsheet, input: ImportChunkRequest): ImportChunkResult | ImportFailure {
  if (!input || typeof input.surveyId !== 'string' || !SURVEY_ID.test(input.surveyId)) return fail('Import refusé : enquête mal indiquée.');
  const r = live(input.surveyId, input.importId);
  if ('ok' in r) return r;
  const rows = input.rows;
  const offset = input.offset;
  if (!Array.isArray(rows) || !Number.isInteger(offset) || offset < 0 || offset + rows.length > r.planned) return fail('Import refusé : morceau hors de la réservation.');
  if (offset + rows.length <= r.written) return { ok: true, written: r.written, planned: r.planned };
  if (offset !== r.written) return fail(`Import refusé : morceau inattendu (réponse ${offset + 1} au lieu de ${r.written + 1}). Relancez l’import du même fichier.`);
  const width = r.kinds.length;
  const importedAt = new Date();
  const sourceRowAt = r.fields.indexOf('sourceRow');
  const out: CellValue[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== width) return fail('Import refusé : une ligne n’a pas le nombre de colonnes annoncé. Relancez l’import.');
    const cells: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = row[c];
      const kind = r.kinds.charCodeAt(c);
      if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
        const field = r.fields[c]!;
        return fail(`Ligne ${sourceRowAt >= 0 ? row[sourceRowAt] : offset + i + 1}, colonne « ${field.startsWith(QUESTION_FIELD) ? field.slice(QUESTION_FIELD.length) : field} » : plus de 50 000 caractères, la limite d’une cellule. Raccourcissez la réponse dans le fichier ; rien n’a été écrit pour ce morceau.`);
      }
      if (v === null || v === undefined || v === '') {
        cells[c] = kind === 105 /* i */ ? importedAt : '';
      } else if (kind === 105 /* i */) {
        cells[c] = importedAt;
      } else if (kind === 45 /* - */) {
        cells[c] = '';
      } else if (typeof v === 'number') {
        cells[c] = Number.isFinite(v) && kind !== 116 /* t */ ? v : textCell(String(v));
      } else if (kind === 100 /* d */) {
        cells[c] = dateCell(String(v)) ?? textCell(String(v));
      } else if (kind === 110 /* n */) {
        const n = Number(v);
        cells[c] = Number.isFinite(n) ? n : textCell(String(v));
      } else {
        cells[c] = textCell(String(v));
      }
    }
    out[i] = cells;
  }
  if (out.length > 0) {
    const row = r.start + offset;
    const a1 = `'${r.sheet.replace(/'/g, "''")}'!${columnLetter(r.first)}${row}:${columnLetter(r.first + width - 1)}${row + out.length - 1}`;
    let range;
    try {
      range = ss.getRange(a1);
    } catch {
      return fail(`L’onglet « ${r.sheet} » a été renommé ou supprimé pendant l’import. Relancez l’import du même fichier : il reprendra là où il s’est arrêté, sans doublon.`);
    }
    range.setValues(out);
  }
  r.written = offset + out.length;
  r.expires = Date.now() + RESERVATION_TTL_MS;
  saveReservation(input.surveyId, r);
  return { ok: true, written: r.written, planned: r.planned };
}

/* ------------------------------------------------------------ quotes */

export function writeImportQuotes(ss: Spreadsheet, input: ImportQuotesRequest, who: string): ImportQuotesResult | ImportFailure {
  if (!input || typeof input.surveyId !== 'string' || !SURVEY_ID.test(input.surveyId)) return fail('Import refusé : enquête mal indiquée.');
  const r = live(input.surveyId, input.importId);
  if ('ok' in r) return r;
  if (!Array.isArray(input.quotes)) return fail('Import refusé : citations mal formées.');
  const tab = bindTab(ss, 'observations');
  if (!tab || !tab.columns.has('id')) return fail('Onglet « Observations » introuvable : lancez « Configurer » pour le créer, puis relancez l’import.');
  const ids = new Set(columnValues(tab, 'id').map(String));
  const now = new Date();
  const records: Array<Record<string, CellValue>> = [];
  let alreadyPresent = 0;
  for (const q of input.quotes) {
    if (!q || typeof q.id !== 'string' || typeof q.text !== 'string' || q.text.trim() === '') continue;
    if (ids.has(q.id)) {
      alreadyPresent++;
      continue;
    }
    ids.add(q.id);
    records.push({
      id: q.id,
      createdAt: now,
      updatedAt: now.toISOString(),
      kind: termLabel('observationKind', 'citation', RECORD_LANG),
      text: q.text.slice(0, MAX_CELL_CHARS),
      tags: '',
      consent: termLabelOrNotGiven('consent', isTermId('consent', q.consent) ? q.consent : null, RECORD_LANG),
      scope: termLabel('scope', 'interne', RECORD_LANG),
      sourceTitle: `Enquête ${input.surveyId}, ${r.wave ? `vague ${r.wave}, ` : ''}« ${String(q.question ?? '').slice(0, 200)} »`,
      author: who,
      receivedAt: now,
    });
  }
  appendRecords(tab, records);
  return { ok: true, added: records.length, alreadyPresent };
}

/* ------------------------------------------------------------ finish */

export function finishImport(ss: Spreadsheet, input: FinishImportRequest, who: string): FinishImportResult | ImportFailure {
  if (!input || typeof input.surveyId !== 'string' || !SURVEY_ID.test(input.surveyId)) return fail('Import refusé : enquête mal indiquée.');
  const r = live(input.surveyId, input.importId);
  if ('ok' in r) return r;
  if (r.written < r.planned) {
    return fail(`${count(r.planned - r.written, 'réponse reste', 'réponses restent')} à écrire : relancez l’import du même fichier, il reprendra sans doublon.`);
  }
  const rejected = Array.isArray(input.rejected) ? input.rejected : [];
  const read = r.keys + rejected.length;
  if (input.read !== read) return fail(`Les comptes ne concordent pas (${input.read} lues annoncées, ${read} attendues) : relancez l’import.`);
  const reasons = summariseRejected(rejected);
  const quotes = input.quotes ? ` Citations vers Observations : ${count(input.quotes.added, 'ajoutée', 'ajoutées')} sur ${input.quotes.sent}.` : '';
  const warnings = summariseWarnings(input.warnings);
  const summary =
    `${r.file} → ${r.sheet}${r.wave ? ` (vague ${r.wave})` : ''} : ${count(read, 'réponse lue', 'réponses lues')} = ${count(r.written, 'insérée', 'insérées')} + ${count(r.present, 'déjà présente', 'déjà présentes')} + ${count(rejected.length, 'refusée', 'refusées')}.` +
    `${reasons}${quotes}${warnings}${r.resumed ? ' Reprise d’un import interrompu.' : ''} Empreinte du fichier : ${r.hash.slice(0, 16)}.`;
  rewriteJournalLine(ss, { row: r.journalRow, marker: r.journalMarker }, who, 'import', summary);
  fitResponses(ss, r);
  props().deleteProperty(RESERVATION_PREFIX + input.surveyId);
  return { ok: true, tab: r.sheet, read, inserted: r.written, alreadyPresent: r.present, rejected: rejected.length, summary };
}

/** The answers' columns fitted to their header and the first answers (one read), the long ones wrapped. */
function fitResponses(ss: Spreadsheet, r: Reservation): void {
  const sheet = ss.getSheetByName(r.sheet);
  if (!sheet) return;
  const sample = sheet.getRange(1, r.first, Math.min(Math.max(sheet.getLastRow(), 1), FIT_SAMPLE_ROWS), r.kinds.length).getValues();
  const columns = [...r.kinds].map((kind, c) =>
    kind === '-' ? null : { header: String(sample[0]![c]), values: sample.slice(1).map((row) => row[c]), ...(kind === 'i' || kind === 'd' ? { shape: 'datetime' as const } : {}) },
  );
  const widths = new ColumnWidths();
  widths.fitColumns(sheet, r.first, columns, { from: r.start, count: r.written });
  widths.save();
}

/** The file's warnings, one line per column and kind, as many as fit a readable Journal cell. */
function summariseWarnings(warnings: unknown): string {
  if (!Array.isArray(warnings)) return '';
  const lines = warnings.filter((w): w is string => typeof w === 'string' && w.trim() !== '');
  if (lines.length === 0) return '';
  const shown = lines.slice(0, 8).map((w) => (w.length > 300 ? `${w.slice(0, 300)}…` : w));
  return ` Attention : ${shown.join(' ')}${lines.length > 8 ? ` Et ${count(lines.length - 8, 'autre avertissement', 'autres avertissements')}.` : ''}`;
}

function summariseRejected(rejected: ReadonlyArray<{ row: number; message: string }>): string {
  if (rejected.length === 0) return '';
  const shown = rejected.slice(0, 10).map((p) => `ligne ${p.row} : ${String(p.message).slice(0, 200)}`);
  return ` Refusées : ${shown.join(' ; ')}${rejected.length > 10 ? ` ; et ${count(rejected.length - 10, 'autre', 'autres')}` : ''}.`;
}
