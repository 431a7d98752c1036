// Workbook text made inert for display: control characters, bidirectional overrides and
// invisible characters are shown as visible escapes, so a cell cannot clear a terminal,
// rewrite its lines or reorder what a reviewer reads.

/** C0 and C1 controls and DEL (tab and newline too: a finding is one line), bidi controls, zero-width and BOM. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function escaped(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with every unsafe character replaced by its `\uXXXX` escape. */
export function inertText(s: string): string {
  return s.replace(UNSAFE, escaped);
}

/** Whether the text holds anything inertText would escape. */
export function hasUnsafeText(s: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(s);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * JSON whose strings carry no raw DEL, C1, bidirectional or invisible character: each is written
 * as its \\u escape (JSON.stringify already escapes the C0 controls), so the value is the same.
 */
export function inertJson(value: unknown, indent: number | undefined = 2): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, escaped);
}
