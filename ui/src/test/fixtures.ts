// Small, realistic territory data for component tests (not the real 273 comuni).
import type { AppInfo } from '../lib/bindings/AppInfo';
import type { AppStatus } from '../lib/bindings/AppStatus';
import type { ComuneDetail } from '../lib/bindings/ComuneDetail';
import type { ComuneSummary } from '../lib/bindings/ComuneSummary';
import type { Profile } from '../lib/bindings/Profile';
import type { TerritoryTree } from '../lib/bindings/TerritoryTree';
import type { Zone } from '../lib/bindings/Zone';

export const READY: AppStatus = {
  ready: true,
  db_path: '/home/maria/.local/share/raccordo/raccordo.sqlite',
  error: null,
  first_run: false,
  notices: [],
};

export const PISA: ComuneSummary = {
  istat_code: '050026',
  name: 'Pisa',
  province_abbr: 'PI',
  asl: 'nord-ovest',
  zone_id: 7,
  zone_name: 'Zona Pisana',
  population: 90745,
};

export const CASCINA: ComuneSummary = {
  istat_code: '050008',
  name: 'Cascina',
  province_abbr: 'PI',
  asl: 'nord-ovest',
  zone_id: 7,
  zone_name: 'Zona Pisana',
  population: 45127,
};

export const CAPRAIA: ComuneSummary = {
  istat_code: '049003',
  name: 'Capraia Isola',
  province_abbr: 'LI',
  asl: 'nord-ovest',
  zone_id: null,
  zone_name: null,
  population: 394,
};

export const FIRENZE: ComuneSummary = {
  istat_code: '048017',
  name: 'Firenze',
  province_abbr: 'FI',
  asl: 'centro',
  zone_id: 12,
  zone_name: 'Firenze',
  population: 361619,
};

export const ZONES: Zone[] = [
  { id: 7, name: 'Zona Pisana', asl: 'nord-ovest', confirmed: false, comuni_count: 2, population: 135872 },
  { id: 8, name: 'Alta Val di Cecina - Val d’Era', asl: 'nord-ovest', confirmed: true, comuni_count: 0, population: 0 },
  { id: 12, name: 'Firenze', asl: 'centro', confirmed: false, comuni_count: 1, population: 361619 },
];

export function tree(overrides: Partial<TerritoryTree> = {}): TerritoryTree {
  return {
    on: '2026-11-26',
    comuni_count: 4,
    population: 497885,
    zones_to_confirm: 2,
    synthetic_memberships: false,
    asl: [
      {
        asl: { code: 'nord-ovest', name: 'Azienda USL Toscana nord-ovest', comuni_count: 3, population: 136266 },
        zones: [
          { zone: ZONES[0]!, comuni: [CASCINA, PISA] },
          { zone: ZONES[1]!, comuni: [] },
        ],
        unassigned: [CAPRAIA],
      },
      {
        asl: { code: 'centro', name: 'Azienda USL Toscana centro', comuni_count: 1, population: 361619 },
        zones: [{ zone: ZONES[2]!, comuni: [FIRENZE] }],
        unassigned: [],
      },
    ],
    ...overrides,
  };
}

export function pisaDetail(overrides: Partial<ComuneDetail> = {}): ComuneDetail {
  return {
    istat_code: '050026',
    name: 'Pisa',
    cadastral_code: 'G702',
    province_code: '050',
    province_name: 'Pisa',
    province_abbr: 'PI',
    provincial_capital: true,
    nuts3: 'ITI17',
    asl: 'nord-ovest',
    asl_name: 'Azienda USL Toscana nord-ovest',
    population: 90745,
    population_year: 2023,
    zone: {
      id: 31,
      zone_id: 7,
      zone_name: 'Zona Pisana',
      valid_from: '2024-01-01',
      valid_to: null,
      source: 'demo',
      synthetic: true,
    },
    zone_history: [
      {
        id: 31,
        zone_id: 7,
        zone_name: 'Zona Pisana',
        valid_from: '2024-01-01',
        valid_to: null,
        source: 'demo',
        synthetic: true,
      },
      {
        id: 4,
        zone_id: 8,
        zone_name: 'Alta Val di Cecina - Val d’Era',
        valid_from: '2019-03-15',
        valid_to: '2023-12-31',
        source: 'import zone.csv',
        synthetic: false,
      },
    ],
    ...overrides,
  };
}

export const PROFILE: Profile = {
  coordinator_name: 'Maria Rossi',
  organisation: 'ANCI Toscana',
  configured: true,
};

export const INFO: AppInfo = {
  version: '0.1.0',
  db_path: '/home/maria/.local/share/raccordo/raccordo.sqlite',
  data_dir: '/home/maria/.local/share/raccordo',
  attribution: 'Elenco comuni: ISTAT, CC BY 4.0',
  schema_version: 1,
};
