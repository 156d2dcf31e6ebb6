/** Small DOM helpers shared by the sidebar's panels: find an element, report a result, run a button's work once, link a file. */
import { failureMessage } from './rpc';

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Shows a result next to its panel and in the live region, so screen readers hear it too. */
export function say(target: HTMLElement, text: string, isError = false): void {
  target.textContent = text;
  target.classList.toggle('error', isError);
  $('status').textContent = text;
}

export function sayFailure(error: unknown): void {
  say($('status'), failureMessage(error), true);
}

/**
 * Runs the button's work on click, disabled meanwhile so a double click does not run it twice. Its panel's result
 * says « En cours… » until the work gives its own: the last run's message (an import's counts) never stands for this
 * one's.
 */
export function onClick(button: HTMLButtonElement, work: () => Promise<void>): void {
  button.addEventListener('click', () => {
    button.disabled = true;
    const result = button.closest('section')?.querySelector<HTMLElement>('.result');
    if (result) say(result, 'En cours…');
    work()
      .catch(sayFailure)
      .finally(() => (button.disabled = false));
  });
}

export function option(value: string, text: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

/** A link to a file prepared here (a blob) or a page elsewhere: to download, or to open in a new tab. */
export function fileLink(text: string, href: string, options: { download?: string; newTab?: boolean }): HTMLAnchorElement {
  const a = document.createElement('a');
  a.textContent = text;
  a.href = href;
  if (options.download) a.download = options.download;
  if (options.newTab) {
    a.target = '_blank';
    a.rel = 'noopener';
  }
  return a;
}
