// End-to-end runner: starts a virtual X display (unless one is given), tauri-driver (which
// starts WebKitWebDriver), runs every *.test.mjs with node's test runner one file at a time
// (WebKitWebDriver serves one session), then stops what it started. Exit code = the tests'.
//
// Environment:
//   RACCORDO_DESKTOP_BIN  the desktop binary to drive (default: <target>/debug/raccordo-desktop)
//   E2E_SCREENSHOTS       where screenshots go (default: tests/e2e/screenshots)
//   DISPLAY               reuse an existing X display instead of starting Xvfb
//   E2E_PORT              tauri-driver port (default 4444; the native port is E2E_PORT + 1)
//   E2E_FILTER            run only the test files whose name contains this text
//
// The app's native file dialogs are replaced by the test hook (RACCORDO_TEST_DIALOG, see
// src-tauri/src/dialog.rs): tests write the path the "user" picks into E2E_DIALOG_ANSWER.
// Opening an attachment with the system viewer is replaced by RACCORDO_TEST_OPENED (see
// src-tauri/src/viewer.rs): the app appends the opened path to E2E_OPENED_LOG instead. The
// meeting reminders loop checks every RACCORDO_TEST_REMINDER_SECONDS (2 s here, 30 s in use; see
// src-tauri/src/reminders.rs), so a meeting added while the app runs is announced promptly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import net from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(root, process.env.CARGO_TARGET_DIR) : join(root, 'target');
const bin = resolve(process.env.RACCORDO_DESKTOP_BIN ?? join(targetDir, 'debug', 'raccordo-desktop'));
const shots = resolve(process.env.E2E_SCREENSHOTS ?? join(here, 'screenshots'));

function fail(msg) {
  console.error(`errore e2e: ${msg}`);
  process.exit(1);
}

if (!existsSync(bin)) fail(`desktop binary not found at ${bin}: build it with \`cargo build -p raccordo-desktop\` (make test does).`);
const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
for (const tool of ['tauri-driver', 'WebKitWebDriver']) {
  if (!which(tool)) fail(`${tool} is not on PATH: run \`make deps\` (installs webkit2gtk-driver and tauri-driver).`);
}
mkdirSync(shots, { recursive: true });

const children = [];
function stopAll() {
  for (const c of children.reverse()) {
    if (c.exitCode === null) c.kill('SIGTERM');
  }
}
process.on('exit', stopAll);
process.on('SIGINT', () => { stopAll(); process.exit(130); });

function portOpen(port) {
  return new Promise((ok) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); ok(true); });
    s.once('error', () => ok(false));
  });
}
async function waitPort(port, what, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await portOpen(port)) return;
    await sleep(100);
  }
  fail(`${what} did not start listening on port ${port} within ${ms / 1000}s`);
}

const env = { ...process.env, NO_AT_BRIDGE: '1', GDK_BACKEND: 'x11', LANG: 'it_IT.UTF-8', TZ: process.env.TZ ?? 'Europe/Rome' };
if (!env.DISPLAY) {
  if (!which('Xvfb')) fail('Xvfb is not installed: run `make deps` (Debian package xvfb).');
  const display = `:${90 + Math.floor(Math.random() * 400)}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  children.push(xvfb);
  env.DISPLAY = display;
  const sock = `/tmp/.X11-unix/X${display.slice(1)}`;
  const end = Date.now() + 10000;
  while (!existsSync(sock) && Date.now() < end) await sleep(50);
  if (!existsSync(sock)) fail(`Xvfb did not start on ${display}`);
}

const port = Number(process.env.E2E_PORT ?? 4444);
if (await portOpen(port)) fail(`port ${port} is already in use (another tauri-driver?): stop it and retry.`);
// The dialog answer file: the app reads it instead of showing a native dialog (empty = cancel).
const dialogAnswer = join(mkdtempSync(join(tmpdir(), 'raccordo-e2e-dialog-')), 'answer');
writeFileSync(dialogAnswer, '');
env.RACCORDO_TEST_DIALOG = dialogAnswer;
const openedLog = join(dirname(dialogAnswer), 'opened');
writeFileSync(openedLog, '');
env.RACCORDO_TEST_OPENED = openedLog;
env.RACCORDO_TEST_REMINDER_SECONDS = '2';
const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], { env, stdio: ['ignore', 'inherit', 'inherit'] });
children.push(driver);
await waitPort(port, 'tauri-driver');

const filter = process.env.E2E_FILTER ?? '';
const files = readdirSync(here).filter((f) => f.endsWith('.test.mjs') && f.includes(filter)).sort().map((f) => join(here, f));
if (files.length === 0) fail(`no test file matches E2E_FILTER="${filter}"`);
const testEnv = { ...env, RACCORDO_DESKTOP_BIN: bin, E2E_SCREENSHOTS: shots, E2E_WEBDRIVER_PORT: String(port), E2E_DIALOG_ANSWER: dialogAnswer, E2E_OPENED_LOG: openedLog };
const run = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], { env: testEnv, stdio: 'inherit' });
const code = await new Promise((ok) => run.on('exit', (c, sig) => ok(c ?? (sig ? 1 : 0))));
stopAll();
console.log(`screenshots: ${shots}`);
process.exit(code);
