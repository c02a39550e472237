import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../testkit.ts';
import { openStore } from '../../store/open.ts';
import { verifyPassword } from '../../api/auth/password.ts';
import { digest } from '../../api/auth/secrets.ts';

const run = runCli;

test('rasid users: add prints a one-time password that verifies against the stored hash; reset, token, list, remove', async () => {
  const data = join(mkdtempSync(join(tmpdir(), 'rasid-users-')), 'db');
  const add = await run(['--data', data, 'users', 'add', 'sara', '--role', 'editor']);
  assert.equal(add.code, 0, add.err);
  const password = /password: (\S+)/.exec(add.out)![1];
  assert.ok(password.length >= 20);

  assert.equal((await run(['--data', data, 'users', 'add', 'sara'])).code, 2, 'a taken name is refused');
  const badRole = await run(['--data', data, 'users', 'add', 'omar', '--role', 'owner']);
  assert.equal(badRole.code, 2);
  assert.match(badRole.err, /--role/);
  const reset = await run(['--data', data, 'users', 'reset', 'sara']);
  const newPassword = /: (\S+)\n/.exec(reset.out)![1];
  const token = /: (rasid_\S+)\n/.exec((await run(['--data', data, 'users', 'token', 'sara', '--label', 'nightly'])).out)![1];

  const store = await openStore({ dataDir: data });
  try {
    const cred = await store.users.getCredentials('sara');
    assert.equal(cred?.user.role, 'editor');
    assert.ok(!cred!.passwordHash.includes(newPassword), 'only a hash is stored');
    assert.equal(await verifyPassword(newPassword, cred!.passwordHash), true);
    assert.equal(await verifyPassword(password, cred!.passwordHash), false, 'the old password no longer works');
    assert.equal((await store.users.getTokenUser(digest(token)))?.name, 'sara');
  } finally {
    await store.close();
  }

  const list = await run(['--data', data, 'users', 'list']);
  assert.match(list.out, /sara\s+editor/);
  assert.equal((await run(['--data', data, 'users', 'remove', 'sara'])).code, 0);
  assert.equal((await run(['--data', data, 'users', 'remove', 'sara'])).code, 2);
  assert.match((await run(['--data', data, 'users', 'list'])).out, /no accounts/);
});
