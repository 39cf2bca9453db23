// Batch export of verbali (issue 5): two approved verbali in March 2027 (one with a hostile
// title), a draft and an approved one in April, made with the CLI before the app starts. From
// the Agenda's "Esporta verbali" the screen previews exactly the two approved March verbali
// (the title shown as text), exports them as PDF into a zip chosen through the dialog hook,
// shows the outcome; the zip holds two PDFs. Screenshots of the preview and the outcome.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, byId, waitText, shot, tempDir, typeInto, answerDialog } from './lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

const dir = tempDir();
const db = join(dir, 'raccordo.sqlite');
const cli = process.env.RACCORDO_CLI_BIN;
const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
const HOSTILE = '<img src=x onerror="window.__pwned=1">Verbale';

/** Adds a meeting of the Zona Pisana on `day` (gg/mm/aaaa); returns its id. */
function meeting(title, day) {
  run('meeting', 'add', '--type', 'conferenza_zonale', '--title', title, '--start', `${day} 10:00`,
    '--duration', '90', '--zone', 'Pisana', '--agenda', 'Rete SAI nella zona');
  const all = JSON.parse(run('meeting', 'list', '--format', 'json'));
  return all.find((m) => m.title === title).id;
}

/** Writes a verbale for meeting `id`; approves it when `approve`. */
function verbale(id, approve) {
  run('minutes', 'start', String(id));
  run('minutes', 'set', String(id), '--item', '1', '--discussion', 'Si discute della **rete SAI**.');
  if (approve) run('minutes', 'approve', String(id));
}

test('approved and draft verbali made with the CLI', () => {
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  run('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana');
  verbale(meeting('Conferenza zonale pisana di marzo', '02/03/2027'), true);
  verbale(meeting(HOSTILE, '12/03/2027'), true);
  verbale(meeting('Solo bozza', '15/03/2027'), false);
  verbale(meeting('Conferenza di aprile', '20/04/2027'), true);
  const dry = run('export', 'minutes-batch', '--from', '01/03/2027', '--to', '31/03/2027', '--format', 'pdf', '--dry-run', '--json');
  assert.equal(JSON.parse(dry).count, 2, 'the CLI sees two approved verbali in March');
});

test('preview, export to a zip through the dialog, outcome', async () => {
  app = await launch(db);
  await (await byId(app, 'nav-agenda', 20000)).click();
  await (await byId(app, 'agenda-minutes-batch')).click();
  await byId(app, 'minutes-batch');
  await typeInto(app, 'batch-from', '01/03/2027');
  await typeInto(app, 'batch-to', '31/03/2027');
  await waitText(app, 'batch-preview-count', '2 verbali approvati');
  const titles = await app.execute(() =>
    [...document.querySelectorAll('[data-testid="batch-preview-item"] .title')].map((e) => e.textContent));
  assert.deepEqual(titles, ['Conferenza zonale pisana di marzo', HOSTILE], 'the two approved March verbali, the hostile title as text');
  assert.equal(await app.execute(() => window.__pwned ?? null), null, 'no script ran');
  await shot(app, '17-esporta-verbali-anteprima');

  const zip = join(dir, 'verbali-marzo.zip');
  answerDialog(zip);
  await (await byId(app, 'batch-target-zip')).click();
  await (await byId(app, 'batch-start')).click();
  await waitText(app, 'batch-outcome', 'Esportati 2 verbali in «verbali-marzo.zip»', 120000);
  await shot(app, '17-esporta-verbali-esito');
  assert.ok(existsSync(zip), 'the zip was written where the dialog said');
  const entries = JSON.parse(execFileSync('/usr/bin/python3', ['-c',
    'import json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps([[n, z.read(n)[:5].decode("latin-1")] for n in z.namelist()]))',
    zip], { encoding: 'utf8' }));
  assert.equal(entries.length, 2, 'two entries');
  assert.ok(entries.every(([, head]) => head === '%PDF-'), `every entry is a PDF: ${JSON.stringify(entries)}`);
  assert.ok(entries[0][0].startsWith('2027-03-02-Conferenza-zonale-pisana-di-marzo-v0'), `named by date and title: ${entries[0][0]}`);
  assert.ok(!entries[1][0].includes('<') && !entries[1][0].includes('/'), `the hostile title gives a safe name: ${entries[1][0]}`);
});
