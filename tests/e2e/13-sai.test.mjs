// Ricognizione SAI (issue 7): on a database filled by `raccordo demo` (synthetic survey), the
// table, the map of the 273 comuni (open time measured from navigation to all paths in the DOM,
// printed) and the summaries; a comune that nobody surveyed gets "progetto attivo" from its page,
// then the map colours it and the summary counts one more ente with its places. Screenshots of
// table, map and summary.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, byId, waitText, shot, tempDir, answerDialog } from './lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

const dir = tempDir();
const db = join(dir, 'raccordo.sqlite');
const cli = process.env.RACCORDO_CLI_BIN;
const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });

const ACTIVE_FILL = '#2f9a55';
const NO_MARK_FILL = '#f1f1ee';
const state = {};

async function go(hash, testid) {
  await app.execute((h) => { location.hash = h; }, hash);
  if (testid) await byId(app, testid);
}

/** Closes the meeting reminders the demo's meetings raise, so the screenshots show the screen. */
async function dismissReminders() {
  for (const b of await app.$$('[data-testid="reminder-close"]')) await b.click().catch(() => {});
}

/** Milliseconds from setting the hash to the map view until all 273 comuni are in the DOM. */
async function timeMapOpen() {
  await go('#/sai', 'sai-table');
  return app.executeAsync((done) => {
    const start = performance.now();
    location.hash = '#/sai?vista=mappa';
    const check = () => {
      if (document.querySelectorAll('[data-testid="map-comune"]').length >= 273) done(performance.now() - start);
      else if (performance.now() - start > 30000) done(-1);
      else requestAnimationFrame(check);
    };
    check();
  });
}

/** The total row of the summary by ASL: [enti, places]. */
async function summaryTotals() {
  await go('#/sai?vista=riepilogo', 'sai-summary-asl');
  await byId(app, 'sai-summary-asl-row');
  return app.execute(() => {
    const rows = document.querySelectorAll('[data-testid="sai-summary-asl-row"]');
    const total = rows[rows.length - 1];
    const n = (id) => Number((total?.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').replace(/\./g, ''));
    return [n('sai-summary-asl-enti'), n('sai-summary-asl-places'), rows.length];
  });
}

test('the demo fills a synthetic survey', () => {
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  run('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana');
  const out = run('demo');
  assert.match(out, /schede di ricognizione SAI/, 'the demo reports the survey');
  const asl = JSON.parse(run('sai', 'summary', '--by', 'asl', '--format', 'json'));
  assert.equal(asl.rows.length, 3, 'three ASL rows from the CLI');
  state.cliEnti = asl.total.enti;
});

test('table, map (timed) and summary of the Ricognizione SAI', async () => {
  app = await launch(db);
  await byId(app, 'nav-sai', 20000);
  await (await byId(app, 'nav-sai')).click();
  await byId(app, 'sai-table');
  const rows = await app.$$('[data-testid="sai-row"]');
  assert.equal(rows.length, state.cliEnti, 'the table lists every surveyed ente');
  await waitText(app, 'sai-synthetic', 'dimostrativi');
  await dismissReminders();
  await shot(app, '13-sai-tabella');

  const first = await timeMapOpen();
  const second = await timeMapOpen();
  const third = await timeMapOpen();
  // The IPC part alone: the statuses of the 273 comuni (sai_map) and the cached map model.
  const ipc = await app.executeAsync((done) => {
    const invoke = window.__TAURI_INTERNALS__?.invoke;
    if (!invoke) return done([-1, -1]);
    const t0 = performance.now();
    invoke('sai_map').then(() => {
      const t1 = performance.now();
      invoke('territory_map').then(() => done([t1 - t0, performance.now() - t1]), () => done([t1 - t0, -1]));
    }, () => done([-1, -1]));
  });
  console.log(`map of Tuscany: all 273 comuni in the DOM ${first.toFixed(0)} ms after navigation (first open), then ${second.toFixed(0)} ms and ${third.toFixed(0)} ms; budget 300 ms (debug build). IPC alone: sai_map ${ipc[0].toFixed(0)} ms, territory_map ${ipc[1].toFixed(0)} ms`);
  assert.ok(first > 0, 'the map drew all 273 comuni');
  assert.ok(Math.min(second, third) > 0 && Math.min(second, third) < 300, `opening the map again is within budget: ${second} / ${third} ms`);
  const paths = await app.execute(() => [...document.querySelectorAll('[data-testid="map-comune"]')].map((p) => [p.getAttribute('data-istat'), p.getAttribute('data-fill'), p.getAttribute('d')?.length ?? 0, p.getAttribute('data-hatch')]));
  assert.equal(paths.length, 273, '273 paths');
  assert.ok(paths.every(([, , len]) => len > 10), 'no comune without a drawn boundary');
  assert.ok(paths.some(([, , , hatch]) => hatch === '1'), 'some comuni are covered through an Unione or SdS');
  const free = paths.find(([, fill]) => fill === NO_MARK_FILL);
  assert.ok(free, 'some comune is not surveyed');
  state.istat = free[0];
  await waitText(app, 'map-legend', 'coperto tramite Unione o SdS');
  await dismissReminders();
  await shot(app, '13-sai-mappa');

  [state.enti, state.places, state.summaryRows] = await summaryTotals();
  assert.equal(state.summaryRows, 4, 'three ASL rows and the total');
  assert.equal(state.enti, state.cliEnti, 'the summary counts the enti the CLI counts');
  await dismissReminders();
  await shot(app, '13-sai-riepilogo');
});

test('a status changed on the comune page recolours the map and updates the summary', async () => {
  await go(`#/comune/${state.istat}`, 'comune-sai');
  await app.execute(() => document.querySelector('[data-testid="comune-sai"]')?.scrollIntoView({ block: 'start' }));
  await (await byId(app, 'sai-change')).click();
  await (await byId(app, 'sai-form-status')).selectByAttribute('value', 'active');
  await (await byId(app, 'sai-form-note')).setValue('Progetto avviato (prova end-to-end)');
  await (await byId(app, 'sai-form-source')).setValue('<b>Delibera</b> n. 12');
  await (await byId(app, 'sai-form-save')).click();
  await waitText(app, 'sai-saved', 'progetto attivo');
  await waitText(app, 'sai-own-status', 'progetto attivo');
  const history = await waitText(app, 'sai-history', 'Progetto avviato');
  assert.ok(history.includes('<b>Delibera</b> n. 12'), 'the source is shown as typed, as text');
  run('sai', 'edit', state.istat, '--ordinari', '12', '--msna', '3');
  await shot(app, '13-sai-scheda-comune');

  await go('#/sai?vista=mappa', 'tuscany-map-svg');
  await app.waitUntil(async () => (await app.execute((c) => document.querySelector(`[data-testid="map-comune"][data-istat="${c}"]`)?.getAttribute('fill'), state.istat)) === ACTIVE_FILL, {
    timeout: 5000,
    timeoutMsg: 'the comune should now be drawn with the "progetto attivo" colour',
  });
  const label = await app.execute((c) => document.querySelector(`[data-testid="map-comune"][data-istat="${c}"]`)?.getAttribute('aria-label'), state.istat);
  assert.match(label, /progetto attivo/, 'its label says so');
  await dismissReminders();
  await shot(app, '13-sai-mappa-dopo');

  const [enti, places] = await summaryTotals();
  assert.equal(enti, state.enti + 1, 'the summary counts one more ente');
  assert.equal(places, state.places + 15, 'and its 15 places');
  await dismissReminders();
  await shot(app, '13-sai-riepilogo-dopo');
});

test('the summary PDF is exported through the save dialog, with the maps and every ASL', async () => {
  await go('#/sai', 'sai-table');
  const pdf = join(dir, 'ricognizione.pdf');
  answerDialog(pdf);
  await (await byId(app, 'sai-export-pdf')).click();
  await waitText(app, 'sai-export-result', 'ricognizione.pdf', 60000);
  execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const expected of ['Ricognizione SAI', 'Riepilogo per ASL', 'Azienda USL Toscana nord-ovest', 'Azienda USL Toscana centro', 'Azienda USL Toscana sud-est', 'dati sintetici']) {
    assert.ok(text.includes(expected), `the PDF holds «${expected}»`);
  }
  const shots = process.env.E2E_SCREENSHOTS;
  if (shots) execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, join(shots, '13-sai-pdf-pagina-1')]);
});
