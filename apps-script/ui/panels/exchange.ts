/**
 * The « Échanges » panel: exports the codebook (.qdc, Taguette CSV), the coded observations (.qdpx) for an audience
 * said out loud, the impact data (CIDS), and imports a codebook or a project's codings. The registry hands over plain
 * data (the outward gate has already chosen what may leave); the files are made and read here, as the CLI does.
 */
import type { Audience } from '../../../shared/contract/words';
import { cidsFile, codebookFile, projectFile, readCodebookFile, readCodingsFile, type ExchangeFile } from '../../../shared/exchange/files';
import { $, onClick, option, say } from '../dom';
import { call } from '../rpc';

const output = () => $('exchange-result');

const AUDIENCE_HELP: Record<string, string> = {
  funders: 'Seules les observations dont la personne a donné son accord et dont l’usage est « financeurs » ou « public » y figurent.',
  public: 'Seules les observations dont la personne a donné son accord et dont l’usage est « public » y figurent.',
  team: 'Toutes les observations, y compris sans consentement : le fichier le dit en tête et ne doit pas sortir de la structure.',
};

function offer(file: ExchangeFile): void {
  const url = URL.createObjectURL(new Blob([file.content as BlobPart], { type: file.type }));
  const item = document.createElement('li');
  const link = Object.assign(document.createElement('a'), { href: url, download: file.name, textContent: 'Télécharger' });
  item.append(document.createTextNode(`${file.name} : `), link);
  $('exchange-files').prepend(item);
  say(output(), `${file.summary} Le fichier est prêt.`);
  link.click();
}

async function refresh(): Promise<void> {
  const setup = await call('getExchangeSetup');
  if (!setup.ok) return say(output(), setup.message, true);
  const select = $<HTMLSelectElement>('x-outcome');
  const current = select.value;
  select.replaceChildren(option('', '— aucun (demander)'), ...setup.outcomes.map((o) => option(o.id, `${o.id} — ${o.label}`)));
  select.value = setup.outcomes.some((o) => o.id === current) ? current : '';
  if (!$<HTMLInputElement>('x-org').value) $<HTMLInputElement>('x-org').value = setup.registryName;
}

async function importFile(input: HTMLInputElement, kind: 'codebook' | 'codings'): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  input.value = '';
  const looseOutcome = $<HTMLSelectElement>('x-outcome').value || undefined;
  const common = { file: file.name, ...(looseOutcome && { looseOutcome }) };
  let reply;
  if (kind === 'codebook') {
    const read = readCodebookFile(file.name, bytes);
    if (!read.ok) return say(output(), read.message, true);
    reply = await call('importCodebook', { codes: read.codes, ...common });
  } else {
    const read = readCodingsFile(file.name, bytes);
    if (!read.ok) return say(output(), read.message, true);
    reply = await call('importCodings', { codes: read.codes, sources: read.sources, origin: read.origin, ...common });
  }
  if (!reply.ok) return say(output(), 'loose' in reply && reply.loose ? `${reply.message} (liste « Rattacher les codes nouveaux… » ci-dessus)` : reply.message, true);
  say(output(), reply.summary);
}

export function initExchangePanel(): void {
  const audience = $<HTMLSelectElement>('x-audience');
  const help = () => ($('x-audience-help').textContent = AUDIENCE_HELP[audience.value] ?? '');
  audience.addEventListener('change', help);
  help();
  onClick($('x-qdc'), async () => {
    const data = await call('prepareCodebookExport');
    if (!data.ok) return say(output(), data.message, true);
    offer(codebookFile(data, 'qdc', new Date()));
  });
  onClick($('x-csv'), async () => {
    const data = await call('prepareCodebookExport');
    if (!data.ok) return say(output(), data.message, true);
    offer(codebookFile(data, 'csv', new Date()));
  });
  onClick($('x-qdpx'), async () => {
    const data = await call('prepareProjectExport', { audience: audience.value as Audience });
    if (!data.ok) return say(output(), data.message, true);
    offer(projectFile(data, new Date()));
  });
  onClick($('x-cids'), async () => {
    const data = await call('prepareCidsExport', { audience: $<HTMLSelectElement>('x-cids-audience').value as Audience });
    if (!data.ok) return say(output(), data.message, true);
    offer(cidsFile({ ...data, organisation: $<HTMLInputElement>('x-org').value }, new Date()));
  });
  for (const [id, kind] of [['x-codebook-file', 'codebook'], ['x-project-file', 'codings']] as const) {
    const input = $<HTMLInputElement>(id);
    input.addEventListener('change', () => void importFile(input, kind).catch((error) => say(output(), String(error), true)));
  }
  $('exchange-section').addEventListener('toggle', () => {
    if (($('exchange-section') as HTMLDetailsElement).open) void refresh().catch(() => undefined);
  });
}
