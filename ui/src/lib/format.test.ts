import { describe, expect, it } from 'vitest';
import { addDays, formatDate, formatDateTime, formatNumber, isIsoDate, parseItDate, todayIso } from './format';

describe('formatDate', () => {
  it('turns the ISO dates of IPC into gg/mm/aaaa', () => {
    expect(formatDate('2023-01-01'), 'first of January').toBe('01/01/2023');
    expect(formatDate('2024-12-31'), 'last day of the year').toBe('31/12/2024');
    expect(formatDate('2024-02-29'), 'leap day').toBe('29/02/2024');
  });

  it('gives an empty string for missing dates (open-ended validity)', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
  });

  it('shows a malformed value unchanged instead of hiding or inventing a date', () => {
    expect(formatDate('31/12/2024')).toBe('31/12/2024');
    expect(formatDate('2024-1-5')).toBe('2024-1-5');
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29'), '2024 is a leap year').toBe(true);
    expect(isIsoDate('2023-02-29'), '2023 is not a leap year').toBe(false);
    expect(isIsoDate('2023-04-31'), 'April has 30 days').toBe(false);
    expect(isIsoDate('2023-13-01'), 'no month 13').toBe(false);
    expect(isIsoDate('2023-00-10'), 'no month 0').toBe(false);
    expect(isIsoDate(''), 'empty').toBe(false);
    expect(isIsoDate('01/01/2023'), 'display format is not ISO').toBe(false);
  });
});

describe('todayIso', () => {
  it('uses the Europe/Rome calendar day, not UTC', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Rome (UTC+1 in winter).
    expect(todayIso(new Date('2023-12-31T23:30:00Z'))).toBe('2024-01-01');
    // 22:30 UTC on 30 Jun is 00:30 on 1 Jul in Rome (UTC+2 in summer).
    expect(todayIso(new Date('2024-06-30T22:30:00Z'))).toBe('2024-07-01');
    expect(todayIso(new Date('2024-06-30T21:30:00Z'))).toBe('2024-06-30');
  });

  it('produces a value a date input accepts', () => {
    expect(isIsoDate(todayIso())).toBe(true);
  });
});

describe('formatNumber', () => {
  it('groups thousands the Italian way', () => {
    expect(formatNumber(90745), 'Pisa population').toBe('90.745');
    expect(formatNumber(3651152), 'Tuscany population').toBe('3.651.152');
    expect(formatNumber(9745), 'four digits are grouped too, as in ISTAT tables').toBe('9.745');
    expect(formatNumber(394)).toBe('394');
    expect(formatNumber(0)).toBe('0');
  });

  it('uses English grouping in the English locale', () => {
    expect(formatNumber(90745, 'en')).toBe('90,745');
  });
});

describe('addDays', () => {
  it('steps across month, year and leap-day boundaries', () => {
    expect(addDays('2024-03-01', -1), 'leap year').toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-31', 1), 'DST change day in Rome').toBe('2024-04-01');
  });

  it('refuses a malformed date', () => {
    expect(() => addDays('31/12/2024', 1)).toThrow(RangeError);
  });
});

describe('parseItDate', () => {
  it('reads gg/mm/aaaa and its usual variants as ISO', () => {
    expect(parseItDate('26/11/2026'), 'the canonical form').toBe('2026-11-26');
    expect(parseItDate('1/3/2025'), 'single-digit day and month').toBe('2025-03-01');
    expect(parseItDate(' 01-03-2025 '), 'dashes and surrounding spaces').toBe('2025-03-01');
    expect(parseItDate('29.02.2024'), 'dots, leap day').toBe('2024-02-29');
  });
  it('refuses what is not a real gg/mm/aaaa date', () => {
    expect(parseItDate('29/02/2025'), 'no leap day in 2025').toBeNull();
    expect(parseItDate('31/04/2025'), 'April has 30 days').toBeNull();
    expect(parseItDate('2025-03-01'), 'ISO is not how coordinators type').toBeNull();
    expect(parseItDate('03/2025'), 'missing day').toBeNull();
    expect(parseItDate(''), 'empty').toBeNull();
  });
});

describe('formatDateTime', () => {
  it('shows a UTC instant in Europe/Rome as gg/mm/aaaa hh:mm, across daylight saving', () => {
    expect(formatDateTime('2026-11-26T09:30:00Z')).toBe('26/11/2026 10:30');
    expect(formatDateTime('2026-07-01T22:15:00Z'), 'summer time, next day in Rome').toBe('02/07/2026 00:15');
    expect(formatDateTime('ieri'), 'not an instant: unchanged').toBe('ieri');
  });
});
