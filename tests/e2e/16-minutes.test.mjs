// Verbali (issue 5): from a held meeting with two agenda items (made with the CLI), «Scrivi il
// verbale» opens the editor prefilled; discussion and decisions are typed in both items (with
// bold, by Ctrl+B and by the toolbar), a follow-up action is added inline; autosave says
// «Salvato»; after a reload the text (and the bold) is still there; the verbale is approved
// (confirmation, then read-only) and exported as PDF through the save dialog (test hook); the PDF
// holds the title, both items, the decision and the follow-up, and its first page is rendered to
// PNG. Crash safety: text typed ~1.5 s before the app is killed (SIGKILL, no Ctrl+S) is there at
// the next start. Screenshots: the editor (draft), the approved verbale, the PDF's first page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch, byId, waitInner, waitText, shot, typeInto, tempDir, answerDialog, SHOTS } from './lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

const dir = tempDir();
const db = join(dir, 'raccordo.sqlite');
const cli = process.env.RACCORDO_CLI_BIN;
const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
const json = (...args) => JSON.parse(run(...args, '--format', 'json'));
const ids = {};

const DECISION = 'Si approva l\'adesione alla rete SAI';
const FOLLOW_UP = 'Inviare la delibera al Servizio Centrale';

async function go(hash, testid) {
  await app.execute((h) => { location.hash = h; }, hash);
  if (testid) await byId(app, testid, 15000);
}

/**
 * Clicks into a rich-text area (at its end) and types; `parts` are text, 'BOLD' (Ctrl+B) or
 * 'TOOLBAR-BOLD' (the toolbar's «G» button), which toggle bold for what follows.
 */
async function write(testid, ...parts) {
  const el = await byId(app, testid);
  await el.click();
  await app.execute((id) => {
    const area = document.querySelector(`[data-testid="${id}"]`);
    const range = document.createRange();
    range.selectNodeContents(area);
    range.collapse(false);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }, testid);
  for (const part of parts) {
    if (part === 'BOLD') await app.keys(['Control', 'b']);
    else if (part === 'TOOLBAR-BOLD') await (await byId(app, `${testid}-bold`)).click();
    else for (const chunk of chunks(part)) await app.keys(chunk);
  }
}

/**
 * `text` cut before every repeated character: WebKitWebDriver drops the second of two equal
 * consecutive keys in one action sequence («progetto» arrives as «progeto»).
 */
function chunks(text) {
  const out = [''];
  for (const ch of text) {
    if (out[out.length - 1].endsWith(ch)) out.push('');
    out[out.length - 1] += ch;
  }
  return out;
}

/** The pids of the desktop app started on this test's database. */
function appPids() {
  const pids = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      if (cmd[0] === process.env.RACCORDO_DESKTOP_BIN && cmd.includes(db)) pids.push(Number(p));
    } catch { /* gone meanwhile */ }
  }
  return pids;
}

test('prepare a held meeting with two agenda items and an invitee present (CLI)', () => {
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  run('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana');
  run('person', 'add', '--given', 'Michele', '--family', 'Conti');
  const person = json('person', 'list', '--search', 'Michele Conti')[0];
  run('meeting', 'add', '--type', 'incontro_sindaco', '--comune', '050026', '--title', 'Incontro con il Sindaco di Pisa sul SAI',
    '--start', '20/11/2026 10:00', '--status', 'held', '--place', 'Palazzo Gambacorti, Pisa',
    '--agenda', 'Adesione alla rete SAI', '--agenda', 'Posti per minori stranieri non accompagnati', '--invite', String(person.id));
  run('meeting', 'add', '--type', 'altro', '--no-scope', '--title', 'Riunione di coordinamento', '--start', '21/11/2026 15:00',
    '--status', 'held', '--agenda', 'Calendario delle conferenze');
  const meetings = json('meeting', 'list');
  ids.meeting = meetings.find((m) => m.title.startsWith('Incontro con il Sindaco')).id;
  ids.crash = meetings.find((m) => m.title === 'Riunione di coordinamento').id;
  const inv = json('meeting', 'show', String(ids.meeting)).invitations[0];
  run('meeting', 'attend', String(inv.id), '--present');
});

test('«Scrivi il verbale» opens the editor prefilled from the meeting', async () => {
  app = await launch(db);
  await byId(app, 'dashboard', 15000);
  await go(`#/agenda/incontro/${ids.meeting}`, 'meeting-minutes');
  await waitText(app, 'meeting-minutes', 'Scrivi il verbale');
  await (await byId(app, 'meeting-minutes')).click();
  await byId(app, 'minutes-editor', 15000);
  await waitText(app, 'minutes-title', 'Incontro con il Sindaco di Pisa sul SAI');
  await waitText(app, 'minutes-date', '20/11/2026');
  assert.equal(await (await byId(app, 'minutes-place')).getValue(), 'Palazzo Gambacorti, Pisa');
  assert.equal(await (await byId(app, 'minutes-start')).getValue(), '10:00');
  await waitText(app, 'minutes-attendance', 'Michele Conti');
  await waitText(app, 'minutes-attendance', 'presente');
  await waitText(app, 'minutes-item-heading-1', 'Adesione alla rete SAI');
  await waitText(app, 'minutes-item-heading-2', 'Posti per minori stranieri non accompagnati');
  await waitText(app, 'minutes-drafted-by', 'Giulia Bianchi');
});

test('discussion and decisions in two items, with bold, and a follow-up added inline', async () => {
  await typeInto(app, 'minutes-chair', 'Michele Conti, Sindaco di Pisa');
  await write('minutes-discussion-1', 'Il sindaco illustra ', 'BOLD', 'la delibera di giunta', 'BOLD', ' e le fasi del progetto.');
  await write('minutes-decisions-1', DECISION, '.');
  await write('minutes-discussion-2', 'Posti disponibili per MSNA: dieci.');
  await write('minutes-decisions-2', 'TOOLBAR-BOLD', 'Domanda entro marzo');
  const bold = await app.execute(() => Array.from(document.querySelectorAll('[data-testid="minutes-discussion-1"] b, [data-testid="minutes-discussion-1"] strong')).map((b) => b.textContent));
  assert.deepEqual(bold, ['la delibera di giunta'], 'Ctrl+B made only the words typed between the two presses bold');

  await (await byId(app, 'minutes-followup-add-1')).click();
  await typeInto(app, 'minutes-followup-title-1', FOLLOW_UP);
  await typeInto(app, 'minutes-followup-due-1', '15/12/2026');
  await (await byId(app, 'minutes-followup-save-1')).click();
  const list = await waitText(app, 'minutes-followups-1', FOLLOW_UP);
  assert.match(list, /entro il 15\/12\/2026/);
  await waitText(app, 'minutes-saved', 'Salvato alle', 10000);
  await app.execute(() => document.getElementById('main')?.scrollTo(0, 0));
  await shot(app, '160-verbale-bozza');
  await app.execute(() => document.querySelector('[data-testid="minutes-items"]')?.scrollIntoView({ block: 'start' }));
  await shot(app, '160b-verbale-bozza-punto-1');
  await app.execute(() => document.querySelector('[data-testid="minutes-item-2"]')?.scrollIntoView({ block: 'start' }));
  await shot(app, '160c-verbale-bozza-punto-2');

  const action = json('action', 'list').rows.find((a) => a.title === FOLLOW_UP);
  assert.ok(action, 'the follow-up is a real action');
  assert.equal(action.meeting_id, ids.meeting, 'linked to the meeting');
});

test('after a reload the text and the bold are still there (read back through the CLI too)', async () => {
  await app.execute(() => location.reload());
  await byId(app, 'minutes-editor', 15000);
  await waitInner(app, 'minutes-discussion-1', 'Il sindaco illustra la delibera di giunta e le fasi del progetto.');
  await waitInner(app, 'minutes-decisions-1', DECISION);
  await waitInner(app, 'minutes-decisions-2', 'Domanda entro marzo');
  await waitText(app, 'minutes-followups-1', FOLLOW_UP);
  const bold = await app.execute(() => Array.from(document.querySelectorAll('[data-testid="minutes-editor"] [role="textbox"] strong')).map((b) => b.textContent));
  assert.deepEqual(bold, ['la delibera di giunta', 'Domanda entro marzo']);
  const stored = json('minutes', 'show', String(ids.meeting));
  const [first, second] = stored.content.items;
  assert.deepEqual(first.discussion.blocks[0].spans.map((s) => [s.text, s.bold]), [
    ['Il sindaco illustra ', false], ['la delibera di giunta', true], [' e le fasi del progetto.', false],
  ]);
  assert.equal(second.decisions.blocks[0].spans[0].bold, true);
  assert.equal(stored.content.chair, 'Michele Conti, Sindaco di Pisa');
});

test('approving asks a confirmation, then the verbale is read-only', async () => {
  await (await byId(app, 'minutes-approve')).click();
  await waitText(app, 'minutes-approve-dialog', 'bloccato');
  await (await byId(app, 'minutes-approve-confirm')).click();
  await waitText(app, 'minutes-approved-badge', 'Approvato il');
  await byId(app, 'minutes-readonly');
  assert.equal(await (await byId(app, 'minutes-discussion-1')).getAttribute('contenteditable'), 'false');
  assert.equal(await app.$('[data-testid="minutes-place"]').then((e) => e.isExisting()), false, 'no editable field');
  assert.equal(await app.$('[data-testid="minutes-followup-add-1"]').then((e) => e.isExisting()), false);
  await waitText(app, 'minutes-versions', 'Prima versione');
  assert.equal(json('minutes', 'show', String(ids.meeting)).status, 'approved');
  await app.execute(() => document.getElementById('main')?.scrollTo(0, 0));
  await shot(app, '161-verbale-approvato');
});

test('the PDF exported through the save dialog holds the verbale; its first page as PNG', async () => {
  const pdf = join(dir, 'verbale-pisa.pdf');
  answerDialog(pdf);
  await (await byId(app, 'minutes-export-format')).selectByAttribute('value', 'pdf');
  await (await byId(app, 'minutes-export')).click();
  await waitText(app, 'minutes-export-result', 'verbale-pisa.pdf', 20000);
  await app.execute(() => document.querySelector('[data-testid="minutes-versions"]')?.scrollIntoView({ block: 'start' }));
  await shot(app, '162-verbale-esporta');
  assert.ok(existsSync(pdf), 'the PDF was written where the dialog said');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of ['Verbale', 'Adesione alla rete SAI', 'Posti per minori stranieri non accompagnati', DECISION, FOLLOW_UP, 'Michele Conti']) {
    assert.ok(text.includes(expected), `the PDF holds «${expected}»`);
  }
  assert.ok(!text.includes('BOZZA'), 'an approved verbale carries no draft mark');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', '1', '-l', '1', pdf, join(SHOTS, '16-minutes-pdf-pagina-1')]);
  assert.ok(existsSync(join(SHOTS, '16-minutes-pdf-pagina-1.png')));
  await go(`#/agenda/incontro/${ids.meeting}`, 'meeting-minutes');
  await waitText(app, 'meeting-minutes', 'Verbale (approvato)');
});

test('text typed ~1.5 s before the app is killed is there at the next start', async () => {
  await go(`#/agenda/incontro/${ids.crash}/verbale`, 'minutes-editor');
  await write('minutes-discussion-1', 'Scritto poco prima della chiusura improvvisa');
  await app.pause(1500); // no Ctrl+S: only autosave
  const pids = appPids();
  assert.ok(pids.length >= 1, 'the app process was found');
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  await app.deleteSession().catch(() => {});
  app = undefined;
  const stored = json('minutes', 'show', String(ids.crash));
  assert.equal(stored.content.items[0].discussion.blocks[0].spans[0].text, 'Scritto poco prima della chiusura improvvisa');

  app = await launch(db);
  await byId(app, 'dashboard', 20000);
  await go(`#/agenda/incontro/${ids.crash}/verbale`, 'minutes-editor');
  await waitInner(app, 'minutes-discussion-1', 'Scritto poco prima della chiusura improvvisa');
});
