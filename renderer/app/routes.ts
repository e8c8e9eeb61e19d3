/**
 * Screens are addressed by the URL hash ("#/projects/abc"), so the same bundle works from the
 * studio server, from a file in Electron, and after a reload, without server-side routing.
 */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'project'; readonly projectId: string; readonly optionId?: string }
  | { readonly name: 'protected' }
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
