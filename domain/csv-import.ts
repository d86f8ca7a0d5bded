/**
 * Reading people's spreadsheets: names matched to records without regard to
 * case or spacing, and yes/no and choice cells in the spellings people use.
 */

const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The one item whose name matches, or why not: none does, or several do (then the cell must say which). */
export function matchByName<T>(items: readonly T[], name: string, nameOf: (item: T) => string): { item: T } | { problem: 'none' | 'ambiguous' } {
  const wanted = key(name);
  const found = items.filter((i) => key(nameOf(i)) === wanted);
  if (found.length === 1) return { item: found[0]! };
  return { problem: found.length ? 'ambiguous' : 'none' };
}

/** "yes"/"no", "true"/"false", "y"/"n", "1"/"0"; undefined for an empty cell, null for anything else. */
export function parseYesNo(text: string): boolean | undefined | null {
  const t = key(text);
  if (!t) return undefined;
  if (['yes', 'y', 'true', '1'].includes(t)) return true;
  if (['no', 'n', 'false', '0'].includes(t)) return false;
  return null;
}

/** "Flat fee", "flat-fee", "FLAT_FEE" → "flat_fee": enum cells in the spellings people type. */
export function choiceKey(text: string): string {
  return key(text).replace(/[\s-]+/g, '_');
}

/** Problems keyed by API field → keyed by the CSV column that holds it, so people fix the right cell. */
export function byColumn(errors: Record<string, string>, columnOf: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) out[columnOf[field] ?? columnOf[field.split('.')[0]!] ?? field] ??= message;
  return out;
}
