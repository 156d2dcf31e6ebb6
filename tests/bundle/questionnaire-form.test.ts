// The Google Form round trip through the built bundle over the emulated FormApp: the « aidants » registry makes its
// form for each wave (consent first, published, linked to a tab), 30 carers answer it at T0 and again at T1 through
// the Forms API, each linked tab is imported as the sidebar does with its default choices, and every indicator of the
// survey gets a value.
import { describe, expect, it } from 'vitest';
import { sha256TableHex } from '../../shared/crypto/sha256';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import { testRegistry, type TestRegistry } from './runtime';

/** A small seeded generator: the same 30 carers every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Forms = TestRegistry['services']['globals']['FormApp'];
type EmulatedForm = ReturnType<Forms['openById']>;

/** One carer's answers, as a person clicking through the published form would give them. */
function answer(form: EmulatedForm, person: number, wave: 'T0' | 'T1', next: () => number): void {
  const response = form.createResponse();
  const better = wave === 'T1' ? 1 : 0;
  for (const item of form.getItems()) {
    const type = String(item.getType());
    const title = item.getTitle();
    if (type === 'MULTIPLE_CHOICE') {
      const choices = item.getChoices().map((c) => c.getValue());
      let pick: string;
      if (title.startsWith('Acceptez-vous de répondre')) pick = choices[0]!;
      else if (title.startsWith('Acceptez-vous que vos réponses')) pick = choices[person % 3 === 0 ? 1 : 0]!;
      else if (title === 'Qui remplit ce questionnaire ?') pick = choices[person % 10 === 9 ? 1 : 0]!;
      else {
        const levels = choices.filter((c) => c !== 'Ne sait pas');
        const level = Math.min(levels.length - 1, Math.max(0, Math.floor(next() * levels.length) + better - (next() < 0.3 ? 1 : 0)));
        pick = person % 13 === 5 && choices.includes('Ne sait pas') ? 'Ne sait pas' : levels[level]!;
      }
      response.withItemResponse(item.createResponse(pick));
    } else if (type === 'GRID') {
      const columns = item.getColumns();
      response.withItemResponse(item.createResponse(item.getRows().map(() => columns[Math.min(columns.length - 1, Math.floor(next() * (columns.length - 1)) + better)]!)));
    } else if (type === 'TEXT') {
      const value = /code personnel/.test(title) ? `A${String(person + 1).padStart(3, '0')}` : /fatigue/.test(title) ? String(Math.max(0, 7 - 2 * better + Math.floor(next() * 3) - 1)) : String(Math.floor(next() * 30) + 6 * better);
      response.withItemResponse(item.createResponse(value));
    } else if (type === 'PARAGRAPH_TEXT' && next() < 0.5) {
      response.withItemResponse(item.createResponse('Je dors mieux les semaines où ma fille prend le relais.'));
    }
  }
  response.submit();
}

/** What the sidebar does with « Lire l’onglet » then « Importer » when the person changes nothing. */
async function importFormTab(registry: TestRegistry, wave: string): Promise<{ rejected: number; inserted: number; mappingQuestions: Record<string, string> }> {
  const { tabs } = registry.run('listSheetTabs') as { tabs: Array<{ sheetId: number; name: string; form?: { survey: string; wave: string } }> };
  const tab = tabs.find((t) => t.form?.wave === wave)!;
  expect(tab.form).toEqual({ survey: 'E1', wave });
  const read = registry.run('readSheetTab', tab.sheetId) as { ok: true; values: string[][] };
  const { prepared, mapping } = prepareAsSuggested(read.values, registry.run('getImportSetup', tab.form!.survey));
  const result = await runImport(
    prepared,
    { surveyId: 'E1', wave: tab.form!.wave, fileName: `onglet « ${tab.name} »`, fileHash: sha256TableHex(read.values), mapping },
    importServer(registry.importCall),
  );
  if (!result.ok) throw new Error(`${result.message} ${JSON.stringify(result.problems.slice(0, 3))}`);
  // The survey's mapping also remembers columns of earlier files: only this tab's columns are looked at.
  const columns = new Set(prepared.questions.map((q) => q.key));
  return { rejected: result.rejected, inserted: result.inserted, mappingQuestions: Object.fromEntries(Object.entries(mapping.questions).filter(([column]) => columns.has(column))) };
}

describe('a Google Form made from the registry', () => {
  it('asks consent first, lets a refusal end the form, offers « Ne sait pas » apart, validates numbers, and is published', () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    const made = registry.run('createQuestionnaireForm', { survey: 'E1', wave: 'T1' });
    expect(made).toMatchObject({ ok: true, tab: 'Formulaire E1 T1', editUrl: expect.stringMatching(/^https:\/\/docs\.google\.com\/forms\/d\/.+\/edit$/) });
    const forms = registry.model.forms!;
    expect(forms).toHaveLength(1);
    const form = forms[0]!;
    expect(form.published).toBe(true);
    expect(form.settings).toMatchObject({ limitOneResponsePerUser: false, collectEmail: false });
    expect(form.description).toContain('Vos droits');
    const [consent, quotes, page] = form.items;
    expect(consent).toMatchObject({ type: 'MULTIPLE_CHOICE', title: 'Acceptez-vous de répondre à ce questionnaire ?', required: true });
    expect(consent!.choices!.map((c) => c.navigation)).toEqual(['CONTINUE', 'SUBMIT']);
    expect(quotes!.title).toContain('réponses écrites soient citées');
    expect(page!.type).toBe('PAGE_BREAK');
    const byTitle = (start: string) => form.items.find((i) => i.title.startsWith(start))!;
    expect(byTitle('Savez-vous à qui').choices!.map((c) => c.value)).toEqual(['Non', 'Plutôt non', 'Plutôt oui', 'Oui', 'Ne sait pas']);
    expect(byTitle('Ces deux dernières semaines').validation).toMatchObject({ kind: 'between', min: 0, max: 10 });
    expect(byTitle('Qu\'est-ce que le répit').type).toBe('PARAGRAPH_TEXT');
    const grid = form.items.find((i) => i.type === 'GRID')!;
    expect(grid.rows).toHaveLength(5);
    // Respondents see neutral part titles, never the change the service hopes for.
    expect(form.items.filter((i) => i.type === 'PAGE_BREAK').map((i) => i.title)).toEqual(['Qui répond', 'Partie 1 sur 6', 'Partie 2 sur 6', 'Partie 3 sur 6', 'Partie 4 sur 6', 'Partie 5 sur 6 — En quelques mots', 'Partie 6 sur 6 — Quelques questions sur vous']);
    const tab = registry.model.sheets.find((s) => s.name === 'Formulaire E1 T1')!;
    expect(tab.cells[0]!.slice(0, 3).map((c) => c?.v)).toEqual(['Horodateur', 'Acceptez-vous de répondre à ce questionnaire ?', expect.stringContaining('réponses écrites')]);
    expect(registry.tab('journal').at(-1)?.[3]).toMatch(/^Formulaire Google « .* » créé et publié/);
  });

  it('comes back answered, imported with no mapping step, and every indicator of the survey gets a value', async () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    const forms = registry.services.globals.FormApp;
    for (const wave of ['T0', 'T1'] as const) {
      expect(registry.run('createQuestionnaireForm', { survey: 'E1', wave })).toMatchObject({ ok: true });
      const form = forms.openById(registry.model.forms!.at(-1)!.id);
      // Someone rewords a question in Google Forms before T1: its column follows, and the import finds it by item id.
      if (wave === 'T1') form.getItems().find((item) => item.getTitle().startsWith('Le mois dernier, combien d'))!.setTitle('Question 7 (voir la carte-réponse)');
      const next = random(wave === 'T0' ? 7 : 8);
      for (let person = 0; person < 30; person++) answer(form, person, wave, next);
      // Someone who declines: the form ends at once, and the import leaves the row out with its reason.
      const consent = form.getItems()[0]!;
      form.createResponse().withItemResponse(consent.createResponse('Non, je ne souhaite pas répondre')).submit();
    }
    for (const wave of ['T0', 'T1']) {
      const imported = await importFormTab(registry, wave);
      expect(imported).toMatchObject({ inserted: 30, rejected: 1 });
      // Every registry question asked at this wave is answered by a column of the form, found without any suggestion
      // (who answered and the person's code are paradata; the follow-up question is asked at T1 only).
      const asked = ['fatigue', 'heures_repit', 'lien_aide', 'repit_adapte', 'repit_pris', 'sait_ou_sadresser', 'seul_face', 'seul_frequence', 'soutien_ressenti', 'tranche_age', 'who5_1', 'who5_2', 'who5_3', 'who5_4', 'who5_5'];
      expect(Object.values(imported.mappingQuestions).sort()).toEqual([...asked, ...(wave === 'T1' ? ['changement_libre'] : [])].sort());
    }
    const responses = registry.tab('responses');
    const header = responses[0]!.map(String);
    const column = (label: string) => header.indexOf(label);
    expect(new Set(responses.slice(1).map((r) => r[column('Type de répondant')]))).toEqual(new Set(['lui-même', 'aidé']));
    expect(new Set(responses.slice(1).map((r) => r[column('Mode de passation')]))).toEqual(new Set(['auto-administré']));
    expect(responses.slice(1).filter((r) => r[column('Identifiant personne')] === 'A001').map((r) => r[column('Vague')])).toEqual(['T0', 'T1']);
    const journal = registry.tab('journal').map((r) => String(r[3]));
    expect(journal.find((line) => line.startsWith('onglet « Formulaire E1 T0 »'))).toMatch(/31 réponses lues = 30 insérées \+ 0 déjà présente \+ 1 refusée\. Refusées : ligne \d+ : .*n’a pas accepté de répondre/);

    const result = registry.run('computeRegistry') as { ok: true; values: Array<{ indicator: string; segment: string; value: number | null; n: number | null }> };
    const surveyIndicators = ['I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10', 'I11', 'I12', 'I13'];
    for (const code of surveyIndicators) {
      const rows = result.values.filter((v) => v.indicator === code && v.segment === '' && v.value !== null);
      expect(rows.length, code).toBeGreaterThan(0);
    }
    // Written answers whose authors agreed to be quoted became quotes, with their consent.
    const observations = registry.tab('observations');
    const consentAt = observations[0]!.map(String).indexOf('Consentement');
    expect(observations.length).toBeGreaterThan(1);
    expect(new Set(observations.slice(1).map((r) => r[consentAt]))).toEqual(new Set(['obtenu', 'non obtenu']));
  });
});
