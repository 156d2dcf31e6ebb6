/**
 * The collection instrument of one survey (and wave), built from the registry: consent first, the paradata questions
 * (who fills it in, the person's code, mode and interviewer when someone administers it), then one section per
 * outcome with the questions its indicators read, free text, and questions about the person last. Every renderer
 * (Google Form, XLSForm, paper questionnaire, interview guide) and the import's known columns start from this model.
 */
import type { Lang } from '../contract/words';
import type { Indicator, Question, Registry } from '../registry/model';
import { numberBounds } from '../registry/validate';
import { recogniseRespondentType, termId, termLabel } from '../contract/words';
import { scaleById } from '../scales/index';
import { looksLikeParadata } from '../survey/mapping';
import { fold } from '../text/fold';
import { CONSENT, NOTICE, PARADATA, SECTION, INSTRUMENT, fill } from './texts';

export interface Choice {
  /** XLSForm choice name: the level's position (1 = lowest) for registry levels, a word for paradata. */
  name: string;
  label: string;
}

export type ItemRole = 'consent' | 'quoteConsent' | 'respondentType' | 'personId' | 'mode' | 'interviewer' | 'date';

export interface InstrumentQuestion {
  kind: 'question';
  /** The registry question's key; for a paradata question Repère adds, its own name. */
  key: string;
  /** XLSForm `name`: a valid XML name, unique in the form. */
  name: string;
  label: string;
  help: string;
  type: 'single' | 'multiple' | 'likert' | 'number' | 'text' | 'date' | 'identifier';
  choices: Choice[];
  /** « Ne sait pas » and its kind: offered apart from the levels, never a level. */
  nonAnswers: Choice[];
  range: { min: number; max: number } | null;
  required: boolean;
  /** Set for the consent and paradata questions. */
  role?: ItemRole;
  /** The answer is written under the registry question `key` on import. */
  registry: boolean;
}

/** Consecutive scale items sharing their answers: one grid (rows = items). */
export interface InstrumentGrid {
  kind: 'grid';
  name: string;
  title: string;
  help: string;
  choices: Choice[];
  nonAnswers: Choice[];
  rows: InstrumentQuestion[];
}

export type Block = InstrumentQuestion | InstrumentGrid;

export interface InstrumentSection {
  name: string;
  /** What respondents read: neutral (« Partie 2 sur 5 »), never the change hoped for, which would lead the answers. */
  title: string;
  kind: 'outcome' | 'words' | 'about';
  outcome: { id: string; change: string } | null;
  blocks: Block[];
}

export interface OutcomeBrief {
  id: string;
  change: string;
  indicators: Array<{ code: string; name: string }>;
  /** The tags observations about this outcome carry (those its observation indicators count, else its id). */
  tags: string[];
  /** The registry questions its indicators read, for the interview guide's topics. */
  questions: string[];
}

export interface NoticePart {
  heading: string;
  text: string;
}

export interface Instrument {
  lang: Lang;
  structure: string;
  survey: { id: string; name: string; mode: string | null };
  wave: string;
  title: string;
  /** XLSForm form_id and version (yyyymmddrr). */
  formId: string;
  version: string;
  /** Someone reads the questions (interview, phone, mixed): the consent script and interviewer fields apply. */
  administered: boolean;
  /** Paradata the instrument does not ask, set for every answer (the mode of a single-mode survey). */
  fixed: { mode?: string };
  minutes: number;
  notice: NoticePart[];
  /** What the structure should complete in « Démarche » before sending it (e.g. the contact address). */
  missing: string[];
  consent: InstrumentQuestion[];
  paradata: InstrumentQuestion[];
  sections: InstrumentSection[];
  outcomes: OutcomeBrief[];
  closing: string;
  /** Names of the form's own parts (the paradata group, the notice and closing notes), unique with the questions'. */
  names: { paradata: string; notice: string[]; closing: string };
}

export interface InstrumentInput {
  lang: Lang;
  /** The structure's name, as respondents know it (the registry's name). */
  structure: string;
  registry: Pick<Registry, 'outcomes' | 'indicators' | 'surveys' | 'questions'>;
  /** The « Démarche » tab's rows (notice contact, retention period). */
  approach: ReadonlyArray<{ item: string; content: string }>;
  /** YYYY-MM-DD, for the XLSForm version. */
  today: string;
}

export type BuiltInstrument = { ok: true; instrument: Instrument } | { ok: false; message: string };

const INTERVIEW_MODES: readonly string[] = ['interview', 'phone', 'mixed'];
const RESERVED_NAMES = new Set(['meta']);
const GRID_MIN_ROWS = 3;

/** A valid XLSForm name: starts with a letter or `_`, then letters, digits, `-`, `_`, `.` (accents dropped). */
export function xmlName(text: string): string {
  const base = fold(text).replace(/[^a-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
  const name = /^[a-z_]/.test(base) ? base : `q_${base}`;
  return name === 'q_' ? 'q' : name;
}

class Names {
  private readonly used = new Set<string>();
  take(wanted: string): string {
    let name = xmlName(wanted);
    if (RESERVED_NAMES.has(name)) name = `${name}_1`;
    for (let i = 2; this.used.has(name.toLowerCase()); i++) name = `${xmlName(wanted)}_${i}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** XLSForm choice name of an answer offered apart, chosen so an export of XML values still reads as « no answer ». */
function nonAnswerName(label: string): string {
  const t = fold(label);
  if (/sait|know/.test(t)) return 'nsp';
  if (/refus|prefer|souhaite pas/.test(t)) return 'refus';
  return 'na';
}

function levelChoices(q: Question): { choices: Choice[]; nonAnswers: Choice[] } {
  // A number's « Modalités » are its bounds, not choices.
  if (q.type === 'number') return { choices: [], nonAnswers: [] };
  return {
    choices: q.levels.map((label, i) => ({ name: String(i + 1), label })),
    nonAnswers: (q.nonAnswers ?? []).map((label) => ({ name: nonAnswerName(label), label })),
  };
}

/** A registry respondent-type question keeps its wording; its choices are named by the type each one means. */
function respondentChoices(q: Question): Choice[] {
  const seen = new Set<string>();
  return q.levels.map((label, i) => {
    const name = recogniseRespondentType(label) ?? String(i + 1);
    const unique = seen.has(name) ? String(i + 1) : name;
    seen.add(unique);
    return { name: unique, label };
  });
}

const QUESTION_TYPES: readonly InstrumentQuestion['type'][] = ['single', 'multiple', 'likert', 'number', 'text', 'date', 'identifier'];

function roleOf(q: Question, taken: Set<ItemRole>): ItemRole | undefined {
  const role: ItemRole | undefined =
    q.type === 'identifier'
      ? 'personId'
      : (q.type === 'single' || q.type === 'likert') && (fold(q.key) === 'type_repondant' || looksLikeParadata('respondentType', q.label))
        ? 'respondentType'
        : q.type === 'date' && /passation|entretien|remplissage|rempli le|interview/.test(fold(q.label))
          ? 'date'
          : undefined;
  if (!role || taken.has(role)) return undefined;
  taken.add(role);
  return role;
}

function surveyIndicators(indicators: readonly Indicator[], surveyId: string): Indicator[] {
  return indicators.filter((i) => i.source.type === 'survey' && i.source.survey.toLowerCase() === surveyId.toLowerCase());
}

/** Runs of consecutive Likert questions with the same answers (WHO-5's five items): each run is asked as one grid. */
export function gridRuns<T extends Pick<Question, 'type' | 'levels' | 'nonAnswers'>>(questions: readonly T[], minRows = GRID_MIN_ROWS): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  const same = (a: T, b: T) => a.levels.join('|') === b.levels.join('|') && (a.nonAnswers ?? []).join('|') === (b.nonAnswers ?? []).join('|');
  for (const q of questions) {
    if (q.type === 'likert' && q.levels.length >= 2 && run.length > 0 && same(run[0]!, q)) run.push(q);
    else {
      if (run.length >= minRows) runs.push(run);
      run = q.type === 'likert' && q.levels.length >= 2 ? [q] : [];
    }
  }
  if (run.length >= minRows) runs.push(run);
  return runs;
}

function approachValue(approach: InstrumentInput['approach'], rubric: Record<Lang, string>): string {
  const wanted = new Set([fold(rubric.fr), fold(rubric.en)]);
  return approach.find((row) => wanted.has(fold(row.item)) && row.content.trim() !== '')?.content.trim() ?? '';
}

export function buildInstrument(input: InstrumentInput, surveyId: string, wave: string): BuiltInstrument {
  const { lang, registry } = input;
  const survey = registry.surveys.find((s) => s.id.toLowerCase() === surveyId.trim().toLowerCase());
  if (!survey) {
    const known = registry.surveys.map((s) => s.id).join(', ');
    return { ok: false, message: `Enquête « ${surveyId} » absente de l’onglet Enquêtes${known ? ` (enquêtes : ${known})` : ''}. Choisissez une enquête existante.` };
  }
  // A question asked at some waves only (« Vagues ») is left out of the others' questionnaires.
  const askedNow = (q: Question) => wave.trim() === '' || q.waves.length === 0 || q.waves.some((w) => fold(w) === fold(wave));
  const questions = registry.questions.filter((q) => q.survey.toLowerCase() === survey.id.toLowerCase() && QUESTION_TYPES.includes(q.type as InstrumentQuestion['type']) && askedNow(q));
  if (questions.length === 0) {
    return { ok: false, message: `L’enquête ${survey.id} n’a aucune question dans l’onglet Questions : ajoutez-y ses questions (une ligne par question), puis recommencez.` };
  }
  const names = new Names();
  const partNames = { paradata: names.take('qui'), notice: [1, 2, 3, 4, 5].map((n) => names.take(`avis_${n}`)), closing: names.take('merci') };
  const indicators = surveyIndicators(registry.indicators, survey.id);
  const mode = termId('surveyMode', survey.mode ?? '') ?? 'self';
  const administered = INTERVIEW_MODES.includes(mode);
  const paired = indicators.some((i) => i.method === 'change');

  const question = (q: Question, role?: ItemRole): InstrumentQuestion => {
    const { choices, nonAnswers } = role === 'respondentType' ? { choices: respondentChoices(q), nonAnswers: [] } : levelChoices(q);
    return {
      kind: 'question',
      key: q.key,
      name: names.take(q.key),
      label: q.label || q.key,
      help: role === 'personId' ? PARADATA.personCodeHelp[lang] : '',
      type: q.type as InstrumentQuestion['type'],
      choices,
      nonAnswers,
      range: q.type === 'number' ? numberBounds(q.levels) : null,
      required: role === 'respondentType' || (role === 'personId' && paired),
      ...(role && { role }),
      registry: true,
    };
  };
  const own = (role: ItemRole, name: string, label: string, type: InstrumentQuestion['type'], choices: Choice[], required: boolean, help = ''): InstrumentQuestion => ({
    kind: 'question', key: name, name: names.take(name), label, help, type, choices, nonAnswers: [], range: null, required, role, registry: false,
  });

  // Consent comes first; a second consent covers quoting free-text answers, when there are some.
  const hasFreeText = questions.some((q) => q.type === 'text');
  const consent = [own('consent', 'consentement', CONSENT.participation[lang], 'single', [{ name: 'oui', label: CONSENT.yes[lang] }, { name: 'non', label: CONSENT.no[lang] }], true, CONSENT.participationHelp[lang])];
  if (hasFreeText) consent.push(own('quoteConsent', 'consentement_citations', CONSENT.quotes[lang], 'single', [{ name: 'oui', label: CONSENT.quotesYes[lang] }, { name: 'non', label: CONSENT.quotesNo[lang] }], true));

  // Paradata: the registry's own questions when it has them, else Repère's.
  const taken = new Set<ItemRole>();
  const roles = new Map<Question, ItemRole>();
  for (const q of questions) {
    const role = roleOf(q, taken);
    if (role) roles.set(q, role);
  }
  const registryRole = (role: ItemRole) => [...roles].find(([, r]) => r === role)?.[0];
  const paradata: InstrumentQuestion[] = [];
  const respondent = registryRole('respondentType');
  paradata.push(
    respondent
      ? { ...question(respondent, 'respondentType'), help: PARADATA.respondentHelp[lang] }
      : own('respondentType', 'qui_remplit', PARADATA.respondentType[lang], 'single', (['self', 'aided', 'proxy'] as const).map((name) => ({ name, label: PARADATA[name][lang] })), true, PARADATA.respondentHelp[lang]),
  );
  const person = registryRole('personId');
  paradata.push(person ? question(person, 'personId') : own('personId', 'code_personne', PARADATA.personCode[lang], 'identifier', [], paired, PARADATA.personCodeHelp[lang]));
  const fixed: Instrument['fixed'] = {};
  if (mode === 'mixed') {
    paradata.push(own('mode', 'mode_passation', PARADATA.mode[lang], 'single', (['self', 'interview', 'phone'] as const).map((id) => ({ name: id, label: termLabel('surveyMode', id, lang) })), true));
  } else fixed.mode = termLabel('surveyMode', mode, lang);
  if (administered) paradata.push(own('interviewer', 'enqueteur', PARADATA.interviewer[lang], 'text', [], mode !== 'mixed', PARADATA.interviewerHelp[lang]));
  const date = registryRole('date');
  if (date) paradata.push(question(date, 'date'));

  // Sections: each question goes with the first outcome whose indicators read it (outcomes in their tab's order).
  const outcomeOf = new Map<string, string>();
  for (const outcome of registry.outcomes) {
    for (const indicator of indicators.filter((i) => i.outcome.toLowerCase() === outcome.id.toLowerCase())) {
      if (indicator.source.type !== 'survey') continue;
      for (const key of indicator.source.questions) if (!outcomeOf.has(fold(key))) outcomeOf.set(fold(key), outcome.id);
    }
  }
  const asked = questions.filter((q) => !roles.has(q));
  const groups: Array<{ kind: InstrumentSection['kind']; outcome: InstrumentSection['outcome']; questions: Question[] }> = [];
  for (const outcome of registry.outcomes) {
    const own = asked.filter((q) => outcomeOf.get(fold(q.key)) === outcome.id && q.type !== 'text');
    if (own.length > 0) groups.push({ kind: 'outcome', outcome: { id: outcome.id, change: outcome.change }, questions: own });
  }
  const words = asked.filter((q) => q.type === 'text');
  if (words.length > 0) groups.push({ kind: 'words', outcome: null, questions: words });
  const about = asked.filter((q) => q.type !== 'text' && !outcomeOf.has(fold(q.key)));
  if (about.length > 0) groups.push({ kind: 'about', outcome: null, questions: about });

  const sections: InstrumentSection[] = groups.map((group, i) => {
    const runs = gridRuns(group.questions);
    const blocks: Block[] = [];
    for (const q of group.questions) {
      const run = runs.find((r) => r[0] === q);
      if (run) {
        const scale = scaleById(q.scale);
        const first = question(q);
        blocks.push({
          kind: 'grid',
          name: names.take(`grille_${q.key}`),
          title: scale ? scale.instructions[lang] : SECTION.gridDefault[lang],
          help: scale ? scale.period[lang] : '',
          choices: first.choices,
          nonAnswers: first.nonAnswers,
          rows: [first, ...run.slice(1).map((row) => question(row))],
        });
      } else if (!runs.some((r) => r.includes(q))) blocks.push(question(q));
    }
    const name = group.kind === 'outcome' ? names.take(group.outcome!.id) : names.take(group.kind === 'words' ? 'vos_mots' : 'vous');
    const title = [fill(SECTION.part[lang], { n: i + 1, total: groups.length }), group.kind === 'words' ? SECTION.words[lang] : group.kind === 'about' ? SECTION.about[lang] : '']
      .filter(Boolean)
      .join(' — ');
    return { name, title, kind: group.kind, outcome: group.outcome, blocks };
  });

  const outcomes: OutcomeBrief[] = registry.outcomes
    .map((o) => {
      const own = registry.indicators.filter((i) => i.outcome.toLowerCase() === o.id.toLowerCase());
      const tags = own.flatMap((i) => (i.source.type === 'observations' ? i.source.tags : []));
      const questionKeys = indicators.filter((i) => i.outcome.toLowerCase() === o.id.toLowerCase()).flatMap((i) => (i.source.type === 'survey' ? i.source.questions : []));
      return {
        id: o.id,
        change: o.change,
        indicators: own.map((i) => ({ code: i.code, name: i.name })),
        tags: tags.length > 0 ? [...new Set(tags)] : [o.id],
        questions: questions.filter((q) => questionKeys.some((k) => fold(k) === fold(q.key))).map((q) => q.label || q.key),
      };
    })
    // The guide covers the outcomes this survey informs (another survey's, or a manual count, are not its topic).
    .filter((o) => indicators.some((i) => i.outcome.toLowerCase() === o.id.toLowerCase()));

  const structure = input.structure.trim() || 'Repère';
  const contact = approachValue(input.approach, NOTICE.contactRubric);
  const retention = approachValue(input.approach, NOTICE.retentionRubric);
  const missing = contact ? [] : [fill(lang === 'fr' ? 'Adresse de contact de l’avis d’information : ajoutez dans l’onglet Démarche une rubrique « {rubric} ».' : 'Contact address of the information notice: add a « {rubric} » rubric to the Approach tab.', { rubric: NOTICE.contactRubric[lang] })];
  const surveyName = survey.name || survey.id;
  const notice: NoticePart[] = [
    { heading: NOTICE.purpose[lang], text: fill(NOTICE.purposeText[lang], { structure }) },
    { heading: NOTICE.voluntary[lang], text: NOTICE.voluntaryText[lang] },
    { heading: NOTICE.recipients[lang], text: fill(NOTICE.recipientsText[lang], { structure }) },
    { heading: NOTICE.retention[lang], text: retention || NOTICE.retentionDefault[lang] },
    { heading: NOTICE.rights[lang], text: fill(NOTICE.rightsText[lang], { contact: contact || NOTICE.contactMissing[lang] }) },
  ];
  const count = consent.length + paradata.length + sections.reduce((n, s) => n + s.blocks.reduce((m, b) => m + (b.kind === 'grid' ? b.rows.length : 1), 0), 0);
  const stamp = input.today.replace(/-/g, '').slice(0, 8);
  return {
    ok: true,
    instrument: {
      lang,
      structure,
      survey: { id: survey.id, name: surveyName, mode },
      wave: wave.trim(),
      title: fill(wave.trim() ? INSTRUMENT.titleWave[lang] : INSTRUMENT.title[lang], { survey: surveyName, wave: wave.trim() }),
      formId: names.take(`repere_${survey.id}${wave.trim() ? `_${wave.trim()}` : ''}`),
      version: `${/^\d{8}$/.test(stamp) ? stamp : '20260101'}01`,
      administered,
      fixed,
      minutes: Math.max(5, Math.ceil((count * 0.3 + 2) / 5) * 5),
      notice,
      missing,
      consent,
      paradata,
      sections,
      outcomes,
      closing: SECTION.closing[lang],
      names: partNames,
    },
  };
}

/** Every question of the instrument in the order asked, grids opened into their rows. */
export function allQuestions(instrument: Instrument): InstrumentQuestion[] {
  return [...instrument.consent, ...instrument.paradata, ...instrument.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'grid' ? b.rows : [b])))];
}
