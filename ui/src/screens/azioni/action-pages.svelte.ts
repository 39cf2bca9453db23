// Paged loading behind the Azioni list: the actions of a filter are fetched PAGE at a time as the
// virtualised list scrolls (the first page brings the total). A response for an older filter is
// dropped.
import { ApiError, listActions } from '../../lib/api';
import type { ActionFilter } from '../../lib/bindings/ActionFilter';
import type { ActionSummary } from '../../lib/bindings/ActionSummary';

export const PAGE = 200;

export class ActionPages {
  total = $state<number | null>(null);
  error = $state<ApiError | null>(null);
  rows = $state<ActionSummary[]>([]);
  #filter: ActionFilter | null = null;
  #generation = 0;
  #loading = false;

  /** More actions match than are loaded. */
  get more(): boolean {
    return this.total !== null && this.rows.length < this.total;
  }

  async reset(filter: ActionFilter): Promise<void> {
    this.#filter = filter;
    this.#generation += 1;
    const generation = this.#generation;
    this.#loading = true;
    this.error = null;
    try {
      const page = await listActions({ ...filter, offset: 0, limit: PAGE });
      if (generation !== this.#generation) return;
      this.rows = page.rows;
      this.total = page.total;
    } catch (e) {
      if (generation === this.#generation) this.error = ApiError.from(e);
    } finally {
      if (generation === this.#generation) this.#loading = false;
    }
  }

  /** Loads the next page, if any and if none is loading. */
  async next(): Promise<void> {
    if (!this.#filter || this.#loading || !this.more) return;
    this.#loading = true;
    const generation = this.#generation;
    try {
      const page = await listActions({ ...this.#filter, offset: this.rows.length, limit: PAGE });
      if (generation !== this.#generation) return;
      this.rows = [...this.rows, ...page.rows];
      this.total = page.rows.length === 0 ? this.rows.length : page.total;
    } catch (e) {
      if (generation === this.#generation) this.error = ApiError.from(e);
    } finally {
      if (generation === this.#generation) this.#loading = false;
    }
  }
}
