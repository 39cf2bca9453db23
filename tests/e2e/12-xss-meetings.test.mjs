// XSS battery, meetings (issues 4 and 8): the 104 script-bearing strings go into every text a
// meeting holds — title, place, link, organiser, description, agenda items and presenters, the
// names of the mayors proposed as invitees, typed delegate names, status notes — through the CLI
// and through the calendar importer (an .ics whose SUMMARY, LOCATION, DESCRIPTION and ATTENDEE
// names are hostile); more are typed into the meeting form and the Agenda's search. Every
// Agenda view, meeting page, the comune page's meetings and the "prossimi incontri" panel are
// visited; after each one the canaries of xss-lib.mjs must be untouched.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch, byId, shot, typeInto, tempDir } from './lib.mjs';
import { V, vec, line, canaries } from './xss-lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

const dir = tempDir();
const db = join(dir, 'raccordo.sqlite');
const cli = process.env.RACCORDO_CLI_BIN;
const run = (...args) => execFileSync(cli, ['--db', db, ...args], { encoding: 'utf8' });
const json = (...args) => JSON.parse(run(...args, '--format', 'json'));
const { assertInert, visit, checks } = canaries(() => app);

/** Today + `days` in Europe/Rome as gg/mm/aaaa, and as ISO. */
function romeDay(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const [y, m, g] = iso.split('-');
  return { it: `${g}/${m}/${y}`, iso, compact: `${y}${m}${g}` };
}

const meetingIds = [];

test('hostile meetings stored through the CLI and the calendar importer', () => {
  assert.ok(cli, 'RACCORDO_CLI_BIN names the raccordo CLI');
  run('profile', 'set', '--name', 'Giulia Bianchi', '--organisation', 'ANCI Toscana');
  const pisana = json('zone', 'list').find((z) => z.name === 'Pisana');
  const pisa = json('comune', 'search', 'Pisa').find((c) => c.istat_code === '050026');
  run('comune', 'set-zone', pisa.istat_code, '--zone', String(pisana.id), '--from', '01/01/2024');
  // A mayor with a hostile name: proposed as invitee, shown on meeting pages and in exports.
  run('person', 'add', `--given=${line(3)}`, `--family=${line(4)}`);
  const mayor = json('person', 'list', '--limit', '5')[0];
  const org = json('org', 'list', '--kind', 'comune', '--search', 'Pisa').find((o) => o.istat_code === '050026');
  run('role', 'add', '--person', String(mayor.id), '--org', String(org.id), '--title', 'Sindaco', '--from', '01/07/2023');

  // 36 meetings over the coming days, every text field hostile, three vectors each.
  for (let i = 0; i < 36; i++) {
    const day = romeDay(1 + (i % 12));
    const out = run('meeting', 'add', '--type', i % 2 ? 'conferenza_zonale' : 'incontro_sindaco',
      ...(i % 2 ? ['--zone', String(pisana.id)] : ['--comune', '050026']), '--invite-proposed',
      // --opt=value: a hostile value may start with "-".
      `--title=${line(i * 3)} ${i}`, `--start=${day.it} ${String(8 + (i % 9)).padStart(2, '0')}:00`,
      `--place=${line(i * 3 + 1)}`, `--link=${line(i * 3 + 2)}`, `--organiser=${line(i + 50)}`,
      `--description=${vec(i + 60)}`, `--agenda=${line(i + 70)}`, `--agenda=${line(i + 71)}`);
    const id = Number(/Incontro (\d+) creato/.exec(out)?.[1]);
    assert.ok(id > 0, `meeting add names the new meeting: ${out.slice(0, 200)}`);
    meetingIds.push(id);
  }
  // Attendance with typed hostile delegate names, and hostile status notes.
  for (const id of meetingIds.slice(0, 12)) {
    const m = json('meeting', 'show', String(id));
    const inv = m.invitations[0];
    assert.ok(inv, `meeting ${id} has the proposed mayor`);
    run('meeting', 'attend', String(inv.id), `--delegate-name=${line(id + 80)}`, `--note=${vec(id + 90)}`);
    run('meeting', 'edit', String(id), '--status', 'confirmed', `--note=${vec(id + 95)}`);
  }

  // The calendar importer: hostile SUMMARY, LOCATION, DESCRIPTION and attendee names.
  const esc = (s) => String(s).replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll(',', '\\,').replaceAll(';', '\\;');
  const day = romeDay(3).compact;
  const events = V.slice(0, 60).map((v, i) => [
    'BEGIN:VEVENT', `UID:xss-${i}@esempio.it`, 'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=Europe/Rome:${day}T${String(8 + (i % 10)).padStart(2, '0')}0000`,
    `DTEND;TZID=Europe/Rome:${day}T${String(9 + (i % 10)).padStart(2, '0')}0000`,
    `SUMMARY:${esc(line(i + 5))}`, `LOCATION:${esc(line(i + 6))}`, `DESCRIPTION:${esc(vec(i + 7))}`,
    `ATTENDEE;CN="${line(i + 8).replaceAll('"', "'")}":mailto:ospite${i}@esempio.it`, 'END:VEVENT',
  ].join('\r\n'));
  writeFileSync(join(dir, 'ostile.ics'), ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//XSS//IT', ...events, 'END:VCALENDAR', ''].join('\r\n'));
  const report = json('import', 'calendar', join(dir, 'ostile.ics'));
  assert.equal(report.created, 60, `the hostile calendar imports, one meeting per event: ${JSON.stringify(report).slice(0, 300)}`);
});

test('every Agenda view, meeting page and panel shows the hostile text inert', async () => {
  app = await launch(db);
  await byId(app, 'nav-territorio', 15000);
  await byId(app, 'upcoming', 15000);
  await assertInert('prossimi incontri (titoli ostili)');
  const today = romeDay(0).iso;
  await visit(`#/agenda?vista=mese&data=${today}`, 'month-grid', 'agenda: mese');
  await shot(app, '75-xss-agenda-mese');
  await visit(`#/agenda?vista=settimana&data=${romeDay(3).iso}`, 'week-grid', 'agenda: settimana');
  await visit(`#/agenda?vista=elenco&data=${today}`, 'list-count', 'agenda: elenco');
  await app.execute(() => { const l = document.querySelector('[data-testid="list-day"]')?.parentElement; if (l) l.scrollTop = l.scrollHeight / 2; });
  await app.pause(200);
  await assertInert('agenda: elenco scorso');
  for (let i = 0; i < 40; i++) await (await byId(app, 'filter-text')).setValue(vec(i * 2));
  await app.pause(400);
  await assertInert('agenda: ricerca (stringhe ostili digitate)');

  for (const id of meetingIds.filter((_, k) => k % 4 === 0)) {
    await visit(`#/agenda/incontro/${id}`, 'meeting-title', `pagina dell'incontro ${id}`);
  }
  await shot(app, '76-xss-pagina-incontro');
  const imported = json('meeting', 'list', '--limit', '200').map((m) => m.id).filter((id) => !meetingIds.includes(id));
  assert.ok(imported.length >= 60, 'the imported meetings are listed by the CLI');
  for (const id of imported.filter((_, k) => k % 10 === 0)) {
    await visit(`#/agenda/incontro/${id}`, 'meeting-title', `incontro importato ${id}`);
  }
  await visit('#/comune/050026', 'comune-meetings', 'scheda comune: incontri');

  // The form: hostile text typed into every field, proposed invitees with hostile names, saved.
  await visit(`#/agenda/nuovo?inizio=${romeDay(5).iso}T10:00`, 'meeting-form', 'nuovo incontro');
  await (await byId(app, 'meeting-kind')).selectByAttribute('value', 'altro');
  await typeInto(app, 'meeting-title', line(20));
  await typeInto(app, 'meeting-place', line(21));
  await typeInto(app, 'meeting-link', line(22));
  await typeInto(app, 'meeting-organiser', line(23));
  await (await byId(app, 'meeting-description')).setValue(vec(24));
  await (await byId(app, 'agenda-add')).click();
  await typeInto(app, 'agenda-title-0', line(25));
  await typeInto(app, 'agenda-presenter-0', line(26));
  await assertInert('modulo con testo ostile');
  await (await byId(app, 'meeting-save')).click();
  await byId(app, 'meeting-title', 15000);
  await assertInert('incontro salvato dal modulo con testo ostile');
  console.log(`XSS battery (meetings): ${new Set(V).size} vectors, ${checks()} inert checks, 0 scripts run, 0 CSP violations`);
});
