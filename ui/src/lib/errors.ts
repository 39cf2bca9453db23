// Mapping from an ApiError to what the coordinator should do about it.
import type { ApiError } from './api';
import type { MessageKey } from './i18n/it';

export function errorHintKey(error: Pick<ApiError, 'kind'>): MessageKey {
  return `error.hint.${error.kind}`;
}

export function startupHintKey(kind: ApiError['kind'] | null): MessageKey {
  switch (kind) {
    case 'database_too_new':
    case 'database_corrupt':
    case 'database_locked':
    case 'io':
      return `startup.hint.${kind}`;
    default:
      return 'startup.hint.other';
  }
}
