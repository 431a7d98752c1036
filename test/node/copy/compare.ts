// The exactness property of the checked copy: every part the copy does not change is the same
// bytes; a changed part differs from the original only by added elements (compared as XML).

import { SaxesParser } from 'saxes';
import { strFromU8 } from 'fflate';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

export function parseTree(xml: string): XNode {
  const parser = new SaxesParser();
  const root: XNode = { name: '#doc', attrs: {}, children: [], text: '' };
  const stack: XNode[] = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (n) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(n.attributes as Record<string, unknown>)) attrs[k] = typeof v === 'string' ? v : String((v as { value: string }).value);
    const node: XNode = { name: n.name, attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.write(xml).close();
  return root.children[0];
}

/** Attributes a copy may change on an element it keeps: counts, a cell's style, a row's span hint, a note text's space handling. */
const MAY_CHANGE: Record<string, string[]> = { c: ['s'], row: ['spans'], t: ['xml:space'] };

function local(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function attrsKept(a: XNode, b: XNode): string | undefined {
  const free = [...(MAY_CHANGE[local(a.name)] ?? []), 'count'];
  for (const [k, v] of Object.entries(a.attrs)) {
    if (free.includes(k)) continue;
    if (b.attrs[k] !== v) return `attribute ${k}="${v}" became ${JSON.stringify(b.attrs[k])}`;
  }
  return undefined;
}

/**
 * Undefined when `copy` holds every element of `orig` in order (with its attributes and text;
 * text may be extended), with only added elements between; else where it first differs.
 */
export function onlyAdded(orig: XNode, copy: XNode, at = ''): string | undefined {
  const here = `${at}/${orig.name}`;
  if (orig.name !== copy.name) return `${here}: became ${copy.name}`;
  const attr = attrsKept(orig, copy);
  if (attr) return `${here}: ${attr}`;
  if (!copy.text.startsWith(orig.text)) return `${here}: text changed`;
  let j = 0;
  for (const child of orig.children) {
    let found: string | undefined = `${here}: lost <${child.name}>`;
    while (j < copy.children.length) {
      const cand = copy.children[j++];
      if (cand.name !== child.name || attrsKept(child, cand)) continue;
      found = onlyAdded(child, cand, here);
      break;
    }
    if (found) return found;
  }
  return undefined;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface ExactReport {
  same: string[];
  changed: string[];
  added: string[];
  problems: string[];
}

/** Compares the parts of an original and its copy. */
export function compareCopy(orig: Record<string, Uint8Array>, copy: Record<string, Uint8Array>): ExactReport {
  const report: ExactReport = { same: [], changed: [], added: [], problems: [] };
  for (const [name, bytes] of Object.entries(orig)) {
    const other = copy[name];
    if (!other) {
      report.problems.push(`${name}: missing from the copy`);
      continue;
    }
    if (equalBytes(bytes, other)) {
      report.same.push(name);
      continue;
    }
    report.changed.push(name);
    const a = strFromU8(bytes);
    const b = strFromU8(other);
    if (name.toLowerCase().endsWith('.vml')) {
      // VML is not always well-formed: shapes are added before the last end tag.
      const end = a.lastIndexOf('</xml>');
      if (!b.startsWith(a.slice(0, end)) || !b.endsWith(a.slice(end))) report.problems.push(`${name}: VML changed other than by added shapes`);
      continue;
    }
    if (!/\.(xml|rels)$/i.test(name)) {
      report.problems.push(`${name}: a binary part changed`);
      continue;
    }
    const diff = onlyAdded(parseTree(a), parseTree(b));
    if (diff) report.problems.push(`${name}: ${diff}`);
  }
  for (const name of Object.keys(copy)) if (!(name in orig)) report.added.push(name);
  return report;
}
