// A fake Tauri backend for component tests: mockIPC underneath the real ipc.ts, so every test
// also checks the command names and argument objects the screens send. Names are typed against
// the generated command list (../lib/generated/commands.ts).
import { mockIPC } from '@tauri-apps/api/mocks';
import type { ApiError } from '../lib/bindings/ApiError';
import type { Commands } from '../lib/generated/commands';

/** A command's IPC name: a key of the generated `Commands` map, so a handler or an expected
 * call for a command the shell does not have is a type error. */
export type Command = keyof Commands;

export type Args = Record<string, unknown>;
export type Handler = (args: Args) => unknown;
export type Call = { cmd: string; args: Args };

/** Install handlers; returns the list of calls, appended as they happen. */
export function fakeBackend(handlers: Partial<Record<Command, Handler>>): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Args;
    calls.push({ cmd, args });
    const handler = handlers[cmd as Command];
    if (!handler) {
      const error: ApiError = { kind: 'internal', message: `unmocked command ${cmd}`, details: [] };
      throw error;
    }
    return handler(args);
  });
  return calls;
}

export function apiError(kind: ApiError['kind'], message: string, details: ApiError['details'] = []): ApiError {
  return { kind, message, details };
}

/** A promise that never settles, to hold a screen in its loading state. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

export function callsTo(calls: Call[], cmd: Command): Call[] {
  return calls.filter((c) => c.cmd === cmd);
}
