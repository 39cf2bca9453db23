// Registro attività and Backup e ripristino: a change made in the app shows in the activity log,
// the log is exported through the (test-hooked) save dialog, a backup is created from the Backup
// screen, the start-of-day backup (taken before the change) is staged for restore after a
// confirmation, and on the next start the banner says it was restored and the change is gone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, byId, waitText, shot, typeInto, tempDir, answerDialog } from './lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

async function goTo(hash) {
  await app.execute((h) => { window.location.hash = h; }, hash);
}

test('activity log shows and exports a change; a backup is restored at the next start', async () => {
  const cli = process.env.RACCORDO_CLI_BIN;
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  const dir = tempDir();
  const db = join(dir, 'raccordo.sqlite');
  const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
  run('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana');

  // First start: the daily backup is taken (before the change below).
  app = await launch(db);
  await (await byId(app, 'nav-impostazioni')).click();
  await typeInto(app, 'profile-name', 'Giulia Rossi');
  await (await byId(app, 'profile-save')).click();
  await app.waitUntil(() => run('profile', 'show', '--format', 'json').includes('Giulia Rossi'), {
    timeout: 5000, timeoutMsg: 'the profile change was not committed',
  });

  // Registro attività, reached from Impostazioni.
  await (await byId(app, 'link-registro')).click();
  await byId(app, 'audit-table');
  const rows = await app.$$('[data-testid="audit-row"]');
  const newest = await rows[0].getText();
  assert.match(newest, /Modifica/, `the newest entry is the change (${newest})`);
  assert.match(newest, /Profilo/, `…of the profile (${newest})`);
  assert.match(newest, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, 'with its time as gg/mm/aaaa hh:mm');
  await (await byId(app, 'audit-filter-action')).selectByAttribute('value', 'update');
  await waitText(app, 'audit-range', 'di 1');
  await shot(app, '80-registro-attivita');

  const out = join(dir, 'registro.csv');
  answerDialog(out);
  await (await byId(app, 'audit-export-toggle')).click();
  await (await byId(app, 'audit-export-csv')).click();
  await waitText(app, 'audit-export-result', 'registro.csv');
  assert.ok(existsSync(out), 'the log was written where the dialog said');
  const csv = readFileSync(out, 'utf8');
  assert.ok(csv.startsWith('\uFEFFData e ora;Azione;Oggetto'), 'Italian CSV with BOM');
  assert.match(csv, /modifica;profilo/, 'the change is in the exported log');
  const exports = JSON.parse(run('audit', 'list', '--entity', 'audit_log', '--format', 'json'));
  assert.equal(exports.total, 1, 'the export itself was logged');

  // Backup e ripristino, reached from Impostazioni.
  await goTo('#/impostazioni');
  await (await byId(app, 'link-backup')).click();
  await byId(app, 'backup-table');
  const before = (await app.$$('[data-testid="backup-row"]')).length;
  await (await byId(app, 'backup-create')).click();
  await waitText(app, 'backup-outcome', 'Backup creato');
  await app.waitUntil(async () => (await app.$$('[data-testid="backup-row"]')).length === before + 1, {
    timeout: 5000, timeoutMsg: 'the new backup should be listed',
  });
  const list = await app.$$('[data-testid="backup-row"]');
  assert.match(await list[0].getText(), /Manuale/, 'the new backup is listed first');
  let daily = -1;
  for (let i = 0; i < list.length; i += 1) if ((await list[i].getText()).includes('Giornaliero')) daily = i;
  assert.ok(daily > 0, 'the start-up backup is listed');
  await (await list[daily].$('[data-testid="backup-verify"]')).click();
  await waitText(app, 'backup-outcome', 'integro');
  await (await list[daily].$('[data-testid="backup-restore"]')).click();
  const confirm = await waitText(app, 'backup-confirm', 'prossimo avvio');
  assert.match(confirm, /non viene cancellato/, 'the confirmation says the current database is kept');
  await shot(app, '81-backup');
  await (await byId(app, 'backup-confirm-yes')).click();
  await waitText(app, 'backup-pending', 'chiudi e riapri Raccordo');
  assert.ok(existsSync(`${db}.restore-request`), 'the restore is staged beside the database');
  await app.deleteSession();
  app = undefined;

  // Next start: restored before opening; the banner says so; the change is gone.
  app = await launch(db);
  const notice = await waitText(app, 'startup-notice', 'Ripristinato il backup', 20000);
  assert.match(notice, /before-restore/, `the banner says where the previous database is (${notice})`);
  await shot(app, '82-ripristino-avvio');
  const profile = JSON.parse(run('profile', 'show', '--format', 'json'));
  assert.equal(profile.coordinator_name, 'Giulia Bianchi', 'the change made after the backup is gone');
  assert.ok(!existsSync(`${db}.restore-request`), 'the request was consumed');
});
