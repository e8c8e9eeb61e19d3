import { ROLES, isRole } from '../../core/permissions.ts';
import { createUser, listUsers } from '../auth/users.ts';
import { parse, STORE_OPTIONS, UsageError, withStore } from './args.ts';
import { printTable, readSecret } from './io.ts';
import type { CliIo } from './io-types.ts';

export async function usersCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'add') {
    const { values } = parse(rest, { ...STORE_OPTIONS, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } });
    const missing = (['email', 'name', 'role'] as const).filter((k) => !values[k]);
    if (missing.length) throw new UsageError(`users add needs ${missing.map((m) => `--${m}`).join(', ')}`);
    const role = values.role!;
    if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}; got "${role}"`);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email!)) throw new UsageError(`--email "${values.email}" is not an e-mail address`);
    const password = await readSecret('Password: ', io.stdin);
    return withStore(values, async (db) => {
      const user = await createUser(db, { email: values.email!, name: values.name!, role, password });
      io.stdout.write(values.json ? `${JSON.stringify({ user })}\n` : `Added ${user.role} ${user.name} <${user.email}>\n`);
      return 0;
    });
  }
  if (verb === 'list') {
    const { values } = parse(rest, { ...STORE_OPTIONS, role: { type: 'string' } });
    if (values.role && !isRole(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    return withStore(values, async (db) => {
      const users = await listUsers(db, values.role as never);
      if (values.json) io.stdout.write(`${JSON.stringify({ users })}\n`);
      else io.stdout.write(`${printTable(users.map((u) => ({ email: u.email, name: u.name, role: u.role, created: u.createdAt.slice(0, 10) })), ['email', 'name', 'role', 'created'])}\n`);
      return 0;
    });
  }
  throw new UsageError('usage: atelier users add --email E --name N --role R | atelier users list [--json]');
}
