// Pure helpers of «Esporta verbali»: the format choices and their wire form.
import type { MinutesFormat } from '../../lib/bindings/MinutesFormat';

/** The formats offered, in the order shown (PDF/A is PDF with `pdfa`). */
export const BATCH_FORMATS = ['pdf', 'pdfa', 'docx', 'odt', 'md', 'html'] as const;
export type BatchFormatChoice = (typeof BATCH_FORMATS)[number];

/** At most this many verbali are listed in the preview (the count is always exact). */
export const PREVIEW_ROWS = 200;

/** The core's format for a choice. */
export function minutesFormat(choice: BatchFormatChoice): MinutesFormat {
  switch (choice) {
    case 'pdf':
      return { kind: 'pdf', pdfa: false };
    case 'pdfa':
      return { kind: 'pdf', pdfa: true };
    default:
      return { kind: choice };
  }
}
