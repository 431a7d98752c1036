// The report as a Word document (report.md "The Word document"), from the same model the
// sheet renders, laid out as a Chinese official document (GB/T 9704):
// A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 22 lines of 28 characters
// (docGrid linesAndChars); title 2号 方正小标宋简体, 一、 headings 黑体, （一） headings
// 楷体_GB2312, body 3号 仿宋_GB2312, each with its fallback in the font table (altName);
// page numbers 4号 “— 1 —” at the foot, odd pages right and even pages left; tables bordered
// in 仿宋 小四; the notice of remaining errors in a bordered box on page one.
//
// The `docx` package runs in Node and in the browser; the pane loads this module only when
// the user exports (src/taskpane/exportWord.ts), so its initial JS does not grow.

import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Packer,
  HeightRule,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBordersOptions,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ReportBlock, ReportDoc, ReportTable } from './model';
import { cellText } from './model';

/** Fonts and their fallbacks (the font table's altName: a machine without the first uses the second). */
export const DOCX_FONTS = {
  title: { name: '方正小标宋简体', alt: '宋体' },
  heading1: { name: '黑体', alt: 'SimHei' },
  heading2: { name: '楷体_GB2312', alt: '楷体' },
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  pageNumber: { name: '宋体', alt: 'SimSun' },
} as const;

/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
export const DOCX_SIZES = { title: 44, body: 32, pageNumber: 28, table: 24, notice: 24 } as const;

const mm = (x: number) => Math.round((x * 1440) / 25.4);
/** A4 and the GB/T 9704 margins, in twips. */
export const DOCX_PAGE = { width: 11906, height: 16838, top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** 22 lines on the 225 mm type area: 579 twips a line; 28 characters on 156 mm: −849/4096 pt on a 16 pt character. */
export const DOCX_GRID = { linePitch: 579, charSpace: -849 };
const TEXT_WIDTH = DOCX_PAGE.width - DOCX_PAGE.left - DOCX_PAGE.right;

type FontKey = keyof typeof DOCX_FONTS;
const fontOf = (k: FontKey) => {
  const n = DOCX_FONTS[k].name;
  return { ascii: n, eastAsia: n, hAnsi: n, cs: n, hint: 'eastAsia' };
};
/** Characters XML 1.0 cannot hold (a cell may contain them): dropped. */
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** Runs of plain text (never a field or formula); a line break in the text is a line break in Word. */
function runs(t: string, k: FontKey, size: number, bold = false): TextRun[] {
  // only 3号 text keeps to the character grid; a smaller or larger size would be spread over whole grid cells
  const grid = size === DOCX_SIZES.body ? {} : { snapToGrid: false };
  return t
    .replace(XML_ILLEGAL, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, font: fontOf(k), size, bold, ...grid, ...(i > 0 ? { break: 1 } : {}) }));
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BOX: IBordersOptions = { top: { ...LINE, space: 4 }, bottom: { ...LINE, space: 4 }, left: { ...LINE, space: 4 }, right: { ...LINE, space: 4 } };

function paragraphs(b: Exclude<ReportBlock, ReportTable>): Paragraph[] {
  switch (b.type) {
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 579, line: 579, lineRule: LineRuleType.EXACT }, children: runs(b.text, 'title', DOCX_SIZES.title) })];
    case 'notice':
      return [b.text, ...b.items].map(
        (t, i) => new Paragraph({ border: BOX, keepNext: true, spacing: { line: 360, lineRule: LineRuleType.EXACT }, children: runs(t, i === 0 ? 'heading1' : 'body', DOCX_SIZES.notice) }),
      );
    case 'heading': {
      const k: FontKey = b.level === 1 ? 'heading1' : b.level === 2 ? 'heading2' : 'body';
      return [new Paragraph({ keepNext: true, indent: { firstLine: 640 }, children: runs(b.text, k, DOCX_SIZES.body, b.level === 3) })];
    }
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 640 }, children: runs(b.text, 'body', DOCX_SIZES.body) })];
  }
}

const cellPara = (t: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: opts.align ?? AlignmentType.LEFT, spacing: { line: 320, lineRule: LineRuleType.EXACT }, children: runs(t, 'body', DOCX_SIZES.table, opts.bold) });

function table(t: ReportTable): (Paragraph | Table)[] {
  const total = t.widths.reduce((a, w) => a + w, 0) || 1;
  const widths = t.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const span = (j: number, n: number) => widths.slice(j, j + n).reduce((a, w) => a + w, 0);
  const head = (text: string, w: number, extra: { columnSpan?: number; rowSpan?: number } = {}) =>
    new TableCell({
      ...extra,
      width: { size: w, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      shading: { fill: 'F2F2F2' },
      children: [cellPara(text, { bold: true, align: AlignmentType.CENTER })],
    });
  const rows: TableRow[] = [];
  if (t.groups) {
    const top: TableCell[] = [];
    const second: TableCell[] = [];
    let j = 0;
    for (const g of t.groups) {
      const down = g.span === 1 && t.header[j] === g.text;
      top.push(head(g.text, span(j, g.span), down ? { rowSpan: 2 } : g.span > 1 ? { columnSpan: g.span } : {}));
      if (!down) for (let k = j; k < j + g.span; k++) second.push(head(t.header[k], widths[k]));
      j += g.span;
    }
    rows.push(new TableRow({ tableHeader: true, children: top }), new TableRow({ tableHeader: true, children: second }));
  } else rows.push(new TableRow({ tableHeader: true, children: t.header.map((h, j) => head(h, widths[j])) }));
  for (const r of t.rows) {
    rows.push(
      new TableRow({
        cantSplit: true,
        ...(t.signing ? { height: { value: mm(12), rule: HeightRule.ATLEAST } } : {}),
        children: r.map(
          (c, j) =>
            new TableCell({
              width: { size: widths[j] ?? 0, type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              children: [cellPara(cellText(c), { align: c.type === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT })],
            }),
        ),
      }),
    );
  }
  const all = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const out: (Paragraph | Table)[] = [];
  if (t.caption) out.push(new Paragraph({ keepNext: true, indent: { firstLine: 640 }, children: runs(t.caption, 'body', DOCX_SIZES.body, true) }));
  out.push(
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: span(0, widths.length), type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: all, bottom: all, left: all, right: all, insideHorizontal: all, insideVertical: all },
      rows,
    }),
  );
  // a table is followed by an empty line, so that two tables never join
  out.push(new Paragraph({ children: [] }));
  return out;
}

function pageFooter(align: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  const k: FontKey = 'pageNumber';
  const size = DOCX_SIZES.pageNumber;
  const children: ParagraphChild[] = [
    new TextRun({ text: '— ', font: fontOf(k), size, snapToGrid: false }),
    new TextRun({ children: [PageNumber.CURRENT], font: fontOf(k), size, snapToGrid: false }),
    new TextRun({ text: ' —', font: fontOf(k), size, snapToGrid: false }),
  ];
  // 空一字: one character in from the edge
  return new Footer({ children: [new Paragraph({ alignment: align, indent: align === AlignmentType.RIGHT ? { right: 280 } : { left: 280 }, children })] });
}

/** The font table, with the fallback of each font. */
export function fontTableXml(): string {
  const fonts = Object.values(DOCX_FONTS)
    .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    fonts +
    '</w:fonts>'
  );
}

export function docxDocument(doc: ReportDoc): Document {
  const children: (Paragraph | Table)[] = [];
  for (const b of doc.blocks) children.push(...(b.type === 'table' ? table(b) : paragraphs(b)));
  return new Document({
    title: doc.title,
    creator: 'selfeval',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: fontOf('body'), size: DOCX_SIZES.body }, paragraph: { spacing: { line: 240 } } },
      },
      // the character grid is measured on the Normal style's size: 3号
      paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: { font: fontOf('body'), size: DOCX_SIZES.body } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height },
            margin: { top: DOCX_PAGE.top, bottom: DOCX_PAGE.bottom, left: DOCX_PAGE.left, right: DOCX_PAGE.right, footer: mm(28) - 283, header: mm(15) },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: DOCX_GRID.linePitch, charSpace: DOCX_GRID.charSpace },
        },
        footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
        children,
      },
    ],
  });
}

/**
 * Paragraphs set at an exact line height (table cells, the notice, the title) do not snap to
 * the character grid, so text smaller or larger than 3号 is not spread over whole grid cells.
 * (`docx` writes the run-level switch only; the paragraph-level one is added here.)
 */
export function unsnapExactParagraphs(xml: string): string {
  return xml.replace(/<w:spacing (?=[^>]*w:lineRule="exact")/g, '<w:snapToGrid w:val="0"/><w:spacing ');
}

/** The .docx file of a report, as bytes (in Node and in the browser). */
export async function docxBytes(doc: ReportDoc): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(docxDocument(doc), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  const files = unzipSync(new Uint8Array(buf));
  const main = 'word/document.xml';
  if (files[main]) files[main] = strToU8(unsnapExactParagraphs(strFromU8(files[main])));
  return zipSync(files);
}
