// A .txt report: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (the encoding of a
// Chinese Windows 记事本 saving "ANSI"). One paragraph per line.

import { numberParagraphs, type RawParagraph } from './text';
import type { ReportText } from './types';

/** The text of a file's bytes, by BOM, else strict UTF-8, else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      // a runtime without GB18030: the bytes as UTF-8 with replacement characters
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

/** Lines of a text as paragraphs (line numbers 1-based, empty lines skipped but counted). */
export function readPlainText(source: string, text: string): ReportText {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const raws: RawParagraph[] = lines.map((l, i) => ({ text: l, origin: { kind: 'line', line: i + 1 } }));
  return numberParagraphs(source, raws);
}

export function readTxt(source: string, bytes: Uint8Array): ReportText {
  return readPlainText(source, decodeText(bytes));
}
