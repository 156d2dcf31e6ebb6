/**
 * Taguette's codebook CSV: read as Taguette's own import reads it (a « tag », « name » or « path » column, an optional
 * « description »; header case ignored; blank rows skipped), and written as Taguette exports it (« tag,description »),
 * every cell neutralised so that no spreadsheet runs it as a formula.
 */
import Papa from 'papaparse';
import type { Codebook } from '../codebook/codebook';
import type { RefiCode } from './refi-qda/codebook';

export type TaguetteRead = { ok: true; codes: RefiCode[] } | { ok: false; message: string };

const NAME_COLUMNS = ['tag', 'name', 'path'];

export function readTaguetteCodebook(text: string): TaguetteRead {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (!header || header.length === 0) return { ok: false, message: 'Ce fichier CSV est vide : exportez le livre de codes depuis Taguette (Export › Codebook › CSV).' };
  const lower = header.map((h) => h.trim().toLowerCase());
  const named = NAME_COLUMNS.filter((n) => lower.includes(n));
  if (named.length === 0) return { ok: false, message: `Aucune colonne « tag », « name » ou « path » dans ce CSV (colonnes : ${header.map((h) => `« ${h} »`).join(', ')}) : ce n’est pas un livre de codes Taguette.` };
  if (named.length > 1) return { ok: false, message: `Ce CSV a plusieurs colonnes de nom (${named.map((n) => `« ${n} »`).join(', ')}) : gardez-en une seule.` };
  const nameAt = lower.indexOf(named[0]!);
  const descriptionAt = lower.indexOf('description');
  const codes: RefiCode[] = [];
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const name = (row[nameAt] ?? '').trim();
    if (name === '') {
      problems.push(`ligne ${i + 2}`);
      return;
    }
    codes.push({ guid: '', name, isCodable: true, color: '', description: descriptionAt >= 0 ? (row[descriptionAt] ?? '').trim() : '', children: [] });
  });
  if (problems.length > 0) return { ok: false, message: `Thème sans nom (colonne « ${header[nameAt]} ») : ${problems.join(', ')}. Remplissez-le ou supprimez la ligne.` };
  if (codes.length === 0) return { ok: false, message: 'Ce livre de codes Taguette ne contient aucun thème.' };
  return { ok: true, codes };
}

/** Formula prefixes, also after spaces or a non-breaking space (the boolean escapeFormulae misses those). */
const FORMULA = /^[\s\u00A0]*[=+\-@\t\r]/;

/** The codebook for Taguette's « Import codebook »: one row per theme and per outcome, as Taguette exports them. */
export function taguetteCodebookCsv(codebook: Codebook): string {
  const rows = codebook.codes.map((c) => [c.label, c.description]);
  return `${Papa.unparse([['tag', 'description'], ...rows], { escapeFormulae: FORMULA, newline: '\r\n' })}\r\n`;
}
