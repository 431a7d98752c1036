// A fake of the part of the Excel JavaScript object model that src/office/excelHost.ts
// uses, with Office's batching semantics: calls only queue work; context.sync() runs the
// queue in order against the fake workbook; a loaded property is readable only after
// load + sync (reading it earlier throws like Office does); a failing action rejects the
// sync, leaving the actions before it applied and nothing loaded. Every sync is counted
// and every write is recorded.

import { a1, areaA1, parseA1, parseArea, quoteSheet, type Area } from '../../src/core/grid';

export class FakeOfficeError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export type ValueType = 'String' | 'Double' | 'Boolean' | 'Error';

export interface FakeCell {
  v: string | number | boolean;
  t: ValueType;
  /** Held a formula (written as '=…' into a cell not formatted as text). */
  formula?: boolean;
}

export interface FillState {
  color: string;
  /** A white fill and no fill both read '#FFFFFF'; only the tint tells them apart (null: no fill). */
  tint: number;
}

export interface WriteRecord {
  sheet: string;
  address: string;
  prop: string;
  /** The sheet was added in this fake by the code under test (not one of the user's sheets). */
  newSheet: boolean;
}

export interface ApiSupport {
  /** getRanges, fill tintAndShade/pattern, pageLayout. */
  api19: boolean;
  /** Worksheet.onChanged / onSelectionChanged (ExcelApi 1.7). */
  events: boolean;
  comments: boolean;
  merges: boolean;
  notes: boolean;
}

const key = (r: number, c: number): number => r * 16384 + c;
const WHOLE_SHEET: Area = { r1: 0, c1: 0, r2: 1048575, c2: 16383 };

export class FakeSheet {
  cells = new Map<number, FakeCell>();
  formats = new Map<number, string>();
  fills = new Map<number, FillState>();
  styles = new Map<number, Record<string, unknown>>();
  notes = new Map<string, string>();
  merges: Area[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageLayout: Record<string, unknown> = {};
  isProtected = false;
  /** Reading this sheet's cells fails with this error (a sheet Excel cannot read). */
  readError: FakeOfficeError | null = null;
  constructor(
    public name: string,
    public readonly added: boolean,
    /** As Worksheet.id: fixed for the sheet's life, through renames and moves. */
    public readonly id: string,
  ) {}

  set(addr: string, v: string | number | boolean | { error: string }, format?: string): void {
    const { r, c } = parseA1(addr);
    if (typeof v === 'object') this.cells.set(key(r, c), { v: v.error, t: 'Error' });
    else this.cells.set(key(r, c), { v, t: typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String' });
    if (format) this.formats.set(key(r, c), format);
  }
  get(addr: string): FakeCell | undefined {
    const { r, c } = parseA1(addr);
    return this.cells.get(key(r, c));
  }
  formatAt(addr: string): string {
    const { r, c } = parseA1(addr);
    return this.formats.get(key(r, c)) ?? 'General';
  }
  fillAt(addr: string): FillState | undefined {
    const { r, c } = parseA1(addr);
    return this.fills.get(key(r, c));
  }
  setFill(addr: string, color: string | null, tint = 0): void {
    const { r, c } = parseA1(addr);
    if (color === null) this.fills.delete(key(r, c));
    else this.fills.set(key(r, c), { color: color.toUpperCase(), tint });
  }
  styleAt(addr: string): Record<string, unknown> {
    const { r, c } = parseA1(addr);
    return this.styles.get(key(r, c)) ?? {};
  }
  /** Sets a cell by position (fast, for big test sheets). */
  setRC(r: number, c: number, v: string | number | boolean): void {
    this.cells.set(key(r, c), { v, t: typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String' });
  }
  private usedCache: { n: number; area: Area | null } | null = null;
  usedArea(): Area | null {
    // Cached while the cell count is unchanged and nothing was written through touch().
    if (this.usedCache && this.usedCache.n === this.cells.size) return this.usedCache.area;
    const area = this.computeUsed();
    this.usedCache = { n: this.cells.size, area };
    return area;
  }
  touch(): void {
    this.usedCache = null;
  }
  private computeUsed(): Area | null {
    let a: Area | null = null;
    for (const k of this.cells.keys()) {
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      if (!a) a = { r1: r, c1: c, r2: r, c2: c };
      else {
        a.r1 = Math.min(a.r1, r);
        a.c1 = Math.min(a.c1, c);
        a.r2 = Math.max(a.r2, r);
        a.c2 = Math.max(a.c2, c);
      }
    }
    return a;
  }
}

export interface FakeComment {
  id: string;
  sheet: string;
  cell: string;
  content: string;
}

/** The whole fake: its workbook state, counters, and the `run` to hand to createExcelHost. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  comments: FakeComment[] = [];
  settings = new Map<string, unknown>();
  api: ApiSupport;
  /** context.sync() calls, over all runs (the final implicit sync of a run included). */
  syncs = 0;
  runs = 0;
  writes: WriteRecord[] = [];
  /** Cells (values + formats + types, counted once per range) loaded by each sync. */
  loadedPerSync: number[] = [];
  /** Cells whose properties getCellProperties returned, over all syncs. */
  cellPropertiesLoaded = 0;
  /** Longest address string passed to getRanges. */
  maxAddressLength = 0;
  /** A sync loading more cells than this fails with ResponsePayloadSizeLimitExceeded (Excel on the web's 5 MB). */
  responseCellLimit = Infinity;
  /** Makes the n-th sync (1-based, over all runs) fail with this error before running anything. */
  failSync: { at: number; error: FakeOfficeError } | null = null;
  active: string | null = null;
  selected: { sheet: string; address: string } | null = null;
  private nextComment = 1;
  private nextSheet = 1;

  constructor(api: Partial<ApiSupport> = {}) {
    this.api = { api19: true, comments: true, merges: true, notes: true, events: true, ...api };
  }

  /** The sets excelHost asks about: 1.1-1.8 always, 1.9 / 1.10 / 1.13 / 1.18 as configured. */
  isSetSupported = (name: string, version: string): boolean => {
    if (name !== 'ExcelApi') return false;
    const v = Number(version.split('.')[1]);
    if (v === 7) return this.api.events;
    if (v <= 8) return true;
    if (v === 9) return this.api.api19;
    if (v === 10) return this.api.comments;
    if (v === 13) return this.api.merges;
    if (v === 18) return this.api.notes;
    return false;
  };

  addSheet(name: string, rows: (string | number | boolean | { error: string } | null | undefined)[][] = [], opts: { origin?: string; merges?: string[]; formats?: Record<string, string> } = {}): FakeSheet {
    const s = new FakeSheet(name, false, this.newSheetId());
    const o = opts.origin ? parseA1(opts.origin) : { r: 0, c: 0 };
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === '') return;
        s.set(a1(o.r + i, o.c + j), v);
      }),
    );
    for (const [addr, f] of Object.entries(opts.formats ?? {})) {
      const p = parseA1(addr);
      s.formats.set(key(p.r, p.c), f);
    }
    s.merges = (opts.merges ?? []).map(parseArea);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * A sheet by id or by name, as worksheets.getItem(key) finds it. The id match goes through
   * findSheet too, so a test that hides a sheet from findSheet hides it from both lookups.
   */
  sheetByKey(key: string): FakeSheet | undefined {
    const byId = this.sheets.find((s) => s.id === key);
    if (byId) return this.findSheet(byId.name) === byId ? byId : undefined;
    return this.findSheet(key);
  }

  /** The user renames a sheet (its id stays; its comments go with it, as in Excel). */
  renameSheet(from: string, to: string): FakeSheet {
    const s = this.sheet(from);
    const clash = this.findSheet(to);
    if (clash && clash !== s) throw new Error(`a sheet named ${to} exists`);
    for (const c of this.comments) if (c.sheet === s.name) c.sheet = to;
    s.name = to;
    return s;
  }

  /** The user deletes a sheet, with its notes and comments. */
  deleteSheet(name: string): void {
    const s = this.sheet(name);
    this.comments = this.comments.filter((c) => c.sheet !== s.name);
    this.sheets = this.sheets.filter((x) => x !== s);
  }

  /** Ids as Excel shows them: a GUID-shaped string, unique in the workbook. */
  newSheetId(): string {
    const n = (this.nextSheet++).toString(16).toUpperCase().padStart(4, '0');
    return `{00000000-0001-0000-${n}-000000000000}`;
  }

  commentAt(sheet: string, cell: string): FakeComment | undefined {
    return this.comments.find((c) => c.sheet === sheet && c.cell === cell);
  }

  addComment(sheet: string, cell: string, content: string): FakeComment {
    const c = { id: `c${this.nextComment++}`, sheet, cell, content };
    this.comments.push(c);
    return c;
  }

  /** Writes to cell values or number formats of the user's own sheets. */
  valueWritesOnUserSheets(): WriteRecord[] {
    return this.writes.filter((w) => !w.newSheet && (w.prop === 'values' || w.prop === 'numberFormat' || w.prop === 'formulas'));
  }

  /** Registered worksheet event handlers. */
  handlers: { kind: 'changed' | 'selected'; sheetId: string; handler: FakeHandler }[] = [];

  /** The user edits or selects a cell: the handlers registered on its sheet are called. */
  async fire(kind: 'changed' | 'selected', sheet: string, address: string): Promise<void> {
    const s = this.sheet(sheet);
    for (const h of [...this.handlers]) if (h.kind === kind && h.sheetId === s.id) await h.handler({ worksheetId: s.id, address });
  }

  /** Excel.run(batch), or Excel.run(context, batch) to continue on an earlier context (removing event handlers). */
  run = async <T>(first: ((ctx: FakeContext) => Promise<T>) | FakeContext, second?: (ctx: FakeContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const batch = (typeof first === 'function' ? first : second) as (ctx: FakeContext) => Promise<T>;
    const ctx = typeof first === 'function' ? new FakeContext(this) : first;
    const result = await batch(ctx);
    if (ctx.pending()) await ctx.sync();
    return result;
  };

  // ---- used by the proxies

  record(sheet: FakeSheet, address: string, prop: string): void {
    this.writes.push({ sheet: sheet.name, address, prop, newSheet: sheet.added });
  }

  requireApi(flag: keyof ApiSupport, what: string): void {
    if (!this.api[flag]) throw new FakeOfficeError('ApiNotFound', `${what} is not available on this host`);
  }

  checkWritable(sheet: FakeSheet): void {
    if (sheet.isProtected) throw new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.');
  }

  newCommentId(): string {
    return `c${this.nextComment++}`;
  }
}

type Op = () => (() => void) | void;

export class FakeContext {
  private queue: { op: Op; cells: number }[] = [];
  /** Cells loaded so far by the running sync. */
  loaded = 0;
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  pending(): boolean {
    return this.queue.length > 0;
  }
  enqueue(op: Op, cells = 0): void {
    this.queue.push({ op, cells });
  }
  async sync(): Promise<void> {
    const fake = this.fake;
    fake.syncs++;
    const q = this.queue;
    this.queue = [];
    if (fake.failSync && fake.failSync.at === fake.syncs) throw fake.failSync.error;
    const commits: (() => void)[] = [];
    this.loaded = 0;
    try {
      for (const { op } of q) {
        const commit = op();
        if (commit) commits.push(commit);
      }
    } finally {
      fake.loadedPerSync.push(this.loaded);
    }
    for (const c of commits) c();
  }
}


function notLoaded(prop: string): never {
  throw new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** OfficeExtension.ClientResult: `value` is readable only after the sync that computed it. */
export class FakeClientResult<T> {
  private v: { value: T } | null = null;
  set(value: T): void {
    this.v = { value };
  }
  get value(): T {
    if (!this.v) notLoaded('value');
    return this.v.value;
  }
}

function propList(props?: string | string[]): string[] {
  if (props === undefined) return [];
  const list = Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim()).filter(Boolean);
}

/** A proxy: loaded values are readable only once a sync has committed them. */
class Proxy {
  protected data = new Map<string, unknown>();
  constructor(protected ctx: FakeContext) {}
  protected read<T>(prop: string): T {
    if (!this.data.has(prop)) notLoaded(prop);
    return this.data.get(prop) as T;
  }
  /** Queues a load: `fetch` runs at sync time and returns the values to commit. */
  protected queueLoad(fetch: () => Record<string, unknown>): void {
    this.ctx.enqueue(() => {
      const vals = fetch();
      return () => {
        for (const [k, v] of Object.entries(vals)) this.data.set(k, v);
      };
    });
  }
  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
}

// ---------------------------------------------------------------- workbook, sheets

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  private _comments: FakeCommentCollection;
  private _notes: FakeWorkbookNoteCollection;
  constructor(private ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this._comments = new FakeCommentCollection(ctx);
    this._notes = new FakeWorkbookNoteCollection(ctx);
  }
  get comments(): FakeCommentCollection {
    return this._comments;
  }
  /** Every note of the workbook (ExcelApi 1.18). */
  get notes(): FakeWorkbookNoteCollection {
    return this._notes;
  }
}

class FakeWorksheetCollection extends Proxy {
  private _items: FakeWorksheet[] | null = null;
  get items(): FakeWorksheet[] {
    if (!this._items) notLoaded('items');
    return this._items;
  }
  load(props?: string): this {
    const list = propList(props).map((p) => p.replace(/^items\//, ''));
    for (const p of list) if (p !== 'name' && p !== 'id') throw new Error(`fake: worksheets.load('items/${p}') is not modelled`);
    this.ctx.enqueue(() => {
      const sheets = [...this.ctx.fake.sheets];
      return () => {
        this._items = sheets.map((s) => {
          const w = new FakeWorksheet(this.ctx, () => s);
          w.commit(list, s);
          return w;
        });
      };
    });
    return this;
  }
  /** A sheet by its name or its id (as Excel: "Gets a worksheet object using its name or ID"). */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.fake.sheetByKey(key);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (sheet ${key}).`);
      return s;
    });
  }
  /** As getItem, but a missing sheet loads as a null object (isNullObject) instead of failing the sync. */
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.fake.sheetByKey(key);
      if (!s) throw new FakeOfficeError('InvalidReference', `The worksheet ${key} is a null object.`);
      return s;
    }, () => this.ctx.fake.sheetByKey(key) ?? null);
  }
  add(name: string): FakeWorksheet {
    let made: FakeSheet | null = null;
    this.ctx.enqueue(() => {
      if (this.ctx.fake.findSheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      made = new FakeSheet(name, true, this.ctx.fake.newSheetId());
      this.ctx.fake.sheets.push(made);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!made) throw new FakeOfficeError('ItemNotFound', 'sheet not added');
      return made;
    });
  }
}

class FakeWorksheet extends Proxy {
  readonly protection: FakeProtection;
  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet,
    /** Only for getItemOrNullObject: the sheet, or null for a null object. */
    private lookup?: () => FakeSheet | null,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, resolve);
  }
  commit(props: string[], s: FakeSheet): void {
    for (const p of props) {
      if (p === 'name') this.data.set('name', s.name);
      else if (p === 'id') this.data.set('id', s.id);
    }
  }
  get name(): string {
    return this.read<string>('name');
  }
  get id(): string {
    return this.read<string>('id');
  }
  load(props?: string): this {
    const list = propList(props);
    for (const p of list) if (p !== 'name' && p !== 'id') throw new Error(`fake: Worksheet.load('${p}') is not modelled`);
    this.queueLoad(() => {
      if (this.lookup) {
        const s = this.lookup();
        if (!s) return { isNullObject: true };
        return { isNullObject: false, ...Object.fromEntries(list.map((p) => [p, p === 'id' ? s.id : s.name])) };
      }
      const s = this.resolve();
      return Object.fromEntries(list.map((p) => [p, p === 'id' ? s.id : s.name]));
    });
    return this;
  }
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.ctx, this.resolve);
  }
  get pageLayout(): Record<string, unknown> {
    const ctx = this.ctx;
    const resolve = this.resolve;
    return new globalThis.Proxy(
      {},
      {
        set(_t, prop, value) {
          ctx.enqueue(() => {
            ctx.fake.requireApi('api19', 'pageLayout');
            resolve().pageLayout[String(prop)] = value;
          });
          return true;
        },
        get(_t, prop) {
          if (prop !== 'setPrintArea') return undefined;
          return (area: string) =>
            ctx.enqueue(() => {
              ctx.fake.requireApi('api19', 'pageLayout.setPrintArea');
              resolve().pageLayout.printArea = area;
            });
        },
      },
    );
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.resolve(), areas: [address === undefined ? WHOLE_SHEET : parseAddressArea(address)] }));
  }
  getRanges(address: string): FakeRange {
    const fake = this.ctx.fake;
    fake.maxAddressLength = Math.max(fake.maxAddressLength, address.length);
    return new FakeRange(this.ctx, () => {
      fake.requireApi('api19', 'getRanges');
      if (address.length > 8192) throw new FakeOfficeError('InvalidArgument', 'The address is longer than 8192 characters.');
      return { sheet: this.resolve(), areas: address.split(',').map(parseAddressArea) };
    });
  }
  /** As Excel: a blank sheet's used range is its top-left cell (no error, no null object). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      return { sheet: s, areas: [s.usedArea() ?? { r1: 0, c1: 0, r2: 0, c2: 0 }] };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      const a = s.usedArea();
      return a ? { sheet: s, areas: [a] } : null;
    });
  }
  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.fake.active = this.resolve().name;
    });
  }
  set name(v: string) {
    this.ctx.enqueue(() => {
      this.ctx.fake.renameSheet(this.resolve().name, v);
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (this.ctx.fake.sheets.length < 2) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      this.ctx.fake.deleteSheet(s.name);
    });
  }
  get onChanged(): FakeEvent {
    return new FakeEvent(this.ctx, this.resolve, 'changed');
  }
  get onSelectionChanged(): FakeEvent {
    return new FakeEvent(this.ctx, this.resolve, 'selected');
  }
}

export type FakeHandler = (e: { worksheetId: string; address: string }) => Promise<void> | void;

/** Worksheet.onChanged / onSelectionChanged: a handler registered on a sync, removed on its context's sync. */
class FakeEvent {
  constructor(
    private ctx: FakeContext,
    private resolve: () => FakeSheet,
    private kind: 'changed' | 'selected',
  ) {}
  add(handler: FakeHandler): { remove(): void; context: FakeContext } {
    const entry = { kind: this.kind, sheetId: '', handler };
    this.ctx.enqueue(() => {
      this.ctx.fake.requireApi('events', 'Worksheet events');
      entry.sheetId = this.resolve().id;
      this.ctx.fake.handlers.push(entry);
    });
    return {
      context: this.ctx,
      remove: () =>
        this.ctx.enqueue(() => {
          this.ctx.fake.handlers = this.ctx.fake.handlers.filter((h) => h !== entry);
        }),
    };
  }
}

function parseAddressArea(address: string): Area {
  const a = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(a.trim());
  if (m) {
    const c1 = parseA1(m[1] + '1').c;
    const c2 = parseA1(m[2] + '1').c;
    return { r1: 0, c1, r2: WHOLE_SHEET.r2, c2 };
  }
  try {
    return parseArea(a.trim());
  } catch {
    throw new FakeOfficeError('InvalidArgument', `Bad address: ${address}`);
  }
}

class FakeProtection extends Proxy {
  constructor(
    ctx: FakeContext,
    private resolve: () => FakeSheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.read<boolean>('protected');
  }
  load(props?: string): this {
    void props;
    this.queueLoad(() => ({ protected: this.resolve().isProtected }));
    return this;
  }
}

// ---------------------------------------------------------------- ranges

type Target = { sheet: FakeSheet; areas: Area[] } | null;

function* cellsOf(areas: Area[]): Generator<[number, number]> {
  for (const a of areas) for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) yield [r, c];
}

function addressOf(t: { sheet: FakeSheet; areas: Area[] }): string {
  return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${areaA1(a)}`).join(', ');
}

class FakeRange extends Proxy {
  readonly format: FakeRangeFormat;
  constructor(
    ctx: FakeContext,
    readonly resolve: () => Target,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, () => this.must());
  }
  must(): { sheet: FakeSheet; areas: Area[] } {
    const t = this.resolve();
    if (!t) throw new FakeOfficeError('InvalidReference', 'The range is a null object.');
    return t;
  }
  load(props?: string): this {
    const list = propList(props);
    this.queueLoad(() => {
      const t = this.resolve();
      if (!t) return { isNullObject: true };
      const a = t.areas[0];
      const out: Record<string, unknown> = { isNullObject: false };
      const grid = (f: (r: number, c: number) => unknown) => {
        const rows: unknown[][] = [];
        for (let r = a.r1; r <= a.r2; r++) {
          const row: unknown[] = [];
          for (let c = a.c1; c <= a.c2; c++) row.push(f(r, c));
          rows.push(row);
        }
        return rows;
      };
      let counted = false;
      for (const p of list) {
        if (p === 'address') out.address = addressOf(t);
        else if (p === 'rowCount') out.rowCount = a.r2 - a.r1 + 1;
        else if (p === 'columnCount') out.columnCount = a.c2 - a.c1 + 1;
        else if (p === 'formulas') {
          // A formula cell holds its '=…' text as v; any other cell's formula is its value.
          const rows: unknown[][] = [];
          for (let r = a.r1; r <= a.r2; r++) {
            const row: unknown[] = [];
            for (let c = a.c1; c <= a.c2; c++) row.push(t.sheet.cells.get(key(r, c))?.v ?? '');
            rows.push(row);
          }
          out.formulas = rows;
        } else if (p === 'values' || p === 'numberFormat' || p === 'valueTypes') {
          const n = (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1);
          if (n > 5_000_000) throw new FakeOfficeError('RangeExceedsLimit', 'The range is too large.');
          if (t.sheet.readError) throw t.sheet.readError;
          if (!counted) {
            counted = true;
            this.ctx.loaded += n;
            if (this.ctx.loaded > this.ctx.fake.responseCellLimit) {
              throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${this.ctx.loaded} cells).`);
            }
          }
          if (p === 'values') out.values = grid((r, c) => t.sheet.cells.get(key(r, c))?.v ?? '');
          else if (p === 'numberFormat') out.numberFormat = grid((r, c) => t.sheet.formats.get(key(r, c)) ?? 'General');
          else out.valueTypes = grid((r, c) => t.sheet.cells.get(key(r, c))?.t ?? 'Empty');
        } else throw new Error(`fake: Range.load('${p}') is not modelled`);
      }
      return out;
    });
    return this;
  }
  get address(): string {
    return this.read<string>('address');
  }
  get rowCount(): number {
    return this.read<number>('rowCount');
  }
  get columnCount(): number {
    return this.read<number>('columnCount');
  }
  get values(): unknown[][] {
    return this.read<unknown[][]>('values');
  }
  set values(v: unknown[][]) {
    this.ctx.enqueue(() => {
      const t = this.must();
      this.ctx.fake.checkWritable(t.sheet);
      this.ctx.fake.record(t.sheet, addressOf(t), 'values');
      const a = t.areas[0];
      t.sheet.touch();
      for (let i = 0; i < v.length; i++)
        for (let j = 0; j < v[i].length; j++) {
          const x = v[i][j];
          const k = key(a.r1 + i, a.c1 + j);
          if (x === '' || x === null || x === undefined) {
            t.sheet.cells.delete(k);
            continue;
          }
          const fmt = t.sheet.formats.get(k) ?? 'General';
          if (typeof x === 'string' && fmt !== '@' && /^[=+\-@]/.test(x) && x.length > 1) {
            // Excel would take it as a formula.
            t.sheet.cells.set(k, { v: x, t: 'String', formula: true });
          } else t.sheet.cells.set(k, { v: x as string | number | boolean, t: typeof x === 'number' ? 'Double' : typeof x === 'boolean' ? 'Boolean' : 'String' });
        }
    });
  }
  get formulas(): unknown[][] {
    return this.read<unknown[][]>('formulas');
  }
  set formulas(v: unknown[][]) {
    this.ctx.enqueue(() => {
      const t = this.must();
      this.ctx.fake.checkWritable(t.sheet);
      this.ctx.fake.record(t.sheet, addressOf(t), 'formulas');
      const a = t.areas[0];
      t.sheet.touch();
      for (let i = 0; i < v.length; i++)
        for (let j = 0; j < v[i].length; j++) {
          const x = String(v[i][j]);
          t.sheet.cells.set(key(a.r1 + i, a.c1 + j), x.startsWith('=') ? { v: x, t: 'String', formula: true } : { v: x, t: 'String' });
        }
    });
  }
  get numberFormat(): unknown[][] {
    return this.read<unknown[][]>('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue(() => {
      const t = this.must();
      this.ctx.fake.checkWritable(t.sheet);
      this.ctx.fake.record(t.sheet, addressOf(t), 'numberFormat');
      const a = t.areas[0];
      for (let i = 0; i < v.length; i++) for (let j = 0; j < v[i].length; j++) t.sheet.formats.set(key(a.r1 + i, a.c1 + j), String(v[i][j]));
    });
  }
  get valueTypes(): unknown[][] {
    return this.read<unknown[][]>('valueTypes');
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.must();
      const a = t.areas[0];
      const r = a.r1 + row;
      const c = a.c1 + column;
      return { sheet: t.sheet, areas: [{ r1: r, c1: c, r2: r, c2: c }] };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.must();
      const a = t.areas[0];
      const b = { r1: a.r1, c1: a.c1, r2: a.r2 + deltaRows, c2: a.c2 + deltaColumns };
      if (b.r2 < b.r1 || b.c2 < b.c1 || b.r2 > WHOLE_SHEET.r2 || b.c2 > WHOLE_SHEET.c2) throw new FakeOfficeError('InvalidArgument', 'The resized range is outside the sheet.');
      return { sheet: t.sheet, areas: [b] };
    });
  }
  getIntersection(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.must();
      const o = other.must();
      const a = t.areas[0];
      const b = o.areas[0];
      const x = { r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1), r2: Math.min(a.r2, b.r2), c2: Math.min(a.c2, b.c2) };
      if (o.sheet !== t.sheet || x.r1 > x.r2 || x.c1 > x.c2) throw new FakeOfficeError('ItemNotFound', 'The ranges do not intersect.');
      return { sheet: t.sheet, areas: [x] };
    });
  }
  /** ExcelApi 1.9: per cell, the requested properties; only format.fill (color, tintAndShade, pattern) is modelled. */
  getCellProperties(options: { format?: { fill?: { color?: boolean; tintAndShade?: boolean; pattern?: boolean } } }): FakeClientResult<unknown[][]> {
    const result = new FakeClientResult<unknown[][]>();
    const fill = options.format?.fill;
    for (const k of Object.keys(options)) if (k !== 'format') throw new Error(`fake: getCellProperties({ ${k} }) is not modelled`);
    for (const k of Object.keys(options.format ?? {})) if (k !== 'fill') throw new Error(`fake: getCellProperties({ format: { ${k} } }) is not modelled`);
    this.ctx.enqueue(() => {
      this.ctx.fake.requireApi('api19', 'getCellProperties');
      const t = this.must();
      const a = t.areas[0];
      const n = (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1);
      this.ctx.loaded += n;
      this.ctx.fake.cellPropertiesLoaded += n;
      if (this.ctx.loaded > this.ctx.fake.responseCellLimit) {
        throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${this.ctx.loaded} cells).`);
      }
      const rows: unknown[][] = [];
      for (let r = a.r1; r <= a.r2; r++) {
        const row: unknown[] = [];
        for (let c = a.c1; c <= a.c2; c++) {
          const f = t.sheet.fills.get(key(r, c));
          const out: Record<string, unknown> = {};
          // As RangeFill reads: no fill is '#FFFFFF' with no tint.
          if (fill?.color) out.color = f ? f.color : '#FFFFFF';
          if (fill?.tintAndShade) out.tintAndShade = f ? f.tint : null;
          if (fill?.pattern) out.pattern = null;
          row.push(fill ? { format: { fill: out } } : {});
        }
        rows.push(row);
      }
      return () => result.set(rows);
    });
    return result;
  }
  getMergedAreasOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, () => {
      this.ctx.fake.requireApi('merges', 'getMergedAreasOrNullObject');
      const t = this.must();
      const a = t.areas[0];
      const inside = t.sheet.merges.filter((m) => m.r1 >= a.r1 && m.r2 <= a.r2 && m.c1 >= a.c1 && m.c2 <= a.c2);
      return inside.length ? { sheet: t.sheet, areas: inside } : null;
    });
  }
  merge(across?: boolean): void {
    void across;
    this.ctx.enqueue(() => {
      const t = this.must();
      this.ctx.fake.checkWritable(t.sheet);
      this.ctx.fake.record(t.sheet, addressOf(t), 'merge');
      t.sheet.merges.push(t.areas[0]);
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const t = this.must();
      this.ctx.fake.selected = { sheet: t.sheet.name, address: areaA1(t.areas[0]) };
    });
  }
}

class FakeRangeFormat {
  readonly fill: FakeFill;
  readonly font: Record<string, unknown>;
  constructor(
    private ctx: FakeContext,
    private target: () => { sheet: FakeSheet; areas: Area[] },
  ) {
    this.fill = new FakeFill(ctx, target);
    this.font = this.styleSetter('font.');
  }
  private styleSetter(prefix: string): Record<string, unknown> {
    const ctx = this.ctx;
    const target = this.target;
    return new globalThis.Proxy(
      {},
      {
        set(_o, prop, value) {
          ctx.enqueue(() => {
            const t = target();
            ctx.fake.checkWritable(t.sheet);
            ctx.fake.record(t.sheet, addressOf(t), prefix + String(prop));
            for (const [r, c] of cellsOf(t.areas)) {
              const k = key(r, c);
              t.sheet.styles.set(k, { ...(t.sheet.styles.get(k) ?? {}), [prefix + String(prop)]: value });
            }
          });
          return true;
        },
      },
    );
  }
  set wrapText(v: boolean) {
    (this.styleSetter('') as Record<string, unknown>).wrapText = v;
  }
  /** RangeBorderCollection.getItem(edge): style and weight, recorded as 'border.<Edge>.<prop>'. */
  get borders(): { getItem(edge: string): Record<string, unknown> } {
    return { getItem: (edge: string) => this.styleSetter(`border.${edge}.`) };
  }
  set horizontalAlignment(v: string) {
    (this.styleSetter('') as Record<string, unknown>).horizontalAlignment = v;
  }
  set rowHeight(v: number) {
    this.ctx.enqueue(() => {
      const t = this.target();
      this.ctx.fake.record(t.sheet, addressOf(t), 'rowHeight');
      for (const a of t.areas) for (let r = a.r1; r <= a.r2; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  set columnWidth(v: number) {
    this.ctx.enqueue(() => {
      const t = this.target();
      this.ctx.fake.record(t.sheet, addressOf(t), 'columnWidth');
      for (const a of t.areas) for (let c = a.c1; c <= a.c2; c++) t.sheet.columnWidths.set(c, v);
    });
  }
}

class FakeFill extends Proxy {
  constructor(
    ctx: FakeContext,
    private target: () => { sheet: FakeSheet; areas: Area[] },
  ) {
    super(ctx);
  }
  load(props?: string): this {
    const list = propList(props);
    this.queueLoad(() => {
      const t = this.target();
      const a = t.areas[0];
      const f = t.sheet.fills.get(key(a.r1, a.c1));
      const out: Record<string, unknown> = {};
      for (const p of list) {
        if (p === 'color') out.color = f ? f.color : '#FFFFFF';
        else if (p === 'tintAndShade' || p === 'pattern') {
          this.ctx.fake.requireApi('api19', `RangeFill.${p}`);
          // As Excel reports it: no fill has no tint; pattern is not reliable (null) either way.
          if (p === 'tintAndShade') out.tintAndShade = f ? f.tint : null;
          else out.pattern = null;
        } else throw new Error(`fake: RangeFill.load('${p}') is not modelled`);
      }
      return out;
    });
    return this;
  }
  get color(): string {
    return this.read<string>('color');
  }
  set color(v: string) {
    this.ctx.enqueue(() => {
      const t = this.target();
      this.ctx.fake.checkWritable(t.sheet);
      this.ctx.fake.record(t.sheet, addressOf(t), 'fill.color');
      for (const [r, c] of cellsOf(t.areas)) t.sheet.fills.set(key(r, c), { color: v.toUpperCase(), tint: 0 });
    });
  }
  get tintAndShade(): number | null {
    return this.read<number | null>('tintAndShade');
  }
  get pattern(): string | null {
    return this.read<string | null>('pattern');
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const t = this.target();
      this.ctx.fake.checkWritable(t.sheet);
      this.ctx.fake.record(t.sheet, addressOf(t), 'fill.clear');
      for (const [r, c] of cellsOf(t.areas)) t.sheet.fills.delete(key(r, c));
    });
  }
}

// ---------------------------------------------------------------- notes, comments, settings

function cellOf(target: FakeRange | string, fake: FakeExcel, sheetHint?: FakeSheet): { sheet: FakeSheet; cell: string } {
  if (typeof target === 'string') {
    const i = target.lastIndexOf('!');
    let sheet = sheetHint;
    if (i >= 0) {
      let n = target.slice(0, i);
      if (n.startsWith("'")) n = n.slice(1, -1).replace(/''/g, "'");
      sheet = fake.findSheet(n);
    }
    if (!sheet) throw new FakeOfficeError('InvalidArgument', `The address ${target} has no sheet.`);
    const a = parseAddressArea(target);
    if (a.r1 !== a.r2 || a.c1 !== a.c2) throw new FakeOfficeError('InvalidArgument', 'Not a single cell.');
    return { sheet, cell: a1(a.r1, a.c1) };
  }
  const t = target.must();
  const a = t.areas[0];
  if (t.areas.length !== 1 || a.r1 !== a.r2 || a.c1 !== a.c2) throw new FakeOfficeError('InvalidArgument', 'Not a single cell.');
  return { sheet: t.sheet, cell: a1(a.r1, a.c1) };
}

class FakeNoteCollection {
  constructor(
    private ctx: FakeContext,
    private resolve: () => FakeSheet,
  ) {}
  add(cell: FakeRange | string, content: string): FakeNote {
    const fake = this.ctx.fake;
    let where: { sheet: FakeSheet; cell: string } | null = null;
    this.ctx.enqueue(() => {
      fake.requireApi('notes', 'notes.add');
      where = cellOf(cell, fake, this.resolve());
      fake.checkWritable(where.sheet);
      if (where.sheet.notes.has(where.cell)) throw new FakeOfficeError('InvalidArgument', 'The cell already has a note.');
      fake.record(where.sheet, where.cell, 'note.add');
      where.sheet.notes.set(where.cell, content);
    });
    return new FakeNote(this.ctx, () => where);
  }
  /** The note on a cell; a cell without one fails the sync (ItemNotFound) where it is used. */
  getItem(cellAddress: string): FakeNote {
    return new FakeNote(this.ctx, () => {
      this.ctx.fake.requireApi('notes', 'notes.getItem');
      const s = this.resolve();
      const { cell } = cellOf(cellAddress, this.ctx.fake, s);
      if (!s.notes.has(cell)) throw new FakeOfficeError('ItemNotFound', `There is no note on ${cell}.`);
      return { sheet: s, cell };
    });
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    return new FakeNote(this.ctx, () => {
      this.ctx.fake.requireApi('notes', 'notes.getItemOrNullObject');
      const s = this.resolve();
      const { cell } = cellOf(cellAddress, this.ctx.fake, s);
      return s.notes.has(cell) ? { sheet: s, cell } : null;
    });
  }
}

/** workbook.notes: every note of every sheet, in sheet order. */
class FakeWorkbookNoteCollection {
  private _items: FakeNote[] | null = null;
  constructor(private ctx: FakeContext) {}
  get items(): FakeNote[] {
    if (!this._items) notLoaded('items');
    return this._items;
  }
  load(props?: string): this {
    const list = propList(props).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue(() => {
      this.ctx.fake.requireApi('notes', 'workbook.notes');
      const found: { sheet: FakeSheet; cell: string; content: string }[] = [];
      for (const sh of this.ctx.fake.sheets) for (const [cell, content] of sh.notes) found.push({ sheet: sh, cell, content });
      return () => {
        this._items = found.map((f) => {
          const n = new FakeNote(this.ctx, () => (f.sheet.notes.has(f.cell) ? { sheet: f.sheet, cell: f.cell } : null));
          if (list.includes('content')) n.commitLoaded('content', f.content);
          return n;
        });
      };
    });
    return this;
  }
}

class FakeNote extends Proxy {
  constructor(
    ctx: FakeContext,
    private where: () => { sheet: FakeSheet; cell: string } | null,
  ) {
    super(ctx);
  }
  commitLoaded(prop: string, value: unknown): void {
    this.data.set(prop, value);
  }
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const w = this.where();
      if (!w) throw new FakeOfficeError('ItemNotFound', 'The note does not exist.');
      const { r, c } = parseA1(w.cell);
      return { sheet: w.sheet, areas: [{ r1: r, c1: c, r2: r, c2: c }] };
    });
  }
  load(props?: string): this {
    void props;
    this.queueLoad(() => {
      const w = this.where();
      return w ? { isNullObject: false, content: w.sheet.notes.get(w.cell) } : { isNullObject: true };
    });
    return this;
  }
  get content(): string {
    return this.read<string>('content');
  }
  set content(v: string) {
    this.ctx.enqueue(() => {
      const w = this.where();
      if (!w) throw new FakeOfficeError('ItemNotFound', 'The note does not exist.');
      this.ctx.fake.checkWritable(w.sheet);
      this.ctx.fake.record(w.sheet, w.cell, 'note.content');
      w.sheet.notes.set(w.cell, v);
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const w = this.where();
      if (!w) throw new FakeOfficeError('ItemNotFound', 'The note does not exist.');
      this.ctx.fake.checkWritable(w.sheet);
      this.ctx.fake.record(w.sheet, w.cell, 'note.delete');
      w.sheet.notes.delete(w.cell);
    });
  }
}

class FakeCommentCollection extends Proxy {
  private _items: FakeCommentProxy[] | null = null;
  get items(): FakeCommentProxy[] {
    if (!this._items) notLoaded('items');
    return this._items;
  }
  load(props?: string): this {
    const list = propList(props).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue(() => {
      this.ctx.fake.requireApi('comments', 'comments');
      const found = this.ctx.fake.comments.map((c) => ({ c, content: c.content }));
      return () => {
        this._items = found.map(({ c, content }) => new FakeCommentProxy(this.ctx, c, list.includes('content') ? content : undefined, list.includes('id')));
      };
    });
    return this;
  }
  /** A comment by its id; a missing one fails the sync (ItemNotFound) where it is used. */
  getItem(id: string): FakeCommentProxy {
    return new FakeCommentProxy(this.ctx, () => {
      const c = this.ctx.fake.comments.find((x) => x.id === id);
      if (!c) throw new FakeOfficeError('ItemNotFound', `The comment ${id} does not exist.`);
      return c;
    });
  }
  add(cell: FakeRange | string, content: string): void {
    const fake = this.ctx.fake;
    this.ctx.enqueue(() => {
      fake.requireApi('comments', 'comments.add');
      const where = cellOf(cell, fake);
      fake.checkWritable(where.sheet);
      if (fake.commentAt(where.sheet.name, where.cell)) throw new FakeOfficeError('InvalidArgument', 'The cell already has a comment thread.');
      fake.record(where.sheet, where.cell, 'comment.add');
      fake.addComment(where.sheet.name, where.cell, content);
    });
  }
}

class FakeCommentProxy {
  private resolve: () => FakeComment;
  constructor(
    private ctx: FakeContext,
    c: FakeComment | (() => FakeComment),
    private loadedContent?: string,
    private idLoaded = false,
  ) {
    this.resolve = typeof c === 'function' ? c : () => c;
  }
  /** As loaded (items/content), not as it is now. */
  get content(): string {
    if (this.loadedContent === undefined) notLoaded('content');
    return this.loadedContent;
  }
  get id(): string {
    if (!this.idLoaded) notLoaded('id');
    return this.resolve().id;
  }
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const c = this.resolve();
      const { r, c: col } = parseA1(c.cell);
      return { sheet: this.ctx.fake.sheet(c.sheet), areas: [{ r1: r, c1: col, r2: r, c2: col }] };
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const fake = this.ctx.fake;
      const c = this.resolve();
      const i = fake.comments.indexOf(c);
      if (i < 0) throw new FakeOfficeError('ItemNotFound', 'The comment does not exist.');
      fake.record(fake.sheet(c.sheet), c.cell, 'comment.delete');
      fake.comments.splice(i, 1);
    });
  }
}

class FakeSettingCollection {
  constructor(private ctx: FakeContext) {}
  add(k: string, value: unknown): void {
    this.ctx.enqueue(() => {
      this.ctx.fake.settings.set(k, JSON.parse(JSON.stringify(value)));
    });
  }
  getItemOrNullObject(k: string): FakeSetting {
    return new FakeSetting(this.ctx, k);
  }
  getItem(k: string): FakeSetting {
    return new FakeSetting(this.ctx, k);
  }
}

class FakeSetting extends Proxy {
  constructor(
    ctx: FakeContext,
    private k: string,
  ) {
    super(ctx);
  }
  load(props?: string): this {
    void props;
    this.queueLoad(() => (this.ctx.fake.settings.has(this.k) ? { isNullObject: false, value: this.ctx.fake.settings.get(this.k) } : { isNullObject: true }));
    return this;
  }
  get value(): unknown {
    return this.read<unknown>('value');
  }
  delete(): void {
    this.ctx.enqueue(() => {
      if (!this.ctx.fake.settings.delete(this.k)) throw new FakeOfficeError('ItemNotFound', 'The setting does not exist.');
    });
  }
}
