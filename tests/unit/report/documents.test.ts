// The report generator on hand-built registries: every section in its order (or explicitly empty with the reason),
// and each rule no output may break, checked on the model and on the HTML it renders to.
import { describe, expect, it } from 'vitest';
import { buildDocument, generateReport, type GeneratedReport } from '../../../shared/report/generate';
import type { ReportInput, ReportRequest } from '../../../shared/report/input';
import { count, longDate, plural } from '../../../shared/report/messages';
import { allSections, check, decision, indicator, inlines, observation, outcome, reportInput, share, shownFigures, valueRow, visibleText } from './build';

function made(input: ReportInput, request: ReportRequest): GeneratedReport {
  const out = generateReport(input, request);
  if ('ok' in out) throw new Error(out.message);
  return out;
}

const funders = (document: ReportRequest['document'] = 'rapport'): ReportRequest => ({ document, audience: 'funders' });

/** A registry with two waves, a proportion, a score change, a mean, quotes and decisions. */
function fullRegistry(over: Partial<ReportInput> = {}): ReportInput {
  return reportInput({
    approach: [
      { item: 'Question évaluative', content: 'Les aidants que nous accompagnons arrivent-ils à souffler ?' },
      { item: 'Périmètre', content: 'Les aidants du service de répit, en 2026.' },
      { item: "Promesse d'impact (indicateurs principaux)", content: 'I1 et I3.' },
    ],
    outcomes: [outcome('C1', 'Les aidants prennent du temps pour eux'), outcome('C2', 'Le bien-être des aidants se maintient', { level: 'impact' })],
    indicators: [
      indicator({ code: 'I1', name: 'Part des aidants qui ont pu souffler', outcome: 'C1', respondentRule: 'self' }),
      indicator({ code: 'I2', name: 'Fatigue (sur 10)', outcome: 'C2', method: 'mean', unit: '' }),
      indicator({ code: 'I3', name: 'Évolution du bien-être', outcome: 'C2', method: 'change', unit: 'score' }),
    ],
    values: [
      share('I1', 'T0', 20, 40, { flags: [{ code: 'proxy_excluded', level: 'alerte', message: '3 réponses sur 43 données par un proche' }] }),
      share('I1', 'T1', 24, 38),
      valueRow({ indicator: 'I2', period: 'T0', value: 6.7, n: 40, low: 6, high: 7.4, detail: { interval: 't de Student', bounds: { min: 0, max: 10 } } }),
      valueRow({ indicator: 'I2', period: 'T1', value: 5, n: 38, low: 4.2, high: 5.8, detail: { interval: 't de Student', bounds: { min: 0, max: 10 } } }),
      valueRow({
        indicator: 'I3', period: 'T1', value: 21.3, n: 36, low: 17.5, high: 25.2, p: undefined,
        detail: { k: 25, p: 0.0004, change: { kind: 'score', before: 'T0', after: 'T1', pairs: 36, improved: 25, stable: 0, worse: 11, shares: null, leftOut: { noBefore: 0, noAfter: 4, blankAfter: 0, proxyBefore: 0, proxyAfter: 0, typeChanged: 0 }, test: { name: 'wilcoxon', p: 0.0004, method: 'normal', message: null } } },
      } as never),
    ],
    surveyChecks: [
      check({ wave: 'T0', respondents: 43, proxies: 13, typeKnown: 43 }),
      check({ wave: 'T1', respondents: 38, proxies: 3, typeKnown: 38, attrition: { since: 'T0', seen: 43, lost: 5 } }),
    ],
    observations: [
      observation({ text: 'Je dors enfin la nuit du samedi.', tags: ['C1'], date: '2026-06-02' }),
      observation({ text: 'Ma fille prend le relais le mardi.', tags: ['I1'], consent: 'non requis', scope: 'public', date: '2026-05-02' }),
      observation({ text: 'SECRET sans accord.', tags: ['C1'], consent: 'non obtenu', scope: 'financeurs' }),
      observation({ text: 'SECRET accord inconnu.', tags: ['C1'], consent: null, scope: 'public' }),
      observation({ text: 'SECRET usage interne.', tags: ['C2'], consent: 'obtenu', scope: 'interne' }),
      observation({ text: 'Une observation de terrain, pas une citation.', kind: 'observation', tags: ['C2'] }),
    ],
    decisions: [decision(), decision({ subject: 'I2', change: 'Proposer un temps de parole aux aidants épuisés.', status: 'toDecide', date: '2026-06-20' }), decision({ change: 'Abandonné.', status: 'dropped' })],
    ...over,
  });
}

describe('the evaluation report', () => {
  it('has every section in the listed order, each with content', () => {
    const doc = buildDocument(fullRegistry(), funders());
    expect(doc.sections.map((s) => s.id)).toEqual(['synthese', 'public', 'demarche', 'methode', 'resultats', 'paroles', 'limites', 'decisions', 'annexes']);
    expect(doc.sections.find((s) => s.id === 'annexes')!.sections!.map((s) => s.id)).toEqual(['dictionnaire', 'confidentialite', 'provenance']);
    for (const s of doc.sections) expect(s.blocks.some((b) => b.kind === 'empty'), s.id).toBe(false);
  });

  it('keeps every section on an empty registry, each saying why it is empty', () => {
    const doc = buildDocument(reportInput({ approach: [], outcomes: [], indicators: [], surveys: [], questions: [] }), funders());
    expect(doc.sections.map((s) => s.id)).toEqual(['synthese', 'public', 'demarche', 'methode', 'resultats', 'paroles', 'limites', 'decisions', 'annexes']);
    const reasons = (id: string) => doc.sections.find((s) => s.id === id)!.blocks.filter((b) => b.kind === 'empty').map((b) => (b.kind === 'empty' ? b.reason.join('') : ''));
    expect(reasons('synthese')).toEqual([expect.stringMatching(/Aucun indicateur n’a encore de valeur/)]);
    expect(reasons('public')).toEqual([expect.stringMatching(/Aucune enquête/)]);
    expect(reasons('demarche')).toEqual([expect.stringMatching(/question évaluative n’est pas encore écrite/), expect.stringMatching(/Aucun changement visé/)]);
    expect(reasons('paroles')).toEqual([expect.stringMatching(/Aucune observation n’est enregistrée/)]);
    expect(reasons('decisions')).toEqual([expect.stringMatching(/Aucune décision/)]);
    expect(doc.toComplete).toEqual(['Démarche : écrivez la question évaluative.']);
  });

  it('never prints a figure from fewer than 11 people, or whose complement is under 11: « moins de 11 personnes », never blank or 0', () => {
    const input = fullRegistry({ values: [share('I1', 'T0', 20, 40), share('I1', 'T1', 30, 38)] });
    const { document, html } = made(input, funders());
    const card = document.sections[0]!.blocks.flatMap((b) => (b.kind === 'results' ? b.cards : [])).find((c) => c.code === 'I1')!;
    expect(card.figure).toEqual([{ kind: 'hidden', text: 'moins de 11 personnes', about: 'I1 T1' }]);
    // Nothing derived from it either: no interval, no target status, no trend value.
    expect(card.details.flat().filter((p) => typeof p !== 'string' && p.kind === 'shown')).toEqual([]);
    expect(visibleText(html)).not.toMatch(/30 aidants sur 38|78,9|79 %/);
    expect(document.hidden).toContainEqual({ about: 'I1 T1', reason: 'small' });
    // The team's threshold is 5: the same figure shows in an internal version.
    const team = buildDocument(input, { document: 'rapport', audience: 'team' });
    expect(team.sections[0]!.blocks.flatMap((b) => (b.kind === 'results' ? b.cards : [])).find((c) => c.code === 'I1')!.figure[0]).toMatchObject({ kind: 'shown', text: '30 aidants sur 38 (79 %)' });
  });

  it('hides a group that could be recomputed from the total and the other groups (secondary suppression), and says so in the Journal', () => {
    const input = fullRegistry({
      values: [
        share('I1', 'T0', 20, 60),
        share('I1', 'T0', 2, 5, { segment: 'lien = Conjoint' }),
        share('I1', 'T0', 8, 25, { segment: 'lien = Enfant' }),
        share('I1', 'T0', 10, 30, { segment: 'lien = Ami' }),
        share('I1', 'T1', 20, 50),
      ],
    });
    const out = made(input, funders());
    const table = allSections(out.document).flatMap((s) => s.blocks).find((b) => b.kind === 'table' && b.caption.startsWith('Qui a répondu'));
    expect(table?.kind).toBe('table');
    const cells = table!.kind === 'table' ? table!.rows.map((r) => r[1]![0]) : [];
    // Conjoint (5) is small; Enfant (25, the smallest shown) would give it as 60 − 25 − 30: hidden too.
    expect(cells.map((c) => (typeof c === 'string' ? c : c!.text))).toEqual(['moins de 11 personnes', 'moins de 11 personnes', '30 (50 %)']);
    expect(out.journal).toMatch(/déductibles par soustraction : I1 T0 : lien = Enfant/);
    expect(out.journal).toMatch(/moins de 11 personnes : .*I1 T0 « lien = Conjoint »/);
  });

  it('quotes only with consent « obtenu » or « non requis » and a usage that covers the audience — nowhere else, not even in attributes', () => {
    const forFunders = made(fullRegistry(), funders());
    expect(forFunders.html).toContain('Je dors enfin la nuit du samedi.');
    expect(forFunders.html).toContain('Ma fille prend le relais le mardi.');
    expect(forFunders.html).not.toContain('SECRET');
    expect(forFunders.html).not.toContain('Une observation de terrain');
    expect(forFunders.document.quotes).toHaveLength(2);
    // « public » needs the usage « public »: the funders' quote stays out of the public version.
    const forPublic = made(fullRegistry(), { document: 'rapport', audience: 'public' });
    expect(forPublic.html).not.toContain('Je dors enfin');
    expect(forPublic.html).toContain('Ma fille prend le relais');
    // The rule is stated (the one of shared/outward/quotes.ts), with the number of consented quotes it chose from.
    expect(visibleText(forFunders.html)).toContain('2 citations consenties peuvent figurer dans un document « financeurs ». Citations choisies par thème, parmi celles dont la personne a donné son accord');
    // The team's « à citer » comes before the most recent, one per person and theme.
    const marked = made(fullRegistry({ observations: [observation({ text: 'Récente.', date: '2026-06-30', personId: 'P1' }), observation({ text: 'Choisie par l’équipe.', date: '2026-01-03', toQuote: true, personId: 'P2' }), observation({ text: 'Même personne.', date: '2026-06-29', personId: 'P1' })] }), funders());
    const paroles = marked.document.sections.find((s) => s.id === 'paroles')!.sections![0]!.blocks[0]!;
    expect(paroles.kind === 'quotes' && paroles.quotes.map((q) => q.text)).toEqual(['Choisie par l’équipe.', 'Récente.']);
    // A quote never names its day or where it was written: the group and the month.
    expect(visibleText(forFunders.html)).toContain('— aidants, juin 2026');
    // Not in the title, the alt texts or any attribute.
    for (const attr of forFunders.html.matchAll(/\s[\w-]+="([^"]*)"/g)) expect(attr[1]).not.toMatch(/dors enfin|relais le mardi/);
    expect(forFunders.html.match(/<title>([^<]*)<\/title>/)![1]).toBe('Rapport d’évaluation — Répit 44');
  });

  it('prints no p-value where the test cannot inform, and says why', () => {
    const values = fullRegistry().values.map((r) => (r.indicator === 'I3' ? { ...r, detail: { ...r.detail, p: undefined } } : r));
    const { html } = made(fullRegistry({ values }), funders());
    expect(visibleText(html)).not.toMatch(/\bp [<=]/);
    expect(visibleText(html)).toContain('pas de test : trop peu de personnes ont une réponse différente d’une vague à l’autre');
    expect(visibleText(made(fullRegistry(), funders()).html)).toContain('test de Wilcoxon : p < 0,001');
  });

  it('says how many of the same people progressed, stayed, went down — each count through the gate, a lone hidden one taking the smallest other with it', () => {
    const withSplit = (improved: number, stable: number, worse: number) =>
      fullRegistry().values.map((r) => (r.indicator === 'I3' ? { ...r, detail: { ...r.detail, change: { ...r.detail.change!, pairs: improved + stable + worse, improved, stable, worse } } } : r));
    const team = visibleText(made(fullRegistry({ values: withSplit(25, 6, 5) }), { document: 'rapport', audience: 'team' }).html);
    expect(team).toContain('parmi les mêmes personnes : 25 (69 %) ont progressé, 6 (17 %) sont stables, 5 (14 %) sont en baisse (T0 → T1).');
    // For funders: 25 progressed (11 did not), stable 0 and worse 11 (25 did not); 0 is under 11, so the 11 would give it away.
    const out = made(fullRegistry({ values: withSplit(25, 0, 11) }), funders());
    const text = visibleText(out.html);
    expect(text).toContain('25 (69 %) ont progressé, moins de 11 personnes sont stables, moins de 11 personnes sont en baisse');
    expect(out.journal).toContain('I3 T1 : sont stables');
    expect(out.journal).toMatch(/déductibles par soustraction : .*I3 T1 : sont en baisse/);
    // No group clears the threshold: one sentence says so, never three « moins de 11 » beside n = 24.
    const none = visibleText(made(fullRegistry({ values: withSplit(16, 5, 3) }), funders()).html);
    expect(none).toMatch(/combien ont progressé, sont stables ou en baisse n’est pas montré, l’un de ces groupes \(ou le reste des personnes\) comptant moins de 11 personnes\s*\./);
    expect(none).not.toMatch(/\b16 \(/);
  });

  it('gives n and the interval beside every figure it shows', () => {
    const doc = buildDocument(fullRegistry(), funders());
    for (const s of allSections(doc)) {
      for (const b of s.blocks) {
        if (b.kind !== 'results') continue;
        for (const card of b.cards) {
          if (card.figure.some((p) => typeof p !== 'string' && p.kind === 'shown')) {
            const details = card.details.map((d) => d.map((p) => (typeof p === 'string' ? p : p.text)).join(''));
            expect(details.some((d) => /n = \d/.test(d)), card.code).toBe(true);
            expect(details.some((d) => /intervalle de confiance à 95 %/.test(d)), card.code).toBe(true);
          }
        }
      }
    }
  });

  it('never mixes proxy and self answers silently: the card and the limits say how proxies were counted', () => {
    const text = visibleText(made(fullRegistry(), funders()).html);
    expect(text).toContain('réponses des personnes elles-mêmes seulement (celles données par un proche sont laissées de côté)');
    // 13 of 43 at T0 clears 11 both ways: shown as a share; 3 of 38 at T1 does not.
    expect(text).toContain('Réponses données par un proche à la place de la personne (E1 T0) : 30 % ; les résultats sur I1 (Part des aidants qui ont pu souffler) ne comptent que les réponses des personnes elles-mêmes');
    expect(text).toContain('Réponses données par un proche à la place de la personne (E1 T1) : moins de 11 personnes ;');
  });

  it('writes the limits from the flags: no comparison group, regression to the mean, people lost, small numbers, hidden figures', () => {
    const doc = buildDocument(fullRegistry(), funders());
    const limits = doc.sections.find((s) => s.id === 'limites')!;
    const text = limits.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [])).map((t) => t.map((p) => (typeof p === 'string' ? p : p.text)).join(''));
    expect(text[0]).toMatch(/^Il n’y a pas de groupe de comparaison/);
    expect(text).toContainEqual(expect.stringMatching(/régression vers la moyenne/));
    expect(text).toContainEqual(expect.stringMatching(/^Personnes vues à T0 sans réponse à T1 \(E1\) : moins de 11 personnes, sur 43\. Si elles allaient moins bien/));
    expect(text).toContainEqual(expect.stringMatching(/^Les effectifs sont petits \(au plus 43 réponses par vague\)/));
    expect(text).toContainEqual(expect.stringMatching(/chiffres? portent? sur moins de 11 personnes/));
  });

  it('draws each chart with its finding as title, a text alternative, n on the axis, intervals, and « (< 11) » for a hidden period', () => {
    const input = fullRegistry({ values: [...fullRegistry().values.filter((r) => r.indicator !== 'I1'), share('I1', 'T0', 20, 40), share('I1', 'T1', 12, 14)] });
    const { html } = made(input, funders());
    // Each chart is an SVG picture held in the file (editors keep an <img>, not inline SVG), its text alternative beside.
    const figures = [...html.matchAll(/<figure class="chart"><img alt="([^"]*)" width="\d+" height="\d+" src="data:image\/svg\+xml;charset=utf-8,([^"]*)"><\/figure>/g)];
    expect(figures.length).toBe((html.match(/<figure class="chart">/g) ?? []).length);
    const charts = figures.map((m) => decodeURIComponent(m[2]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&')));
    expect(charts.length).toBeGreaterThanOrEqual(2);
    expect(figures.map((m) => m[1]!)).toContainEqual(expect.stringMatching(/^I1 — Part des aidants qui ont pu souffler : 50 % en T0 \(n = 40\)/));
    const i1 = charts.find((c) => c.includes('aria-label="I1 —'))!;
    expect(i1).toMatch(/role="img"/);
    expect(i1).toContain('T0 (n = 40)');
    expect(i1).toContain('T1 (&lt; 11)');
    // The title states the finding, including that the latest period is hidden.
    expect(i1).toMatch(/<text[^>]*font-weight="bold"[^>]*>50 % en T0 \(n = 40\)/);
    expect(i1).toContain('T1 : moins de 11 personnes');
    expect(i1).toContain('Intervalle de confiance à 95 %');
    const i2 = charts.find((c) => c.includes('aria-label="I2 —'))!;
    // Whiskers: a vertical line per period with two caps, in the interval's grey.
    expect((i2.match(/stroke="#5F6368" stroke-width="3"/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });

  it('prints the audience chosen, and logs what, for whom and what was hidden', () => {
    const out = made(fullRegistry(), { document: 'rapport', audience: 'public', period: 'T1' });
    expect(visibleText(out.html)).toContain('Destinataires : public');
    expect(visibleText(out.html)).toContain('Période : T1');
    expect(out.journal).toMatch(/^Rapport d’évaluation pour « public » \(seuil 11 personnes\), période T1 : 1 citation, \d+ chiffres masqués/);
    expect(out.fileName).toBe('rapport-public-T1.html');
  });

  it('reports up to the period asked for', () => {
    const doc = buildDocument(fullRegistry(), { document: 'rapport', audience: 'funders', period: 'T0' });
    const card = doc.sections[0]!.blocks.flatMap((b) => (b.kind === 'results' ? b.cards : [])).find((c) => c.code === 'I2')!;
    expect(card.figure[0]).toMatchObject({ kind: 'shown', text: '6,7', about: 'I2 T0' });
  });

  it('lists the decisions, those dropped left out, and the primary indicators fixed beforehand', () => {
    const doc = buildDocument(fullRegistry(), funders());
    const table = doc.sections.find((s) => s.id === 'decisions')!.blocks[0]!;
    expect(table.kind === 'table' && table.rows.map((r) => r[3]!.join(''))).toEqual(['Proposer un temps de parole aux aidants épuisés.', 'Ouvrir le samedi matin.']);
    expect(inlines(doc).join('')).toContain('Indicateurs principaux, fixés avant la collecte : I1, I3.');
    // The primary indicators lead the synthèse, shown or not.
    const key = doc.sections[0]!.blocks.flatMap((b) => (b.kind === 'results' ? b.cards : [])).map((c) => c.code);
    expect(key.slice(0, 2)).toEqual(['I1', 'I3']);
  });

  it('is one self-contained HTML file: lang, inline style, SVG held in the file, no script, nothing loaded from elsewhere', () => {
    const { html } = made(fullRegistry(), funders());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(html).not.toMatch(/<script|<link|<iframe|url\(/i);
    // The only addresses are the charts' own drawings, held in the file.
    expect([...html.matchAll(/\bsrc="([^"]*)"/gi)].every((m) => m[1]!.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg'))).toBe(true);
    expect((html.match(/<img /g) ?? []).length).toBe((html.match(/\bsrc="/g) ?? []).length);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).every((h) => h!.startsWith('#'))).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('src="data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns=%22http');
    expect(made(fullRegistry(), funders('une-page')).html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  });

  it('treats the registry’s words as text, never markup', () => {
    const input = fullRegistry({ outcomes: [outcome('C1', '<img src=x onerror=alert(1)>')], observations: [observation({ text: '</blockquote><script>alert(1)</script>' })] });
    const { html } = made(input, funders());
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says what is still « [À adapter] » in the Démarche rather than print it', () => {
    const input = fullRegistry({ approach: [{ item: 'Question évaluative', content: '[À adapter] Les aidants…' }] });
    const out = made(input, funders());
    expect(out.html).not.toContain('[À adapter]');
    expect(out.document.toComplete).toContain('Démarche, rubrique « Question évaluative » : encore à adapter.');
  });
});

describe('the one-page pitch', () => {
  it('gives the question, three headline figures framed in tens with an icon array, one quote, one chart and what is being improved', () => {
    const { document, html } = made(fullRegistry(), funders('une-page'));
    expect(document.layout).toBe('one-page');
    expect(document.sections.map((s) => s.id)).toEqual(['question', 'chiffres', 'parole', 'graphique', 'ameliorons']);
    const cards = document.sections[1]!.blocks.flatMap((b) => (b.kind === 'results' ? b.cards : []));
    expect(cards).toHaveLength(3);
    // 24 out of 38: about 6 in 10.
    expect(cards.find((c) => c.code === 'I1')!.icons).toEqual({ filled: 6, label: 'environ 6 aidants sur 10' });
    expect((html.match(/<svg[^>]*class="icons"/g) ?? []).length).toBe(cards.filter((c) => c.icons).length);
    expect(document.quotes).toHaveLength(1);
    expect((html.match(/<figure class="chart">/g) ?? []).length).toBe(1);
    const improving = document.sections[4]!.blocks[0]!;
    expect(improving.kind === 'list' && improving.items.map((t) => t.join(''))).toEqual(['Ouvrir le samedi matin.']);
    expect(html).not.toContain('SECRET');
  });

  it('headlines shares of people (« x sur 10 », with icons) before means and scores when no primary indicator is fixed', () => {
    const input = fullRegistry({ approach: [{ item: 'Question évaluative', content: 'Les aidants arrivent-ils à souffler ?' }] });
    const cards = buildDocument(input, funders('une-page')).sections[1]!.blocks.flatMap((b) => (b.kind === 'results' ? b.cards : []));
    // C2 (an impact) ranks before C1 in the report; on the one-page, its share comes first all the same.
    expect(cards.map((c) => c.code)[0]).toBe('I1');
    expect(cards[0]!.icons?.filled).toBe(6);
  });

  it('shows only figures that may be shown: a hidden one never headlines', () => {
    const input = fullRegistry({ values: [share('I1', 'T1', 30, 38)] });
    const doc = buildDocument(input, funders('une-page'));
    expect(doc.sections[1]!.blocks).toEqual([{ kind: 'empty', reason: ['Aucun chiffre ne peut figurer ici pour ce public : trop peu de personnes derrière chacun.'] }]);
  });

  it('cuts a long quote at a word, marked « […] »', () => {
    const long = `${'Le répit a changé ma vie et celle de ma mère, '.repeat(12)}fin.`;
    const doc = buildDocument(fullRegistry({ observations: [observation({ text: long })] }), funders('une-page'));
    const quote = doc.sections[2]!.blocks[0]!;
    expect(quote.kind === 'quotes' && quote.quotes[0]!.text).toMatch(/ \[…\]$/);
    expect(quote.kind === 'quotes' && quote.quotes[0]!.text.length).toBeLessThanOrEqual(210);
  });
});

describe('the team view', () => {
  it('shows every indicator with the internal threshold (5), whether it may leave, the collection flags and the open decisions', () => {
    const input = fullRegistry({
      values: [...fullRegistry().values.filter((r) => r.indicator !== 'I1'), share('I1', 'T1', 6, 12, { flags: [{ code: 'interviewer_gap', level: 'alerte', message: 'Écart selon l’enquêteur : 80 % (Luc) contre 40 % (Amina).' }] })],
      surveyChecks: [check({ flags: [{ code: 'response_rate', level: 'alerte', message: 'Taux de réponse 40 % (40 sur 100 invités).' }, { code: 'wide_margin', level: 'info', message: 'Marge.' }] })],
    });
    const { document, html } = made(input, { document: 'equipe', audience: 'team' });
    expect(document.sections.map((s) => s.id)).toEqual(['indicateurs', 'collecte', 'ouvertes']);
    const table = document.sections[0]!.blocks[0]!;
    const i1 = table.kind === 'table' ? table.rows.find((r) => r[0]!.join('').startsWith('I1'))! : [];
    expect(i1[2]).toEqual([{ kind: 'shown', text: '6 aidants sur 12 (50 %)', about: 'I1 T1', n: 12, k: 6 }]);
    expect(i1[6]!.join('')).toBe('masqué (moins de 11 personnes)');
    const text = visibleText(html);
    expect(text).toContain('I1 (T1) : Écart selon l’enquêteur');
    expect(text).toContain('E1 T1 : Taux de réponse 40 %');
    expect(text).not.toContain('Marge.');
    expect(text).toContain('Proposer un temps de parole');
    expect(text).not.toContain('Abandonné.');
    expect(text).toContain('Document interne à l’équipe, à ne pas diffuser');
  });

  it('counts distinct people who raise a theme like any figure: « 8 personnes sur 14 rencontrées » for the team, hidden for funders', () => {
    const raising = indicator({ code: 'I9', name: 'Personnes qui évoquent le répit', outcome: 'C1', method: 'persons', source: { type: 'observations', tags: ['C1'] }, unit: 'personnes', granularity: 'year' });
    const row = valueRow({ indicator: 'I9', period: '2026', value: 8, n: 14, low: null, high: null, detail: { k: 8, persons: { k: 8, n: 14 } } }); // as the engine writes it (shared/indicators/compute.ts)
    const input = fullRegistry({ indicators: [...fullRegistry().indicators, raising], values: [...fullRegistry().values, row] });
    expect(visibleText(made(input, { document: 'equipe', audience: 'team' }).html)).toContain('8 personnes sur 14 rencontrées');
    const funders = visibleText(made(input, { document: 'rapport', audience: 'funders' }).html);
    expect(funders).not.toContain('8 personnes sur 14');
    expect(funders).toMatch(/Personnes qui évoquent le répit[^]*moins de 11 personnes/);
  });

  it('is made for the team only', () => {
    expect(generateReport(fullRegistry(), { document: 'equipe', audience: 'funders' })).toEqual({ ok: false, message: 'Le document « equipe » ne peut être fait que pour : équipe (pas « financeurs »).' });
  });

  it('carries no person-level flag, whatever the input holds', () => {
    const withPeople = { ...fullRegistry(), personFlags: [{ survey: 'E1', wave: 'T1', responseId: 'r1', personId: 'A003', who: 'personne A003', code: 'straight_lining', message: 'Même réponse partout' }] };
    for (const document of ['rapport', 'une-page', 'equipe'] as const) {
      const out = made(withPeople as ReportInput, { document, audience: document === 'equipe' ? 'team' : 'funders' });
      expect(out.html).not.toMatch(/A003|Même réponse partout/);
    }
  });
});

describe('words', () => {
  it('agrees plurals with their count, in French and English', () => {
    expect([plural('fr', 0, 'personne', 'personnes'), plural('fr', 1, 'personne', 'personnes'), plural('fr', 12, 'personne', 'personnes')]).toEqual(['personne', 'personne', 'personnes']);
    expect([plural('en', 0, 'person', 'people'), plural('en', 1, 'person', 'people')]).toEqual(['people', 'person']);
    expect([count('fr', 1250), count('en', 1250)]).toEqual(['1\u202f250', '1,250']);
    const team = visibleText(made(fullRegistry({ surveyChecks: [check({ wave: 'T1', respondents: 12 })] }), { document: 'rapport', audience: 'team' }).html);
    expect(team).toContain('T1 : 12 personnes ont répondu');
  });

  it('writes the first of the month as French writes it', () => {
    expect([longDate('fr', '2026-12-01'), longDate('fr', '2026-12-02'), longDate('en', '2026-12-01')]).toEqual(['1er décembre 2026', '2 décembre 2026', '1 December 2026']);
  });

  it('writes an English registry’s report in English', () => {
    const input = fullRegistry({ lang: 'en', approach: [{ item: 'Evaluative question', content: 'Do carers get a break?' }] });
    const { html } = made(input, funders());
    expect(html).toMatch(/<html lang="en">/);
    const text = visibleText(html);
    expect(text).toContain('Evaluation report');
    expect(text).toContain('For: funders');
    expect(text).toContain('There is no comparison group');
    expect(text).toContain('Do carers get a break?');
    expect(text).not.toMatch(/Synthèse|Destinataires/);
  });
});

it('counts every figure it shows as its source says: a shown figure carries its n (and k for a share)', () => {
  const doc = buildDocument(fullRegistry(), funders());
  for (const f of shownFigures(doc)) if (f.k !== undefined) expect(f.n).not.toBeNull();
});
