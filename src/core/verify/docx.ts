// A .docx report: the body's paragraphs and table cells in document order, read from the zip
// (jszip) and its XML (saxes). Runs in Node and in the browser.

import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { SelfevalError } from '../engine';
import { INPUT } from './messages';
import { numberParagraphs, type RawParagraph } from './text';
import type { ReportText } from './types';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** An OLE compound file holding an EncryptionInfo stream is an encrypted OOXML file. */
function isEncryptedOle(bytes: Uint8Array): boolean {
  const name = 'EncryptionInfo';
  const limit = Math.min(bytes.length, 1 << 20);
  outer: for (let i = 0; i + name.length * 2 <= limit; i++) {
    for (let k = 0; k < name.length; k++) if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

const localName = (tag: string) => tag.slice(tag.indexOf(':') + 1);

/** Parses XML with saxes, calling the handlers; throws on malformed XML. */
function parseXml(xml: string, on: { open(name: string, attrs: Record<string, string>): void; close(name: string): void; text(t: string): void }): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => on.open(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => on.close(localName(tag.name)));
  parser.on('text', (t) => on.text(t));
  parser.write(xml).close();
}

/** The main document part named by _rels/.rels (word/document.xml when it says nothing). */
async function mainPart(zip: JSZip): Promise<string> {
  const rels = zip.file('_rels/.rels');
  let target = 'word/document.xml';
  if (rels) {
    parseXml(await rels.async('string'), {
      open(name, attrs) {
        if (name === 'Relationship' && /\/officeDocument$/.test(attrs.Type ?? '') && attrs.Target) target = attrs.Target.replace(/^\//, '');
      },
      close() {},
      text() {},
    });
  }
  return target;
}

interface TableState {
  index: number;
  row: number;
  col: number;
  cells: { col: number; text: string[] }[];
}

/** The paragraphs of a WordprocessingML body. */
export function paragraphsOfDocumentXml(xml: string): RawParagraph[] {
  const raws: RawParagraph[] = [];
  const tables: TableState[] = [];
  let tableCount = 0;
  let bodyIndex = 0;
  let para: string[] | null = null;
  let heading = false;
  let inText = false;
  parseXml(xml, {
    open(name, attrs) {
      const t = tables[tables.length - 1];
      if (name === 'tbl') tables.push({ index: tableCount++, row: -1, col: -1, cells: [] });
      else if (name === 'tr' && t) {
        t.row++;
        t.col = -1;
        t.cells = [];
      } else if (name === 'tc' && t) {
        t.col++;
        t.cells.push({ col: t.col, text: [] });
      } else if (name === 'p') {
        para = [];
        heading = false;
      } else if (name === 't') inText = true;
      else if (name === 'tab' && para) para.push('\t');
      else if ((name === 'br' || name === 'cr') && para) para.push('\n');
      else if (name === 'pStyle' && /heading|标题|^[1-9]$|title/i.test(attrs['w:val'] ?? '')) heading = true;
      else if (name === 'outlineLvl') heading = true;
    },
    close(name) {
      const t = tables[tables.length - 1];
      if (name === 't') inText = false;
      else if (name === 'p' && para) {
        const text = para.join('');
        para = null;
        if (t && t.cells.length) t.cells[t.cells.length - 1].text.push(text);
        else raws.push({ text, origin: { kind: 'docx', index: bodyIndex++ }, heading });
      } else if (name === 'tr' && t) {
        const texts = t.cells.map((c) => c.text.join('\n'));
        const row = texts.join(' ');
        t.cells.forEach((c, i) => raws.push({ text: texts[i], origin: { kind: 'table', table: t.index, row: t.row, col: c.col }, row }));
        t.cells = [];
      } else if (name === 'tbl') tables.pop();
    },
    text(s) {
      if (inText && para) para.push(s);
    },
  });
  return raws;
}

/** Reads a .docx; throws SelfevalError (one Chinese line) when the bytes are not a readable .docx. */
export async function readDocx(source: string, bytes: Uint8Array): Promise<ReportText> {
  if (startsWith(bytes, OLE_MAGIC)) throw new SelfevalError(isEncryptedOle(bytes) ? INPUT.encrypted(source) : INPUT.oldDoc(source));
  if (!startsWith(bytes, [0x50, 0x4b])) throw new SelfevalError(INPUT.notDocx(source));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new SelfevalError(INPUT.corrupt(source));
  }
  let xml: string;
  try {
    const part = zip.file(await mainPart(zip));
    if (!part) throw new SelfevalError(INPUT.notDocx(source));
    xml = await part.async('string');
  } catch (e) {
    if (e instanceof SelfevalError) throw e;
    throw new SelfevalError(INPUT.corrupt(source));
  }
  if (!/wordprocessingml/.test(xml.slice(0, 4000))) throw new SelfevalError(INPUT.notDocx(source));
  try {
    return numberParagraphs(source, paragraphsOfDocumentXml(xml));
  } catch {
    throw new SelfevalError(INPUT.corrupt(source));
  }
}
