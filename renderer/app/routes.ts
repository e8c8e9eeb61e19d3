/**
 * Screens are addressed by the URL hash ("#/projects/abc"), so the same bundle works from the
 * studio server, from a file in Electron, and after a reload, without server-side routing.
 */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'project'; readonly projectId: string; readonly optionId?: string }
  | { readonly name: 'option-version'; readonly projectId: string; readonly optionId: string; readonly number: number }
  | { readonly name: 'compare'; readonly projectId: string; readonly roomId: string }
  /** [Room] The room shell editor; roomId null for a new room. */
  | { readonly name: 'room-edit'; readonly projectId: string; readonly roomId: string | null }
  | { readonly name: 'shopping'; readonly projectId: string; readonly optionId: string }
  | { readonly name: 'protected' }
  /** [Intake] a new project, the customer's style profile, the designer's summary of it */
  | { readonly name: 'start' }
  | { readonly name: 'style' }
  | { readonly name: 'project-style'; readonly projectId: string }
  /** [Intake] a project's room photos by the shot list; the account screen (notifications, your data) */
  | { readonly name: 'photos'; readonly projectId: string; readonly roomId?: string }
  | { readonly name: 'account' }
  | { readonly name: 'claim'; readonly claimId: string }
  | { readonly name: 'catalog' }
  | { readonly name: 'catalog-import' }
  | { readonly name: 'desk'; readonly tab: 'queue' | 'reports' }
  | { readonly name: 'desk-claim'; readonly claimId: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '');
  const [head, id, sub, subId] = path.split('/').map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  // [Options] #/projects/:id/options/:optionId/versions/:n, …/shopping, #/projects/:id/rooms/:roomId/compare
  const [, , , , leaf, leafId] = path.split('/').map((part) => safeDecode(part));
  if (head === 'projects' && id && sub === 'options' && subId && leaf === 'versions' && leafId && /^\d+$/.test(leafId)) return { name: 'option-version', projectId: id, optionId: subId, number: Number(leafId) };
  if (head === 'projects' && id && sub === 'options' && subId && leaf === 'shopping') return { name: 'shopping', projectId: id, optionId: subId };
  if (head === 'projects' && id && sub === 'rooms' && subId && leaf === 'compare') return { name: 'compare', projectId: id, roomId: subId };
  if (head === 'projects' && id && sub === 'rooms' && subId === 'new') return { name: 'room-edit', projectId: id, roomId: null };
  if (head === 'projects' && id && sub === 'rooms' && subId && leaf === 'edit') return { name: 'room-edit', projectId: id, roomId: subId };
  if (head === 'projects' && id && sub === 'style') return { name: 'project-style', projectId: id };
  if (head === 'projects' && id && sub === 'photos') return subId ? { name: 'photos', projectId: id, roomId: subId } : { name: 'photos', projectId: id };
  if (head === 'account') return { name: 'account' };
  if (head === 'start') return { name: 'start' };
  if (head === 'style') return { name: 'style' };
  if (head === 'projects' && id) {
    return sub === 'options' && subId ? { name: 'project', projectId: id, optionId: subId } : { name: 'project', projectId: id };
  }
  if (head === 'protected') return { name: 'protected' };
  if (head === 'claims' && id) return { name: 'claim', claimId: id };
  if (head === 'desk') {
    if (id === 'claims' && sub) return { name: 'desk-claim', claimId: sub };
    return { name: 'desk', tab: id === 'reports' ? 'reports' : 'queue' };
  }
  if (head === 'catalog') return id === 'import' ? { name: 'catalog-import' } : { name: 'catalog' };
  return { name: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'photos':
      return `#/projects/${encodeURIComponent(route.projectId)}/photos${route.roomId ? `/${encodeURIComponent(route.roomId)}` : ''}`;
    case 'account':
      return '#/account';
    case 'option-version':
      return `#/projects/${encodeURIComponent(route.projectId)}/options/${encodeURIComponent(route.optionId)}/versions/${route.number}`;
    case 'compare':
      return `#/projects/${encodeURIComponent(route.projectId)}/rooms/${encodeURIComponent(route.roomId)}/compare`;
    case 'shopping':
      return `#/projects/${encodeURIComponent(route.projectId)}/options/${encodeURIComponent(route.optionId)}/shopping`;
    case 'room-edit':
      return `#/projects/${encodeURIComponent(route.projectId)}/rooms/${route.roomId === null ? 'new' : `${encodeURIComponent(route.roomId)}/edit`}`;
    case 'start':
      return '#/start';
    case 'style':
      return '#/style';
    case 'project-style':
      return `#/projects/${encodeURIComponent(route.projectId)}/style`;
    case 'home':
      return '#/';
    case 'project':
      return `#/projects/${encodeURIComponent(route.projectId)}${route.optionId ? `/options/${encodeURIComponent(route.optionId)}` : ''}`;
    case 'protected':
      return '#/protected';
    case 'claim':
      return `#/claims/${encodeURIComponent(route.claimId)}`;
    case 'catalog':
      return '#/catalog';
    case 'catalog-import':
      return '#/catalog/import';
    case 'desk':
      return route.tab === 'reports' ? '#/desk/reports' : '#/desk';
    case 'desk-claim':
      return `#/desk/claims/${encodeURIComponent(route.claimId)}`;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
