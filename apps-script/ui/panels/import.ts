/** The « Importer des réponses » panel: reads the file here, in the browser, and sends its rows in chunks. */
import { MAX_CHUNK_ROWS, type ChunkResult } from '../../../shared/survey/chunk';
import { readSurveyTable } from '../../../shared/survey/read-table';
import { $, onClick, say } from '../dom';
import { call } from '../rpc';

async function importFile(): Promise<void> {
  const output = $('import-result');
  const file = $<HTMLInputElement>('survey-file').files?.[0];
  if (!file) return say(output, 'Choisissez d’abord un fichier de réponses (CSV).', true);
  const surveyId = $<HTMLInputElement>('survey-id').value.trim();
  const read = readSurveyTable(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return say(output, `${file.name} : ${read.message}`, true);
  const { headers, rows } = read.table;
  const progress = $<HTMLProgressElement>('import-progress');
  progress.hidden = false;
  progress.max = Math.max(rows.length, 1);
  progress.value = 0;
  const totals = { inserted: 0, alreadyPresent: 0, rejected: [] as ChunkResult['rejected'] };
  for (let start = 0; start < rows.length || start === 0; start += MAX_CHUNK_ROWS) {
    const result = await call('importSurveyChunk', {
      surveyId, fileName: file.name, headers, firstRow: start + 2, rows: rows.slice(start, start + MAX_CHUNK_ROWS),
    });
    if (!result.ok) return say(output, result.message, true);
    totals.inserted += result.inserted;
    totals.alreadyPresent += result.alreadyPresent;
    totals.rejected.push(...result.rejected);
    progress.value = Math.min(start + MAX_CHUNK_ROWS, rows.length);
    if (rows.length === 0) break;
  }
  const lines = [
    `${file.name} : ${rows.length} réponse(s) lue(s) — ${totals.inserted} ajoutée(s), ${totals.alreadyPresent} déjà présente(s), ${totals.rejected.length} refusée(s).`,
    ...totals.rejected.map((r) => r.message),
  ];
  say(output, lines.join('\n'), totals.rejected.length > 0);
}

export function initImportPanel(): void {
  onClick($('import'), importFile);
}
