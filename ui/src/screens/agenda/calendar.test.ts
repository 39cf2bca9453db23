import { describe, expect, it } from 'vitest';
import { meetingSummary } from '../../test/meeting-fixtures';
import {
  hourRange,
  lastDay,
  meetingsByDay,
  minutesAt,
  monthGrid,
  movedToDay,
  periodRange,
  periodTitle,
  placeDay,
  shiftDate,
  startOfWeek,
  viewRange,
  weekDays,
  weekday,
  weekdayNames,
} from './calendar';

const m = meetingSummary;

describe('month grid', () => {
  it('is 6 Monday-first weeks covering the month', () => {
    const grid = monthGrid('2027-03-17');
    expect(grid).toHaveLength(42);
    expect(grid[0], 'March 2027 starts on a Monday').toBe('2027-03-01');
    expect(grid[41]).toBe('2027-04-11');
    for (let i = 0; i < 42; i++) expect(weekday(grid[i]!), grid[i]).toBe(i % 7);
  });

  it('has every day exactly once across the DST switches (March and October)', () => {
    for (const month of ['2027-03-01', '2027-10-01', '2026-10-01', '2028-03-01']) {
      const grid = monthGrid(month);
      expect(new Set(grid).size, `${month}: no repeated day`).toBe(42);
      for (let i = 1; i < 42; i++) {
        const gap = (Date.parse(grid[i]!) - Date.parse(grid[i - 1]!)) / 86_400_000;
        expect(gap, `${grid[i - 1]} → ${grid[i]}`).toBe(1);
      }
      const days = grid.filter((d) => d.slice(0, 7) === month.slice(0, 7));
      expect(days.length, `${month}: all 31 days`).toBe(31);
    }
    expect(monthGrid('2027-10-31')[0], 'October 2027 begins on a Friday: the grid starts on Monday 27 September').toBe('2027-09-27');
    expect(monthGrid('2027-10-31')).toContain('2027-10-31');
  });

  it('handles February and a month starting on Sunday', () => {
    const feb = monthGrid('2027-02-10');
    expect(feb[0]).toBe('2027-02-01');
    expect(feb.filter((d) => d.startsWith('2027-02'))).toHaveLength(28);
    const aug = monthGrid('2027-08-01');
    expect(aug[0], 'Sunday 1 August: the grid starts on the Monday before').toBe('2027-07-26');
    expect(aug[6]).toBe('2027-08-01');
  });

  it('names the weekdays Monday first', () => {
    expect(weekdayNames('it')[0]).toMatch(/^lun/);
    expect(weekdayNames('it')[6]).toMatch(/^dom/);
  });
});

describe('weeks, ranges and titles', () => {
  it('starts the week on Monday', () => {
    expect(startOfWeek('2027-03-28')).toBe('2027-03-22');
    expect(weekDays('2027-03-28')).toEqual(['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-27', '2027-03-28']);
  });

  it('fetches only what each view shows', () => {
    expect(viewRange('mese', '2027-03-10')).toEqual({ from: '2027-03-01', to: '2027-04-11' });
    expect(viewRange('settimana', '2027-03-10')).toEqual({ from: '2027-03-08', to: '2027-03-14' });
    expect(viewRange('elenco', '2027-02-10')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(periodRange('mese', '2027-03-10'), 'the month named in the title, not the whole grid').toEqual({ from: '2027-03-01', to: '2027-03-31' });
    expect(periodRange('settimana', '2027-03-10'), 'the week shown').toEqual({ from: '2027-03-08', to: '2027-03-14' });
    expect(periodRange('elenco', '2028-02-10'), 'the list’s month, leap year').toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('steps by month or by week', () => {
    expect(shiftDate('mese', '2027-01-31', 1)).toBe('2027-02-01');
    expect(shiftDate('elenco', '2027-01-15', -1)).toBe('2026-12-01');
    expect(shiftDate('settimana', '2027-03-25', 1)).toBe('2027-03-29');
    expect(shiftDate('settimana', '2027-03-25', -1)).toBe('2027-03-15');
  });

  it('writes the period in Italian', () => {
    expect(periodTitle('mese', '2027-03-10')).toBe('marzo 2027');
    expect(periodTitle('elenco', '2027-03-10')).toBe('marzo 2027');
    expect(periodTitle('settimana', '2027-03-25')).toBe('22–28 marzo 2027');
    expect(periodTitle('settimana', '2027-03-31')).toBe('29 marzo – 4 aprile 2027');
    expect(periodTitle('settimana', '2026-12-30')).toBe('28 dicembre 2026 – 3 gennaio 2027');
    expect(periodTitle('mese', '2027-03-10', 'en')).toBe('March 2027');
  });
});

describe('meetings per day', () => {
  it('puts a meeting on every day it covers; the exclusive end does not count', () => {
    const days = weekDays('2027-03-22');
    const one = m({ id: 1, start: '2027-03-23T10:00:00', end: '2027-03-23T12:00:00' });
    const allDay = m({ id: 2, all_day: true, start: '2027-03-24T00:00:00', end: '2027-03-26T00:00:00' });
    const overnight = m({ id: 3, start: '2027-03-26T20:00:00', end: '2027-03-27T00:00:00' });
    const longer = m({ id: 4, start: '2027-03-20T09:00:00', end: '2027-03-22T18:00:00' });
    const by = meetingsByDay([one, allDay, overnight, longer], days);
    expect(by.get('2027-03-22')!.map((x) => x.id), 'started before the week').toEqual([4]);
    expect(by.get('2027-03-23')!.map((x) => x.id)).toEqual([1]);
    expect(by.get('2027-03-24')!.map((x) => x.id)).toEqual([2]);
    expect(by.get('2027-03-25')!.map((x) => x.id)).toEqual([2]);
    expect(by.get('2027-03-26')!.map((x) => x.id), 'all-day ends on the 25th; the 20:00 meeting ends at midnight').toEqual([3]);
    expect(by.get('2027-03-27')).toEqual([]);
    expect(lastDay(allDay)).toBe('2027-03-25');
  });

  it('lists all-day meetings first, then by start', () => {
    const days = ['2027-03-23'];
    const late = m({ id: 1, start: '2027-03-23T15:00:00', end: '2027-03-23T16:00:00' });
    const early = m({ id: 2, start: '2027-03-23T09:00:00', end: '2027-03-23T10:00:00' });
    const whole = m({ id: 3, all_day: true, start: '2027-03-23T00:00:00', end: '2027-03-24T00:00:00' });
    expect(meetingsByDay([late, early, whole], days).get('2027-03-23')!.map((x) => x.id)).toEqual([3, 2, 1]);
  });
});

describe('week positioning', () => {
  it('places a meeting by its local time between 7 and 21', () => {
    const [p] = placeDay([m({ start: '2027-03-25T10:00:00', end: '2027-03-25T12:00:00' })], [7, 21]);
    expect(p!.top).toBeCloseTo((3 / 14) * 100);
    expect(p!.height).toBeCloseTo((2 / 14) * 100);
    expect([p!.left, p!.width]).toEqual([0, 100]);
  });

  it('uses the local wall-clock time on the DST days (no shift)', () => {
    const summer = placeDay([m({ start: '2027-03-28T10:00:00', end: '2027-03-28T11:00:00', starts_at: '2027-03-28T08:00:00Z' })], [7, 21]);
    const winter = placeDay([m({ start: '2027-10-31T10:00:00', end: '2027-10-31T11:00:00', starts_at: '2027-10-31T09:00:00Z' })], [7, 21]);
    expect(summer[0]!.top).toBeCloseTo(winter[0]!.top);
  });

  it('puts overlapping meetings side by side and a later one back at full width', () => {
    const a = m({ id: 1, start: '2027-03-25T09:00:00', end: '2027-03-25T11:00:00' });
    const b = m({ id: 2, start: '2027-03-25T10:00:00', end: '2027-03-25T12:00:00' });
    const c = m({ id: 3, start: '2027-03-25T11:00:00', end: '2027-03-25T11:30:00' });
    const d = m({ id: 4, start: '2027-03-25T15:00:00', end: '2027-03-25T16:00:00' });
    const placed = new Map(placeDay([d, c, b, a], [7, 21]).map((p) => [p.meeting.id, p]));
    expect(placed.get(1)!.width).toBe(50);
    expect(placed.get(2)!.width).toBe(50);
    expect(placed.get(2)!.left).toBe(50);
    expect(placed.get(3)!.left, 'c reuses the lane a freed at 11:00').toBe(0);
    expect(placed.get(3)!.width).toBe(50);
    expect([placed.get(4)!.left, placed.get(4)!.width]).toEqual([0, 100]);
  });

  it('keeps very short meetings visible and leaves all-day ones to the band', () => {
    const placed = placeDay(
      [m({ id: 1, start: '2027-03-25T10:00:00', end: '2027-03-25T10:05:00' }), m({ id: 2, all_day: true, start: '2027-03-25T00:00:00', end: '2027-03-26T00:00:00' })],
      [7, 21],
    );
    expect(placed.map((p) => p.meeting.id)).toEqual([1]);
    expect(placed[0]!.height).toBeCloseTo((20 / (14 * 60)) * 100);
  });

  it('widens the hours for early or late meetings', () => {
    expect(hourRange([])).toEqual([7, 21]);
    expect(hourRange([m({ start: '2027-03-25T06:30:00', end: '2027-03-25T08:00:00' }), m({ start: '2027-03-25T21:00:00', end: '2027-03-25T22:15:00' })])).toEqual([6, 23]);
    expect(hourRange([m({ all_day: true, start: '2027-03-25T00:00:00', end: '2027-03-26T00:00:00' })]), 'all-day meetings do not widen').toEqual([7, 21]);
  });

  it('snaps a drop to 15 minutes inside the hours shown', () => {
    const height = 14 * 60; // 1 px per minute
    expect(minutesAt(3 * 60 + 7, height, [7, 21])).toBe(10 * 60 + 15 - 15); // 10:07 → 10:00
    expect(minutesAt(3 * 60 + 8, height, [7, 21])).toBe(10 * 60 + 15); // 10:08 → 10:15
    expect(minutesAt(-40, height, [7, 21])).toBe(7 * 60);
    expect(minutesAt(height + 100, height, [7, 21])).toBe(21 * 60 - 15);
    expect(movedToDay('2027-03-25T10:30:00', '2027-03-29')).toBe('2027-03-29T10:30:00');
  });
});
