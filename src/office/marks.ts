// Marks: fills and notes (or comments) on the cells of the findings, and the record of them in
// the workbook's settings, so that 清除标记 restores every cell's original fill.
//   applyMarks   1  right after a snapshot that saw every marked cell (and every cell a
//                   previous check marked): the writes only, from what the snapshot read
//                2  otherwise (original fills, notes, the stored record; writes)
//                   + 1 when a previous check left marks on cells no longer marked
//   clearMarks   3  (the stored record; the marked cells' current fills and notes; writes)
//   Only for mark sets far beyond a real workbook's (over 10,000 cells, or over ~2.5 MB of
//   note text) do reads and writes split into more syncs, one per such slice.

import { parseA1 } from '../core/grid';
import type { Mark } from '../core/plan';
import { HostError } from './host';
import { toHostError } from './officeErrors';
import { normalizeAddress, packAddresses } from './addresses';
import { RECORD_KEY, normColor, parseRecord, recordKey, resolveRecord, sameColor, serializeRecord, type MarkRecordEntry } from './markRecord';
import { combineNote, isOurNote, userPartOfNote } from '../core/marks';
import {
  NO_FILL_COLOR,
  OP_BYTES,
  groupBy,
  guard,
  idOfSheet,
  identities,
  recordBytes,
  textBytes,
  writer,
  type FillSeen,
  type Formattable,
  type Kit,
  type Seen,
  type Support,
  type Writer,
} from './kit';


/** The fill the last snapshot saw on a cell, or undefined when it did not read that cell. */
function seenFill(s: Seen, sheet: string, cell: string): FillSeen | undefined {
  const sh = s.sheets.get(sheet);
  if (!sh || !sh.area) return undefined;
  const { r, c } = parseA1(cell);
  const a = sh.area;
  if (r < a.r1 || r > a.r2 || c < a.c1 || c > a.c2) return undefined;
  return sh.fills[r - a.r1]?.[c - a.c1];
}
// ---- marks: reading what a write must keep, writing within a payload budget

interface CellProbe {
  sheet: string;
  cell: string;
  fill: Excel.RangeFill;
  note: Excel.Note | null;
}

/** A cell to probe; its sheet is looked up by id where one is given (a record entry), else by name. */
type CellRef = { sheet: string; cell: string; note: boolean; sheetId?: string };

/**
 * Queues, for every cell, the load of its fill (and of its note where asked and supported) and of
 * its sheet's protection; syncs once per `k.limits.probeCells` cells (once for any ordinary number of
 * marks), refusing a protected sheet before anything is written. Loads queued before the call
 * ride on the first sync. The sheets come back by the key they were looked up with (id or name).
 */
async function probeAll(k: Kit, ctx: Excel.RequestContext, cells: CellRef[], sup: Support, verb: string): Promise<{ sheets: Map<string, Excel.Worksheet>; probes: CellProbe[] }> {
  const sheets = new Map<string, Excel.Worksheet>();
  /** Lookup key -> the sheet's name, for the messages. */
  const names = new Map<string, string>();
  const probes: CellProbe[] = [];
  const fillProps = sup.api19 ? 'color,tintAndShade,pattern' : 'color';
  for (let i = 0; i < cells.length || i === 0; i += k.limits.probeCells) {
    const batchSheets = new Map<string, Excel.Worksheet>();
    for (const { sheet, cell, note, sheetId } of cells.slice(i, i + k.limits.probeCells)) {
      const key = sheetId ?? sheet;
      let ws = batchSheets.get(key);
      if (!ws) {
        ws = sheets.get(key) ?? ctx.workbook.worksheets.getItem(key);
        if (!sheets.has(key)) ws.protection.load('protected');
        batchSheets.set(key, ws);
        names.set(key, sheet);
      }
      const fill = ws.getRange(cell).format.fill;
      fill.load(fillProps);
      let n: Excel.Note | null = null;
      if (note && sup.notes) {
        n = ws.notes.getItemOrNullObject(cell);
        n.load('content');
      }
      probes.push({ sheet, cell, fill, note: n });
    }
    await ctx.sync();
    const fresh = new Map([...batchSheets].filter(([key]) => !sheets.has(key)));
    checkProtection(new Map([...fresh].map(([key, ws]) => [names.get(key) ?? key, ws])), verb);
    for (const [key, ws] of fresh) sheets.set(key, ws);
  }
  return { sheets, probes };
}

function checkProtection(sheets: Map<string, Excel.Worksheet>, verb: string): void {
  for (const [name, ws] of sheets) {
    if (ws.protection.protected) {
      throw new HostError('protected', `工作表“${name}”受保护，无法${verb}。请先撤销工作表保护（审阅 > 撤销工作表保护）后重试。`);
    }
  }
}

/** A cell's fill as the record keeps it: '#RRGGBB', or null for no fill. */
function fillOf(f: FillSeen, sup: Support): string | null {
  const color = f.color;
  if (!color) return null;
  const c = normColor(color);
  if (c !== NO_FILL_COLOR) return c;
  // 'No fill' reads as #FFFFFF like a white fill; with 1.9 a white fill has a tint (0), no fill has none.
  if (!sup.api19) return null;
  const tint = f.tintAndShade;
  if (f.pattern === 'None' || tint === null || tint === undefined) return null;
  return c;
}

/** A probed RangeFill as read (tint and pattern are loaded only with 1.9). */
function probedFill(f: Excel.RangeFill, sup: Support): FillSeen {
  return sup.api19 ? { color: f.color, tintAndShade: f.tintAndShade, pattern: f.pattern } : { color: f.color };
}

/** The cell still carries the fill the add-in gave it (a record without the mark colour: assume so). */
function stillOurs(color: string | null | undefined, e: MarkRecordEntry): boolean {
  return e.mark === undefined || sameColor(color, e.mark);
}

/**
 * Queues fills for cells: colour -> set, null -> clear; grouped per sheet and colour into
 * multi-area ranges. A cell's sheet is looked up by its id where given (a record entry), else by name.
 */
async function queueFills(k: Kit, ctx: Excel.RequestContext, w: Writer, cells: { sheet: string; cell: string; fill: string | null; sheetId?: string }[], api19: boolean): Promise<void> {
  for (const [sheet, list] of groupBy(cells, (c) => c.sheetId ?? c.sheet)) {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const [color, same] of groupBy(list, (c) => c.fill ?? '')) {
      const addresses = same.map((c) => c.cell);
      const targets = api19 ? packAddresses(addresses, k.limits.maxAddr).map((p) => ({ cost: OP_BYTES + p.length, get: () => ws.getRanges(p) as Formattable })) : addresses.map((a) => ({ cost: OP_BYTES + a.length, get: () => ws.getRange(a) as Formattable }));
      for (const t of targets) {
        await w.spend(t.cost);
        const r = t.get();
        if (color === '') r.format.fill.clear();
        else r.format.fill.color = color;
      }
    }
  }
}

/** Queues the removal of the add-in's part of a note: the user's part stays, an emptied note goes. */
async function queueNoteRemoval(w: Writer, note: Excel.Note | null): Promise<void> {
  if (!note || note.isNullObject) return;
  const text = note.content;
  if (!isOurNote(text)) return;
  const user = userPartOfNote(text);
  await w.spend(textBytes(user));
  if (user === '') note.delete();
  else note.content = user;
}

// ---- marking in one sync from what the snapshot saw

interface FastPlan {
  marked: Mark[];
  record: MarkRecordEntry[];
  /** Cells a previous check marked and this one does not, whose fill is still ours: back to the original. */
  back: MarkRecordEntry[];
  /** Notes on those cells holding the add-in's part: the user's part stays. */
  staleNotes: { sheet: string; cell: string; content: string }[];
  /** The existing note of each marked cell (notes only). */
  notes: (string | undefined)[];
  /** The add-in's own comments to remove, and whether comments can be added (no user thread on a marked cell). */
  ourComments: string[];
  addComments: boolean;
  useNotes: boolean;
  useComments: boolean;
  /** Every sheet the writes touch. */
  sheets: string[];
}

/**
 * The writes of applyMarks from the last snapshot's reads, or null when the snapshot did not see
 * everything they need (a marked or previously marked cell whose fill it did not read, notes or
 * comments it did not read). A protected sheet is refused here, before anything is written.
 */
function planFromSeen(k: Kit, s: Seen, marked: Mark[], wanted: Map<string, Mark>, sup: Support): FastPlan | null {
  const useNotes = sup.notes;
  const useComments = !sup.notes && sup.comments;
  if ((useNotes && !s.notes) || (useComments && !s.comments)) return null;
  const fills = marked.map((m) => seenFill(s, m.sheet, m.cell));
  if (fills.some((f) => f === undefined)) return null;
  const oldByKey = new Map(s.record.map((e) => [recordKey(e.sheet, e.cell), e]));
  // The record is resolved to the snapshot's sheets: an entry on a sheet gone since is not in it.
  const stale = s.record.filter((e) => !wanted.has(recordKey(e.sheet, e.cell)) && s.sheets.has(e.sheet));
  const staleFills = stale.map((e) => seenFill(s, e.sheet, e.cell));
  if (staleFills.some((f) => f === undefined)) return null;

  const refuse = (names: Iterable<string>, verb: string) => {
    for (const name of names) {
      if (s.sheets.get(name)?.protected) {
        throw new HostError('protected', `工作表“${name}”受保护，无法${verb}。请先撤销工作表保护（审阅 > 撤销工作表保护）后重试。`);
      }
    }
  };
  const markedSheets = new Set(marked.map((m) => m.sheet));
  const staleSheets = new Set(stale.map((e) => e.sheet));
  refuse(markedSheets, '写入标记');
  refuse(staleSheets, '更新标记');

  const comments = s.comments ?? [];
  const addComments = useComments && !comments.some((c) => !isOurNote(c.content) && wanted.has(recordKey(c.sheet, c.cell)));
  const via = useNotes ? 'note' : addComments ? 'comment' : undefined;
  const record = marked.map((m, i) => {
    const f = fills[i] as FillSeen;
    const prev = oldByKey.get(recordKey(m.sheet, m.cell));
    // A cell the user refilled since the last check: their fill is now the one to restore.
    const original = prev && stillOurs(f.color, prev) ? prev.fill : fillOf(f, sup);
    const entry: MarkRecordEntry = { sheet: m.sheet, cell: m.cell, fill: original, note: !!via, mark: m.fill };
    const id = s.ids.get(m.sheet);
    if (id !== undefined) entry.sheetId = id;
    if (via) entry.via = via;
    return entry;
  });
  const staleNotes: FastPlan['staleNotes'] = [];
  if (useNotes && s.notes) {
    for (const e of stale) {
      if (!e.note || e.via === 'comment') continue;
      const content = s.notes.get(recordKey(e.sheet, e.cell));
      if (content !== undefined && isOurNote(content)) staleNotes.push({ sheet: e.sheet, cell: e.cell, content });
    }
  }
  return {
    marked,
    record,
    back: stale.filter((e, i) => stillOurs(staleFills[i]?.color, e)),
    staleNotes,
    notes: marked.map((m) => (useNotes && s.notes ? s.notes.get(recordKey(m.sheet, m.cell)) : undefined)),
    ourComments: useComments ? comments.filter((c) => isOurNote(c.content)).map((c) => c.id) : [],
    addComments,
    useNotes,
    useComments,
    sheets: [...new Set([...markedSheets, ...staleSheets])],
  };
}

/** applyMarks' writes, in one sync for any ordinary number of marks. */
async function writeMarks(k: Kit, ctx: Excel.RequestContext, plan: FastPlan, sup: Support): Promise<void> {
  const wb = ctx.workbook;
  // A sheet renamed or deleted since the snapshot fails here, before anything is written.
  const sheets = new Map<string, Excel.Worksheet>();
  for (const name of plan.sheets) {
    const ws = wb.worksheets.getItem(name);
    ws.load('name');
    sheets.set(name, ws);
  }
  const sheet = (name: string) => sheets.get(name) as Excel.Worksheet;
  const writeRecordAndFills = async (w: Writer) => {
    // The record first: whatever happens to the writes after it, clearMarks can restore.
    const json = serializeRecord(plan.record);
    await w.spend(recordBytes(json));
    wb.settings.add(RECORD_KEY, json);
    await queueFills(k, ctx, w, plan.marked, sup.api19);
  };
  const w = writer(ctx, k.limits.writeBytes);
  try {
    await writeRecordAndFills(w);
    await queueFills(k, ctx, w, plan.back, sup.api19);
    for (const n of plan.staleNotes) {
      const user = userPartOfNote(n.content);
      await w.spend(textBytes(user));
      const note = sheet(n.sheet).notes.getItem(n.cell);
      if (user === '') note.delete();
      else note.content = user;
    }
    if (plan.useNotes) {
      for (let i = 0; i < plan.marked.length; i++) {
        const m = plan.marked[i];
        const existing = plan.notes[i];
        await w.spend(textBytes(m.note));
        const ws = sheet(m.sheet);
        if (existing !== undefined) ws.notes.getItem(m.cell).content = combineNote(existing, m.note);
        else ws.notes.add(ws.getRange(m.cell), m.note);
      }
    }
    if (plan.useComments) {
      for (const id of plan.ourComments) {
        await w.spend(OP_BYTES);
        wb.comments.getItem(id).delete();
      }
      if (plan.addComments) {
        for (const m of plan.marked) {
          await w.spend(textBytes(m.note));
          wb.comments.add(sheet(m.sheet).getRange(m.cell), m.note);
        }
      }
    }
    await w.flush();
  } catch (e) {
    // As in the two-sync path: a comment Excel refuses leaves the fills and the record without comments.
    if (!plan.useComments || toHostError(e).kind !== 'other') throw e;
    for (const r of plan.record) {
      r.note = false;
      delete r.via;
    }
    const again = writer(ctx, k.limits.writeBytes);
    await writeRecordAndFills(again);
    await again.flush();
  }
}

/** The marks by cell, each on a single normalised address with a normalised colour (ranges are skipped). */
function wantedMarks(marks: Mark[]): Map<string, Mark> {
  const wanted = new Map<string, Mark>();
  for (const m of marks) {
    const cell = normalizeAddress(m.cell);
    if (!cell || cell.includes(':')) continue;
    wanted.set(recordKey(m.sheet, cell), { ...m, cell, fill: normColor(m.fill) });
  }
  return wanted;
}

export async function applyMarks(k: Kit, marks: Mark[]): Promise<void> {
  const sup = k.support();
  const wanted = wantedMarks(marks);
  if (wanted.size === 0) return;
  const marked = [...wanted.values()];
  const cache = k.seen;
  k.seen = null;
  await guard(async () => {
    const fast = cache ? planFromSeen(k, cache, marked, wanted, sup) : null;
    if (fast) return k.run((ctx) => writeMarks(k, ctx, fast, sup));
    return k.run((ctx) => markFromReads(k, ctx, marked, wanted, sup));
  });
}

/** What the two-sync path of applyMarks reads before it writes. */
interface MarkReads {
  sheets: Map<string, Excel.Worksheet>;
  probes: CellProbe[];
  comments: Excel.CommentCollection | null;
  known: ReturnType<typeof identities>;
  oldByKey: Map<string, MarkRecordEntry>;
  stale: MarkRecordEntry[];
  staleProbes: CellProbe[];
}

/** applyMarks without a snapshot: reads (1 sync, + 1 for stale marks), then writes. */
async function markFromReads(k: Kit, ctx: Excel.RequestContext, marked: Mark[], wanted: Map<string, Mark>, sup: Support): Promise<void> {
  const reads = await readForMarks(k, ctx, marked, wanted, sup);
  const record = recordFromProbes(reads, marked, sup);
  await writeFromReads(k, ctx, marked, reads, record, sup);
}

async function readForMarks(k: Kit, ctx: Excel.RequestContext, marked: Mark[], wanted: Map<string, Mark>, sup: Support): Promise<MarkReads> {
  const useNotes = sup.notes;
  const useComments = !sup.notes && sup.comments;
  const wb = ctx.workbook;
  // Read: the stored record, the sheets' names, the add-in's comments; with them the marked
  // cells' protection, fills and notes.
  const setting = wb.settings.getItemOrNullObject(RECORD_KEY);
  setting.load('value');
  wb.worksheets.load('items/name,items/id');
  const comments = useComments ? wb.comments : null;
  if (comments) comments.load('items/content');
  const { sheets, probes } = await probeAll(k, 
    ctx,
    marked.map((m) => ({ sheet: m.sheet, cell: m.cell, note: useNotes })),
    sup,
    '写入标记',
  );
  // The earlier record, each entry under its sheet's current name (a sheet renamed since is
  // found by its id; an entry whose sheet is gone is dropped).
  const known = identities(wb.worksheets.items);
  const old = setting.isNullObject ? [] : resolveRecord(parseRecord(setting.value), known);
  const oldByKey = new Map(old.map((e) => [recordKey(e.sheet, e.cell), e]));

  // One more read only when an earlier check marked cells this one does not.
  const stale = old.filter((e) => !wanted.has(recordKey(e.sheet, e.cell)));
  const staleProbes = stale.length
    ? (await probeAll(k, ctx, stale.map((e) => ({ sheet: e.sheet, sheetId: e.sheetId, cell: e.cell, note: e.note && e.via !== 'comment' })), sup, '更新标记')).probes
    : [];
  return { sheets, probes, comments, known, oldByKey, stale, staleProbes };
}

/** The new record: a cell marked before keeps the original fill it had then, unless the user refilled it. */
function recordFromProbes(reads: MarkReads, marked: Mark[], sup: Support): MarkRecordEntry[] {
  const useNotes = sup.notes;
  const useComments = !sup.notes && sup.comments;
  const via = useNotes ? 'note' : useComments ? 'comment' : undefined;
  return reads.probes.map((p, i) => {
    const m = marked[i];
    const prev = reads.oldByKey.get(recordKey(p.sheet, p.cell));
    // A cell the user refilled since the last check: their fill is now the one to restore.
    const original = prev && stillOurs(p.fill.color, prev) ? prev.fill : fillOf(probedFill(p.fill, sup), sup);
    const entry: MarkRecordEntry = { sheet: p.sheet, cell: p.cell, fill: original, note: !!via, mark: m.fill };
    const id = idOfSheet(p.sheet, reads.known);
    if (id !== undefined) entry.sheetId = id;
    if (via) entry.via = via;
    return entry;
  });
}

/** The two-sync path's writes (one sync for any ordinary number of marks). */
async function writeFromReads(k: Kit, ctx: Excel.RequestContext, marked: Mark[], reads: MarkReads, record: MarkRecordEntry[], sup: Support): Promise<void> {
  const wb = ctx.workbook;
  const writeRecordAndFills = async (w: Writer) => {
    // The record first: whatever happens to the writes after it, clearMarks can restore.
    const json = serializeRecord(record);
    await w.spend(recordBytes(json));
    wb.settings.add(RECORD_KEY, json);
    await queueFills(k, ctx, w, marked, sup.api19);
  };
  const w = writer(ctx, k.limits.writeBytes);
  try {
    await writeRecordAndFills(w);
    await queueStaleWrites(k, ctx, w, reads, sup);
    if (sup.notes) await queueProbedNotes(w, marked, reads);
    if (reads.comments) await queueComments(ctx, w, marked, reads, reads.comments);
    await w.flush();
  } catch (e) {
    // A cell may already hold someone's comment thread, which Excel refuses to add to;
    // the fills and the record then stand without comments (the pane lists every message).
    const useComments = !sup.notes && sup.comments;
    if (!useComments || toHostError(e).kind !== 'other') throw e;
    for (const r of record) {
      r.note = false;
      delete r.via;
    }
    const again = writer(ctx, k.limits.writeBytes);
    await writeRecordAndFills(again);
    await again.flush();
  }
}

/** Cells an earlier check marked and this one does not: back to their original fill, unless the user has changed it since. */
async function queueStaleWrites(k: Kit, ctx: Excel.RequestContext, w: Writer, reads: MarkReads, sup: Support): Promise<void> {
  const back = reads.stale.filter((e, i) => stillOurs(reads.staleProbes[i].fill.color, e));
  await queueFills(k, ctx, w, back, sup.api19);
  for (const p of reads.staleProbes) await queueNoteRemoval(w, p.note);
}

/** Each marked cell's note: added, or the add-in's part combined into the existing one. */
async function queueProbedNotes(w: Writer, marked: Mark[], reads: MarkReads): Promise<void> {
  for (let i = 0; i < reads.probes.length; i++) {
    const p = reads.probes[i];
    const text = marked[i].note;
    await w.spend(textBytes(text));
    if (p.note && !p.note.isNullObject) p.note.content = combineNote(p.note.content, text);
    else {
      const ws = reads.sheets.get(p.sheet) as Excel.Worksheet;
      ws.notes.add(ws.getRange(p.cell), text);
    }
  }
}

/** The add-in's earlier comments removed, and one comment added per marked cell. */
async function queueComments(ctx: Excel.RequestContext, w: Writer, marked: Mark[], reads: MarkReads, comments: Excel.CommentCollection): Promise<void> {
  for (const c of comments.items) {
    if (!isOurNote(c.content)) continue;
    await w.spend(OP_BYTES);
    c.delete();
  }
  for (const m of marked) {
    await w.spend(textBytes(m.note));
    ctx.workbook.comments.add((reads.sheets.get(m.sheet) as Excel.Worksheet).getRange(m.cell), m.note);
  }
}

export async function clearMarks(k: Kit): Promise<number> {
  const sup = k.support();
  k.seen = null;
  return guard(() =>
    k.run(async (ctx) => {
      const wb = ctx.workbook;
      const setting = wb.settings.getItemOrNullObject(RECORD_KEY);
      setting.load('value');
      wb.worksheets.load('items/name,items/id');
      const comments = sup.comments ? wb.comments : null;
      if (comments) comments.load('items/content');
      await ctx.sync();
      // Each entry on its sheet as it is now: found by id through renames; a sheet deleted
      // since the check leaves nothing to restore, and its entries go with the record.
      const live = setting.isNullObject ? [] : resolveRecord(parseRecord(setting.value), identities(wb.worksheets.items));
      const probes = live.length
        ? (await probeAll(k, ctx, live.map((e) => ({ sheet: e.sheet, sheetId: e.sheetId, cell: e.cell, note: e.note && e.via !== 'comment' })), sup, '清除标记')).probes
        : [];
      // A cell whose fill is no longer ours was refilled by the user: their choice stays.
      const restore = live.filter((e, i) => stillOurs(probes[i].fill.color, e));
      const w = writer(ctx, k.limits.writeBytes);
      await queueFills(k, ctx, w, restore, sup.api19);
      for (const p of probes) await queueNoteRemoval(w, p.note);
      for (const c of comments ? comments.items : []) {
        if (!isOurNote(c.content)) continue;
        await w.spend(OP_BYTES);
        c.delete();
      }
      if (!setting.isNullObject) {
        await w.spend(OP_BYTES);
        setting.delete();
      }
      await w.flush();
      return restore.length;
    }),
  );
}
