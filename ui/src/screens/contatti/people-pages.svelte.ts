// Paged loading behind the virtualised people list: pages of PAGE rows are fetched when the list
// shows them, cached per filter, and a response for an older filter is dropped.
import { SvelteMap } from 'svelte/reactivity';
import { ApiError, personPage } from '../../lib/api';
import type { PersonFilter } from '../../lib/bindings/PersonFilter';
import type { PersonSummary } from '../../lib/bindings/PersonSummary';

export const PAGE = 100;

export class PeoplePages {
  total = $state<number | null>(null);
  error = $state<ApiError | null>(null);
  #pages = new SvelteMap<number, PersonSummary[]>();
  // Bookkeeping only (never rendered): a plain Set on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #requested = new Set<number>();
  #filter: PersonFilter = { search: null, organisation_id: null, istat_code: null, tag: null, on: null };
  #generation = 0;

  /** Starts over with a new filter; resolves when the first page is in. */
  async reset(filter: PersonFilter): Promise<void> {
    this.#filter = filter;
    this.#generation += 1;
    this.#pages.clear();
    this.#requested.clear();
    this.error = null;
    await this.#load(0);
  }

  /** The person at `index`, if its page is loaded. */
  row(index: number): PersonSummary | undefined {
    return this.#pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  }

  /** Loads the pages covering rows `start..end`. */
  ensure(start: number, end: number): void {
    if (this.total === null) return;
    const last = Math.min(end, this.total) - 1;
    for (let p = Math.floor(start / PAGE); p <= Math.floor(last / PAGE); p++) void this.#load(p);
  }

  async #load(page: number): Promise<void> {
    if (this.#requested.has(page)) return;
    this.#requested.add(page);
    const generation = this.#generation;
    try {
      const result = await personPage(this.#filter, page * PAGE, PAGE);
      if (generation !== this.#generation) return;
      this.total = result.total;
      this.#pages.set(page, result.people);
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#requested.delete(page);
      this.error = ApiError.from(e);
    }
  }
}
