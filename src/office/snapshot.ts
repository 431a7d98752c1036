// The snapshot: every sheet's used range as a Grid (values, number formats, types, merges),
// in 2 syncs; with it, what the applyMarks after it needs (the mark record, the notes or
// comments, the fills of the sheets' first cells), so marking can write in one sync.
// Only when Excel refuses the size: 1 (used-range sizes) + one per batch of row blocks.

import { areaA1, parseArea, type Area, type Cell, type Grid, type Sheet } from '../core/grid';
import { isSizeError, toHostError } from './officeErrors';
import { areaCells, parseAreaList, rangePart, rowBlocks } from './addresses';
import { RECORD_KEY, parseRecord, recordKey, resolveRecord } from './markRecord';
import { cellOfAddress, guard, identities, type Kit, type Seen, type SeenSheet, type Support } from './kit';

// ---------------------------------------------------------------- reading

type Values = unknown[][];

interface Block {
  sheet: number;
  area: Area;
}

/** One used range (or one block of it) placed into a Sheet at its absolute position. */
function place(sheet: Sheet, origin: Area, values: Values, formats: Values | undefined, types: Values | undefined): void {
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    const r = origin.r1 + i;
    for (let j = 0; j < row.length; j++) {
      const cell = toCell(row[j], formats?.[i]?.[j], types?.[i]?.[j]);
      if (!cell) continue;
      while (sheet.rows.length <= r) sheet.rows.push([]);
      sheet.rows[r][origin.c1 + j] = cell;
    }
  }
}

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/;

function toCell(v: unknown, format: unknown, type: unknown): Cell | undefined {
  if (type === 'Empty' || v === null || v === undefined) return undefined;
  let cell: Cell;
  const isError = type === 'Error' || (type === undefined && typeof v === 'string' && ERROR_TEXT.test(v));
  if (isError) cell = { value: null, error: String(v) };
  else if (typeof v === 'number' || typeof v === 'boolean') cell = { value: v };
  else if (typeof v === 'string') {
    if (v === '') return undefined;
    cell = { value: v };
  } else cell = { value: String(v) };
  if (typeof format === 'string' && format !== '') cell.format = format;
  return cell;
}

function emptySheet(name: string): Sheet {
  return { name, rows: [], merges: [] };
}

function finishSheet(s: Sheet): void {
  for (let i = 0; i < s.rows.length; i++) if (!s.rows[i]) s.rows[i] = [];
}


// ---- snapshot

/** Every sheet's used range in one sync; `also` queues more loads on it and returns what reads them after. */
async function readWhole(ctx: Excel.RequestContext, sheets: Excel.Worksheet[], merges: boolean, also?: () => () => void): Promise<Sheet[]> {
  const jobs = sheets.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,values,numberFormat,valueTypes');
    const merged = merges ? ws.getRange().getMergedAreasOrNullObject() : null;
    if (merged) merged.load('address');
    return { used, merged };
  });
  const after = also?.();
  await ctx.sync();
  after?.();
  return sheets.map((ws, i) => {
    const s = emptySheet(ws.name);
    const { used, merged } = jobs[i];
    if (!used.isNullObject) place(s, parseArea(rangePart(used.address)), used.values, used.numberFormat, used.valueTypes);
    if (merged && !merged.isNullObject) s.merges = parseAreaList(merged.address);
    finishSheet(s);
    return s;
  });
}

/** The used ranges of every sheet, then their rows in blocks, several blocks per sync up to a cell budget. */
async function readInBlocks(k: Kit, ctx: Excel.RequestContext, sheets: Excel.Worksheet[], merges: boolean): Promise<Sheet[]> {
  const dims = sheets.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address');
    const merged = merges ? ws.getRange().getMergedAreasOrNullObject() : null;
    if (merged) merged.load('address');
    return { used, merged };
  });
  await ctx.sync();
  const out = sheets.map((ws, i) => {
    const s = emptySheet(ws.name);
    const m = dims[i].merged;
    if (m && !m.isNullObject) s.merges = parseAreaList(m.address);
    return s;
  });
  let chunkCells = k.limits.chunkCells;
  let syncCells = k.limits.syncCells;
  let pending: Block[] = [];
  dims.forEach((d, i) => {
    if (d.used.isNullObject) return;
    for (const area of rowBlocks(parseArea(rangePart(d.used.address)), chunkCells)) pending.push({ sheet: i, area });
  });
  while (pending.length) {
    const batch: Block[] = [];
    let cells = 0;
    while (pending.length && (batch.length === 0 || cells + areaCells(pending[0].area) <= syncCells)) {
      const b = pending.shift() as Block;
      cells += areaCells(b.area);
      batch.push(b);
    }
    const loads = batch.map((b) => {
      const r = sheets[b.sheet].getRange(areaA1(b.area));
      r.load('values,numberFormat,valueTypes');
      return r;
    });
    try {
      await ctx.sync();
    } catch (e) {
      if (!isSizeError(e) || chunkCells <= k.limits.minChunk) throw e;
      // Excel refused the size: halve the blocks and the budget, and read this batch again.
      chunkCells = Math.max(k.limits.minChunk, Math.floor(chunkCells / 2));
      syncCells = Math.max(chunkCells, Math.floor(syncCells / 2));
      const again: Block[] = [];
      for (const b of batch) for (const area of rowBlocks(b.area, chunkCells)) again.push({ sheet: b.sheet, area });
      pending = [...again, ...pending];
      continue;
    }
    batch.forEach((b, k) => place(out[b.sheet], b.area, loads[k].values, loads[k].numberFormat, loads[k].valueTypes));
  }
  out.forEach(finishSheet);
  return out;
}

// ---- what a snapshot reads for the applyMarks after it

const FILL_LOAD = { format: { fill: { color: true, tintAndShade: true, pattern: true } } } as const;

/** The first sync's part: the stored record, the notes (1.18) or else the comments (1.10). */
function queueSeenFirst(ctx: Excel.RequestContext, sup: Support) {
  const wb = ctx.workbook;
  const setting = wb.settings.getItemOrNullObject(RECORD_KEY);
  setting.load('value');
  const notes = sup.notes ? wb.notes : null;
  if (notes) notes.load('items/content');
  const comments = !sup.notes && sup.comments ? wb.comments : null;
  if (comments) comments.load('items/id,items/content');
  return { setting, notes, comments };
}
type SeenFirst = ReturnType<typeof queueSeenFirst>;

/**
 * The second sync's part: every sheet's protection; the fills of a block at the top-left of its
 * used range (its share of the fill budget, clipped to the used range); the cells of the notes
 * or comments. Returns what builds the cache once the sync is done.
 */
function queueSeenSecond(k: Kit, first: SeenFirst, sheets: Excel.Worksheet[], sup: Support): () => Seen {
  const share = Math.floor(k.limits.fillCells / Math.max(1, sheets.length));
  // A block about 4 times as tall as it is wide, 16 to 64 columns (the tables are narrow and long).
  const cols = Math.min(64, Math.max(16, Math.round(Math.sqrt(share / 4))));
  const rows = Math.floor(share / cols);
  const perSheet = sheets.map((ws) => {
    ws.protection.load('protected');
    if (rows < 1) return { ws, block: null, props: null };
    // getUsedRange (not ...OrNullObject) gives A1 for a blank sheet, so the block always exists.
    const used = ws.getUsedRange(true);
    const block = used.getCell(0, 0).getResizedRange(rows - 1, cols - 1).getIntersection(used);
    block.load('address');
    return { ws, block, props: block.getCellProperties(FILL_LOAD) };
  });
  const noteCells = first.notes ? first.notes.items.map((n) => n.getLocation().load('address')) : null;
  const commentCells = first.comments ? first.comments.items.map((c) => c.getLocation().load('address')) : null;
  return () => {
    const known = identities(sheets);
    const out: Seen = {
      sheets: new Map(),
      ids: new Map(known.map((k) => [k.name, k.id])),
      record: first.setting.isNullObject ? [] : resolveRecord(parseRecord(first.setting.value), known),
      notes: null,
      comments: null,
    };
    for (const { ws, block, props } of perSheet) {
      const s: SeenSheet = { protected: ws.protection.protected, area: null, fills: [] };
      if (block && props) {
        s.area = parseArea(rangePart(block.address));
        s.fills = props.value.map((row) => row.map((cp) => ({ color: cp.format?.fill?.color ?? null, tintAndShade: cp.format?.fill?.tintAndShade ?? null, pattern: cp.format?.fill?.pattern ?? null })));
      }
      out.sheets.set(ws.name, s);
    }
    if (first.notes && noteCells) {
      out.notes = new Map();
      first.notes.items.forEach((n, i) => {
        const at = cellOfAddress(noteCells[i].address);
        if (at) out.notes!.set(recordKey(at.sheet, at.cell), n.content);
      });
    }
    if (first.comments && commentCells) {
      out.comments = first.comments.items.map((c, i) => {
        const at = cellOfAddress(commentCells[i].address);
        return { id: c.id, sheet: at?.sheet ?? '', cell: at?.cell ?? '', content: c.content };
      });
    }
    return out;
  };
}



export async function snapshot(k: Kit): Promise<Grid> {
  const sup = k.support();
  k.seen = null;
  return guard(() =>
    k.run(async (ctx) => {
      const wss = ctx.workbook.worksheets;
      wss.load('items/name,items/id');
      // What applyMarks would read, on the same two syncs (getCellProperties needs 1.9).
      const first = sup.api19 && k.limits.fillCells > 0 ? queueSeenFirst(ctx, sup) : null;
      await ctx.sync();
      const sheets = wss.items;
      let error: unknown = null;
      if (first) {
        let made: Seen | null = null;
        try {
          const read = await readWhole(ctx, sheets, sup.merges, () => {
            const build = queueSeenSecond(k, first, sheets, sup);
            return () => {
              made = build();
            };
          });
          k.seen = made;
          return { sheets: read };
        } catch (e) {
          error = e;
          // An unexpected refusal of the extra reads: read once more without them.
          if (!isSizeError(e) && toHostError(e).kind !== 'other') throw e;
        }
      }
      if (error && isSizeError(error)) return { sheets: await readInBlocks(k, ctx, sheets, sup.merges) };
      try {
        return { sheets: await readWhole(ctx, sheets, sup.merges) };
      } catch (e) {
        if (isSizeError(e)) return { sheets: await readInBlocks(k, ctx, sheets, sup.merges) };
        const kind = toHostError(e).kind;
        if (kind !== 'other' || sheets.length < 2) throw e;
      }
      // Failure path only: find the sheet(s) that cannot be read, one sync per sheet.
      const out: Sheet[] = [];
      let firstError: unknown = null;
      for (const ws of sheets) {
        try {
          out.push((await readWhole(ctx, [ws], sup.merges))[0]);
        } catch (e) {
          if (isSizeError(e)) {
            out.push((await readInBlocks(k, ctx, [ws], sup.merges))[0]);
            continue;
          }
          firstError ??= e;
          const msg = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
          out.push({ name: ws.name, rows: [], merges: [], unreadable: `无法读取此工作表：${msg}` });
        }
      }
      if (out.every((s) => s.unreadable)) throw firstError;
      return { sheets: out };
    }),
  );
}
