// Conversions between a PersonView and the editable form state of PersonForm.
import type { Email } from '../../../lib/bindings/Email';
import type { LegalBasis } from '../../../lib/bindings/LegalBasis';
import type { PersonInput } from '../../../lib/bindings/PersonInput';
import type { PersonView } from '../../../lib/bindings/PersonView';
import type { Phone } from '../../../lib/bindings/Phone';

export const LEGAL_BASES: readonly LegalBasis[] = [
  'public_task',
  'legitimate_interests',
  'consent',
  'legal_obligation',
  'contract',
  'vital_interests',
];

/** What the form edits: lists as rows, tags as one comma-separated text. */
export interface PersonDraft {
  honorific: string;
  given_name: string;
  family_name: string;
  emails: Email[];
  phones: Phone[];
  tags: string;
  notes: string;
  legal_basis: LegalBasis | '';
  data_source: string;
  retention_until: string;
  restricted: boolean;
}

export function emptyDraft(): PersonDraft {
  return {
    honorific: '',
    given_name: '',
    family_name: '',
    emails: [{ email: '', label: '', primary: true }],
    phones: [{ phone: '', label: '', primary: true }],
    tags: '',
    notes: '',
    legal_basis: 'public_task',
    data_source: '',
    retention_until: '',
    restricted: false,
  };
}

export function draftOf(p: PersonView): PersonDraft {
  return {
    honorific: p.honorific ?? '',
    given_name: p.given_name,
    family_name: p.family_name,
    emails: p.emails.length > 0 ? p.emails.map((e) => ({ ...e })) : [{ email: '', label: '', primary: true }],
    phones: p.phones.length > 0 ? p.phones.map((x) => ({ ...x })) : [{ phone: '', label: '', primary: true }],
    tags: p.tags.join(', '),
    notes: p.notes,
    legal_basis: p.legal_basis ?? '',
    data_source: p.data_source ?? '',
    retention_until: p.retention_until ?? '',
    restricted: p.restricted,
  };
}

/** The input the core validates; blank rows are dropped, the first kept row is primary. */
export function inputOf(d: PersonDraft): PersonInput {
  const emails = d.emails.filter((e) => e.email.trim() !== '');
  const phones = d.phones.filter((p) => p.phone.trim() !== '');
  return {
    honorific: d.honorific.trim() === '' ? null : d.honorific,
    given_name: d.given_name,
    family_name: d.family_name,
    emails: emails.map((e, i) => ({ ...e, primary: emails.some((x) => x.primary) ? e.primary : i === 0 })),
    phones: phones.map((p, i) => ({ ...p, primary: phones.some((x) => x.primary) ? p.primary : i === 0 })),
    tags: d.tags
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    notes: d.notes,
    legal_basis: d.legal_basis === '' ? null : d.legal_basis,
    data_source: d.data_source.trim() === '' ? null : d.data_source,
    retention_until: d.retention_until === '' ? null : d.retention_until,
    restricted: d.restricted,
  };
}
