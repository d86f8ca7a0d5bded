/**
 * CSV (RFC 4180): quoted fields may hold commas, quotes ("") and newlines.
 * Export is safe to open in a spreadsheet: a cell that a spreadsheet would
 * run as a formula (starting with = + - @, tab or carriage return) is
 * prefixed with ' and quoted, so `=cmd|' /C calc'!A0` arrives as text.
 */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((r) => r.cells);
}

/** Rows with the line of the file each starts on (blank rows left out; a quoted newline is a line). */
export function parseCsvRows(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else {
        field += ch;
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push({ cells: row, line: rowLine });
      row = [];
      field = '';
      rowLine = ++line;
    } else field += ch;
  }
  if (quoted) throw new SyntaxError('A quoted field is not closed.');
  if (field !== '' || row.length) { row.push(field); rows.push({ cells: row, line: rowLine }); }
  return rows.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
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

/** A cell as written by csvCell: the ' put before a would-be formula is taken off again on the way back in. */
export function csvValue(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Rows as objects keyed by the (trimmed, lower-cased) header, with the line of the file each starts
 * on. `stray` marks the rows with a filled cell no column name covers — past the header's last
 * column, or under a blank name: most often an unquoted comma in a value, whose tail would otherwise
 * be dropped without a word. A column named twice is refused (one would overwrite the other).
 */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[]; lines: number[]; stray: boolean[] } {
  const [head, ...rows] = parseCsvRows(text);
  const keys = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  const twice = keys.find((k, i) => k && keys.indexOf(k) !== i);
  if (twice) throw new SyntaxError(`The column "${twice}" is named twice in the first row.`);
  return {
    header: keys,
    records: rows.map((r) => Object.fromEntries(keys.flatMap((k, i) => (k ? [[k, csvValue((r.cells[i] ?? '').trim())]] : [])))),
    lines: rows.map((r) => r.line),
    stray: rows.map((r) => r.cells.some((cell, i) => (i >= keys.length || !keys[i]) && cell.trim() !== '')),
  };
}
