// Small DOM helpers shared by the side panel's parts: find an element, build an option, announce a result.
export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export const option = (value: string, label: string) => Object.assign(document.createElement('option'), { value, textContent: label });

const status = $('status');

/** Writes to the live region; an identical message is written again so that screen readers announce it again. */
export function say(message: string): void {
  status.textContent = '';
  status.textContent = message;
}
