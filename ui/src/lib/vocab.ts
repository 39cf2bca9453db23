// The fixed vocabularies of the UI, in display order: the three ASL (code, official and short
// name), meeting kinds, statuses and attendance answers, scope kinds, action statuses,
// priorities, due windows and sort orders, SAI statuses, organisation kinds and audit actions.
// This is the only place they are listed.
//
// Each list is written as a record over the union type generated from the core's enum
// (`lib/bindings/`), so a value added on the Rust side and not here — or one removed there and
// left here — is a type error (svelte-check), not a select that silently lacks an option.
// (Follow-up: emit these lists, with the ASL names of `AslCode::official_name`, from the core's
// bindings test instead of writing them here.)
import type { ActionPriority } from './bindings/ActionPriority';
import type { ActionSort } from './bindings/ActionSort';
import type { ActionStatus } from './bindings/ActionStatus';
import type { AslCode } from './bindings/AslCode';
import type { Attendance } from './bindings/Attendance';
import type { AuditAction } from './bindings/AuditAction';
import type { DueWindow } from './bindings/DueWindow';
import type { MeetingKind } from './bindings/MeetingKind';
import type { MeetingStatus } from './bindings/MeetingStatus';
import type { OrgKind } from './bindings/OrgKind';
import type { SaiStatus } from './bindings/SaiStatus';
import type { ScopeKind } from './bindings/ScopeKind';

/** The keys of a record over every member of `K`, in the order written. */
function keysOf<K extends string>(record: Record<K, unknown>): readonly K[] {
  return Object.freeze(Object.keys(record) as K[]);
}

/** Whether `value` is one of `list` (a type guard for values read from an address or a file). */
export function isOneOf<K extends string>(list: readonly K[], value: string | null | undefined): value is K {
  return value !== null && value !== undefined && (list as readonly string[]).includes(value);
}

/** The three Aziende USL Toscana: official name (as `AslCode::official_name` in the core) and short name. */
export const ASL_NAMES = {
  'nord-ovest': { name: 'Azienda USL Toscana nord-ovest', short: 'ASL nord-ovest' },
  centro: { name: 'Azienda USL Toscana centro', short: 'ASL centro' },
  'sud-est': { name: 'Azienda USL Toscana sud-est', short: 'ASL sud-est' },
} as const satisfies Record<AslCode, { name: string; short: string }>;

/** The ASL codes in the usual order (the core's `AslCode::ALL`). */
export const ASLS: readonly AslCode[] = keysOf(ASL_NAMES);

export function isAslCode(value: string | null | undefined): value is AslCode {
  return isOneOf(ASLS, value);
}

/** "Azienda USL Toscana nord-ovest". */
export function aslName(code: AslCode): string {
  return ASL_NAMES[code].name;
}

/** "ASL nord-ovest". */
export function aslShortName(code: AslCode): string {
  return ASL_NAMES[code].short;
}

export const MEETING_KINDS = keysOf({
  conferenza_zonale: 1,
  conferenza_aziendale: 1,
  conferenza_regionale: 1,
  direttori_sds: 1,
  giunta_unione: 1,
  incontro_sindaco: 1,
  zona_distretto: 1,
  prefettura: 1,
  altro: 1,
} satisfies Record<MeetingKind, 1>);

export const MEETING_STATUSES = keysOf({ planned: 1, confirmed: 1, held: 1, postponed: 1, cancelled: 1 } satisfies Record<MeetingStatus, 1>);

export const ATTENDANCES = keysOf({ invited: 1, present: 1, absent: 1, excused: 1, delegated: 1 } satisfies Record<Attendance, 1>);

export const SCOPE_KINDS = keysOf({ none: 1, region: 1, asl: 1, zone: 1, province: 1, unione: 1, comune: 1 } satisfies Record<ScopeKind, 1>);

export const ACTION_STATUSES = keysOf({ open: 1, in_progress: 1, waiting: 1, done: 1, cancelled: 1 } satisfies Record<ActionStatus, 1>);

export const ACTION_PRIORITIES = keysOf({ high: 1, normal: 1, low: 1 } satisfies Record<ActionPriority, 1>);

export const DUE_WINDOWS = keysOf({ overdue: 1, today: 1, this_week: 1, next_30: 1, no_date: 1 } satisfies Record<DueWindow, 1>);

export const ACTION_SORTS = keysOf({ due: 1, priority: 1, status: 1, updated: 1, title: 1 } satisfies Record<ActionSort, 1>);

export const SAI_STATUSES = keysOf({
  not_engaged: 1,
  informed: 1,
  interested: 1,
  evaluating: 1,
  deliberation_adopted: 1,
  application_submitted: 1,
  active: 1,
  expanding: 1,
  declined: 1,
} satisfies Record<SaiStatus, 1>);

export const ORG_KINDS = keysOf({
  comune: 1,
  unione: 1,
  sds: 1,
  zona: 1,
  asl: 1,
  prefettura: 1,
  regione: 1,
  anci: 1,
  ente_gestore: 1,
  associazione: 1,
  altro: 1,
} satisfies Record<OrgKind, 1>);

/** What an audit log entry records. */
export const AUDIT_ACTIONS = keysOf({ create: 1, update: 1, delete: 1, import: 1, export: 1, migrate: 1 } satisfies Record<AuditAction, 1>);
