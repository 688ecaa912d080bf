/** Hash routes of the app: `#/`, `#/workspaces/<id>`, `#/documents/<id>`. */

export type Route =
  | { page: 'workspaces' }
  | { page: 'workspace'; workspaceId: string }
  | { page: 'document'; documentId: string }
  | { page: 'not-found'; hash: string }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+|\/+$/g, '')
  if (path === '') return { page: 'workspaces' }
  const [section, id, ...rest] = path.split('/')
  if (rest.length === 0 && id) {
    const decoded = decodeURIComponent(id)
    if (section === 'workspaces') return { page: 'workspace', workspaceId: decoded }
    if (section === 'documents') return { page: 'document', documentId: decoded }
  }
  if (section === 'workspaces' && !id) return { page: 'workspaces' }
  return { page: 'not-found', hash }
}

export function routeHref(route: Exclude<Route, { page: 'not-found' }>): string {
  switch (route.page) {
    case 'workspaces':
      return '#/'
    case 'workspace':
      return `#/workspaces/${encodeURIComponent(route.workspaceId)}`
    case 'document':
      return `#/documents/${encodeURIComponent(route.documentId)}`
  }
}
