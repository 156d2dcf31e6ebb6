/**
 * The survey's responses tab (« Réponses <id> », found by metadata) and the first, raw-rows import call kept for
 * compatibility (`importSurveyChunk`). The import the sidebar and the CLI use — typed values, mapping, begin/chunks/
 * finish under a reservation — is in import-transaction.ts.
 */
import { QUESTION_METADATA_KEY, SURVEY_METADATA_KEY, TAB_METADATA_KEY, tabSpec, type Lang } from '../../shared/contract/tabs';
import { sha256Hex } from '../../shared/crypto/sha256';
import { MAX_CELL_CHARS } from '../../shared/sheet/cell';
import { SurveyChunk, type ChunkFailure, type ChunkResult } from '../../shared/survey/chunk';
import { logToJournal } from './journal';
import {
  appendRecords,
  bindColumns,
  columnValues,
  ensureColumns,
  sheetsWithMetadata,
  tagColumn,
  tagSheet,
  taggedColumns,
  type BoundTab,
  type CellValue,
} from './registry';
import { emptyReport, ensureContractColumns } from './setup';
import type { Sheet, Spreadsheet } from './spreadsheet';

const QUESTION_PREFIX = 'q:';

/** Key of an answer without an id from its tool: the same answer re-exported gets the same key. */
export function answerFingerprint(surveyId: string, row: readonly string[]): string {
  return `empreinte-${sha256Hex(JSON.stringify([surveyId, ...row])).slice(0, 32)}`;
}

/** The survey's responses tab, created with the contract columns when missing; `created` says which. */
export function responsesTab(ss: Spreadsheet, surveyId: string, lang: Lang): Sheet {
  return findOrCreateResponsesTab(ss, surveyId, lang).sheet;
}

export function findOrCreateResponsesTab(ss: Spreadsheet, surveyId: string, lang: Lang): { sheet: Sheet; created: boolean } {
  const existing = sheetsWithMetadata(ss, SURVEY_METADATA_KEY, surveyId)[0];
  if (existing) return { sheet: existing, created: false };
  const spec = tabSpec('responses');
  const base = `${spec.label[lang]} ${surveyId}`;
  let name = base;
  for (let i = 2; ss.getSheetByName(name); i++) name = `${base} (${i})`;
  const sheet = ss.insertSheet(name);
  tagSheet(sheet, TAB_METADATA_KEY, 'responses');
  tagSheet(sheet, SURVEY_METADATA_KEY, surveyId);
  ensureContractColumns(ss, sheet, spec, lang, emptyReport());
  return { sheet, created: true };
}

/** Binds the contract columns plus one column per question, adding the questions this file brings. */
function bindQuestions(ss: Spreadsheet, sheet: Sheet, headers: readonly string[]): BoundTab {
  const tab = bindColumns(ss, sheet, tabSpec('responses').columns);
  const questions = taggedColumns(ss, sheet, QUESTION_METADATA_KEY);
  let next = sheet.getLastColumn() + 1;
  for (const header of headers) {
    if (!questions.has(header)) {
      ensureColumns(sheet, next);
      sheet.getRange(1, next).setValue(header).setFontWeight('bold');
      sheet.getRange(2, next, sheet.getMaxRows() - 1, 1).setNumberFormat('@');
      tagColumn(sheet, next, QUESTION_METADATA_KEY, header);
      questions.set(header, next);
      next++;
    }
    tab.columns.set(QUESTION_PREFIX + header, questions.get(header)!);
    tab.textKeys.add(QUESTION_PREFIX + header);
  }
  return tab;
}

export function importSurveyChunk(ss: Spreadsheet, input: unknown, lang: Lang, who: string): ChunkResult | ChunkFailure {
  const parsed = SurveyChunk.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `Import refusé : ${issue?.message ?? 'données mal formées'} (champ « ${issue?.path.join('.') ?? '?'} »).` };
  }
  const chunk = parsed.data;
  const sheet = responsesTab(ss, chunk.surveyId, lang);
  const tab = bindQuestions(ss, sheet, chunk.headers);
  const present = new Set(columnValues(tab, 'responseId').map(String));
  const importedAt = new Date();
  const records: Record<string, CellValue>[] = [];
  const rejected: ChunkResult['rejected'] = [];
  let alreadyPresent = 0;
  chunk.rows.forEach((row, i) => {
    const sourceRow = chunk.firstRow + i;
    const tooLong = row.findIndex((cell) => cell.length > MAX_CELL_CHARS);
    if (tooLong >= 0) {
      rejected.push({ row: sourceRow, message: `Ligne ${sourceRow}, colonne « ${chunk.headers[tooLong]} » : plus de 50 000 caractères, la limite d’une cellule. Raccourcissez la réponse dans le fichier.` });
      return;
    }
    const id = answerFingerprint(chunk.surveyId, row);
    if (present.has(id)) {
      alreadyPresent++;
      return;
    }
    present.add(id);
    const record: Record<string, CellValue> = { responseId: id, sourceFile: chunk.fileName, sourceRow, importedAt };
    chunk.headers.forEach((h, c) => (record[QUESTION_PREFIX + h] = row[c] ?? ''));
    records.push(record);
  });
  appendRecords(tab, records);
  logToJournal(ss, who, 'import',
    `${chunk.fileName} → ${sheet.getName()} (lignes ${chunk.firstRow} à ${chunk.firstRow + chunk.rows.length - 1}) : ${records.length} insérée(s), ${alreadyPresent} déjà présente(s), ${rejected.length} refusée(s).`);
  return { ok: true, surveyId: chunk.surveyId, tab: sheet.getName(), inserted: records.length, alreadyPresent, rejected };
}
