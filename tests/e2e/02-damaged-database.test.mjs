// A damaged database file must be explained, not overwritten.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { existsSync, openSync, readFileSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch, byId, shot, tempDir } from './lib.mjs';

let app;
after(async () => { if (app) await app.deleteSession().catch(() => {}); });

const sha = (f) => createHash('sha256').update(readFileSync(f)).digest('hex');

test('a corrupt database shows a clear message and the file is untouched', async () => {
  const db = join(tempDir(), 'rotto.sqlite');
  // A SQLite header followed by garbage: recognisably a database, but damaged.
  const bytes = Buffer.alloc(8192, 0x5a);
  Buffer.from('SQLite format 3\0').copy(bytes, 0);
  writeFileSync(db, bytes);
  const before = sha(db);

  app = await launch(db);
  const el = await byId(app, 'startup-error');
  const text = await el.getText();
  assert.match(text, /database/i, 'the message says the database is the problem');
  assert.ok(text.includes(db), 'the message names the file');
  assert.match(text, /non è stato modificato/i, 'the message reassures that the file was not modified');
  await shot(app, '08-database-danneggiato');
  await app.deleteSession();
  app = undefined;
  assert.equal(sha(db), before, 'the damaged file is byte-for-byte unchanged');
});

test('a database from a newer Raccordo is refused with a clear message and left untouched', async () => {
  const cli = process.env.RACCORDO_CLI_BIN;
  assert.ok(cli && existsSync(cli), `the raccordo CLI binary is needed to prepare the file (RACCORDO_CLI_BIN=${cli})`);
  const db = join(tempDir(), 'futuro.sqlite');
  execFileSync(cli, ['--db', db, 'init'], { stdio: 'ignore' });
  assert.ok(!existsSync(`${db}-wal`), 'the CLI closed the database cleanly (no WAL left to override the header)');
  // PRAGMA user_version lives in the header at offset 60 (4 bytes, big-endian): 999 = "newer".
  const fd = openSync(db, 'r+');
  const v = Buffer.alloc(4);
  v.writeUInt32BE(999);
  writeSync(fd, v, 0, 4, 60);
  closeSync(fd);
  const before = sha(db);

  app = await launch(db);
  const text = await (await byId(app, 'startup-error')).getText();
  assert.match(text, /versione più recente/i, 'the message says a newer Raccordo wrote the file');
  assert.match(text, /aggiorna/i, 'the message says what to do: update Raccordo');
  await shot(app, '09-database-versione-recente');
  await app.deleteSession();
  app = undefined;
  assert.equal(sha(db), before, 'the newer database is byte-for-byte unchanged');
});
