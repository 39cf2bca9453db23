// Agenda (issue 4): a Conferenza zonale created from the month view by clicking a day, with the
// invitees proposed from the zone on the meeting date (the mayors put in office with the CLI);
// attendance with a delegate, read back through the CLI (export all); a monthly series and a
// meeting with the mayor; drag to move in the week view and "Annulla"; the prossimi incontri
// panel; screenshots of the month, week and list views, the form and the meeting page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch, byId, waitInner, waitText, shot, typeInto, tempDir } from './lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

const dir = tempDir();
const db = join(dir, 'raccordo.sqlite');
const cli = process.env.RACCORDO_CLI_BIN;
const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
const json = (...args) => JSON.parse(run(...args, '--format', 'json'));

/** Today + `days` in Europe/Rome, ISO. */
function romeDay(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

async function go(hash, testid) {
  await app.execute((h) => { location.hash = h; }, hash);
  if (testid) await byId(app, testid);
}

async function select(testid, value) {
  const el = await byId(app, testid);
  await el.selectByAttribute('value', value);
}

/** Types in a Lookup and picks the option containing `text`. */
async function pick(testid, query, text) {
  await typeInto(app, testid, query);
  await app.waitUntil(async () => {
    for (const o of await app.$$(`[data-testid="${testid}-option"]`)) if ((await o.getText()).includes(text)) return true;
    return false;
  }, { timeout: 5000, timeoutMsg: `"${query}" should offer "${text}"` });
  for (const o of await app.$$(`[data-testid="${testid}-option"]`)) {
    if ((await o.getText()).includes(text)) { await o.click(); return; }
  }
}

async function save() {
  await (await byId(app, 'meeting-save')).click();
  await byId(app, 'meeting-title');
  const hash = await app.execute(() => location.hash);
  const id = Number(/incontro\/(\d+)/.exec(hash)?.[1]);
  assert.ok(id > 0, `saving opens the meeting page (${hash})`);
  return id;
}

const ids = {};

test('prepare a zone with its mayors through the CLI', () => {
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  run('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana');
  run('zone', 'confirm', '--all');
  const pisana = json('zone', 'list').find((z) => z.name === 'Pisana');
  assert.ok(pisana, 'the template has the zona Pisana');
  ids.zone = pisana.id;
  const mayors = { Pisa: ['Michele', 'Conti', 'Sindaco'], Cascina: ['Michelangelo', 'Betti', 'Sindaco'], Vecchiano: ['Massimiliano', 'Angori', 'Sindaco'], Calci: ['Ilaria', 'Ghiozzi', 'Sindaca'], 'San Giuliano Terme': null, Vicopisano: ['Matteo', 'Ferrucci', 'Sindaco'] };
  for (const [name, mayor] of Object.entries(mayors)) {
    const comune = json('comune', 'search', name).find((c) => c.name === name);
    assert.ok(comune, `comune ${name}`);
    run('comune', 'set-zone', comune.istat_code, '--zone', String(pisana.id), '--from', '01/01/2024');
    if (!mayor) continue; // San Giuliano Terme: nobody in office, proposed as a vacant office
    run('person', 'add', '--given', mayor[0], '--family', mayor[1]);
    const person = json('person', 'list', '--search', `${mayor[0]} ${mayor[1]}`)[0];
    const org = json('org', 'list', '--kind', 'comune', '--search', name).find((o) => o.istat_code === comune.istat_code);
    run('role', 'add', '--person', String(person.id), '--org', String(org.id), '--title', mayor[2], '--from', '27/06/2023');
  }
  run('person', 'add', '--given', 'Anna', '--family', 'Rossi', '--email', 'a.rossi@comune.pisa.it');
  ids.delegate = json('person', 'list', '--search', 'anna rossi')[0].id;
});

test('a Conferenza zonale created by clicking a day proposes the mayors of the zone', async () => {
  app = await launch(db);
  await (await byId(app, 'nav-agenda')).click();
  await byId(app, 'month-grid');
  await go('#/agenda?data=2027-03-01', 'day-add-2027-03-25');
  // The title is "marzo 2027" with its first letter capitalised by CSS, which WebDriver applies.
  await waitText(app, 'agenda-title', 'arzo 2027');
  await (await byId(app, 'day-add-2027-03-25')).click();
  await byId(app, 'meeting-form');
  assert.equal(await (await byId(app, 'meeting-date')).getValue(), '25/03/2027', 'the form opens on the day clicked');
  assert.equal(await (await byId(app, 'meeting-kind')).getValue(), 'conferenza_zonale');
  await select('scope-zone', String(ids.zone));
  assert.equal(await (await byId(app, 'meeting-title')).getValue(), 'Conferenza zonale dei sindaci – Zona Pisana', 'the title is suggested from kind and zone');
  await typeInto(app, 'meeting-place', 'Sala delle Baleari, Palazzo Gambacorti, Pisa');
  await (await byId(app, 'propose-invitees')).click();
  const list = await waitText(app, 'invitee-list', 'Michele Conti');
  assert.match(list, /Sindaco – Comune di Pisa/, 'the office and the comune are shown');
  assert.match(list, /Massimiliano Angori/);
  assert.match(list, /carica vacante/, 'San Giuliano Terme has nobody in office: a vacant office');
  await waitText(app, 'proposed-summary', 'invitati proposti per il 25/03/2027');
  await (await byId(app, 'agenda-add')).click();
  await typeInto(app, 'agenda-title-0', 'Rete SAI nella zona: posti attivi e nuove adesioni');
  await typeInto(app, 'agenda-presenter-0', 'Giulia Bianchi');
  await typeInto(app, 'agenda-duration-0', '45');
  await (await byId(app, 'agenda-add')).click();
  await typeInto(app, 'agenda-title-1', 'Varie ed eventuali');
  await app.execute(() => document.getElementById('main')?.scrollTo(0, 0));
  await shot(app, '90-agenda-nuovo-incontro');
  await app.execute(() => document.querySelector('[data-testid="invitees"]')?.scrollIntoView({ block: 'start' }));
  await shot(app, '90b-agenda-invitati-proposti');
  ids.conference = await save();
});

test('attendance with a delegate is recorded and persisted', async () => {
  await waitText(app, 'meeting-when', 'Giovedì 25 marzo 2027, 10:00–12:00');
  await waitText(app, 'invitations', 'Michele Conti');
  const rows = await app.$$('[data-testid="invitation-row"]');
  let conti;
  for (const r of rows) if ((await r.getText()).includes('Michele Conti')) conti = r;
  assert.ok(conti, 'the mayor of Pisa is invited');
  await (await conti.$('[data-testid="attendance-select"]')).selectByAttribute('value', 'delegated');
  await pick('delegate-person', 'rossi', 'Anna Rossi');
  await waitText(app, 'delegate-chosen', 'Anna Rossi');
  await (await byId(app, 'delegate-save')).click();
  await waitText(app, 'delegate-shown', 'Delegato: Anna Rossi');
  for (const r of await app.$$('[data-testid="invitation-row"]')) {
    if ((await r.getText()).includes('Massimiliano Angori')) await (await r.$('[data-testid="attendance-select"]')).selectByAttribute('value', 'present');
  }
  await waitText(app, 'attendance-summary', 'presenti 1, delegati 1');
  await shot(app, '91-agenda-pagina-incontro');

  const dump = join(dir, 'dump.json');
  run('export', 'all', '-o', dump);
  const tables = JSON.parse(readFileSync(dump, 'utf8')).tables;
  const inv = tables.meeting_invitation;
  const col = (name) => inv.columns.indexOf(name);
  const delegated = inv.rows.filter((r) => r[col('attendance')] === 'delegated');
  assert.equal(delegated.length, 1, 'one delegation is stored');
  assert.equal(delegated[0][col('delegate_person_id')], ids.delegate, 'the delegate is Anna Rossi of the directory');
  assert.equal(delegated[0][col('meeting_id')], ids.conference);
  assert.equal(inv.rows.filter((r) => r[col('attendance')] === 'present').length, 1, 'the present mayor is stored');
});

test('more meetings: a monthly SdS directors series, a Prefettura table, a meeting with the mayor', async () => {
  await go('#/agenda/nuovo?inizio=2027-03-11T15%3A00', 'meeting-form');
  await select('meeting-kind', 'direttori_sds');
  await select('scope-asl', 'nord-ovest');
  await select('repeat-preset', 'monthly_weekday');
  assert.match(await (await byId(app, 'repeat-preset')).getText(), /il secondo giovedì/);
  await typeInto(app, 'repeat-count', '6');
  await typeInto(app, 'meeting-place', 'Sede ASL, Pisa');
  const series = await save();
  await waitText(app, 'meeting-series', 'ogni mese, il secondo giovedì, 6 volte');
  ids.series = series;

  await go('#/agenda/nuovo?inizio=2027-03-25T14%3A00', 'meeting-form');
  await select('meeting-kind', 'prefettura');
  await select('scope-province', '050');
  await typeInto(app, 'meeting-start', '11:30');
  await typeInto(app, 'meeting-end', '13:00');
  await typeInto(app, 'meeting-place', 'Prefettura di Pisa');
  await waitText(app, 'meeting-conflicts', 'Conferenza zonale dei sindaci – Zona Pisana');
  await save();

  await go('#/agenda/nuovo?inizio=2027-03-23T09%3A30', 'meeting-form');
  await select('meeting-kind', 'incontro_sindaco');
  await pick('scope-comune', 'cascina', 'Cascina');
  await waitText(app, 'scope-comuni', 'Cascina');
  assert.equal(await (await byId(app, 'meeting-title')).getValue(), 'Incontro con il Sindaco – Cascina');
  await save();

  await go(`#/agenda/nuovo?inizio=${romeDay(3)}T10%3A00`, 'meeting-form');
  await select('meeting-kind', 'altro');
  await typeInto(app, 'meeting-title', 'Riunione di coordinamento ANCI – Regione');
  await save();
});

test('month, week and list views', async () => {
  await go('#/agenda?data=2027-03-01', 'month-grid');
  await app.waitUntil(async () => (await app.$$('[data-testid="meeting-chip"]')).length >= 5, { timeout: 5000, timeoutMsg: 'the month shows the March meetings' });
  const cell = await (await byId(app, 'day-2027-03-25')).getText();
  assert.match(cell, /10:00/);
  await shot(app, '92-agenda-mese');

  await (await byId(app, 'view-settimana')).click();
  await go('#/agenda?vista=settimana&data=2027-03-22', 'week-grid');
  await waitText(app, 'agenda-title', '22–28 marzo 2027');
  await waitText(app, 'col-2027-03-25', 'Conferenza zonale');
  await shot(app, '93-agenda-settimana');

  await (await byId(app, 'view-elenco')).click();
  await waitText(app, 'list-count', 'incontri in questo mese');
  const listed = await waitInner(app, 'meeting-list', 'Tavolo in Prefettura – Provincia di Pisa');
  assert.match(listed, /Giovedì 11 marzo 2027/, 'grouped by day');
  await shot(app, '94-agenda-elenco');
});

test('drag in the week view moves a meeting; Annulla moves it back', async () => {
  await go('#/agenda?vista=settimana&data=2027-03-22', 'week-grid');
  await waitText(app, 'col-2027-03-25', 'Conferenza zonale');
  const block = await app.$(`[data-testid="col-2027-03-25"] [data-id="${ids.conference}"]`);
  await block.waitForDisplayed();
  await block.scrollIntoView({ block: 'center' });
  const from = await block.getLocation();
  const size = await block.getSize();
  const target = await byId(app, 'col-2027-03-26');
  const to = await target.getLocation();
  const col = await target.getSize();
  const hourPx = col.height / 14; // 7:00–21:00
  const grabY = Math.round(from.y + 8);
  const dropY = Math.round(grabY + hourPx); // one hour later: 11:00
  const grabX = Math.round(from.x + size.width / 2);
  const dropX = Math.round(to.x + col.width / 2);
  await app.action('pointer', { parameters: { pointerType: 'mouse' } })
    .move({ x: grabX, y: grabY, origin: 'viewport' })
    .down({ button: 0 })
    .move({ x: grabX + 10, y: grabY + 6, origin: 'viewport', duration: 100 })
    .move({ x: dropX, y: dropY, origin: 'viewport', duration: 300 })
    .up({ button: 0 })
    .perform();
  const toast = await waitText(app, 'move-toast', 'spostato al 26/03/2027 alle 11:00');
  assert.match(toast, /Conferenza zonale/);
  await waitText(app, 'col-2027-03-26', 'Conferenza zonale');
  await shot(app, '95-agenda-spostamento');
  await (await byId(app, 'move-undo')).click();
  await waitText(app, 'move-undone', 'annullato');
  await waitText(app, 'col-2027-03-25', 'Conferenza zonale');
  const stored = JSON.parse(readFileSync((run('export', 'all', '-o', join(dir, 'dump2.json')), join(dir, 'dump2.json')), 'utf8')).tables.meeting;
  const row = stored.rows.find((r) => r[stored.columns.indexOf('id')] === ids.conference);
  assert.equal(row[stored.columns.indexOf('starts_at')], '2027-03-25T09:00:00Z', 'back at 10:00 Rome time (09:00 UTC) after Annulla');
});

test('the start screen lists the upcoming meetings', async () => {
  await (await byId(app, 'nav-territorio')).click();
  const panel = await waitInner(app, 'upcoming', 'Riunione di coordinamento ANCI – Regione');
  assert.match(panel, /Prossimi incontri/);
  await shot(app, '96-prossimi-incontri');
  await (await byId(app, 'upcoming-meeting')).click();
  await waitText(app, 'meeting-title', 'Riunione di coordinamento ANCI – Regione');
});

test('the comune page lists the meetings that concerned it', async () => {
  await go('#/comune/050026', 'comune-meetings');
  const section = await waitInner(app, 'comune-meetings', 'Conferenza zonale dei sindaci – Zona Pisana');
  assert.match(section, /Tavolo in Prefettura – Provincia di Pisa/, 'the province of Pisa is its scope too');
  assert.doesNotMatch(section, /Cascina/, 'a meeting with another comune’s mayor is not listed');
  await app.execute(() => document.querySelector('[data-testid="comune-meetings"]')?.scrollIntoView({ block: 'start' }));
  await shot(app, '97-scheda-comune-incontri');
});
