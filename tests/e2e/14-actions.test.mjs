// Follow-up actions (issue 6). From the comune page of Pisa (050026) an action is created with
// a due date yesterday, linked to a meeting of the comune; its status is changed with a note on
// its page; it is in the «In ritardo» view, in the comune's Azioni and Cronologia sections and in
// the start screen's dashboard (overdue count per ASL, «Cosa è cambiato»), and the daily notice
// «1 azione in ritardo» appears while the app runs (the reminder loop runs every 2 s here). Two
// more actions come from the Azioni area; on the board one is moved with a note; two are given a
// new due date in bulk and the change is undone. What the app wrote is read back through the CLI
// (export all). Screenshots: the list, the overdue view, the board, the action page, the comune
// page with its Azioni and Cronologia sections, the zone page and the dashboard.
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

/** Today + `days` in Europe/Rome: ISO and gg/mm/aaaa. */
function romeDay(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const [y, m, g] = iso.split('-');
  return { iso, it: `${g}/${m}/${y}` };
}

async function go(hash, testid) {
  await app.execute((h) => { location.hash = h; }, hash);
  if (testid) await byId(app, testid, 15000);
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

async function saveForm() {
  await (await byId(app, 'action-form-save')).click();
  await byId(app, 'action-title', 15000);
  const hash = await app.execute(() => location.hash);
  const id = Number(/azione\/(\d+)/.exec(hash)?.[1]);
  assert.ok(id > 0, `saving opens the action page (${hash})`);
  return id;
}

/** The rows of the dump's table as objects. */
function table(dump, name) {
  const t = dump.tables[name];
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

const ids = {};
const TITLE = 'Inviare la delibera di adesione al SAI';

test('prepare Pisa in the zona Pisana, its mayor and two meetings through the CLI', () => {
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  run('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana');
  run('zone', 'confirm', '--all');
  const pisana = json('zone', 'list').find((z) => z.name === 'Pisana');
  ids.zone = pisana.id;
  run('comune', 'set-zone', '050026', '--zone', String(pisana.id), '--from', '01/01/2024');
  run('person', 'add', '--given', 'Michele', '--family', 'Conti');
  const mayor = json('person', 'list', '--search', 'Michele Conti')[0];
  const org = json('org', 'list', '--kind', 'comune', '--search', 'Pisa').find((o) => o.istat_code === '050026');
  run('role', 'add', '--person', String(mayor.id), '--org', String(org.id), '--title', 'Sindaco', '--from', '27/06/2023');
  run('meeting', 'add', '--type', 'incontro_sindaco', '--comune', '050026', '--title', 'Incontro con il Sindaco di Pisa sul SAI',
    '--start', `${romeDay(-10).it} 10:00`, '--status', 'held', '--agenda', 'Adesione alla rete SAI', '--agenda', 'Posti per MSNA');
  run('meeting', 'add', '--type', 'conferenza_zonale', '--zone', String(pisana.id), '--title', 'Conferenza zonale dei sindaci – Zona Pisana',
    '--start', `${romeDay(3).it} 15:00`);
});

test('an action created from the comune page of Pisa, overdue, linked to the meeting', async () => {
  app = await launch(db);
  await byId(app, 'dashboard', 15000);
  await waitText(app, 'dashboard-actions-empty', 'Nessuna azione ancora');
  await go('#/comune/050026', 'comune-actions');
  await waitText(app, 'comune-actions-empty', 'Nessuna azione riguarda Pisa');
  await (await byId(app, 'comune-action-new')).click();
  await waitText(app, 'action-form-comuni', 'Pisa');
  await typeInto(app, 'action-form-title', TITLE);
  await (await byId(app, 'action-form-description')).setValue('La giunta ha deliberato l’adesione; manca l’invio al Servizio Centrale.');
  await typeInto(app, 'action-form-due', romeDay(-1).it);
  await (await byId(app, 'action-form-priority')).selectByAttribute('value', 'high');
  await pick('action-form-meeting', 'Sindaco di Pisa', 'Incontro con il Sindaco di Pisa sul SAI');
  await (await byId(app, 'action-form-agenda-item')).selectByIndex(1);
  await app.execute(() => document.getElementById('main')?.scrollTo(0, 0));
  await shot(app, '140-azioni-nuova-da-comune');
  ids.first = await saveForm();
  await waitText(app, 'action-title', TITLE);
  await byId(app, 'action-overdue-tag');
  await waitText(app, 'action-comuni', 'Pisa');
  await waitText(app, 'action-meeting', 'Punto all’ordine del giorno: Adesione alla rete SAI');
  await waitText(app, 'action-due', romeDay(-1).it);
});

test('its status is changed with a note and recorded in its history', async () => {
  await (await byId(app, 'action-status-select')).selectByAttribute('value', 'in_progress');
  await typeInto(app, 'action-status-note', 'Telefonato all’ufficio del sindaco: invio entro venerdì');
  await (await byId(app, 'action-status-save')).click();
  await byId(app, 'action-status-saved');
  await waitText(app, 'action-status-tag', 'In corso');
  const history = await waitText(app, 'action-history', 'Telefonato all’ufficio del sindaco');
  assert.match(history, /In corso — Telefonato/, 'the newest change comes first, with its note');
  assert.match(history, /Aperta/, 'the creation is in the history');
  await byId(app, 'action-overdue-tag'); // still open: still overdue
  await shot(app, '141-azione-pagina');
});

test('the daily notice announces the overdue action while the app runs', async () => {
  const text = await waitInner(app, 'action-alert', '1 azione in ritardo', 20000);
  assert.match(text, /Azioni da seguire/);
  await (await byId(app, 'action-alert-close')).click();
});

test('two more actions from the Azioni area; the overdue view shows only the overdue one', async () => {
  await go('#/azioni', 'action-new');
  await (await byId(app, 'action-new')).click();
  await byId(app, 'action-form');
  await typeInto(app, 'action-form-title', 'Raccogliere i dati sui posti MSNA disponibili');
  await typeInto(app, 'action-form-due', romeDay(5).it);
  await pick('action-form-comune', 'Pisa', 'Pisa');
  ids.second = await saveForm();
  await go('#/azioni/nuova', 'action-form');
  await typeInto(app, 'action-form-title', 'Preparare la scheda comune per la giunta');
  await (await byId(app, 'action-form-owner')).selectByAttribute('value', 'none');
  await pick('action-form-comune', 'Cascina', 'Cascina');
  ids.third = await saveForm();

  await go('#/azioni', 'action-list');
  await waitText(app, 'action-count', '3 azioni');
  await waitInner(app, 'action-list', TITLE);
  await app.execute(() => document.getElementById('main')?.scrollTo(0, 0));
  await app.pause(300);
  await shot(app, '142-azioni-elenco');
  await (await byId(app, 'actions-tab-ritardo')).click();
  await waitText(app, 'actions-title', 'In ritardo');
  await waitText(app, 'action-count', '1 azione');
  const rows = await app.$$('[data-testid="action-row"]');
  assert.equal(rows.length, 1, 'only the overdue action');
  assert.equal(await rows[0].getAttribute('data-id'), String(ids.first));
  assert.equal(await app.execute(() => location.hash), '#/azioni?scadenza=overdue', 'the view is in the address');
  await shot(app, '143-azioni-in-ritardo');
  await go(`#/azioni?comune=050026&scadenza=this_week`, 'actions-title');
  await waitText(app, 'actions-title', 'Questa settimana');
});

test('on the board a card moves to «In attesa» after a note is asked', async () => {
  await go('#/azioni?vista=bacheca', 'action-board');
  await waitText(app, 'board-count-open', '2');
  await waitText(app, 'board-count-in_progress', '1');
  const card = await app.$(`[data-testid="board-card"][data-id="${ids.second}"]`);
  await card.$('[data-testid="board-move"]').then((s) => s.selectByAttribute('value', 'waiting'));
  await waitText(app, 'status-dialog', 'Spostare l’azione in «In attesa»?');
  await typeInto(app, 'status-dialog-note', 'In attesa dei dati della Prefettura');
  await shot(app, '144-bacheca-sposta');
  await (await byId(app, 'status-dialog-confirm')).click();
  await waitText(app, 'board-count-waiting', '1');
  await waitText(app, 'board-count-open', '1');
  await shot(app, '145-bacheca');
});

test('a bulk change of the due date is undone with «Annulla»', async () => {
  await go('#/azioni?vista=elenco&scadenza=no_date', 'action-list');
  await waitText(app, 'action-count', '1 azione');
  await go('#/azioni', 'action-list');
  await waitText(app, 'action-count', '3 azioni');
  await (await byId(app, 'action-select-all')).click();
  await waitText(app, 'bulk-count', '3 azioni selezionate');
  await (await byId(app, 'bulk-due-choice')).selectByAttribute('value', 'date');
  await typeInto(app, 'bulk-due', romeDay(20).it);
  await (await byId(app, 'bulk-apply')).click();
  await waitText(app, 'bulk-toast', '3 azioni modificate');
  await go('#/azioni?scadenza=overdue', 'actions-title');
  await waitText(app, 'actions-empty', 'Nessuna azione corrisponde ai filtri');
  await go('#/azioni', 'action-list');
  await (await byId(app, 'bulk-undo')).click();
  await waitText(app, 'bulk-undone', '3 azioni sono tornate com’erano');
  await go('#/azioni?scadenza=overdue', 'action-list');
  await waitText(app, 'action-count', '1 azione');
});

test('the comune page shows the actions with their history and the timeline', async () => {
  await go('#/comune/050026', 'comune-actions');
  const open = await waitText(app, 'comune-actions-open', TITLE);
  assert.match(open, /in ritardo/);
  assert.match(open, /Raccogliere i dati sui posti MSNA/);
  assert.doesNotMatch(open, /Preparare la scheda comune/, 'the Cascina action is not on the Pisa page');
  await (await app.$(`[data-testid="comune-actions-open-row"][data-id="${ids.first}"] [data-testid="comune-actions-open-history-toggle"]`)).click();
  await waitText(app, 'comune-actions-open-history', 'Telefonato all’ufficio del sindaco');
  const timeline = await waitText(app, 'comune-timeline', 'Telefonato all’ufficio del sindaco');
  assert.match(timeline, /Incontro con il Sindaco di Pisa sul SAI/, 'the meeting is in the timeline');
  assert.match(timeline, /Michele Conti/, 'the mayor taking office is in the timeline');
  assert.match(timeline, /Azione creata/);
  await app.execute(() => document.querySelector('[data-testid="comune-actions"]')?.scrollIntoView({ block: 'start' }));
  await shot(app, '146-scheda-comune-azioni-cronologia');
  await app.execute(() => document.querySelector('[data-testid="comune-timeline"]')?.scrollIntoView({ block: 'start' }));
  await shot(app, '146b-scheda-comune-cronologia');
  await (await byId(app, 'comune-zone-page')).click();
  await waitText(app, 'area-name', 'Zona Pisana');
  const comuni = await waitText(app, 'area-comuni', 'Pisa');
  assert.match(comuni, /Pisa/);
  await waitText(app, 'area-overdue', '1');
  await shot(app, '147-pagina-zona');
});

test('the dashboard counts the overdue action for its ASL and lists what changed', async () => {
  await (await byId(app, 'nav-territorio')).click();
  await byId(app, 'dashboard');
  await waitText(app, 'dashboard-overdue-total', '1 azione in ritardo');
  await waitText(app, 'dashboard-asl-nord-ovest', 'ASL nord-ovest');
  const cells = await app.execute(() => Array.from(document.querySelectorAll('[data-testid="dashboard-asl-nord-ovest"] td')).map((td) => td.textContent.trim()));
  assert.deepEqual(cells, ['ASL nord-ovest', '3', '1'], 'nord-ovest: 3 open actions, 1 overdue');
  await waitText(app, 'dashboard-recent', 'In attesa dei dati della Prefettura');
  await waitInner(app, 'upcoming', 'Conferenza zonale dei sindaci – Zona Pisana');
  await shot(app, '148-cruscotto');
  await (await byId(app, 'dashboard-overdue-total')).click();
  await waitText(app, 'actions-title', 'In ritardo');
});

test('what the app wrote is in the database (read back through the CLI)', () => {
  const out = join(dir, 'dump.json');
  run('export', 'all', '-o', out);
  const dump = JSON.parse(readFileSync(out, 'utf8'));
  const actions = table(dump, 'action');
  const first = actions.find((a) => a.id === ids.first);
  assert.equal(first.title, TITLE);
  assert.equal(first.status, 'in_progress');
  assert.equal(first.priority, 'high');
  assert.equal(first.due_date, romeDay(-1).iso, 'the undo restored the due date');
  assert.equal(first.owner_kind, 'coordinator');
  assert.ok(first.meeting_id > 0 && first.agenda_item_id > 0, 'linked to the meeting and its agenda item');
  const notes = table(dump, 'action_status_change').filter((c) => c.action_id === ids.first).map((c) => c.note);
  assert.ok(notes.includes('Telefonato all’ufficio del sindaco: invio entro venerdì'), 'the note is stored');
  assert.equal(actions.find((a) => a.id === ids.second).status, 'waiting', 'moved on the board');
  assert.deepEqual(table(dump, 'action_comune').filter((c) => c.action_id === ids.first).map((c) => c.istat_code), ['050026']);
});
