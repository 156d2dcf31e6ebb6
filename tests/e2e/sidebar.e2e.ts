// End to end: the real sidebar (built Sidebar.html) on the local page, in Chromium, calling the built Code.js through
// the google.script.run bridge: set up the registry, show the connection code, import a 3-row CSV once.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLocalPage } from './harness/local-page';

const CSV = path.resolve('tests/fixtures/local/trois-reponses.csv');

describe('the sidebar on the local page', () => {
  const local = useLocalPage({ setup: false });

  it('sets up the registry from a starting framework, and the tabs appear next to it', async () => {
    await expect.poll(() => local.sidebar.locator('#registry-name').textContent()).toContain('pas encore configuré');
    await local.sidebar.getByLabel('Modèle de départ').selectOption({ label: 'Aidants : répit et soutien' });
    await expect.poll(() => local.sidebar.locator('#template-summary').textContent()).not.toBe('');
    await local.sidebar.getByRole('button', { name: 'Configurer' }).click();
    await expect.poll(() => local.sidebar.locator('#setup-result').textContent()).toMatch(/Registre configuré : \d+ onglets créés, \d+ colonnes ajoutées, \d+ lignes du modèle « Aidants : répit et soutien » ajoutées\./);
    await expect.poll(() => local.page.getByRole('tab').allTextContents()).toEqual(expect.arrayContaining(['Démarche', 'Changements', 'Indicateurs', 'Observations', 'Journal']));
    await local.sidebar.getByRole('button', { name: 'Configurer' }).click();
    await expect.poll(() => local.sidebar.locator('#setup-result').textContent()).toContain('déjà complet');
  });

  it('checks the registry and leads to the cell of each problem', async () => {
    await local.sidebar.getByRole('button', { name: 'Vérifier le registre' }).click();
    await expect.poll(() => local.sidebar.locator('#check-result').textContent()).toMatch(/^Aucun problème : 4 changements, 14 indicateurs/);
    local.registry.typeInto('Indicateurs', 5, 1, 'I3'); // I4's code becomes a duplicate of I3
    await local.sidebar.getByRole('button', { name: 'Vérifier le registre' }).click();
    const problem = local.sidebar.getByRole('button', { name: /Indicateurs!A5 : code « I3 » en double/ });
    await expect.poll(() => problem.count()).toBe(1);
    await problem.click();
    await expect.poll(() => local.page.locator('td.selected').textContent()).toBe('I3');
    expect(await local.page.getByRole('tab', { selected: true }).textContent()).toBe('Indicateurs');
    local.registry.typeInto('Indicateurs', 5, 1, 'I4');
  });

  it('links the computation to a glossary that explains, in plain French, the words beside the figures', async () => {
    const glossary = local.sidebar.locator('#glossary');
    expect(await glossary.getAttribute('open')).toBeNull();
    await local.sidebar.getByRole('button', { name: 'voir le glossaire' }).click();
    await expect.poll(() => glossary.getAttribute('open')).not.toBeNull();
    const terms = await local.sidebar.locator('#glossary-list dt').allTextContents();
    expect(terms).toEqual(expect.arrayContaining(['Intervalle de confiance à 95 % (IC)', 'n minimum et « trop peu de réponses »', 'Vague', 'Groupe (segment)', 'Médiane', 'Test non informatif']));
    expect(await local.sidebar.locator('#glossary-list').textContent()).toContain('« 62 – 82 % »');
  });

  it('shows the connection code the extension needs', async () => {
    await expect.poll(() => local.sidebar.getByLabel('Code de connexion').inputValue()).toBe(local.registry.connectionCode);
    expect(local.registry.connectionCode).toMatch(/^repere1:[0-9a-f]{64}@http:\/\/127\.0\.0\.1:\d+\/exec$/);
  });

  it('imports a 3-row CSV into a responses tab, once', async () => {
    await local.sidebar.getByLabel('Fichier de réponses (.csv, .xlsx, .ods)').setInputFiles(CSV);
    await local.sidebar.getByRole('button', { name: 'Importer' }).click();
    await expect.poll(() => local.sidebar.locator('#import-result').textContent()).toContain('3 nouvelles réponses, 0 déjà présente.');
    const [header = [], ...rows] = await local.registry.readTab('responses');
    expect(header.slice(-3)).toEqual(['Horodateur', 'Vous sentez-vous moins seul(e) depuis les visites ?', 'Commentaire']);
    expect(rows.map((r) => r.at(-1))).toEqual([
      'Ma fille vient aussi, "enfin" le dimanche',
      '=HYPERLINK("http://exemple.org";"clic")',
      'Seule depuis\nle départ de mon voisin',
    ]);

    // While the second import waits for the registry (held here until the message is read), the first one's counts
    // are not shown as if they were its own.
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await local.page.route('**/rpc', async (route) => {
      await held;
      await route.continue();
    });
    await local.sidebar.getByRole('button', { name: 'Importer' }).click();
    await expect.poll(() => local.sidebar.locator('#import-result').textContent()).toBe('En cours…');
    release();
    await expect.poll(() => local.sidebar.locator('#import-result').textContent()).toContain('0 nouvelle réponse, 3 déjà présentes.');
    await local.page.unroute('**/rpc');
    expect(await local.registry.readTab('responses')).toHaveLength(4);
    await expect.poll(() => local.page.getByRole('tab').allTextContents()).toContain('Réponses E1');
    expect(local.errors).toEqual([]);
  });
});
