// Records the add-in keeps in the workbook's settings (marks, applied values, ignored findings)
// come back as a JSON string or as the parsed value; either way, each entry is an object or it
// is dropped.

/** The stored value's entries that are objects; anything malformed gives []. */
export function storedObjects(value: unknown): Record<string, unknown>[] {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(v)) return [];
  return v.filter((e): e is Record<string, unknown> => !!e && typeof e === 'object');
}
