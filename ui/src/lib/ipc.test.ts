import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import { ApiError, call } from './ipc';
import { commands } from './generated/commands';

describe('ipc.call, typed by the generated command list', () => {
  it('sends the command name and its argument object, and resolves to the reply', async () => {
    const sent: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      sent.push({ cmd, args });
      return { id: 3 };
    });
    await expect(call(commands.personGet, { id: 3 })).resolves.toEqual({ id: 3 });
    await call(commands.appStatus);
    expect(sent).toEqual([
      { cmd: 'person_get', args: { id: 3 } },
      { cmd: 'app_status', args: {} },
    ]);
  });

  it('rejects with an ApiError', async () => {
    mockIPC(() => {
      throw { kind: 'not_found', message: 'persona non trovata', details: [] };
    });
    await expect(call(commands.personGet, { id: 9 })).rejects.toEqual(new ApiError('not_found', 'persona non trovata'));
  });

  it('does not compile a command outside the list or the wrong arguments', () => {
    // Compiled by `npm run check` and never run: each line must be a type error, else the check
    // fails on the unused @ts-expect-error. This is what a command missing from the list becomes.
    const wrong = () => {
      // @ts-expect-error a command the desktop shell does not have
      void call('person_teleport', { id: 1 });
      // @ts-expect-error a missing argument
      void call(commands.personGet, {});
      // @ts-expect-error an argument of the wrong type
      void call(commands.personGet, { id: '3' });
      // @ts-expect-error no argument object for a command that takes one
      void call(commands.personGet);
      // @ts-expect-error an argument object for a command that takes none
      void call(commands.appStatus, { id: 1 });
      // @ts-expect-error the result is not what the command resolves to
      const _n: Promise<number> = call(commands.personGet, { id: 1 });
    };
    expect(typeof wrong).toBe('function');
  });

  it('names every command once', () => {
    const names = Object.values(commands);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(100);
  });
});
