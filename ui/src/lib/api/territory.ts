// Territory: comuni, zones and the map of Tuscany.
// Each function calls one command through ../ipc (names, arguments and results typed by
// ../generated/commands); ../api re-exports them all.
import { call } from '../ipc';
import { commands } from '../generated/commands';
import type { ComuneDetail } from '../bindings/ComuneDetail';
import type { ComuneSummary } from '../bindings/ComuneSummary';
import type { RoleView } from '../bindings/RoleView';
import type { TerritoryTree } from '../bindings/TerritoryTree';
import type { TuscanyMap } from '../bindings/TuscanyMap';
import type { Zone } from '../bindings/Zone';

export function territoryTree(): Promise<TerritoryTree> {
  return call(commands.territoryTree);
}

/** The 273 comuni as SVG paths in one viewBox (computed once by the core). */
export function territoryMap(): Promise<TuscanyMap> {
  return call(commands.territoryMap);
}

export function searchComuni(query: string, limit = 20): Promise<ComuneSummary[]> {
  return call(commands.comuneSearch, { query, limit });
}

export function getComune(istatCode: string): Promise<ComuneDetail> {
  return call(commands.comuneGet, { istat_code: istatCode });
}

/** People in office today at the comune's Comune organisation. */
export function comunePeople(istatCode: string): Promise<RoleView[]> {
  return call(commands.comunePeople, { istat_code: istatCode });
}

export function listZones(): Promise<Zone[]> {
  return call(commands.zoneList);
}

export function confirmZones(ids: number[]): Promise<Zone[]> {
  return call(commands.zoneConfirm, { ids });
}

export function renameZone(id: number, name: string): Promise<Zone> {
  return call(commands.zoneRename, { id, name });
}

/** `zoneId` null removes the comune from any zone from `validFrom` (ISO date) on. */
export function setComuneZone(
  istatCode: string,
  zoneId: number | null,
  validFrom: string,
): Promise<ComuneDetail> {
  return call(commands.comuneSetZone, {
    istat_code: istatCode,
    zone_id: zoneId,
    valid_from: validFrom,
  });
}
