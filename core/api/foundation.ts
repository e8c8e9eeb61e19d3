import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import {
  CategorySchema,
  CurrencyCode,
  DesignOptionSchema,
  Email,
  Id,
  MoneySchema,
  PreferencesSchema,
  ProductSchema,
  ProjectDetailSchema,
  ProjectSummarySchema,
  RoleSchema,
  RoomSchema,
  UserSchema,
} from './schemas.ts';

const Ok = z.object({ ok: z.literal(true) });

export const health = endpoint({
  id: 'health',
  method: 'GET',
  path: '/api/health',
  summary: 'Liveness and version',
  tag: 'system',
  access: { kind: 'public' },
  response: z.object({ status: z.literal('ok'), version: z.string(), engine: z.enum(['sqlite', 'postgres']) }),
});

export const signIn = endpoint({
  id: 'signIn',
  method: 'POST',
  path: '/api/auth/sign-in',
  summary: 'Sign in with e-mail and password; sets the session cookie',
  tag: 'auth',
  access: { kind: 'public' },
  body: z.object({ email: Email, password: z.string().min(1, 'is required').max(200) }),
  response: z.object({ user: UserSchema }),
  bodyLimit: 4096,
});

export const signOut = endpoint({
  id: 'signOut',
  method: 'POST',
  path: '/api/auth/sign-out',
  summary: 'End the current session',
  tag: 'auth',
  access: { kind: 'session', action: 'self:manage' },
  response: Ok,
  bodyLimit: 1024,
});

export const me = endpoint({
  id: 'me',
  method: 'GET',
  path: '/api/me',
  summary: 'The signed-in user',
  tag: 'auth',
  access: { kind: 'session', action: 'self:manage' },
  response: z.object({ user: UserSchema }),
});

export const updatePreferences = endpoint({
  id: 'updatePreferences',
  method: 'PATCH',
  path: '/api/me/preferences',
  summary: 'Change units, theme or locale',
  tag: 'auth',
  access: { kind: 'session', action: 'self:manage' },
  body: PreferencesSchema.partial(),
  response: z.object({ user: UserSchema }),
  bodyLimit: 4096,
});

export const listUsers = endpoint({
  id: 'listUsers',
  method: 'GET',
  path: '/api/users',
  summary: 'Everyone in the studio',
  tag: 'users',
  access: { kind: 'session', action: 'users:manage' },
  query: z.object({ role: RoleSchema.optional() }),
  response: z.object({ users: z.array(UserSchema) }),
});

export const createUser = endpoint({
  id: 'createUser',
  method: 'POST',
  path: '/api/users',
  summary: 'Add a person to the studio',
  tag: 'users',
  access: { kind: 'session', action: 'users:manage' },
  body: z.object({ email: Email, name: z.string().trim().min(1).max(120), role: RoleSchema, password: z.string().min(10, 'must be at least 10 characters').max(200) }),
  response: z.object({ user: UserSchema }),
  successStatus: 201,
  bodyLimit: 4096,
});

export const listProjects = endpoint({
  id: 'listProjects',
  method: 'GET',
  path: '/api/projects',
  summary: 'Projects the caller works on (all of them for support and admin)',
  tag: 'projects',
  access: { kind: 'session', action: 'project:list' },
  response: z.object({ projects: z.array(ProjectSummarySchema) }),
});

export const createProject = endpoint({
  id: 'createProject',
  method: 'POST',
  path: '/api/projects',
  summary: 'Start a project',
  tag: 'projects',
  access: { kind: 'session', action: 'project:create' },
  body: z.object({
    name: z.string().trim().min(1, 'is required').max(120),
    customerId: Id.optional(),
    budget: MoneySchema.refine((m) => m.amountMinor >= 0, 'must not be negative').optional(),
  }),
  response: z.object({ project: ProjectSummarySchema }),
  successStatus: 201,
  bodyLimit: 8192,
});

export const getProject = endpoint({
  id: 'getProject',
  method: 'GET',
  path: '/api/projects/:projectId',
  summary: 'A project with its rooms and design options',
  tag: 'projects',
  access: { kind: 'session', action: 'project:read', scope: { param: 'projectId', resource: 'project' } },
  params: z.object({ projectId: Id }),
  response: z.object({ project: ProjectDetailSchema }),
});

export const getRoom = endpoint({
  id: 'getRoom',
  method: 'GET',
  path: '/api/rooms/:roomId',
  summary: 'A room: outline, openings, finishes',
  tag: 'rooms',
  access: { kind: 'session', action: 'project:read', scope: { param: 'roomId', resource: 'room' } },
  params: z.object({ roomId: Id }),
  response: z.object({ room: RoomSchema }),
});

export const getOption = endpoint({
  id: 'getOption',
  method: 'GET',
  path: '/api/options/:optionId',
  summary: 'A design option with its placed items and the products they refer to',
  tag: 'options',
  access: { kind: 'session', action: 'project:read', scope: { param: 'optionId', resource: 'option' } },
  params: z.object({ optionId: Id }),
  response: z.object({ option: DesignOptionSchema, products: z.array(ProductSchema) }),
});

export const listProducts = endpoint({
  id: 'listProducts',
  method: 'GET',
  path: '/api/catalog/products',
  summary: 'Browse the catalog',
  tag: 'catalog',
  access: { kind: 'session', action: 'catalog:read' },
  query: z.object({
    q: z.string().max(200).optional(),
    category: CategorySchema.optional(),
    retailerId: Id.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  response: z.object({ products: z.array(ProductSchema), total: z.number().int() }),
});

export const listRetailers = endpoint({
  id: 'listRetailers',
  method: 'GET',
  path: '/api/catalog/retailers',
  summary: 'Retailers and their currencies',
  tag: 'catalog',
  access: { kind: 'session', action: 'catalog:read' },
  response: z.object({ retailers: z.array(z.object({ id: Id, name: z.string(), currency: CurrencyCode, productCount: z.number().int() })) }),
});

export const foundationEndpoints = [
  health,
  signIn,
  signOut,
  me,
  updatePreferences,
  listUsers,
  createUser,
  listProjects,
  createProject,
  getProject,
  getRoom,
  getOption,
  listProducts,
  listRetailers,
] as const;

export { MoneySchema };
