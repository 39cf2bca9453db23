// The place an organisation covers, as one line.
import type { OrgView } from '../../lib/bindings/OrgView';

/** "Pisa", "Zona Pisana", "Provincia di Pisa", "ASL Toscana nord-ovest" — or ''. */
export function orgPlace(org: OrgView): string {
  if (org.comune_name) return org.comune_name;
  if (org.zone_name) return org.zone_name;
  if (org.province_name) return org.province_name;
  if (org.asl) return `ASL Toscana ${org.asl}`;
  return '';
}
