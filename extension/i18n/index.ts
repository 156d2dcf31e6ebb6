// Picks the message catalogue from the browser's language: French unless the browser asks for English.
import { fr, type Messages } from './fr';
import { en } from './en';

export type { Messages };

export function catalogueFor(language: string | undefined): Messages {
  return language?.toLowerCase().startsWith('en') ? en : fr;
}

export const t: Messages = catalogueFor(globalThis.navigator?.language);

/** Fills every element marked `data-i18n="section.key"` with its text (pages ship French in their HTML). */
export function localisePage(doc: Document, messages: Messages = t): void {
  doc.documentElement.lang = messages.lang;
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const [section, key] = (el.dataset.i18n ?? '').split('.');
    const value = (messages as unknown as Record<string, Record<string, unknown>>)[section ?? '']?.[key ?? ''];
    if (typeof value === 'string') el.textContent = value;
  }
}
