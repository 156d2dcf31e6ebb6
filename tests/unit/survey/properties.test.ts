import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareImport } from '../../../shared/survey/import';
import { readSurveyRecords } from '../../../shared/survey/read-table';

type Enc = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

function encode(text: string, encoding: Enc): Uint8Array {
  switch (encoding) {
    case 'utf-8': return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf-8-bom': return new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf8'));
    case 'utf-16le': return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
      return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), le]));
    }
    case 'windows-1252': return new Uint8Array(Buffer.from(text, 'latin1'));
  }
}

function toCsv(rows: string[][], delimiter: string, newline: string): string {
  const quote = (cell: string) => (/[",;\t|\r\n]/.test(cell) || cell.trim() !== cell ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((r) => r.map(quote).join(delimiter)).join(newline) + newline;
}

// Text a survey cell can hold: accents, quotes, delimiters, line breaks, formula-looking starts; Windows-1252 covers
// Latin-1 only, so cells for it are drawn from that range (minus the C1 controls Windows-1252 remaps).
const unicodeChar = fc.constantFrom(...'aé Ç€’"\',;\t|\n\r=+-@%0123456789xyzŒœ😀ßñ');
const latinChar = fc.constantFrom(...'aé Ç"\',;\t|\n\r=+-@%0123456789xyzñ');
const cell = (latin: boolean) => fc.string({ unit: latin ? latinChar : unicodeChar, maxLength: 12 });

const table = (latin: boolean) =>
  fc.integer({ min: 2, max: 5 }).chain((width) =>
    fc.tuple(
      fc.uniqueArray(fc.string({ unit: fc.constantFrom(...'abcdéQ_ 12'), minLength: 1, maxLength: 8 }).map((h) => `Q${h.trim()}`), { minLength: width, maxLength: width }),
      fc.array(fc.array(cell(latin), { minLength: width, maxLength: width }).filter((r) => r.some((c) => c.trim() !== '') && r[width - 1]!.trim() !== ''), { minLength: 1, maxLength: 8 }),
    ),
  );

describe('any table written as CSV reads back identical', () => {
  it('in every supported encoding, delimiter and line ending', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Enc>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (encoding, delimiter, newline, seed) => {
          fc.assert(
            fc.property(table(encoding === 'windows-1252'), ([headers, rows]) => {
              const text = toCsv([headers, ...rows], delimiter, newline);
              const read = readSurveyRecords(encode(text, encoding));
              expect(read.ok).toBe(true);
              if (!read.ok) return;
              expect(read.records.headers).toEqual(headers);
              expect(read.records.rows).toEqual(rows);
              // Plain ASCII is the same bytes in Windows-1252 and UTF-8: it reads as UTF-8, with the same text.
              const ascii = /^\p{ASCII}*$/u.test(text);
              expect(read.records.encoding).toBe(encoding === 'utf-8-bom' || (encoding === 'windows-1252' && ascii) ? 'utf-8' : encoding);
            }),
            { numRuns: seed ? 8 : 4 },
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('no text is ever turned into anything but itself', () => {
  it('formula-looking answers stay the same strings through the whole pipeline', () => {
    const formula = fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' ='), fc.string({ unit: unicodeChar, maxLength: 10 })).map(([a, b]) => `${a}${b}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(formula, fc.string({ unit: unicodeChar, maxLength: 10 })), { minLength: 1, maxLength: 6 }), (pairs) => {
        const rows = pairs.map(([a, b]) => [a, `x${b}`]);
        const prepared = prepareImport(new Uint8Array(Buffer.from(toCsv([['Réponse', 'Autre'], ...rows], ';', '\r\n'), 'utf8')), {
          corrections: { Réponse: { type: 'text' }, Autre: { type: 'text' } },
        });
        prepared.table.values.forEach((values, i) => {
          expect(values[0]).toBe(rows[i]![0]!.trim() === '' ? null : rows[i]![0]);
          expect(values[1]).toBe(rows[i]![1]);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('whatever type is guessed, a text answer is never rewritten: values are the raw text, a number or an ISO date', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: unicodeChar, minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== ''), { minLength: 1, maxLength: 10 }), (cells) => {
        const prepared = prepareImport(new Uint8Array(Buffer.from(toCsv([['Q', 'Z'], ...cells.map((c) => [c, 'z'])], ',', '\n'), 'utf8')));
        prepared.table.values.forEach((values, i) => {
          const v = values[0];
          if (typeof v === 'string') expect(v).toBe(cells[i]);
          else if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('typing a column: sentences are never a choice, a small set of options always is', () => {
  const WORDS = ['le', 'matin', 'je', 'suis', 'fatiguée', 'mais', 'ça', 'va', 'les', 'visites', 'du', 'mardi', 'aident', 'beaucoup', 'mon', 'mari', 'dort', 'mieux', 'depuis', 'l’accueil', 'de', 'jour', 'personne', 'ne', 'vient', 'dimanche', 'merci', 'à', 'Sandrine', 'toujours', 'souriante'];
  const word = fc.constantFrom(...WORDS);
  // Seven words or more, commas between some of them, a full stop or not: what people write in a comment box.
  const sentence = fc
    .tuple(fc.array(fc.tuple(word, fc.boolean()), { minLength: 7, maxLength: 14 }), fc.constantFrom('.', '!', '', '…'))
    .map(([words, end]) => {
      const text = words.map(([w, comma], i) => (comma && i < words.length - 1 ? `${w},` : w)).join(' ');
      return `${text[0]!.toUpperCase()}${text.slice(1)}${end}`;
    });
  const option = fc.array(fc.constantFrom('Repas', 'courses', 'Aide', 'à la toilette', 'Répit', 'accueil de jour', 'Portage', 'Ménage', 'Transport', 'Oui', 'souvent'), { minLength: 1, maxLength: 2 }).map((parts) => parts.join(', '));
  const options = fc.uniqueArray(option, { minLength: 2, maxLength: 6 }).filter((list) => {
    // Options whose pieces are all different: « Oui, souvent » and « Oui » could not be told apart by anyone.
    const pieces = list.flatMap((o) => o.split(', '));
    return new Set(pieces).size === pieces.length;
  });
  // Options of one to four words, some holding a comma (« Repas, courses »), as forms offer them.
  const googleForms = (cells: string[]) => {
    const rows = cells.map((cell, i) => `"2024/01/${String(1 + (i % 28)).padStart(2, '0')} ${8 + (i % 10)}:${String(i % 60).padStart(2, '0')}:00 UTC+1","${cell.replace(/"/g, '""')}"`);
    return new Uint8Array(Buffer.from(`"Horodateur","Q"\n${rows.join('\n')}\n`, 'utf8'));
  };
  const typeOf = (bytes: Uint8Array) => prepareImport(bytes).questions.find((q) => q.key === 'Q')!.type;

  it('a column of sentences, with commas and repeats, is free text', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 20 }), (distinct, repeats) => {
        const cells = [...distinct, ...repeats.map((r) => distinct[r % distinct.length]!)];
        expect(typeOf(googleForms(cells))).toBe('text');
      }),
      { numRuns: 150 },
    );
  });

  it('a column drawn from a few options, each given by several people, is a choice (single or multiple)', () => {
    fc.assert(
      fc.property(options, fc.array(fc.nat(), { minLength: 4, maxLength: 40 }), fc.boolean(), (list, picks, checkboxes) => {
        // Every option at least twice, then more drawn; checkboxes join a few options in the form's order.
        const cells = [...list, ...list, ...picks.map((p) => list[p % list.length]!)].map((first, i) => {
          if (!checkboxes || i % 3 !== 0) return first;
          const second = list[(list.indexOf(first) + 1) % list.length]!;
          return second === first ? first : [first, second].sort((a, b) => list.indexOf(a) - list.indexOf(b)).join(', ');
        });
        expect(['single', 'multiple']).toContain(typeOf(googleForms(cells)));
      }),
      { numRuns: 150 },
    );
  });
});
