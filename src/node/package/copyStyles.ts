// styles.xml for the copy: new fills, fonts, borders, number formats and cell formats appended
// to their collections; every existing entry stays as written, so every existing index holds.

import { applyEdits, escapeXml, insertionPoint, prefixOfName, scanXml, setAttr, topLevel, withPrefix } from './xmlScan';
import type { Edit, Span } from './xmlScan';
import { XML_DECL, NS } from './opc';

/** Children of styleSheet, in schema order. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const ITEM: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' };

/** Excel's built-in number formats that a layout may name. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '@': 49,
};

/** A minimal styles part, for a package that has none. */
export const EMPTY_STYLES =
  `${XML_DECL}<styleSheet xmlns="${NS.main}"><fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export interface CellLook {
  bold?: boolean;
  fontSize?: number;
  /** '#RRGGBB' */
  color?: string;
  fill?: string;
  border?: boolean;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  format?: string;
}

function argb(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  return 'FF' + (m ? m[1].toUpperCase() : 'FFFFFF');
}

export function fillXml(hex: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

const THIN = ['left', 'right', 'top', 'bottom'].map((side) => `<${side} style="thin"><color indexed="64"/></${side}>`).join('');
const BORDER_XML = `<border>${THIN}<diagonal/></border>`;

/** The parts of font 0 a new font keeps (its face), as element texts. */
interface BaseFont {
  sz: string;
  rest: string[];
  color?: string;
}

export class StyleBook {
  private readonly xml: string;
  private readonly root: Span;
  private readonly children: Span[];
  private readonly counts: Record<string, number> = {};
  private readonly xfs: Span[] = [];
  private readonly added: Record<string, string[]> = {};
  private readonly memo = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly baseFont: BaseFont = { sz: '11', rest: [] };

  constructor(xml: string) {
    this.xml = xml;
    const { root, children } = topLevel(xml);
    this.root = root;
    this.children = children;
    this.scan();
  }

  private scan(): void {
    let parent = '';
    let inFont0 = false;
    let fonts = 0;
    scanXml(this.xml, {
      open: (t) => {
        if (t.depth === 1) parent = t.local;
        if (t.depth === 2 && ITEM[parent] === t.local) {
          this.counts[parent] = (this.counts[parent] ?? 0) + 1;
          if (parent === 'cellXfs') this.xfs.push({ name: t.local, attrs: t.attrs, start: t.start, openEnd: t.end, closeStart: t.end, end: t.end, selfClosing: t.selfClosing });
          if (parent === 'numFmts' && t.attrs.numFmtId !== undefined && t.attrs.formatCode !== undefined) {
            const id = Number(t.attrs.numFmtId);
            if (!this.formats.has(t.attrs.formatCode)) this.formats.set(t.attrs.formatCode, id);
            if (id >= this.nextFormatId) this.nextFormatId = id + 1;
          }
          if (parent === 'fonts') inFont0 = fonts++ === 0;
        }
        if (t.depth === 3 && parent === 'fonts' && inFont0) this.baseFontPart(t.local, t.attrs);
      },
      close: (t) => {
        if (t.depth === 2 && parent === 'cellXfs' && t.local === 'xf') {
          const xf = this.xfs[this.xfs.length - 1];
          xf.closeStart = t.selfClosing ? xf.openEnd : t.start;
          xf.end = t.end;
        }
        if (t.depth === 2 && parent === 'fonts') inFont0 = false;
      },
    });
  }

  private baseFontPart(name: string, attrs: Record<string, string>): void {
    const attrText = Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
    if (name === 'sz' && attrs.val) this.baseFont.sz = attrs.val;
    else if (name === 'color') this.baseFont.color = `<color${attrText}/>`;
    else if (name === 'name' || name === 'family' || name === 'charset' || name === 'scheme') this.baseFont.rest.push(`<${name}${attrText}/>`);
  }

  /** Appends an item to a collection; returns its index. */
  private add(collection: string, itemXml: string): number {
    const list = (this.added[collection] ??= []);
    list.push(itemXml);
    return (this.counts[collection] ?? 0) + list.length - 1;
  }

  private once(key: string, make: () => number): number {
    const got = this.memo.get(key);
    if (got !== undefined) return got;
    const n = make();
    this.memo.set(key, n);
    return n;
  }

  private fillId(hex: string): number {
    return this.once(`fill:${argb(hex)}`, () => this.add('fills', fillXml(hex)));
  }

  /** A cell format: cell format `s` as it is, with the fill of a mark. */
  markedXf(s: number, fill: string): number {
    return this.once(`mark:${s}:${argb(fill)}`, () => {
      const fillId = this.fillId(fill);
      const source = this.xfs[s] ?? this.xfs[0];
      if (!source) return this.add('cellXfs', `<xf numFmtId="0" fontId="0" fillId="${fillId}" borderId="0" xfId="0" applyFill="1"/>`);
      const startTag = setAttr(setAttr(this.xml.slice(source.start, source.openEnd), 'fillId', String(fillId)), 'applyFill', '1');
      return this.add('cellXfs', startTag + this.xml.slice(source.openEnd, source.end));
    });
  }

  private fontId(look: CellLook): number {
    if (!look.bold && !look.fontSize && !look.color) return 0;
    const key = `font:${look.bold ? 1 : 0}:${look.fontSize ?? ''}:${look.color ?? ''}`;
    return this.once(key, () => {
      const color = look.color ? `<color rgb="${argb(look.color)}"/>` : (this.baseFont.color ?? '');
      const sz = look.fontSize ? String(look.fontSize) : this.baseFont.sz;
      return this.add('fonts', `<font>${look.bold ? '<b/>' : ''}<sz val="${escapeXml(sz)}"/>${color}${this.baseFont.rest.join('')}</font>`);
    });
  }

  private numFmtId(code: string | undefined): number {
    if (!code) return 0;
    if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formats.set(code, id);
    (this.added.numFmts ??= []).push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** A cell format for a cell of a new sheet. */
  layoutXf(look: CellLook): number {
    const key = `look:${JSON.stringify(look)}`;
    return this.once(key, () => {
      const numFmtId = this.numFmtId(look.format);
      const fontId = this.fontId(look);
      const fillId = look.fill ? this.fillId(look.fill) : 0;
      const borderId = look.border ? this.once('border:thin', () => this.add('borders', BORDER_XML)) : 0;
      const applied = [numFmtId ? ' applyNumberFormat="1"' : '', fontId ? ' applyFont="1"' : '', fillId ? ' applyFill="1"' : '', borderId ? ' applyBorder="1"' : ''].join('');
      const alignment =
        look.wrap || look.align ? `<alignment${look.align ? ` horizontal="${look.align}"` : ''} vertical="top"${look.wrap ? ' wrapText="1"' : ''}/>` : '';
      const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
      return this.add('cellXfs', alignment ? `${head} applyAlignment="1">${alignment}</xf>` : `${head}/>`);
    });
  }

  /** The styles part with what was added; the original text when nothing was. */
  toXml(): string {
    const edits: Edit[] = [];
    for (const collection of Object.keys(this.added)) {
      const items = this.added[collection];
      if (!items.length) continue;
      const total = (this.counts[collection] ?? 0) + items.length;
      const span = this.children.find((c) => c.name === collection);
      if (!span) {
        const at = insertionPoint(this.root, this.children, ORDER, collection);
        const rootPrefix = prefixOfName(/^<([^\s/>]+)/.exec(this.xml.slice(this.root.start, this.root.openEnd))?.[1] ?? '');
        edits.push({ from: at, to: at, text: withPrefix(`<${collection} count="${total}">${items.join('')}</${collection}>`, rootPrefix) });
        continue;
      }
      const startTag = this.xml.slice(span.start, span.openEnd);
      const name = /^<([^\s/>]+)/.exec(startTag)?.[1] ?? collection;
      const body = withPrefix(items.join(''), prefixOfName(name));
      if (span.selfClosing) {
        const open = setAttr(startTag.replace(/\s*\/>$/, '>'), 'count', String(total));
        edits.push({ from: span.start, to: span.end, text: `${open}${body}</${name}>` });
      } else {
        edits.push({ from: span.start, to: span.openEnd, text: setAttr(startTag, 'count', String(total)) });
        edits.push({ from: span.closeStart, to: span.closeStart, text: body });
      }
    }
    return edits.length ? applyEdits(this.xml, edits) : this.xml;
  }
}
