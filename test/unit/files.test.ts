import { describe, expect, it } from 'vitest';
import { canonicalContentType, contentTypeAllowed } from '../../domain/files';

describe('file types', () => {
  it('takes the other names Windows browsers give ZIP and CSV files, and stores the standard one', () => {
    expect(contentTypeAllowed('application/x-zip-compressed')).toBe(true);
    expect(canonicalContentType('application/x-zip-compressed')).toBe('application/zip');
    expect(canonicalContentType('application/vnd.ms-excel')).toBe('text/csv');
    expect(canonicalContentType('Text/Plain; charset=utf-8')).toBe('text/plain');
  });
  it('still refuses what is not on the list', () => {
    expect(contentTypeAllowed('application/x-msdownload')).toBe(false);
    expect(contentTypeAllowed('text/html')).toBe(false);
  });
});
