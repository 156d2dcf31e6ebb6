import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xlsForm, xlsFormBytes } from '../../../shared/questionnaire/xlsform';
import { xlsxBytes } from '../../../shared/sheet/xlsx';
import { templateInstrument } from './helpers';
import { readXlsForm, xlsFormProblems, type XlsFormBook } from './xlsform-rules';

const SURVEYS = [
  ['aidants', 'E1'],
  ['bien-vieillir', 'E1'],
  ['generique', 'E1'],
  ['generique', 'E2'],
] as const;

/** A form as rows, turned into a workbook the way a person would save it, then read back. */
async function book(sheets: Record<string, string[][]>): Promise<XlsFormBook> {
  return readXlsForm(xlsxBytes(Object.entries(sheets).map(([name, rows]) => ({ name, rows }))));
}

describe('the XLSForm of a survey', () => {
  for (const [template, survey] of SURVEYS) {
    it(`passes the XLSForm rules (${template} ${survey})`, async () => {
      expect(xlsFormProblems(await readXlsForm(xlsFormBytes(templateInstrument(template, survey, 'T0'))))).toEqual([]);
    });
  }

  it('is written in the registry’s language: an English registry gives English labels', async () => {
    const form = await readXlsForm(xlsFormBytes(templateInstrument('aidants', 'E1', 'T0', 'en')));
    expect(xlsFormProblems(form)).toEqual([]);
    expect(form.sheets.get('survey')![0]![2]).toBe('label::English (en)');
    expect(form.sheets.get('settings')![1]![3]).toBe('English (en)');
    expect(form.sheets.get('survey')!.find((r) => r[1] === 'consentement')![2]).toBe('Do you agree to answer this questionnaire?');
  });

  it('has survey, choices and settings sheets, French labels, and asks consent before anything else', async () => {
    const form = await readXlsForm(xlsFormBytes(templateInstrument('aidants')));
    expect([...form.sheets.keys()]).toEqual(['survey', 'choices', 'settings']);
    const survey = form.sheets.get('survey')!;
    expect(survey[0]).toEqual(['type', 'name', 'label::Français (fr)', 'hint::Français (fr)', 'required', 'relevant', 'constraint', 'constraint_message::Français (fr)', 'appearance', 'calculation']);
    expect(form.sheets.get('settings')).toEqual([
      ['form_title', 'form_id', 'version', 'default_language', 'style'],
      ['Questionnaire des aidants (T0 à l\'entrée, T1 six mois plus tard) — vague T0', 'repere_e1_t0', '2026030201', 'Français (fr)', 'pages'],
    ]);
    const questions = survey.slice(1).filter((r) => !['start', 'end', 'calculate', 'note'].includes(r[0]!));
    expect(questions[0]!.slice(0, 3)).toEqual(['select_one l_consentement', 'consentement', 'Acceptez-vous de répondre à ce questionnaire ?']);
    expect(questions[0]![4]).toBe('yes');
    // Every part after consent is shown only when the person agreed.
    for (const group of survey.filter((r) => r[0] === 'begin_group' && !r[1]!.startsWith('grille'))) expect(group[5], group[1]).toBe("${consentement} = 'oui'");
    expect(survey.find((r) => r[1] === 'repere_vague')?.[9]).toBe("'T0'");
  });

  it('names level choices by their position, offers « Ne sait pas » apart, and checks numbers against their bounds', () => {
    const form = xlsForm(templateInstrument('aidants'));
    const list = (name: string) => form.choices.filter((r) => r[0] === name).map((r) => [r[1], r[2]]);
    expect(list('l_sait_ou_sadresser')).toEqual([['1', 'Non'], ['2', 'Plutôt non'], ['3', 'Plutôt oui'], ['4', 'Oui'], ['nsp', 'Ne sait pas']]);
    expect(list('l_type_repondant').map(([name]) => name)).toEqual(['self', 'aided', 'proxy']);
    const fatigue = form.survey.find((r) => r[1] === 'fatigue')!;
    expect([fatigue[0], fatigue[6], fatigue[7]]).toEqual(['integer', '. >= 0 and . <= 10', 'Un nombre de 0 à 10.']);
    // The five WHO-5 items share one list, in one field-list group, without « Ne sait pas » (the scale has none).
    expect(form.survey.filter((r) => r[0] === 'select_one l_who5_1').map((r) => r[1])).toEqual(['who5_1', 'who5_2', 'who5_3', 'who5_4', 'who5_5']);
    expect(list('l_who5_1').some(([name]) => name === 'nsp')).toBe(false);
    // The follow-up question is asked at T1 only (« Vagues »).
    expect(form.survey.some((r) => r[1] === 'changement_libre')).toBe(false);
    expect(xlsForm(templateInstrument('aidants', 'E1', 'T1')).survey.find((r) => r[1] === 'changement_libre')?.[0]).toBe('text');
  });

  it('accepts a real XLSForm (UCL biomass plot form, from pyxform’s tests)', async () => {
    const real = await readXlsForm(new Uint8Array(readFileSync('tests/fixtures/xlsform/UCL_Biomass_Plot_Form.xlsx')));
    expect(xlsFormProblems(real)).toEqual([]);
  });

  it('rejects what pyxform rejects: names, lists, groups, choices, filters', async () => {
    const form = await book({
      survey: [
        ['type', 'name', 'label', 'relevant', 'choice_filter'],
        ['begin_group', 'g', 'G', '', ''],
        ['text', 'q1', 'Q1', '', ''],
        ['text', 'q1', 'Q1 again', '', ''],
        ['integer', '2cats', 'Number', '${nowhere} > 1', ''],
        ['select_one missing', 'q3', 'Q3', '', ''],
        ['select_multiple many', 'q4', 'Q4', '', ''],
        ['select_one many', 'q5', 'Q5', '', 'region = ${q1}'],
        ['text', 'meta', 'Reserved', '', ''],
        ['integer', 'q6', '', '', ''],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['many', 'a b', 'A B'],
        ['many', 'c', ''],
        ['many', 'c', 'C'],
      ],
    });
    expect(xlsFormProblems(form)).toEqual([
      'choices row 3: choice « c » has no label (LABEL_001).',
      'choices row 4: duplicate choice name « c » in list « many » (NAMES_007).',
      'survey row 4: name « q1 » already used row 3 in the same group (NAMES_001).',
      'survey row 5: name « 2cats » is not a valid XML name (NAMES_008).',
      'survey row 6: list « missing » not in the choices sheet.',
      'survey row 8: choice_filter names « region », not a column of the choices sheet.',
      'survey row 9: « meta » is reserved (NAMES_005).',
      'survey row 10: « q6 » has no label.',
      'survey row 2: « begin_group » never closed.',
      'survey row 5: relevant refers to ${nowhere}, which no question is named.',
      'choices row 2: « a b » has a space, not allowed in a select_multiple list.',
    ]);
    expect(xlsFormProblems(await book({ choices: [['list_name', 'name', 'label']] }))).toEqual(['Sheet « survey » is missing (sheet names are exact, lowercase).']);
  });
});
