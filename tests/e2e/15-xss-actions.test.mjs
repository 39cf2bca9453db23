// XSS battery, follow-up actions (issue 6): the script-bearing strings of xss-lib.mjs go into
// every text an action holds — title, description, status notes — and into the names it shows
// (a hostile owner and linked person, a hostile meeting title, a hostile organisation), loaded
// through `import all` (the CLI has no `action add` yet: the actions are added to an export of a
// prepared database, then imported whole into a new one); more are typed into the action form,
// a status note, the board's move dialog, the bulk note and a saved filter's name. Every Azioni
// view (list scrolled, overdue, this week, board), action pages, the comune page's Azioni and
// Cronologia sections (with histories opened), the zone and ASL pages, the meeting and person
// sections and the dashboard are visited; after each one the canaries of xss-lib.mjs must be
// untouched (no script ran, no CSP violation, no live markup).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch, byId, shot, typeInto, tempDir } from './lib.mjs';
import { V, vec, line, canaries } from './xss-lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

const dir = tempDir();
const prepared = join(dir, 'prepared.sqlite');
const db = join(dir, 'raccordo.sqlite');
const cli = process.env.RACCORDO_CLI_BIN;
const runOn = (file, ...args) => execFileSync(cli, ['--db', file, ...args], { encoding: 'utf8' });
const json = (...args) => JSON.parse(runOn(prepared, ...args, '--format', 'json'));
const { assertInert, visit, checks } = canaries(() => app);

function romeDay(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const ids = { actions: [] };

test('hostile actions imported whole (import all) with hostile owners, meeting and notes', () => {
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  runOn(prepared, 'profile', 'set', '--name', line(1), '--organisation', 'ANCI Toscana');
  runOn(prepared, 'zone', 'confirm', '--all');
  const pisana = json('zone', 'list').find((z) => z.name === 'Pisana');
  ids.zone = pisana.id;
  runOn(prepared, 'comune', 'set-zone', '050026', '--zone', String(pisana.id), '--from', '01/01/2024');
  runOn(prepared, 'person', 'add', `--given=${line(3)}`, `--family=${line(4)}`);
  ids.person = json('person', 'list', '--limit', '5')[0].id;
  const org = json('org', 'list', '--kind', 'comune', '--search', 'Pisa').find((o) => o.istat_code === '050026');
  ids.org = org.id;
  runOn(prepared, 'role', 'add', '--person', String(ids.person), '--org', String(org.id), '--title', line(5), '--from', '01/07/2023');
  const out = runOn(prepared, 'meeting', 'add', '--type', 'incontro_sindaco', '--comune', '050026', `--title=${line(6)}`,
    `--start=${romeDay(-5).split('-').reverse().join('/')} 10:00`, `--agenda=${line(7)}`);
  ids.meeting = Number(/Incontro (\d+) creato/.exec(out)?.[1]);
  assert.ok(ids.meeting > 0, `meeting add names the meeting: ${out.slice(0, 200)}`);

  const dumpFile = join(dir, 'prepared.json');
  runOn(prepared, 'export', 'all', '-o', dumpFile);
  const dump = JSON.parse(readFileSync(dumpFile, 'utf8'));
  const add = (name, row) => {
    const t = dump.tables[name];
    t.rows.push(t.columns.map((c) => (c in row ? row[c] : null)));
  };
  const agendaItem = dump.tables.agenda_item.rows[0][dump.tables.agenda_item.columns.indexOf('id')];
  const statuses = ['open', 'in_progress', 'waiting', 'done', 'cancelled'];
  let change = 0;
  const now = new Date().toISOString().slice(0, 19) + 'Z';
  for (let i = 0; i < V.length; i++) {
    const id = i + 1;
    const status = statuses[i % 5];
    const closed = status === 'done' || status === 'cancelled';
    const title = `${line(i)} ${id}`;
    add('action', {
      id, title, title_folded: fold(title), description: vec(i + 1),
      owner_kind: i % 3 === 0 ? 'person' : i % 3 === 1 ? 'coordinator' : 'none', owner_person_id: i % 3 === 0 ? ids.person : null,
      due_date: i % 7 === 6 ? null : romeDay((i % 9) - 4), status, priority: ['high', 'normal', 'low'][i % 3],
      meeting_id: i % 4 === 0 ? ids.meeting : null, agenda_item_id: i % 8 === 0 ? agendaItem : null,
      created_at: now, updated_at: now, closed_at: closed ? now : null,
    });
    add('action_status_change', { id: ++change, action_id: id, status: 'open', changed_at: now, note: '' });
    if (status !== 'open') add('action_status_change', { id: ++change, action_id: id, status, changed_at: now, note: vec(i + 2) });
    add('action_comune', { action_id: id, istat_code: '050026' });
    add('action_area', { action_id: id, asl_code: 'nord-ovest', zone_id: ids.zone });
    if (i % 5 === 0) add('action_org', { action_id: id, organisation_id: ids.org });
    if (i % 6 === 0) add('action_person', { action_id: id, person_id: ids.person });
    ids.actions.push(id);
  }
  add('saved_filter', { id: 1, area: 'actions', name: line(9), query: `testo=${encodeURIComponent(line(10))}`, created_at: now });
  const seq = dump.tables.sqlite_sequence;
  seq.rows = seq.rows.filter((r) => r[0] !== 'action');
  seq.rows.push(['action', V.length]);
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(dump));
  const report = runOn(db, 'import', 'all', join(dir, 'hostile.json'));
  assert.match(report, /Importazione|importat/i, `import all succeeds: ${report.slice(0, 300)}`);
});

test('every actions view, page and section shows the hostile text inert', async () => {
  app = await launch(db);
  await byId(app, 'dashboard', 15000);
  await byId(app, 'recent-change', 15000);
  await assertInert('cruscotto (azioni in ritardo, cosa è cambiato)');
  await shot(app, '150-xss-cruscotto');
  await visit('#/azioni', 'action-list', 'azioni: elenco');
  await app.execute(() => { const l = document.querySelector('[data-testid="action-list"]'); if (l) l.scrollTop = l.scrollHeight / 2; });
  await app.pause(300);
  await assertInert('azioni: elenco scorso');
  await shot(app, '151-xss-azioni-elenco');
  await visit('#/azioni?scadenza=overdue', 'action-list', 'azioni: in ritardo');
  await visit('#/azioni?scadenza=this_week', 'actions-title', 'azioni: questa settimana');
  await visit(`#/azioni?persona=${ids.person}&ente=${ids.org}&incontro=${ids.meeting}`, 'action-filter-person-chosen', 'azioni: filtri con nomi ostili');
  await visit('#/azioni?vista=bacheca', 'action-board', 'azioni: bacheca');
  await shot(app, '152-xss-bacheca');
  for (let i = 0; i < 30; i++) await (await byId(app, 'action-filter-text')).setValue(vec(i * 3));
  await app.pause(400);
  await assertInert('azioni: ricerca (stringhe ostili digitate)');

  // The board's move dialog with a hostile note.
  await visit('#/azioni?vista=bacheca', 'action-board', 'bacheca di nuovo');
  const card = await byId(app, 'board-card');
  await (await card.$('[data-testid="board-move"]')).selectByAttribute('value', 'cancelled');
  await byId(app, 'status-dialog');
  await assertInert('dialogo di spostamento (titolo ostile)');
  await typeInto(app, 'status-dialog-note', line(40));
  await (await byId(app, 'status-dialog-confirm')).click();
  await app.waitUntil(async () => !(await (await app.$('[data-testid="status-dialog"]')).isExisting()), { timeout: 5000 });
  await assertInert('bacheca dopo lo spostamento con nota ostile');

  // A bulk change with a hostile note, and a saved filter with a hostile name.
  await visit('#/azioni', 'action-list', 'elenco per la modifica di gruppo');
  const ticks = await app.$$('[data-testid="action-select"]');
  await ticks[0].click();
  await ticks[1].click();
  await (await byId(app, 'bulk-status')).selectByAttribute('value', 'waiting');
  await typeInto(app, 'bulk-note', line(41));
  await (await byId(app, 'bulk-apply')).click();
  await byId(app, 'bulk-toast');
  await assertInert('modifica di gruppo con nota ostile');
  await visit(`#/azioni?testo=${encodeURIComponent(line(42))}`, 'saved-filter-new', 'filtro con testo ostile');
  await (await byId(app, 'saved-filter-new')).click();
  await typeInto(app, 'saved-filter-name', line(43));
  await (await byId(app, 'saved-filter-save')).click();
  await app.pause(300);
  await assertInert('filtro salvato con nome ostile');

  for (const id of ids.actions.filter((_, k) => k % 9 === 0)) {
    await visit(`#/azioni/azione/${id}`, 'action-title', `pagina dell'azione ${id}`);
  }
  await shot(app, '153-xss-pagina-azione');
  await (await byId(app, 'action-status-select')).selectByAttribute('value', 'done');
  await typeInto(app, 'action-status-note', line(44));
  await (await byId(app, 'action-status-save')).click();
  await byId(app, 'action-status-saved');
  await assertInert('cambio di stato con nota ostile');
  await visit(`#/azioni/azione/${ids.actions[0]}/modifica`, 'action-form', 'modifica di un’azione ostile');

  await visit('#/comune/050026', 'comune-actions-open', 'scheda comune: azioni e cronologia');
  for (const b of (await app.$$('[data-testid="comune-actions-open-history-toggle"]')).slice(0, 5)) await b.click();
  await (await byId(app, 'comune-actions-show-closed')).click();
  await byId(app, 'comune-actions-closed');
  for (const b of (await app.$$('[data-testid="comune-actions-closed-history-toggle"]')).slice(0, 5)) await b.click();
  await (await byId(app, 'comune-timeline-all')).click();
  await app.pause(400);
  await assertInert('scheda comune: storie e cronologia complete');
  await app.execute(() => document.querySelector('[data-testid="comune-timeline"]')?.scrollIntoView({ block: 'start' }));
  await shot(app, '154-xss-scheda-comune-cronologia');
  await visit(`#/territorio/zona/${ids.zone}`, 'area-comuni', 'pagina della zona');
  await visit('#/territorio/asl/nord-ovest', 'area-comuni', "pagina dell'ASL");
  await visit(`#/agenda/incontro/${ids.meeting}`, 'meeting-actions-table', "pagina dell'incontro: azioni");
  await visit(`#/contatti/persona/${ids.person}`, 'person-actions-table', 'pagina della persona: azioni');

  // The form: hostile text typed into every field, saved from the meeting page.
  await visit(`#/azioni/nuova?incontro=${ids.meeting}&comune=050026&persona=${ids.person}`, 'action-form-meeting-chosen', 'nuova azione dall’incontro');
  await typeInto(app, 'action-form-title', line(45));
  await (await byId(app, 'action-form-description')).setValue(vec(46));
  await assertInert('modulo con testo ostile');
  await (await byId(app, 'action-form-save')).click();
  await byId(app, 'action-title', 15000);
  await assertInert('azione salvata dal modulo con testo ostile');
  await visit('#/territorio', 'dashboard-recent', 'cruscotto alla fine');
  console.log(`XSS battery (actions): ${new Set(V).size} vectors, ${checks()} inert checks, 0 scripts run, 0 CSP violations`);
});
