// Runs before every test file: a clean IPC mock, storage, URL hash and locale after each test.
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach } from 'vitest';
import { setLocale } from '../lib/i18n/index.svelte';

afterEach(() => {
  clearMocks();
  localStorage.clear();
  setLocale('it');
  localStorage.clear();
  history.replaceState(null, '', '#/');
});
