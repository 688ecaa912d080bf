/**
 * Hash routes of the app: `#/`, `#/workspaces/<id>`, `#/documents/<id>`,
 * `#/documents/<id>/revisions/<revisionId>`, `#/documents/<id>/compare?from=<revisionId|current>&to=<revisionId|current>`,
 * `#/members`, `#/catalogue`.
 */

/** A version of a document: one of its revisions (by id), or the current text. */
export type VersionRef = number | 'current'

export type Route =
  | { page: 'workspaces' }
  | { page: 'workspace'; workspaceId: string }
  | { page: 'document'; documentId: string }
  | { page: 'revision'; documentId: string; revisionId: number }
  /** `from`/`to` are null when the link leaves the choice to the page. */
  | { page: 'compare'; documentId: string; from: VersionRef | null; to: VersionRef | null }
  | { page: 'members' }
  | { page: 'catalogue' }
  | { page: 'not-found'; hash: string }

export function parseVersionRef(value: string | null): VersionRef | null {
  if (value === 'current') return 'current'
  return value !== null && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null
}

export function parseRoute(hash: string): Route {
  const [pathPart = '', query = ''] = hash.replace(/^#/, '').split('?', 2)
  const path = pathPart.replace(/^\/+|\/+$/g, '')
  if (path === '') return { page: 'workspaces' }
  const [section, id, ...rest] = path.split('/')
  if (section === 'documents' && id) {
    const documentId = decodeURIComponent(id)
    const revisionId = rest[0] === 'revisions' && rest.length === 2 ? parseVersionRef(rest[1]!) : null
    if (typeof revisionId === 'number') return { page: 'revision', documentId, revisionId }
    if (rest[0] === 'compare' && rest.length === 1) {
      const params = new URLSearchParams(query)
      return { page: 'compare', documentId, from: parseVersionRef(params.get('from')), to: parseVersionRef(params.get('to')) }
    }
  }
  if (rest.length === 0 && id) {
    const decoded = decodeURIComponent(id)
    if (section === 'workspaces') return { page: 'workspace', workspaceId: decoded }
    if (section === 'documents') return { page: 'document', documentId: decoded }
  }
  if (section === 'workspaces' && !id) return { page: 'workspaces' }
  if (section === 'members' && !id) return { page: 'members' }
  if (section === 'catalogue' && !id) return { page: 'catalogue' }
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
    case 'revision':
      return `#/documents/${encodeURIComponent(route.documentId)}/revisions/${route.revisionId}`
    case 'compare': {
      const params = new URLSearchParams()
      if (route.from !== null) params.set('from', String(route.from))
      if (route.to !== null) params.set('to', String(route.to))
      const query = params.toString()
      return `#/documents/${encodeURIComponent(route.documentId)}/compare${query ? `?${query}` : ''}`
    }
    case 'members':
      return '#/members'
    case 'catalogue':
      return '#/catalogue'
  }
}
