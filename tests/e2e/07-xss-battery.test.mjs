// XSS battery (issue 8): 104 script-bearing strings go into every kind of stored text (profile,
// zone names, people's names, notes, tags and sources, organisation names, office titles —
// through the CLI and the CSV and vCard importers) and are typed into the app's text fields
// (first-run form, searches, person and office forms, zone rename, settings). Every view is then
// visited; after each one the canaries must be untouched: no window.__pwned, the window title
// unchanged, no Content-Security-Policy violation (a blocked attempt counts as a failure too),
// and no script/iframe/object/embed element or on* attribute anywhere in the page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch, byId, shot, typeInto, tempDir, answerDialog, waitText } from './lib.mjs';
import { readFileSync } from 'node:fs';
import { V, vec, line, short, canaries } from './xss-lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

const dir = tempDir();
const db = join(dir, 'raccordo.sqlite');
const cli = process.env.RACCORDO_CLI_BIN;
const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
const { assertInert, visit, checks } = canaries(() => app);

test('104 hostile strings stored through the CLI and the importers', () => {
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  assert.ok(new Set(V).size >= 100, 'at least 100 distinct vectors');
  run('profile', 'set', '--name', line(0), '--organisation', line(1));
  const zones = JSON.parse(run('zone', 'list', '--format', 'json'));
  zones.forEach((z, i) => run('zone', 'rename', String(z.id), `${line(i + 2)} ${i}`));

  // The CSV importer: one row per vector, hostile in every column (Italian Excel layout).
  const q = (s) => `"${String(s).replaceAll('"', '""')}"`;
  const rows = V.map((v, i) => [q(line(i)), q(line(i + 1)), q(`persona${i}@esempio.it`), q(line(i + 2)), q(line(i + 3)), q(vec(i + 4)), q(short(i))].join(';'));
  writeFileSync(join(dir, 'ostile.csv'), '\ufeffNome;Cognome;Email;Ente;Carica;Note;Etichette\r\n' + rows.join('\r\n') + '\r\n');
  const report = JSON.parse(run('import', 'contacts', join(dir, 'ostile.csv'), '--format', 'json'));
  assert.equal(report.report.applied, true, `the hostile CSV imports (all rows are valid data): ${JSON.stringify(report.report.rejected)}`);
  assert.equal(report.created, V.length, 'one person per vector');

  // The vCard importer.
  const esc = (s) => String(s).replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll(',', '\\,').replaceAll(';', '\\;');
  const cards = V.slice(0, 40).map((v, i) => ['BEGIN:VCARD', 'VERSION:3.0', `N:${esc(line(i + 7))};${esc(line(i))};;;`, `FN:${esc(line(i))}`, `ORG:${esc(line(i + 9))}`, `TITLE:${esc(line(i + 11))}`, `EMAIL:vcard${i}@esempio.it`, `NOTE:${esc(vec(i + 13))}`, 'END:VCARD'].join('\r\n'));
  writeFileSync(join(dir, 'ostile.vcf'), cards.join('\r\n') + '\r\n');
  const vreport = JSON.parse(run('import', 'contacts', join(dir, 'ostile.vcf'), '--format', 'json'));
  assert.equal(vreport.report.applied, true, `the hostile vCard imports: ${JSON.stringify(vreport.report.rejected)}`);

  // People with a hostile data source, offices at the Comune di Pisa (shown on its page).
  const pisa = JSON.parse(run('org', 'list', '--kind', 'comune', '--search', 'Pisa', '--format', 'json')).find((o) => o.istat_code === '050026');
  const people = JSON.parse(run('person', 'list', '--limit', '30', '--format', 'json'));
  people.slice(0, 12).forEach((p, i) => {
    run('person', 'edit', String(p.id), '--source', line(i + 20), '--tag', short(i + 30));
    run('role', 'add', '--person', String(p.id), '--org', String(pisa.id), '--title', line(i + 40), '--from', '01/07/2024');
  });
  // A duplicate pair (same e-mail, other case) so Doppioni has hostile rows to show.
  run('person', 'add', '--given', line(50), '--family', line(51), '--email', 'PERSONA0@ESEMPIO.IT');
});

test('typed into the text fields and shown in every view: nothing runs', async () => {
  app = await launch(db);
  await byId(app, 'nav-territorio', 15000);
  await assertInert('avvio (profilo e zone ostili)');
  await shot(app, '70-xss-territorio');

  // Comune search: every vector typed.
  for (let i = 0; i < V.length; i++) {
    const el = await app.$('[data-testid="comune-search"]');
    await el.setValue(vec(i));
  }
  await app.pause(300);
  await assertInert('ricerca comuni (104 stringhe digitate)');

  await visit('#/territorio/zone', 'zone-row-1', 'zone-distretto');
  const renameButtons = await app.$$('[data-testid^="zone-rename-"]');
  if (renameButtons.length > 0) {
    await renameButtons[0].click();
    await typeInto(app, 'zone-rename-input', line(60));
    await (await byId(app, 'zone-rename-save')).click();
    await app.pause(300);
    await assertInert('rinomina zona');
  }
  await visit('#/comune/050026', 'comune-people', 'scheda comune di Pisa (incarichi ostili)');
  await shot(app, '71-xss-scheda-comune');

  await visit('#/contatti', 'people-list', 'elenco contatti');
  for (let i = 0; i < V.length; i++) {
    const el = await app.$('[data-testid="contact-search"]');
    await el.setValue(vec(i));
  }
  await app.pause(400);
  await assertInert('ricerca contatti (104 stringhe digitate)');
  await typeInto(app, 'contact-search', ' ');
  await app.execute(() => { const l = document.querySelector('[data-testid="people-list"]'); if (l) l.scrollTop = l.scrollHeight / 2; });
  await app.pause(300);
  await assertInert('elenco contatti scorso a metà');
  await shot(app, '72-xss-contatti');

  // Person pages of the hostile people.
  const ids = JSON.parse(run('person', 'list', '--limit', '300', '--format', 'json')).map((p) => p.id);
  for (const id of ids.filter((_, k) => k % 15 === 0)) {
    await visit(`#/contatti/persona/${id}`, 'person-name', `scheda persona ${id}`);
  }
  await shot(app, '73-xss-scheda-persona');

  // Person form and office form: hostile text typed into every field, saved.
  await visit('#/contatti/persona/nuova', 'person-form', 'nuova persona');
  const fields = ['#p-honorific', '#p-given', '#p-family', '[data-testid="person-email-0"] ~ input', '[data-testid="person-phone-0"] ~ input', '#p-tags', '#p-notes', '#p-source'];
  for (const [k, sel] of fields.entries()) {
    const el = await app.$(sel);
    if (await el.isExisting()) await el.setValue(k === 0 ? 'Dott.' : sel === '#p-tags' || sel.includes('~') ? short(70 + k) : sel === '#p-notes' ? vec(70 + k) : line(70 + k));
  }
  await (await byId(app, 'person-save')).click();
  await byId(app, 'person-name', 15000);
  await assertInert('persona creata dal modulo con testo ostile');
  await (await byId(app, 'role-add')).click();
  await typeInto(app, 'role-title', line(80));
  await typeInto(app, 'org-picker', 'pisa');
  const option = await byId(app, 'org-option');
  await option.click();
  await (await app.$('[data-testid="role-form"] input[id$="-notes"]')).setValue(vec(81));
  await (await byId(app, 'role-save')).click();
  await byId(app, 'roles-current', 15000);
  await assertInert('incarico ostile salvato');

  await visit('#/contatti/enti', 'org-list', 'elenco enti (nomi ostili)');
  for (let i = 0; i < 20; i++) await (await app.$('[data-testid="org-search"]')).setValue(vec(i * 5));
  await app.pause(300);
  await assertInert('ricerca enti');
  const orgs = JSON.parse(run('org', 'list', '--kind', 'altro', '--format', 'json')).concat(JSON.parse(run('org', 'list', '--kind', 'associazione', '--format', 'json')));
  for (const o of orgs.slice(0, 6)) await visit(`#/contatti/ente/${o.id}`, 'org-name', `scheda ente ${o.id}`);
  await shot(app, '74-xss-scheda-ente');

  await visit('#/contatti/doppioni', 'contacts-tab-doppioni', 'doppioni');

  // The import screen shows the hostile file's columns and cells (mapping step) and its report;
  // the export writes the hostile directory with every formula-like cell neutralised.
  await visit('#/contatti/importa', 'import-pick', 'importa');
  answerDialog(join(dir, 'ostile.csv'));
  await (await byId(app, 'import-pick')).click();
  await byId(app, 'import-mapping', 15000);
  await assertInert('importa: corrispondenza delle colonne e prime righe del file ostile');
  await (await byId(app, 'import-dry-run')).click();
  await byId(app, 'import-report', 15000);
  await assertInert('importa: rapporto della prova');
  answerDialog(join(dir, 'ostile.vcf'));
  await visit('#/contatti', 'people-list', 'elenco contatti (di nuovo)');
  await visit('#/contatti/importa', 'import-pick', 'importa (vCard)');
  await (await byId(app, 'import-pick')).click();
  await byId(app, 'import-vcard', 15000);
  await assertInert('importa: anteprima vCard ostile');

  const exported = join(dir, 'esportati.csv');
  answerDialog(exported);
  await visit('#/contatti', 'export-toggle', 'contatti prima dell’esportazione');
  await (await byId(app, 'export-toggle')).click();
  await (await byId(app, 'export-csv')).click();
  await waitText(app, 'export-result', 'Esportat', 15000);
  await assertInert('esportazione CSV');
  const cells = readFileSync(exported, 'utf8').replace(/^\ufeff/, '').split(/;|\r\n/).map((c) => c.replace(/^"|"$/g, ''));
  const live = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d/.test(c));
  assert.deepEqual(live, [], 'no exported CSV cell starts with = + - @ tab or CR (formula injection neutralised)');
  assert.ok(cells.some((c) => c.startsWith("'=")), 'hostile formulas are kept, as neutralised text');
  await visit('#/impostazioni', 'profile-name', 'impostazioni (profilo ostile)');
  await typeInto(app, 'profile-name', line(90));
  await typeInto(app, 'profile-org', line(91));
  await (await byId(app, 'profile-save')).click();
  await app.pause(300);
  await assertInert('profilo salvato con testo ostile');
  await visit('#/informazioni', 'info-version', 'informazioni');
  await visit('#/territorio', 'asl-node-centro', 'territorio dopo tutto');
  console.log(`XSS battery: ${new Set(V).size} vectors, ${checks()} inert checks, 0 scripts run, 0 CSP violations`);
});
