import { describe, expect, it } from 'vitest';
import { dayIn } from '../../domain/dates';
import { dueSteps, reminderPlan, validateSchedule } from '../../domain/reminders';

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
