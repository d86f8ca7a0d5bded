import { describe, expect, it } from 'vitest';
import { csvCell, csvRecords, parseCsv, toCsv } from '../../domain/csv';

describe('CSV', () => {
  it('parses quotes, embedded commas, quotes and newlines, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFname,notes\r\n"Acme, Inc.","said ""hi""\non two lines"\r\nBeta,\n')).toEqual([
      ['name', 'notes'], ['Acme, Inc.', 'said "hi"\non two lines'], ['Beta', ''],
    ]);
  });
  it('skips blank lines and refuses an unclosed quote', () => {
    expect(parseCsv('a\n\n\nb\n')).toEqual([['a'], ['b']]);
    expect(() => parseCsv('"open')).toThrow(SyntaxError);
  });
  it.each([['=cmd|\' /C calc\'!A0', `"'=cmd|' /C calc'!A0"`], ['+1', `"'+1"`], ['-2', `"'-2"`], ['@SUM(A1)', `"'@SUM(A1)"`], ['\tx', `"'\tx"`],
    [' =1+1', `"' =1+1"`], ['\n=1', `"'\n=1"`], ['\u3000=1', `"'\u3000=1"`], ['\uFF1D1+1', `"'\uFF1D1+1"`], ['\uFF20SUM(A1)', `"'\uFF20SUM(A1)"`]])(
    'neutralises formula cell %j', (cell, out) => expect(csvCell(cell)).toBe(out),
  );
  it('quotes only when needed and round-trips', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
    const text = toCsv(['name', 'note'], [['Acme, Inc.', 'line "one"\nline two'], ['=x', 42]]);
    expect(parseCsv(text)).toEqual([['name', 'note'], ['Acme, Inc.', 'line "one"\nline two'], ["'=x", '42']]);
  });
  it('reads records by lower-cased header', () => {
    expect(csvRecords('Name, Email\nAcme , a@x.com\n').records).toEqual([{ name: 'Acme', email: 'a@x.com' }]);
  });
});
