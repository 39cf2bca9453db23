// The Agenda's rules over its vocabularies (the lists themselves are in lib/vocab.ts): the colour
// class of a meeting kind, the scope each kind normally has, the ten Tuscan provinces, and the
// core filter of what the Agenda shows.
import type { MeetingFilter } from '../../lib/bindings/MeetingFilter';
import type { MeetingKind } from '../../lib/bindings/MeetingKind';
import type { ScopeKind } from '../../lib/bindings/ScopeKind';
import type { AgendaQuery } from '../../lib/routes';

/** The CSS class (app.css) that colours a meeting of this kind. */
export function kindClass(kind: MeetingKind): string {
  return `kind-${kind.replace(/_/g, '-')}`;
}

/** The scope a meeting of this kind normally has (the core's `MeetingKind::default_scope`). */
export function defaultScope(kind: MeetingKind): ScopeKind {
  switch (kind) {
    case 'conferenza_zonale':
    case 'zona_distretto':
      return 'zone';
    case 'conferenza_aziendale':
    case 'direttori_sds':
      return 'asl';
    case 'conferenza_regionale':
      return 'region';
    case 'giunta_unione':
      return 'unione';
    case 'incontro_sindaco':
      return 'comune';
    case 'prefettura':
      return 'province';
    case 'altro':
      return 'none';
  }
}

/** The ten provinces of Tuscany (ISTAT code, name), as in assets/territory/toscana-comuni.csv. */
export const PROVINCES: readonly { code: string; name: string }[] = [
  { code: '051', name: 'Arezzo' },
  { code: '048', name: 'Firenze' },
  { code: '053', name: 'Grosseto' },
  { code: '049', name: 'Livorno' },
  { code: '046', name: 'Lucca' },
  { code: '045', name: 'Massa-Carrara' },
  { code: '050', name: 'Pisa' },
  { code: '047', name: 'Pistoia' },
  { code: '100', name: 'Prato' },
  { code: '052', name: 'Siena' },
];

/** The core filter for what the Agenda shows between `from` and `to` (ISO dates, inclusive). */
export function meetingFilter(
  query: Pick<AgendaQuery, 'asl' | 'zone' | 'kinds' | 'text'>,
  from: string,
  to: string,
  page: { limit: number; offset: number } | null = null,
): MeetingFilter {
  return {
    from,
    to,
    kinds: [...query.kinds],
    asl: query.asl,
    zone_id: query.zone,
    statuses: [],
    text: query.text.trim(),
    limit: page ? page.limit : null,
    offset: page ? page.offset : null,
  };
}
