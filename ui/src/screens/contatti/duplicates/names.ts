// How a person is named in the duplicates screen: "Given Family", else the e-mail, else a
// placeholder (people imported with only an e-mail have no name).
import { t } from '../../../lib/i18n/index.svelte';

type Named = { given_name: string; family_name: string; email?: string | null; phone?: string | null };

export function personName(p: Named): string {
  const name = `${p.given_name} ${p.family_name}`.trim();
  if (name !== '') return name;
  return p.email ?? t('contactFiles.dup.noName');
}

/** The name with the e-mail (or phone) in brackets: duplicates often share the very same name. */
export function personLabel(p: Named): string {
  const name = personName(p);
  const detail = p.email ?? p.phone;
  return detail && detail !== name ? `${name} (${detail})` : name;
}
