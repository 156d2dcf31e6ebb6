import { describe, expect, it, vi } from 'vitest';
import { buildDraft, cleanUrl } from '../../../extension/capture/draft';
import { onCapture, type CaptureDeps } from '../../../extension/capture/capture';
import { uuidFor } from './helpers';

const clock = { now: () => new Date('2025-03-04T09:30:00Z'), uuid: () => uuidFor(1) };

function deps(over: Partial<CaptureDeps> = {}): CaptureDeps & { order: string[] } {
  const order: string[] = [];
  return {
    order,
    openPanel: vi.fn(() => void order.push('open')),
    readSelection: vi.fn(async () => {
      order.push('read');
      return { exact: 'Je ressors le jeudi.\nÇa me fait du bien.', prefix: 'x'.repeat(40), suffix: 'y'.repeat(40), title: 'Courriel — Suivi', start: 120, end: 160 };
    }),
    saveDraft: vi.fn(async () => void order.push('save')),
    ...clock,
    ...over,
  };
}

describe('capture command', () => {
  it('opens the panel before anything asynchronous, then stores the prefilled draft', async () => {
    const d = deps();
    const pending = onCapture({ id: 7, url: 'https://mail.example.org/inbox?id=42#msg', title: 'Boîte' }, {}, d);
    expect(d.order).toEqual(['open', 'read']);
    const draft = await pending;
    expect(d.order).toEqual(['open', 'read', 'save']);
    expect(draft).toMatchObject({
      text: 'Je ressors le jeudi.\nÇa me fait du bien.',
      quote: { type: 'TextQuoteSelector', exact: 'Je ressors le jeudi.\nÇa me fait du bien.', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) },
      // 40 code points of quote from the page's 120th: the W3C TextPositionSelector, end exclusive.
      position: { type: 'TextPositionSelector', start: 120, end: 160 },
      sourceTitle: 'Courriel — Suivi',
      pageUrl: 'https://mail.example.org/inbox?id=42#msg',
      capturedAt: '2025-03-04T09:30:00.000Z',
      restricted: false,
    });
  });

  it('falls back to the browser’s selection text on a page that refuses injection', async () => {
    const d = deps({ readSelection: vi.fn(async () => null) });
    const draft = await onCapture({ id: 1, url: 'https://chromewebstore.google.com/x', title: 'Store' }, { selectionText: 'un passage' }, d);
    expect(draft).toMatchObject({ text: 'un passage', quote: { exact: 'un passage', prefix: '', suffix: '' }, restricted: true, sourceTitle: 'Store' });
  });

  it('makes a free note when nothing is selected, and does nothing without a tab', async () => {
    const d = deps({ readSelection: vi.fn(async () => ({ exact: '', prefix: '', suffix: '', title: 'Page', start: null, end: null })) });
    const draft = await onCapture({ id: 1, url: 'https://exemple.fr/' }, {}, d);
    expect(draft).toMatchObject({ text: '', restricted: false });
    expect(draft && 'quote' in draft && draft.quote).toBeFalsy();
    expect(await onCapture(undefined, {}, d)).toBeNull();
  });
});

describe('page addresses', () => {
  it('drops the query string and fragment unless asked, and keeps only http(s)', () => {
    expect(cleanUrl('https://outil.example.org/dossier/12?token=abc&nom=Dupont#notes')).toBe('https://outil.example.org/dossier/12');
    expect(cleanUrl('https://outil.example.org/dossier/12?x=1#n', true)).toBe('https://outil.example.org/dossier/12?x=1#n');
    expect(cleanUrl('javascript:alert(1)')).toBeUndefined();
    expect(cleanUrl('chrome://extensions')).toBeUndefined();
    expect(cleanUrl('pas une adresse')).toBeUndefined();
  });

  it('a draft keeps the full address locally; the record gets the cleaned one', () => {
    const draft = buildDraft({ selection: null, pageUrl: 'https://a.fr/p?q=1', pageTitle: 'A' }, clock);
    expect(draft.pageUrl).toBe('https://a.fr/p?q=1');
    expect(cleanUrl(draft.pageUrl)).toBe('https://a.fr/p');
  });
});
