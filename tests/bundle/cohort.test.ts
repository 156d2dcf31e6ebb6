// The cohort through the built bundle: a coordinator sets up, invites; a member joins with its code (the shared set
// adopted with cohort id and version, local indicators untouched), sees exactly what leaves, publishes once (twice
// changes nothing), or as a file; a wrong secret writes nothing anywhere.
import { describe, expect, it } from 'vitest';
import { parseCohortRequest } from '../../shared/cohort/protocol';
import { cohort, COORDINATOR_URL, importFile, records } from './cohort-helpers';
import { failed, succeeded } from './runtime';

const T0 = 'tests/fixtures/demo/aidants-t0-google-forms.csv';
const T1 = 'tests/fixtures/demo/aidants-t1-google-forms.csv';

describe('a cohort registry', () => {
  it('sets up the coordination tabs, fills the shared set from the framework and gives each definition a version', () => {
    const { coordinator } = cohort();
    const state = coordinator.run('getCohortState');
    expect(state.role).toBe('coordinator');
    expect(state.coordinator!.id).toMatch(/^COH-[0-9A-F]{8}$/);
    const shared = records(coordinator, 'sharedIndicators');
    expect(shared.map((r) => r['Code'])).toContain('I3');
    expect(shared.every((r) => r['Version'] === 1 && /^[0-9a-f]{16}$/.test(String(r['Empreinte'])))).toBe(true);
    for (const tab of ['members', 'receivedAggregates', 'cohortDashboard', 'cohortCharts']) expect(coordinator.model.metadata.some((m) => m.key === 'repere:tab' && m.value === tab)).toBe(true);
  });

  it('invites a member with a code holding the collector, the cohort and a secret, and keeps only the hash', () => {
    const c = cohort();
    const code = c.invite('Répit 31');
    expect(code).toMatch(/^repere-cohorte1:COH-[0-9A-F]{8}:[0-9a-f]{64}@https:\/\/script\.google\.com\/macros\/s\/AKfycbCOORD\/exec$/);
    const [member] = records(c.coordinator, 'members');
    expect(member).toMatchObject({ Code: 'S01', Structure: 'Répit 31', Statut: 'invitée' });
    const secret = code.split(':')[2]!.split('@')[0]!;
    expect(JSON.stringify(c.coordinator.model)).not.toContain(secret);
    expect(String(member!['Empreinte du code'])).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('a member joining', () => {
  it('adopts the shared set with the cohort id and version, and keeps its local indicators', () => {
    const c = cohort();
    const member = c.member('Répit 31');
    succeeded(member.run('configureRegistry', { lang: 'fr' }));
    const joined = succeeded(member.run('joinCohort', c.invite('Répit 31')));
    expect(joined.member).toBe('S01');
    expect(joined.warnings).toEqual([]);
    const indicators = records(member, 'indicators');
    const state = c.coordinator.run('getCohortState');
    const i3 = indicators.find((r) => r['Code'] === 'I3')!;
    expect(i3).toMatchObject({ 'Code cohorte': 'I3', Cohorte: state.coordinator!.id, 'Version cohorte': 1 });
    expect(records(member, 'questions').some((q) => q['Clé'] === 'repit_pris')).toBe(true);
    expect(member.run('checkRegistry')).toMatchObject({ ok: true, errors: 0 });
    expect(records(c.coordinator, 'members')[0]).toMatchObject({ Statut: 'a rejoint', 'Version adoptée': 1 });
    expect(records(member, 'journal').some((r) => String(r['Détails']).includes('Cohorte « Programme Répit 2026 » rejointe (code S01)'))).toBe(true);
  });

  it('links its own copy of the same framework instead of duplicating it', () => {
    const c = cohort();
    const member = c.member('Aidants 44');
    succeeded(member.run('configureRegistry', { lang: 'fr', template: 'aidants' }));
    const before = records(member, 'indicators').length;
    const joined = succeeded(member.run('joinCohort', c.invite('Aidants 44')));
    expect(joined.summary).toMatch(/0 ajouté, 14 reliés/);
    expect(records(member, 'indicators')).toHaveLength(before);
  });

  it('is refused with a French message when the secret is wrong, and nothing is written anywhere', () => {
    const c = cohort();
    const member = c.member('Répit 31');
    succeeded(member.run('configureRegistry', { lang: 'fr' }));
    const code = c.invite('Répit 31');
    const wrong = code.replace(/:([0-9a-f])/, (_, d: string) => `:${d === 'a' ? 'b' : 'a'}`);
    const memberBefore = JSON.stringify(member.model.sheets);
    const coordinatorBefore = JSON.stringify(c.coordinator.model.sheets);
    const refusal = failed(member.run('joinCohort', wrong));
    expect(refusal.message).toMatch(/^Code d’invitation refusé par la coordination/);
    expect(JSON.stringify(member.model.sheets)).toBe(memberBefore);
    expect(JSON.stringify(c.coordinator.model.sheets)).toBe(coordinatorBefore);
    expect(member.run('getCohortState').role).toBe('none');
  });
});

describe('publishing', () => {
  async function joinedWithAnswers() {
    const c = cohort();
    const member = c.member('Répit 31');
    succeeded(member.run('configureRegistry', { lang: 'fr' }));
    succeeded(member.run('joinCohort', c.invite('Répit 31')));
    await importFile(member, T0, 'T0');
    await importFile(member, T1, 'T1');
    return { ...c, member };
  }

  it('shows one row per indicator × period × group, hides groups under 11, and sends exactly those rows', async () => {
    const { coordinator, member, requests } = await joinedWithAnswers();
    const preview = succeeded(member.run('previewPublication'));
    expect(preview.headers).toEqual(['Indicateur', 'Version', 'Période', 'Groupe', 'Mesure', 'n', 'Comptes et chiffre', 'Pour autrui', 'Taux de réponse']);
    const row = (indicator: string, period: string, group = 'ensemble') => preview.rows.find((r) => r[0] === indicator && r[2] === period && r[3] === group)!;
    expect(row('I13', 'T0').slice(5, 7)).toEqual(['29', 'k = 14 ; valeur 48,28 [31,39 ; 65,57]']);
    // 21 carers of 29: the 8 others are fewer than 11, so the share could name them.
    expect(row('I3', 'T0').slice(5, 7)).toEqual(['< 11', '< 11']);
    // « Autre membre de la famille » (4 people) is hidden, and so is the smallest other group, or it could be subtracted.
    expect(row('I5', 'T0', 'lien_aide = Autre membre de la famille')[5]).toBe('< 11');
    expect(preview.rows.filter((r) => r[0] === 'I5' && r[2] === 'T0' && r[3] !== 'ensemble' && r[5] === '< 11').length).toBeGreaterThanOrEqual(2);
    expect(preview.summary).toMatch(/ni réponse, ni code de personne, ni citation/);

    const sent = succeeded(member.run('sendPublication', preview.id));
    expect(sent.receipt).toMatchObject({ member: 'S01', duplicate: false, written: preview.rows.length });
    const body = parseCohortRequest(requests.filter((r) => r.method === 'POST').pop()!.body!);
    expect(body.ok && body.value.op === 'cohort.publish' && body.value.publication.rows.length).toBe(preview.rows.length);
    const received = records(coordinator, 'receivedAggregates');
    expect(received).toHaveLength(preview.rows.length);
    expect(received.filter((r) => r['Masqué'] === '< 11').every((r) => r['n'] === '' && r['k'] === '')).toBe(true);
    expect(received.every((r) => r['Structure'] === 'S01')).toBe(true);
    expect(records(member, 'journal').some((r) => String(r['Détails']).startsWith('Envoyée à la coordination') && String(r['Détails']).includes(COORDINATOR_URL))).toBe(true);
    expect(records(coordinator, 'journal').some((r) => String(r['Détails']).startsWith('Publication de S01 reçue par le collecteur'))).toBe(true);
    expect(records(coordinator, 'members')[0]).toMatchObject({ Statut: 'à jour', 'Périodes publiées': 'T0, T1' });
  });

  it('changes nothing when the same publication is sent again, through the collector or as a file', async () => {
    const { coordinator, member } = await joinedWithAnswers();
    const preview = succeeded(member.run('previewPublication'));
    succeeded(member.run('sendPublication', preview.id));
    const before = JSON.stringify(coordinator.model.sheets);
    const again = succeeded(member.run('sendPublication', preview.id));
    expect(again.receipt).toMatchObject({ duplicate: true, written: 0 });
    expect(again.message).toBe('Publication déjà reçue de S01 : rien n’a changé.');
    const file = succeeded(member.run('exportPublication', preview.id));
    expect(file.fileName).toMatch(/^publication-S01-\d{4}-\d{2}-\d{2}\.json$/);
    expect(succeeded(coordinator.run('importPublication', file.content)).receipt).toMatchObject({ duplicate: true });
    expect(JSON.stringify(coordinator.model.sheets)).toBe(before);
  });

  it('refuses to send figures that changed since the preview', async () => {
    const { member } = await joinedWithAnswers();
    const preview = succeeded(member.run('previewPublication'));
    const other = `${preview.id.slice(0, -1)}${preview.id.endsWith('0') ? '1' : '0'}`;
    expect(failed(member.run('sendPublication', other)).message).toMatch(/^Les chiffres ont changé depuis l’aperçu/);
  });
});
