import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../shared/indicators/compute';
import { AGREE, answer, indicator, input, question, times } from './build';

/** The same survey with its question and breakdown column under another key. */
function computeWith(key: string, segment: string) {
  const rows = [
    ...times(12, (i) => answer({ [key]: AGREE[3]! }, { personId: `p${i}`, segments: { [segment]: i % 2 ? 'A' : 'B' } })),
    ...times(8, (i) => answer({ [key]: AGREE[0]! }, { personId: `n${i}`, segments: { [segment]: 'A' } })),
  ];
  return computeIndicators(
    input({
      questions: [question(key)],
      indicators: [indicator({ source: { type: 'survey', survey: 'E1', questions: [key] }, condition: { op: 'in', values: [AGREE[3]!] }, disaggregation: [segment] })],
      answers: [{ survey: 'E1', rows }],
    }),
  ).values.map(({ segment: s, ...row }) => ({ ...row, segment: s.replace(segment, 'SEGMENT') }));
}

describe('question and column keys', () => {
  it('computes the same for keys that are also names of built-in object properties', () => {
    expect(computeWith('constructor', 'toString')).toEqual(computeWith('q', 'site'));
  });
});
