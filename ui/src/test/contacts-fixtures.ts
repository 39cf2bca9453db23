// Small, realistic contacts for component tests of the Contatti screens.
import type { OrgView } from '../lib/bindings/OrgView';
import type { PersonSummary } from '../lib/bindings/PersonSummary';
import type { PersonView } from '../lib/bindings/PersonView';
import type { RoleView } from '../lib/bindings/RoleView';

export const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

export function summary(id: number, family: string, given: string, office: string | null = null): PersonSummary {
  return { id, given_name: given, family_name: family, email: `${given.toLowerCase()}@comune.example.it`, phone: null, office, restricted: false };
}

export function role(over: Partial<RoleView> = {}): RoleView {
  return {
    id: 11,
    person_id: 5,
    person_name: 'Niccolò Dell’Acqua',
    organisation_id: 40,
    organisation_name: 'Comune di Pisa',
    organisation_kind: 'comune',
    title: 'Sindaco',
    valid_from: '2024-07-01',
    valid_to: null,
    notes: '',
    current: true,
    ...over,
  };
}

export function personView(over: Partial<PersonView> = {}): PersonView {
  return {
    id: 5,
    given_name: 'Niccolò',
    family_name: 'Dell’Acqua',
    honorific: null,
    notes: '',
    emails: [{ email: 'n.dellacqua@comune.pisa.it', label: 'ufficio', primary: true }],
    phones: [{ phone: '050 910111', label: '', primary: true }],
    tags: ['conferenza zonale'],
    legal_basis: 'public_task',
    data_source: 'sito istituzionale',
    retention_until: '2029-12-31',
    restricted: false,
    created_at: '2026-01-10T09:00:00Z',
    updated_at: '2026-01-10T09:00:00Z',
    roles: [
      role(),
      role({ id: 12, title: 'Assessore al sociale', valid_from: '2019-07-01', valid_to: '2024-06-30', current: false }),
    ],
    ...over,
  };
}

export function orgView(over: Partial<OrgView> = {}): OrgView {
  return {
    id: 40,
    kind: 'comune',
    name: 'Comune di Pisa',
    istat_code: '050026',
    comune_name: 'Pisa',
    zone_id: 7,
    zone_name: 'Zona Pisana',
    asl: 'nord-ovest',
    province_code: '050',
    province_name: 'Pisa',
    notes: '',
    roles_count: 2,
    ...over,
  };
}
