// The package -> the Grid, part by part: the workbook and its relationships, the shared
// strings, the number formats, then each worksheet in the workbook's order. A sheet that
// cannot be parsed, or holds overlapping merges, becomes unreadable and the others are read;
// a broken package (no workbook part, a relationship to nothing) or a broken limit is exit 2.

import type { Grid, Sheet } from '../../core/grid';
import { SelfevalError } from '../../core/engine';
import { cellLimit, corrupt, LIMITS, overLimit } from './limits';
import { applyMerges, trimRows } from './merges';
import { readFormats, readRels, readSharedStrings, readWorkbookXml, type Rel } from './parts';
import { SheetError, SheetParser, type SheetContext } from './sheetXml';
import { parsePart, XmlError } from './xml';
import type { ZipPackage } from './zip';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

/** Does a relationship type end in `kind` (transitional or strict namespace)? */
function isType(rel: Rel, kind: string): boolean {
  return rel.type === REL + kind || rel.type === REL_STRICT + kind || rel.type.endsWith('/' + kind);
}

export const UNREADABLE_XML = '工作表的 XML 内容无法解析';
export const UNREADABLE_MERGES = '表中有相互重叠的合并单元格，无法确定各单元格归属';
export const UNREADABLE_STRING = '表中的单元格引用了不存在的共享字符串';

async function workbookPart(zip: ZipPackage): Promise<string> {
  const rels = await readRels(zip, '');
  for (const rel of rels.values()) if (isType(rel, 'officeDocument') && rel.part) {
    if (!zip.has(rel.part)) throw corrupt(zip.file, `包关系指向的工作簿部件“${rel.part}”不存在`);
    return rel.part;
  }
  if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw corrupt(zip.file, '缺少工作簿部件（xl/workbook.xml）');
}

/** A part that must parse, or the file is corrupt. */
async function required<T>(zip: ZipPackage, part: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof XmlError) throw corrupt(zip.file, `部件“${part}”不是正确的 XML`);
    throw e;
  }
}

function partOfType(zip: ZipPackage, rels: Map<string, Rel>, kind: string, fallback: string): string | undefined {
  for (const rel of rels.values()) if (isType(rel, kind) && rel.part && zip.has(rel.part)) return rel.part;
  return zip.has(fallback) ? fallback : undefined;
}

interface Counters {
  cells: number;
  merges: number;
}

async function readSheet(zip: ZipPackage, part: string, name: string, ctx: Omit<SheetContext, 'sheetName'>): Promise<Sheet> {
  const p = new SheetParser({ ...ctx, sheetName: name });
  try {
    await parsePart(zip, part, p);
    applyMerges(p.rows, p.merges, p.populated());
    trimRows(p.rows);
  } catch (e) {
    if (e instanceof SheetError) {
      const why = e.message === 'merge' ? UNREADABLE_MERGES : e.message === 'sst' ? UNREADABLE_STRING : UNREADABLE_XML;
      return { name, rows: [], merges: [], unreadable: why };
    }
    if (e instanceof XmlError) return { name, rows: [], merges: [], unreadable: UNREADABLE_XML };
    throw e;
  }
  const sheet: Sheet = { name, rows: p.rows, merges: p.merges };
  const hidden = p.hiddenColumns();
  if (hidden.length) sheet.hiddenColumns = hidden;
  return sheet;
}

/** Reads the Grid of a package. Throws SelfevalError (exit 2) for a broken package or limit. */
export async function readGrid(zip: ZipPackage): Promise<Grid> {
  const wbPart = await workbookPart(zip);
  const wb = await required(zip, wbPart, () => readWorkbookXml(zip, wbPart));
  const rels = await required(zip, wbPart, () => readRels(zip, wbPart));
  const sstPart = partOfType(zip, rels, 'sharedStrings', 'xl/sharedStrings.xml');
  const sst = sstPart ? await required(zip, sstPart, () => readSharedStrings(zip, sstPart)) : [];
  const stylesPart = partOfType(zip, rels, 'styles', 'xl/styles.xml');
  const formats = stylesPart ? await required(zip, stylesPart, () => readFormats(zip, stylesPart)) : [];
  const count: Counters = { cells: 0, merges: 0 };
  const maxCells = cellLimit();
  const ctx = {
    file: zip.file,
    formats,
    date1904: wb.date1904,
    sst: (i: number): string => {
      const s = sst[i];
      if (s === undefined) throw new SheetError('sst');
      return s;
    },
    onCell: () => {
      if (++count.cells > maxCells) throw overLimit('cells', zip.file, maxCells < LIMITS.cells.value ? '按本进程可用的内存，' : '', undefined, maxCells);
    },
    onMerge: () => {
      if (++count.merges > LIMITS.merges.value) throw overLimit('merges', zip.file, '');
    },
  };
  const sheets: Sheet[] = [];
  for (const ref of wb.sheets) {
    const rel = ref.rid === undefined ? undefined : rels.get(ref.rid);
    if (!rel || !rel.part) throw corrupt(zip.file, `工作表“${ref.name}”的关系（${ref.rid ?? '无'}）在工作簿关系中不存在`);
    // Chart sheets, dialog and macro sheets hold no cells (ExcelJS skips them too).
    if (!isType(rel, 'worksheet')) continue;
    if (!zip.has(rel.part)) throw corrupt(zip.file, `工作表“${ref.name}”指向的部件“${rel.part}”不存在`);
    sheets.push(await readSheet(zip, rel.part, ref.name, ctx));
  }
  if (sheets.length === 0) throw new SelfevalError(`文件中没有任何工作表，无法作为 .xlsx 工作簿检查（${zip.file}）`);
  return { sheets };
}
