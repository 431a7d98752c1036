// Notes for the copy: the comments part of a sheet (the user's notes kept, ours appended, a note
// already on a marked cell extended) and its legacy VML drawing (one hidden note shape per new
// note). Threaded comments are separate parts and are left as they are.

import { a1 } from '../../core/grid';
import { NOTE_PREFIX, combineNote } from '../../core/marks';
import { applyEdits, escapeXml, escapeXstring, prefixOfName, scanXml, setAttr, topLevel, withPrefix } from './xmlScan';
import type { Edit, Span } from './xmlScan';
import { NS, XML_DECL, rootName } from './opc';

export const NOTE_AUTHOR = '绩效自评助手';

export interface NoteToWrite {
  r: number;
  c: number;
  text: string;
}

interface CommentSeen {
  ref: string;
  text: Span;
  /** The last text element of the note's own text (a plain `t`, or the `t` of its last run). */
  lastT?: Span;
  content: string;
}

interface CommentsFacts {
  root: Span;
  authors?: Span;
  authorNames: string[];
  list?: Span;
  comments: Map<string, CommentSeen>;
}

function span(t: { name: string; attrs: Record<string, string>; start: number; end: number; selfClosing: boolean }): Span {
  return { name: t.name, attrs: t.attrs, start: t.start, openEnd: t.end, closeStart: t.end, end: t.end, selfClosing: t.selfClosing };
}

function commentsFacts(xml: string): CommentsFacts {
  const { root, children } = topLevel(xml);
  const facts: CommentsFacts = { root, authors: children.find((c) => c.name === 'authors'), list: children.find((c) => c.name === 'commentList'), authorNames: [], comments: new Map() };
  let current: CommentSeen | undefined;
  let inAuthor = false;
  let author = '';
  let inT = false;
  let inRun = false;
  scanXml(xml, {
    open(t) {
      if (t.depth === 2 && t.local === 'author') {
        inAuthor = true;
        author = '';
      }
      if (t.depth === 2 && t.local === 'comment' && t.attrs.ref) current = { ref: t.attrs.ref.toUpperCase(), text: span(t), content: '' };
      if (!current) return;
      if (t.depth === 3 && t.local === 'text') current.text = span(t);
      if (t.depth === 4) inRun = t.local === 'r';
      if (t.local === 't' && (t.depth === 4 || (t.depth === 5 && inRun))) {
        current.lastT = span(t);
        inT = true;
      }
    },
    text(s) {
      if (inAuthor) author += s;
      if (inT && current) current.content += s;
    },
    close(t) {
      if (t.depth === 2 && t.local === 'author') {
        inAuthor = false;
        facts.authorNames.push(author);
      }
      if (current && inT && t.local === 't' && current.lastT) {
        current.lastT.closeStart = t.selfClosing ? current.lastT.openEnd : t.start;
        current.lastT.end = t.end;
      }
      if (t.local === 't') inT = false;
      if (t.depth === 4) inRun = false;
      if (current && t.depth === 3 && t.local === 'text') {
        current.text.closeStart = t.selfClosing ? current.text.openEnd : t.start;
        current.text.end = t.end;
      }
      if (current && t.depth === 2 && t.local === 'comment') {
        facts.comments.set(current.ref, current);
        current = undefined;
      }
    },
  });
  return facts;
}

/** A run of our text: no run properties, so the note shows in the sheet's note font. */
function ourRun(text: string): string {
  return `<r><t xml:space="preserve">${escapeXstring(text)}</t></r>`;
}

/** Edits that put our note on a cell that already has one: ours continues its last text. */
function extendComment(xml: string, seen: CommentSeen, ours: string): Edit[] {
  const text = seen.text;
  const last = seen.lastT;
  if (seen.content.includes(NOTE_PREFIX) || text.selfClosing || !last) {
    // Our own older note (a checked copy checked again), or a note without text: rewritten whole.
    const open = xml.slice(text.start, text.openEnd).replace(/\s*\/>$/, '>');
    return [{ from: text.start, to: text.end, text: `${open}${withPrefix(ourRun(combineNote(seen.content, ours)), prefixOfName(text.name))}</${text.name}>` }];
  }
  const added = escapeXstring(`${seen.content.trim() === '' ? '' : '\n\n'}${ours}`);
  if (last.selfClosing) {
    const open = setAttr(xml.slice(last.start, last.end).replace(/\s*\/>$/, '>'), 'xml:space', 'preserve');
    return [{ from: last.start, to: last.end, text: `${open}${added}</${last.name}>` }];
  }
  return [
    { from: last.start, to: last.openEnd, text: setAttr(xml.slice(last.start, last.openEnd), 'xml:space', 'preserve') },
    { from: last.closeStart, to: last.closeStart, text: added },
  ];
}

export interface CommentsResult {
  xml: string;
  /** Notes on cells that had none: each needs a VML shape. */
  added: NoteToWrite[];
}

/** The comments part with our notes; `xml` undefined makes a new part. */
export function writeComments(xml: string | undefined, notes: NoteToWrite[]): CommentsResult {
  if (xml === undefined) {
    const body = notes.map((n) => `<comment ref="${a1(n.r, n.c)}" authorId="0"><text>${ourRun(n.text)}</text></comment>`).join('');
    return {
      xml: `${XML_DECL}<comments xmlns="${NS.main}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${body}</commentList></comments>`,
      added: notes,
    };
  }
  const facts = commentsFacts(xml);
  const prefix = prefixOfName(rootName(xml, facts.root.start));
  const edits: Edit[] = [];
  const added: NoteToWrite[] = [];
  let authorId = facts.authorNames.indexOf(NOTE_AUTHOR);
  let fresh = '';
  for (const n of notes) {
    const seen = facts.comments.get(a1(n.r, n.c));
    if (seen) {
      edits.push(...extendComment(xml, seen, n.text));
      continue;
    }
    if (authorId < 0) {
      authorId = facts.authorNames.length;
      const author = withPrefix(`<author>${escapeXml(NOTE_AUTHOR)}</author>`, prefix);
      if (facts.authors && !facts.authors.selfClosing) edits.push({ from: facts.authors.closeStart, to: facts.authors.closeStart, text: author });
      else if (facts.authors) edits.push({ from: facts.authors.start, to: facts.authors.end, text: withPrefix(`<authors>`, prefix) + author + withPrefix('</authors>', prefix) });
      else edits.push({ from: facts.root.openEnd, to: facts.root.openEnd, text: withPrefix(`<authors><author>${escapeXml(NOTE_AUTHOR)}</author></authors>`, prefix) });
    }
    fresh += withPrefix(`<comment ref="${a1(n.r, n.c)}" authorId="${authorId}"><text>${ourRun(n.text)}</text></comment>`, prefix);
    added.push(n);
  }
  if (fresh) {
    const list = facts.list;
    if (list && !list.selfClosing) edits.push({ from: list.closeStart, to: list.closeStart, text: fresh });
    else if (list) edits.push({ from: list.start, to: list.end, text: withPrefix('<commentList>', prefix) + fresh + withPrefix('</commentList>', prefix) });
    else edits.push({ from: facts.root.closeStart, to: facts.root.closeStart, text: withPrefix('<commentList>', prefix) + fresh + withPrefix('</commentList>', prefix) });
  }
  return { xml: applyEdits(xml, edits), added };
}

// ---------------------------------------------------------------------------
// VML

const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function noteShape(id: number, n: NoteToWrite, standalone: boolean): string {
  const anchor = `${n.c + 1}, 15, ${Math.max(n.r - 1, 0)}, 10, ${n.c + 5}, 15, ${n.r + 8}, 4`;
  return (
    `<v:shape ${standalone ? '' : VML_NS + ' '}id="_x0000_s${id}" type="#_x0000_t202" ` +
    'style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:120pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">' +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${n.r}</x:Row><x:Column>${n.c}</x:Column></x:ClientData></v:shape>`
  );
}

/** The largest VML shape number in the given parts (`_x0000_s1025` → 1025). */
export function maxShapeId(vmlTexts: string[]): number {
  let max = 1024;
  for (const t of vmlTexts) for (const m of t.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/**
 * The VML drawing with a note shape per added note. An existing drawing (VML is not always
 * well-formed XML) gets the shapes before its last end tag, with the shape type when it lacks it.
 */
export function writeVml(existing: string | undefined, added: NoteToWrite[], firstId: number): string {
  const shapes = (standalone: boolean) => added.map((n, i) => noteShape(firstId + i, n, standalone)).join('');
  if (existing === undefined) {
    const idmap = Math.floor(firstId / 1024);
    return (
      `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>` +
      `${SHAPETYPE}${shapes(true)}</xml>`
    );
  }
  const end = existing.lastIndexOf('</xml>');
  if (end < 0) throw new Error('VML drawing without its end tag');
  const type = /_x0000_t202|o:spt="202"/.test(existing) ? '' : SHAPETYPE.replace('<v:shapetype ', `<v:shapetype ${VML_NS} `);
  return existing.slice(0, end) + type + shapes(false) + existing.slice(end);
}
