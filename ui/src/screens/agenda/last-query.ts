// The Agenda's last view and filters, so that leaving a meeting (Annulla, "Torna al calendario")
// returns to the calendar as the coordinator left it, at the meeting's date.
import { AGENDA_DEFAULT, type AgendaQuery, type Route } from '../../lib/routes';

let last: AgendaQuery = AGENDA_DEFAULT;

export function rememberAgenda(query: AgendaQuery): void {
  last = query;
}

/** The calendar as last seen, showing `date` (ISO) when given. */
export function agendaRoute(date: string | null = null): Route {
  return { name: 'agenda', query: { ...last, date: date ?? last.date } };
}
