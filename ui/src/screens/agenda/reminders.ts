// Words for reminder leads ("1 giorno", "1 ora e 30 minuti") and the choices offered in
// Impostazioni; the core stores leads as minutes before the start (largest first).
import type { MeetingSummary } from '../../lib/bindings/MeetingSummary';
import { formatDate } from '../../lib/format';
import { t, tp } from '../../lib/i18n/index.svelte';
import { dateOf, timeOf } from './calendar';

/** The leads offered as checkboxes: a day, two hours, an hour, half an hour, a quarter of an hour. */
export const LEAD_CHOICES: readonly number[] = [1440, 120, 60, 30, 15];

/** 90 → "1 ora e 30 minuti", 2880 → "2 giorni" (as the core's `lead_label`, in the current locale). */
export function leadLabel(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(tp('reminders.days', days));
  if (hours > 0) parts.push(tp('reminders.hours', hours));
  if (mins > 0 || parts.length === 0) parts.push(tp('reminders.minutes', mins));
  return parts.join(t('reminders.and'));
}

/** The checkboxes to show: the usual choices plus any other lead already stored (set from the CLI). */
export function leadOptions(stored: readonly number[]): number[] {
  return [...new Set([...LEAD_CHOICES, ...stored])].sort((a, b) => b - a);
}

/** "1 giorno prima e 1 ora prima". */
export function leadsSummary(leads: readonly number[]): string {
  return [...leads]
    .sort((a, b) => b - a)
    .map((l) => t('reminders.before', { lead: leadLabel(l) }))
    .join(t('reminders.and'));
}

/** "27/11/2026 alle 10:00", or "27/11/2026, giornata intera". */
export function reminderWhen(m: Pick<MeetingSummary, 'start' | 'all_day'>): string {
  const date = formatDate(dateOf(m.start));
  return m.all_day ? t('reminders.allDay', { date }) : t('reminders.when', { date, time: timeOf(m.start) });
}
