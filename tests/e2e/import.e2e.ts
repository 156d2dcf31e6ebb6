// End to end: the survey import in the real sidebar on the local page, in Chromium, as a first-time user does it with
// the default choices only: a Google Forms download and a hand-typed .xlsx imported at the first try (preview as a
// form, the tool's columns folded, personal data left out, one result message with the next step), a re-import that
// adds nothing, problems grouped by column with « voir toutes les lignes » and the choice to keep a column as text, a
// value no cell can hold that writes nothing, and an import interrupted then really resumed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLocalPage } from './harness/local-page';

const fixture = (name: string) => path.resolve('tests/fixtures/import', name);
const survey = (name: string) => path.resolve('tests/fixtures/surveys', name);
const FILE_LABEL = 'Fichier de réponses (.csv, .xlsx, .ods)';

describe('the survey import in the sidebar', () => {
  const local = useLocalPage();

  const result = () => local.sidebar.locator('#import-result').textContent();
  const sidebarFrame = () => local.page.frames().find((f) => f !== local.page.mainFrame())!;
  const chooseSurvey = async (id: string) => {
    await local.sidebar.getByLabel('Enquête (identifiant)').fill(id);
    await local.sidebar.getByLabel('Enquête (identifiant)').dispatchEvent('change');
  };
  const importButton = () => local.sidebar.getByRole('button', { name: 'Importer', exact: true });

  it('sits after the registry set-up and before the computation', async () => {
    const headings = await local.sidebar.locator('h2').allTextContents();
    expect(headings.indexOf('Importer des réponses')).toBeGreaterThan(headings.indexOf('Registre'));
    expect(headings.indexOf('Importer des réponses')).toBeLessThan(headings.indexOf('Calculer'));
  });

  it('imports a Google Forms download at the first try with the default choices, and says what comes next', async () => {
    await chooseSurvey('G1');
    await local.sidebar.getByLabel(FILE_LABEL).setInputFiles(survey('google-forms-fr-telechargement.csv'));
    await expect.poll(() => local.sidebar.locator('#import-summary').textContent()).toBe(
      'google-forms-fr-telechargement.csv : source google-forms, encodage utf-8, séparateur « , », 12 réponses, 7 questions.',
    );
    // A form: every field has a visible label, each question its type, examples and registry question.
    await expect.poll(() => local.sidebar.locator('#import-questions .q-label').allTextContents()).toContain('Un mot sur votre quotidien ?');
    expect(await local.sidebar.getByLabel('Type de « Quelles aides recevez-vous ? »').inputValue()).toBe('multiple');
    expect(await local.sidebar.getByLabel('Type de « Un mot sur votre quotidien ? »').inputValue()).toBe('text');
    expect(await local.sidebar.getByLabel('Type de « Sur une échelle de 0 à 10, recommanderiez-vous notre service à un proche ? »').inputValue()).toBe('likert');
    const unlabelled = await sidebarFrame().evaluate(() =>
      Array.from(document.querySelectorAll('#import-section select, #import-section input')).filter((el) => {
        const id = el.id;
        const visible = (id && document.querySelector(`label[for="${id}"]`)) || el.closest('label');
        return !visible;
      }).length,
    );
    expect(unlabelled).toBe(0);
    expect(await local.sidebar.locator('#import-questions .q-examples').first().textContent()).toBe('ex. « 78 », « 82 », « 69 »');
    expect(await local.sidebar.locator('#import-metadata summary').textContent()).toBe(
      '2 colonnes de l’outil (identifiant, dates, état…) : pas des questions, jamais dans les indicateurs ; 1 de données personnelles, non importées.',
    );
    expect(await result()).toBe('Vérifiez l’aperçu (types et questions du registre), puis « Importer ».');
    await local.page.screenshot({ path: path.resolve('tests/.tmp/import-preview.png'), fullPage: true }).catch(() => undefined);

    await importButton().click();
    await expect.poll(result).toBe('google-forms-fr-telechargement.csv : 12 nouvelles réponses, 0 déjà présente. Étape suivante : calculer les indicateurs.Calculer les indicateurs');
    expect(await local.sidebar.locator('#import-result button').textContent()).toBe('Calculer les indicateurs');
    const [header = [], ...rows] = await local.registry.readTabNamed('Réponses G1');
    expect(header).not.toContain('Adresse e-mail');
    expect(header).not.toContain('Adresse e-mail (donnée personnelle)');
    expect(rows.filter((r) => r[0] !== '')).toHaveLength(12);
    expect(rows.map((r) => r[header.indexOf('Quelles aides recevez-vous ?')])[0]).toBe('Repas, courses et ménage ; Aide à la toilette');

    await importButton().click();
    await expect.poll(result).toContain('google-forms-fr-telechargement.csv : 0 nouvelle réponse, 12 déjà présentes.');
    expect(await result()).not.toContain('repris');
  });

  it('imports a hand-typed .xlsx (title row, date cells, two sheets) with the default choices', async () => {
    await chooseSurvey('X1');
    await local.sidebar.getByLabel(FILE_LABEL).setInputFiles(survey('saisie-a-la-main.xlsx'));
    await expect.poll(() => local.sidebar.locator('#import-summary').textContent()).toBe(
      'saisie-a-la-main.xlsx : source generic, classeur xlsx, feuille « Entretiens », intitulés ligne 3, 6 réponses, 7 questions.',
    );
    expect(await local.sidebar.getByLabel('Feuille du classeur').inputValue()).toBe('Entretiens');
    expect(await local.sidebar.getByLabel('Type de « Date de l’entretien »').inputValue()).toBe('date');
    expect(await local.sidebar.getByLabel('Type de « Ce qui aiderait le plus »').inputValue()).toBe('text');
    await importButton().click();
    await expect.poll(result).toContain('saisie-a-la-main.xlsx : 6 nouvelles réponses, 0 déjà présente.');
    await local.sidebar.getByLabel('Feuille du classeur').selectOption('Notes');
    await expect.poll(() => local.sidebar.locator('#import-summary').textContent()).toContain('feuille « Notes »');
  });

  it('groups problems by column, lists every row on demand, keeps a column as text in one click, and blocks only what cannot be written', async () => {
    await chooseSurvey('E9');
    await local.sidebar.getByLabel(FILE_LABEL).setInputFiles(fixture('erreur-bloquante.csv'));
    await expect.poll(() => local.sidebar.locator('#import-problems li.error').allTextContents()).toEqual([
      expect.stringContaining('Erreur : Ligne 4, colonne « Commentaire » : 52 224 caractères, plus que les 50 000 qu’une cellule peut contenir.'),
    ]);
    const warning = local.sidebar.locator('#import-problems li.warning').first();
    expect(await warning.locator('p').textContent()).toBe(
      'Attention : Nombre de visites par mois : 1 valeur sur 5 n’est pas un nombre, par exemple ligne 4 « quatre ». Elle est gardée telle quelle, en texte. Corrigez ces cases dans le fichier (12 ou 1 234,5), ou gardez la colonne en texte.',
    );
    await warning.locator('summary').click();
    expect(await warning.locator('details li').allTextContents()).toEqual(['ligne 4 : « quatre »']);
    await importButton().click();
    await expect.poll(result).toContain('rien n’a été importé');
    expect(await local.page.getByRole('tab').allTextContents()).not.toContain('Réponses E9');
    await warning.getByRole('button', { name: 'Garder « Nombre de visites par mois » en texte' }).click();
    await expect.poll(() => local.sidebar.getByLabel('Type de « Nombre de visites par mois »').inputValue()).toBe('text');
    await expect.poll(() => local.sidebar.locator('#import-problems li.warning').count()).toBe(0);
  });

  it('resumes an import interrupted after its first chunk without duplicates, and says so only then', async () => {
    await chooseSurvey('E1');
    await local.sidebar.getByLabel(FILE_LABEL).setInputFiles(fixture('octobre.csv'));
    await expect.poll(() => local.sidebar.locator('#import-summary').textContent()).toContain('octobre.csv');
    await importButton().click();
    await expect.poll(result).toContain('octobre.csv : 3 nouvelles réponses, 0 déjà présente.');
    await local.sidebar.getByLabel('Type de « Votre âge »').selectOption('text');
    await sidebarFrame().evaluate(() => Object.assign(window, { __repereImportMaxChunkRows: 1, __repereImportStopAfterChunks: 1 }));
    await local.sidebar.getByLabel(FILE_LABEL).setInputFiles(fixture('novembre.csv'));
    await expect.poll(() => local.sidebar.getByLabel('Type de « Votre âge »').inputValue()).toBe('text');
    await importButton().click();
    await expect.poll(result).toBe('Import interrompu après 1 réponse sur 2. Relancez « Importer » avec le même fichier : l’import reprendra là où il s’est arrêté.');

    await local.page.reload(); // the sidebar is closed mid-import
    local.sidebar = local.page.frameLocator('#sidebar');
    await chooseSurvey('E1');
    await local.sidebar.getByLabel(FILE_LABEL).setInputFiles(fixture('novembre.csv'));
    await expect.poll(() => local.sidebar.getByLabel('Type de « Votre âge »').inputValue()).toBe('text');
    await importButton().click();
    await expect.poll(result).toContain('novembre.csv : Import repris là où il s’était arrêté : 1 nouvelle réponse, 4 déjà présentes.');
    const [, ...rows] = await local.registry.readTabNamed('Réponses E1');
    const ids = rows.map((r) => r[0]).filter((id) => id !== '');
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(local.errors).toEqual([]);
  });
});
