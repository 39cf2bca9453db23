// Paged loading behind the virtualised people list (lib/paged, random access): pages of PAGE rows
// are fetched when the list shows them, kept per filter, and a response for an older filter is
// dropped.
import { personPage } from '../../lib/api';
import type { PersonFilter } from '../../lib/bindings/PersonFilter';
import type { PersonSummary } from '../../lib/bindings/PersonSummary';
import { Paged } from '../../lib/paged.svelte';

export const PAGE = 100;

export class PeoplePages extends Paged<PersonFilter, PersonSummary> {
  constructor() {
    super({
      size: PAGE,
      fetch: async (filter, offset, limit) => {
        const page = await personPage(filter, offset, limit);
        return { rows: page.people, total: page.total };
      },
    });
  }
}
