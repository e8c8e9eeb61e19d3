/**
 * Who may do what. One table, consulted by the server for every request (and by the UI to hide
 * what a person cannot do). Project-scoped actions also need membership of that project for the
 * roles marked `member` below; support and admin act studio-wide.
 */
export const ROLES = ['customer', 'designer', 'support', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Action =
  | 'project:list'
  | 'project:create'
  | 'project:read'
  | 'project:edit'
  | 'project:stage'
  | 'project:take'
  | 'room:edit'
  | 'option:edit'
  | 'option:swap'
  | 'option:approve'
  | 'option:comment'
  | 'catalog:read'
  | 'catalog:import'
  | 'retailer:manage'
  | 'purchase:record'
  | 'claim:read'
  | 'claim:act'
  | 'users:manage'
  | 'self:manage';

type Grant = 'any' | 'member' | 'none';

const GRANTS: Record<Action, Record<Role, Grant>> = {
  'project:list': { customer: 'any', designer: 'any', support: 'any', admin: 'any' },
  'project:create': { customer: 'any', designer: 'any', support: 'none', admin: 'any' },
  'project:read': { customer: 'member', designer: 'member', support: 'any', admin: 'any' },
  'project:edit': { customer: 'member', designer: 'member', support: 'none', admin: 'any' },
  'project:stage': { customer: 'none', designer: 'member', support: 'none', admin: 'any' },
  'project:take': { customer: 'none', designer: 'any', support: 'none', admin: 'any' },
  'room:edit': { customer: 'none', designer: 'member', support: 'none', admin: 'any' },
  'option:edit': { customer: 'none', designer: 'member', support: 'none', admin: 'any' },
  'option:swap': { customer: 'member', designer: 'member', support: 'none', admin: 'any' },
  'option:approve': { customer: 'member', designer: 'none', support: 'none', admin: 'none' },
  'option:comment': { customer: 'member', designer: 'member', support: 'none', admin: 'any' },
  'catalog:read': { customer: 'any', designer: 'any', support: 'any', admin: 'any' },
  'catalog:import': { customer: 'none', designer: 'none', support: 'none', admin: 'any' },
  'retailer:manage': { customer: 'none', designer: 'none', support: 'none', admin: 'any' },
  'purchase:record': { customer: 'member', designer: 'member', support: 'any', admin: 'any' },
  'claim:read': { customer: 'member', designer: 'member', support: 'any', admin: 'any' },
  'claim:act': { customer: 'none', designer: 'none', support: 'any', admin: 'any' },
  'users:manage': { customer: 'none', designer: 'none', support: 'none', admin: 'any' },
  'self:manage': { customer: 'any', designer: 'any', support: 'any', admin: 'any' },
};

export interface Actor {
  readonly role: Role;
}

/** Whether the action needs a project to decide (membership), for this role. */
export function needsMembership(role: Role, action: Action): boolean {
  return GRANTS[action][role] === 'member';
}

/**
 * `isMember` is only consulted when the grant depends on membership; pass `undefined` when
 * no project is involved (then a membership-scoped grant is refused).
 */
export function can(actor: Actor, action: Action, isMember?: boolean): boolean {
  const grant = GRANTS[action][actor.role];
  if (grant === 'any') return true;
  if (grant === 'member') return isMember === true;
  return false;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
