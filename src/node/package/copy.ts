// The checked copy, written by editing the original package: every part is copied byte for byte
// except the few a check must change (the marked cells' style references, styles.xml, the notes'
// comments and VML parts, the new report sheet, workbook.xml, its relationships and the content
// types). Charts, pivot tables, threaded comments, customXml, extLst, macros, dates and escapes
// then survive by construction.

import { unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { Mark, SheetLayout } from '../../core/plan';
import type { Severity } from '../../core/types';
import { NOTE_PREFIX } from '../../core/marks';
import { SelfevalError } from '../../core/engine';
import { applyEdits, escapeXml, insertionPoint, prefixOfName, scanXml, topLevel, withPrefix } from './xmlScan';
import type { Edit, Span } from './xmlScan';
import {
  CONTENT_TYPE, NS, REL_TYPE, addContentTypes, addRels, freePartName, freeRelId, partText, prefixFor, readRels,
  relativeTarget, relsPartOf, rootName, textBytes,
} from './opc';
import type { Entries, Rel } from './opc';
import { EMPTY_STYLES, StyleBook } from './copyStyles';
import { markSheetXml, masterOf, sheetFacts } from './copyCells';
import { maxShapeId, writeComments, writeVml } from './copyNotes';
import type { NoteToWrite } from './copyNotes';
import { layoutSheetXml, printAreaFormula } from './copySheet';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const CONTENT_TYPES = '[Content_Types].xml';

/** Children of workbook, in schema order. */
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
  'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr',
  'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

interface SheetEntry {
  name: string;
  part?: string;
}

/** The workbook part, from the package's relationships. */
function workbookPartOf(entries: Entries): string {
  const root = readRels(entries, '').find((r) => r.type === REL_TYPE.officeDocument || r.type.endsWith('/officeDocument'));
  const part = root?.part ?? 'xl/workbook.xml';
  if (!entries.has(part)) throw new Error('no workbook part');
  return part;
}

/** What the copy is being built from and into. */
class CopyJob {
  readonly out: Entries;
  readonly added: string[] = [];
  readonly contentOverrides: { part: string; type: string }[] = [];
  readonly contentDefaults: { ext: string; type: string }[] = [];
  readonly workbookPart: string;
  readonly wbRels: Rel[];
  readonly newWbRels: { id: string; type: string; target: string }[] = [];
  readonly styles: StyleBook;
  readonly stylesPart: string;
  private readonly originalStyles: string | undefined;
  private nextShape: number;

  constructor(readonly entries: Entries) {
    this.out = new Map(entries);
    this.workbookPart = workbookPartOf(entries);
    this.wbRels = readRels(entries, this.workbookPart);
    const stylesRel = this.wbRels.find((r) => r.type.endsWith('/styles') && r.part);
    this.stylesPart = stylesRel?.part ?? this.workbookDir() + 'styles.xml';
    this.originalStyles = stylesRel?.part ? partText(entries, stylesRel.part) : undefined;
    this.styles = new StyleBook(this.originalStyles ?? EMPTY_STYLES);
    if (!this.originalStyles) {
      this.newWbRels.push({ id: this.relId(), type: REL_TYPE.styles, target: relativeTarget(this.workbookPart, this.stylesPart) });
      this.contentOverrides.push({ part: this.stylesPart, type: CONTENT_TYPE.styles });
    }
    const vml = [...entries.keys()].filter((k) => k.toLowerCase().endsWith('.vml')).map((k) => partText(entries, k) ?? '');
    this.nextShape = maxShapeId(vml) + 1;
  }

  workbookDir(): string {
    const i = this.workbookPart.lastIndexOf('/');
    return i >= 0 ? this.workbookPart.slice(0, i + 1) : '';
  }

  relId(): string {
    return freeRelId([...this.wbRels, ...this.newWbRels.map((r) => ({ ...r, part: undefined }))]);
  }

  put(part: string, text: string): void {
    if (!this.out.has(part)) this.added.push(part);
    this.out.set(part, textBytes(text));
  }

  shapeIds(n: number): number {
    const first = this.nextShape;
    this.nextShape += n;
    return first;
  }

  finishStyles(): void {
    const xml = this.styles.toXml();
    if (xml !== this.originalStyles) this.put(this.stylesPart, xml);
  }
}

function sheetsOf(job: CopyJob, xml: string): SheetEntry[] {
  const byId = new Map(job.wbRels.filter((r) => r.type.endsWith('/worksheet')).map((r) => [r.id, r.part]));
  const out: SheetEntry[] = [];
  scanXml(xml, {
    open(t) {
      if (t.depth !== 2 || t.local !== 'sheet') return;
      const key = Object.keys(t.attrs).find((k) => k.endsWith(':id'));
      out.push({ name: t.attrs.name ?? '', part: key ? byId.get(t.attrs[key]) : undefined });
    },
  });
  return out;
}

/** One mark per master cell: marks that land on one merge are joined, the most severe fill kept. */
function marksByCell(facts: ReturnType<typeof sheetFacts>, marks: Mark[]): Map<string, { r: number; c: number; fill: string; severity: Severity; note: string }> {
  const out = new Map<string, { r: number; c: number; fill: string; severity: Severity; note: string }>();
  for (const m of marks) {
    let at: { r: number; c: number };
    try {
      at = masterOf(facts, m.cell);
    } catch {
      continue;
    }
    const key = `${at.r},${at.c}`;
    const seen = out.get(key);
    if (!seen) {
      out.set(key, { ...at, fill: m.fill, severity: m.severity, note: m.note });
      continue;
    }
    seen.note += '\n' + m.note.replace(NOTE_PREFIX + '\n', '');
    if (RANK[m.severity] < RANK[seen.severity]) Object.assign(seen, { fill: m.fill, severity: m.severity });
  }
  return out;
}

/** The notes of one sheet: its comments part and VML drawing; returns the legacyDrawing rel id to add. */
function writeSheetNotes(job: CopyJob, part: string, legacyId: string | undefined, notes: NoteToWrite[]): string | undefined {
  const rels = readRels(job.entries, part);
  const newRels: { id: string; type: string; target: string }[] = [];
  const nextId = () => freeRelId([...rels, ...newRels.map((r) => ({ ...r, part: undefined }))]);
  const commentsRel = rels.find((r) => r.type.endsWith('/comments') && r.part);
  const commentsPart = commentsRel?.part ?? freePartName(job.out, (n) => `${job.workbookDir()}comments${n}.xml`);
  const result = writeComments(commentsRel ? partText(job.entries, commentsPart) : undefined, notes);
  job.put(commentsPart, result.xml);
  if (!commentsRel) newRels.push({ id: nextId(), type: REL_TYPE.comments, target: relativeTarget(part, commentsPart) });
  // A new part, or one the rels named but the package lacked: it needs its content type.
  if (!job.entries.has(commentsPart)) job.contentOverrides.push({ part: commentsPart, type: CONTENT_TYPE.comments });
  let addLegacy: string | undefined;
  if (result.added.length) {
    const vmlRel = legacyId ? rels.find((r) => r.id === legacyId && r.part) : undefined;
    const vmlPart = vmlRel?.part ?? freePartName(job.out, (n) => `${job.workbookDir()}drawings/vmlDrawing${n}.vml`);
    const existing = vmlRel && job.entries.has(vmlPart) ? partText(job.entries, vmlPart) : undefined;
    job.put(vmlPart, writeVml(existing, result.added, job.shapeIds(result.added.length)));
    if (!vmlRel) {
      addLegacy = nextId();
      newRels.push({ id: addLegacy, type: REL_TYPE.vmlDrawing, target: relativeTarget(part, vmlPart) });
      job.contentDefaults.push({ ext: 'vml', type: CONTENT_TYPE.vml });
    }
  }
  if (newRels.length) job.put(relsPartOf(part), addRels(job.entries, part, newRels));
  return addLegacy;
}

function markSheet(job: CopyJob, part: string, marks: Mark[]): void {
  const xml = partText(job.entries, part);
  if (xml === undefined) return;
  const facts = sheetFacts(xml);
  const cells = marksByCell(facts, marks);
  const notes = [...cells.values()].map((m) => ({ r: m.r, c: m.c, text: m.note }));
  const addLegacy = notes.length ? writeSheetNotes(job, part, facts.legacyDrawingId, notes) : undefined;
  const style = (old: number, r: number, c: number) => job.styles.markedXf(old, cells.get(`${r},${c}`)?.fill ?? '#FFFFFF');
  job.put(part, markSheetXml(xml, facts, { cells: [...cells.values()], style, legacyDrawingRelId: addLegacy }));
}

/** workbook.xml with the new sheets and their print areas. */
function addSheetsToWorkbook(xml: string, added: { name: string; relId: string; printArea?: string }[], existingCount: number): string {
  const { root, children } = topLevel(xml);
  const rootTag = xml.slice(root.start, root.openEnd);
  const prefix = prefixOfName(rootName(xml, root.start));
  const rp = prefixFor(rootTag, NS.rel);
  let maxId = 0;
  scanXml(xml, {
    open(t) {
      if (t.depth === 2 && t.local === 'sheet') maxId = Math.max(maxId, Number(t.attrs.sheetId) || 0);
    },
  });
  const idAttr = (id: string) => (rp ? `${rp}:id="${escapeXml(id)}"` : `xmlns:r="${NS.rel}" r:id="${escapeXml(id)}"`);
  const sheetsXml = added.map((s, i) => withPrefix(`<sheet name="${escapeXml(s.name)}" sheetId="${maxId + i + 1}" ${idAttr(s.relId)}/>`, prefix)).join('');
  const names = added
    .map((s, i) => (s.printArea ? withPrefix(`<definedName name="_xlnm.Print_Area" localSheetId="${existingCount + i}">${escapeXml(printAreaFormula(s.name, s.printArea))}</definedName>`, prefix) : ''))
    .join('');
  const edits: Edit[] = [];
  const sheets = children.find((c) => c.name === 'sheets');
  if (!sheets || sheets.selfClosing) throw new Error('workbook without sheets');
  edits.push({ from: sheets.closeStart, to: sheets.closeStart, text: sheetsXml });
  if (names) {
    const defined: Span | undefined = children.find((c) => c.name === 'definedNames');
    if (defined && !defined.selfClosing) edits.push({ from: defined.closeStart, to: defined.closeStart, text: names });
    else if (defined) edits.push({ from: defined.start, to: defined.end, text: withPrefix('<definedNames>', prefix) + names + withPrefix('</definedNames>', prefix) });
    else {
      const at = insertionPoint(root, children, WORKBOOK_ORDER, 'definedNames');
      edits.push({ from: at, to: at, text: withPrefix('<definedNames>', prefix) + names + withPrefix('</definedNames>', prefix) });
    }
  }
  return applyEdits(xml, edits);
}

function addLayouts(job: CopyJob, wbXml: string, existingCount: number, layouts: SheetLayout[]): string {
  const added: { name: string; relId: string; printArea?: string }[] = [];
  for (const layout of layouts) {
    const part = freePartName(job.out, (n) => `${job.workbookDir()}worksheets/sheet${n}.xml`);
    job.put(part, layoutSheetXml(layout, job.styles));
    const relId = job.relId();
    job.newWbRels.push({ id: relId, type: REL_TYPE.worksheet, target: relativeTarget(job.workbookPart, part) });
    job.contentOverrides.push({ part, type: CONTENT_TYPE.worksheet });
    added.push({ name: layout.name, relId, printArea: layout.printArea });
  }
  return added.length ? addSheetsToWorkbook(wbXml, added, existingCount) : wbXml;
}

/** The entries of the checked copy: the original's, with the changed and added parts. */
export function checkedCopyEntries(entries: Entries, marks: Mark[], sheets: SheetLayout[]): { entries: Entries; order: string[] } {
  const job = new CopyJob(entries);
  const wbXml = partText(entries, job.workbookPart);
  if (wbXml === undefined) throw new Error('no workbook part');
  const list = sheetsOf(job, wbXml);
  const bySheet = new Map<string, Mark[]>();
  for (const m of marks) {
    const list = bySheet.get(m.sheet);
    if (list) list.push(m);
    else bySheet.set(m.sheet, [m]);
  }
  for (const s of list) {
    const ms = bySheet.get(s.name);
    if (ms && s.part) markSheet(job, s.part, ms);
  }
  const newWb = addLayouts(job, wbXml, list.length, sheets);
  if (newWb !== wbXml) job.put(job.workbookPart, newWb);
  job.finishStyles();
  if (job.newWbRels.length) job.put(relsPartOf(job.workbookPart), addRels(entries, job.workbookPart, job.newWbRels));
  const ct = partText(entries, CONTENT_TYPES);
  if (ct === undefined) throw new Error('no content types');
  const newCt = addContentTypes(ct, job.contentOverrides, job.contentDefaults);
  if (newCt !== ct) job.put(CONTENT_TYPES, newCt);
  return { entries: job.out, order: [...entries.keys(), ...job.added] };
}

/**
 * The checked copy as the bytes of a package: the original's parts (name -> bytes), the marks
 * and the new sheets of the core's plans. Throws on a package it cannot edit.
 */
export function writeCheckedCopy(entries: Entries, marks: Mark[], sheets: SheetLayout[]): Uint8Array {
  const copy = checkedCopyEntries(entries, marks, sheets);
  const zippable: Zippable = {};
  for (const name of copy.order) {
    const bytes = copy.entries.get(name);
    if (bytes) zippable[name] = [bytes, { level: 6 }];
  }
  return zipSync(zippable);
}

/** The parts of a package (name -> bytes). The CLI's reader hands these over once it has read them. */
export function packageEntries(bytes: Uint8Array, name = ''): Entries {
  try {
    return new Map(Object.entries(unzipSync(bytes)));
  } catch {
    throw new SelfevalError(`文件已损坏，无法作为 .xlsx 读取${name ? `（${name}）` : ''}`);
  }
}

const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/** Whether the package is a macro-enabled workbook (.xlsm), by its workbook part's content type. */
export function isMacroEnabled(entries: Entries): boolean {
  const ct = partText(entries, CONTENT_TYPES) ?? '';
  return ct.includes(MACRO_MAIN);
}

/** The names of every sheet of the workbook (worksheets, chartsheets, dialog sheets), in order. */
export function sheetNamesOf(entries: Entries): string[] {
  const names: string[] = [];
  scanXml(partText(entries, workbookPartOf(entries)) ?? '', {
    open(t) {
      if (t.depth === 2 && t.local === 'sheet' && t.attrs.name !== undefined) names.push(t.attrs.name);
    },
  });
  return names;
}
