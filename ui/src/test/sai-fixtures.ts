// Small SAI survey data for component tests.
import type { SaiComunePage } from '../lib/bindings/SaiComunePage';
import type { SaiComuneView } from '../lib/bindings/SaiComuneView';
import type { SaiRecord } from '../lib/bindings/SaiRecord';
import type { SaiRow } from '../lib/bindings/SaiRow';
import type { SaiStatus } from '../lib/bindings/SaiStatus';
import type { SaiSummary } from '../lib/bindings/SaiSummary';
import type { SaiSummaryRow } from '../lib/bindings/SaiSummaryRow';
import type { SaiEnte } from '../lib/bindings/SaiEnte';

export const HOSTILE = '<img src=x onerror=window.__pwned=1>';

export const PISA_ENTE: SaiEnte = {
  org_id: 12,
  name: 'Comune di Pisa',
  kind: 'comune',
  istat_code: '050026',
  asl: 'nord-ovest',
  zone_id: 7,
  zone_name: 'Zona Pisana',
  province_abbr: 'PI',
  comuni: 1,
  population: 90745,
};

export const UNIONE_ENTE: SaiEnte = {
  org_id: 300,
  name: `Unione Valdera ${HOSTILE}`,
  kind: 'unione',
  istat_code: null,
  asl: 'nord-ovest',
  zone_id: 8,
  zone_name: 'Alta Val di Cecina-Valdera',
  province_abbr: 'PI',
  comuni: 2,
  population: 50000,
};

export function record(status: SaiStatus = 'interested'): SaiRecord {
  return {
    ente: PISA_ENTE,
    status,
    status_since: '2025-02-01',
    facts: {
      titolare: 'Comune di Pisa',
      gestore: `Cooperativa ${HOSTILE}`,
      places: { ordinari: 10, dm_ds: 2, msna: 5 },
      funding_start: '2024-01-01',
      funding_end: '2026-12-31',
      triennial: true,
      next_step: 'Delibera di giunta',
      next_step_due: '2025-06-30',
      notes: '',
    },
    next_step_action_id: null,
    synthetic: false,
    updated_at: '2025-02-01T10:00:00Z',
    history: [
      { id: 2, status, on: '2025-02-01', note: 'in conferenza', source_meeting_id: null, source_meeting: null, source_person_id: null, source_person: null, source_text: 'telefonata', recorded_at: '2025-02-01T10:00:00Z' },
      { id: 1, status: 'informed', on: '2024-11-05', note: '', source_meeting_id: 4, source_meeting: 'Conferenza zonale (05/11/2024)', source_person_id: null, source_person: null, source_text: '', recorded_at: '2024-11-05T10:00:00Z' },
    ],
  };
}

export function page(status: SaiStatus | null = 'interested'): SaiComunePage {
  const own = status ? record(status) : null;
  return {
    org_id: 12,
    view: { istat_code: '050026', name: 'Pisa', own: status, covers: [], status, covered_by: null },
    record: own,
  };
}

export const COVERED_PAGE: SaiComunePage = {
  org_id: 13,
  view: {
    istat_code: '050008',
    name: 'Cascina',
    own: null,
    covers: [{ org_id: 300, name: UNIONE_ENTE.name, kind: 'unione', status: 'active' }],
    status: 'active',
    covered_by: { org_id: 300, name: UNIONE_ENTE.name, kind: 'unione', status: 'active' },
  },
  record: null,
};

export const ROWS: SaiRow[] = [
  {
    ente: PISA_ENTE,
    status: 'active',
    status_since: '2025-01-15',
    titolare: 'Comune di Pisa',
    gestore: 'Cooperativa',
    places: { ordinari: 10, dm_ds: 2, msna: 5 },
    funding_start: null,
    funding_end: null,
    triennial: false,
    next_step: '',
    next_step_due: null,
    synthetic: false,
  },
  {
    ente: UNIONE_ENTE,
    status: 'interested',
    status_since: '2025-03-01',
    titolare: '',
    gestore: '',
    places: { ordinari: 0, dm_ds: 0, msna: 0 },
    funding_start: null,
    funding_end: null,
    triennial: false,
    next_step: 'Incontro con la giunta',
    next_step_due: '2025-07-01',
    synthetic: true,
  },
];

export const VIEWS: SaiComuneView[] = [
  { istat_code: '050026', name: 'Pisa', own: 'active', covers: [], status: 'active', covered_by: null },
  COVERED_PAGE.view,
  { istat_code: '049003', name: 'Capraia Isola', own: null, covers: [], status: null, covered_by: null },
];

function row(key: string, label: string, enti: number, places: number): SaiSummaryRow {
  return {
    key,
    label,
    enti,
    by_status: [{ status: 'active', count: enti }],
    places: { ordinari: places, dm_ds: 0, msna: 0 },
    places_total: places,
    comuni: 100,
    comuni_own_project: 1,
    comuni_covered: 2,
    population: 1_000_000,
    places_per_1000: places / 1000,
  };
}

export const SUMMARY_ASL: SaiSummary = {
  by: 'asl',
  on: '2025-06-01',
  rows: [row('nord-ovest', 'Azienda USL Toscana nord-ovest', 2, 29), row('centro', 'Azienda USL Toscana centro', 2, 20), row('sud-est', 'Azienda USL Toscana sud-est', 1, 0)],
  total: row('', 'Toscana', 5, 49),
};
