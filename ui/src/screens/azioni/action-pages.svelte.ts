// Paged loading behind the Azioni list (lib/paged): the actions of a filter are fetched PAGE at a
// time as the virtualised list scrolls (each page brings the total); the rows shown stay until
// the first page of a new filter is in.
import { listActions } from '../../lib/api';
import type { ActionFilter } from '../../lib/bindings/ActionFilter';
import type { ActionSummary } from '../../lib/bindings/ActionSummary';
import { Paged } from '../../lib/paged.svelte';

export const PAGE = 200;

export class ActionPages extends Paged<ActionFilter, ActionSummary> {
  constructor() {
    super({
      size: PAGE,
      fetch: async (filter, offset, limit) => {
        const page = await listActions({ ...filter, offset, limit });
        return { rows: page.rows, total: page.total };
      },
    });
  }
}
