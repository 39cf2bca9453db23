import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { apiError, fakeBackend } from '../../test/backend';
import { INFO } from '../../test/fixtures';
import Informazioni from './Informazioni.svelte';
import { commands } from '../../lib/generated/commands';

describe('Informazioni', () => {
  it('shows version, paths, schema and attribution', async () => {
    fakeBackend({ [commands.appInfo]: () => INFO });
    render(Informazioni);
    expect((await screen.findByTestId('info-version')).textContent).toBe('0.1.0');
    expect(screen.getByTestId('info-db-path').textContent).toBe(INFO.db_path);
    expect(screen.getByTestId('info-data-dir').textContent).toBe(INFO.data_dir);
    expect(screen.getByTestId('info-schema').textContent).toBe('1');
    expect(screen.getByTestId('info-attribution').textContent).toBe('Elenco comuni: ISTAT, CC BY 4.0');
    expect(document.body.textContent).toContain('Sistema di Accoglienza e Integrazione');
  });

  it('says what went wrong when the information cannot be read', async () => {
    fakeBackend({ [commands.appInfo]: () => { throw apiError('internal', 'boom'); } });
    render(Informazioni);
    const error = await screen.findByTestId('load-error');
    expect(error.textContent).toContain('Impossibile leggere le informazioni sul programma.');
    expect(error.textContent).toContain('boom');
  });
});
