// Paged loading behind the Agenda's list view: the meetings of a range are fetched PAGE at a
// time as the list scrolls, and flattened into rows with a heading for every day. A response for
// an older range or filter is dropped.
import { ApiError, countMeetings, listMeetings } from '../../lib/api';
import type { MeetingFilter } from '../../lib/bindings/MeetingFilter';
import type { MeetingSummary } from '../../lib/bindings/MeetingSummary';
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

export class MeetingPages {
  total = $state<number | null>(null);
  error = $state<ApiError | null>(null);
  meetings = $state<MeetingSummary[]>([]);
  rows = $derived(rowsOf(this.meetings));
  #filter: MeetingFilter | null = null;
  #generation = 0;
  #loading = false;

  /** More meetings match than are loaded. */
  get more(): boolean {
    return this.total !== null && this.meetings.length < this.total;
  }

  async reset(filter: MeetingFilter): Promise<void> {
    this.#filter = filter;
    this.#generation += 1;
    const generation = this.#generation;
    this.#loading = false;
    this.error = null;
    this.meetings = [];
    this.total = null;
    try {
      const total = await countMeetings({ ...filter, limit: null, offset: null });
      if (generation !== this.#generation) return;
      this.total = total;
      await this.next();
    } catch (e) {
      if (generation === this.#generation) this.error = ApiError.from(e);
    }
  }

  /** Loads the next page, if any and if none is loading. */
  async next(): Promise<void> {
    if (!this.#filter || this.#loading || !this.more) return;
    this.#loading = true;
    const generation = this.#generation;
    try {
      const page = await listMeetings({ ...this.#filter, limit: PAGE, offset: this.meetings.length });
      if (generation !== this.#generation) return;
      this.meetings = [...this.meetings, ...page];
      if (page.length === 0) this.total = this.meetings.length;
    } catch (e) {
      if (generation === this.#generation) this.error = ApiError.from(e);
    } finally {
      if (generation === this.#generation) this.#loading = false;
    }
  }
}
