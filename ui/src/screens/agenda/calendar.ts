// Calendar arithmetic of the Agenda, on plain ISO strings. The core already gives every meeting
// as Europe/Rome wall-clock times (`start`/`end`, `YYYY-MM-DDTHH:MM:SS`), so the views never
// convert time zones: days are calendar dates computed in UTC (no DST can skew them) and a
// meeting's position is its local hour and minute.
import type { MeetingSummary } from '../../lib/bindings/MeetingSummary';
import { addDays } from '../../lib/format';

export type View = 'mese' | 'settimana' | 'elenco';
export const VIEWS: readonly View[] = ['mese', 'settimana', 'elenco'];

/** Hours shown in the week view when no meeting needs more: 7:00 to 21:00. */
export const DAY_START_HOUR = 7;
export const DAY_END_HOUR = 21;
/** Drag in the week view snaps to this many minutes. */
export const SNAP_MINUTES = 15;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function parts(iso: string): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function utc(iso: string): Date {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d));
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Day of the week, Monday = 0 … Sunday = 6. */
export function weekday(iso: string): number {
  return (utc(iso).getUTCDay() + 6) % 7;
}

/** The Monday of the week of `iso`. */
export function startOfWeek(iso: string): string {
  return addDays(iso.slice(0, 10), -weekday(iso));
}

export function startOfMonth(iso: string): string {
  const [y, m] = parts(iso);
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

export function endOfMonth(iso: string): string {
  const [y, m] = parts(iso);
  return isoOf(new Date(Date.UTC(y, m, 0)));
}

/** The first day of the month `delta` months after the month of `iso`. */
export function addMonths(iso: string, delta: number): string {
  const [y, m] = parts(iso);
  return isoOf(new Date(Date.UTC(y, m - 1 + delta, 1)));
}

/** The 42 days (6 weeks, Monday first) of the month grid that shows the month of `iso`. */
export function monthGrid(iso: string): string[] {
  const first = startOfWeek(startOfMonth(iso));
  return Array.from({ length: 42 }, (_, i) => addDays(first, i));
}

/** The 7 days (Monday first) of the week of `iso`. */
export function weekDays(iso: string): string[] {
  const first = startOfWeek(iso);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/** The dates (inclusive) a view fetches: only what is on screen. */
export function viewRange(view: View, iso: string): { from: string; to: string } {
  if (view === 'mese') {
    const grid = monthGrid(iso);
    return { from: grid[0]!, to: grid[41]! };
  }
  if (view === 'settimana') {
    const days = weekDays(iso);
    return { from: days[0]!, to: days[6]! };
  }
  return { from: startOfMonth(iso), to: endOfMonth(iso) };
}

/**
 * The period a view is about, as its title names it: the month (not the grid's days of the months
 * around it) or the week. What "Esporta (ICS) › questo periodo" exports.
 */
export function periodRange(view: View, iso: string): { from: string; to: string } {
  return view === 'settimana' ? viewRange(view, iso) : { from: startOfMonth(iso), to: endOfMonth(iso) };
}

/** The date the "previous"/"next" buttons go to. */
export function shiftDate(view: View, iso: string, direction: -1 | 1): string {
  if (view === 'settimana') return addDays(startOfWeek(iso), 7 * direction);
  return addMonths(iso, direction);
}

export function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

const monthNames = new Map<string, Intl.DateTimeFormat>();
function monthName(iso: string, locale: string): string {
  let f = monthNames.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    monthNames.set(locale, f);
  }
  return f.format(utc(iso));
}

function intlLocale(locale: 'it' | 'en'): string {
  return locale === 'it' ? 'it-IT' : 'en-GB';
}

/**
 * The period a view shows, as written in Italian: "marzo 2027" (month and list),
 * "22–28 marzo 2027", "29 marzo – 4 aprile 2027", "28 dicembre 2026 – 3 gennaio 2027" (week).
 */
export function periodTitle(view: View, iso: string, locale: 'it' | 'en' = 'it'): string {
  const loc = intlLocale(locale);
  if (view !== 'settimana') {
    const [y] = parts(iso);
    return `${monthName(iso, loc)} ${y}`;
  }
  const days = weekDays(iso);
  const a = days[0]!;
  const b = days[6]!;
  const [ya, , da] = parts(a);
  const [yb, , db] = parts(b);
  if (sameMonth(a, b)) return `${da}–${db} ${monthName(b, loc)} ${yb}`;
  if (ya === yb) return `${da} ${monthName(a, loc)} – ${db} ${monthName(b, loc)} ${yb}`;
  return `${da} ${monthName(a, loc)} ${ya} – ${db} ${monthName(b, loc)} ${yb}`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' });
    dayFormats.set(key, f);
  }
  return f;
}

/** The first letter in upper case ("giovedì 25 marzo" → "Giovedì 25 marzo"; the month stays lower case). */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "lunedì 22 marzo 2027". */
export function longDay(iso: string, locale: 'it' | 'en' = 'it'): string {
  return dayFormat(intlLocale(locale), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(utc(iso));
}

/** "lun 22" (week view column heads). */
export function shortDay(iso: string, locale: 'it' | 'en' = 'it'): string {
  return dayFormat(intlLocale(locale), { weekday: 'short', day: 'numeric' }).format(utc(iso));
}

/** "lun", "mar", … Monday first (month grid heads). */
export function weekdayNames(locale: 'it' | 'en' = 'it'): string[] {
  return weekDays('2027-03-22').map((d) => dayFormat(intlLocale(locale), { weekday: 'short' }).format(utc(d)));
}

/** "HH:MM" of a local `YYYY-MM-DDTHH:MM:SS`. */
export function timeOf(local: string): string {
  return local.slice(11, 16);
}

export function dateOf(local: string): string {
  return local.slice(0, 10);
}

function minutesOf(local: string): number {
  return Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
}

/** The last calendar day a meeting occupies (its end is exclusive: a meeting ending at 00:00 does not reach that day). */
export function lastDay(m: Pick<MeetingSummary, 'start' | 'end' | 'all_day'>): string {
  const endDate = dateOf(m.end);
  const midnight = timeOf(m.end) === '00:00';
  if (endDate > dateOf(m.start) && (m.all_day || midnight)) return addDays(endDate, -1);
  return endDate < dateOf(m.start) ? dateOf(m.start) : endDate;
}

/** A meeting shown in the all-day band: all-day meetings and timed ones spanning several days. */
export function isBanner(m: Pick<MeetingSummary, 'start' | 'end' | 'all_day'>): boolean {
  return m.all_day || lastDay(m) !== dateOf(m.start);
}

/** Meetings per day (every day a meeting covers, within `days`), all-day ones first, then by start. */
export function meetingsByDay<T extends Pick<MeetingSummary, 'start' | 'end' | 'all_day' | 'id'>>(
  meetings: readonly T[],
  days: readonly string[],
): Map<string, T[]> {
  const out = new Map<string, T[]>(days.map((d) => [d, []]));
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return out;
  for (const m of meetings) {
    let d = dateOf(m.start) < first ? first : dateOf(m.start);
    const end = lastDay(m) > last ? last : lastDay(m);
    while (d <= end) {
      out.get(d)?.push(m);
      d = addDays(d, 1);
    }
  }
  for (const list of out.values()) {
    list.sort((a, b) => Number(isBanner(b)) - Number(isBanner(a)) || a.start.localeCompare(b.start) || a.id - b.id);
  }
  return out;
}

/** The hours the week view shows: 7–21, widened to fit the timed meetings of the week. */
export function hourRange(meetings: readonly Pick<MeetingSummary, 'start' | 'end' | 'all_day'>[]): [number, number] {
  let from = DAY_START_HOUR;
  let to = DAY_END_HOUR;
  for (const m of meetings) {
    if (isBanner(m)) continue;
    from = Math.min(from, Math.floor(minutesOf(m.start) / 60));
    to = Math.max(to, Math.ceil(minutesOf(m.end) / 60));
  }
  return [Math.max(0, from), Math.min(24, to)];
}

/** A timed meeting placed in its day column: percentages of the column, and its lane. */
export interface Placed<T> {
  meeting: T;
  /** Top and height in % of the column height. */
  top: number;
  height: number;
  /** Left and width in % of the column width (side by side when meetings overlap). */
  left: number;
  width: number;
}

/** Shortest block drawn (minutes), so a 5-minute meeting stays clickable. */
const MIN_BLOCK = 20;

/**
 * Positions the timed meetings of one day between `hours[0]`:00 and `hours[1]`:00. Overlapping
 * meetings share the width: each cluster of overlaps gets as many lanes as it needs.
 */
export function placeDay<T extends Pick<MeetingSummary, 'start' | 'end' | 'all_day' | 'id'>>(
  meetings: readonly T[],
  hours: [number, number],
): Placed<T>[] {
  const span = (hours[1] - hours[0]) * 60;
  const items = meetings
    .filter((m) => !isBanner(m))
    .map((m) => {
      const s = Math.max(minutesOf(m.start), hours[0] * 60);
      const e = Math.min(Math.max(minutesOf(m.end), s + MIN_BLOCK), hours[1] * 60);
      return { m, s, e: Math.max(e, s + MIN_BLOCK) };
    })
    .sort((a, b) => a.s - b.s || b.e - a.e || a.m.id - b.m.id);
  const out: Placed<T>[] = [];
  let cluster: { item: (typeof items)[number]; lane: number }[] = [];
  let clusterEnd = -1;
  let laneEnds: number[] = [];
  const flush = () => {
    const lanes = laneEnds.length;
    for (const { item, lane } of cluster) {
      out.push({
        meeting: item.m,
        top: ((item.s - hours[0] * 60) / span) * 100,
        height: ((item.e - item.s) / span) * 100,
        left: (lane / lanes) * 100,
        width: 100 / lanes,
      });
    }
    cluster = [];
    laneEnds = [];
  };
  for (const item of items) {
    if (item.s >= clusterEnd && cluster.length > 0) flush();
    let lane = laneEnds.findIndex((end) => end <= item.s);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.e);
    } else laneEnds[lane] = item.e;
    cluster.push({ item, lane });
    clusterEnd = cluster.length === 1 ? item.e : Math.max(clusterEnd, item.e);
  }
  if (cluster.length > 0) flush();
  return out;
}

/**
 * The time (minutes after midnight) at a vertical offset of a day column, snapped to `step`
 * minutes and kept inside the hours shown.
 */
export function minutesAt(offsetY: number, columnHeight: number, hours: [number, number], step = SNAP_MINUTES): number {
  const span = (hours[1] - hours[0]) * 60;
  const raw = hours[0] * 60 + (columnHeight > 0 ? (offsetY / columnHeight) * span : 0);
  const snapped = Math.round(raw / step) * step;
  return Math.min(Math.max(snapped, hours[0] * 60), hours[1] * 60 - step);
}

/** `YYYY-MM-DDTHH:MM:00` of a date and minutes after midnight. */
export function localAt(date: string, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
}

/** The local start a meeting gets when dropped on another day, keeping its time. */
export function movedToDay(start: string, day: string): string {
  return `${day}${start.slice(10)}`;
}

/** "HH:MM–HH:MM", or "" for an all-day meeting. */
export function timeSpan(m: Pick<MeetingSummary, 'start' | 'end' | 'all_day'>): string {
  if (m.all_day) return '';
  return `${timeOf(m.start)}–${timeOf(m.end)}`;
}
