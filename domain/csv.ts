/**
 * CSV (RFC 4180): quoted fields may hold commas, quotes ("") and newlines.
 * Export is safe to open in a spreadsheet: a cell that a spreadsheet would
 * run as a formula (starting with = + - @, tab or carriage return) is
 * prefixed with ' and quoted, so `=cmd|' /C calc'!A0` arrives as text.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new SyntaxError('A quoted field is not closed.');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

// A cell a spreadsheet may read as a formula: one opening with = + - @ (or their full-width forms, which
// some spreadsheets fold), after any leading whitespace, or with a tab or line break. It gets a ' before it.
const FORMULA = /^(?:[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n])/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) || text.startsWith("'") ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Rows as objects keyed by the (trimmed, lower-cased) header. `overflowing` marks the rows with more
 * filled cells than the header has columns — most often an unquoted comma in a value, whose tail would
 * otherwise be dropped without a word.
 */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[]; overflowing: boolean[] } {
  const [header = [], ...rows] = parseCsv(text);
  const keys = header.map((h) => h.trim().toLowerCase());
  return {
    header: keys,
    records: rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? '').trim()]))),
    overflowing: rows.map((r) => r.slice(keys.length).some((cell) => cell.trim() !== '')),
  };
}
