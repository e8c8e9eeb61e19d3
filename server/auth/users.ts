import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { UserSchema } from '../../core/api/schemas.ts';
import { PreferencesSchema } from '../../core/api/schemas.ts';
import type { Role } from '../../core/permissions.ts';
import type { Database, UsersTable } from '../db/schema.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { HttpError } from '../http/errors.ts';

export type User = z.infer<typeof UserSchema>;
export type Preferences = z.infer<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = { units: 'metric', theme: 'system', locale: 'en-US' };

export function toUser(row: Selectable<UsersTable>): User {
  const stored = PreferencesSchema.partial().safeParse(JSON.parse(row.preferences));
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    preferences: { ...DEFAULT_PREFERENCES, ...(stored.success ? stored.data : {}) },
    createdAt: row.created_at,
  };
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly password: string;
  readonly preferences?: Partial<Preferences>;
}

/** Adds a person. A second account with the same e-mail is a conflict, not an overwrite. */
export async function createUser(db: Kysely<Database>, input: NewUser): Promise<User> {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new HttpError(400, 'invalid_password', `The password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const email = input.email.trim().toLowerCase();
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new HttpError(409, 'email_taken', `There is already an account for ${email}`);
  const row = {
    id: randomUUID(),
    email,
    name: input.name.trim(),
    role: input.role,
    password_hash: await hashPassword(input.password),
    preferences: JSON.stringify({ ...DEFAULT_PREFERENCES, ...input.preferences }),
    created_at: new Date().toISOString(),
  };
  await db.insertInto('users').values(row).execute();
  return toUser(row);
}

export async function listUsers(db: Kysely<Database>, role?: Role): Promise<User[]> {
  let query = db.selectFrom('users').selectAll().orderBy('created_at').orderBy('email');
  if (role) query = query.where('role', '=', role);
  return (await query.execute()).map(toUser);
}
