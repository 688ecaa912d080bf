import { describe, expect, test } from 'vitest'
import { parseRoute, routeHref } from './route.ts'

describe('hash routes', () => {
  test('read the pages from the hash', () => {
    expect(parseRoute('')).toEqual({ page: 'workspaces' })
    expect(parseRoute('#/')).toEqual({ page: 'workspaces' })
    expect(parseRoute('#/workspaces/ws-1')).toEqual({ page: 'workspace', workspaceId: 'ws-1' })
    expect(parseRoute('#/documents/dtg1-2026-abc')).toEqual({ page: 'document', documentId: 'dtg1-2026-abc' })
    expect(parseRoute('#/documents/a%2Fb/')).toEqual({ page: 'document', documentId: 'a/b' })
    expect(parseRoute('#/elsewhere')).toEqual({ page: 'not-found', hash: '#/elsewhere' })
    expect(parseRoute('#/documents/a/b')).toEqual({ page: 'not-found', hash: '#/documents/a/b' })
  })

  test('links round-trip through parseRoute', () => {
    for (const route of [
      { page: 'workspaces' as const },
      { page: 'workspace' as const, workspaceId: 'ws 1' },
      { page: 'document' as const, documentId: 'doc/1' },
    ]) {
      expect(parseRoute(routeHref(route))).toEqual(route)
    }
  })
})
