// The calendar import report as the screen lists it: every event of the file by line, the
// accepted ones (created, updated, unchanged, skipped) and the rejected ones (from the report's
// `rejected`, which names the line and the reason) in one list.
import type { CalendarImportReport } from '../../../lib/bindings/CalendarImportReport';
import type { CalendarOutcome } from '../../../lib/bindings/CalendarOutcome';
import { formatDate } from '../../../lib/format';
import { dateOf, timeOf } from '../calendar';

export type EventOutcome = CalendarOutcome | 'rejected';

export interface EventLine {
  line: number;
  outcome: EventOutcome;
  /** Empty for a rejected event: its reason names it. */
  title: string;
  /** Local start `YYYY-MM-DDTHH:MM:SS`, or null for a rejected event. */
  start: string | null;
  allDay: boolean;
  /** The event changes one occurrence of a series (RECURRENCE-ID). */
  occurrence: boolean;
  /** The meeting written, once applied: the title links to it. */
  meetingId: number | null;
  message: string;
}

/** Accepted and rejected events in file order. */
export function eventLines(report: CalendarImportReport): EventLine[] {
  const accepted: EventLine[] = report.rows.map((r) => ({
    line: r.line,
    outcome: r.outcome,
    title: r.title,
    start: r.start,
    allDay: r.all_day,
    occurrence: r.occurrence,
    meetingId: r.meeting_id,
    message: r.message,
  }));
  const rejected: EventLine[] = report.report.rejected.map((issue) => ({
    line: issue.line,
    outcome: 'rejected',
    title: '',
    start: null,
    allDay: false,
    occurrence: false,
    meetingId: null,
    message: issue.message,
  }));
  return [...accepted, ...rejected].sort((a, b) => a.line - b.line);
}

/** `25/03/2027 10:00`, or `15/04/2027` for an all-day event; '' without a start. */
export function startText(e: Pick<EventLine, 'start' | 'allDay'>): string {
  if (!e.start) return '';
  const day = formatDate(dateOf(e.start));
  return e.allDay ? day : `${day} ${timeOf(e.start)}`;
}

/** The day (ISO) of the earliest meeting an applied import created or updated, for "see them in the agenda". */
export function firstChangedDay(report: CalendarImportReport): string | null {
  const starts = report.rows.filter((r) => r.outcome === 'created' || r.outcome === 'updated').map((r) => r.start);
  const first = starts.sort()[0] ?? report.rows.map((r) => r.start).sort()[0];
  return first ? dateOf(first) : null;
}
