// Paged loading behind the Agenda's list view (lib/paged): the meetings of a range are counted,
// then fetched PAGE at a time as the list scrolls, and flattened into rows with a heading for
// every day. A new range or filter clears the list at once; a response for an older one is dropped.
import { countMeetings, listMeetings } from '../../lib/api';
import type { MeetingFilter } from '../../lib/bindings/MeetingFilter';
import type { MeetingSummary } from '../../lib/bindings/MeetingSummary';
import { Paged } from '../../lib/paged.svelte';
import { dateOf } from './calendar';

export const PAGE = 200;

export type ListRow = { kind: 'day'; day: string; count: number } | { kind: 'meeting'; meeting: MeetingSummary };

/** Rows of the list: each day's heading (with how many of the loaded meetings fall on it), then its meetings. */
export function rowsOf(meetings: readonly MeetingSummary[]): ListRow[] {
  const rows: ListRow[] = [];
  let heading: { kind: 'day'; day: string; count: number } | null = null;
  for (const m of meetings) {
    const day = dateOf(m.start);
    if (!heading || heading.day !== day) {
      heading = { kind: 'day', day, count: 0 };
      rows.push(heading);
    }
    heading.count += 1;
    rows.push({ kind: 'meeting', meeting: m });
  }
  return rows;
}

/** The meetings of a filter, counted first, then a page at a time; `days` are the rows of the list. */
export class MeetingPages extends Paged<MeetingFilter, MeetingSummary> {
  days = $derived(rowsOf(this.rows));

  constructor() {
    super({
      size: PAGE,
      count: (filter) => countMeetings({ ...filter, limit: null, offset: null }),
      fetch: async (filter, offset, limit) => ({ rows: await listMeetings({ ...filter, limit, offset }), total: null }),
      clear: true,
    });
  }
}
