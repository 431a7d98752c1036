// The package around the parts: part text in and out, relationships, content types.

import * as path from 'path';
import { escapeXml, scanXml, topLevel } from './xmlScan';

export type Entries = Map<string, Uint8Array>;

const BOM = '\uFEFF';

/** A part's text (UTF-8; a byte-order mark is kept in the text so it is written back). */
export function partText(entries: Entries, name: string): string | undefined {
  const bytes = entries.get(name);
  if (!bytes) return undefined;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new Error(`UTF-16 part ${name}`);
  }
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

export function textBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
};

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
export const REL_TYPE = {
  officeDocument: REL + 'officeDocument',
  worksheet: REL + 'worksheet',
  styles: REL + 'styles',
  comments: REL + 'comments',
  vmlDrawing: REL + 'vmlDrawing',
};

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

/** The rels part of a part: `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === '.' ? '' : dir + '/'}_rels/${path.posix.basename(part)}.rels`;
}

/** A target as a part name (no leading slash), resolved against the folder of its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = target.split('#')[0];
  if (clean.startsWith('/')) return path.posix.normalize(clean.slice(1));
  const dir = path.posix.dirname(sourcePart);
  return path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, decodeURI(clean)));
}

/** A target written relative to the folder of the source part. */
export function relativeTarget(sourcePart: string, part: string): string {
  const dir = path.posix.dirname(sourcePart);
  return path.posix.relative(dir === '.' ? '' : dir, part);
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  /** The target as a part name; undefined for an external target. */
  part?: string;
}

export function readRels(entries: Entries, sourcePart: string): Rel[] {
  const xml = partText(entries, relsPartOf(sourcePart));
  if (xml === undefined) return [];
  const out: Rel[] = [];
  scanXml(xml, {
    open(t) {
      if (t.local !== 'Relationship') return;
      const { Id: id, Type: type = '', Target: target = '', TargetMode: mode } = t.attrs;
      if (!id) return;
      out.push({ id, type, target, part: mode === 'External' ? undefined : resolveTarget(sourcePart, target) });
    },
  });
  return out;
}

/** A relationship id not yet used in the list. */
export function freeRelId(rels: Rel[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/**
 * Adds relationships to a part's rels (made when missing), each appended before the end tag.
 * Returns the new text of the rels part.
 */
export function addRels(entries: Entries, sourcePart: string, add: { id: string; type: string; target: string }[]): string {
  const lines = add.map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`).join('');
  const xml = partText(entries, relsPartOf(sourcePart));
  if (xml === undefined) return `${XML_DECL}<Relationships xmlns="${NS.pkgRel}">${lines}</Relationships>`;
  const { root } = topLevel(xml);
  if (root.selfClosing) {
    const open = xml.slice(root.start, root.end - 2).replace(/\s+$/, '') + '>';
    return xml.slice(0, root.start) + open + lines + `</${rootName(xml, root.start)}>` + xml.slice(root.end);
  }
  return xml.slice(0, root.closeStart) + lines + xml.slice(root.closeStart);
}

/** The qualified name of the element starting at `start`. */
export function rootName(xml: string, start: number): string {
  return /^<([^\s/>]+)/.exec(xml.slice(start, start + 200))?.[1] ?? '';
}

/** Adds Override and Default entries to [Content_Types].xml that it does not hold yet. */
export function addContentTypes(xml: string, overrides: { part: string; type: string }[], defaults: { ext: string; type: string }[]): string {
  const haveOverride = new Set<string>();
  const haveDefault = new Set<string>();
  scanXml(xml, {
    open(t) {
      if (t.local === 'Override' && t.attrs.PartName) haveOverride.add(t.attrs.PartName.toLowerCase());
      if (t.local === 'Default' && t.attrs.Extension) haveDefault.add(t.attrs.Extension.toLowerCase());
    },
  });
  let add = '';
  for (const d of defaults) if (!haveDefault.has(d.ext.toLowerCase())) add += `<Default Extension="${escapeXml(d.ext)}" ContentType="${escapeXml(d.type)}"/>`;
  for (const o of overrides) {
    const name = '/' + o.part;
    if (!haveOverride.has(name.toLowerCase())) add += `<Override PartName="${escapeXml(name)}" ContentType="${escapeXml(o.type)}"/>`;
  }
  if (!add) return xml;
  const { root } = topLevel(xml);
  return xml.slice(0, root.closeStart) + add + xml.slice(root.closeStart);
}

/** The prefix the root element binds to a namespace URI, if any ('' for the default namespace). */
export function prefixFor(rootTag: string, uri: string): string | undefined {
  for (const m of rootTag.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    if ((m[3] ?? m[4]) === uri) return m[1] ?? '';
  }
  return undefined;
}

/** A part name in the folder that is not in the package: `xl/worksheets/sheet7.xml`. */
export function freePartName(entries: Entries, pattern: (n: number) => string, taken: Set<string> = new Set()): string {
  const lower = new Set([...entries.keys()].map((k) => k.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = pattern(n);
    if (!lower.has(name.toLowerCase()) && !taken.has(name.toLowerCase())) return name;
  }
}
