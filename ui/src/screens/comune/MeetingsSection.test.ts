import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { callsTo, fakeBackend } from '../../test/backend';
import { pisaDetail } from '../../test/fixtures';
import { meetingSummary } from '../../test/meeting-fixtures';
import MeetingsSection, { PAST_SHOWN } from './MeetingsSection.svelte';
import { commands } from '../../lib/generated/commands';

describe('Incontri (scheda comune)', () => {
  it('lists coming meetings soonest first, then past ones latest first', async () => {
    // The core answers newest first.
    const calls = fakeBackend({
      [commands.comuneMeetings]: () => [
        meetingSummary({ id: 3, title: 'Conferenza di aprile', starts_at: '2099-04-10T08:00:00Z', ends_at: '2099-04-10T10:00:00Z', start: '2099-04-10T10:00:00', end: '2099-04-10T12:00:00' }),
        meetingSummary({ id: 2, title: 'Conferenza di marzo', starts_at: '2099-03-10T09:00:00Z', ends_at: '2099-03-10T11:00:00Z', start: '2099-03-10T10:00:00', end: '2099-03-10T12:00:00' }),
        meetingSummary({ id: 1, kind: 'incontro_sindaco', title: 'Incontro con il Sindaco – Pisa', starts_at: '2020-05-04T08:00:00Z', ends_at: '2020-05-04T09:00:00Z', start: '2020-05-04T10:00:00', end: '2020-05-04T11:00:00' }),
      ],
    });
    render(MeetingsSection, { detail: pisaDetail(), onupdate: () => {} });
    const coming = await screen.findByTestId('comune-meetings-coming');
    expect(callsTo(calls, commands.comuneMeetings)[0]!.args).toEqual({ istat_code: '050026' });
    expect(within(coming).getAllByRole('link').map((a) => a.textContent)).toEqual(['Conferenza di marzo', 'Conferenza di aprile']);
    expect(coming.textContent).toContain('2 incontri in programma');
    const past = screen.getByTestId('comune-meetings-past');
    expect(past.textContent).toContain('1 incontro passato');
    expect(within(past).getByRole('link').getAttribute('href')).toBe('#/agenda/incontro/1');
    expect(past.textContent).toContain('04/05/2020 10:00');
  });

  it('shows the latest past meetings and all on request', async () => {
    const many = Array.from({ length: PAST_SHOWN + 3 }, (_, i) =>
      meetingSummary({ id: i + 1, title: `Incontro ${i + 1}`, starts_at: `2020-01-${String(28 - i).padStart(2, '0')}T09:00:00Z`, ends_at: `2020-01-${String(28 - i).padStart(2, '0')}T10:00:00Z` }),
    );
    fakeBackend({ [commands.comuneMeetings]: () => many });
    render(MeetingsSection, { detail: pisaDetail(), onupdate: () => {} });
    const past = await screen.findByTestId('comune-meetings-past');
    expect(within(past).getAllByTestId('comune-meeting')).toHaveLength(PAST_SHOWN);
    await fireEvent.click(screen.getByTestId('comune-meetings-all'));
    expect(within(screen.getByTestId('comune-meetings-past')).getAllByTestId('comune-meeting')).toHaveLength(PAST_SHOWN + 3);
  });

  it('says what will appear when nothing concerns the comune', async () => {
    fakeBackend({ [commands.comuneMeetings]: () => [] });
    render(MeetingsSection, { detail: pisaDetail(), onupdate: () => {} });
    expect((await screen.findByTestId('comune-meetings-empty')).textContent).toContain('Nessun incontro riguarda Pisa');
  });
});
