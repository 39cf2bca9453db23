// A list fetched a page at a time behind a virtualised list: the Agenda's list view, the Azioni
// list and the people list each build one (agenda/list-pages, azioni/action-pages,
// contatti/people-pages). The contract:
// - `reset(filter)` starts over with a new filter; a response for an older filter is dropped.
//   With `clear`, what was shown goes at once (total back to null, "loading"); without, it stays
//   until the first page of the new filter is in, then is replaced as a whole.
// - The total comes with each page, or from `count` before the first page when the page itself
//   does not carry it (`fetch` then returns `total: null`). An empty page ends the list there.
// - Two ways to read: `rows` and `next()` for a list that grows at its end (the next page starts
//   after the rows loaded), or `row(i)` and `ensure(start, end)` for random access by page
//   (pages of `size` rows at offsets `page × size`). A page is requested once; a failed one can be
//   requested again.
import { SvelteMap } from 'svelte/reactivity';
import { ApiError } from './api';

export interface Page<T> {
  rows: T[];
  /** Every matching row, or null when the page does not say (see `count`). */
  total: number | null;
}

export interface PagedSource<F, T> {
  /** Rows per page. */
  size: number;
  fetch: (filter: F, offset: number, limit: number) => Promise<Page<T>>;
  /** The total, asked before the first page. */
  count?: (filter: F) => Promise<number>;
  /** Forget what is shown as soon as the filter changes. */
  clear?: boolean;
}

export class Paged<F, T> {
  total = $state<number | null>(null);
  error = $state<ApiError | null>(null);
  readonly size: number;
  #source: PagedSource<F, T>;
  #pages = new SvelteMap<number, T[]>();
  // Bookkeeping only (never rendered): a plain Set on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #requested = new Set<number>();
  #filter: F | null = null;
  #generation = 0;
  /** The pages shown belong to the previous filter (kept until the first new page is in). */
  #stale = false;

  /** The rows loaded from the first on, in order (up to the first page not loaded). */
  rows = $derived.by(() => {
    const out: T[] = [];
    for (let p = 0; ; p++) {
      const page = this.#pages.get(p);
      if (!page) return out;
      out.push(...page);
    }
  });

  constructor(source: PagedSource<F, T>) {
    this.#source = source;
    this.size = source.size;
  }

  /** More rows match than are loaded at the end of `rows`. */
  get more(): boolean {
    return this.total !== null && this.rows.length < this.total;
  }

  /** Starts over with `filter`; resolves when the first page is in (or failed). */
  async reset(filter: F): Promise<void> {
    this.#filter = filter;
    this.#generation += 1;
    const generation = this.#generation;
    this.#requested.clear();
    this.error = null;
    if (this.#source.clear) {
      this.#pages.clear();
      this.total = null;
      this.#stale = false;
    } else {
      this.#stale = true;
    }
    if (this.#source.count) {
      try {
        const total = await this.#source.count(filter);
        if (generation !== this.#generation) return;
        this.total = total;
        if (total === 0) return;
      } catch (e) {
        if (generation === this.#generation) this.error = ApiError.from(e);
        return;
      }
    }
    await this.#load(generation, 0, 0);
  }

  /** Loads the page after the rows loaded, if more match and it is not already asked for. */
  async next(): Promise<void> {
    if (this.#filter === null || this.#stale || !this.more) return;
    let page = 0;
    while (this.#pages.has(page)) page++;
    await this.#load(this.#generation, page, this.rows.length);
  }

  /** The row at `index`, if its page is loaded (random access). */
  row(index: number): T | undefined {
    return this.#pages.get(Math.floor(index / this.size))?.[index % this.size];
  }

  /** Loads the pages covering rows `start..end` (random access; once the total is known). */
  ensure(start: number, end: number): void {
    if (this.#filter === null || this.total === null) return;
    const last = Math.min(end, this.total) - 1;
    for (let p = Math.floor(start / this.size); p <= Math.floor(last / this.size); p++) {
      void this.#load(this.#generation, p, p * this.size);
    }
  }

  async #load(generation: number, page: number, offset: number): Promise<void> {
    if (this.#filter === null || this.#requested.has(page)) return;
    this.#requested.add(page);
    try {
      const result = await this.#source.fetch(this.#filter, offset, this.size);
      if (generation !== this.#generation) return;
      if (this.#stale) {
        this.#pages.clear();
        this.#stale = false;
      }
      this.#pages.set(page, result.rows);
      // An empty page: nothing matches from `offset` on (fewer rows than counted before).
      if (result.rows.length === 0) this.total = Math.min(result.total ?? offset, offset);
      else if (result.total !== null) this.total = result.total;
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#requested.delete(page);
      this.error = ApiError.from(e);
    }
  }
}
