// The typed functions the screens call, one module per area under ./api/, all re-exported here so
// a screen imports from one place. Only ./ipc.ts talks to the backend.
export { ApiError } from './ipc';
export * from './api/app';
export * from './api/territory';
export * from './api/contacts';
export * from './api/audit';
export * from './api/backup';
export * from './api/meetings';
export * from './api/minutes';
export * from './api/sai';
export * from './api/actions';
