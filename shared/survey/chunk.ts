/**
 * A chunk of survey answers as the sidebar (or the CLI) sends it to the server: small enough for one execution and
 * one google.script.run payload, checked again on arrival.
 */
import * as z from 'zod';

export const MAX_CHUNK_ROWS = 2_000;

export const SurveyChunk = z
  .object({
    surveyId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'L’identifiant d’enquête ne peut contenir que des lettres, chiffres, « - » et « _ » (40 au plus).'),
    fileName: z.string().min(1).max(255),
    headers: z.array(z.string().min(1).max(1_000)).min(1).max(1_000),
    /** Row number in the source file of the first row of this chunk (the header row is row 1). */
    firstRow: z.number().int().min(2),
    rows: z.array(z.array(z.string())).max(MAX_CHUNK_ROWS),
  })
  .strict();
export type SurveyChunk = z.infer<typeof SurveyChunk>;

export interface ChunkResult {
  ok: true;
  surveyId: string;
  tab: string;
  inserted: number;
  alreadyPresent: number;
  rejected: Array<{ row: number; message: string }>;
}

export interface ChunkFailure {
  ok: false;
  message: string;
}
