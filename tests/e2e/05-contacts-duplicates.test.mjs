// Contatti > Doppioni through the real UI: two records of Mario Rossi (same e-mail in another
// case, same name) are merged into the one the coordinator chooses, after a confirmation; the
// kept record has every e-mail, phone and office. Another group (same phone) stays listed.
// The database is prepared with the CLI, as a script would.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { byId, launch, shot, tempDir, waitText } from './lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

/** The duplicate group whose key is `key` (null when not shown). */
async function groupWithKey(key) {
  for (const group of await app.$$('[data-testid="dup-group"]')) {
    const k = await group.$('[data-testid="dup-key"]');
    if ((await k.getText()) === key) return group;
  }
  return null;
}

test('merges two duplicates into the chosen record after confirming', async () => {
  const cli = process.env.RACCORDO_CLI_BIN;
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  const db = join(tempDir(), 'raccordo.sqlite');
  const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
  run('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana');
  run('person', 'add', '--given', 'Mario', '--family', 'Rossi', '--email', 'm.rossi@comune.pisa.it', '--phone', '050 910111');
  run('person', 'add', '--given', 'Mario', '--family', 'Rossi', '--email', 'M.Rossi@Comune.Pisa.it', '--email', 'mario.rossi@gmail.com');
  run('person', 'add', '--given', 'Lucia', '--family', 'Neri', '--phone', '+39 055 2760111');
  run('person', 'add', '--given', 'Lucia', '--family', 'Neri Bassi', '--phone', '055 2760111');
  const people = JSON.parse(run('person', 'list', '--format', 'json'));
  const rossi = people.filter((p) => p.family_name === 'Rossi').map((p) => p.id).sort((a, b) => a - b);
  assert.equal(rossi.length, 2, 'two records of Mario Rossi');
  const org = (search, istat) =>
    JSON.parse(run('org', 'list', '--kind', 'comune', '--search', search, '--format', 'json')).find((o) => o.istat_code === istat);
  const pisa = org('Pisa', '050026');
  const cascina = org('Cascina', '050008');
  assert.ok(pisa && cascina, 'the CLI found the Comuni of Pisa and Cascina');
  run('role', 'add', '--person', String(rossi[0]), '--org', String(pisa.id), '--title', 'Sindaco', '--from', '27/06/2023');
  run('role', 'add', '--person', String(rossi[1]), '--org', String(cascina.id), '--title', 'Assessore al sociale', '--from', '01/07/2024');

  app = await launch(db);
  await (await byId(app, 'nav-contatti')).click();
  await (await byId(app, 'contacts-tab-doppioni')).click();
  await waitText(app, 'dup-count', 'gruppi da controllare');

  const byEmail = await groupWithKey('m.rossi@comune.pisa.it');
  assert.ok(byEmail, 'the two Rossi records are grouped by their e-mail, case ignored');
  assert.match(await byEmail.getText(), /Stessa e-mail/);
  assert.ok(await groupWithKey('0552760111'), 'the two Neri records are grouped by phone, +39 and spaces ignored');
  const keepFirst = await byEmail.$(`[data-testid="dup-keep-${rossi[0]}"]`);
  assert.equal(await keepFirst.isSelected(), true, 'the first record is proposed to keep');

  // Keep the second record (the one with two e-mails).
  await (await byEmail.$(`[data-testid="dup-keep-${rossi[1]}"]`)).click();
  assert.equal(await (await byEmail.$(`[data-testid="dup-keep-${rossi[1]}"]`)).isSelected(), true);
  await (await byEmail.$('[data-testid="dup-merge"]')).click();
  const confirm = await byEmail.$('[data-testid="dup-confirm"]');
  await confirm.waitForDisplayed({ timeout: 5000, timeoutMsg: 'the merge asks for confirmation' });
  assert.match(await confirm.getText(), /I contatti uniti verranno eliminati; incarichi, e-mail, telefoni, etichette e note passano a Mario Rossi/);
  await shot(app, 'contatti-doppioni');
  assert.equal(JSON.parse(run('person', 'list', '--format', 'json')).length, 4, 'nothing merged before confirming');

  await (await confirm.$('[data-testid="dup-confirm-merge"]')).click();
  await waitText(app, 'dup-merged', 'Schede unite: ora resta solo Mario Rossi.');
  await app.waitUntil(async () => (await groupWithKey('m.rossi@comune.pisa.it')) === null, {
    timeout: 5000,
    timeoutMsg: 'the merged group disappears after the reload',
  });
  assert.ok(await groupWithKey('0552760111'), 'the other group is still listed');
  await shot(app, 'contatti-doppioni-unite');

  const after = JSON.parse(run('person', 'list', '--format', 'json')).filter((p) => p.family_name === 'Rossi');
  assert.deepEqual(after.map((p) => p.id), [rossi[1]], 'only the chosen record remains');

  await (await byId(app, 'dup-merged-link')).click();
  await waitText(app, 'person-name', 'Mario Rossi');
  const emails = [];
  for (const el of await app.$$('[data-testid="person-email"]')) emails.push((await el.getText()).toLowerCase());
  assert.ok(emails.includes('m.rossi@comune.pisa.it') && emails.includes('mario.rossi@gmail.com'), `both e-mails are kept (${emails.join(', ')})`);
  assert.match(await (await byId(app, 'person-phone')).getText(), /050 910111/, 'the phone of the removed record moved');
  const roles = await waitText(app, 'person-roles', 'Sindaco');
  assert.match(roles, /Comune di Pisa/, 'the office of the removed record moved');
  assert.match(roles, /Assessore al sociale/, 'the office of the kept record is still there');
  assert.match(roles, /Comune di Cascina/);
});
