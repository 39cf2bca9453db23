// Contacts: people, organisations, offices, duplicates, and contact files (import, export, GDPR).
// Each function calls one command through ../ipc (names, arguments and results typed by
// ../generated/commands); ../api re-exports them all.
import { call } from '../ipc';
import { commands } from '../generated/commands';
import type { ContactExportKind } from '../bindings/ContactExportKind';
import type { ContactField } from '../bindings/ContactField';
import type { ContactImportReport } from '../bindings/ContactImportReport';
import type { DuplicateGroup } from '../bindings/DuplicateGroup';
import type { ExportOutcome } from '../bindings/ExportOutcome';
import type { ImportPick } from '../bindings/ImportPick';
import type { OrgInput } from '../bindings/OrgInput';
import type { OrgKind } from '../bindings/OrgKind';
import type { OrgLink } from '../bindings/OrgLink';
import type { OrgView } from '../bindings/OrgView';
import type { PersonFilter } from '../bindings/PersonFilter';
import type { PersonInput } from '../bindings/PersonInput';
import type { PersonPage } from '../bindings/PersonPage';
import type { PersonView } from '../bindings/PersonView';
import type { RoleInput } from '../bindings/RoleInput';
import type { RoleView } from '../bindings/RoleView';
import type { SearchHit } from '../bindings/SearchHit';

/** As-you-type search across people, organisations and offices (best first). */
export function searchContacts(query: string, limit = 30): Promise<SearchHit[]> {
  return call(commands.contactSearch, { query, limit });
}

/** A window of the people matching `filter` (by family name) and how many match in all. */
export function personPage(filter: PersonFilter, offset: number, limit: number): Promise<PersonPage> {
  return call(commands.personPage, { filter, offset, limit });
}

export function getPerson(id: number): Promise<PersonView> {
  return call(commands.personGet, { id });
}

export function createPerson(input: PersonInput): Promise<PersonView> {
  return call(commands.personCreate, { input });
}

export function updatePerson(id: number, input: PersonInput): Promise<PersonView> {
  return call(commands.personUpdate, { id, input });
}

/** GDPR erasure: removes the person everywhere (meeting history shows "partecipante rimosso"). */
export function erasePerson(id: number): Promise<void> {
  return call(commands.personErase, { id });
}

export function personDuplicates(): Promise<DuplicateGroup[]> {
  return call(commands.personDuplicates);
}

/** Merges `removeIds` into `keepId`, keeping every office, e-mail, phone, tag and note. */
export function mergePeople(keepId: number, removeIds: number[]): Promise<PersonView> {
  return call(commands.personMerge, { keep_id: keepId, remove_ids: removeIds });
}

export function listOrgs(kind: OrgKind | null = null, search: string | null = null): Promise<OrgView[]> {
  return call(commands.orgList, { kind, search });
}

export function getOrg(id: number): Promise<OrgView> {
  return call(commands.orgGet, { id });
}

export function createOrg(input: OrgInput): Promise<OrgView> {
  return call(commands.orgCreate, { input });
}

/** Offices at the organisation; with `on` (ISO date) only those held on that day. */
export function orgRoles(id: number, on: string | null = null): Promise<RoleView[]> {
  return call(commands.orgRoles, { id, on });
}

/** Member comuni (Unione) or zones (SdS), dated; empty for other kinds. */
export function orgLinks(id: number, on: string | null = null): Promise<OrgLink[]> {
  return call(commands.orgLinks, { id, on });
}

export function addRole(input: RoleInput): Promise<RoleView> {
  return call(commands.roleAdd, { input });
}

export function updateRole(id: number, input: RoleInput): Promise<RoleView> {
  return call(commands.roleUpdate, { id, input });
}

export function deleteRole(id: number): Promise<RoleView> {
  return call(commands.roleDelete, { id });
}

/** Opens the native file dialog; `null` when the user cancels. */
export function pickContactsImport(): Promise<ImportPick | null> {
  return call(commands.contactsImportPick);
}

/**
 * Imports the chosen file (all-or-nothing). `mapping` (CSV only) pairs each column with a field;
 * `dryRun` only reports what would happen.
 */
export function runContactsImport(
  token: number,
  mapping: [string, ContactField][] | null,
  dryRun: boolean,
): Promise<ContactImportReport> {
  return call(commands.contactsImportRun, { token, mapping, dry_run: dryRun });
}

/** Opens the native save dialog and writes the people matching `filter`; `null` when cancelled. */
export function exportContacts(kind: ContactExportKind, filter: PersonFilter): Promise<ExportOutcome | null> {
  return call(commands.contactsExport, { kind, filter });
}

/** GDPR: saves everything about the person as JSON (native save dialog); `null` when cancelled. */
export function exportPersonData(id: number): Promise<ExportOutcome | null> {
  return call(commands.personExportGdpr, { id });
}
