// Formatting of values that cross IPC: dates arrive as ISO `YYYY-MM-DD`, numbers as plain numbers.
// Coordinators read dates as gg/mm/aaaa (in both locales) and numbers with Italian grouping.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is an ISO calendar date `YYYY-MM-DD` that exists (no 2023-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

/**
 * `2023-01-01` → `01/01/2023`. The string is rearranged, never parsed through `Date`,
 * so no time zone can shift the day. `null`/empty gives `''`; a malformed value is
 * returned unchanged rather than hidden.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

const IT_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;

/**
 * A date as coordinators type it, `gg/mm/aaaa` (also `g/m/aaaa`, `-` or `.` as separators), to
 * ISO `YYYY-MM-DD`; `null` when it is not a real calendar date (31/02/2025, 2025-01-01, "").
 */
export function parseItDate(text: string): string | null {
  const m = IT_DATE.exec(text);
  const [, day, month, year] = m ?? [];
  if (day === undefined || month === undefined || year === undefined) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** The ISO date `days` after (or before, if negative) `iso`; computed in UTC so DST cannot skew it. */
export function addDays(iso: string, days: number): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** Today's date in Europe/Rome as `YYYY-MM-DD` (what the core uses for "today"). */
export function todayIso(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export type NumberLocale = 'it' | 'en';

const numberFormats: Record<NumberLocale, Intl.NumberFormat> = {
  // `useGrouping: 'always'`: CLDR's Italian default leaves 4-digit numbers ungrouped ("9745"),
  // while Italian administrative tables write "9.745".
  it: new Intl.NumberFormat('it-IT', { useGrouping: 'always', maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { useGrouping: 'always', maximumFractionDigits: 0 }),
};

/** 90745 → "90.745" (it) or "90,745" (en). */
export function formatNumber(value: number, locale: NumberLocale = 'it'): string {
  return numberFormats[locale].format(value);
}

const DATE_TIME_ROME = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A UTC instant (`2026-11-26T09:30:00Z`) as coordinators read it: `26/11/2026 10:30`, Europe/Rome,
 * 24-hour clock. A value that is not a valid instant is returned unchanged.
 */
export function formatDateTime(utc: string): string {
  const d = new Date(utc);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(utc) || Number.isNaN(d.getTime())) return utc;
  const parts = DATE_TIME_ROME.formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}
