// The comune page lists the people in office at the Comune, from the contacts directory; a
// hostile name is shown as text. The database is prepared with the CLI, as a script would.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, byId, waitText, shot, typeInto, tempDir } from './lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

const HOSTILE = '<img src=x onerror=window.__pwned=1>';

test('the scheda comune shows who is in office, hostile text as text', async () => {
  const cli = process.env.RACCORDO_CLI_BIN;
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  const db = join(tempDir(), 'raccordo.sqlite');
  const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
  run('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana');
  run('person', 'add', '--given', 'Michele', '--family', 'Conti');
  run('person', 'add', '--given', 'Anna', '--family', HOSTILE);
  const people = JSON.parse(run('person', 'list', '--format', 'json'));
  const id = (family) => people.find((p) => p.family_name === family)?.id;
  const pisa = JSON.parse(run('org', 'list', '--kind', 'comune', '--search', 'Pisa', '--format', 'json')).find((o) => o.istat_code === '050026');
  assert.ok(id('Conti') && id(HOSTILE) && pisa, 'the CLI created both people and found the Comune di Pisa');
  run('role', 'add', '--person', String(id('Conti')), '--org', String(pisa.id), '--title', 'Sindaco', '--from', '27/06/2023');
  run('role', 'add', '--person', String(id(HOSTILE)), '--org', String(pisa.id), '--title', 'Assessora al sociale', '--from', '01/07/2023');

  app = await launch(db);
  await typeInto(app, 'comune-search', 'pisa');
  await app.waitUntil(async () => {
    const r = await app.$$('[data-testid="comune-result"]');
    return r.length > 0 && (await r[0].getText()).includes('Pisa');
  }, { timeout: 5000, timeoutMsg: 'typing "pisa" should list Pisa first' });
  await (await app.$$('[data-testid="comune-result"]'))[0].click();

  const text = await waitText(app, 'comune-people', 'Michele Conti');
  assert.match(text, /Sindaco/, 'the office is shown');
  assert.match(text, /27\/06\/2023/, 'the start date is gg/mm/aaaa');
  assert.ok(text.includes(HOSTILE), 'the hostile name is shown literally as text');
  assert.equal(await app.execute(() => document.querySelectorAll('img').length), 0, 'no image element was created from the name');
  assert.equal(await app.execute(() => window.__pwned ?? null), null, 'the injected handler never ran');
  await shot(app, '10-scheda-comune-persone');
});
