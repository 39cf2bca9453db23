// Shared helpers for the end-to-end tests: start the real desktop app on a given database
// through tauri-driver, find elements by data-testid, wait for text, save screenshots.
import { remote } from 'webdriverio';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SHOTS = process.env.E2E_SCREENSHOTS;

/** A fresh temporary directory for a test's database. */
export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'raccordo-e2e-'));
}

/** Starts the desktop binary on database `db` and returns the WebDriver session. */
export async function launch(db) {
  return remote({
    hostname: '127.0.0.1',
    port: Number(process.env.E2E_WEBDRIVER_PORT ?? 4444),
    logLevel: 'warn',
    connectionRetryCount: 1,
    capabilities: {
      browserName: 'wry',
      // WebKitWebDriver speaks classic WebDriver only; without this wdio 9 asks for BiDi and
      // the session is refused ("Failed to match capabilities").
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: process.env.RACCORDO_DESKTOP_BIN, args: ['--db', db] },
    },
  });
}

/** The element with `data-testid=id` (optionally the n-th), after it is displayed. */
export async function byId(app, id, timeout = 10000) {
  const el = await app.$(`[data-testid="${id}"]`);
  await el.waitForDisplayed({ timeout, timeoutMsg: `element [data-testid="${id}"] did not appear within ${timeout} ms` });
  return el;
}

/**
 * Waits until the element `id` contains `text`; returns its full text. The element is looked up
 * again on every try: Svelte may replace it (a new report, a reloaded section) meanwhile.
 */
export async function waitText(app, id, text, timeout = 10000) {
  await byId(app, id, timeout);
  let last = '';
  await app.waitUntil(async () => {
    const el = await app.$(`[data-testid="${id}"]`);
    last = (await el.isExisting()) ? await el.getText() : '';
    return last.includes(text);
  }, {
    timeout,
    timeoutMsg: `[data-testid="${id}"] did not show "${text}" within ${timeout} ms (it shows "${last}")`,
  });
  return last;
}

/**
 * Waits until the element's innerText contains `text`; returns it. For cells cut with an ellipsis
 * (overflow hidden, one line): WebDriver's visible-text atom leaves such text out although it is
 * on screen, so waitText cannot see them.
 */
export async function waitInner(app, testid, text, timeout = 10000) {
  await byId(app, testid, timeout);
  let last = '';
  await app.waitUntil(async () => {
    last = await app.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.innerText ?? '', testid);
    return last.includes(text);
  }, { timeout, timeoutMsg: `[data-testid="${testid}"] did not show "${text}" (it shows ${JSON.stringify(last)})` });
  return last;
}

/** Saves a screenshot of the window as `<SHOTS>/<name>.png`. */
export async function shot(app, name) {
  await app.pause(250); // let transitions settle so the picture shows the final state
  await app.saveScreenshot(join(SHOTS, `${name}.png`));
}

/** Types into an input replacing what it held. */
export async function typeInto(app, id, text) {
  const el = await byId(app, id);
  await el.click();
  await el.clearValue();
  await el.setValue(text);
  return el;
}

/** What the next native file dialog of the app answers: a path, or null for "cancelled". */
export function answerDialog(path) {
  const hook = process.env.E2E_DIALOG_ANSWER;
  if (!hook) throw new Error('E2E_DIALOG_ANSWER is not set: run the suite through tests/e2e/run.mjs');
  writeFileSync(hook, path ?? '');
}

/**
 * Closes the app's window as the user does (the window manager's close request), waits for the
 * app to exit through its normal path, then ends the WebDriver session. Ending the session alone
 * kills the process, which is what a crash looks like to the next start.
 */
export async function closeApp(app) {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'close-window.py');
  execFileSync('/usr/bin/python3', [script], { env: process.env, stdio: 'inherit' });
  await new Promise((ok) => setTimeout(ok, 1500));
  await app.deleteSession().catch(() => {});
}
