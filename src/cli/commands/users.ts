/**
 * `rasid users`: accounts of the web interface and API. New and reset accounts get a random
 * one-time password, printed once; only its scrypt hash is stored.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { generatePassword, hashPassword } from '../../api/auth/password.ts';
import { digest, newApiToken } from '../../api/auth/secrets.ts';
import { UserName } from '../../api/routes/users.ts';
import { ROLES, StoreConflict } from '../../store/index.ts';
import { table } from '../format.ts';
import { UsageError, withStore, type CliIo } from '../context.ts';

/** Who the audit log names for changes made on the command line. */
const BY = 'cli';

function name(raw: string): string {
  const r = UserName.safeParse(raw);
  if (!r.success) throw new UsageError(`invalid user name "${raw}": ${r.error.issues[0].message}`);
  return r.data;
}

const Role = z.enum(ROLES);

export function registerUsersCommand(program: Command, io: CliIo): void {
  const users = program.command('users').description('accounts of the web interface and API (viewer, editor, admin)');

  users
    .command('add <name>')
    .description('create an account and print its one-time password')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'viewer')
    .action(async (raw: string, opts: { role: string }, cmd: Command) => {
      const role = Role.safeParse(opts.role);
      if (!role.success) throw new UsageError(`invalid --role "${opts.role}" (one of ${ROLES.join(', ')})`);
      const n = name(raw);
      const password = generatePassword();
      const hash = await hashPassword(password);
      await withStore(cmd, async (store) => {
        try {
          await store.users.createUser(n, role.data, hash, BY);
        } catch (err) {
          if (err instanceof StoreConflict) throw new UsageError(err.message);
          throw err;
        }
      });
      io.stdout.write(`created ${n} (${role.data})\npassword: ${password}\n(shown once; give it to ${n} over a safe channel)\n`);
    });

  users
    .command('list')
    .description('list accounts')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const list = await withStore(cmd, (store) => store.users.listUsers());
      if (opts.json) {
        io.stdout.write(JSON.stringify(list, null, 2) + '\n');
        return;
      }
      if (!list.length) {
        io.stdout.write('no accounts (create one with: rasid users add NAME --role admin)\n');
        return;
      }
      io.stdout.write(table(['name', 'role', 'created', 'password set'], list.map((u) => [u.name, u.role, u.createdAt.slice(0, 16), u.passwordAt.slice(0, 16)])) + '\n');
    });

  users
    .command('remove <name>')
    .description('remove an account with its sessions and API tokens')
    .action(async (raw: string, _opts: unknown, cmd: Command) => {
      const n = name(raw);
      const ok = await withStore(cmd, (store) => store.users.removeUser(n, BY));
      if (!ok) throw new UsageError(`no user ${n}`);
      io.stdout.write(`removed ${n}\n`);
    });

  users
    .command('reset <name>')
    .description('give an account a new one-time password (ends its sessions)')
    .action(async (raw: string, _opts: unknown, cmd: Command) => {
      const n = name(raw);
      const password = generatePassword();
      const hash = await hashPassword(password);
      const ok = await withStore(cmd, (store) => store.users.setPassword(n, hash, BY));
      if (!ok) throw new UsageError(`no user ${n}`);
      io.stdout.write(`new password for ${n}: ${password}\n(shown once)\n`);
    });

  users
    .command('role <name> <role>')
    .description(`change an account's role (${ROLES.join(', ')})`)
    .action(async (raw: string, rawRole: string, _opts: unknown, cmd: Command) => {
      const role = Role.safeParse(rawRole);
      if (!role.success) throw new UsageError(`invalid role "${rawRole}" (one of ${ROLES.join(', ')})`);
      const n = name(raw);
      const ok = await withStore(cmd, (store) => store.users.setRole(n, role.data, BY));
      if (!ok) throw new UsageError(`no user ${n}`);
      io.stdout.write(`${n} is now ${role.data}\n`);
    });

  users
    .command('token <name>')
    .description('create an API token for scripts (Authorization: Bearer TOKEN) and print it once')
    .option('--label <label>', 'what the token is for', 'script')
    .action(async (raw: string, opts: { label: string }, cmd: Command) => {
      const n = name(raw);
      const token = newApiToken();
      await withStore(cmd, async (store) => {
        try {
          await store.users.createToken(n, opts.label, digest(token), BY);
        } catch (err) {
          if (err instanceof StoreConflict) throw new UsageError(err.message);
          throw err;
        }
      });
      io.stdout.write(`token for ${n} (${opts.label}): ${token}\n(shown once)\n`);
    });
}
