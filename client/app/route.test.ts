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

  test('a revision of a document, read-only', () => {
    expect(parseRoute('#/documents/dtg1-2026-abc/revisions/7')).toEqual({ page: 'revision', documentId: 'dtg1-2026-abc', revisionId: 7 })
    expect(parseRoute('#/documents/d/revisions/7/')).toEqual({ page: 'revision', documentId: 'd', revisionId: 7 })
    for (const hash of ['#/documents/d/revisions', '#/documents/d/revisions/x', '#/documents/d/revisions/0', '#/documents/d/revisions/-1', '#/documents/d/revisions/1.5', '#/documents/d/revisions/current', '#/documents/d/revisions/7/more']) {
      expect(parseRoute(hash)).toEqual({ page: 'not-found', hash })
    }
  })

  test('a comparison of two versions, either of them the current text', () => {
    expect(parseRoute('#/documents/d/compare?from=3&to=current')).toEqual({ page: 'compare', documentId: 'd', from: 3, to: 'current' })
    expect(parseRoute('#/documents/d/compare?to=4&from=current')).toEqual({ page: 'compare', documentId: 'd', from: 'current', to: 4 })
    expect(parseRoute('#/documents/d/compare')).toEqual({ page: 'compare', documentId: 'd', from: null, to: null })
    expect(parseRoute('#/documents/d/compare?from=abc&to=0')).toEqual({ page: 'compare', documentId: 'd', from: null, to: null })
    expect(parseRoute('#/documents/d/compare/x')).toEqual({ page: 'not-found', hash: '#/documents/d/compare/x' })
  })

  test('the catalogue page', () => {
    expect(parseRoute('#/catalogue')).toEqual({ page: 'catalogue' })
    expect(routeHref({ page: 'catalogue' })).toBe('#/catalogue')
    expect(parseRoute('#/catalogue/x')).toEqual({ page: 'not-found', hash: '#/catalogue/x' })
  })

  test('the members page, for the secretariat', () => {
    expect(parseRoute('#/members')).toEqual({ page: 'members' })
    expect(parseRoute('#/members/')).toEqual({ page: 'members' })
    expect(parseRoute('#/members/12')).toEqual({ page: 'not-found', hash: '#/members/12' })
  })

  test('links round-trip through parseRoute', () => {
    for (const route of [
      { page: 'workspaces' as const },
      { page: 'workspace' as const, workspaceId: 'ws 1' },
      { page: 'document' as const, documentId: 'doc/1' },
      { page: 'revision' as const, documentId: 'doc/1', revisionId: 12 },
      { page: 'compare' as const, documentId: 'doc/1', from: 3, to: 'current' as const },
      { page: 'compare' as const, documentId: 'd', from: 'current' as const, to: null },
      { page: 'compare' as const, documentId: 'd', from: null, to: null },
      { page: 'members' as const },
    ]) {
      expect(parseRoute(routeHref(route))).toEqual(route)
    }
  })
})
