import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { apiError, callsTo, fakeBackend } from '../../test/backend';
import { personView } from '../../test/contacts-fixtures';
import PersonaNuova from './PersonaNuova.svelte';
import { commands } from '../../lib/generated/commands';

describe('Nuova persona', () => {
  it('creates the person (blank rows dropped) and opens the new page', async () => {
    const calls = fakeBackend({ [commands.personCreate]: () => personView({ id: 31 }) });
    render(PersonaNuova);
    await fireEvent.input(screen.getByTestId('person-given'), { target: { value: 'Niccolò' } });
    await fireEvent.input(screen.getByTestId('person-family'), { target: { value: 'Dell’Acqua' } });
    await fireEvent.click(screen.getByTestId('person-save'));
    await waitFor(() => expect(location.hash).toBe('#/contatti/persona/31'));
    expect(callsTo(calls, commands.personCreate)[0]!.args.input).toEqual({
      honorific: null,
      given_name: 'Niccolò',
      family_name: 'Dell’Acqua',
      emails: [],
      phones: [],
      tags: [],
      notes: '',
      legal_basis: 'public_task',
      data_source: null,
      retention_until: null,
      restricted: false,
    });
  });

  it('shows the core message on the field and keeps what was typed', async () => {
    fakeBackend({
      [commands.personCreate]: () => {
        throw apiError('validation', 'Indica almeno il nome', [{ field: 'family_name', message: 'Indica almeno il nome, il cognome o un indirizzo e-mail della persona.' }]);
      },
    });
    render(PersonaNuova);
    await fireEvent.input(screen.getByTestId('person-email-0'), { target: { value: 'non-valida' } });
    await fireEvent.click(screen.getByTestId('person-save'));
    expect(await screen.findByText('Indica almeno il nome, il cognome o un indirizzo e-mail della persona.')).toBeTruthy();
    expect((screen.getByTestId('person-email-0') as HTMLInputElement).value).toBe('non-valida');
  });
});
