/**
 * The three starting frameworks, as data. Validated against `Template` and `templateProblems` in tests, not at load.
 */
import type { Template } from './schema';
import bienVieillir from './bien-vieillir.json';
import aidants from './aidants.json';
import generique from './generique.json';

export type { Template } from './schema';

export const TEMPLATES: readonly Template[] = [bienVieillir as Template, aidants as Template, generique as Template];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
