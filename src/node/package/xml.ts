// One XML part, streamed from the zip through saxes (a well-kept streaming parser, the one
// ExcelJS uses): no hand-written tokenizer. A DOCTYPE is refused outright, so no entity can be
// declared, expanded or fetched; an undefined entity is a parse error like any other.

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { SelfevalError } from '../../core/engine';
import { LIMITS, overLimit } from './limits';
import type { ZipPackage } from './zip';

export type Attrs = Record<string, string>;

export interface XmlHandler {
  /** An element opens: its local name (prefix dropped) and attributes (qualified names as written). */
  open(name: string, attrs: Attrs): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** The part is not well-formed XML (a sheet with this becomes unreadable; elsewhere the file is corrupt). */
export class XmlError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by local name: `r:id` is found as 'id' (first match), a plain name directly. */
export function attrLocal(attrs: Attrs, name: string): string | undefined {
  const v = attrs[name];
  if (v !== undefined) return v;
  for (const k of Object.keys(attrs)) if (localName(k) === name) return attrs[k];
  return undefined;
}

export function doctypeRefused(file: string, part: string): SelfevalError {
  return new SelfevalError(`文件含有 DTD 声明（DOCTYPE，部件“${part}”），可能借此展开实体或读取外部内容，selfeval 不读取此文件（${file}）`);
}

/** Parses one part of the package with `h`. Throws XmlError for malformed XML, SelfevalError for a DOCTYPE or a limit. */
export async function parsePart(zip: ZipPackage, part: string, h: XmlHandler): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let stop: Error | undefined;
  // Bytes fed since the parser last reported anything: a run without a tag, held whole by the parser.
  let run = 0;
  parser.on('doctype', () => {
    stop = stop ?? doctypeRefused(zip.file, part);
  });
  parser.on('error', (e: Error) => {
    stop = stop ?? new XmlError(part, e.message);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    run = 0;
    if (!stop) h.open(localName(tag.name), tag.attributes as Attrs);
  });
  if (h.text) {
    const text = h.text.bind(h);
    parser.on('text', (t: string) => {
      if (!stop) text(t);
    });
  }
  const close = h.close?.bind(h);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    run = 0;
    if (!stop && close) close(localName(tag.name));
  });
  const decoder = new TextDecoder('utf-8');
  await zip.stream(part, (chunk) => {
    if (stop) throw stop;
    run += chunk.length;
    if (run > LIMITS.xmlRun.value) throw overLimit('xmlRun', zip.file, `部件“${part}”中一段没有标签的连续内容`);
    parser.write(decoder.decode(chunk, { stream: true }));
    if (stop) throw stop;
  });
  if (stop) throw stop;
  parser.write(decoder.decode());
  parser.close();
  if (stop) throw stop;
}
