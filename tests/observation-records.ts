/** Observation records as the extension sends them to the collector, numbered, with what a test changes. */
export function observationRecord(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `6f1c2a3b-4d5e-4f60-8a7b-${String(n).padStart(12, '0')}`,
    createdAt: '2026-11-26T09:00:00.000Z',
    updatedAt: '2026-11-26T09:00:00.000Z',
    kind: 'citation',
    text: `Je revois mes voisins depuis l’atelier (${n})`,
    tags: ['C1'],
    consent: 'obtenu',
    scope: 'interne',
    ...extra,
  };
}
