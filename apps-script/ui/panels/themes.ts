/**
 * The « Thèmes des observations » panel: the observations with their themes, filtered by words, theme or person code,
 * checked one by one or all at once, and a theme added to or removed from the checked ones in one call. Page text is
 * set with textContent only.
 */
import { $, onClick, option, say } from '../dom';
import { call } from '../rpc';
import { count } from '../../../shared/text/plural';

type List = Extract<Awaited<ReturnType<typeof loadList>>, { ok: true }>;
let list: List | null = null;
const checked = new Set<string>();

const loadList = () => call('getObservationsForTagging');
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The observations the filter keeps: words of the text, a theme's id or label, or a person's code. */
function visible(): List['observations'] {
  if (!list) return [];
  const words = fold($<HTMLInputElement>('tag-filter').value.trim());
  const untagged = $<HTMLInputElement>('tag-untagged').checked;
  const labels = new Map(list.codes.map((c) => [fold(c.id), fold(c.label)]));
  return list.observations.filter((o) => {
    if (untagged && o.tags.length > 0) return false;
    if (!words) return true;
    const haystack = [o.text, o.personId ?? '', ...o.tags, ...o.tags.map((t) => labels.get(fold(t)) ?? '')].map(fold).join('\n');
    return haystack.includes(words);
  });
}

/** A tag as a person reads it: a code's id with its label (« T6 Répit »), a free tag as written. */
function tagText(tag: string): string {
  const code = list?.codes.find((c) => fold(c.id) === fold(tag) || fold(c.label) === fold(tag));
  return code ? `${code.id} ${code.label}` : tag;
}

function render(): void {
  const shown = visible();
  $('tag-observations').replaceChildren(
    ...shown.map((o) => {
      const item = document.createElement('li');
      const label = document.createElement('label');
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', checked: checked.has(o.id) });
      box.addEventListener('change', () => {
        if (box.checked) checked.add(o.id);
        else checked.delete(o.id);
        showCount(shown.length);
      });
      const body = document.createElement('span');
      const tags = Object.assign(document.createElement('span'), { className: 'tags', textContent: o.tags.length > 0 ? ` [${o.tags.map(tagText).join(' ; ')}]` : ' [sans thème]' });
      body.append(document.createTextNode(`${o.date} · ${o.kind}${o.personId ? ` · ${o.personId}` : ''} — ${o.text}`), tags);
      label.append(box, body);
      item.append(label);
      return item;
    }),
  );
  showCount(shown.length);
}

function showCount(shown: number): void {
  $('tag-count').textContent = `${count(shown, 'observation affichée', 'observations affichées')} sur ${list?.observations.length ?? 0}, ${count(checked.size, 'cochée', 'cochées')}.`;
}

async function refresh(): Promise<void> {
  const reply = await loadList();
  if (!reply.ok) return say($('tag-result'), reply.message, true);
  list = reply;
  const known = new Set(reply.observations.map((o) => o.id));
  for (const id of [...checked]) if (!known.has(id)) checked.delete(id);
  const select = $<HTMLSelectElement>('tag-code');
  const current = select.value;
  select.replaceChildren(...reply.codes.map((c) => option(c.id, c.kind === 'theme' ? `  ${c.id} — ${c.label}` : `${c.id} — ${c.label}`)));
  if (current) select.value = current;
  render();
}

async function retag(action: 'add' | 'remove'): Promise<void> {
  const code = $<HTMLSelectElement>('tag-code').value;
  const reply = await call('retagObservations', { ids: [...checked], [action]: code ? [code] : [] });
  if (!reply.ok) return say($('tag-result'), reply.message, true);
  say($('tag-result'), reply.summary);
  await refresh();
}

export function initThemesPanel(): void {
  $('tag-filter').addEventListener('input', render);
  $('tag-untagged').addEventListener('change', render);
  $('tag-all').addEventListener('click', () => {
    for (const o of visible()) checked.add(o.id);
    render();
  });
  $('tag-none').addEventListener('click', () => {
    checked.clear();
    render();
  });
  onClick($('tag-add'), () => retag('add'));
  onClick($('tag-remove'), () => retag('remove'));
  $('themes-section').addEventListener('toggle', () => {
    if (($('themes-section') as HTMLDetailsElement).open) void refresh().catch(() => undefined);
  });
}
