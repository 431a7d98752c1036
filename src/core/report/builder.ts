// The builder every section writer appends to: blocks with consistent numbering (一、 for
// sections, （一） for subsections, `1. ` below them, one sequence per subsection, or per
// section where it has no subsections) and the figures the text uses, each with its cell.

import type { Ref } from '../types';
import type { FigureUse, ReportBlock, ReportTable } from './model';
import { fmtRate, fmtScore, fmtWan, itemNo, roundTo, sectionNo, subsectionNo } from '../format';

export class Builder {
  readonly blocks: ReportBlock[] = [];
  readonly figures: FigureUse[] = [];
  private sec = 0;
  private sub = 0;
  private item = 0;
  private seen = new Map<string, FigureUse>();

  title(text: string): void {
    this.blocks.push({ type: 'title', text });
  }
  notice(text: string, items: string[]): void {
    this.blocks.push({ type: 'notice', text, items });
  }
  section(text: string): void {
    this.sec++;
    this.sub = 0;
    this.item = 0;
    this.blocks.push({ type: 'heading', level: 1, text: sectionNo(this.sec) + text });
  }
  subsection(text: string): void {
    this.sub++;
    this.item = 0;
    this.blocks.push({ type: 'heading', level: 2, text: subsectionNo(this.sub) + text });
  }
  /** A numbered level-3 heading: '1. 产出指标…'. */
  heading3(text: string): void {
    this.item++;
    this.blocks.push({ type: 'heading', level: 3, text: itemNo(this.item) + text });
  }
  /** A numbered item paragraph: '1. …'. */
  item3(text: string): void {
    this.item++;
    this.blocks.push({ type: 'paragraph', text: itemNo(this.item) + text });
  }
  para(text: string): void {
    if (text !== '') this.blocks.push({ type: 'paragraph', text });
  }
  table(t: Omit<ReportTable, 'type'>): void {
    this.blocks.push({ type: 'table', ...t });
  }
  /** Records a figure (once per label, cell and display) and returns its display text. */
  fig(label: string, display: string, value: number | string, ref: Ref, note?: string): string {
    const key = `${label}\u0000${ref.sheet}\u0000${ref.cell}\u0000${display}`;
    const had = this.seen.get(key);
    if (!had) {
      const f: FigureUse = { label, display, value, ref: { sheet: ref.sheet, cell: ref.cell } };
      if (note) f.note = note;
      this.seen.set(key, f);
      this.figures.push(f);
    } else if (note && !had.note) had.note = note;
    return display;
  }
  wan(label: string, value: number, ref: Ref, note?: string): string {
    return this.fig(label, fmtWan(value), roundTo(value, 2), ref, note);
  }
  rate(label: string, value: number, ref: Ref, note?: string): string {
    return this.fig(label, fmtRate(value), roundTo(value, 6), ref, note);
  }
  score(label: string, value: number, ref: Ref, note?: string): string {
    return this.fig(label, `${fmtScore(value)}分`, roundTo(value, 2), ref, note);
  }
}
