// A damaged database file must be explained, not overwritten.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
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
