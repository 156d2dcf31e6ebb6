/**
 * The import transaction as a client drives it (the sidebar, or the CLI through the same bundle functions): validate
 * first, then begin (layout, answers already present, rows reserved), one write per chunk, quotes, and finish (the
 * Journal line where the counts reconcile). Platform-free: the server is whatever `ImportServer` calls.
 */
import {
  QUESTION_FIELD,
  QUOTE_CHUNK,
  type BeginImportRequest,
  type BeginImportResult,
  type FinishImportRequest,
  type FinishImportResult,
  type ImportChunkRequest,
  type ImportChunkResult,
  type ImportFailure,
  type ImportQuote,
  type ImportQuotesRequest,
  type ImportQuotesResult,
} from './chunk';
import { sha256Hex } from '../crypto/sha256';
import { isQuestion, prepareImport, prepareValues, problemGroups, type ImportOptions, type PreparedImport } from './import';
import { completeMapping, consentOf, quoteId, readMapping, rowBuilder, sheetKey, withoutRefusals, type ImportMapping, type KnownInstrument, type RegistryQuestion } from './mapping';
import type { Problem } from './types';
import { count } from '../text/plural';

export interface ImportServer {
  begin(request: BeginImportRequest): Promise<BeginImportResult | ImportFailure>;
  chunk(request: ImportChunkRequest): Promise<ImportChunkResult | ImportFailure>;
  quotes(request: ImportQuotesRequest): Promise<ImportQuotesResult | ImportFailure>;
  finish(request: FinishImportRequest): Promise<FinishImportResult | ImportFailure>;
}

export interface RunImportOptions {
  surveyId: string;
  surveyName?: string;
  wave: string;
  fileName: string;
  fileHash: string;
  mapping: ImportMapping;
  onProgress?: (written: number, planned: number) => void;
  /** Asked before each chunk; true stops there (Ctrl+C in the CLI): what is written stays, ready to resume. */
  stop?: () => boolean | Promise<boolean>;
  /** Test hook: stop (as if the sidebar were closed) after this many chunks. */
  stopAfterChunks?: number;
  /** Smaller chunks than the server's (tests). */
  maxChunkRows?: number;
}

export type RunImportResult =
  | ({ ok: true; resumed: boolean; quotes: { sent: number; added: number } } & FinishImportResult)
  | { ok: false; message: string; problems: Problem[]; stopped?: boolean };

const fail = (message: string, problems: Problem[] = []): RunImportResult => ({ ok: false, message, problems });

/**
 * The columns the sheet will get, keyed as it will know them: questions under their registry question when mapped,
 * the tool's kept columns as metadata, personal data only when asked for; two file questions mapped to one registry
 * question block.
 */
function sheetQuestions(prepared: PreparedImport, mapping: ImportMapping): { questions: BeginImportRequest['questions']; index: Map<string, number>; problems: Problem[] } {
  const index = new Map<string, number>();
  const problems: Problem[] = [];
  const questions: BeginImportRequest['questions'] = [];
  prepared.questions.forEach((q, i) => {
    const question = isQuestion(q);
    if (!question && (q.use === 'ignored' || (q.use === 'personal' && !mapping.personal.includes(q.key)))) return;
    const key = question ? sheetKey(mapping, q.key) : q.key;
    const other = index.get(key);
    if (other !== undefined) {
      problems.push({ row: 0, column: q.label, kind: 'mapped-twice', message: `« ${q.label} » et « ${prepared.questions[other]!.label} » sont toutes deux associées à la question « ${key} » du registre. Associez chaque colonne à une question différente.` });
      return;
    }
    index.set(key, i);
    questions.push({ key, label: q.label, type: q.type, ...(!question && { role: q.use === 'personal' ? 'personal' : 'metadata' }) });
  });
  return { questions, index, problems };
}

/** The hash an import is known by: the file's, or for another sheet than a workbook's first, the file's and the sheet's. */
export function tableHash(fileHash: string, prepared: PreparedImport): string {
  const { sheet, sheets } = prepared.table;
  return sheet === undefined || sheet === sheets?.[0] ? fileHash : sha256Hex(`${fileHash}\u0000${sheet}`);
}

/** The result of an import in the words the sidebar and the CLI both use: « 0 nouvelle réponse, 26 déjà présentes ». */
export function importSummary(result: Pick<FinishImportResult, 'read' | 'inserted' | 'alreadyPresent' | 'rejected'> & { resumed?: boolean }): string {
  const parts = [count(result.inserted, 'nouvelle réponse', 'nouvelles réponses'), count(result.alreadyPresent, 'déjà présente', 'déjà présentes')];
  if (result.rejected > 0) parts.push(count(result.rejected, 'laissée de côté', 'laissées de côté'));
  const read = result.read === result.inserted + result.alreadyPresent ? '' : ` (${count(result.read, 'lue', 'lues')})`;
  return `${result.resumed ? 'Import repris là où il s’était arrêté : ' : ''}${parts.join(', ')}${read}.`;
}

/**
 * A file read the way a person would accept the sidebar's preview without changing anything: the survey's saved
 * mapping, completed by the suggestions, then the file read again with the registry's types and levels. What the CLI
 * (and the tests and benches standing in for a person) use.
 */
export function prepareAsSuggested(
  source: Uint8Array | readonly string[][],
  setup: { mapping: unknown; questions: readonly RegistryQuestion[]; known?: readonly KnownInstrument[] },
  file: Omit<ImportOptions, 'corrections'> = {},
): { prepared: PreparedImport; mapping: ImportMapping } {
  const read = (corrections: ImportMapping['corrections']) =>
    source instanceof Uint8Array ? prepareImport(source, { ...file, corrections }) : prepareValues(source, { corrections });
  const saved = readMapping(setup.mapping);
  const mapping = completeMapping(saved, read(saved.corrections).questions, setup.questions, setup.known);
  return { prepared: read(mapping.corrections), mapping };
}

export async function runImport(all: PreparedImport, options: RunImportOptions, server: ImportServer): Promise<RunImportResult> {
  const { mapping } = options;
  const prepared = withoutRefusals(all, mapping);
  const mapped = sheetQuestions(prepared, mapping);
  const blocking = [...prepared.problems.errors, ...mapped.problems];
  if (blocking.length > 0) {
    const groups = problemGroups(prepared, blocking);
    const what = groups.length > 1 ? `${groups.length} problèmes empêchent l’import` : 'Un problème empêche l’import';
    return fail(`${what} : rien n’a été importé. ${groups.map((g) => g.message).join(' ')}`, blocking);
  }
  if (prepared.keys.length === 0 && prepared.problems.excluded.length === 0) return fail('Le fichier ne contient aucune réponse : rien à importer.');
  const begun = await server.begin({
    surveyId: options.surveyId,
    ...(options.surveyName !== undefined && { surveyName: options.surveyName }),
    tool: prepared.table.source,
    wave: options.wave,
    fileName: options.fileName,
    fileHash: options.fileHash,
    questions: mapped.questions,
    keys: prepared.keys,
    mapping,
  });
  if (!begun.ok) return fail(begun.message);
  const present = new Set(begun.present);
  const fresh: number[] = [];
  for (let i = 0; i < prepared.keys.length; i++) if (!present.has(i)) fresh.push(i);
  if (fresh.length !== begun.planned) return fail(`Le registre attend ${count(begun.planned, 'nouvelle réponse', 'nouvelles réponses')}, le fichier en donne ${fresh.length} : relancez l’import.`);
  // The wave given for this import fills the rows where the mapped wave column (if any) is blank.
  const waveSource = { ...mapping.paradata.wave, ...(options.wave !== '' && { value: options.wave }) };
  const rowMapping: ImportMapping = { ...mapping, paradata: { ...mapping.paradata, wave: waveSource } };
  const build = rowBuilder(prepared, begun.fields, { fileName: options.fileName, fileHash: options.fileHash, mapping: rowMapping, questionIndex: mapped.index });
  let written = begun.written;
  options.onProgress?.(written, begun.planned);
  let chunks = 0;
  let size = Math.max(1, Math.min(begun.chunkRows, options.maxChunkRows ?? Infinity));
  while (written < fresh.length) {
    if ((options.stopAfterChunks !== undefined && chunks >= options.stopAfterChunks) || (await options.stop?.())) {
      return { ok: false, message: `Import interrompu après ${count(written, 'réponse', 'réponses')} sur ${fresh.length}.`, problems: [], stopped: true };
    }
    const slice = fresh.slice(written, written + size);
    let answer: ImportChunkResult | ImportFailure;
    try {
      answer = await server.chunk({ surveyId: options.surveyId, importId: begun.importId, offset: written, rows: slice.map(build) });
    } catch (error) {
      // Too large a payload or too long an execution: the same rows again, in halves. Writes are by offset, so a
      // chunk that was written before its answer was lost is overwritten in place, never duplicated.
      if (size === 1) throw error;
      size = Math.ceil(size / 2);
      continue;
    }
    if (!answer.ok) return fail(answer.message);
    written = answer.written;
    chunks++;
    options.onProgress?.(written, begun.planned);
  }
  const quotes = { sent: 0, added: 0 };
  const quoteList = collectQuotes(prepared, mapping);
  for (let at = 0; at < quoteList.length; at += QUOTE_CHUNK) {
    const answer = await server.quotes({ surveyId: options.surveyId, importId: begun.importId, quotes: quoteList.slice(at, at + QUOTE_CHUNK) });
    if (!answer.ok) return fail(answer.message);
    quotes.sent += Math.min(QUOTE_CHUNK, quoteList.length - at);
    quotes.added += answer.added;
  }
  const finished = await server.finish({
    surveyId: options.surveyId,
    importId: begun.importId,
    read: prepared.keys.length + prepared.problems.excluded.length,
    rejected: prepared.problems.excluded.map((p) => ({ row: p.row, message: p.message })),
    ...(quoteList.length > 0 && { quotes }),
    warnings: problemGroups(prepared, prepared.problems.warnings).map((g) => g.message),
  });
  if (!finished.ok) return fail(finished.message);
  return { ...finished, resumed: begun.resumed, quotes };
}

/** Every non-empty answer of the questions sent to « Observations », with its consent from the mapped column. */
export function collectQuotes(prepared: PreparedImport, mapping: ImportMapping): ImportQuote[] {
  const byKey = new Map(prepared.questions.map((q, i) => [q.key, i]));
  const consentAt = mapping.quotes.consent !== undefined ? byKey.get(mapping.quotes.consent) : undefined;
  const out: ImportQuote[] = [];
  for (const fileKey of mapping.quotes.questions) {
    const q = byKey.get(fileKey);
    if (q === undefined) continue;
    const question = prepared.questions[q]!;
    const key = sheetKey(mapping, fileKey);
    prepared.table.values.forEach((row, i) => {
      const v = row[q];
      if (v === null || v === undefined || String(v).trim() === '') return;
      out.push({
        id: quoteId(prepared.keys[i]!, key),
        text: String(v),
        consent: consentAt === undefined ? null : consentOf(row[consentAt]),
        question: question.label,
      });
    });
  }
  return out;
}

export { QUESTION_FIELD };

/** The transaction's four server functions through one generic call (google.script.run, the CLI's bundle host). */
export function importServer(call: (fn: 'beginImport' | 'writeImportChunk' | 'writeImportQuotes' | 'finishImport', arg: unknown) => Promise<unknown>): ImportServer {
  return {
    begin: (r) => call('beginImport', r) as Promise<BeginImportResult | ImportFailure>,
    chunk: (r) => call('writeImportChunk', r) as Promise<ImportChunkResult | ImportFailure>,
    quotes: (r) => call('writeImportQuotes', r) as Promise<ImportQuotesResult | ImportFailure>,
    finish: (r) => call('finishImport', r) as Promise<FinishImportResult | ImportFailure>,
  };
}
