/** Date rules of the schedules: invoice reminders and recurring series. */
import { describe, expect, it } from 'vitest';
import { dayIn } from '../../domain/dates';
import { dueSteps, reminderPlan, validateSchedule } from '../../domain/reminders';
import { occurrenceDates, seriesCalendar, seriesStart, startMovedBack, upcomingFrom } from '../../domain/recurring';

describe('reminder schedule', () => {
  const plan = reminderPlan('2026-03-10', [21, -3, 7, 14], 'America/New_York');

  it('orders steps and places each at 09:00 company time, across the DST change', () => {
    expect(plan.map((s) => [s.step, s.offsetDays, dayIn('America/New_York', s.at)])).toEqual([
      [1, -3, '2026-03-07'], [2, 7, '2026-03-17'], [3, 14, '2026-03-24'], [4, 21, '2026-03-31'],
    ]);
    // 7 March is EST (UTC−5), 17 March EDT (UTC−4): 09:00 local is 14:00Z then 13:00Z.
    expect(new Date(plan[0]!.at).toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(new Date(plan[1]!.at).toISOString()).toBe('2026-03-17T13:00:00.000Z');
  });

  it('after an outage, each missed step is due once; sent steps never again', () => {
    const afterOutage = Date.parse('2026-03-25T12:00:00Z');
    expect(dueSteps(plan, afterOutage, new Set()).map((s) => s.step)).toEqual([1, 2, 3]);
    expect(dueSteps(plan, afterOutage, new Set([1, 2, 3]))).toEqual([]);
    expect(dueSteps(plan, Date.parse('2026-03-07T13:59:59Z'), new Set())).toEqual([]);
  });

  it('validates schedules', () => {
    expect(validateSchedule([-3, 7, 14, 21])).toBeNull();
    expect(validateSchedule([7, 7])).toMatch(/once/);
    expect(validateSchedule([1.5])).toMatch(/whole days/);
    expect(validateSchedule(Array.from({ length: 11 }, (_, i) => i))).toMatch(/At most 10/);
  });
});

describe('recurring series dates', () => {
  it('monthly, quarterly and yearly occurrences fall on the start day, clamped to the 28th', () => {
    expect(occurrenceDates('monthly', '2026-01-15', 3)).toEqual(['2026-01-15', '2026-02-15', '2026-03-15']);
    expect(occurrenceDates('quarterly', seriesStart('2026-11-30'), 3)).toEqual(['2026-11-28', '2027-02-28', '2027-05-28']);
    // Asked for today (the 31st) or later, it starts on the 28th: that first occurrence is made at once, not lost.
    expect(startMovedBack('2025-01-31', '2025-01-31')).toBe(true);
    expect(startMovedBack('2025-01-30', '2025-01-29')).toBe(true);
    expect(startMovedBack('2025-01-31', '2025-02-03')).toBe(false); // asked for a day already past: no catch-up
    expect(startMovedBack('2025-01-15', '2025-01-15')).toBe(false); // not moved
    expect(occurrenceDates('yearly', '2026-02-10', 2)).toEqual(['2026-02-10', '2027-02-10']);
    expect(occurrenceDates('monthly', '2026-01-15', 10, '2026-03-01')).toEqual(['2026-01-15', '2026-02-15']);
    // From a later day, still on the series' own calendar (not the day searched from).
    expect(occurrenceDates('quarterly', '2026-01-15', 2, null, '2026-05-20')).toEqual(['2026-07-15', '2026-10-15']);
    expect(seriesCalendar('quarterly', '2026-11-05')).toEqual({ dayOfMonth: 5, months: ['NOVEMBER', 'FEBRUARY', 'MAY', 'AUGUST'], hour: 6 });
  });

  it("what is still to come starts today before the 06:00 occurrence hour, tomorrow after it, in the company's zone", () => {
    // 05:59 and 06:00 in New York (EST, UTC−5) on 23 November 2026.
    expect(upcomingFrom('America/New_York', Date.parse('2026-11-23T10:59:00Z'))).toBe('2026-11-23');
    expect(upcomingFrom('America/New_York', Date.parse('2026-11-23T11:00:00Z'))).toBe('2026-11-24');
    // Late on the 23rd in UTC is already the 24th, past 06:00, in Tokyo.
    expect(upcomingFrom('Asia/Tokyo', Date.parse('2026-11-23T22:00:00Z'))).toBe('2026-11-25');
  });
});
