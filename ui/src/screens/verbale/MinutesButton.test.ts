import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { fakeBackend } from '../../test/backend';
import { minutesView } from '../../test/minutes-fixtures';
import MinutesButton from './MinutesButton.svelte';
import { commands } from '../../lib/generated/commands';

describe('the meeting page’s verbale button', () => {
  it('says «Scrivi il verbale» when none was started and links to the editor', async () => {
    const calls = fakeBackend({ [commands.minutesGet]: () => null });
    render(MinutesButton, { props: { meetingId: 4 } });
    const link = screen.getByTestId('meeting-minutes');
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.args).toEqual({ meeting_id: 4 });
    expect(link.textContent?.trim()).toBe('Scrivi il verbale');
    expect(link.getAttribute('href')).toBe('#/agenda/incontro/4/verbale');
  });

  it.each([
    [minutesView(), 'Verbale (bozza)'],
    [minutesView({ status: 'approved' }), 'Verbale (approvato)'],
    [minutesView({ revision: 2 }), 'Verbale (revisione 2, bozza)'],
    [minutesView({ status: 'approved', revision: 1 }), 'Verbale (approvato, revisione 1)'],
  ])('names where an existing verbale stands', async (view, label) => {
    fakeBackend({ [commands.minutesGet]: () => view });
    render(MinutesButton, { props: { meetingId: 1 } });
    await waitFor(() => expect(screen.getByTestId('meeting-minutes').textContent?.replace(/\s+/g, ' ').trim()).toBe(label));
  });
});
