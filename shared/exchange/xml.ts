/**
 * Just enough XML for the exchange files (REFI-QDA codebooks and projects): a whole document read into a tree of
 * elements (namespace prefixes dropped, attributes and text decoded), and text escaped for writing. Exchange files are
 * small, well-formed, and carry no DTD; anything else is refused with the place it went wrong.
 */
import { replaceUnrepresentable } from '../sheet/cell';
import { decodeEntities } from '../survey/spreadsheet/xml';

export interface XmlElement {
  /** Local name, without its namespace prefix. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), decoded, between and around its children. */
  text: string;
}

export class XmlError extends Error {}

const NAME = /[A-Za-z_][\w.:-]*/y;
const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

/** Parses a whole document; throws XmlError saying at which line it stopped making sense. */
export function parseXml(source: string): XmlElement {
  const text = source.replace(/^\uFEFF/, '');
  let at = 0;
  const line = () => text.slice(0, at).split('\n').length;
  const fail = (what: string): never => {
    throw new XmlError(`${what} (ligne ${line()})`);
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const chunk = lt < 0 ? text.slice(at) : text.slice(at, lt);
    if (stack.length > 0) stack[stack.length - 1]!.text += decodeEntities(chunk);
    else if (chunk.trim() !== '') fail('texte hors de l’élément racine');
    if (lt < 0) break;
    at = lt;
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at);
      if (end < 0) fail('instruction non fermée');
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at);
      if (end < 0) fail('commentaire non fermé');
      at = end + 3;
    } else if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at);
      if (end < 0 || stack.length === 0) fail('section CDATA mal placée');
      stack[stack.length - 1]!.text += text.slice(at + 9, end);
      at = end + 3;
    } else if (text.startsWith('<!', at)) {
      fail('déclaration de type de document refusée');
    } else if (text.startsWith('</', at)) {
      NAME.lastIndex = at + 2;
      const name = NAME.exec(text)?.[0] ?? fail('balise de fin illisible');
      const open = stack.pop();
      if (!open || open.name !== localName(name)) fail(`balise de fin </${name}> inattendue`);
      const end = text.indexOf('>', at);
      if (end < 0) fail('balise de fin non fermée');
      at = end + 1;
    } else {
      NAME.lastIndex = at + 1;
      const name = NAME.exec(text)?.[0] ?? fail('balise illisible');
      at = NAME.lastIndex;
      const element: XmlElement = { name: localName(name), attributes: {}, children: [], text: '' };
      for (;;) {
        while (/\s/.test(text[at] ?? '')) at++;
        if (text.startsWith('/>', at) || text[at] === '>') break;
        NAME.lastIndex = at;
        const attribute = NAME.exec(text)?.[0] ?? fail(`attribut illisible dans <${name}>`);
        at = NAME.lastIndex;
        while (/\s/.test(text[at] ?? '')) at++;
        if (text[at] !== '=') fail(`attribut ${attribute} sans valeur`);
        at++;
        while (/\s/.test(text[at] ?? '')) at++;
        const quote = text[at];
        if (quote !== '"' && quote !== "'") fail(`valeur de ${attribute} sans guillemets`);
        const end = text.indexOf(quote!, at + 1);
        if (end < 0) fail(`valeur de ${attribute} non fermée`);
        // Namespace declarations are not data; the prefixes are dropped from names.
        if (attribute !== 'xmlns' && !attribute.startsWith('xmlns:')) element.attributes[localName(attribute)] = decodeEntities(text.slice(at + 1, end));
        at = end + 1;
      }
      const selfClosing = text[at] === '/';
      at += selfClosing ? 2 : 1;
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else if (root) fail('deux éléments racine');
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> non fermé`);
  return root ?? fail('document vide');
}

/** The direct children named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/**
 * Text as XML 1.0 may hold it: the five markup characters escaped, the control characters XML forbids (a page may
 * hold them) dropped, lone surrogates and U+FFFE/U+FFFF replaced by « � » as in a cell, so that every tool reads it.
 */
export function escapeXml(value: string): string {
  const { text } = replaceUnrepresentable(value);
  return text
    // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Element text: as escapeXml, with line breaks and tabs kept as they are (XML keeps them in text). */
export function escapeText(value: string): string {
  return escapeXml(value.replace(/\r\n?/g, '\n')).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t');
}

/** A start tag's attributes, escaped, those without a value left out. */
export function attributes(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}
