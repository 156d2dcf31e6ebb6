/**
 * Just enough XML for spreadsheet files, fast on a sheet of 4 million cells: elements found by name in a text that
 * arrives a slice at a time, attributes read from a start tag, entities decoded. Spreadsheet programs write plain,
 * well-formed XML with no DTD; this reads nothing else.
 */

export interface ElementScanner {
  /** Gives the next slice of the document. */
  push(text: string): void;
  /** The document is over. */
  end(): void;
}

/**
 * Calls `onElement` with the whole text of each element named in `whole` (start tag to end tag, or self-closing),
 * and `onStart` with the start tag of each element named in `starts`, in document order.
 */
export function scanElements(
  whole: readonly string[],
  onElement: (name: string, xml: string) => void,
  starts: readonly string[] = [],
  onStart: (name: string, tag: string) => void = () => undefined,
): ElementScanner {
  const names = [...whole, ...starts];
  let buffer = '';
  const isBoundary = (c: string | undefined) => c === ' ' || c === '>' || c === '/' || c === '\n' || c === '\r' || c === '\t';
  const drain = (final: boolean) => {
    let at = 0;
    for (;;) {
      let found = -1;
      let foundName = '';
      for (const n of names) {
        let i = buffer.indexOf(`<${n}`, at);
        while (i >= 0 && !isBoundary(buffer[i + n.length + 1])) {
          if (i + n.length + 1 >= buffer.length && !final) break;
          i = buffer.indexOf(`<${n}`, i + 1);
        }
        if (i >= 0 && (found < 0 || i < found)) {
          found = i;
          foundName = n;
        }
      }
      if (found < 0) {
        // Keep a tail long enough to hold a name cut in two.
        at = Math.max(at, buffer.length - 64);
        break;
      }
      const close = buffer.indexOf('>', found);
      if (close < 0) {
        at = found;
        break;
      }
      if (starts.includes(foundName)) {
        onStart(foundName, buffer.slice(found, close + 1));
        at = close + 1;
        continue;
      }
      if (buffer[close - 1] === '/') {
        onElement(foundName, buffer.slice(found, close + 1));
        at = close + 1;
        continue;
      }
      const endTag = `</${foundName}>`;
      const end = buffer.indexOf(endTag, close);
      if (end < 0) {
        at = found;
        break;
      }
      onElement(foundName, buffer.slice(found, end + endTag.length));
      at = end + endTag.length;
    }
    buffer = buffer.slice(at);
  };
  return {
    push(text) {
      buffer += text;
      drain(false);
    },
    end() {
      drain(true);
      buffer = '';
    },
  };
}

/** The value of an attribute in a start tag, entities decoded; null when absent. */
export function attribute(tag: string, name: string): string | null {
  let i = tag.indexOf(` ${name}="`);
  if (i < 0) {
    i = tag.indexOf(`\n${name}="`);
    if (i < 0) return null;
  }
  const from = i + name.length + 3;
  const to = tag.indexOf('"', from);
  return to < 0 ? null : decodeEntities(tag.slice(from, to));
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/** The text of every `<tag>…</tag>` inside an element, joined (rich text runs), entities decoded. */
export function innerTexts(xml: string, tag: string): string {
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let out = '';
  let at = 0;
  for (;;) {
    const i = xml.indexOf(open, at);
    if (i < 0) break;
    const after = xml[i + open.length];
    if (after !== '>' && after !== ' ' && after !== '/') {
      at = i + 1;
      continue;
    }
    const start = xml.indexOf('>', i);
    if (xml[start - 1] === '/') {
      at = start + 1;
      continue;
    }
    const end = xml.indexOf(close, start);
    if (end < 0) break;
    out += xml.slice(start + 1, end);
    at = end + close.length;
  }
  return decodeEntities(out);
}
