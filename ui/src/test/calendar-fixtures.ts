// Calendar import reports as the core sends them (a Thunderbird file: a conference, a series with
// a moved occurrence, an all-day deadline, a to-do skipped), for the import screen's tests.
import type { CalendarImportReport } from '../lib/bindings/CalendarImportReport';
import type { CalendarImportRow } from '../lib/bindings/CalendarImportRow';

export function importRow(over: Partial<CalendarImportRow> = {}): CalendarImportRow {
  return {
    line: 22,
    uid: '6f1c2b1e-3a4d-4e2f-9b8a-2c7d5e1f0a11',
    title: 'Conferenza zonale dei sindaci – Zona Pisana',
    start: '2027-03-25T10:00:00',
    all_day: false,
    occurrence: false,
    outcome: 'created',
    meeting_id: null,
    meetings: 1,
    message: '2 invitati non in rubrica, registrati per nome: Michele Conti <sindaco@comune.pisa.it>',
    ...over,
  };
}

/** The dry run of thunderbird.ics on an empty database (`applied`: the import itself). */
export function thunderbirdReport(applied = false): CalendarImportReport {
  const id = (n: number) => (applied ? n : null);
  const rows = [
    importRow({ meeting_id: id(1) }),
    importRow({ line: 54, uid: 'b3e5', title: 'Tavolo in Prefettura – accoglienza diffusa', start: '2027-04-01T15:00:00', message: '', meeting_id: id(2) }),
    importRow({
      line: 67,
      uid: '0c9a',
      title: 'Incontro Direttori SdS – ASL Toscana nord-ovest',
      start: '2027-01-12T10:00:00',
      meetings: 5,
      message: 'serie di 5 incontri',
      meeting_id: id(3),
    }),
    importRow({ line: 84, uid: '0c9a', title: 'Incontro Direttori SdS – spostato per Pasquetta', start: '2027-04-14T15:00:00', occurrence: true, message: '', meeting_id: id(6) }),
    importRow({ line: 98, uid: 'e4d3', title: 'Scadenza domande di prosecuzione SAI', start: '2027-04-15T00:00:00', all_day: true, message: '', meeting_id: id(8) }),
  ];
  return {
    report: { file: 'thunderbird.ics', dry_run: !applied, rows_read: 5, rows_ok: 5, rejected: [], applied },
    encoding: 'utf8',
    created: 5,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    meetings_created: 8,
    meetings_updated: 0,
    meetings_deleted: 0,
    rows,
    notes: [{ line: 110, message: "riga 110: un'attività (VTODO) non è un incontro ed è stato saltato" }],
  };
}
