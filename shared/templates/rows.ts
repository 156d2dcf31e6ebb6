/**
 * Turns a starting framework into the rows it adds to each registry tab, in the registry's language, keyed by the
 * sheet contract's column keys. Each row carries its identity, so a rerun adds only the rows that are missing.
 */
import { DONT_KNOW, YES, termId, termLabel, type Lang, type VocabularyKey } from '../contract/words';
import { levelsCell } from '../registry/levels';
import { DISAGGREGATIONS, type Template } from './schema';

export type TemplateRow = Record<string, string | number>;

export interface TemplateRows {
  approach: TemplateRow[];
  outcomes: TemplateRow[];
  surveys: TemplateRow[];
  questions: TemplateRow[];
  indicators: TemplateRow[];
}

/** The column whose value identifies a row of each tab (questions: survey and key together). */
export const IDENTITY: Record<keyof TemplateRows, readonly string[]> = {
  approach: ['item'],
  outcomes: ['id'],
  surveys: ['id'],
  questions: ['survey', 'key'],
  indicators: ['code'],
};

/** A French word of the template, in the registry's language. */
function word(vocabulary: VocabularyKey, french: string, lang: Lang): string {
  const id = termId(vocabulary, french);
  return id ? termLabel(vocabulary, id, lang) : french;
}

/** In English, a condition's French level labels become the question's English labels. */
function conditionIn(condition: string | null, levels: { fr: string[]; en: string[] } | undefined, lang: Lang): string {
  if (condition === null) return '';
  if (lang === 'fr' || !levels) return condition;
  return condition.replace(/«\s*([^«»]+?)\s*»/g, (whole, label: string) => {
    const index = levels.fr.indexOf(label);
    return index >= 0 ? `« ${levels.en[index]} »` : whole;
  });
}

export function templateRows(template: Template, lang: Lang): TemplateRows {
  const questionsById = new Map(template.surveys.flatMap((s) => s.questions.map((q) => [`${s.id}/${q.key}`, q] as const)));
  return {
    approach: [
      ...template.approach.map((a) => ({ item: a.item[lang], content: a.content[lang] })),
      { item: termLabel('approachItem', 'template', lang), content: `${template.name[lang]} — ${template.summary[lang]}` },
      { item: termLabel('approachItem', 'templateNotes', lang), content: template.notes[lang] },
      { item: termLabel('approachItem', 'templateSources', lang), content: template.sources.map((s) => `${s.label} (${s.url})`).join('\n') },
    ],
    outcomes: template.outcomes.map((o) => ({
      id: o.id,
      stakeholder: word('stakeholder', o.stakeholder, lang),
      change: o.change[lang],
      level: word('level', o.level, lang),
      activities: o.activities[lang],
    })),
    surveys: template.surveys.map((s) => ({
      id: s.id,
      name: s.name[lang],
      mode: word('surveyMode', s.mode, lang),
      sampling: `${s.respondents[lang]} — ${s.sampling[lang]}`,
    })),
    questions: template.surveys.flatMap((s) =>
      s.questions.map((q) => ({
        survey: s.id,
        key: q.key,
        label: q.label[lang],
        type: termLabel('questionType', q.type, lang),
        levels: q.levels
          ? levelsCell(q.levels[lang], q.dontKnow ? [DONT_KNOW[lang]] : [])
          : q.min !== undefined && q.max !== undefined
            ? levelsCell([String(q.min), String(q.max)])
            : '',
        scale: q.scale ?? '',
        reversed: q.reversed ? YES[lang] : '',
        waves: q.waves?.join(', ') ?? '',
      })),
    ),
    indicators: template.indicators.map((i) => {
      const source = i.source;
      const firstQuestion = source.type === 'enquête' ? questionsById.get(`${source.survey}/${source.questions[0]}`) : undefined;
      return {
        code: i.code,
        name: i.name[lang],
        outcome: i.outcome,
        kind: word('kind', i.kind, lang),
        method: word('method', i.method, lang),
        sourceType: word('sourceType', source.type, lang),
        survey: source.type === 'enquête' ? source.survey : '',
        questions: source.type === 'enquête' ? source.questions.join(', ') : '',
        tags: source.type === 'observations' ? source.tags.join(', ') : '',
        condition: conditionIn(i.condition, firstQuestion?.levels, lang),
        unit: i.unit,
        direction: word('direction', i.direction, lang),
        baselineValue: i.baseline ?? '',
        targets: i.targets.map((t) => `${t.period} : ${t.value}`).join(' ; '),
        granularity: word('granularity', i.granularity, lang),
        disaggregation: i.disaggregation.map((d) => DISAGGREGATIONS[d] ?? d).join(', '),
        minN: i.minN,
        respondentRule: word('respondentRule', i.respondentRule, lang),
        irisPlus: i.irisPlus ?? '',
        note: i.note?.[lang] ?? '',
      };
    }),
  };
}
