// The workbook-level parts: relationships, workbook.xml (sheets in order, date system),
// the shared strings and the number formats of the cell styles.

import * as path from 'path';
import { LIMITS, overLimit } from './limits';
import { decodeEscapes } from './sheetXml';
import { attrLocal, parsePart, type Attrs } from './xml';
import type { ZipPackage } from './zip';

export interface Rel {
  id: string;
  type: string;
  /** The target part name, resolved (no leading '/'); undefined for an external target. */
  part: string | undefined;
}

/** The relationships part of `part` ('' for the package's own). */
export function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  const base = path.posix.basename(part);
  return part === '' ? '_rels/.rels' : `${dir === '.' ? '' : dir + '/'}_rels/${base}.rels`;
}

export async function readRels(zip: ZipPackage, part: string): Promise<Map<string, Rel>> {
  const out = new Map<string, Rel>();
  const relsPart = relsPartOf(part);
  if (!zip.has(relsPart)) return out;
  const baseDir = part === '' ? '' : path.posix.dirname(part);
  await parsePart(zip, relsPart, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || a.Target === undefined) return;
      const external = a.TargetMode === 'External';
      const t = a.Target;
      const part = external ? undefined : t.startsWith('/') ? t.slice(1) : path.posix.normalize(path.posix.join(baseDir === '.' ? '' : baseDir, t));
      out.set(a.Id, { id: a.Id, type: a.Type ?? '', part });
    },
  });
  return out;
}

export interface SheetRef {
  name: string;
  rid: string | undefined;
  state: string | undefined;
}

export interface WorkbookXml {
  sheets: SheetRef[];
  date1904: boolean;
}

export async function readWorkbookXml(zip: ZipPackage, part: string): Promise<WorkbookXml> {
  const out: WorkbookXml = { sheets: [], date1904: false };
  await parsePart(zip, part, {
    open(name, a) {
      if (name === 'sheet') {
        out.sheets.push({ name: a.name ?? '', rid: attrLocal(a, 'id'), state: a.state });
        if (out.sheets.length > LIMITS.sheets.value) throw overLimit('sheets', zip.file, '');
      } else if (name === 'workbookPr') {
        out.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      }
    },
  });
  return out;
}

/** The shared-string table: plain and rich texts (runs joined), phonetic runs left out. */
export async function readSharedStrings(zip: ZipPackage, part: string): Promise<string[]> {
  const out: string[] = [];
  let cur: string | undefined;
  let runs: string[] | undefined;
  let buf: string | undefined;
  let inRun = false;
  let skip = 0;
  await parsePart(zip, part, {
    open(name: string) {
      if (skip) return void skip++;
      if (name === 'si') {
        cur = undefined;
        runs = undefined;
      } else if (name === 'rPh') skip = 1;
      else if (name === 'r') inRun = true;
      else if (name === 't') buf = '';
    },
    text(t: string) {
      if (!skip && buf !== undefined) buf += t;
    },
    close(name: string) {
      if (skip) return void skip--;
      if (name === 't' && buf !== undefined) {
        const s = decodeEscapes(buf);
        if (inRun) (runs ??= []).push(s);
        else cur = s;
        buf = undefined;
      } else if (name === 'r') inRun = false;
      else if (name === 'si') {
        out.push(runs ? runs.join('') : (cur ?? ''));
        if (out.length > LIMITS.sharedStrings.value) throw overLimit('sharedStrings', zip.file, '');
      }
    },
  });
  return out;
}

/** Built-in number formats ExcelJS knows by id (the others read as General, as in ExcelJS). */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** cellXfs index -> number format code (undefined for General / none). */
export async function readFormats(zip: ZipPackage, part: string): Promise<(string | undefined)[]> {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inXfs = false;
  await parsePart(zip, part, {
    open(name: string, a: Attrs) {
      if (name === 'numFmt' && a.formatCode !== undefined) custom.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, '$1'));
      else if (name === 'cellXfs') inXfs = true;
      else if (name === 'xf' && inXfs) xfIds.push(parseInt(a.numFmtId, 10));
    },
    close(name: string) {
      if (name === 'cellXfs') inXfs = false;
    },
  });
  return xfIds.map((id) => (id ? (custom.get(id) ?? BUILT_IN[id]) : undefined));
}
