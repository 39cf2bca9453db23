// The column-mapping step of a CSV import: the fields a column can go to, one row per distinct
// header with sample values, and the `[header, field]` pairs sent to `contacts_import_run`.
import type { ContactField } from '../../../lib/bindings/ContactField';
import type { CsvPreview } from '../../../lib/bindings/CsvPreview';
import type { TextEncoding } from '../../../lib/bindings/TextEncoding';
import type { MessageKey } from '../../../lib/i18n/it';

/** The fields in the order of the select (the most common first, "do not import" last). */
export const CONTACT_FIELDS: readonly ContactField[] = [
  'given_name',
  'family_name',
  'full_name',
  'honorific',
  'email',
  'phone',
  'organisation',
  'title',
  'comune',
  'notes',
  'tags',
  'ignore',
];

/** Fields that identify a person: a row needs at least one of them. */
const IDENTITY_FIELDS: readonly ContactField[] = ['given_name', 'family_name', 'full_name', 'email', 'organisation'];

export function fieldLabelKey(field: ContactField): MessageKey {
  return `contactFiles.field.${field}`;
}

export function encodingLabelKey(encoding: TextEncoding): MessageKey {
  return `contactFiles.encoding.${encoding}`;
}

export function separatorLabelKey(separator: string): MessageKey | null {
  switch (separator) {
    case ';':
      return 'contactFiles.separator.semicolon';
    case ',':
      return 'contactFiles.separator.comma';
    case '\t':
      return 'contactFiles.separator.tab';
    default:
      return null;
  }
}

/** One row of the mapping table: a distinct header, where it is, what it holds, its field. */
export type MappingRow = {
  header: string;
  /** Index of the first column with this header. */
  column: number;
  samples: string[];
  field: ContactField;
};

/** Longest sample shown in full; longer cells are cut with "…" (the full text is in a tooltip). */
export const SAMPLE_MAX = 80;

export function shorten(text: string, max = SAMPLE_MAX): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Up to `count` non-blank values of column `column` from the preview rows. */
export function samplesOf(rows: readonly (readonly string[])[], column: number, count = 2): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const cell = row[column];
    if (cell !== undefined && cell.trim() !== '') out.push(cell);
    if (out.length === count) break;
  }
  return out;
}

/** The mapping table of a preview, each header preselected with its suggested field. */
export function mappingRows(csv: CsvPreview): MappingRow[] {
  const suggested = new Map(csv.suggested);
  const rows: MappingRow[] = [];
  const seen = new Set<string>();
  csv.headers.forEach((header, column) => {
    if (seen.has(header)) return;
    seen.add(header);
    rows.push({ header, column, samples: samplesOf(csv.rows, column), field: suggested.get(header) ?? 'ignore' });
  });
  return rows;
}

/** The mapping as the backend takes it: one `[header, field]` pair per distinct header. */
export function mappingPairs(rows: readonly MappingRow[]): [string, ContactField][] {
  return rows.map((r) => [r.header, r.field]);
}

/** Whether some column gives rows a name, e-mail or organisation (else every row is rejected). */
export function hasIdentity(rows: readonly MappingRow[]): boolean {
  return rows.some((r) => IDENTITY_FIELDS.includes(r.field));
}

/** The field of every column (by position), for the preview of the first rows. */
export function fieldsByColumn(headers: readonly string[], rows: readonly MappingRow[]): ContactField[] {
  const byHeader = new Map(rows.map((r) => [r.header, r.field]));
  return headers.map((h) => byHeader.get(h) ?? 'ignore');
}
