// Small helpers shared by the Azioni screens: labels of owners and due dates, the board's
// columns, the input of the form from an action.
import type { ActionOwner } from '../../lib/bindings/ActionOwner';
import type { ActionStatus } from '../../lib/bindings/ActionStatus';
import { formatDate } from '../../lib/format';
import { t } from '../../lib/i18n/index.svelte';
import { ACTION_STATUSES } from '../../lib/vocab';

/** The board's columns, in the order of work: every status. */
export const BOARD_COLUMNS: readonly ActionStatus[] = ACTION_STATUSES;

/** Who carries it out, as shown: "—" when nobody. */
export function ownerText(owner: ActionOwner, name: string): string {
  return owner.kind === 'none' ? t('actions.nobody') : name;
}

/** "31/03/2027", or "senza scadenza". */
export function dueText(due: string | null): string {
  return due ? formatDate(due) : t('actions.noDue');
}

