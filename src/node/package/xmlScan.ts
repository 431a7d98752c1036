// A positional XML scan for surgical edits: saxes parses, and each tag is reported with where it
// starts and ends in the text, so a caller can splice new elements in and leave every other
// character where it was. New XML is built as strings, with the escapes below.

import { SaxesParser } from 'saxes';

export interface OpenTag {
  /** The qualified name, as written (`x:c`, `c`). */
  name: string;
  /** The name without its prefix. */
  local: string;
  attrs: Record<string, string>;
  /** Offset of `<`. */
  start: number;
  /** Offset just after `>`. */
  end: number;
  selfClosing: boolean;
  /** 0 for the root element. */
  depth: number;
}

export interface CloseTag {
  name: string;
  local: string;
  /** Offset of `</`, or of `<` of a self-closing tag. */
  start: number;
  /** Offset just after `>`. */
  end: number;
  depth: number;
  selfClosing: boolean;
}

export interface ScanVisitor {
  open?(tag: OpenTag): void;
  close?(tag: CloseTag): void;
  text?(text: string, depth: number): void;
}

function localOf(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}

/**
 * Scans a whole XML document; throws on malformed XML or a DOCTYPE (none of the parts selfeval
 * edits may carry one).
 */
export function scanXml(xml: string, visitor: ScanVisitor): void {
  const parser = new SaxesParser({ position: true });
  let depth = 0;
  const starts: number[] = [];
  parser.on('doctype', () => {
    throw new Error('DOCTYPE in a package part');
  });
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (node) => {
    const end = parser.position;
    const start = xml.lastIndexOf('<', end - 1);
    // Without namespace processing, saxes gives attribute values as plain strings.
    const attrs = node.attributes as Record<string, string>;
    starts.push(start);
    visitor.open?.({ name: node.name, local: localOf(node.name), attrs, start, end, selfClosing: node.isSelfClosing, depth });
    depth++;
  });
  parser.on('closetag', (node) => {
    depth--;
    const end = parser.position;
    const openStart = starts.pop() ?? 0;
    const start = node.isSelfClosing ? openStart : xml.lastIndexOf('<', end - 1);
    visitor.close?.({ name: node.name, local: localOf(node.name), start, end, depth, selfClosing: node.isSelfClosing });
  });
  if (visitor.text) {
    const onText = visitor.text;
    parser.on('text', (t) => onText(t, depth));
  }
  parser.write(xml).close();
}

/** One element's place in the text: its start tag, and where its content ends. */
export interface Span {
  name: string;
  attrs: Record<string, string>;
  start: number;
  /** Just after the start tag. */
  openEnd: number;
  /** Offset of the end tag (= openEnd for a self-closing element). */
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

/** The root's children (by local name, in order) and the root itself. */
export function topLevel(xml: string): { root: Span; children: Span[] } {
  let root: Span | undefined;
  const children: Span[] = [];
  const open: Span[] = [];
  scanXml(xml, {
    open(t) {
      if (t.depth > 1) return;
      const s: Span = { name: t.local, attrs: t.attrs, start: t.start, openEnd: t.end, closeStart: t.end, end: t.end, selfClosing: t.selfClosing };
      if (t.depth === 0) root = s;
      else children.push(s);
      open.push(s);
    },
    close(t) {
      if (t.depth > 1) return;
      const s = open.pop();
      if (!s) return;
      s.closeStart = t.selfClosing ? s.openEnd : t.start;
      s.end = t.end;
    },
  });
  if (!root) throw new Error('empty XML part');
  return { root, children };
}

// ---------------------------------------------------------------------------
// Building new XML

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text or an attribute value. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);
}

/**
 * Text for a spreadsheet string (ST_Xstring): characters XML 1.0 cannot carry are written as
 * `_xHHHH_`, and a literal `_xHHHH_` in the text is protected as `_x005F_xHHHH_`, as Excel does.
 * A carriage return is escaped too (XML would read it as a line feed). Lone surrogates become U+FFFD.
 */
export function escapeXstring(s: string): string {
  const protectedText = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  // eslint-disable-next-line no-control-regex
  const encoded = protectedText.replace(/[\u0000-\u0008\u000B-\u000D\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeXml(encoded.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** Sets (or adds) one attribute in a start tag's text; the rest of the tag is left as written. */
export function setAttr(tagText: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tagText)) return tagText.replace(re, `$1"${escapeXml(value)}"`);
  const end = /\s*\/?>$/.exec(tagText);
  const at = end ? end.index : tagText.length;
  return `${tagText.slice(0, at)} ${name}="${escapeXml(value)}"${tagText.slice(at)}`;
}

/** Splices: each edit replaces [from, to) of the text; edits may not overlap. */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

export function applyEdits(xml: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.from < at) throw new Error('overlapping XML edits');
    out += xml.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + xml.slice(at);
}

/**
 * Where a new child goes so the root's children stay in schema order: before the first existing
 * child that the order puts after it, else before the root's end tag.
 */
export function insertionPoint(root: Span, children: Span[], order: string[], name: string): number {
  const rank = order.indexOf(name);
  for (const c of children) {
    const r = order.indexOf(c.name);
    if (r > rank) return c.start;
  }
  return root.closeStart;
}

/** Gives unprefixed element names in new XML the prefix ('x:') of the part they go into. */
export function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)(?![\w.-]*:)(?=[a-zA-Z])/g, `<$1${prefix}`) : xml;
}

/** 'x:' for `x:styleSheet`, '' for `styleSheet`. */
export function prefixOfName(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(0, i + 1) : '';
}
