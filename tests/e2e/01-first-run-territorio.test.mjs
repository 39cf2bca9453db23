// Main path of the Foundation: a fresh database, the first-run screen, the Territorio area,
// searching a comune with and without accents, its page, changing its zone, the other screens,
// and that everything persists across a restart.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { launch, byId, waitText, shot, typeInto, tempDir, closeApp } from './lib.mjs';

const db = join(tempDir(), 'raccordo.sqlite');
let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

test('first run asks who the coordinator is, then opens Territorio', async () => {
  app = await launch(db);
  assert.equal(await app.getTitle(), 'Raccordo', 'the window title is "Raccordo"');
  await byId(app, 'firstrun-name');
  assert.ok(existsSync(db), 'the database file is created on first start');
  await shot(app, '01-benvenuto');

  await (await byId(app, 'firstrun-submit')).click();
  const body = await app.$('body').getText();
  assert.match(body, /Scrivi il tuo nome e cognome/, 'submitting an empty form says in Italian which field is missing');
  assert.ok(await (await app.$('[data-testid="firstrun-name"]')).isDisplayed(), 'an invalid form does not leave the first-run screen');

  await typeInto(app, 'firstrun-name', 'Giulia Bianchi');
  await typeInto(app, 'firstrun-org', 'ANCI Toscana');
  await (await byId(app, 'firstrun-submit')).click();

  for (const asl of ['nord-ovest', 'centro', 'sud-est']) {
    await byId(app, `asl-node-${asl}`);
  }
  const tree = await (await byId(app, 'asl-node-nord-ovest')).getText();
  assert.match(tree, /102/, 'ASL nord-ovest shows its 102 comuni');
  await shot(app, '02-territorio');
});

test('the zone template can be confirmed', async () => {
  await (await byId(app, 'zones-confirm-all')).click();
  await app.waitUntil(async () => !(await (await app.$('[data-testid="zones-confirm-all"]')).isExisting()), {
    timeout: 5000, timeoutMsg: 'after "Conferma tutte" the confirmation banner should disappear',
  });
});

test('search folds accents and opens the comune page', async () => {
  await typeInto(app, 'comune-search', 'niccolo');
  await app.waitUntil(async () => (await app.$$('[data-testid="comune-result"]')).length > 0, {
    timeout: 5000, timeoutMsg: 'typing "niccolo" should list results',
  });
  const first = await app.$$('[data-testid="comune-result"]');
  assert.match(await first[0].getText(), /Castel San Niccolò/, '"niccolo" finds "Castel San Niccolò"');
  await shot(app, '03-ricerca');

  await typeInto(app, 'comune-search', 'pisa');
  await app.waitUntil(async () => {
    const r = await app.$$('[data-testid="comune-result"]');
    return r.length > 0 && (await r[0].getText()).includes('Pisa');
  }, { timeout: 5000, timeoutMsg: 'typing "pisa" should list Pisa first' });
  await (await app.$$('[data-testid="comune-result"]'))[0].click();

  await waitText(app, 'comune-name', 'Pisa');
  assert.equal((await (await byId(app, 'comune-istat')).getText()).trim(), '050026', 'Pisa has ISTAT code 050026');
  assert.match(await (await byId(app, 'comune-province')).getText(), /Pisa \(PI\)/, 'the province is shown with its abbreviation');
  assert.match(await (await byId(app, 'comune-asl')).getText(), /nord-ovest/, 'Pisa belongs to ASL Toscana nord-ovest');
  assert.match(await (await byId(app, 'comune-population')).getText(), /88\.737/, 'population 88,737 written the Italian way');
  assert.match(await (await byId(app, 'comune-zone')).getText(), /Non assegnata/i, 'no zone membership is shipped as fact');
  await shot(app, '04-scheda-comune');
});

test('the zone of a comune is edited on its page, with history', async () => {
  const select = await byId(app, 'zone-select');
  await select.selectByVisibleText('Pisana');
  const date = await byId(app, 'zone-valid-from');
  assert.match(await date.getValue(), /^\d{2}\/\d{2}\/\d{4}$/, 'the date field shows today as gg/mm/aaaa, whatever the system locale');
  await typeInto(app, 'zone-valid-from', '01/01/2025');
  await (await byId(app, 'zone-save')).click();
  await waitText(app, 'comune-zone', 'Pisana');
  await waitText(app, 'zone-history', '01/01/2025');
  await shot(app, '05-scheda-comune-zona');
});

test('settings and about screens', async () => {
  await (await byId(app, 'nav-impostazioni')).click();
  const name = await byId(app, 'profile-name');
  assert.equal(await name.getValue(), 'Giulia Bianchi', 'the profile saved on first run is shown in Impostazioni');
  await shot(app, '06-impostazioni');
  await (await byId(app, 'nav-informazioni')).click();
  await app.waitUntil(async () => (await app.$('body').getText()).includes('ISTAT'), {
    timeout: 5000, timeoutMsg: 'Informazioni shows the data attribution',
  });
  const body = await app.$('body').getText();
  assert.ok(body.includes(db), 'Informazioni tells where the database lives');
  await shot(app, '07-informazioni');
});

test('a restart keeps the profile and the zone change', async () => {
  const backups = join(dirname(db), 'backups');
  await app.waitUntil(async () => existsSync(backups) && readdirSync(backups).some((f) => f.startsWith('raccordo-daily-')), {
    timeout: 10000, timeoutMsg: 'the app takes the daily backup after start, in the backups folder beside the database',
  });
  await closeApp(app);
  assert.equal(existsSync(`${db}.running`), false, 'closing the window ends the database session (no running marker left)');
  app = await launch(db);
  await byId(app, 'nav-territorio');
  assert.equal(await (await app.$('[data-testid="firstrun-name"]')).isExisting(), false, 'a configured profile skips the first-run screen');
  await app.pause(300);
  const notice = await app.$('[data-testid="startup-notice"]');
  assert.equal(
    await notice.isExisting(),
    false,
    `closing the window ends the session cleanly: no start-up check banner on the next start (${(await notice.isExisting()) ? await notice.getText() : ''})`,
  );
  await typeInto(app, 'comune-search', 'pisa');
  await app.waitUntil(async () => (await app.$$('[data-testid="comune-result"]')).length > 0, { timeout: 5000, timeoutMsg: 'search results after restart' });
  await (await app.$$('[data-testid="comune-result"]'))[0].click();
  await waitText(app, 'comune-zone', 'Pisana');
});

test('after a crash the next start checks the database and says so', async () => {
  await app.deleteSession(); // ends the process abruptly, as a crash or a power cut would
  assert.equal(existsSync(`${db}.running`), true, 'the killed session left its running marker');
  app = await launch(db);
  const notice = await waitText(app, 'startup-notice', 'non era stato chiuso correttamente');
  assert.match(notice, /non ha trovato problemi/, 'the check found the database healthy and the banner says so');
  await shot(app, '11-avvio-dopo-arresto');
  await (await app.$('[data-testid="startup-notice"] button')).click();
  assert.equal(await (await app.$('[data-testid="startup-notice"]')).isExisting(), false, 'the banner can be dismissed');
});
