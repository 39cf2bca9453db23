// Reminders and attachments (issue 4). A meeting starting in 40 minutes, added with the CLI
// before the app starts, is announced at start-up by an in-app notice «Promemoria: tra 40 minuti»
// with a link to the meeting (the desktop notification cannot be seen under Xvfb: the notice is
// what a coordinator without a notification daemon sees); the app records it as given (the CLI
// no longer lists it as due). In Impostazioni the leads are changed to «2 ore prima», and a
// meeting added with the CLI while the app runs is announced by the background loop (its
// interval is shortened by RACCORDO_TEST_REMINDER_SECONDS, set by run.mjs). On the meeting page
// two files are attached through the native dialog's test hook (one with a hostile name, shown
// as text), opened through the viewer's test hook (RACCORDO_TEST_OPENED: the verified copy beside
// the database is what gets opened), refused with the core's explanation once the copy is
// changed outside Raccordo, and one is removed after confirming. Screenshots: the reminder
// notice, the reminder settings, the meeting page with its attachments, the refused opening, the
// confirmation before removing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch, byId, waitText, shot, tempDir, answerDialog } from './lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

const dir = tempDir();
const db = join(dir, 'raccordo.sqlite');
const cli = process.env.RACCORDO_CLI_BIN;
const openedLog = process.env.E2E_OPENED_LOG;
const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
const json = (...args) => JSON.parse(run(...args, '--format', 'json'));
const HOSTILE = '<img src=x onerror="window.__pwned=1">.txt';

/** `gg/mm/aaaa HH:MM` in Europe/Rome, `minutes` from now. */
function romeIn(minutes) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** The text of the reminder notices (innerText: what is on screen). */
async function noticesText() {
  return app.execute(() => document.querySelector('[data-testid="reminders"]')?.innerText ?? '');
}

async function waitNotice(text, timeout = 20000) {
  let last = '';
  await app.waitUntil(async () => (last = await noticesText()).includes(text), {
    timeout,
    timeoutMsg: `no reminder notice with "${text}" within ${timeout} ms (notices: ${JSON.stringify(last)})`,
  });
  return last;
}

const ids = {};

test('a meeting in 40 minutes is announced by an in-app notice when the app starts', async () => {
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  assert.ok(openedLog, 'run.mjs sets E2E_OPENED_LOG (the viewer test hook)');
  run('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana');
  run('zone', 'confirm', '--all');
  run('meeting', 'add', '--type', 'conferenza_zonale', '--title', 'Conferenza zonale dei sindaci – Zona Fiorentina Nord-Ovest',
    '--start', romeIn(40), '--zone', 'Fiorentina Nord-Ovest', '--place', 'Sala Pegaso, Palazzo Vecchio, Firenze');
  ids.soon = json('meeting', 'list')[0].id;
  assert.equal(json('meeting', 'reminders', '--due').length, 1, 'before the app starts, the one-hour reminder is due');

  app = await launch(db);
  const text = await waitNotice('Promemoria: tra ');
  assert.match(text, /Promemoria: tra (39|40) minuti/, 'the one-hour reminder tells the time actually left');
  assert.match(text, /Conferenza zonale dei sindaci – Zona Fiorentina Nord-Ovest/, 'the notice names the meeting');
  assert.match(text, /\d{2}\/\d{2}\/\d{4} alle \d{2}:\d{2} · Sala Pegaso, Palazzo Vecchio, Firenze/, 'when (gg/mm/aaaa) and where');
  await shot(app, '110-promemoria-avviso');
  assert.deepEqual(json('meeting', 'reminders', '--due'), [], 'the app recorded the reminder as given: it is not given again');

  await (await byId(app, 'reminder-open')).click();
  await waitText(app, 'meeting-title', 'Zona Fiorentina Nord-Ovest');
  const hash = await app.execute(() => location.hash);
  assert.equal(hash, `#/agenda/incontro/${ids.soon}`, 'the link opens the meeting page');
  assert.equal(await (await app.$('[data-testid="reminder-notice"]')).isExisting(), false, 'following the link closes the notice');
});

test('leads changed in Impostazioni apply to a meeting added while the app runs', async () => {
  await app.execute(() => { location.hash = '#/impostazioni'; });
  await byId(app, 'reminder-lead-1440');
  assert.equal(await (await byId(app, 'reminder-lead-1440')).isSelected(), true, 'default: a day before');
  assert.equal(await (await byId(app, 'reminder-lead-60')).isSelected(), true, 'default: an hour before');
  await (await byId(app, 'reminder-lead-1440')).click();
  await (await byId(app, 'reminder-lead-60')).click();
  await (await byId(app, 'reminder-lead-120')).click();
  await (await byId(app, 'reminders-save')).click();
  await byId(app, 'reminders-saved');
  await waitText(app, 'reminder-summary', 'Ora ricevi un promemoria 2 ore prima.');
  assert.deepEqual(json('meeting', 'reminders').leads_minutes, [120], 'stored in the database, read back by the CLI');
  await app.execute(() => document.querySelector('[data-testid="reminder-settings"]')?.scrollIntoView({ block: 'start' }));
  await shot(app, '111-impostazioni-promemoria');

  run('meeting', 'add', '--type', 'prefettura', '--title', 'Tavolo in Prefettura – accoglienza diffusa',
    '--start', romeIn(100), '--province', 'FI', '--place', 'Prefettura di Firenze');
  ids.later = json('meeting', 'list', '--search', 'prefettura')[0].id;
  const text = await waitNotice('Tavolo in Prefettura');
  assert.match(text, /Promemoria: tra 1 ora e (39|40) minuti/, 'the two-hour reminder, with the time left');
  assert.match(text, /Tavolo in Prefettura – accoglienza diffusa/, 'the background loop announces the new meeting');
  assert.doesNotMatch(text, /Zona Fiorentina/, 'the meeting already announced is not announced again');
  await (await byId(app, 'reminder-close')).click();
});

test('attach two files through the native dialog; the hostile name is shown as text', async () => {
  const pdf = join(dir, 'Convocazione – Conferenza zonale.pdf');
  writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(150 * 1024, 0x20)]));
  const hostile = join(dir, HOSTILE);
  writeFileSync(hostile, 'nota del coordinatore\n');

  await app.execute((id) => { location.hash = `#/agenda/incontro/${id}`; }, ids.soon);
  await waitText(app, 'attachments-empty', 'Nessun allegato');
  answerDialog(pdf);
  await (await byId(app, 'attachment-add')).click();
  await waitText(app, 'attachment-list', 'Convocazione – Conferenza zonale.pdf');
  await waitText(app, 'attachment-outcome', 'Allegato «Convocazione – Conferenza zonale.pdf» aggiunto.');
  answerDialog(hostile);
  await (await byId(app, 'attachment-add')).click();
  const list = await waitText(app, 'attachment-list', HOSTILE);
  assert.match(list, /150 KB/, 'the size in KB, Italian style');
  assert.match(list, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, 'the date added, gg/mm/aaaa');
  assert.equal(await app.execute(() => window.__pwned), null, 'the hostile file name ran nothing');
  answerDialog(null);

  const stored = json('meeting', 'attachments', String(ids.soon));
  assert.deepEqual(stored.map((a) => a.file_name), ['Convocazione – Conferenza zonale.pdf', HOSTILE], 'both attached, read back by the CLI');
  ids.pdf = stored[0].id;
  ids.hostile = stored[1].id;
  await app.execute(() => document.querySelector('[data-testid="attachments"]')?.scrollIntoView({ block: 'center' }));
  await shot(app, '112-incontro-allegati');
});

test('«Apri» opens the verified copy; a copy changed outside Raccordo is refused with the reason', async () => {
  const rows = await app.$$('[data-testid="attachment-row"]');
  await (await rows[0].$('[data-testid="attachment-open"]')).click();
  await waitText(app, 'attachment-outcome', 'aperto con il programma predefinito');
  const opened = readFileSync(openedLog, 'utf8').trim().split('\n').pop();
  assert.ok(opened.startsWith(join(dir, 'raccordo-allegati', String(ids.soon))), `the copy beside the database is opened, not the original: ${opened}`);
  assert.ok(existsSync(opened), 'the opened copy exists');
  assert.deepEqual(readFileSync(opened), readFileSync(join(dir, 'Convocazione – Conferenza zonale.pdf')), 'with the same bytes');

  writeFileSync(opened, 'modificato a mano');
  await (await (await app.$$('[data-testid="attachment-row"]'))[0].$('[data-testid="attachment-open"]')).click();
  const refused = await waitText(app, 'attachment-outcome', 'Impossibile aprire');
  assert.match(refused, /modificata fuori da Raccordo/, 'the core explains what happened and what to do');
  const lines = readFileSync(openedLog, 'utf8').trim().split('\n').filter((l) => l.startsWith(dir));
  assert.equal(lines.length, 1, 'the changed copy was not handed to the viewer');
  await app.execute(() => document.querySelector('[data-testid="attachments"]')?.scrollIntoView({ block: 'center' }));
  await shot(app, '113-allegato-modificato');
});

test('«Togli» asks first, then removes the attachment and its copy', async () => {
  const copy = run('meeting', 'attachment-path', String(ids.hostile)).trim();
  assert.ok(existsSync(copy), 'the hostile file has its copy');
  const rows = await app.$$('[data-testid="attachment-row"]');
  await (await rows[1].$('[data-testid="attachment-remove"]')).click();
  const confirm = await waitText(app, 'attachment-remove-confirm', 'dagli allegati?');
  assert.ok(confirm.includes(HOSTILE), 'the question names the file, as text');
  assert.equal(json('meeting', 'attachments', String(ids.soon)).length, 2, 'nothing is removed before confirming');
  await shot(app, '114-allegato-togli-conferma');
  await (await byId(app, 'attachment-remove-do')).click();
  await waitText(app, 'attachment-outcome', 'tolto');
  await app.waitUntil(async () => (await app.$$('[data-testid="attachment-row"]')).length === 1, {
    timeout: 5000, timeoutMsg: 'one attachment is left on the page',
  });
  assert.deepEqual(json('meeting', 'attachments', String(ids.soon)).map((a) => a.id), [ids.pdf], 'the CLI sees one attachment left');
  assert.equal(existsSync(copy), false, 'the copy is deleted with the attachment');
  assert.ok(existsSync(join(dir, HOSTILE)), 'the original file is never touched');
});
