import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { ACTIONS_DEFAULT, type ActionsQuery } from '../../lib/action-routes';
import type { ActionFilter } from '../../lib/bindings/ActionFilter';
import { callsTo, fakeBackend, type Handler } from '../../test/backend';
import { actionSummary, counts } from '../../test/action-fixtures';
import { HOSTILE } from '../../test/contacts-fixtures';
import { ZONES } from '../../test/fixtures';
import Azioni from './Azioni.svelte';
import { commands } from '../../lib/generated/commands';

const ROWS = [
  actionSummary({ id: 1, title: 'Inviare la delibera', due: '2020-01-10', overdue: true, priority: 'high' }),
  actionSummary({ id: 2, title: HOSTILE, due: null, owner: { kind: 'none' }, owner_name: '', comuni: 'Pisa, Cascina +2' }),
];

function backend(extra: Partial<Record<Parameters<typeof fakeBackend>[0] extends Partial<Record<infer K, Handler>> ? K : never, Handler>> = {}) {
  return fakeBackend({
    [commands.zoneList]: () => ZONES,
    [commands.actionFilters]: () => [],
    [commands.actionCounts]: () => counts({ open: 3, in_progress: 1, overdue: 1, due_today: 2 }),
    [commands.actionList]: () => ({ total: 2, rows: ROWS }),
    ...extra,
  });
}

function show(query: Partial<ActionsQuery> = {}) {
  render(Azioni, { query: { ...ACTIONS_DEFAULT, ...query } });
}

describe('Azioni: elenco', () => {
  it('lists the actions of the filter in the address, hostile titles as text', async () => {
    const calls = backend();
    show({ due: 'overdue', asl: 'nord-ovest', owner: 'mie', text: 'delibera' });
    const rows = await screen.findAllByTestId('action-row');
    expect(rows.map((r) => r.getAttribute('href'))).toEqual(['#/azioni/azione/1', '#/azioni/azione/2']);
    const f = callsTo(calls, commands.actionList)[0]!.args.filter as ActionFilter;
    expect(f).toMatchObject({ due_window: 'overdue', asl: 'nord-ovest', owner_coordinator: true, search: 'delibera', offset: 0, limit: 200 });
    expect(rows[0]!.textContent).toContain('10/01/2020');
    expect(rows[0]!.textContent).toContain('in ritardo');
    expect(rows[1]!.textContent).toContain(HOSTILE);
    expect(rows[1]!.textContent).toContain('senza scadenza');
    expect(document.querySelector('[data-testid="action-list"] img, [data-testid="action-list"] script')).toBeNull();
    expect(screen.getByTestId('actions-title').textContent).toBe('In ritardo');
    expect(screen.getByTestId('action-count').textContent).toBe('2 azioni');
    await waitFor(() => expect(screen.getByTestId('actions-summary').textContent).toBe('4 aperte · 1 in ritardo · 2 in scadenza oggi'));
  });

  it('keeps the filters in the tabs and offers a new action preselecting the comune', async () => {
    backend();
    show({ comune: '050026' });
    await screen.findAllByTestId('action-row');
    expect(screen.getByTestId('actions-tab-ritardo').getAttribute('href')).toBe('#/azioni?scadenza=overdue&comune=050026');
    expect(screen.getByTestId('actions-tab-bacheca').getAttribute('href')).toBe('#/azioni?vista=bacheca&comune=050026');
    expect(screen.getByTestId('action-new').getAttribute('href')).toBe('#/azioni/nuova?comune=050026');
  });

  it('says how to start when there is no action, and how to widen a filter', async () => {
    backend({ [commands.actionList]: () => ({ total: 0, rows: [] }) });
    show();
    expect((await screen.findByTestId('actions-empty')).textContent).toContain('Nessuna azione ancora');
  });

  it('changes the status of the selected actions in bulk and undoes it', async () => {
    const prior = [{ id: 1, status: 'open', owner: { kind: 'coordinator' }, due: '2020-01-10' }];
    const calls = backend({ [commands.actionBulk]: () => ({ changed: 1, prior }), [commands.actionUndoBulk]: () => 1 });
    show();
    const ticks = await screen.findAllByTestId('action-select');
    await fireEvent.click(ticks[0]!);
    const bar = await screen.findByTestId('bulk-bar');
    expect(within(bar).getByTestId('bulk-count').textContent).toBe('1 azione selezionata');
    expect((within(bar).getByTestId('bulk-apply') as HTMLButtonElement).disabled, 'nothing chosen yet').toBe(true);
    await fireEvent.change(within(bar).getByTestId('bulk-status'), { target: { value: 'done' } });
    await fireEvent.input(within(bar).getByTestId('bulk-note'), { target: { value: 'Chiuse in riunione' } });
    await fireEvent.click(within(bar).getByTestId('bulk-apply'));
    await screen.findByTestId('bulk-toast');
    expect(callsTo(calls, commands.actionBulk)[0]!.args).toEqual({ ids: [1], change: { status: 'done', note: 'Chiuse in riunione', owner: null, due: null } });
    expect(screen.queryByTestId('bulk-bar'), 'the selection is cleared').toBeNull();
    await fireEvent.click(screen.getByTestId('bulk-undo'));
    expect((await screen.findByTestId('bulk-undone')).textContent).toContain('1 azione è tornata com’era');
    expect(callsTo(calls, commands.actionUndoBulk)[0]!.args).toEqual({ prior });
  });

  it('sets a new due date in bulk', async () => {
    const calls = backend({ [commands.actionBulk]: () => ({ changed: 2, prior: [] }) });
    show();
    await screen.findAllByTestId('action-row');
    await fireEvent.click(screen.getByTestId('action-select-all'));
    const bar = await screen.findByTestId('bulk-bar');
    expect(within(bar).getByTestId('bulk-count').textContent).toBe('2 azioni selezionate');
    await fireEvent.change(within(bar).getByTestId('bulk-due-choice'), { target: { value: 'date' } });
    await fireEvent.input(await within(bar).findByTestId('bulk-due'), { target: { value: '30/04/2027' } });
    await fireEvent.click(within(bar).getByTestId('bulk-apply'));
    await screen.findByTestId('bulk-toast');
    expect(callsTo(calls, commands.actionBulk)[0]!.args.change).toEqual({ status: null, note: '', owner: null, due: { date: '2027-04-30' } });
  });
});

describe('Azioni: bacheca', () => {
  it('shows a column per status with its count and moves a card after asking a note', async () => {
    const calls = backend({
      [commands.actionList]: (args) => {
        const f = args.filter as ActionFilter;
        return f.statuses[0] === 'open' ? { total: 1, rows: [ROWS[0]] } : { total: 0, rows: [] };
      },
      [commands.actionSetStatus]: () => ({}),
    });
    show({ view: 'bacheca' });
    const card = await screen.findByTestId('board-card');
    expect(screen.getByTestId('board-count-open').textContent).toBe('1');
    expect(screen.getByTestId('board-count-done').textContent).toBe('0');
    expect(callsTo(calls, commands.actionList).map((c) => (c.args.filter as ActionFilter).statuses)).toEqual([['open'], ['in_progress'], ['waiting'], ['done'], ['cancelled']]);
    await fireEvent.change(within(card).getByTestId('board-move'), { target: { value: 'waiting' } });
    const dialog = await screen.findByTestId('status-dialog');
    expect(dialog.textContent).toContain('Spostare l’azione in «In attesa»?');
    await fireEvent.input(within(dialog).getByTestId('status-dialog-note'), { target: { value: 'Attesa della giunta' } });
    await fireEvent.click(within(dialog).getByTestId('status-dialog-confirm'));
    await waitFor(() => expect(screen.queryByTestId('status-dialog')).toBeNull());
    expect(callsTo(calls, commands.actionSetStatus)[0]!.args).toEqual({ id: 1, status: 'waiting', note: 'Attesa della giunta' });
    expect(callsTo(calls, commands.actionList).length, 'the columns are loaded again').toBe(10);
  });

  it('cancels a move with Esc', async () => {
    const calls = backend({ [commands.actionList]: () => ({ total: 1, rows: [ROWS[0]] }) });
    show({ view: 'bacheca' });
    const cards = await screen.findAllByTestId('board-card');
    await fireEvent.change(within(cards[0]!).getByTestId('board-move'), { target: { value: 'done' } });
    await fireEvent.keyDown(await screen.findByTestId('status-dialog-note'), { key: 'Escape' });
    expect(screen.queryByTestId('status-dialog')).toBeNull();
    expect(callsTo(calls, commands.actionSetStatus)).toHaveLength(0);
  });
});
