// The reports through the built bundle, on the README's demo (two waves of carers, quotes sent by the extension):
// generated from the registry as it is (nothing written but the Journal's line), shown in a modal dialog with its
// print and download bar, logged with what was hidden; the « Décisions » form feeds the report and the team view.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import { failed, succeeded, testRegistry, type TestRegistry } from './runtime';

const quote = (n: number, over: Record<string, unknown>) => ({
  id: `7a1c2a3b-4d5e-4f60-8a7b-${String(n).padStart(12, '0')}`, createdAt: '2026-09-20T09:00:00.000Z', updatedAt: '2026-09-20T09:00:00.000Z',
  kind: 'citation', tags: ['C2'], stakeholder: 'aidants', ...over,
});

async function demo(): Promise<TestRegistry> {
  const registry = testRegistry();
  registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
  for (const wave of ['t0', 't1'] as const) {
    const bytes = new Uint8Array(readFileSync(`tests/fixtures/demo/aidants-${wave}-google-forms.csv`));
    const { prepared, mapping } = prepareAsSuggested(bytes, registry.run('getImportSetup', 'E1'));
    succeeded(await runImport(prepared, { surveyId: 'E1', wave: wave.toUpperCase(), fileName: `${wave}.csv`, fileHash: sha256BytesHex(bytes), mapping }, importServer(registry.importCall)));
  }
  const token = succeeded(registry.run('getConnectionCode')).code.slice('repere1:'.length).split('@')[0]!;
  registry.post({
    v: 1, op: 'putObservations', token,
    records: [
      quote(1, { text: 'Le samedi, je peux enfin aller marcher.', consent: 'obtenu', scope: 'financeurs' }),
      quote(2, { text: 'Je ne veux pas que ça sorte.', consent: 'non obtenu', scope: 'financeurs' }),
      quote(3, { text: 'À garder pour l’équipe.', consent: 'obtenu', scope: 'interne' }),
    ],
  });
  registry.run('saveApproach', { question: 'Les aidants que nous accompagnons arrivent-ils à souffler ?', promise: 'I4 et I11' });
  return registry;
}

const journalLines = (registry: TestRegistry) => registry.tab('journal').slice(1).map((r) => `${String(r[2])} | ${String(r[3])}`);

describe('the reports, through the bundle', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await demo();
  });

  it('makes the funders’ report from the data as they are, writing only its Journal line', () => {
    const values = registry.tab('values');
    const reply = succeeded(registry.run('generateReportFile', { document: 'rapport', audience: 'funders' }));
    expect(registry.tab('values')).toEqual(values);
    expect(reply.fileName).toBe('rapport-financeurs.html');
    expect(reply.html).toContain('Les aidants que nous accompagnons arrivent-ils à souffler ?');
    expect(reply.html).toContain('Le samedi, je peux enfin aller marcher.');
    expect(reply.html).not.toMatch(/Je ne veux pas que ça sorte|À garder pour l’équipe/);
    // 22 carers out of 24 took time for themselves at T1: 2 answered otherwise, so the figure stays in.
    expect(reply.html).not.toContain('22 aidants sur 24');
    expect(reply.summary).toMatch(/^Rapport d’évaluation pour « financeurs » prêt : 1 citation, \d+ chiffres masqués \(moins de 11 personnes\), notés dans le Journal\.$/);
    const line = journalLines(registry).at(-1)!;
    expect(line).toMatch(/^rapport \| Rapport d’évaluation pour « financeurs » \(seuil 11 personnes\), valeurs les plus récentes : 1 citation, \d+ chiffres masqués — moins de 11 personnes : .*I3 T1/);
  });

  it('shows the preview in a modal dialog, the document under a bar to print, download or open it in a new tab', () => {
    const dialogs = registry.services.ui.dialogs;
    const before = dialogs.length;
    const reply = succeeded(registry.run('showReportPreview', { document: 'une-page', audience: 'funders' }));
    expect(reply).not.toHaveProperty('html');
    expect(dialogs).toHaveLength(before + 1);
    const shown = dialogs.at(-1)!;
    expect(shown).toMatchObject({ title: `L’essentiel en une page — ${registry.run('getSidebarState').registryName}`, modal: true });
    expect(shown.html).toContain('<button type="button" data-action="print">Imprimer / PDF</button>');
    expect(shown.html).toContain('data-action="download">Télécharger (.html)</button>');
    expect(shown.html).toContain('data-action="open">Ouvrir dans un nouvel onglet</button>');
    expect(shown.html).toContain('@media print { .repere-preview-bar { display: none !important; } }');
    expect(shown.html).toContain('data-file="une-page-financeurs.html"');
  });

  it('refuses a team view for funders, in French', () => {
    expect(failed(registry.run('generateReportFile', { document: 'equipe', audience: 'funders' })).message).toBe('Le document « equipe » ne peut être fait que pour : équipe (pas « financeurs »).');
  });

  it('notes a decision from the sidebar’s form, read back by the report and, while open, by the team view', () => {
    expect(failed(registry.run('addDecision', { learnt: ' ', change: '' })).message).toBe('Écrivez au moins ce que vous avez appris ou ce que vous changez.');
    expect(failed(registry.run('addDecision', { change: 'x', status: 'peut-être' })).message).toMatch(/^Statut « peut-être » inconnu/);
    expect(registry.run('addDecision', { date: '2026-10-02', subject: 'C2', learnt: 'Les aidants manquent de répit le week-end.', change: 'Ouvrir l’accueil le samedi matin.', who: 'Coordinatrice', status: 'en cours' })).toMatchObject({ ok: true });
    registry.run('addDecision', { date: '2026-10-03', subject: 'I9', change: 'Proposer un groupe de parole.', status: 'faite' });
    const [header = [], ...rows] = registry.tab('decisions');
    expect(header).toEqual(['Date', 'Changement ou indicateur', 'Ce que nous avons appris', 'Ce que nous changeons', 'Qui', 'Statut']);
    expect(rows.map((r) => [r[1], r[3], r[5]])).toEqual([['C2', 'Ouvrir l’accueil le samedi matin.', 'en cours'], ['I9', 'Proposer un groupe de parole.', 'faite']]);
    expect(journalLines(registry).at(-1)).toBe('décision | Décision notée (I9) : Proposer un groupe de parole.');
    const report = succeeded(registry.run('generateReportFile', { document: 'rapport', audience: 'funders' })).html;
    expect(report).toContain('Ouvrir l’accueil le samedi matin.');
    expect(report).toContain('Proposer un groupe de parole.');
    const team = succeeded(registry.run('generateReportFile', { document: 'equipe', audience: 'team' })).html;
    expect(team).toContain('Ouvrir l’accueil le samedi matin.');
    expect(team).not.toContain('Proposer un groupe de parole.');
    // The team sees the collection flags, never an answer sheet to review (the demo has one: straight-lining).
    expect(team).toContain('sans réponse à T1');
    expect(team).not.toMatch(/personne A0\d\d|ligne \d+ de/);
  });

  it('lists what the panel offers: documents with their audiences, periods computed, outcomes, decision subjects', () => {
    registry.run('computeRegistry');
    const setup = registry.run('getReportSetup');
    expect(setup.documents.map((d) => [d.id, d.defaultAudience, d.audiences.map((a) => a.label)])).toEqual([
      ['rapport', 'funders', ['financeurs', 'public', 'équipe']],
      ['une-page', 'funders', ['financeurs', 'public', 'équipe']],
      ['equipe', 'team', ['équipe']],
    ]);
    // The waves, and the quarter of the quotes counted by the observations indicator.
    expect(setup.periods).toEqual(['2026-T3', 'T0', 'T1']);
    expect(setup.outcomes.map((o) => o.id)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(setup.subjects.map((s) => s.id)).toContain('I11');
    expect(setup.statuses).toEqual(['à décider', 'en cours', 'faite', 'abandonnée']);
  });
});
