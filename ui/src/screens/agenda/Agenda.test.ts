import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { MeetingFilter } from '../../lib/bindings/MeetingFilter';
import type { MeetingSummary } from '../../lib/bindings/MeetingSummary';
import { todayIso } from '../../lib/format';
import { router } from '../../lib/router.svelte';
import { AGENDA_DEFAULT, type AgendaQuery } from '../../lib/routes';
import { callsTo, fakeBackend } from '../../test/backend';
import { ZONES } from '../../test/fixtures';
import { meetingSummary, meetingView } from '../../test/meeting-fixtures';
import Agenda from './Agenda.svelte';
import { TEXT_DEBOUNCE_MS } from './AgendaFilters.svelte';
import { MAX_CHIPS } from './MonthView.svelte';
import { commands } from '../../lib/generated/commands';

const MARCH: AgendaQuery = { ...AGENDA_DEFAULT, date: '2027-03-10' };
const WEEK: AgendaQuery = { ...AGENDA_DEFAULT, view: 'settimana', date: '2027-03-22' };

function backend(meetings: MeetingSummary[] = [meetingSummary()]) {
  let current = meetings;
  const calls = fakeBackend({
    [commands.meetingList]: () => current,
    [commands.meetingCount]: () => current.length,
    [commands.zoneList]: () => ZONES,
    [commands.meetingMove]: (args) => {
      current = current.map((m) => (m.id === args.id ? { ...m, start: args.start as string } : m));
      return meetingView({ id: args.id as number, start: args.start as string });
    },
  });
  return calls;
}

function lastFilter(calls: ReturnType<typeof backend>): MeetingFilter {
  return callsTo(calls, commands.meetingList).at(-1)!.args.filter as MeetingFilter;
}

/** Lays out the page for the drag tests: happy-dom computes no geometry. */
function layout(target: () => Element | null, rect: Partial<DOMRect> = {}) {
  const original = document.elementFromPoint;
  document.elementFromPoint = vi.fn(() => target());
  onTestFinished(() => {
    document.elementFromPoint = original;
  });
  const box = { top: 0, left: 0, width: 100, height: 14 * 60, bottom: 14 * 60, right: 100, x: 0, y: 0, ...rect };
  for (const el of document.querySelectorAll<HTMLElement>('[data-day]')) {
    el.getBoundingClientRect = () => ({ ...box, toJSON: () => box }) as DOMRect;
  }
}

describe('Agenda — mese', () => {
  it('fetches only the 6 weeks on screen and shows each meeting as a chip coloured by kind', async () => {
    const calls = backend([
      meetingSummary(),
      meetingSummary({ id: 2, kind: 'prefettura', title: 'Tavolo in Prefettura – Provincia di Pisa', start: '2027-03-29T15:00:00', end: '2027-03-29T16:00:00' }),
    ]);
    render(Agenda, { query: MARCH });
    expect((await screen.findByTestId('agenda-title')).textContent).toBe('marzo 2027');
    await waitFor(() => expect(screen.getAllByTestId('meeting-chip')).toHaveLength(2));
    expect(lastFilter(calls)).toEqual({ from: '2027-03-01', to: '2027-04-11', kinds: [], asl: null, zone_id: null, statuses: [], text: '', limit: null, offset: null });
    const chip = within(screen.getByTestId('day-2027-03-25')).getByTestId('meeting-chip');
    expect(chip.textContent).toContain('10:00');
    expect(chip.className).toContain('kind-conferenza-zonale');
    expect(chip.getAttribute('href')).toBe('#/agenda/incontro/1');
    expect(within(screen.getByTestId('day-2027-03-29')).getByTestId('meeting-chip').className).toContain('kind-prefettura');
    expect(screen.getByTestId('kind-legend').textContent, 'the legend names every kind').toContain('Tavolo in Prefettura');
  });

  it('opens the new-meeting form pre-filled with the day clicked', async () => {
    backend([]);
    render(Agenda, { query: MARCH });
    await fireEvent.click(await screen.findByTestId('day-add-2027-03-25'));
    expect(router.route).toEqual({ name: 'incontro_nuovo', start: '2027-03-25T10:00', allDay: false });
    expect(location.hash).toBe('#/agenda/nuovo?inizio=2027-03-25T10%3A00');
  });

  it('shows "+N altri" when a day overflows, and the whole day on request', async () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      meetingSummary({ id: i + 1, title: `Incontro ${i + 1}`, start: `2027-03-25T0${i + 8}:00:00`, end: `2027-03-25T0${i + 8}:30:00` }),
    );
    backend(many);
    render(Agenda, { query: MARCH });
    const more = await screen.findByTestId('day-more-2027-03-25');
    expect(more.textContent?.trim()).toBe(`+${5 - (MAX_CHIPS - 1)} altri`);
    expect(within(screen.getByTestId('day-2027-03-25')).getAllByTestId('meeting-chip')).toHaveLength(MAX_CHIPS - 1);
    await fireEvent.click(more);
    expect(within(screen.getByTestId('day-panel')).getAllByTestId('day-panel-meeting')).toHaveLength(5);
  });

  it('opens on the current month with today highlighted', async () => {
    const calls = backend([]);
    render(Agenda, { query: AGENDA_DEFAULT });
    const today = todayIso();
    expect((await screen.findByTestId(`day-${today}`)).className).toContain('today');
    await waitFor(() => expect(callsTo(calls, commands.meetingList)).toHaveLength(1));
    const f = lastFilter(calls);
    expect(f.from! <= today && today <= f.to!, 'the range covers today').toBe(true);
  });

  it('tells what to do when the month is empty', async () => {
    backend([]);
    render(Agenda, { query: MARCH });
    expect((await screen.findByTestId('agenda-empty')).textContent).toContain('Fai clic su un giorno');
  });

  it('moves a meeting dragged to another day, keeping its time, and undoes it', async () => {
    const calls = backend();
    render(Agenda, { query: MARCH });
    const chip = await waitFor(() => within(screen.getByTestId('day-2027-03-25')).getByTestId('meeting-chip'));
    layout(() => screen.getByTestId('day-2027-03-29'));
    await fireEvent.pointerDown(chip, { button: 0, clientX: 10, clientY: 10, pointerId: 1 });
    await fireEvent.pointerMove(chip, { clientX: 60, clientY: 90, pointerId: 1 });
    expect(screen.getByTestId('day-2027-03-29').className, 'the target day is highlighted').toContain('over');
    await fireEvent.pointerUp(chip, { clientX: 60, clientY: 90, pointerId: 1 });
    await waitFor(() => expect(callsTo(calls, commands.meetingMove)).toHaveLength(1));
    expect(callsTo(calls, commands.meetingMove)[0]!.args).toEqual({ id: 1, start: '2027-03-29T10:00:00' });
    const toast = await screen.findByTestId('move-toast');
    expect(toast.textContent).toContain('spostato al 29/03/2027 alle 10:00');
    await waitFor(() => expect(within(screen.getByTestId('day-2027-03-29')).getAllByTestId('meeting-chip')).toHaveLength(1));

    await fireEvent.click(screen.getByTestId('move-undo'));
    await waitFor(() => expect(callsTo(calls, commands.meetingMove)).toHaveLength(2));
    expect(callsTo(calls, commands.meetingMove)[1]!.args, 'undo moves it back').toEqual({ id: 1, start: '2027-03-25T10:00:00' });
    expect((await screen.findByTestId('move-undone')).textContent).toContain('annullato');
    await waitFor(() => expect(within(screen.getByTestId('day-2027-03-25')).getAllByTestId('meeting-chip')).toHaveLength(1));
  });

  it('a press without a drag is a click on the link, not a move', async () => {
    const calls = backend();
    render(Agenda, { query: MARCH });
    const chip = await waitFor(() => within(screen.getByTestId('day-2027-03-25')).getByTestId('meeting-chip'));
    layout(() => screen.getByTestId('day-2027-03-29'));
    await fireEvent.pointerDown(chip, { button: 0, clientX: 10, clientY: 10, pointerId: 1 });
    await fireEvent.pointerMove(chip, { clientX: 12, clientY: 11, pointerId: 1 });
    await fireEvent.pointerUp(chip, { clientX: 12, clientY: 11, pointerId: 1 });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    chip.dispatchEvent(click);
    expect(click.defaultPrevented, 'the link is followed').toBe(false);
    expect(callsTo(calls, commands.meetingMove)).toHaveLength(0);
  });
});

describe('Agenda — settimana', () => {
  it('positions meetings by time and creates one at the slot clicked', async () => {
    backend([meetingSummary(), meetingSummary({ id: 2, all_day: true, title: 'Giornata SAI', start: '2027-03-23T00:00:00', end: '2027-03-24T00:00:00' })]);
    render(Agenda, { query: WEEK });
    expect((await screen.findByTestId('agenda-title')).textContent).toBe('22–28 marzo 2027');
    const block = await waitFor(() => within(screen.getByTestId('col-2027-03-25')).getByTestId('meeting-block'));
    expect(block.style.getPropertyValue('top'), '10:00 is 3 of 14 hours down').toBe('21.43%');
    expect(block.style.getPropertyValue('height')).toBe('14.29%');
    expect(block.getAttribute('style') ?? '', 'no style attribute is written as markup').not.toContain('<');
    expect(within(screen.getByTestId('band-2027-03-23')).getByTestId('meeting-block').textContent).toContain('Giornata SAI');
    await fireEvent.click(screen.getByTestId('slot-2027-03-24-15:30'));
    expect(router.route).toEqual({ name: 'incontro_nuovo', start: '2027-03-24T15:30', allDay: false });
  });

  it('drags a meeting to another day and time, snapping to 15 minutes', async () => {
    const calls = backend();
    render(Agenda, { query: WEEK });
    const block = await waitFor(() => within(screen.getByTestId('col-2027-03-25')).getByTestId('meeting-block'));
    layout(() => screen.getByTestId('col-2027-03-26'));
    // The block is grabbed 10 px below its top (10:00 at 180 px in a 1 px/minute column).
    block.getBoundingClientRect = () => ({ top: 180, left: 0, width: 100, height: 120, bottom: 300, right: 100, x: 0, y: 180, toJSON: () => ({}) }) as DOMRect;
    await fireEvent.pointerDown(block, { button: 0, clientX: 50, clientY: 190, pointerId: 1 });
    await fireEvent.pointerMove(block, { clientX: 150, clientY: 307, pointerId: 1 });
    await fireEvent.pointerUp(block, { clientX: 150, clientY: 307, pointerId: 1 });
    await waitFor(() => expect(callsTo(calls, commands.meetingMove)).toHaveLength(1));
    // Top of the block at 297 px = 11:57 → 12:00.
    expect(callsTo(calls, commands.meetingMove)[0]!.args).toEqual({ id: 1, start: '2027-03-26T12:00:00' });
  });

  it('Escape cancels a drag', async () => {
    const calls = backend();
    render(Agenda, { query: WEEK });
    const block = await waitFor(() => within(screen.getByTestId('col-2027-03-25')).getByTestId('meeting-block'));
    layout(() => screen.getByTestId('col-2027-03-26'));
    await fireEvent.pointerDown(block, { button: 0, clientX: 50, clientY: 190, pointerId: 1 });
    await fireEvent.pointerMove(block, { clientX: 150, clientY: 307, pointerId: 1 });
    await fireEvent.keyDown(window, { key: 'Escape' });
    await fireEvent.pointerUp(block, { clientX: 150, clientY: 307, pointerId: 1 });
    expect(callsTo(calls, commands.meetingMove)).toHaveLength(0);
  });
});

describe('Agenda — filtri, viste e tasti', () => {
  it('keeps the filters in the route and sends them to the core', async () => {
    const calls = backend();
    const { rerender } = render(Agenda, { query: MARCH });
    await screen.findAllByTestId('meeting-chip');
    await waitFor(() => expect((screen.getByTestId('filter-zone') as HTMLSelectElement).options.length).toBe(ZONES.length + 1));
    await fireEvent.change(screen.getByTestId('filter-asl'), { target: { value: 'centro' } });
    expect(router.route).toMatchObject({ name: 'agenda', query: { asl: 'centro', zone: null } });
    await rerender({ query: (router.route as { query: AgendaQuery }).query });
    expect((screen.getByTestId('filter-zone') as HTMLSelectElement).options.length, 'only the zones of the ASL').toBe(2);
    await fireEvent.change(screen.getByTestId('filter-zone'), { target: { value: '12' } });
    await rerender({ query: (router.route as { query: AgendaQuery }).query });
    await fireEvent.click(screen.getByTestId('filter-kind-prefettura'));
    await rerender({ query: (router.route as { query: AgendaQuery }).query });
    await fireEvent.click(screen.getByTestId('filter-kind-conferenza_zonale'));
    await rerender({ query: (router.route as { query: AgendaQuery }).query });
    await fireEvent.input(screen.getByTestId('filter-text'), { target: { value: 'pisana' } });
    await new Promise((r) => setTimeout(r, TEXT_DEBOUNCE_MS + 50));
    await rerender({ query: (router.route as { query: AgendaQuery }).query });
    expect(location.hash).toBe('#/agenda?data=2027-03-10&asl=centro&zona=12&tipi=conferenza_zonale%2Cprefettura&testo=pisana');
    await waitFor(() => expect(lastFilter(calls)).toMatchObject({ asl: 'centro', zone_id: 12, kinds: ['conferenza_zonale', 'prefettura'], text: 'pisana' }));
    expect(screen.getByTestId('filter-kind-prefettura').getAttribute('aria-pressed')).toBe('true');
    await fireEvent.click(screen.getByTestId('filter-reset'));
    expect(router.route).toMatchObject({ query: { asl: null, zone: null, kinds: [], text: '' } });
  });

  it('switches views and periods with buttons and keys', async () => {
    backend([]);
    const { rerender } = render(Agenda, { query: MARCH });
    await screen.findByTestId('month-grid');
    await fireEvent.keyDown(window, { key: 's' });
    expect(router.route).toMatchObject({ query: { view: 'settimana', date: '2027-03-10' } });
    await rerender({ query: (router.route as { query: AgendaQuery }).query });
    expect(await screen.findByTestId('week-grid')).toBeTruthy();
    expect(screen.getByTestId('agenda-title').textContent).toBe('8–14 marzo 2027');
    await fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(router.route).toMatchObject({ query: { date: '2027-03-15' } });
    await rerender({ query: (router.route as { query: AgendaQuery }).query });
    await fireEvent.click(screen.getByTestId('view-elenco'));
    expect(router.route).toMatchObject({ query: { view: 'elenco' } });
    await rerender({ query: (router.route as { query: AgendaQuery }).query });
    await fireEvent.keyDown(window, { key: 't' });
    expect(router.route).toMatchObject({ query: { view: 'elenco', date: null } });
    await rerender({ query: (router.route as { query: AgendaQuery }).query });
    const input = screen.getByTestId('filter-text');
    await fireEvent.keyDown(input, { key: 'm' });
    expect(router.route, 'typing in the search box is not a shortcut').toMatchObject({ query: { view: 'elenco' } });
  });
});

describe('Agenda — elenco', () => {
  it('lists the month grouped by day, a page at a time', async () => {
    const calls = backend([
      meetingSummary(),
      meetingSummary({ id: 2, title: 'Direttori SdS', kind: 'direttori_sds', start: '2027-03-25T15:00:00', end: '2027-03-25T17:00:00' }),
      meetingSummary({ id: 3, title: 'Giunta Valdera', kind: 'giunta_unione', start: '2027-03-30T09:00:00', end: '2027-03-30T10:00:00', status: 'cancelled' }),
    ]);
    render(Agenda, { query: { ...MARCH, view: 'elenco' } });
    expect((await screen.findByTestId('list-count')).textContent).toBe('3 incontri in questo mese');
    const days = await screen.findAllByTestId('list-day');
    expect(days.map((d) => d.textContent?.trim())).toEqual(['Giovedì 25 marzo 2027', 'Martedì 30 marzo 2027']);
    const rows = screen.getAllByTestId('list-meeting');
    expect(rows.map((r) => r.getAttribute('href'))).toEqual(['#/agenda/incontro/1', '#/agenda/incontro/2', '#/agenda/incontro/3']);
    expect(rows[2]!.textContent).toContain('annullato');
    expect(callsTo(calls, commands.meetingCount)[0]!.args.filter).toMatchObject({ from: '2027-03-01', to: '2027-03-31' });
    expect(callsTo(calls, commands.meetingList)[0]!.args.filter).toMatchObject({ from: '2027-03-01', to: '2027-03-31', limit: 200, offset: 0 });
  });

  it('says how to create a meeting when the month is empty', async () => {
    backend([]);
    render(Agenda, { query: { ...MARCH, view: 'elenco' } });
    const empty = await screen.findByTestId('agenda-empty');
    expect(empty.textContent).toContain('Nessun incontro in questo mese');
    await fireEvent.click(within(empty).getByRole('button', { name: 'Nuovo incontro' }));
    expect(router.route).toEqual({ name: 'incontro_nuovo', start: '2027-03-10T10:00', allDay: false });
  });
});
