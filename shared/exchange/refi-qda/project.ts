/**
 * REFI-QDA projects (.qdpx: a zip of project.qde, namespace urn:QDA-XML:project:1.0, and the text of each source in
 * sources/): Repère's observations written as text sources, each coded with its themes over its whole text, so that
 * an evaluator codes further in QualCoder, NVivo, MAXQDA or ATLAS.ti; and the codings of such a project read back.
 * Positions count Unicode code points from 0, end exclusive (REFI-QDA 1.5 §4.3). A source keeps its observation's id
 * as its GUID and in its name, since some tools give new GUIDs when they export again.
 */
import { strFromU8 } from 'fflate';
import { utf8Bytes } from '../../crypto/sha256';
import { nameGuid } from '../guid';
import { zipStored } from '../../sheet/xlsx';
import { entryText, zipEntries, ZipError } from '../../survey/spreadsheet/zip';
import { attributes, childNamed, childrenNamed, escapeText, parseXml, XmlError, type XmlElement } from '../xml';
import { codesXml, normaliseGuid, ORIGIN, readCodes, type RefiCode } from './codebook';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface ProjectSource {
  /** The observation's id (a UUID), which becomes the source's GUID. */
  id: string;
  /** What the tool lists: the date, the kind and the id (« 2026-03-10 citation 3f2a… »). */
  name: string;
  text: string;
  /** ISO date-time of the capture. */
  createdAt: string;
  /** Context an evaluator reads beside the text: person code, consent, usage, themes as written. */
  description: string;
  /** The person's pseudonymous code: the source joins that person's case. */
  personId: string | null;
  /** GUIDs of the codes the whole text is coded with. */
  codes: string[];
}

export interface Project {
  name: string;
  /** ISO date-time. */
  createdAt: string;
  /** Who exported, as a pseudonymous label (« Repère »). */
  user: string;
  description: string;
  codes: RefiCode[];
  sources: ProjectSource[];
}

const codePoints = (text: string) => [...text].length;

function sourceXml(s: ProjectSource, userGuid: string): string {
  const guid = normaliseGuid(s.id) || nameGuid(`source:${s.id}`);
  const end = codePoints(s.text);
  const selection = s.codes.length === 0 || end === 0 ? '' :
    `      <PlainTextSelection${attributes({ guid: nameGuid(`selection:${s.id}`), name: s.name, startPosition: 0, endPosition: end, creatingUser: userGuid, creationDateTime: s.createdAt })}>\n` +
    s.codes.map((code) => `        <Coding${attributes({ guid: nameGuid(`coding:${s.id}:${code}`), creatingUser: userGuid, creationDateTime: s.createdAt })}>\n          <CodeRef targetGUID="${code}"/>\n        </Coding>\n`).join('') +
    '      </PlainTextSelection>\n';
  const description = s.description ? `      <Description>${escapeText(s.description)}</Description>\n` : '';
  return `    <TextSource${attributes({ guid, name: s.name, plainTextPath: `internal://${guid}.txt`, creatingUser: userGuid, creationDateTime: s.createdAt })}>\n${description}${selection}    </TextSource>\n`;
}

/** The project.qde document. */
export function projectXml(project: Project): string {
  const userGuid = nameGuid(`user:${project.user}`);
  const persons = new Map<string, string[]>();
  for (const s of project.sources) {
    if (!s.personId) continue;
    const list = persons.get(s.personId) ?? [];
    list.push(normaliseGuid(s.id) || nameGuid(`source:${s.id}`));
    persons.set(s.personId, list);
  }
  const cases = persons.size === 0 ? '' :
    `  <Cases>\n${[...persons].map(([person, sources]) => `    <Case${attributes({ guid: nameGuid(`case:${person}`), name: person })}>\n${sources.map((g) => `      <SourceRef targetGUID="${g}"/>\n`).join('')}    </Case>\n`).join('')}  </Cases>\n`;
  const codebook = project.codes.length === 0 ? '' : `  <CodeBook>\n${codesXml(project.codes, 2)}  </CodeBook>\n`;
  const sources = project.sources.length === 0 ? '' : `  <Sources>\n${project.sources.map((s) => sourceXml(s, userGuid)).join('')}  </Sources>\n`;
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="${PROJECT_NAMESPACE}"${attributes({ name: project.name, origin: ORIGIN, creatingUserGUID: userGuid, creationDateTime: project.createdAt })}>\n` +
    `  <Users>\n    <User${attributes({ guid: userGuid, name: project.user })}/>\n  </Users>\n` +
    codebook + cases + sources +
    (project.description ? `  <Description>${escapeText(project.description)}</Description>\n` : '') +
    '</Project>\n'
  );
}

/** The .qdpx archive: project.qde and one sources/<GUID>.txt per observation. */
export function projectBytes(project: Project): Uint8Array {
  const files: Array<[string, Uint8Array]> = [['project.qde', utf8Bytes(projectXml(project))]];
  for (const s of project.sources) files.push([`sources/${normaliseGuid(s.id) || nameGuid(`source:${s.id}`)}.txt`, utf8Bytes(s.text)]);
  return zipStored(files);
}

/** A source of a project coded elsewhere, and the codes its selections carry. */
export interface CodedSource {
  guid: string;
  name: string;
  /** GUIDs of the codes of every coding of the source (its selections and the source itself), each once. */
  codes: string[];
  /** Codings on part of the text only: brought back onto the whole observation, and counted so the person knows. */
  partial: number;
}

export type ProjectRead = { ok: true; origin: string; codes: RefiCode[]; sources: CodedSource[] } | { ok: false; message: string };

const codingTargets = (element: XmlElement) =>
  childrenNamed(element, 'Coding').map((c) => normaliseGuid(childNamed(c, 'CodeRef')?.attributes.targetGUID)).filter(Boolean);

/** Reads a .qdpx archive (or a bare project.qde) for its codebook and the codings of its text sources. */
export function readProject(bytes: Uint8Array): ProjectRead {
  let xml: string;
  /** A source's text, by the path its plainTextPath names inside the archive. */
  let sourceText: (path: string) => string | null = () => null;
  try {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      const entries = zipEntries(bytes);
      const qde = [...entries.values()].find((e) => /(^|\/)[^/]*\.qde$/i.test(e.name));
      if (!qde) return { ok: false, message: 'Cette archive ne contient pas de fichier project.qde : ce n’est pas un projet REFI-QDA (.qdpx).' };
      xml = entryText(bytes, qde);
      const byName = new Map([...entries.values()].map((e) => [e.name.toLowerCase(), e]));
      sourceText = (path) => {
        const entry = byName.get(`sources/${path}`.toLowerCase()) ?? byName.get(path.toLowerCase());
        return entry ? entryText(bytes, entry) : null;
      };
    } else {
      xml = strFromU8(bytes);
    }
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, message: `Cette archive .qdpx est abîmée (${error.message}) : exportez de nouveau le projet.` };
    throw error;
  }
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, message: `Le fichier project.qde n’est pas lisible : ${error.message}.` };
    throw error;
  }
  if (root.name !== 'Project') return { ok: false, message: `Ce fichier n’est pas un projet REFI-QDA : son élément racine est <${root.name}>, pas <Project>.` };
  const codes = readCodes(childNamed(childNamed(root, 'CodeBook') ?? root, 'Codes'));
  const sources: CodedSource[] = [];
  for (const source of childrenNamed(childNamed(root, 'Sources') ?? root, 'TextSource')) {
    const found = new Set<string>(codingTargets(source));
    const path = (source.attributes.plainTextPath ?? '').replace(/^internal:\/\//, '');
    const text = childNamed(source, 'PlainTextContent')?.text ?? (path ? sourceText(path) : null);
    const length = text === null ? null : [...text].length;
    let partial = 0;
    for (const selection of childrenNamed(source, 'PlainTextSelection')) {
      const targets = codingTargets(selection);
      targets.forEach((t) => found.add(t));
      const whole = Number(selection.attributes.startPosition) === 0 && (length === null || Number(selection.attributes.endPosition) >= length);
      if (!whole) partial += targets.length;
    }
    sources.push({ guid: normaliseGuid(source.attributes.guid), name: source.attributes.name ?? '', codes: [...found], partial });
  }
  return { ok: true, origin: root.attributes.origin ?? '', codes, sources };
}
