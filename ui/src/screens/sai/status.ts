// The SAI statuses in the UI: order, map colours and the marks/legend the map is given. The
// rule of what a comune shows (own project, covered through an Unione/SdS, own status) is the
// core's (SaiComuneView.status / covered_by); this module only picks colours and words.
import type { MapMark, LegendEntry } from '../../components/TuscanyMap.svelte';
import type { SaiComuneView } from '../../lib/bindings/SaiComuneView';
import type { SaiStatus } from '../../lib/bindings/SaiStatus';
import { t } from '../../lib/i18n/index.svelte';
import { isOneOf, SAI_STATUSES } from '../../lib/vocab';

/** Map colours: greys/blues while talking, yellows/oranges for the formal steps, greens for a project, a muted red for a refusal. */
export const STATUS_FILL: Record<SaiStatus, string> = {
  not_engaged: '#cfcfc8',
  informed: '#c6dbef',
  interested: '#8fbbdc',
  evaluating: '#5a9bcc',
  deliberation_adopted: '#f6d36b',
  application_submitted: '#f0a04b',
  active: '#2f9a55',
  expanding: '#11693a',
  declined: '#c06c78',
};

export function isSaiStatus(value: string): value is SaiStatus {
  return isOneOf(SAI_STATUSES, value);
}

/** The marks of the map: own status, or the covering ente's status hatched. */
export function marksOf(views: SaiComuneView[]): Record<string, MapMark> {
  const marks: Record<string, MapMark> = {};
  for (const v of views) {
    if (!v.status) continue;
    const label = t(`saiStatus.${v.status}`);
    marks[v.istat_code] = v.covered_by
      ? { fill: STATUS_FILL[v.status], label: t('sai.coveredThrough', { name: v.covered_by.name, status: label }), hatch: true }
      : { fill: STATUS_FILL[v.status], label };
  }
  return marks;
}

/** One legend entry per status present, the covered comuni, the comuni not surveyed; with counts. */
export function legendOf(views: SaiComuneView[]): LegendEntry[] {
  const own = new Map<SaiStatus, number>();
  let covered = 0;
  let none = 0;
  for (const v of views) {
    if (v.covered_by) covered += 1;
    else if (v.status) own.set(v.status, (own.get(v.status) ?? 0) + 1);
    else none += 1;
  }
  const entries: LegendEntry[] = SAI_STATUSES.filter((s) => own.has(s)).map((s) => ({
    fill: STATUS_FILL[s],
    label: t(`saiStatus.${s}`),
    count: own.get(s) ?? 0,
  }));
  if (covered > 0) entries.push({ fill: STATUS_FILL.active, label: t('sai.legendCovered'), hatch: true, count: covered });
  entries.push({ fill: '#f1f1ee', label: t('sai.notSurveyed'), count: none });
  return entries;
}
