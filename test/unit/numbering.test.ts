import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBERING, formatNumber, periodKey, periodMoveProblem, validatePattern } from '../../domain/numbering';

const nov2026 = { year: 2026, month: 11 };

describe('document numbers', () => {
  it.each([
    ['P-{#####}', 1, 'P-00001'],
    ['INV-{YYYY}-{####}', 1, 'INV-2026-0001'],
    ['INV-{YYYY}-{####}', 123, 'INV-2026-0123'],
    ['EST-{YYYY}-{####}', 9999, 'EST-2026-9999'],
    ['CN-{YYYY}{MM}-{####}', 7, 'CN-202611-0007'],
  ])('%s #%i → %s', (pattern, seq, expected) => {
    expect(formatNumber(pattern, seq, nov2026)).toBe(expected);
  });

  it('never truncates a sequence past its padding', () => {
    expect(formatNumber('INV-{YYYY}-{####}', 12345, nov2026)).toBe('INV-2026-12345');
  });

  it('refuses a sequence that is not a positive safe integer', () => {
    for (const bad of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1]) expect(() => formatNumber('P-{###}', bad, nov2026)).toThrow(RangeError);
  });

  it('restarts sequences by the smallest period in the pattern', () => {
    expect(periodKey('P-{#####}', nov2026)).toBe('all');
    expect(periodKey('INV-{YYYY}-{####}', nov2026)).toBe('2026');
    expect(periodKey('CN-{YYYY}{MM}-{####}', { year: 2026, month: 3 })).toBe('2026-03');
  });

  it('lets a numbered draft change its date only within the period its number came from', () => {
    expect(periodMoveProblem('INV-{YYYY}-{####}', 'INV-2025-0042', '2025-12-31', '2025-01-02')).toBeNull();
    expect(periodMoveProblem('INV-{YYYY}-{####}', 'INV-2025-0042', '2025-12-31', '2026-01-05')).toMatch(/INV-2025-0042 is numbered in the year of its issue date/);
    expect(periodMoveProblem('INV-{YYYY}{MM}-{####}', 'INV-202511-0001', '2026-11-30', '2026-12-01')).toMatch(/in the month/);
    expect(periodMoveProblem('INV-{#####}', 'INV-00042', '2025-12-31', '2030-06-01')).toBeNull();
  });

  it('distinct sequences give distinct numbers within a period', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (a, b) => {
      fc.pre(a !== b);
      for (const { pattern } of DEFAULT_NUMBERING) expect(formatNumber(pattern, a, nov2026)).not.toBe(formatNumber(pattern, b, nov2026));
    }));
  });

  it('validates patterns', () => {
    for (const { pattern } of DEFAULT_NUMBERING) expect(validatePattern(pattern)).toBeNull();
    expect(validatePattern('INV-{YYYY}')).toMatch(/exactly one sequence/);
    expect(validatePattern('INV-{###}-{###}')).toMatch(/exactly one sequence/);
    expect(validatePattern('INV-{DD}-{###}')).toMatch(/Unknown token/);
  });
});
