// Navigation areas. Areas that later issues add are declared here with `enabled: false` and are
// simply not shown: there are no placeholder screens. Enabling one = writing its screen + route
// and flipping the flag.
import type { MessageKey } from './i18n/it';
import type { Route } from './routes';

export type AreaId =
  | 'territorio'
  | 'agenda'
  | 'contatti'
  | 'azioni'
  | 'sai'
  | 'esporta'
  | 'impostazioni'
  | 'informazioni';

export type IconName = 'map' | 'calendar' | 'people' | 'check' | 'home' | 'export' | 'gear' | 'info';

export interface NavItem {
  id: AreaId;
  label: MessageKey;
  href: string;
  icon: IconName;
  /** `work` = the coordinator's areas, `system` = settings and about, shown at the bottom. */
  group: 'work' | 'system';
  enabled: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'territorio', label: 'nav.territorio', href: '#/territorio', icon: 'map', group: 'work', enabled: true },
  { id: 'agenda', label: 'nav.agenda', href: '#/agenda', icon: 'calendar', group: 'work', enabled: true },
  { id: 'contatti', label: 'nav.contatti', href: '#/contatti', icon: 'people', group: 'work', enabled: true },
  { id: 'azioni', label: 'nav.azioni', href: '#/azioni', icon: 'check', group: 'work', enabled: true },
  { id: 'sai', label: 'nav.sai', href: '#/sai', icon: 'home', group: 'work', enabled: true },
  { id: 'esporta', label: 'nav.esporta', href: '#/esporta', icon: 'export', group: 'work', enabled: false },
  { id: 'impostazioni', label: 'nav.impostazioni', href: '#/impostazioni', icon: 'gear', group: 'system', enabled: true },
  { id: 'informazioni', label: 'nav.informazioni', href: '#/informazioni', icon: 'info', group: 'system', enabled: true },
];

export function visibleNav(group: NavItem['group'], items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => item.enabled && item.group === group);
}

/** Which sidebar area a route belongs to (for `aria-current`). */
export function areaOf(route: Route): AreaId | null {
  switch (route.name) {
    case 'territorio':
    case 'zone':
    case 'comune':
    case 'area_zona':
    case 'area_asl':
      return 'territorio';
    case 'azioni':
    case 'azione':
    case 'azione_modifica':
    case 'azione_nuova':
      return 'azioni';
    case 'contatti':
    case 'persona':
    case 'persona_nuova':
    case 'enti':
    case 'ente':
    case 'doppioni':
    case 'importa':
      return 'contatti';
    case 'agenda':
    case 'incontro':
    case 'incontro_modifica':
    case 'verbale':
    case 'incontro_nuovo':
    case 'agenda_importa':
    case 'agenda_verbali':
      return 'agenda';
    case 'sai':
      return 'sai';
    case 'impostazioni':
    case 'registro':
    case 'backup':
      return 'impostazioni';
    case 'informazioni':
      return 'informazioni';
    default:
      return null;
  }
}
