// Recurrence presets of the meeting form → an RFC 5545 RRULE for the core (which expands it on
// the Europe/Rome wall clock), and an Italian description of a stored rule for the meeting page.
import { t } from '../../lib/i18n/index.svelte';
import { formatDate } from '../../lib/format';
import type { MessageKey } from '../../lib/i18n/it';
import { weekday } from './calendar';

export type RepeatPreset = 'none' | 'weekly' | 'biweekly' | 'monthly_day' | 'monthly_weekday';
export const REPEAT_PRESETS: readonly RepeatPreset[] = ['none', 'weekly', 'biweekly', 'monthly_day', 'monthly_weekday'];

export interface RepeatDraft {
  preset: RepeatPreset;
  /** How the series ends: after `count` meetings, or on the `until` date (ISO, inclusive). */
  end: 'count' | 'until';
  count: string;
  until: string;
}

export const NO_REPEAT: RepeatDraft = { preset: 'none', end: 'count', count: '10', until: '' };

/** Most occurrences the core creates for one series. */
export const MAX_COUNT = 500;

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Which weekday of its month a date is: 1…4, or -1 for a fifth one (written "ultimo"). */
export function weekOfMonth(iso: string): number {
  const n = Math.ceil(Number(iso.slice(8, 10)) / 7);
  return n >= 5 ? -1 : n;
}

/** Minutes Europe/Rome is ahead of UTC at the instant `utcMs`. */
function romeOffset(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Rome',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - utcMs) / 60000);
}

/** The UTC instant of a Europe/Rome wall-clock time `YYYY-MM-DDTHH:MM:SS`, as `YYYYMMDDTHHMMSSZ`. */
export function romeToUtcStamp(local: string): string {
  const [date, time] = local.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = wall - romeOffset(wall) * 60000;
  const utc = wall - romeOffset(first) * 60000;
  return new Date(utc).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export type RepeatProblem = { field: 'count' | 'until'; key: MessageKey; params?: Record<string, string | number> };

/** What is wrong with the end of a series (checked before sending), or null. */
export function repeatProblem(draft: RepeatDraft, startDate: string): RepeatProblem | null {
  if (draft.preset === 'none') return null;
  if (draft.end === 'count') {
    const n = Number(draft.count);
    if (!/^\d+$/.test(draft.count.trim()) || n < 2 || n > MAX_COUNT) {
      return { field: 'count', key: 'meetingForm.repeat.countInvalid', params: { max: MAX_COUNT } };
    }
    return null;
  }
  if (draft.until === '') return { field: 'until', key: 'meetingForm.repeat.untilMissing' };
  if (draft.until <= startDate) return { field: 'until', key: 'meetingForm.repeat.untilBeforeStart' };
  return null;
}

/**
 * The RRULE of a preset for a series whose first meeting starts on `startDate` (ISO), or null
 * for no repetition. "Fino al" is inclusive: UNTIL is 23:59:59 of that day in Rome, in UTC as
 * RFC 5545 requires when the start has a time zone.
 */
export function buildRule(draft: RepeatDraft, startDate: string): string | null {
  let rule: string;
  switch (draft.preset) {
    case 'none':
      return null;
    case 'weekly':
      rule = 'FREQ=WEEKLY';
      break;
    case 'biweekly':
      rule = 'FREQ=WEEKLY;INTERVAL=2';
      break;
    case 'monthly_day':
      rule = `FREQ=MONTHLY;BYMONTHDAY=${Number(startDate.slice(8, 10))}`;
      break;
    case 'monthly_weekday':
      rule = `FREQ=MONTHLY;BYDAY=${weekOfMonth(startDate)}${BYDAY[weekday(startDate)]}`;
      break;
  }
  if (draft.end === 'count') return `${rule};COUNT=${Number(draft.count)}`;
  return `${rule};UNTIL=${romeToUtcStamp(`${draft.until}T23:59:59`)}`;
}

const ORDINALS: Record<string, MessageKey> = {
  '1': 'recurrence.nth.1',
  '2': 'recurrence.nth.2',
  '3': 'recurrence.nth.3',
  '4': 'recurrence.nth.4',
  '-1': 'recurrence.nth.last',
};

/** The Rome date of an RRULE UNTIL (`20270630T215959Z` or `20270630`), as gg/mm/aaaa. */
function untilDate(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!m) return value;
  if (!m[4] || m[7] !== 'Z') return formatDate(`${m[1]}-${m[2]}-${m[3]}`);
  const instant = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4], +m[5]!, +m[6]!));
  const rome = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  return formatDate(rome);
}

/** A stored RRULE in words: "ogni mese, il secondo giovedì, 10 volte". Unknown rules are shown as they are. */
export function describeRule(rule: string): string {
  const fields = new Map(
    rule
      .replace(/^RRULE:/i, '')
      .toUpperCase()
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  );
  const freq = fields.get('FREQ');
  const interval = Number(fields.get('INTERVAL') ?? '1');
  let text: string;
  if (freq === 'WEEKLY') {
    text = interval === 1 ? t('recurrence.weekly') : t('recurrence.everyNWeeks', { n: interval });
  } else if (freq === 'MONTHLY') {
    text = interval === 1 ? t('recurrence.monthly') : t('recurrence.everyNMonths', { n: interval });
    const byday = /^(-?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(fields.get('BYDAY') ?? '');
    const bymonthday = fields.get('BYMONTHDAY');
    if (byday && ORDINALS[byday[1]!]) {
      const day = t(`recurrence.day.${byday[2]!.toLowerCase()}` as MessageKey);
      text += `, ${t(ORDINALS[byday[1]!]!, { day })}`;
    } else if (bymonthday && /^\d+$/.test(bymonthday)) {
      text += `, ${t('recurrence.onDay', { n: Number(bymonthday) })}`;
    }
  } else if (freq === 'DAILY') {
    text = interval === 1 ? t('recurrence.daily') : t('recurrence.everyNDays', { n: interval });
  } else if (freq === 'YEARLY') {
    text = t('recurrence.yearly');
  } else {
    return rule;
  }
  const count = fields.get('COUNT');
  const until = fields.get('UNTIL');
  if (count) text += `, ${t('recurrence.times', { n: Number(count) })}`;
  else if (until) text += `, ${t('recurrence.until', { date: untilDate(until) })}`;
  return text;
}
