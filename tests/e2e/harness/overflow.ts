/** What runs past a printed page or a zoomed window: elements reaching beyond the document's width, or whose content is wider than their box. */
import type { Frame, Page } from 'playwright-core';

export async function overflowing(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > limit || box.left < -0.5 || el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} « ${(el.textContent ?? '').slice(0, 40)} »`);
    }
    return out;
  });
}
