import { describe, expect, it } from 'vitest';
import { importRow, thunderbirdReport } from '../../../test/calendar-fixtures';
import { eventLines, firstChangedDay, startText } from './report';

describe('calendar import report', () => {
  it('lists accepted and rejected events together in file order', () => {
    const report = thunderbirdReport();
    report.report.rejected = [
      { line: 60, message: 'riga 60: evento «Riunione»: la fine viene prima dell’inizio' },
      { line: 3, message: 'riga 3: evento «Senza data»: manca DTSTART' },
    ];
    const lines = eventLines(report);
    expect(lines.map((l) => l.line), 'by line').toEqual([3, 22, 54, 60, 67, 84, 98]);
    expect(lines.map((l) => l.outcome)).toEqual(['rejected', 'created', 'created', 'rejected', 'created', 'created', 'created']);
    expect(lines[0], 'a rejected event keeps its reason and has no start').toMatchObject({ title: '', start: null, message: 'riga 3: evento «Senza data»: manca DTSTART' });
    expect(lines[5]?.occurrence, 'the moved occurrence is marked').toBe(true);
  });

  it('writes starts as gg/mm/aaaa HH:MM, all-day events as the date alone', () => {
    expect(startText({ start: '2027-03-25T10:00:00', allDay: false })).toBe('25/03/2027 10:00');
    expect(startText({ start: '2027-04-15T00:00:00', allDay: true })).toBe('15/04/2027');
    expect(startText({ start: null, allDay: false })).toBe('');
  });

  it('goes to the earliest meeting created or updated, else the earliest event', () => {
    expect(firstChangedDay(thunderbirdReport(true)), 'the series starts in January').toBe('2027-01-12');
    const unchanged = thunderbirdReport();
    unchanged.rows = [importRow({ outcome: 'unchanged', start: '2027-05-02T09:00:00' }), importRow({ outcome: 'skipped', start: '2027-02-01T09:00:00' })];
    expect(firstChangedDay(unchanged)).toBe('2027-02-01');
    unchanged.rows = [];
    expect(firstChangedDay(unchanged)).toBeNull();
  });
});
