// Address helpers for the Office edge: what Excel hands back (sheet-qualified
// addresses, comma-separated area lists) and what it accepts (address strings of
// bounded length, ranges of bounded size). Pure functions, no Office objects.

import { a1, areaA1, parseA1, parseArea, type Area } from '../core/grid';

/** Excel refuses a range address string longer than this. */
export const MAX_ADDRESS_LENGTH = 8192;

/** 'Sheet1!C5:L20' or "'My Sheet'!C5" -> 'C5:L20' / 'C5' (the part after the last '!'). */
export function rangePart(address: string): string {
  const i = address.lastIndexOf('!');
  return (i >= 0 ? address.slice(i + 1) : address).trim();
}

const AREA_RE = /(?:'(?:[^']|'')*'|[^,'!]*)!(\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Za-z]{1,3}\$?[0-9]{1,7})?)/g;

/**
 * The areas of a RangeAreas address as Excel writes it:
 * "Sheet1!A1:B2, Sheet1!D1:D4" or "'a, b'!A1:B2,'a, b'!C3" (sheet names may hold commas).
 * An address without sheet names ('A1:B2,C3') is accepted too.
 */
export function parseAreaList(address: string | null | undefined): Area[] {
  if (!address) return [];
  const out: Area[] = [];
  if (address.includes('!')) {
    for (const m of address.matchAll(AREA_RE)) out.push(parseArea(m[1]));
    return out;
  }
  for (const part of address.split(',')) {
    const p = part.trim();
    if (p) out.push(parseArea(p));
  }
  return out;
}

/** 'b3' / '$B$3' -> 'B3'; a range 'a1:b2' -> 'A1:B2'; null for anything else. */
export function normalizeAddress(addr: string): string | null {
  try {
    return addr.includes(':') ? areaA1(parseArea(addr)) : (() => {
      const p = parseA1(addr);
      return a1(p.r, p.c);
    })();
  } catch {
    return null;
  }
}

/**
 * Joins addresses with ',' into as few strings as possible, none longer than `max`
 * characters (an address longer than `max` on its own stays alone).
 */
export function packAddresses(addresses: string[], max = MAX_ADDRESS_LENGTH): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur === '') cur = a;
    else if (cur.length + 1 + a.length <= max) cur += ',' + a;
    else {
      out.push(cur);
      cur = a;
    }
  }
  if (cur !== '') out.push(cur);
  return out;
}

export function areaCells(a: Area): number {
  return (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1);
}

/** An area cut into blocks of whole rows, each at most `maxCells` cells (at least one row). */
export function rowBlocks(a: Area, maxCells: number): Area[] {
  const width = a.c2 - a.c1 + 1;
  const rows = Math.max(1, Math.floor(maxCells / width));
  const out: Area[] = [];
  for (let r = a.r1; r <= a.r2; r += rows) out.push({ r1: r, c1: a.c1, r2: Math.min(a.r2, r + rows - 1), c2: a.c2 });
  return out;
}

