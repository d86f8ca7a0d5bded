import { describe, expect, it } from 'vitest';
import { byColumn, choiceKey, matchByName, parseYesNo } from '../../domain/csv-import';
import { durationProblem, parseDuration } from '../../domain/time-entries';

describe('reading spreadsheet cells', () => {
  const clients = [{ name: 'Acme  Corp' }, { name: 'Twin' }, { name: 'twin' }];
  it('matches one name regardless of case and spacing, or says none or several', () => {
    expect(matchByName(clients, ' acme corp ', (c) => c.name)).toEqual({ item: clients[0] });
    expect(matchByName(clients, 'TWIN', (c) => c.name)).toEqual({ problem: 'ambiguous' });
    expect(matchByName(clients, 'Globex', (c) => c.name)).toEqual({ problem: 'none' });
  });
  it.each([['yes', true], ['Y', true], ['TRUE', true], ['1', true], ['no', false], ['n', false], ['False', false], ['0', false], ['', undefined], ['maybe', null]])(
    'reads %j as %j', (cell, out) => expect(parseYesNo(cell)).toBe(out),
  );
  it('spells choices the API’s way and keys problems by column', () => {
    expect(['Flat fee', 'flat-fee', 'FLAT_FEE', ' On  hold '].map(choiceKey)).toEqual(['flat_fee', 'flat_fee', 'flat_fee', 'on_hold']);
    expect(byColumn({ paymentTermsDays: 'a', 'address.city': 'b', 'tags.1': 'c', name: 'd' }, { paymentTermsDays: 'payment_terms_days', 'address.city': 'city', tags: 'tags' }))
      .toEqual({ payment_terms_days: 'a', city: 'b', tags: 'c', name: 'd' });
  });
});

describe('durationProblem', () => {
  it.each([
    ['', 'Enter the time worked, like 1.5 or 1:30.'],
    ['-1', 'Time worked cannot be negative.'],
    ['-0:30', 'Time worked cannot be negative.'],
    ['0', 'Enter more than zero time.'],
    ['0:00', 'Enter more than zero time.'],
    ['25', 'At most 24 hours in one entry; split longer work across days.'],
    ['100:00', 'At most 24 hours in one entry; split longer work across days.'],
    ['1500m', 'At most 24 hours in one entry; split longer work across days.'],
    ['1:75', 'Enter hours like 1.5 or a duration like 1:30.'],
    ['abc', 'Enter hours like 1.5 or a duration like 1:30.'],
  ])('%j → %s', (text, problem) => expect(durationProblem(text)).toBe(problem));

  it('has no problem with exactly what parseDuration accepts', () => {
    for (const text of ['1.5', '1:30', '90m', '2h', '1h 30m', '24', '0:01', ' 7.25 ']) {
      expect(parseDuration(text), text).not.toBeNull();
      expect(durationProblem(text), text).toBeNull();
    }
  });
});
