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
  it('gives back what it exported: the quote put before a would-be formula comes off again', () => {
    const text = toCsv(['name', 'phone', 'notes'], [['Acme', '+1 555 0100', '- first call'], ["O'Brien", "'quoted'", '=SUM(1,2)']]);
    expect(csvRecords(text).records).toEqual([
      { name: 'Acme', phone: '+1 555 0100', notes: '- first call' },
      { name: "O'Brien", phone: "'quoted'", notes: '=SUM(1,2)' },
    ]);
  });
  it('numbers each record by the line of the file it starts on, past blank lines and quoted line breaks', () => {
    expect(csvRecords('name\n\nA\n"multi\nline"\r\nB\n').lines).toEqual([3, 4, 6]);
  });
  it('refuses a column named twice, and marks a value no column name covers', () => {
    expect(() => csvRecords('name,notes,Notes\nA,first,\n')).toThrow(/"notes" is named twice/);
    const r = csvRecords('name,,email\nA,lost,a@b.c\nB,,b@b.c\nC,,c@b.c,extra\n');
    expect(r.records[0]).toEqual({ name: 'A', email: 'a@b.c' });
    expect(r.stray).toEqual([true, false, true]);
  });
});
