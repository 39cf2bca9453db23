// Contatti: find anyone in a keystroke ("niccolo" finds Niccolò, "citta" finds Città), open the
// person, see current and past offices, edit an office (a real change, read back through the CLI),
// and see hostile text as text. The database holds the demo directory (about 2,000 people) plus
// the people this test adds with the CLI, as a script would.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, byId, waitText, shot, typeInto, tempDir } from './lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>';

test('search, open a person, edit an office; hostile text stays text', async () => {
  const cli = process.env.RACCORDO_CLI_BIN;
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  const db = join(tempDir(), 'raccordo.sqlite');
  const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
  run('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana');
  run('demo', '--scale', '1');
  run('person', 'add', '--given', 'Niccolò', '--family', 'Dell’Acqua', '--email', 'n.dellacqua@example.it', '--notes', HOSTILE);
  const added = JSON.parse(run('person', 'list', '--search', 'niccolo acqua', '--format', 'json'))[0];
  run('org', 'add', '--kind', 'associazione', '--name', 'Associazione Città Aperta');
  const citta = JSON.parse(run('org', 'list', '--search', 'Città Aperta', '--format', 'json'))[0];
  assert.ok(added && citta, 'the CLI created the person and the organisation');
  run('role', 'add', '--person', String(added.id), '--org', String(citta.id), '--title', 'Vicepresidente', '--from', '01/07/2019', '--to', '30/06/2024');
  run('role', 'add', '--person', String(added.id), '--org', String(citta.id), '--title', 'Presidente', '--from', '01/07/2024');

  app = await launch(db);
  await (await byId(app, 'nav-contatti')).click();
  await byId(app, 'people-list');
  const count = await waitText(app, 'people-count', 'persone in rubrica');
  assert.match(count, /\d\.?\d{3} persone in rubrica/, `the demo directory holds thousands of people (${count})`);
  await shot(app, '20-contatti-elenco');

  await typeInto(app, 'contact-search', 'niccolo dell');
  await app.waitUntil(async () => {
    const rows = await app.$$('[data-testid="person-row"]');
    return rows.length > 0 && (await rows[0].getText()).includes('Niccolò');
  }, { timeout: 5000, timeoutMsg: '"niccolo dell" (no accent) should find Niccolò Dell’Acqua' });
  await shot(app, '21-contatti-ricerca');

  await typeInto(app, 'contact-search', 'citta');
  await app.waitUntil(async () => {
    const rows = await app.$$('[data-testid="person-row"]');
    for (const r of rows) if ((await r.getText()).includes('Niccolò')) return true;
    return false;
  }, { timeout: 5000, timeoutMsg: '"citta" (no accent) should find the person in office at the Associazione Città Aperta' });

  await typeInto(app, 'contact-search', 'niccolo acqua');
  await waitText(app, 'people-count', '1 persona trovata');
  await app.waitUntil(async () => {
    const rows = await app.$$('[data-testid="person-row"]');
    return rows.length === 1 && (await rows[0].getText()).includes('Niccolò');
  }, { timeout: 5000, timeoutMsg: '"niccolo acqua" should leave exactly Niccolò Dell’Acqua' });
  await (await byId(app, 'person-row')).click();
  await waitText(app, 'person-name', 'Niccolò Dell’Acqua');
  const current = await waitText(app, 'roles-current', 'Presidente');
  assert.match(current, /dal 01\/07\/2024/, 'the current office shows its start date gg/mm/aaaa');
  const past = await waitText(app, 'roles-past', 'Vicepresidente');
  assert.match(past, /dal 01\/07\/2019 al 30\/06\/2024/, 'the past office shows its period');
  const notes = await (await byId(app, 'person-notes')).getText();
  assert.equal(notes, HOSTILE, 'the hostile notes are shown literally');
  assert.equal(await app.execute(() => document.querySelectorAll('#main script, #main img').length), 0, 'no element was created from the notes');
  assert.equal(await app.execute(() => window.__pwned ?? null), null, 'the injected code never ran');
  await shot(app, '22-scheda-persona');

  // Edit the current office: a new title. Meeting reminders (toasts at the right edge) would
  // cover the button: close them first, as a coordinator would.
  for (let i = 0; i < 10; i += 1) {
    const close = await app.$$('[data-testid="reminder-close"]');
    if (close.length === 0) break;
    await close[0].click();
  }
  const editButtons = await app.$$('[data-testid="roles-current"] [data-testid="role-edit"]');
  await editButtons[0].click();
  await typeInto(app, 'role-title', 'Presidente onoraria');
  await shot(app, '23-modifica-incarico');
  await (await byId(app, 'role-save')).click();
  await waitText(app, 'roles-current', 'Presidente onoraria');
  const stored = JSON.parse(run('person', 'show', String(added.id), '--format', 'json'));
  const titles = stored.roles.map((r) => r.title).sort();
  assert.deepEqual(titles, ['Presidente onoraria', 'Vicepresidente'], 'the edit was committed to the database (read back through the CLI)');

  // The organisation page lists the person in office today.
  const link = await app.$('[data-testid="roles-current"] a');
  await link.click();
  try {
    await waitText(app, 'org-in-office', 'Niccolò Dell’Acqua');
  } catch (e) {
    await shot(app, 'FAILED-06');
    throw e;
  }
  await shot(app, '24-scheda-ente');
});
