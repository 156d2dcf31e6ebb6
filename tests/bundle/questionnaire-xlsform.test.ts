// The XLSForm round trip: the registry's XLSForm (as the sidebar or `repere questionnaire --format xlsform` makes it)
// deployed on KoboToolbox, answered, exported in Kobo's CSV format, and imported with no mapping step. The export is
// written from the form's own sheets the way KoboToolbox's formpack writes it: `;`, every field quoted, `groupe/nom`
// headers and choice names in « XML values » (labels in « labels » mode), `start`/`end`, then `_id`, `_uuid`,
// `_submission_time`, `_validation_status`, `_notes`, `_status`, `_submitted_by`, `__version__`, `_tags`, `_index`.
import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../shared/questionnaire/instrument';
import { xlsFormBytes } from '../../shared/questionnaire/xlsform';
import { sha256BytesHex } from '../../shared/crypto/sha256';
import { importServer, prepareAsSuggested, runImport } from '../../shared/survey/mapping-run';
import { readXlsForm } from '../unit/questionnaire/xlsform-rules';
import { testRegistry, type TestRegistry } from './runtime';

const META = ['_id', '_uuid', '_submission_time', '_validation_status', '_notes', '_status', '_submitted_by', '__version__', '_tags', '_index'];

/** Answers to every question of the form, for `people` people, exported as KoboToolbox does. */
async function koboExport(instrument: Instrument, people: number, mode: 'xml' | 'labels', better: number): Promise<Uint8Array> {
  const form = await readXlsForm(xlsFormBytes(instrument));
  const survey = form.sheets.get('survey')!;
  const choices = form.sheets.get('choices')!.slice(1);
  const [head, ...rows] = survey;
  const at = (name: string) => head!.indexOf(name);
  const label = head!.findIndex((h) => h.startsWith('label::'));
  const columns: Array<{ header: string; value: (person: number) => string }> = [];
  const groups: string[] = [];
  for (const row of rows) {
    const [type = '', name = ''] = [row[at('type')], row[at('name')]];
    if (type === 'begin_group') groups.push(name);
    else if (type === 'end_group') groups.pop();
    else if (type === 'note') continue;
    else {
      const header = mode === 'xml' ? [...groups, name].join('/') : type === 'calculate' || type === 'start' || type === 'end' ? name : row[label]!;
      const list = type.startsWith('select_one ') ? choices.filter((c) => c[0] === type.slice('select_one '.length)) : [];
      columns.push({
        header,
        value: (person) => {
          if (type === 'start' || type === 'end') return `2026-03-${String(2 + (person % 20)).padStart(2, '0')}T10:${type === 'start' ? '00' : '12'}:00.000+01:00`;
          if (type === 'calculate') return row[at('calculation')]!.replace(/'/g, '');
          if (name === 'consentement') return mode === 'xml' ? 'oui' : list[0]![2]!;
          if (name === 'code_personne') return `K${String(person + 1).padStart(3, '0')}`;
          if (name === 'type_repondant') return mode === 'xml' ? 'self' : list[0]![2]!;
          if (type === 'integer') return String(Math.min(10, (person % 7) + better));
          if (type === 'text') return person % 2 === 0 ? 'Plus de temps pour moi le mercredi.' : '';
          const levels = list.filter((c) => c[1] !== 'nsp');
          const pick = levels[Math.min(levels.length - 1, (person % levels.length) + better)]!;
          return mode === 'xml' ? pick[1]! : pick[2]!;
        },
      });
    }
  }
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [[...columns.map((c) => c.header), ...META].map(quote).join(';')];
  for (let p = 0; p < people; p++) {
    const meta = [String(900 + p), `5f0c${String(p).padStart(4, '0')}-1a2b-4c3d-8e9f-${mode === 'xml' ? 'a' : 'b'}${String(p).padStart(11, '0')}`, '2026-03-02T09:12:00', '', '', 'submitted_via_web', '', 'vAbC123', '', String(p + 1)];
    lines.push([...columns.map((c) => c.value(p)), ...meta].map(quote).join(';'));
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

async function importFile(registry: TestRegistry, bytes: Uint8Array, wave: string) {
  const { prepared, mapping } = prepareAsSuggested(bytes, registry.run('getImportSetup', 'E1'));
  const result = await runImport(prepared, { surveyId: 'E1', wave, fileName: `kobo-${wave}.csv`, fileHash: sha256BytesHex(bytes), mapping }, importServer(registry.importCall));
  if (!result.ok) throw new Error(`${result.message} ${JSON.stringify(result.problems.slice(0, 3))}`);
  return { result, mapping, source: prepared.table.source, columns: new Set(prepared.questions.map((q) => q.key)) };
}

describe('an XLSForm made from the registry', () => {
  it('comes back from KoboToolbox (XML values, then labels) imported with no mapping step', async () => {
    const registry = testRegistry();
    registry.run('configureRegistry', { lang: 'fr', template: 'aidants' });
    const t0 = (registry.run('getInstrument', { survey: 'E1', wave: 'T0' }) as { ok: true; instrument: Instrument }).instrument;
    const t1 = (registry.run('getInstrument', { survey: 'E1', wave: 'T1' }) as { ok: true; instrument: Instrument }).instrument;
    const first = await importFile(registry, await koboExport(t0, 20, 'xml', 0), 'T0');
    expect(first.source).toBe('kobotoolbox');
    expect(first.result).toMatchObject({ inserted: 20, rejected: 0 });
    expect(first.mapping.paradata).toMatchObject({ personId: { column: 'qui/code_personne' }, respondentType: { column: 'qui/type_repondant' }, wave: { column: 'repere_vague' }, mode: { value: 'auto-administré' } });
    expect(first.mapping.participation).toBe('consentement');
    expect(first.mapping.corrections['c3/sait_ou_sadresser']).toEqual({ type: 'likert', levels: ['1', '2', '3', '4'] });
    // The second wave exported with labels: the same questions, found by their wording, and the follow-up question.
    const second = await importFile(registry, await koboExport(t1, 20, 'labels', 1), 'T1');
    expect(second.result).toMatchObject({ inserted: 20, rejected: 0 });
    expect(second.mapping.quotes).toEqual({ questions: ['Qu\'est-ce que le répit a changé pour vous ?'], consent: 'Acceptez-vous que vos réponses écrites soient citées, sans votre nom, dans nos documents ?' });
    const asked = ['repit_adapte', 'repit_pris', 'heures_repit', 'soutien_ressenti', 'sait_ou_sadresser', 'seul_face', 'seul_frequence', 'fatigue', 'who5_1', 'who5_2', 'who5_3', 'who5_4', 'who5_5', 'lien_aide', 'tranche_age'];
    const inFile = (result: typeof first) => new Set(Object.entries(result.mapping.questions).filter(([column]) => result.columns.has(column)).map(([, key]) => key));
    expect(inFile(first)).toEqual(new Set(asked));
    expect(inFile(second)).toEqual(new Set([...asked, 'changement_libre']));
    const result = registry.run('computeRegistry') as { values: Array<{ indicator: string; segment: string; period: string; value: number | null; n: number | null }> };
    const overall = (code: string, period: string) => result.values.find((v) => v.indicator === code && v.segment === '' && v.period === period);
    // Levels came back in order whichever way they were exported: « Plutôt oui » and « Oui » are the top two of four.
    expect(overall('I6', 'T0')).toMatchObject({ n: 20, value: 50 });
    expect(overall('I6', 'T1')).toMatchObject({ n: 20, value: 75 });
    for (const code of ['I3', 'I4', 'I5', 'I7', 'I8', 'I9', 'I10', 'I11', 'I12', 'I13']) {
      expect(result.values.some((v) => v.indicator === code && v.segment === '' && v.value !== null), code).toBe(true);
    }
  });
});
