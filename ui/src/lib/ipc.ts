// The only module that talks to the Tauri backend. `call` invokes one command of the generated
// `Commands` map (./generated/commands.ts, from the desktop shell's command list): the compiler
// checks the command's name, its argument object (snake_case keys, as in docs/ipc-contract.md)
// and its result. Every rejection becomes an `ApiError`. The typed functions screens use are in
// ./api/ (one module per area), re-exported by ./api.ts; tests replace the IPC underneath
// (mockIPC, see src/test/backend.ts).
import { Channel, invoke } from '@tauri-apps/api/core';
import type { ApiError as ApiErrorData } from './bindings/ApiError';
import type { ErrorKind } from './bindings/ErrorKind';
import type { FieldError } from './bindings/FieldError';
import type { Commands } from './generated/commands';

export { Channel };

/** A command's IPC name. */
export type Command = keyof Commands;
/** The argument object a command reads. */
export type CommandArgs<C extends Command> = Commands[C]['args'];
/** What a command resolves to. */
export type CommandResult<C extends Command> = Commands[C]['result'];
/** No second argument for a command without arguments, the argument object otherwise. */
type ArgList<C extends Command> = [keyof CommandArgs<C>] extends [never] ? [] : [args: CommandArgs<C>];

const ERROR_KINDS: readonly ErrorKind[] = [
  'not_found',
  'validation',
  'conflict',
  'database_too_new',
  'database_corrupt',
  'database_locked',
  'io',
  'import',
  'cancelled',
  'internal',
];

function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/** The one error that crosses IPC, as a throwable object. Every `call` rejects with it. */
export class ApiError extends Error implements ApiErrorData {
  readonly kind: ErrorKind;
  readonly details: FieldError[];

  constructor(kind: ErrorKind, message: string, details: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.details = details;
  }

  /**
   * Normalise whatever `invoke` rejected with. The backend sends `{kind, message, details}`;
   * anything else (a plain string from Tauri itself, a JS exception when IPC is missing) becomes
   * an `internal` error carrying its text.
   */
  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    if (typeof error === 'object' && error !== null) {
      const e = error as Partial<ApiErrorData>;
      if (isErrorKind(e.kind) && typeof e.message === 'string') {
        const details = Array.isArray(e.details) ? e.details.filter(isFieldError) : [];
        return new ApiError(e.kind, e.message, details);
      }
      if (error instanceof Error) return new ApiError('internal', error.message);
    }
    if (typeof error === 'string') return new ApiError('internal', error);
    return new ApiError('internal', String(error));
  }

  /** Message for one field (`coordinator_name`, `input.coordinator_name` both match `coordinator_name`). */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.field === field || d.field.endsWith(`.${field}`))?.message;
  }
}

/** Invokes `command` with its arguments; rejects with an {@link ApiError}. */
export async function call<C extends Command>(command: C, ...args: ArgList<C>): Promise<CommandResult<C>> {
  try {
    return await invoke<CommandResult<C>>(command, args[0] as Record<string, unknown> | undefined);
  } catch (error) {
    throw ApiError.from(error);
  }
}
