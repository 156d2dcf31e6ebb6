/**
 * The XLSForm rules, written out from the XLSForm documentation (xlsform.org, « Setting up your worksheets », « Question
 * types », « Multiple language support », « Cascading selects », « Settings ») and pyxform's error list (errors.py:
 * NAMES_001/002/005/007/008, HEADER_003, LABEL_001), for tests: pyxform itself is not installable here. Returns one
 * line per breach; empty when the form is valid.
 */
import ExcelJS from 'exceljs';

export interface XlsFormBook {
  sheets: Map<string, string[][]>;
}

/** An .xlsx read as text, first row = headers (trimmed, as pyxform does). */
export async function readXlsForm(bytes: Uint8Array): Promise<XlsFormBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets = new Map<string, string[][]>();
  const text = (v: unknown): string =>
    v === null || v === undefined
      ? ''
      : typeof v === 'object' && 'richText' in v
        ? (v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('')
        : typeof v === 'object' && 'formula' in v
          ? `=${(v as { formula: string }).formula}`
          : String(v);
  wb.eachSheet((ws) => {
    // Formatted but empty cells (a real form has a thousand of them) are not columns.
    const head = ws.getRow(1);
    let width = 0;
    head.eachCell((cell, c) => {
      if (text(cell.value).trim() !== '') width = Math.max(width, c);
    });
    const rows: string[][] = [];
    ws.eachRow((row, n) => {
      rows[n - 1] = Array.from({ length: width }, (_, c) => text(row.getCell(c + 1).value));
    });
    sheets.set(ws.name, Array.from({ length: rows.length }, (_, i) => rows[i] ?? Array<string>(width).fill('')));
  });
  return { sheets };
}

const INPUT_TYPES = new Set(['integer', 'decimal', 'range', 'text', 'note', 'geopoint', 'geotrace', 'geoshape', 'date', 'time', 'datetime', 'image', 'audio', 'video', 'file', 'barcode', 'acknowledge', 'rank', 'trigger']);
const SELECT_TYPES = new Set(['select_one', 'select_multiple', 'rank']);
const FILE_SELECT_TYPES = new Set(['select_one_from_file', 'select_multiple_from_file']);
const NO_LABEL_TYPES = new Set(['calculate', 'hidden', 'start', 'end', 'today', 'deviceid', 'phonenumber', 'username', 'email', 'audit', 'simserial', 'subscriberid', 'start-geopoint', 'background-audio', 'xml-external', 'csv-external', 'background-geopoint']);
const GROUP_OPEN = new Set(['begin_group', 'begin_repeat']);
const GROUP_CLOSE = new Set(['end_group', 'end_repeat']);
/** An XML name as XLSForm accepts it: a letter or `_`, then letters, digits, `-`, `_`, `.` (NAMES_008). */
const NAME = /^[\p{L}_][\p{L}\p{N}._-]*$/u;
const XPATH_WORDS = new Set(['and', 'or', 'not', 'div', 'mod', 'true', 'false']);

function header(rows: string[][]): string[] {
  return (rows[0] ?? []).map((h) => h.trim());
}

/** Column indexes of `name` or `name::Language`. */
function columnsOf(headers: string[], name: string): number[] {
  return headers.map((h, i) => [h, i] as const).filter(([h]) => h === name || h.startsWith(`${name}::`)).map(([, i]) => i);
}

/** « begin group » and « begin_group » are the same type; extra spaces are ignored. */
function normalisedType(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').replace(/^(begin|end) (group|repeat)$/i, '$1_$2');
}

export function xlsFormProblems(book: XlsFormBook): string[] {
  const out: string[] = [];
  const survey = book.sheets.get('survey');
  if (!survey) return ['Sheet « survey » is missing (sheet names are exact, lowercase).'];
  const sh = header(survey);
  for (const required of ['type', 'name']) if (!sh.includes(required)) out.push(`survey: required column « ${required} » missing (HEADER_003).`);
  const labels = columnsOf(sh, 'label');
  if (labels.length === 0) out.push('survey: no « label » column.');
  const at = (row: string[], column: string) => (sh.indexOf(column) >= 0 ? (row[sh.indexOf(column)] ?? '').trim() : '');

  const choices = book.sheets.get('choices');
  const ch = choices ? header(choices) : [];
  const lists = new Map<string, Array<{ name: string; row: number }>>();
  if (choices) {
    for (const required of ['list_name', 'name']) if (!ch.includes(required)) out.push(`choices: required column « ${required} » missing.`);
    const choiceLabels = columnsOf(ch, 'label');
    if (choiceLabels.length === 0) out.push('choices: no « label » column.');
    choices.slice(1).forEach((row, i) => {
      const list = (row[ch.indexOf('list_name')] ?? '').trim();
      if (list === '') return;
      const name = (row[ch.indexOf('name')] ?? '').trim();
      if (name === '') out.push(`choices row ${i + 2}: choice without a name in list « ${list} ».`);
      if (choiceLabels.every((c) => (row[c] ?? '').trim() === '')) out.push(`choices row ${i + 2}: choice « ${name} » has no label (LABEL_001).`);
      const entries = lists.get(list) ?? [];
      entries.push({ name, row: i + 2 });
      lists.set(list, entries);
    });
  }
  const settings = book.sheets.get('settings');
  const allowDuplicates = settings ? /^(yes|true)$/i.test((settings[1]?.[header(settings).indexOf('allow_choice_duplicates')] ?? '').trim()) : false;
  for (const [list, entries] of lists) {
    const seen = new Set<string>();
    for (const e of entries) {
      if (seen.has(e.name) && !allowDuplicates) out.push(`choices row ${e.row}: duplicate choice name « ${e.name} » in list « ${list} » (NAMES_007).`);
      seen.add(e.name);
    }
  }

  // Rows: types, names unique within the nearest group, balanced groups, select lists.
  const stack: Array<{ type: string; names: Map<string, number>; row: number }> = [{ type: 'root', names: new Map(), row: 0 }];
  const allNames = new Set<string>();
  const multipleLists = new Set<string>();
  const references: Array<{ row: number; column: string; name: string }> = [];
  survey.slice(1).forEach((row, i) => {
    const line = i + 2;
    const rawType = at(row, 'type');
    if (rawType === '' && row.every((c) => c.trim() === '')) return;
    if (rawType === '') return void out.push(`survey row ${line}: a row with content has no type.`);
    const type = normalisedType(rawType);
    const [base = '', ...args] = type.split(' ');
    const kind = base.toLowerCase();
    const name = at(row, 'name');
    if (GROUP_CLOSE.has(kind)) {
      const open = stack.pop();
      if (!open || open.type === 'root' || open.type.replace('begin', 'end') !== kind) out.push(`survey row ${line}: « ${kind} » without a matching begin.`);
      if (stack.length === 0) stack.push({ type: 'root', names: new Map(), row: 0 });
      return;
    }
    const known = INPUT_TYPES.has(kind) || SELECT_TYPES.has(kind) || FILE_SELECT_TYPES.has(kind) || NO_LABEL_TYPES.has(kind) || GROUP_OPEN.has(kind);
    if (!known) out.push(`survey row ${line}: unknown type « ${rawType} ».`);
    if (name === '') out.push(`survey row ${line}: « ${kind} » without a name.`);
    else {
      if (!NAME.test(name)) out.push(`survey row ${line}: name « ${name} » is not a valid XML name (NAMES_008).`);
      if (name === 'meta') out.push(`survey row ${line}: « meta » is reserved (NAMES_005).`);
      const scope = stack[stack.length - 1]!.names;
      if (scope.has(name)) out.push(`survey row ${line}: name « ${name} » already used row ${scope.get(name)} in the same group (NAMES_001).`);
      scope.set(name, line);
      allNames.add(name);
    }
    const needsLabel = (INPUT_TYPES.has(kind) || SELECT_TYPES.has(kind) || FILE_SELECT_TYPES.has(kind)) && kind !== 'trigger';
    if (needsLabel && labels.every((c) => (row[c] ?? '').trim() === '')) out.push(`survey row ${line}: « ${name} » has no label.`);
    if (kind === 'calculate' && at(row, 'calculation') === '' && sh.includes('calculation')) out.push(`survey row ${line}: calculate « ${name} » without a calculation.`);
    if (SELECT_TYPES.has(kind)) {
      const list = (args[0] ?? '').trim();
      if (list === '') out.push(`survey row ${line}: « ${kind} » names no list.`);
      else if (!lists.has(list)) out.push(`survey row ${line}: list « ${list} » not in the choices sheet.`);
      if (kind === 'select_multiple') multipleLists.add(list);
    }
    const filter = at(row, 'choice_filter');
    if (filter !== '') {
      if (!SELECT_TYPES.has(kind) && !FILE_SELECT_TYPES.has(kind)) out.push(`survey row ${line}: choice_filter on a « ${kind} », not a select.`);
      if (SELECT_TYPES.has(kind)) {
        // Bare words of an internal filter are columns of the choices sheet (cascading selects).
        const bare = filter.replace(/'[^']*'|"[^"]*"|‘[^’]*’|\$\{[^}]*\}/g, ' ').match(/[\p{L}_][\p{L}\p{N}._-]*(?!\s*\()/gu) ?? [];
        for (const word of bare) if (!XPATH_WORDS.has(word) && !ch.includes(word)) out.push(`survey row ${line}: choice_filter names « ${word} », not a column of the choices sheet.`);
      }
    }
    for (const column of ['relevant', 'constraint', 'calculation', 'choice_filter', 'required', 'repeat_count', 'default']) {
      for (const m of at(row, column).matchAll(/\$\{([^}]*)\}/g)) references.push({ row: line, column, name: m[1]!.trim() });
    }
    if (GROUP_OPEN.has(kind)) stack.push({ type: kind, names: new Map(), row: line });
  });
  for (const open of stack.slice(1)) out.push(`survey row ${open.row}: « ${open.type} » never closed.`);
  for (const ref of references) if (!allNames.has(ref.name)) out.push(`survey row ${ref.row}: ${ref.column} refers to \${${ref.name}}, which no question is named.`);
  for (const list of multipleLists) for (const e of lists.get(list) ?? []) if (/\s/.test(e.name)) out.push(`choices row ${e.row}: « ${e.name} » has a space, not allowed in a select_multiple list.`);
  if (settings) {
    const st = header(settings);
    const formId = (settings[1]?.[st.indexOf('form_id')] ?? '').trim();
    if (st.includes('form_id') && formId !== '' && !NAME.test(formId)) out.push(`settings: form_id « ${formId} » is not a valid XML name.`);
  }
  return out;
}
