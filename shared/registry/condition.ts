/**
 * The small language people write in an indicator's « Condition » cell to say which answers count:
 * `≥ 4`, `> 3,5`, `≤ 2`, `< 2`, `= 5`, `entre 3 et 5`, `in [« Oui », « Plutôt oui »]` (English words accepted).
 */

export type Condition =
  | { op: 'gte' | 'gt' | 'lte' | 'lt' | 'eq'; value: number }
  | { op: 'between'; min: number; max: number }
  | { op: 'in'; values: string[] };

export type ConditionParse = { ok: true; condition: Condition } | { ok: false; message: string };

const NUMBER = String.raw`(-?\d+(?:[.,]\d+)?)`;
const COMPARISON = new RegExp(String.raw`^(≥|>=|>|≤|<=|<|=)\s*${NUMBER}$`);
const BETWEEN = new RegExp(String.raw`^(?:entre|between)\s+${NUMBER}\s+(?:et|and)\s+${NUMBER}$`, 'i');
const LIST = /^(?:in|dans|parmi)?\s*\[(.*)\]$/is;

const OPERATORS: Record<string, 'gte' | 'gt' | 'lte' | 'lt' | 'eq'> = { '≥': 'gte', '>=': 'gte', '>': 'gt', '≤': 'lte', '<=': 'lte', '<': 'lt', '=': 'eq' };

const toNumber = (text: string) => Number(text.replace(',', '.'));

export const CONDITION_HELP = 'Écrivez par exemple « ≥ 4 », « entre 3 et 5 » ou « in [« Oui », « Plutôt oui »] ».';

/** Items of a list: quoted with « », " " or ' ', separated by commas or semicolons. */
function listItems(body: string): string[] | null {
  const items: string[] = [];
  const pattern = /\s*(?:«\s*([^»]*?)\s*»|"([^"]*)"|“([^”]*)”|'([^']*)')\s*(?:[,;]|$)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while (consumed < body.length && (match = pattern.exec(body)) !== null) {
    items.push((match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim());
    consumed = pattern.lastIndex;
  }
  return consumed >= body.trim().length && items.length > 0 && body.slice(consumed).trim() === '' ? items : null;
}

export function parseCondition(input: string): ConditionParse {
  const text = input.trim().replace(/\s+/g, ' ');
  const comparison = COMPARISON.exec(text);
  if (comparison) return { ok: true, condition: { op: OPERATORS[comparison[1]!]!, value: toNumber(comparison[2]!) } };
  const between = BETWEEN.exec(text);
  if (between) {
    const [min, max] = [toNumber(between[1]!), toNumber(between[2]!)];
    if (min > max) return { ok: false, message: `« ${input} » : la première borne doit être la plus petite. ${CONDITION_HELP}` };
    return { ok: true, condition: { op: 'between', min, max } };
  }
  const list = LIST.exec(text);
  if (list) {
    const items = listItems(list[1]!);
    if (items) return { ok: true, condition: { op: 'in', values: items } };
  }
  return { ok: false, message: `condition « ${input} » illisible. ${CONDITION_HELP}` };
}
