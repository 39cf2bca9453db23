// How an office reads on the person and organisation pages: "dal 01/07/2024", "dal … al …".
import type { RoleView } from '../../../lib/bindings/RoleView';
import { formatDate } from '../../../lib/format';
import { t } from '../../../lib/i18n/index.svelte';

export function period(role: RoleView): string {
  const from = formatDate(role.valid_from);
  const to = formatDate(role.valid_to);
  if (from && to) return t('role.periodFromTo', { from, to });
  if (from) return t('role.periodFrom', { from });
  if (to) return t('role.periodTo', { to });
  return t('role.periodUnknown');
}
