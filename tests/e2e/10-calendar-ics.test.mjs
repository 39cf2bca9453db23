// Calendars in and out of the app (issue 4, ICS) through the real UI. A Thunderbird export
// (VTIMEZONE Europe/Rome, a conference at 10:00 on 25/03/2027, a monthly series with an EXDATE
// and a moved occurrence, an all-day deadline, a to-do) is picked in Agenda › Importa (ICS)
// through the dialog test hook: the dry run reports it event by event and writes nothing, the
// import takes a backup and writes it, and the meetings show in the month view. Then the calendar
// is exported (the whole calendar; the month with a kind filter) and one meeting and one series
// from their pages; the files are read back here (VCALENDAR, VTIMEZONE, the UIDs of the file,
// DTSTART;TZID=Europe/Rome:20270325T100000). A broken file and a cancelled dialog are explained.
// The database is prepared and checked with the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { answerDialog, byId, launch, shot, tempDir, waitInner, waitText } from './lib.mjs';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ics', 'thunderbird.ics');
const HOSTILE = '<img src=x onerror=window.__xss=1>';
const UIDS = {
  conferenza: '6f1c2b1e-3a4d-4e2f-9b8a-2c7d5e1f0a11',
  prefettura: 'b3e5d7a9-1c2e-4f60-8a7b-9d0c1e2f3a44',
  direttori: '0c9a8b7d-6e5f-4a3b-2c1d-0e9f8a7b6c55',
  scadenza: 'e4d3c2b1-a0f9-4e8d-7c6b-5a4f3e2d1c66',
};

let app;
let dir;
let db;
const cli = (...args) => execFileSync(process.env.RACCORDO_CLI_BIN, ['--db', db, ...args], { encoding: 'utf8' });
const meetings = () => JSON.parse(cli('meeting', 'list', '--format', 'json'));

before(() => {
  assert.ok(process.env.RACCORDO_CLI_BIN, 'RACCORDO_CLI_BIN names the raccordo CLI');
  dir = tempDir();
  db = join(dir, 'raccordo.sqlite');
  cli('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana'); // skips Benvenuto
});
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

async function go(hash, testid) {
  await app.execute((h) => { location.hash = h; }, hash);
  if (testid) await byId(app, testid);
}

/** Texts of all elements with `data-testid=id` (innerText: cells cut with an ellipsis included). */
async function texts(id) {
  return app.execute((t) => [...document.querySelectorAll(`[data-testid="${t}"]`)].map((e) => e.innerText.trim()), id);
}

/** The file's lines with folded lines joined again (RFC 5545 §3.1). */
function ics(path) {
  assert.ok(existsSync(path), `the export wrote ${path}`);
  return readFileSync(path, 'utf8').replace(/\r\n[ \t]/g, '').split('\r\n');
}

async function exportFromMenu(choice, answer) {
  answerDialog(answer);
  await (await byId(app, 'ics-export-toggle')).click();
  const item = await byId(app, `ics-export-${choice}`);
  await app.waitUntil(async () => !(await item.getText()).includes('conteggio'), { timeout: 5000, timeoutMsg: 'the menu counts the meetings' });
  return item;
}

test('imports a Thunderbird calendar: dry run event by event, then import with a backup', async () => {
  const file = join(dir, 'calendario-thunderbird.ics');
  copyFileSync(fixture, file);
  app = await launch(db);
  await (await byId(app, 'nav-agenda')).click();
  await (await byId(app, 'ics-export-toggle')).click();
  await (await byId(app, 'ics-export-import')).click();
  await waitText(app, 'ics-import-pick', 'Scegli il file .ics');
  assert.equal(await app.execute(() => location.hash), '#/agenda/importa', 'the import screen has its route');

  answerDialog(file);
  await (await byId(app, 'ics-import-pick')).click();
  await waitText(app, 'ics-outcome', 'Prova riuscita');
  assert.equal(await (await byId(app, 'ics-file-name')).getText(), 'calendario-thunderbird.ics', 'the page shows the name, never the path');
  assert.equal(await (await byId(app, 'stat-events-read')).getText(), '5', 'five VEVENTs');
  assert.equal(await (await byId(app, 'stat-events-rejected')).getText(), '0');
  assert.equal(await (await byId(app, 'stat-meetings-created')).getText(), '8', 'conference, tavolo, five directors’ meetings, deadline');

  const outcomes = await texts('ics-event-outcome');
  assert.deepEqual(outcomes, ['creato', 'creato', 'creato', 'creato', 'creato'], 'every event would be created');
  const titles = await texts('ics-event-title');
  assert.equal(titles[0], 'Conferenza zonale dei sindaci – Zona Pisana');
  const starts = await texts('ics-event-start');
  assert.equal(starts[0], '25/03/2027 10:00', 'start as gg/mm/aaaa HH:MM in Italian time');
  assert.equal(starts[1], '01/04/2027 15:00', 'after the switch to summer time, still the wall-clock hour');
  assert.match(starts[4], /^15\/04\/2027 · tutto il giorno$/, 'the all-day deadline');
  const notes = await texts('ics-event-note');
  assert.match(notes[2], /serie di 5 incontri/, 'the series says how many meetings it stands for');
  assert.match(notes[3], /modifica di un’occorrenza/, 'the moved occurrence is marked');
  assert.match((await texts('ics-notes'))[0], /riga 110: .*VTODO/, 'the to-do is noted with its line');
  assert.equal(meetings().length, 0, 'the dry run wrote nothing');
  await app.execute(() => document.querySelector('[data-testid="ics-stats-effects"]')?.scrollIntoView());
  await shot(app, '98-agenda-importa-prova');

  await (await byId(app, 'ics-import-run')).click();
  await waitText(app, 'ics-outcome', 'Importazione completata');
  assert.equal(await (await byId(app, 'stat-meetings-created')).getText(), '8');
  const stored = meetings();
  assert.equal(stored.length, 8, `eight meetings stored (${stored.map((m) => m.title).join(', ')})`);
  const conf = stored.find((m) => m.uid === UIDS.conferenza);
  assert.ok(conf, 'the conference keeps the UID of the file');
  assert.equal(conf.starts_at, '2027-03-25T09:00:00Z', '10:00 Europe/Rome on 25 March 2027 is 09:00 UTC');
  const backups = readdirSync(join(dir, 'backups'));
  assert.ok(backups.some((f) => f.includes('pre-import')), `a backup was taken before importing (${backups.join(', ')})`);
  await app.execute(() => document.querySelector('[data-testid="ics-events"]')?.scrollIntoView({ block: 'center' }));
  await shot(app, '98b-agenda-importa-completata');

  await (await byId(app, 'ics-import-to-agenda')).click();
  await waitText(app, 'agenda-title', 'gennaio 2027');
  await waitInner(app, 'day-2027-01-12', 'Incontro Direttori SdS');
  await go('#/agenda?data=2027-03-01', 'month-grid');
  assert.match(await waitInner(app, 'day-2027-03-25', 'Conferenza zonale'), /10:00/, 'the imported conference at 10:00 in the month view');
  await shot(app, '98c-agenda-mese-importato');
});

test('exports the whole calendar and the filtered month through the save dialog', async () => {
  await go('#/agenda?data=2027-03-01', 'month-grid');
  const all = await exportFromMenu('all', join(dir, 'calendario')); // typed without extension
  assert.match(await all.getText(), /8 incontri/, 'the menu says how many meetings the calendar holds');
  await shot(app, '99-agenda-esporta-menu');
  await all.click();
  await waitText(app, 'ics-export-result', 'Esportati 8 incontri in calendario.ics');
  await shot(app, '99b-agenda-esporta-esito');

  const lines = ics(join(dir, 'calendario.ics'));
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.ok(lines.includes('BEGIN:VTIMEZONE') && lines.includes('TZID:Europe/Rome'), 'the Europe/Rome VTIMEZONE is in the file');
  for (const [name, uid] of Object.entries(UIDS)) {
    assert.ok(lines.includes(`UID:${uid}`), `the ${name} keeps the UID it had in Thunderbird`);
  }
  assert.ok(lines.includes('DTSTART;TZID=Europe/Rome:20270325T100000'), 'the conference at 10:00 Rome time');
  assert.ok(lines.includes('DTSTART;TZID=Europe/Rome:20270401T150000'), 'the tavolo at 15:00 summer time');
  assert.ok(lines.some((l) => l.startsWith('RRULE:FREQ=MONTHLY')), 'the series as a rule');
  assert.ok(lines.some((l) => l.startsWith('RECURRENCE-ID;TZID=Europe/Rome:20270413T100000')), 'the moved occurrence as an override');
  assert.ok(lines.includes('DTSTART;VALUE=DATE:20270415'), 'the all-day deadline');

  await go('#/agenda?data=2027-03-01&tipi=conferenza_zonale', 'month-grid');
  await waitInner(app, 'day-2027-03-25', 'Conferenza zonale');
  const period = await exportFromMenu('period', join(dir, 'marzo.ics'));
  assert.match(await period.getText(), /marzo 2027, con i filtri attivi: 1 incontro/, 'the period and the filters');
  await period.click();
  await waitText(app, 'ics-export-result', 'Esportato 1 incontro in marzo.ics');
  const march = ics(join(dir, 'marzo.ics'));
  assert.ok(march.includes(`UID:${UIDS.conferenza}`), 'the conference of March');
  assert.ok(!march.includes(`UID:${UIDS.prefettura}`), 'not the tavolo of April');
  assert.equal(march.filter((l) => l === 'BEGIN:VEVENT').length, 1, 'only what the filter shows');

  answerDialog(null);
  await (await byId(app, 'ics-export-toggle')).click();
  await (await byId(app, 'ics-export-period')).click();
  await app.waitUntil(async () => (await (await byId(app, 'ics-export-toggle')).isEnabled()), { timeout: 5000 });
  assert.equal(await (await app.$('[data-testid="ics-export-result"]')).isExisting(), false, 'a cancelled dialog leaves no message');
  const audit = JSON.parse(cli('audit', 'list', '--format', 'json')).entries;
  assert.equal(audit.filter((e) => e.action === 'export' && e.entity === 'meeting').length, 2, 'each export is in the audit log');
});

test('exports one meeting, and a whole series, from the meeting page', async () => {
  const conf = meetings().find((m) => m.uid === UIDS.conferenza);
  await go(`#/agenda/incontro/${conf.id}`, 'meeting-ics-export');
  assert.equal(await (await app.$('[data-testid="meeting-ics-series"]')).isExisting(), false, 'a single meeting has no series note');
  answerDialog(join(dir, 'conferenza.ics'));
  await (await byId(app, 'meeting-ics-export')).click();
  await waitText(app, 'meeting-ics-export-result', 'Esportato 1 incontro in conferenza.ics');
  await shot(app, '99c-incontro-esporta-ics');
  const one = ics(join(dir, 'conferenza.ics'));
  assert.equal(one.filter((l) => l === 'BEGIN:VEVENT').length, 1, 'one event');
  assert.ok(one.includes(`UID:${UIDS.conferenza}`) && one.includes('DTSTART;TZID=Europe/Rome:20270325T100000'));

  const occurrence = meetings().find((m) => m.uid === UIDS.direttori && m.start.startsWith('2027-03-09'));
  assert.ok(occurrence, 'the March occurrence of the directors’ series');
  await go(`#/agenda/incontro/${occurrence.id}`, 'meeting-ics-series');
  assert.match(await (await byId(app, 'meeting-ics-series')).getText(), /serie intera/, 'the page says the whole series is exported');
  answerDialog(join(dir, 'serie.ics'));
  await (await byId(app, 'meeting-ics-export')).click();
  await waitText(app, 'meeting-ics-export-result', 'Esportata la serie intera (5 incontri) in serie.ics');
  await shot(app, '99d-incontro-serie-esporta-ics');
  const series = ics(join(dir, 'serie.ics'));
  assert.ok(series.includes(`UID:${UIDS.direttori}`), 'the series keeps its UID');
  assert.ok(series.some((l) => l.startsWith('RRULE:FREQ=MONTHLY')), 'with its rule');
  assert.ok(series.some((l) => l.startsWith('EXDATE')), 'and the skipped date');
});

test('explains a broken file by line, and a file that is not a calendar', async () => {
  const broken = join(dir, 'rotto.ics');
  writeFileSync(broken, [
    'BEGIN:VCALENDAR', 'VERSION:2.0',
    'BEGIN:VEVENT', 'UID:ok-1', `SUMMARY:${HOSTILE} Riunione valida`, 'DTSTART:20270510T080000Z', 'DTEND:20270510T090000Z', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:bad-1', `SUMMARY:${HOSTILE}`, 'DTSTART:2027051', 'END:VEVENT',
    'END:VCALENDAR', '',
  ].join('\r\n'));
  await go('#/agenda/importa', 'ics-import-pick');
  answerDialog(broken);
  await (await byId(app, 'ics-import-pick')).click();
  await waitText(app, 'ics-outcome', 'La prova ha trovato eventi da correggere');
  const outcomes = await texts('ics-event-outcome');
  assert.deepEqual(outcomes, ['creato', 'scartato'], 'the good event and the rejected one, in file order');
  assert.equal((await texts('ics-event-title'))[0], `${HOSTILE} Riunione valida`, 'a hostile title is shown as text');
  const notes = await texts('ics-event-note');
  assert.match(notes[1], /riga 12: .*DTSTART non è una data valida/, 'the reason names the line');
  assert.equal(await (await app.$('[data-testid="ics-import-run"]')).isExisting(), false, 'no import while events are rejected');
  assert.equal(await app.execute(() => document.querySelectorAll('main img').length), 0, 'no element was made from the file');
  assert.equal(await app.execute(() => window.__xss ?? null), null, 'nothing from the file ran');
  await app.execute(() => document.querySelector('[data-testid="ics-events"]')?.scrollIntoView({ block: 'center' }));
  await shot(app, '98d-agenda-importa-scartati');

  const notIcs = join(dir, 'note.ics');
  writeFileSync(notIcs, 'Appunti della riunione\r\n');
  answerDialog(notIcs);
  await (await byId(app, 'ics-import-pick')).click();
  await waitText(app, 'ics-run-error', 'Il file non può essere importato');
  assert.match(await (await byId(app, 'ics-run-error-message')).getText(), /manca BEGIN:VCALENDAR/, 'what is wrong with the file');
  await shot(app, '98e-agenda-importa-file-non-valido');
  assert.equal(meetings().length, 8, 'nothing was written by either file');
});
