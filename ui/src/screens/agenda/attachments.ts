// Sizes of attached files as coordinators read them: "512 byte", "12 KB", "1,4 MB".
import { getLocale, t } from '../../lib/i18n/index.svelte';

const KB = 1024;
const MB = 1024 * 1024;

function decimal(value: number): string {
  const locale = getLocale() === 'en' ? 'en-GB' : 'it-IT';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** A byte count in the current locale: whole bytes under 1 KB, then KB, then MB (one decimal). */
export function formatSize(bytes: number): string {
  if (bytes < KB) return t('attachments.bytes', { n: bytes });
  if (bytes < MB) return t('attachments.kb', { n: decimal(bytes / KB) });
  return t('attachments.mb', { n: decimal(bytes / MB) });
}
