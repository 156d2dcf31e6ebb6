/**
 * REFI-QDA codebooks (.qdc, namespace urn:QDA-XML:codebook:1.0, REFI-QDA 1.5 §5.2): Repère's codebook written as one,
 * and a codebook from QualCoder, NVivo, MAXQDA, ATLAS.ti or Taguette read back into codes. The same <Codes> element
 * sits inside a project (.qde), so projects read and write it through here too.
 */
import type { Code, Codebook } from '../../codebook/codebook';
import { attributes, childNamed, childrenNamed, escapeText, parseXml, XmlError, type XmlElement } from '../xml';
import { count } from '../../text/plural';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
export const ORIGIN = 'Repère';

/** A code as REFI-QDA holds it. */
export interface RefiCode {
  /** Upper-case GUID, braces dropped; '' for a code from a file without GUIDs (Taguette's CSV). */
  guid: string;
  name: string;
  isCodable: boolean;
  /** #RRGGBB (a #RGB one is widened), or ''. */
  color: string;
  description: string;
  children: RefiCode[];
}

const GUID_PATTERN = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** A GUID as Repère keeps it: upper case, no braces; '' when it is not one. */
export function normaliseGuid(value: string | undefined): string {
  const match = GUID_PATTERN.exec((value ?? '').trim());
  return match ? match[1]!.toUpperCase() : '';
}

function colorOf(value: string | undefined): string {
  const hex = (value ?? '').trim().replace(/^#/, '');
  if (/^[0-9a-f]{6}$/i.test(hex)) return `#${hex.toUpperCase()}`;
  if (/^[0-9a-f]{3}$/i.test(hex)) return `#${[...hex].map((d) => d + d).join('').toUpperCase()}`;
  return '';
}

/**
 * Repère's codebook as REFI-QDA codes: each outcome a top-level code, its themes below it. Every code needs its GUID
 * (the registry keeps them: `Codebook` codes carry the one the export gave them).
 */
export function refiCodes(codebook: Codebook): RefiCode[] {
  const toRefi = (code: Code, children: RefiCode[]): RefiCode => {
    if (!code.guid) throw new Error(`code ${code.id} sans GUID`);
    return { guid: code.guid, name: code.label, isCodable: true, color: code.colour, description: code.description, children };
  };
  return codebook.codes
    .filter((c) => c.kind === 'outcome')
    .map((outcome) => toRefi(outcome, codebook.themesOf(outcome.id).map((theme) => toRefi(theme, []))));
}

/** The <Codes> element, indented by `depth` levels. */
export function codesXml(codes: readonly RefiCode[], depth = 1): string {
  const pad = '  '.repeat(depth);
  const one = (code: RefiCode, level: number): string => {
    const indent = '  '.repeat(level);
    const head = `${indent}<Code${attributes({ guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color || undefined })}`;
    if (!code.description && code.children.length === 0) return `${head}/>\n`;
    const description = code.description ? `${indent}  <Description>${escapeText(code.description)}</Description>\n` : '';
    return `${head}>\n${description}${code.children.map((c) => one(c, level + 1)).join('')}${indent}</Code>\n`;
  };
  return `${pad}<Codes>\n${codes.map((c) => one(c, depth + 1)).join('')}${pad}</Codes>\n`;
}

/** A whole .qdc file. */
export function codebookXml(codes: readonly RefiCode[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="${CODEBOOK_NAMESPACE}"${attributes({ origin: ORIGIN })}>\n${codesXml(codes)}</CodeBook>\n`;
}

/** The codes under a <Codes> element (of a codebook or of a project's <CodeBook>). */
export function readCodes(codes: XmlElement | undefined): RefiCode[] {
  const read = (element: XmlElement): RefiCode => ({
    guid: normaliseGuid(element.attributes.guid),
    name: (element.attributes.name ?? '').trim(),
    // REFI-QDA: isCodable is required; a tool that leaves it out means a code, as QualCoder reads it.
    isCodable: element.attributes.isCodable !== 'false' && element.attributes.isCodable !== '0',
    color: colorOf(element.attributes.color),
    description: childNamed(element, 'Description')?.text.trim() ?? '',
    children: childrenNamed(element, 'Code').map(read),
  });
  return codes ? childrenNamed(codes, 'Code').map(read) : [];
}

export type CodebookRead = { ok: true; codes: RefiCode[]; origin: string } | { ok: false; message: string };

/** Reads a .qdc file's text (a UTF-8 BOM, as QualCoder writes, is fine). */
export function readCodebookXml(text: string): CodebookRead {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, message: `Ce fichier n’est pas un livre de codes REFI-QDA lisible : ${error.message}.` };
    throw error;
  }
  if (root.name !== 'CodeBook') {
    return { ok: false, message: `Ce fichier n’est pas un livre de codes REFI-QDA (.qdc) : son élément racine est <${root.name}>, pas <CodeBook>. Un projet .qdpx s’importe par « Importer un projet codé ».` };
  }
  const codes = readCodes(childNamed(root, 'Codes'));
  if (codes.length === 0) return { ok: false, message: 'Ce livre de codes REFI-QDA ne contient aucun code.' };
  const nameless = countCodes(codes, (c) => c.name === '');
  if (nameless > 0) return { ok: false, message: `Ce livre de codes contient ${count(nameless, 'code', 'codes')} sans nom : corrigez-le dans le logiciel qui l’a exporté.` };
  return { ok: true, codes, origin: root.attributes.origin ?? '' };
}

export function countCodes(codes: readonly RefiCode[], which: (code: RefiCode) => boolean = () => true): number {
  return codes.reduce((n, c) => n + (which(c) ? 1 : 0) + countCodes(c.children, which), 0);
}
