import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { apiError } from '../test/backend';
import StatusSection from './StatusSection.svelte';

// The component's type parameter is erased in a test render: statuses are plain strings here.
type S = string;

function props(over: Record<string, unknown> = {}) {
  return {
    headingId: 'st-h',
    title: 'Stato',
    idPrefix: 'x',
    statuses: ['open', 'done'] as readonly S[],
    label: (s: S) => (s === 'open' ? 'Aperta' : 'Fatta'),
    current: 'open' as S,
    history: [
      { status: 'open' as S, changed_at: '2027-03-01T08:00:00Z', note: '' },
      { status: 'open' as S, changed_at: '2027-03-02T09:30:00Z', note: '<img src=x onerror=alert(1)>' },
    ],
    text: { newStatus: 'Nuovo stato', note: 'Nota', notePlaceholder: 'perché', saved: 'Salvato.', save: (changed: boolean) => (changed ? 'Cambia' : 'Aggiungi nota') },
    testids: { select: 'sel', note: 'note', save: 'save', saved: 'saved', history: 'hist', entry: 'entry' },
    onsave: vi.fn(async () => {}),
    ...over,
  };
}

describe('StatusSection', () => {
  it('lists the history newest first, notes as text, with labelled fields', () => {
    render(StatusSection, props());
    expect(screen.getByRole('heading', { name: 'Stato' }).id).toBe('st-h');
    const entries = screen.getAllByTestId('entry');
    expect(entries).toHaveLength(2);
    expect(entries[0]?.textContent).toContain('02/03/2027 10:30');
    expect(entries[0]?.textContent).toContain('Aperta — <img src=x onerror=alert(1)>');
    expect(screen.getByTestId('hist').querySelector('img')).toBeNull();
    expect(screen.getByLabelText('Nuovo stato')).toBe(screen.getByTestId('sel'));
    expect(screen.getByLabelText('Nota')).toBe(screen.getByTestId('note'));
    expect((screen.getByTestId('sel') as HTMLSelectElement).value).toBe('open');
  });

  it('saves the chosen status with the note, then clears the note and says so', async () => {
    const onsave = vi.fn(async () => {});
    render(StatusSection, props({ onsave }));
    expect(screen.getByTestId('save').textContent, 'same status: the button adds a note').toBe('Aggiungi nota');
    await fireEvent.change(screen.getByTestId('sel'), { target: { value: 'done' } });
    expect(screen.getByTestId('save').textContent).toBe('Cambia');
    await fireEvent.input(screen.getByTestId('note'), { target: { value: 'chiusa al telefono' } });
    await fireEvent.click(screen.getByTestId('save'));
    expect(onsave).toHaveBeenCalledWith('done', 'chiusa al telefono');
    await screen.findByTestId('saved');
    expect((screen.getByTestId('note') as HTMLInputElement).value).toBe('');
  });

  it('shows the error of a refused change and keeps the note', async () => {
    const onsave = vi.fn(async () => {
      throw apiError('validation', 'La nota è troppo lunga', [{ field: 'note', message: 'Nota troppo lunga (max 2000)' }]);
    });
    render(StatusSection, props({ onsave }));
    await fireEvent.input(screen.getByTestId('note'), { target: { value: 'x' } });
    await fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Nota troppo lunga (max 2000)'));
    expect(screen.queryByTestId('saved')).toBeNull();
    expect((screen.getByTestId('note') as HTMLInputElement).value).toBe('x');
  });
});
