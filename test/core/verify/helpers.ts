// Shared helpers of the verify tests: the sample's evaluation, the seed report, texts from lines,
// and a .docx of a report model written with the docx library (as a Word export of it reads).

import * as fs from 'fs';
import * as path from 'path';
import { Document, HeadingLevel, Packer, Paragraph as DocxParagraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { evaluate, type Evaluation } from '../../../src/core/engine';
import { sampleGrid } from '../../../src/core/sample';
import type { ReportDoc, RuleId } from '../../../src/core/types';
import { cellString, type TableLike } from '../../../src/core/verify/model';
import { readPlainText } from '../../../src/core/verify/txt';
import type { ReportText, TextFinding } from '../../../src/core/verify/types';

export const SEED_FILE = path.join(__dirname, '../../../../shared/seeds/000_50e8c8de5d4f23be.txt');

export function seedBytes(): Uint8Array {
  return new Uint8Array(fs.readFileSync(SEED_FILE));
}

let cached: Evaluation | undefined;
/** The sample workbook (assets/sample.xlsx is written from the same model) evaluated. */
export function sampleEvaluation(): Evaluation {
  cached ??= evaluate(sampleGrid());
  return cached;
}

export function textOf(...lines: string[]): ReportText {
  return readPlainText('test.txt', lines.join('\n'));
}

export const ofRule = (fs: TextFinding[], rule: RuleId) => fs.filter((f) => f.rule === rule);
export const serious = (fs: TextFinding[]) => fs.filter((f) => f.severity !== 'info');

/** A .docx of a report model: headings as Word headings, paragraphs, tables as w:tbl. */
export async function docxOfReport(doc: ReportDoc): Promise<Uint8Array> {
  const children: (DocxParagraph | Table)[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'table') {
      const t = b as unknown as TableLike;
      if (t.caption) children.push(new DocxParagraph({ children: [new TextRun(t.caption)] }));
      const rows = [...(t.groups ? [t.groups.map((g) => g.text)] : []), t.header, ...t.rows].map(
        (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new DocxParagraph({ children: [new TextRun(cellString(c))] })] })) }),
      );
      children.push(new Table({ rows }));
    } else if (b.type === 'notice') {
      children.push(new DocxParagraph({ children: [new TextRun(b.text)] }));
      for (const it of b.items) children.push(new DocxParagraph({ children: [new TextRun(it)] }));
    } else if (b.type === 'heading') {
      const heading = b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
      children.push(new DocxParagraph({ heading, children: [new TextRun(b.text)] }));
    } else {
      // a paragraph in two runs, as Word splits text
      const half = Math.floor(b.text.length / 2);
      children.push(new DocxParagraph({ heading: b.type === 'title' ? HeadingLevel.TITLE : undefined, children: [new TextRun(b.text.slice(0, half)), new TextRun(b.text.slice(half))] }));
    }
  }
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
