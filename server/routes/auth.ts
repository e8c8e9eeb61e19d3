import * as api from '../../core/api/foundation.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { createSession, endSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { createUser, listUsers, toUser } from '../auth/users.ts';
import { implement } from '../http/context.ts';
import { sessionCookie } from '../http/cookies.ts';
import { HttpError } from '../http/errors.ts';
import { sessionToken } from '../http/register.ts';

// A fixed hash to compare against when the e-mail is unknown, so timing does not reveal accounts.
const UNKNOWN_USER_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const authRoutes = [
  implement(api.health, async ({ services }) => ({ status: 'ok' as const, version: services.version, engine: services.engine })),

  implement(api.signIn, async ({ body, services, reply, request }) => {
    const row = await services.db.selectFrom('users').selectAll().where('email', '=', body.email).executeTakeFirst();
    const ok = await verifyPassword(body.password, row?.password_hash ?? UNKNOWN_USER_HASH);
    if (!row || !ok) {
      request.log.info({ email: body.email }, 'sign-in refused');
      throw new HttpError(401, 'invalid_credentials', 'That e-mail and password do not match an account');
    }
    const session = await createSession(services.db, row.id);
    reply.header('set-cookie', sessionCookie(SESSION_COOKIE, session.token, session.expiresAt, request.protocol === 'https'));
    return { user: toUser(row) };
  }),

  implement(api.signOut, async ({ request, reply, services }) => {
    const token = sessionToken(request);
    if (token) await endSession(services.db, token);
    reply.header('set-cookie', sessionCookie(SESSION_COOKIE, '', null, request.protocol === 'https'));
    return { ok: true as const };
  }),

  implement(api.me, async ({ user }) => ({ user })),

  implement(api.updatePreferences, async ({ user, body, services }) => {
    const preferences = { ...user.preferences, ...body };
    await services.db.updateTable('users').set({ preferences: JSON.stringify(preferences) }).where('id', '=', user.id).execute();
    return { user: { ...user, preferences } };
  }),

  implement(api.listUsers, async ({ query, services }) => ({ users: await listUsers(services.db, query.role) })),

  implement(api.createUser, async ({ body, services }) => ({ user: await createUser(services.db, body) })),
];
