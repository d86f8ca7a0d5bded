import { describe, expect, it } from 'vitest';
import { formatCents, multiplyCents, parseDollars } from '../../domain/money';
import { billedSeconds, effectiveRule, type RoundingRule } from '../../domain/rounding';
import { formatHm, overlaps, parseDuration, transitionProblem } from '../../domain/time-entries';

describe('dollars in, cents out', () => {
  it.each([
    ['125', 12500], ['125.5', 12550], ['125.50', 12550], ['$1,250.00', 125000], ['0.99', 99], ['.5', 50], [' 7 ', 700], ['1,234,567.89', 123456789],
  ])('%j → %i', (text, cents) => expect(parseDollars(text)).toBe(cents));

  it.each(['', 'abc', '1.234', '12.3.4', '-5', '1e3', '$', '1,23', '10000000000000'])('refuses %j', (text) => expect(parseDollars(text)).toBeNull());

  it('negatives only when allowed', () => expect(parseDollars('-5.25', { allowNegative: true })).toBe(-525));
  it('formats', () => {
    expect(formatCents(123456)).toBe('$1,234.56');
    expect(formatCents(-5)).toBe('-$0.05');
    expect(() => formatCents(1.5)).toThrow(RangeError);
  });
  it('multiplies by a decimal quantity half-up', () => {
    expect(multiplyCents(15000, 1500)).toBe(22500); // $150/h × 1.5 h
    expect(multiplyCents(10000, 333)).toBe(3330); // × 0.333
    expect(multiplyCents(1, 500)).toBe(1); // half a cent rounds up
    expect(multiplyCents(1, 499)).toBe(0);
  });
});

describe('billing rounding: worked examples', () => {
  const r = (incrementMinutes: 0 | 6 | 15 | 30, mode: 'up' | 'nearest'): RoundingRule => ({ incrementMinutes, mode });
  const hm = (h: number, m: number, s = 0) => h * 3600 + m * 60 + s;
  it.each([
    // raw,            rule,                billed
    [hm(0, 7), r(0, 'up'), hm(0, 7)],
    [hm(0, 7), r(6, 'up'), hm(0, 12)],
    [hm(0, 7), r(6, 'nearest'), hm(0, 6)],
    [hm(0, 9), r(6, 'nearest'), hm(0, 12)], // 3 min is half of 6: rounds up
    [hm(0, 8, 59), r(6, 'nearest'), hm(0, 6)],
    [hm(1, 1), r(15, 'up'), hm(1, 15)],
    [hm(1, 7, 29), r(15, 'nearest'), hm(1, 0)],
    [hm(1, 7, 30), r(15, 'nearest'), hm(1, 15)],
    [hm(1, 15), r(15, 'up'), hm(1, 15)], // exact: unchanged
    [hm(0, 1), r(30, 'up'), hm(0, 30)],
    [hm(0, 14), r(30, 'nearest'), hm(0, 0)],
    [hm(0, 15), r(30, 'nearest'), hm(0, 30)],
    [0, r(15, 'up'), 0],
  ])('%i s with %o → %i s', (raw, rule, billed) => expect(billedSeconds(raw, rule)).toBe(billed));

  it('never edits the raw time it is given', () => {
    const entry = Object.freeze({ durationSeconds: hm(1, 7) });
    const billed = billedSeconds(entry.durationSeconds, r(15, 'up'));
    expect(billed).toBe(hm(1, 15));
    expect(entry.durationSeconds).toBe(hm(1, 7));
  });

  it('up never bills less, nearest is within half an increment, both land on increments', () => {
    for (const inc of [6, 15, 30] as const) {
      for (let s = 0; s < 3 * 3600; s += 37) {
        const up = billedSeconds(s, r(inc, 'up'));
        const near = billedSeconds(s, r(inc, 'nearest'));
        expect(up).toBeGreaterThanOrEqual(s);
        expect(Math.abs(near - s)).toBeLessThanOrEqual(inc * 30);
        expect(up % (inc * 60)).toBe(0);
        expect(near % (inc * 60)).toBe(0);
      }
    }
  });

  it('project overrides client overrides company', () => {
    const company = r(15, 'up');
    expect(effectiveRule(company)).toEqual(company);
    // An override of one part inherits the other: a project that sets 15 minutes rounds the way its company does.
    expect(effectiveRule(r(6, 'nearest'), null, { incrementMinutes: 15 })).toEqual(r(15, 'nearest'));
    expect(effectiveRule(r(15, 'up'), { mode: 'nearest' })).toEqual(r(15, 'nearest'));
    expect(effectiveRule(r(15, 'up'), { incrementMinutes: 6 }, { mode: 'nearest' })).toEqual(r(6, 'nearest'));
    expect(effectiveRule(company, r(6, 'up'))).toEqual(r(6, 'up'));
    expect(effectiveRule(company, r(6, 'up'), r(30, 'nearest'))).toEqual(r(30, 'nearest'));
  });

  it('refuses negative or fractional seconds', () => {
    expect(() => billedSeconds(-1, r(6, 'up'))).toThrow(RangeError);
    expect(() => billedSeconds(1.5, r(6, 'up'))).toThrow(RangeError);
  });
});

describe('time entries', () => {
  it.each([
    ['1.5', 5400], ['1:30', 5400], ['90m', 5400], ['1h 30m', 5400], ['2h', 7200], ['0.25', 900], ['24', 86400], ['45m', 2700],
  ])('duration %j → %i s', (text, s) => expect(parseDuration(text)).toBe(s));
  it.each(['0', '-1', '25', 'abc', '1:75', '', '24.5', '1500m'])('refuses duration %j', (text) => expect(parseDuration(text)).toBeNull());

  it('billed time is locked; only drafts are edited; approval needs submission', () => {
    expect(transitionProblem('billed', 'edit')).toMatch(/locked/);
    expect(transitionProblem('billed', 'reject')).toMatch(/locked/);
    expect(transitionProblem('draft', 'edit')).toBeNull();
    expect(transitionProblem('submitted', 'edit')).toMatch(/cannot be edited/);
    expect(transitionProblem('draft', 'approve')).toMatch(/cannot be approved/);
    expect(transitionProblem('submitted', 'approve')).toBeNull();
    expect(transitionProblem('approved', 'bill')).toBeNull();
  });

  it('overlap is strict: touching entries do not overlap', () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(overlaps({ start: 0, end: 11 }, { start: 10, end: 20 })).toBe(true);
    expect(overlaps({ start: 5, end: 6 }, { start: 0, end: 20 })).toBe(true);
  });

  it('formats H:MM', () => expect(formatHm(5400)).toBe('1:30'));
});
